import { describe, expect, it } from "vitest";
import { ScriptsAfterPaint } from "./scripts-after-paint.server";

/** What the stream lets out for these writes, as one string. */
async function through(pieces: (string | Buffer)[]) {
  const stream = new ScriptsAfterPaint();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  for (const piece of pieces) stream.write(typeof piece === "string" ? Buffer.from(piece) : piece);
  stream.end();
  await done;
  return Buffer.concat(chunks).toString("utf8");
}

// The tags as Remix's <Scripts> writes them.
const page =
  '<head><link rel="stylesheet" href="/assets/root.css"/></head><body><p>Case</p>' +
  '<link rel="modulepreload" href="/assets/entry.client.js"/><link rel="modulepreload" href="/assets/root.js"/>' +
  '<script nonce="n0">window.__remixContext = {};</script>' +
  '<script nonce="n0" type="module" async="">import "/assets/root.js";import("/assets/entry.client.js");</script></body>';
const inert =
  '<head><link rel="stylesheet" href="/assets/root.css"/></head><body><p>Case</p>' +
  '<link data-after-paint="modulepreload" href="/assets/entry.client.js"/><link data-after-paint="modulepreload" href="/assets/root.js"/>' +
  '<script nonce="n0">window.__remixContext = {};</script>' +
  '<script nonce="n0" type="text/x-module-after-paint" async="">import "/assets/root.js";import("/assets/entry.client.js");</script></body>';

describe("ScriptsAfterPaint", () => {
  it("makes every module preload and the module script inert and leaves the rest of the page as it was", async () => {
    expect(await through([page])).toBe(inert);
  });

  it("finds a tag cut at any byte by a chunk's end", async () => {
    for (let cut = 1; cut < page.length; cut++) {
      expect(await through([page.slice(0, cut), page.slice(cut)])).toBe(inert);
    }
  });

  it("finds tags cut into many pieces", async () => {
    for (const size of [1, 2, 3, 7, 25]) {
      const pieces: string[] = [];
      for (let at = 0; at < page.length; at += size) pieces.push(page.slice(at, at + size));
      expect(await through(pieces)).toBe(inert);
    }
  });

  it("keeps multi-byte characters whole and ends with a piece that only looked like a tag's start", async () => {
    const euro = Buffer.from("€ <link rel=");
    expect(await through([euro.subarray(0, 1), euro.subarray(1)])).toBe("€ <link rel=");
    expect(await through(['a page without scripts <script type="module"'])).toBe('a page without scripts <script type="module"');
    expect(await through(["a page without preloads"])).toBe("a page without preloads");
  });
});
