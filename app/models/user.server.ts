import type { Role } from "~/domain/auth/permissions";
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

export function changeRole(id: string, role: Role) {
  return db.user.update({ where: { id }, data: { role }, select: publicUser });
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
