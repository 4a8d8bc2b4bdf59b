import { z } from "zod";
import { roleValues } from "../auth/permissions";

export const PASSWORD_MIN = 12;

const password = z
  .string({ message: `Choose a password of at least ${PASSWORD_MIN} characters` })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(200, "Use at most 200 characters");

const role = z.enum(roleValues, { message: "Choose a role from the list" });

export const createUserSchema = z.object({
  intent: z.literal("create"),
  name: z.string({ message: "Enter the person's name" }).trim().min(1, "Enter the person's name").max(120, "Keep the name under 120 characters"),
  email: z
    .string({ message: "Enter an email address" })
    .trim()
    .max(254, "That email address is too long")
    .email("Enter a valid email address")
    .transform((v) => v.toLowerCase()),
  role,
  password,
});

export const userActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), role }),
  z.object({ intent: z.literal("password"), password }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
]);
