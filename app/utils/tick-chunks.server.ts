import { Transform, type TransformCallback } from "node:stream";

/**
 * Joins what is written to it within one turn of the event loop into one chunk, with NUL bytes
 * dropped (React 18's streaming renderer can emit one where a multi-byte character meets a
 * buffer boundary: facebook/react#24985, fixed in React 19).
 *
 * Why join: React writes a page in pieces of a few kB, and Remix's Express adapter writes
 * each piece to the response and then flushes the compressor. Every flush is a trip to zlib's
 * thread pool, answered one turn of the event loop later; in each of those turns every other
 * request gets its go first. A 100 kB page thus needed ~50 turns and, behind a stream of brief
 * POSTs, took seconds (issue 18). Joined, the shell goes out in one piece, and a Suspense
 * boundary that resolves later still goes out when it does.
 */
export class TickChunks extends Transform {
  private parts: Buffer[] = [];
  private pending: NodeJS.Immediate | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.parts.push(chunk);
    this.pending ??= setImmediate(() => this.release());
    callback();
  }

  override _flush(callback: TransformCallback) {
    this.release();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void) {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    this.parts = [];
    callback(error);
  }

  private release() {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    if (this.parts.length === 0) return;
    const joined = Buffer.concat(this.parts);
    this.parts = [];
    this.push(withoutNul(joined));
  }
}

/** The bytes without NULs, copied in runs (a byte-by-byte filter of a 600 kB page costs ~10 ms). */
function withoutNul(bytes: Buffer): Buffer {
  let at = bytes.indexOf(0);
  if (at < 0) return bytes;
  const runs: Buffer[] = [];
  let from = 0;
  while (at >= 0) {
    runs.push(bytes.subarray(from, at));
    from = at + 1;
    at = bytes.indexOf(0, from);
  }
  runs.push(bytes.subarray(from));
  return Buffer.concat(runs);
}
