import { randomUUID } from "node:crypto";
import type { ParsedTable } from "~/domain/data-io/import-common";

// A parsed upload waits here between the preview and the import, so the file is sent once.
// In memory, per person, for 30 minutes.
type Upload = { ownerId: string; name: string; table: ParsedTable; at: number };
const uploads = new Map<string, Upload>();
const TTL_MS = 30 * 60 * 1000;

const PER_PERSON = 3; // a few tabs at once; older uploads of the same person make way

export function keepUpload(ownerId: string, name: string, table: ParsedTable) {
  const now = Date.now();
  for (const [id, u] of uploads) if (now - u.at > TTL_MS) uploads.delete(id);
  const mine = [...uploads].filter(([, u]) => u.ownerId === ownerId).sort((a, b) => a[1].at - b[1].at);
  for (const [id] of mine.slice(0, Math.max(0, mine.length - (PER_PERSON - 1)))) uploads.delete(id);
  const id = randomUUID();
  uploads.set(id, { ownerId, name, table, at: now });
  return id;
}

export function takeUpload(id: string, ownerId: string) {
  const u = uploads.get(id);
  if (!u || u.ownerId !== ownerId || Date.now() - u.at > TTL_MS) return null;
  return u;
}

export function dropUpload(id: string) {
  uploads.delete(id);
}
