import { describe, expect, it } from "vitest";
import { cached, dataChanged } from "./data-version.server";

describe("cached", () => {
  it("shares one computation among requests that ask while it runs, and computes again after a write", async () => {
    const store = new Map<string, { version: number; at: number; value: number }>();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 10));
      return runs;
    };
    const together = await Promise.all([cached(store, "k", 60_000, compute), cached(store, "k", 60_000, compute), cached(store, "k", 60_000, compute)]);
    expect(together).toEqual([1, 1, 1]);
    expect(await cached(store, "k", 60_000, compute)).toBe(1);
    dataChanged();
    expect(await cached(store, "k", 60_000, compute)).toBe(2);
  });

  it("does not keep a value worked out while a write landed as fresh", async () => {
    const store = new Map<string, { version: number; at: number; value: string }>();
    const first = cached(store, "k", 60_000, async () => {
      await new Promise((r) => setTimeout(r, 10));
      return "before the write";
    });
    dataChanged();
    expect(await first).toBe("before the write");
    expect(await cached(store, "k", 60_000, async () => "after the write")).toBe("after the write");
  });
});
