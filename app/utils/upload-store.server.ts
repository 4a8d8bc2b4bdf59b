import { unstable_composeUploadHandlers, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { databaseFile } from "./env.server";

// An uploaded file is written to disk as it arrives (issue 18, decision 026): the server's
// thread never holds a whole file (a 100,000-row file was copied three or four times on its
// heap), and the import's worker reads it from there. It waits between the preview and the
// import, so the file is sent once: per person, for 30 minutes, then removed. The directory
// sits beside the database (one server process per database, decision 006) and is emptied at
// start-up: what is there belongs to a process that died.
export type UploadedFile = { path: string; name: string; size: number; tooBig: boolean };
type Upload = { ownerId: string; file: UploadedFile; at: number };
const uploads = new Map<string, Upload>();
const TTL_MS = 30 * 60 * 1000;
const PER_PERSON = 3; // a few tabs at once; older uploads of the same person make way

/** Where uploads wait: beside the database, emptied when this module loads (start-up). */
export const uploadDirectory = () => `${databaseFile()}.uploads`;
rmSync(uploadDirectory(), { recursive: true, force: true });

/** Removes a file of ours; one already gone is fine. */
const remove = (file: UploadedFile) => rm(file.path, { force: true }).catch((error: unknown) => console.error("Could not remove an upload:", error));

/**
 * Reads a multipart form with its file parts written to disk (past `maxBytes` a part is no longer
 * written and is marked too big). The files are returned apart from the form's fields, so a text
 * field can never name a file of ours. The caller keeps a file (keepUpload) or discards it.
 */
export async function readUploadForm(request: Request, maxBytes: number): Promise<{ formData: FormData; files: Map<string, UploadedFile> }> {
  const files = new Map<string, UploadedFile>();
  const toDisk: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) return undefined; // a text field: the next handler's
    mkdirSync(uploadDirectory(), { recursive: true });
    const file: UploadedFile = { path: join(uploadDirectory(), randomUUID()), name: filename, size: 0, tooBig: false };
    const previous = files.get(name);
    files.set(name, file);
    if (previous) await remove(previous);
    // Counted as it passes; past the limit nothing more is written, but the rest is read so the
    // form's other fields still arrive.
    const count = new Transform({
      transform(chunk: Uint8Array, _encoding, next) {
        file.size += chunk.byteLength;
        file.tooBig ||= file.size > maxBytes;
        next(null, file.tooBig ? undefined : chunk);
      },
    });
    try {
      await pipeline(Readable.from(data), count, createWriteStream(file.path));
    } catch (error) {
      await remove(file);
      throw error;
    }
    if (file.tooBig) await remove(file);
    return undefined;
  };
  try {
    const formData = await unstable_parseMultipartFormData(inPieces(request), unstable_composeUploadHandlers(toDisk, unstable_createMemoryUploadHandler()));
    return { formData, files };
  } catch (error) {
    await Promise.all([...files.values()].map(remove));
    throw error;
  }
}

// The multipart parser spreads a chunk's lines into one call's arguments: a body in one large
// chunk (a whole file, as tests and some clients send it) overflows the stack. A socket gives
// 64 kB chunks; so does this.
const PIECE = 64 * 1024;
function inPieces(request: Request): Request {
  if (!request.body) return request;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        for (let i = 0; i < chunk.byteLength; i += PIECE) out.enqueue(chunk.subarray(i, i + PIECE));
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body, duplex: "half" });
}

/** Keeps an uploaded file for its owner's next steps (preview, recheck, import); its id. */
export function keepUpload(ownerId: string, file: UploadedFile) {
  const now = Date.now();
  for (const [id, u] of uploads) if (now - u.at > TTL_MS) void dropUpload(id);
  const mine = [...uploads].filter(([, u]) => u.ownerId === ownerId).sort((a, b) => a[1].at - b[1].at);
  for (const [id] of mine.slice(0, Math.max(0, mine.length - (PER_PERSON - 1)))) void dropUpload(id);
  const id = randomUUID();
  uploads.set(id, { ownerId, file, at: now });
  return id;
}

export function takeUpload(id: string, ownerId: string) {
  const u = uploads.get(id);
  if (!u || u.ownerId !== ownerId || Date.now() - u.at > TTL_MS) return null;
  return u.file;
}

/** Forgets an upload and removes its file. */
export async function dropUpload(id: string) {
  const u = uploads.get(id);
  uploads.delete(id);
  if (u) await remove(u.file);
}

/** Removes a file that was not kept (a refused upload, an attainment file once read). */
export const discardUpload = (file: UploadedFile | undefined) => (file ? remove(file) : Promise.resolve());

// Expired uploads leave even when nobody uploads again.
setInterval(() => {
  const now = Date.now();
  for (const [id, u] of uploads) if (now - u.at > TTL_MS) void dropUpload(id);
}, 60_000).unref();
