import { createHash, randomBytes } from "node:crypto";
import { db } from "~/utils/db.server";
import { now } from "~/utils/clock.server";

// Tokens for other systems that send cases (the intake API). The token is 32 random bytes:
// SHA-256 of it is as good as a slow hash (nothing to guess), and lets a request be matched
// with one indexed lookup. The plain token exists only in the answer to the admin who made it.

const PREFIX = "upk_";

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export async function createIntegrationToken(name: string, adminId: string) {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.integrationToken.create({
    data: { name, tokenHash: hashToken(token), hint: token.slice(-4), createdById: adminId },
    select: { id: true, name: true },
  });
  return { ...row, token };
}

export async function listIntegrationTokens() {
  return db.integrationToken.findMany({
    orderBy: [{ revokedAt: "asc" }, { createdAt: "desc" }],
    select: { id: true, name: true, hint: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeIntegrationToken(id: string) {
  const { count } = await db.integrationToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now() } });
  return count > 0;
}

export type Integration = { id: string; name: string; actorId: string };

/** The integration a bearer token belongs to, or null for an unknown or revoked token. */
export async function integrationForToken(token: string): Promise<Integration | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const row = await db.integrationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, createdById: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  // At most one write a minute per token, not one per request.
  const at = now();
  if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.integrationToken.update({ where: { id: row.id }, data: { lastUsedAt: at } });
  }
  return { id: row.id, name: row.name, actorId: row.createdById };
}
