import { describe, expect, it } from "vitest";
import { ATTAINMENT, TERRITORY_CASES } from "./fixtures/cases";
import { briefToMarkdown, escapeMarkdown, sectionBlocks, sectionToMarkdown } from "./markdown";
import { writeBrief } from "./sections";
import { SECTION_TITLES, type Brief } from "./types";

const INJECTION =
  "Click [here](javascript:alert(1)) or ![x](http://evil.example/x.png) <img src=x onerror=alert(1)> **now** `code` http://evil.example www.evil.example ceo@evil.example";

/** Markdown characters that are live: not preceded by a backslash. */
const live = (md: string, pattern: string) => new RegExp(`(?<!\\\\)${pattern}`).test(md);

describe("escapeMarkdown", () => {
  const out = escapeMarkdown(INJECTION);

  it("leaves no live link, image, HTML, emphasis or code", () => {
    expect(live(out, "\\[")).toBe(false);
    expect(live(out, "\\]")).toBe(false);
    expect(live(out, "<")).toBe(false);
    expect(live(out, "\\*")).toBe(false);
    expect(live(out, "`")).toBe(false);
    expect(out).toContain("\\[here\\](javascript:alert(1))");
    expect(out).toContain("\\<img src=x onerror=alert(1)\\>");
  });

  it("breaks up bare URLs and emails so GFM does not autolink them", () => {
    expect(out).not.toContain("http://");
    expect(out).toContain("http:\\/\\/evil.example");
    expect(out).not.toMatch(/www\.evil/);
    expect(out).not.toMatch(/(?<!\\)@/);
  });

  it("escapes line starts that would make a heading, quote, list or rule", () => {
    expect(escapeMarkdown("# Pay us more")).toBe("\\# Pay us more");
    expect(escapeMarkdown("> quoted")).toBe("\\> quoted");
    expect(escapeMarkdown("- item\n+ item\n1. item\n---")).toBe("\\- item\n\\+ item\n1\\. item\n\\---");
    expect(escapeMarkdown("    code block")).toBe("code block");
  });

  it("leaves ordinary text alone", () => {
    expect(escapeMarkdown("Together they put $2.7M of revenue at risk.")).toBe("Together they put $2.7M of revenue at risk.");
    expect(escapeMarkdown("Mid-Market (120 reps): 48% of the total")).toBe("Mid-Market (120 reps): 48% of the total");
  });

  it("escapes a backslash, so an escape cannot be undone", () => {
    expect(escapeMarkdown("\\[x]")).toBe("\\\\\\[x\\]");
  });
});

describe("sectionToMarkdown", () => {
  it("keeps paragraphs and list items and escapes their text", () => {
    expect(sectionToMarkdown("First line.\n\n\n\n- “A quote with [a link](http://x.y)” (AE)\n* other")).toBe(
      "First line.\n\n- “A quote with \\[a link\\](http:\\/\\/x.y)” (AE)\n- other",
    );
  });
});

describe("briefToMarkdown", () => {
  const brief = writeBrief({ title: "Territory carve", cases: TERRITORY_CASES, attainment: ATTAINMENT, scope: "pattern" });

  it("carries the title, version, chain with support, every section and the quotes", () => {
    const md = briefToMarkdown(brief, { version: 2, publishedAt: new Date("2026-04-03T10:00:00Z") });
    expect(md.startsWith("# Territory carve\n\n*Version 2, published 3 Apr 2026*\n\n")).toBe(true);
    expect(md).toContain("## The chain, from cause to cost");
    expect(md).toContain("1. Territory imbalance (5 cases)");
    expect(md).toContain("(1 case only)");
    expect(md).toContain(`${brief.chain.length}. Missed revenue (5 cases)`);
    for (const title of Object.values(SECTION_TITLES)) expect(md).toContain(`## ${title}`);
    for (const q of brief.quotes) expect(md).toContain(q.text);
    expect(md).toContain(brief.summary);
  });

  it("marks a draft", () => {
    expect(briefToMarkdown(brief, { version: null, publishedAt: null })).toContain("*Draft, not yet published*");
  });

  it("escapes text the comp team typed into the title, summary and sections", () => {
    const edited: Brief = {
      ...brief,
      title: "# <script>alert(1)</script>",
      summary: INJECTION,
      sections: { ...brief.sections, payChange: INJECTION, quotes: `- “${INJECTION}” (AE)` },
    };
    const md = briefToMarkdown(edited, { version: 3, publishedAt: new Date("2026-04-03T00:00:00Z") });
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toContain("http://");
    expect(md.startsWith("# \\# \\<script\\>")).toBe(true);
    expect(md).toContain("- “Click \\[here\\]");
  });
});

describe("sectionBlocks", () => {
  it("splits a list out of the paragraph it was typed under", () => {
    expect(sectionBlocks("Other fixes the team named:\n- Reset quotas.\n- Publish the method.\n\nThen check.")).toEqual([
      { kind: "paragraph", text: "Other fixes the team named:" },
      { kind: "list", items: ["Reset quotas.", "Publish the method."] },
      { kind: "paragraph", text: "Then check." },
    ]);
    expect(sectionToMarkdown("Fixes:\n- One\n- Two")).toBe("Fixes:\n\n- One\n- Two");
  });
});
