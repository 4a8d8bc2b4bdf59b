import { describe, expect, it } from "vitest";
import { TickChunks } from "./tick-chunks.server";

/** Every chunk the stream lets out, in order. */
function collect(stream: TickChunks) {
  const chunks: string[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  return new Promise<string[]>((resolve, reject) => {
    stream.on("end", () => resolve(chunks));
    stream.on("error", reject);
  });
}

describe("TickChunks", () => {
  it("lets what is written in one turn out as one chunk, and a later write as another", async () => {
    const stream = new TickChunks();
    const out = collect(stream);
    for (const piece of ["<html>", "<body>", "a page in ", "many pieces"]) stream.write(Buffer.from(piece));
    await new Promise((r) => setTimeout(r, 5));
    stream.write(Buffer.from("<template>later</template>"));
    stream.end(Buffer.from("</body></html>"));
    expect(await out).toEqual(["<html><body>a page in many pieces", "<template>later</template></body></html>"]);
  });

  it("drops NUL bytes, also across pieces, and keeps multi-byte characters whole", async () => {
    const stream = new TickChunks();
    const out = collect(stream);
    const euro = Buffer.from("€"); // three bytes, split across two writes with a NUL between
    stream.write(Buffer.concat([Buffer.from("price "), euro.subarray(0, 1)]));
    stream.write(Buffer.concat([Buffer.from([0]), euro.subarray(1)]));
    stream.end(Buffer.from("5"));
    expect((await out).join("")).toBe("price €5");
  });
});
