import { describe, expect, it } from "vitest";
import { LowPriorityPreloads } from "./low-priority-preloads.server";

/** What the stream lets out for these writes, as one string. */
async function through(pieces: (string | Buffer)[]) {
  const stream = new LowPriorityPreloads();
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

const page =
  '<head><link rel="stylesheet" href="/assets/root.css"/></head><body><p>Case</p>' +
  '<link rel="modulepreload" href="/assets/entry.client.js"/><link rel="modulepreload" href="/assets/root.js"/>' +
  '<script type="module">import "/assets/entry.client.js";</script></body>';
const lowered =
  '<head><link rel="stylesheet" href="/assets/root.css"/></head><body><p>Case</p>' +
  '<link rel="modulepreload" fetchpriority="low" href="/assets/entry.client.js"/><link rel="modulepreload" fetchpriority="low" href="/assets/root.js"/>' +
  '<script type="module">import "/assets/entry.client.js";</script></body>';

describe("LowPriorityPreloads", () => {
  it("marks every module preload low priority and leaves the rest of the page as it was", async () => {
    expect(await through([page])).toBe(lowered);
  });

  it("marks a tag cut at any byte by a chunk's end", async () => {
    for (let cut = 1; cut < page.length; cut++) {
      expect(await through([page.slice(0, cut), page.slice(cut)])).toBe(lowered);
    }
  });

  it("keeps multi-byte characters whole and ends with a piece that only looked like a tag's start", async () => {
    const euro = Buffer.from("€ <link rel=");
    expect(await through([euro.subarray(0, 1), euro.subarray(1)])).toBe("€ <link rel=");
    expect(await through(["a page without preloads"])).toBe("a page without preloads");
  });
});
