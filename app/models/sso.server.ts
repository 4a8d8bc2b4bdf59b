import { randomBytes } from "node:crypto";
import { NO_ACCESS, type Role } from "~/domain/auth/permissions";
import { roleForGroups } from "~/domain/auth/sso";
import { recordChange } from "~/models/access-log.server";
import { hashPassword } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export function listGroupRoles() {
  return db.ssoGroupRole.findMany({ orderBy: { group: "asc" }, select: { group: true, role: true } });
}

export function setGroupRole(group: string, role: Role) {
  return db.ssoGroupRole.upsert({ where: { group }, create: { group, role }, update: { role }, select: { group: true } });
}

export function removeGroupRole(group: string) {
  return db.ssoGroupRole.deleteMany({ where: { group } });
}

export type SsoOutcome = { ok: true; userId: string } | { ok: false; reason: "unverified" | "inactive" };

/**
 * The account for a single sign-on, matched by verified email. A first sign-in creates it
 * with the role its groups map to (or no access until an admin grants one) and a password
 * nobody knows; an existing account keeps the role it has.
 */
export async function userForSso(identity: { email: string; emailVerified: boolean; name: string; groups: string[] }): Promise<SsoOutcome> {
  if (!identity.email || !identity.emailVerified) return { ok: false, reason: "unverified" };
  const existing = await db.user.findUnique({ where: { email: identity.email }, select: { id: true, active: true } });
  if (existing) return existing.active ? { ok: true, userId: existing.id } : { ok: false, reason: "inactive" };
  const role = roleForGroups(identity.groups, await listGroupRoles());
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const created = await db.user
    .create({ data: { email: identity.email, name: identity.name.slice(0, 200), role, passwordHash }, select: { id: true } })
    // Two first sign-ins at once (two tabs): the second finds the account the first made.
    .catch(async (error: unknown) => {
      if ((error as { code?: string }).code !== "P2002") throw error;
      return null;
    });
  if (!created) return userForSso(identity);
  await recordChange(db, created.id, { action: "sso-sign-in", subject: "user", subjectId: created.id, detail: role === NO_ACCESS ? "no access yet" : `role ${role}` });
  return { ok: true, userId: created.id };
}
