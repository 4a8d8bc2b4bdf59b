// What changed between two versions of a brief: word-level changes, per section, for the
// sections that changed only. Readers open an earlier version and see this.

import { diffWords } from "diff";
import { chainSentenceWithSupport } from "./chain-merge";
import { FOLLOW_UP_TITLE, followUpText } from "./follow-up";
import { SECTION_KEYS, SECTION_TITLES, type Brief, type SectionKey } from "./types";

export type DiffSection = "title" | "summary" | "chain" | SectionKey | "followUp";

export const DIFF_SECTION_TITLES: Record<DiffSection, string> = {
  title: "Title",
  summary: "Summary",
  chain: "The chain",
  ...SECTION_TITLES,
  followUp: FOLLOW_UP_TITLE,
};

export type DiffPart = { value: string; added?: true; removed?: true };
export type SectionDiff = { section: DiffSection; title: string; parts: DiffPart[] };

/** A version as stored: older versions may lack a section or the chain. */
export type BriefVersionContent = Pick<Brief, "title" | "summary"> & {
  sections: Partial<Brief["sections"]>;
  chain?: Brief["chain"];
  followUp?: Brief["followUp"];
};

function texts(b: BriefVersionContent): Record<DiffSection, string> {
  const out = {
    title: b.title ?? "",
    summary: b.summary ?? "",
    chain: b.chain ? chainSentenceWithSupport(b.chain) : "",
  } as Record<DiffSection, string>;
  for (const key of SECTION_KEYS) out[key] = b.sections?.[key] ?? "";
  out.followUp = followUpText(b.followUp);
  return out;
}

/** From `a` (older) to `b` (newer): sections in reading order, unchanged ones left out. */
export function diffBriefs(a: BriefVersionContent, b: BriefVersionContent): SectionDiff[] {
  const before = texts(a);
  const after = texts(b);
  const order: DiffSection[] = ["title", "summary", "chain", ...SECTION_KEYS, "followUp"];
  return order
    .filter((section) => before[section] !== after[section])
    .map((section) => ({
      section,
      title: DIFF_SECTION_TITLES[section],
      parts: diffWords(before[section], after[section]).map((c) => ({
        value: c.value,
        ...(c.added ? { added: true as const } : {}),
        ...(c.removed ? { removed: true as const } : {}),
      })),
    }));
}
