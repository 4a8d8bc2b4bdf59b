// A gzip file written in pieces by different threads (decision 044): each piece is compressed on
// its own and ends on a byte boundary (a sync flush), so the pieces join into one deflate stream
// (pigz writes gzip the same way); the running CRC-32 and length make the trailer. An export's
// pages are compressed on its worker, and the server's thread only passes compressed bytes on.
// Not a *.server.ts: the export worker imports it too.
import zlib from "node:zlib";

/** Where a file's pieces have got to: the CRC-32 and length of everything before, uncompressed. */
export type GzipProgress = { crc: number; length: number };
export const gzipStart: GzipProgress = { crc: 0, length: 0 };

// Magic, deflate, no flags, no time, no extra flags, OS unknown (RFC 1952).
const HEADER = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** One piece compressed: `first` puts the gzip header in front of it. */
export function gzipPiece(bytes: Uint8Array, progress: GzipProgress, first: boolean): { bytes: Uint8Array<ArrayBuffer>; progress: GzipProgress } {
  const deflated = bytes.byteLength ? zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : new Uint8Array(0);
  const out = new Uint8Array((first ? HEADER.byteLength : 0) + deflated.byteLength);
  if (first) out.set(HEADER, 0);
  out.set(deflated, first ? HEADER.byteLength : 0);
  // Node 20's crc32 gives 0 for TextEncoder's empty array (whatever the running value): skipped.
  const crc = bytes.byteLength ? zlib.crc32(bytes, progress.crc) : progress.crc;
  return { bytes: out, progress: { crc, length: progress.length + bytes.byteLength } };
}

/** The end of the file: a last, empty deflate block, then the CRC-32 and the length (mod 2³²). */
export function gzipEnd(progress: GzipProgress): Uint8Array<ArrayBuffer> {
  const last = zlib.deflateRawSync(new Uint8Array(0));
  const out = new Uint8Array(last.byteLength + 8);
  out.set(last, 0);
  const view = new DataView(out.buffer);
  view.setUint32(last.byteLength, progress.crc >>> 0, true);
  view.setUint32(last.byteLength + 4, progress.length >>> 0, true);
  return out;
}

/** Whether a request's Accept-Encoding takes gzip: named with q above 0, or "*" when gzip is not named. */
export function acceptsGzip(header: string | null): boolean {
  const q = new Map<string, number>();
  for (const part of (header ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.split(";").map((p) => p.trim());
    const weight = params.find((p) => p.startsWith("q="));
    if (name) q.set(name, weight === undefined ? 1 : Number(weight.slice(2)) || 0);
  }
  return (q.get("gzip") ?? q.get("*") ?? 0) > 0;
}
