import { z } from "zod";

export const loginSchema = z.object({
  email: z
    .string({ message: "Enter your email address" })
    .trim()
    .max(254, "That email address is too long")
    .email("Enter a valid email address")
    .transform((v) => v.toLowerCase()),
  password: z
    .string({ message: "Enter your password" })
    .min(1, "Enter your password")
    .max(200, "That password is too long"),
  redirectTo: z.string().max(2000).optional(),
});
