import { Transform, type TransformCallback } from "node:stream";

const TAG = Buffer.from('<link rel="modulepreload"');
const LOW = Buffer.from(' fetchpriority="low"');

/**
 * Gives Remix's `<link rel="modulepreload">` tags `fetchpriority="low"` on their way out
 * (decision 027; `<Scripts>` takes no such prop). The page's scripts are modules, so they never
 * block the first paint, but at Chrome's default (High) priority the ~40 of them share a slow
 * phone's connection with the document and its stylesheet, and Lighthouse counts every one
 * in the first paint. At low priority the HTML and CSS go first and the page paints; the
 * scripts follow and hydrate it. A tag cut by a chunk's end is completed with the next chunk.
 */
export class LowPriorityPreloads extends Transform {
  private carry: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const keep = startOfTagAtEnd(bytes);
    // A copy: the writer may reuse the chunk's memory.
    this.carry = Buffer.from(bytes.subarray(bytes.length - keep));
    const ready = bytes.subarray(0, bytes.length - keep);
    if (ready.length) this.push(withLowPriority(ready));
    callback();
  }

  override _flush(callback: TransformCallback) {
    if (this.carry.length) this.push(this.carry);
    this.carry = Buffer.alloc(0);
    callback();
  }
}

/** How many of the last bytes could be the start of a tag that the next chunk completes. */
function startOfTagAtEnd(bytes: Buffer): number {
  for (let k = Math.min(TAG.length - 1, bytes.length); k > 0; k--) {
    if (bytes.subarray(bytes.length - k).equals(TAG.subarray(0, k))) return k;
  }
  return 0;
}

function withLowPriority(bytes: Buffer): Buffer {
  let at = bytes.indexOf(TAG);
  if (at < 0) return bytes;
  const parts: Buffer[] = [];
  let from = 0;
  while (at >= 0) {
    const end = at + TAG.length;
    parts.push(bytes.subarray(from, end), LOW);
    from = end;
    at = bytes.indexOf(TAG, end);
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
