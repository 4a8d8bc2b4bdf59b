import { describe, expect, it } from "vitest";
import { BACKGROUND_NICE, backgroundNice } from "./thread-priority";

describe("backgroundNice", () => {
  it("is 10 unless WORKER_NICE says otherwise", () => {
    expect(BACKGROUND_NICE).toBe(10);
    expect(backgroundNice({})).toBe(10);
    expect(backgroundNice({ WORKER_NICE: " " })).toBe(10);
  });

  it("takes a whole number from WORKER_NICE, kept within Linux's 0–19", () => {
    expect(backgroundNice({ WORKER_NICE: "0" })).toBe(0);
    expect(backgroundNice({ WORKER_NICE: "5" })).toBe(5);
    expect(backgroundNice({ WORKER_NICE: "40" })).toBe(19);
    expect(backgroundNice({ WORKER_NICE: "-5" })).toBe(0);
  });

  it("ignores what is not a whole number", () => {
    expect(backgroundNice({ WORKER_NICE: "high" })).toBe(10);
    expect(backgroundNice({ WORKER_NICE: "2.5" })).toBe(10);
  });
});
