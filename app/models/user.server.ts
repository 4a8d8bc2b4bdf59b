import type { Role } from "~/domain/auth/permissions";
import { recordChange } from "~/models/access-log.server";
import { hashPassword } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { done, refused } from "~/utils/outcome";

// Never select passwordHash here: these rows go to pages.
const publicUser = { id: true, email: true, name: true, role: true, active: true, createdAt: true } as const;

export function listUsers() {
  return db.user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select: publicUser });
}

export function getUser(id: string) {
  return db.user.findUnique({ where: { id }, select: publicUser });
}

export async function createUser(input: { name: string; email: string; role: Role; password: string }) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return refused("email-taken");
  const user = await db.user.create({
    data: { name: input.name, email: input.email, role: input.role, passwordHash: await hashPassword(input.password) },
    select: publicUser,
  });
  return done({ user });
}

/** A role change is recorded in the access log by the same transaction (who, from what, to what). */
export function changeRole(id: string, role: Role, actorId: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { role: true } });
    const updated = await tx.user.update({ where: { id }, data: { role }, select: publicUser });
    if (before && before.role !== role) {
      await recordChange(tx, actorId, { action: "role-change", subject: "user", subjectId: id, detail: `${before.role} → ${role}` });
    }
    return updated;
  });
}

/** A new password also signs the person out everywhere. */
export async function resetPassword(id: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.$transaction([
    db.user.update({ where: { id }, data: { passwordHash }, select: { id: true } }),
    db.session.deleteMany({ where: { userId: id } }),
  ]);
}

export async function setActive(id: string, active: boolean) {
  await db.$transaction([
    db.user.update({ where: { id }, data: { active }, select: { id: true } }),
    ...(active ? [] : [db.session.deleteMany({ where: { userId: id } })]),
  ]);
}
