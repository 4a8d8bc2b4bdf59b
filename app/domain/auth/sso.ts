// Single sign-on rules that need no database: which role a person's groups give, and the
// admins' mapping form. Pure.
import { z } from "zod";
import { NO_ACCESS, ROLES, roleValues, type Role } from "./permissions";

/**
 * The role for a first sign-in: of the roles the person's groups map to, the one listed first
 * in ROLES (admin before analyst before sales leader before executive); none mapped, no access.
 */
export function roleForGroups(groups: readonly string[], mapping: readonly { group: string; role: string }[]): Role | typeof NO_ACCESS {
  const mapped = new Set(mapping.filter((m) => groups.includes(m.group)).map((m) => m.role));
  return ROLES.find((r) => mapped.has(r.value))?.value ?? NO_ACCESS;
}

export const ssoMappingSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    group: z
      .string({ message: "Name the group as the identity provider sends it" })
      .trim()
      .min(1, "Name the group as the identity provider sends it")
      .max(200, "At most 200 characters"),
    role: z.enum(roleValues, { message: "Choose a role from the list" }),
  }),
  z.object({ intent: z.literal("remove"), group: z.string().min(1).max(200) }),
]);
