import { describe, expect, it } from "vitest";
import { layoutChain, wrapText, type DiagramBox } from "./diagram";
import { buildCaseChain, mergeChains } from "./chain-merge";
import { TERRITORY_CASES } from "./fixtures/cases";
import type { MergedLink } from "./types";

const link = (text: string, support = 2): MergedLink => ({
  text,
  kind: "step",
  support,
  caseIds: Array.from({ length: support }, (_, i) => i + 1),
  single: support === 1,
});

const overlap = (a: DiagramBox, b: DiagramBox) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function expectSane(links: MergedLink[], width: number) {
  const d = layoutChain(links, { width });
  // Every link has its box, in order, with all its words.
  expect(d.boxes.length).toBe(links.length);
  d.boxes.forEach((box, i) => {
    expect(box.lines.join(" ").replace(/- /g, "").toLowerCase()).toBe(links[i].text.toLowerCase());
    expect(box.support).toBe(links[i].support);
    expect(box.single).toBe(links[i].single);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(width);
    expect(box.y + box.h).toBeLessThanOrEqual(d.height);
  });
  // No two boxes overlap.
  for (let i = 0; i < d.boxes.length; i++)
    for (let j = i + 1; j < d.boxes.length; j++) expect(overlap(d.boxes[i], d.boxes[j]), `${i} and ${j}`).toBe(false);
  // One arrow from each box to the next, leaving one box's edge and reaching the next's.
  expect(d.arrows.length).toBe(Math.max(0, links.length - 1));
  d.arrows.forEach((arrow, i) => {
    const a = d.boxes[i];
    const b = d.boxes[i + 1];
    const start = arrow.points[0];
    const tip = arrow.points[arrow.points.length - 1];
    expect(arrow).toMatchObject({ from: i, to: i + 1 });
    expect(start.x === a.x + a.w || start.y === a.y + a.h).toBe(true);
    expect(tip.x === b.x || tip.y === b.y).toBe(true);
  });
  return d;
}

describe("layoutChain", () => {
  it("lays a short chain out in one row", () => {
    const d = expectSane([link("territory imbalance"), link("missed targets"), link("missed revenue")], 800);
    expect(new Set(d.boxes.map((b) => b.y)).size).toBe(1);
    expect(d.boxes[0].x).toBeLessThan(d.boxes[1].x);
  });

  it("wraps a long chain into rows, reading left to right then down", () => {
    const links = Array.from({ length: 11 }, (_, i) => link(`link number ${i + 1}`));
    const d = expectSane(links, 600);
    const rows = [...new Set(d.boxes.map((b) => b.y))];
    expect(rows.length).toBeGreaterThan(1);
    for (let i = 1; i < d.boxes.length; i++) {
      const [a, b] = [d.boxes[i - 1], d.boxes[i]];
      expect(b.y > a.y || (b.y === a.y && b.x > a.x)).toBe(true);
    }
  });

  it("lays out the merged chain of a realistic pattern", () => {
    const links = mergeChains(TERRITORY_CASES.map(buildCaseChain));
    const d = expectSane(links, 720);
    expect(d.boxes.filter((b) => b.single).every((b) => b.label === "1 case only")).toBe(true);
    expect(d.boxes[0].label).toBe("5 cases");
  });

  it("fits a page narrower than a box", () => {
    const d = expectSane([link("territory imbalance"), link("missed revenue")], 120);
    expect(d.boxes[0].w).toBeLessThanOrEqual(120);
    expect(d.boxes[1].y).toBeGreaterThan(d.boxes[0].y);
  });

  it("gives a row's boxes room for all their lines and the support label", () => {
    const d = layoutChain([link("a rather long link that wraps over several lines in its box"), link("short")], { width: 800 });
    const [long, short] = d.boxes;
    expect(long.lines.length).toBeGreaterThan(1);
    expect(long.h).toBe(short.h);
    expect(long.h).toBeGreaterThanOrEqual((long.lines.length + 1) * 17);
  });

  it("draws nothing for an empty chain", () => {
    expect(layoutChain([], { width: 500 })).toMatchObject({ boxes: [], arrows: [] });
  });
});

describe("wrapText", () => {
  it("wraps at words within the line length", () => {
    expect(wrapText("territories have too few accounts", 15)).toEqual(["territories", "have too few", "accounts"]);
  });

  it("breaks a word longer than a line", () => {
    const lines = wrapText("supercalifragilistic", 8);
    expect(lines.every((l) => l.length <= 8)).toBe(true);
    expect(lines.join("").replace(/-/g, "")).toBe("supercalifragilistic");
  });
});
