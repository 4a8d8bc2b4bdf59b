import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, gzipEnd, gzipPiece, gzipStart } from "./gzip-pieces";

const encode = (s: string) => new TextEncoder().encode(s);

/** A file written as the export writes it: the pieces in turn, then the end. */
function write(texts: string[]) {
  let progress = gzipStart;
  const parts: Uint8Array[] = [];
  texts.forEach((text, i) => {
    const done = gzipPiece(encode(text), progress, i === 0);
    parts.push(done.bytes);
    progress = done.progress;
  });
  parts.push(gzipEnd(progress));
  return Buffer.concat(parts);
}

describe("gzip written in pieces", () => {
  it("joins into one gzip file that any gunzip reads back to the text, byte for byte", () => {
    const texts = ["\uFEFFid,complaint\r\n", ...Array.from({ length: 5 }, (_, p) => Array.from({ length: 400 }, (_, i) => `${p * 400 + i},"Quota moved ${i % 7} times — Ærøskøbing"\r\n`).join("")), ""];
    const file = write(texts);
    expect(zlib.gunzipSync(file).toString("utf8")).toBe(texts.join(""));
    // The trailer is checked by gunzip: a wrong CRC or length would throw.
    expect(file.byteLength).toBeLessThan(Buffer.byteLength(texts.join("")) / 3);
  });

  it("writes an empty file and a file of empty pieces", () => {
    expect(zlib.gunzipSync(write([""])).toString()).toBe("");
    expect(zlib.gunzipSync(write(["head", "", "", "tail"])).toString()).toBe("headtail");
  });

  it("keeps the length mod 2³² and the CRC of everything before", () => {
    const a = gzipPiece(encode("abc"), gzipStart, true).progress;
    const b = gzipPiece(encode("def"), a, false).progress;
    expect(b).toEqual({ crc: zlib.crc32("abcdef"), length: 6 });
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["deflate, gzip;q=0.5", true],
    ["*", true],
    ["gzip;q=0, *", false],
    ["gzip;q=0.0", false],
    ["br;q=1, *;q=0", false],
    ["identity", false],
    ["", false],
    [null, false],
  ])("%s → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
