import { z } from "zod";

// The admin page for intake tokens: make one (named after the system that will use it) or revoke one.
export const tokenActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name: z.string({ message: "Name the system that will send cases" }).trim().min(1, "Name the system that will send cases").max(80, "Keep the name under 80 characters"),
  }),
  z.object({ intent: z.literal("revoke"), tokenId: z.string({ message: "Choose a token" }).min(1).max(64) }),
]);
