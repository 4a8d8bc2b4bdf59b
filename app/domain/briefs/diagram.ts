// Layout of the chain diagram: boxes left to right, wrapping into rows when the chain is
// wider than the page, with an arrow from each link to the next. Pure numbers; the React
// component draws the SVG, on screen and in print.

import { supportLabel } from "./chain-merge";
import { upperFirst } from "./text";
import type { MergedLink } from "./types";

export type DiagramBox = {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The link's text, wrapped. */
  lines: string[];
  /** "5 cases", "1 case only": drawn under the text. */
  label: string;
  support: number;
  single: boolean;
  kind: MergedLink["kind"];
};

export type Point = { x: number; y: number };

/** A polyline from one box to the next; the last point is the arrow's tip. */
export type DiagramArrow = { from: number; to: number; points: Point[] };

export type ChainDiagram = { width: number; height: number; boxes: DiagramBox[]; arrows: DiagramArrow[] };

export type LayoutOptions = {
  width: number;
  boxWidth?: number;
  /** Horizontal room between boxes, for the arrow. */
  gap?: number;
  /** Vertical room between rows, for the arrow that turns the corner. */
  rowGap?: number;
  padding?: number;
  fontSize?: number;
  lineHeight?: number;
  margin?: number;
};

const DEFAULTS = {
  boxWidth: 150,
  gap: 32,
  rowGap: 40,
  padding: 10,
  fontSize: 13,
  lineHeight: 17,
  margin: 8,
};

/** Average glyph width as a share of the font size, for a sans-serif face. Errs wide. */
const CHAR_WIDTH = 0.58;

/**
 * Greedy word wrap to at most `maxChars` a line; a word longer than a line is broken with a
 * hyphen so it cannot overflow the box.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const max = Math.max(4, Math.floor(maxChars));
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(`${word.slice(0, max - 1)}-`);
      word = word.slice(max - 1);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function layoutChain(links: readonly MergedLink[], options: LayoutOptions): ChainDiagram {
  const o = { ...DEFAULTS, ...options };
  const usable = Math.max(1, o.width - 2 * o.margin);
  const boxW = Math.min(o.boxWidth, usable);
  const perRow = Math.max(1, Math.floor((usable + o.gap) / (boxW + o.gap)));
  const maxChars = (boxW - 2 * o.padding) / (o.fontSize * CHAR_WIDTH);

  const wrapped = links.map((l) => wrapText(upperFirst(l.text), maxChars));
  // Text lines, then one line for the support label.
  const heightOf = (lines: string[]) => 2 * o.padding + (lines.length + 1) * o.lineHeight;

  const boxes: DiagramBox[] = [];
  let y = o.margin;
  for (let start = 0; start < links.length; start += perRow) {
    const row = links.slice(start, start + perRow);
    // Boxes of a row share a height so the arrows between them run straight.
    const h = Math.max(...row.map((_, i) => heightOf(wrapped[start + i])));
    row.forEach((link, i) => {
      boxes.push({
        x: o.margin + i * (boxW + o.gap),
        y,
        w: boxW,
        h,
        lines: wrapped[start + i],
        label: supportLabel(link),
        support: link.support,
        single: link.single,
        kind: link.kind,
      });
    });
    y += h + o.rowGap;
  }

  const arrows: DiagramArrow[] = [];
  for (let i = 0; i + 1 < boxes.length; i++) {
    const a = boxes[i];
    const b = boxes[i + 1];
    if (a.y === b.y) {
      // Same row: right edge to left edge, at mid-height.
      arrows.push({ from: i, to: i + 1, points: [{ x: a.x + a.w, y: a.y + a.h / 2 }, { x: b.x, y: b.y + b.h / 2 }] });
    } else {
      // Next row: down from the box, back along the gap between rows, down into the next box.
      const midY = a.y + a.h + o.rowGap / 2;
      arrows.push({
        from: i,
        to: i + 1,
        points: [
          { x: a.x + a.w / 2, y: a.y + a.h },
          { x: a.x + a.w / 2, y: midY },
          { x: b.x + b.w / 2, y: midY },
          { x: b.x + b.w / 2, y: b.y },
        ],
      });
    }
  }

  const height = boxes.length > 0 ? y - o.rowGap + o.margin : 2 * o.margin;
  const width = boxes.length > 0 ? Math.max(...boxes.map((b) => b.x + b.w)) + o.margin : o.width;
  return { width, height, boxes, arrows };
}
