import { randomUUID } from "node:crypto";
// An upload waits here between the preview and the import, so the file is sent once. In memory,
// per person, for 30 minutes; as its bytes (outside the JavaScript heap), read again by the
// import's worker at each step rather than kept parsed (issue 18: memory).
type Upload = { ownerId: string; name: string; bytes: Uint8Array; at: number };
const uploads = new Map<string, Upload>();
const TTL_MS = 30 * 60 * 1000;

const PER_PERSON = 3; // a few tabs at once; older uploads of the same person make way

export function keepUpload(ownerId: string, name: string, bytes: Uint8Array) {
  const now = Date.now();
  for (const [id, u] of uploads) if (now - u.at > TTL_MS) uploads.delete(id);
  const mine = [...uploads].filter(([, u]) => u.ownerId === ownerId).sort((a, b) => a[1].at - b[1].at);
  for (const [id] of mine.slice(0, Math.max(0, mine.length - (PER_PERSON - 1)))) uploads.delete(id);
  const id = randomUUID();
  uploads.set(id, { ownerId, name, bytes, at: now });
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
