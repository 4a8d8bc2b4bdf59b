// Who may do what (docs/product.md "Roles and what each sees"). Routes ask these questions; nothing else
// decides access.
export const ROLES = [
  { value: "admin", label: "Admin (comp team)" },
  { value: "analyst", label: "Analyst (comp team)" },
  { value: "sales_leader", label: "Sales leader" },
  { value: "executive", label: "Executive" },
] as const;

export type Role = (typeof ROLES)[number]["value"];
export const roleValues = ROLES.map((r) => r.value) as [Role, ...Role[]];

export function roleLabel(role: string) {
  return ROLES.find((r) => r.value === role)?.label ?? role;
}

export type Permission =
  | "case:read"
  | "case:write"
  | "case:see-reporter"
  | "users:manage"
  | "pattern:read";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["case:read", "case:write", "case:see-reporter", "users:manage", "pattern:read"],
  analyst: ["case:read", "case:write", "case:see-reporter", "pattern:read"],
  sales_leader: ["case:read", "pattern:read"],
  // Executives read aggregates and briefs, never individual case files: a single case's
  // role, segment, region and tenure can be enough to identify the reporter.
  executive: ["pattern:read"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roleValues as string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && GRANTS[role].includes(permission);
}

export function isCompTeam(role: string) {
  return role === "admin" || role === "analyst";
}
