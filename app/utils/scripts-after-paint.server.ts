import { Transform, type TransformCallback } from "node:stream";
import { INERT_MODULE_TYPE, INERT_PRELOAD } from "./after-paint";

// Remix's `<Scripts>` writes these two tags exactly so (it takes no prop for either).
const SWAPS: [Buffer, Buffer][] = [
  [Buffer.from('<link rel="modulepreload"'), Buffer.from(`<link ${INERT_PRELOAD}="modulepreload"`)],
  [Buffer.from(' type="module" async="">'), Buffer.from(` type="${INERT_MODULE_TYPE}" async="">`)],
];
const LONGEST = Math.max(...SWAPS.map(([from]) => from.length));

/**
 * Holds the page's scripts back until its first paint (decision 029): Remix's module preloads
 * and its inline module script leave as inert tags (a link without `rel`, a data block), and the
 * starter script in `root.tsx` turns them back into a preload and a module once the browser has
 * painted the HTML and CSS. Before, a phone (or Lighthouse) fetched and ran ~220 kB of script
 * before the first paint whenever they arrived in time. A tag cut by a chunk's end is completed
 * with the next chunk.
 */
export class ScriptsAfterPaint extends Transform {
  private carry: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const keep = startOfTagAtEnd(bytes);
    // A copy: the writer may reuse the chunk's memory.
    this.carry = Buffer.from(bytes.subarray(bytes.length - keep));
    const ready = bytes.subarray(0, bytes.length - keep);
    if (ready.length) this.push(swapped(ready));
    callback();
  }

  override _flush(callback: TransformCallback) {
    if (this.carry.length) this.push(this.carry);
    this.carry = Buffer.alloc(0);
    callback();
  }
}

/**
 * How many of the last bytes could be the start of a tag that the next chunk completes. Runs for
 * every chunk React writes (~250 a pattern page), so it compares in place: no slices made.
 */
function startOfTagAtEnd(bytes: Buffer): number {
  for (let k = Math.min(LONGEST - 1, bytes.length); k > 0; k--) {
    const at = bytes.length - k;
    for (const [from] of SWAPS) if (k < from.length && bytes[at] === from[0] && bytes.compare(from, 0, k, at) === 0) return k;
  }
  return 0;
}

function swapped(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (;;) {
    // The next occurrence of any tag.
    let at = -1;
    let swap: [Buffer, Buffer] | null = null;
    for (const pair of SWAPS) {
      const i = bytes.indexOf(pair[0], from);
      if (i >= 0 && (at < 0 || i < at)) [at, swap] = [i, pair];
    }
    if (!swap) break;
    parts.push(bytes.subarray(from, at), swap[1]);
    from = at + swap[0].length;
  }
  if (!parts.length) return bytes;
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
