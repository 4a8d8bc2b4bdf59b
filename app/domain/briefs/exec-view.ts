// An executive's copy of a brief, derived when it is read (docs/product.md "Roles and what each sees": executives get figures
// only through disclosure control). A published brief is a frozen snapshot the comp team wrote
// and edited; their copy stays exactly as published. The executive's copy is computed from it
// on every read, so every version ever published (and the Markdown download) gets the same
// treatment, and a change to the rules reaches old versions too:
//
// - no case ids: "#123" is gone from the text, and each chain link's list of cases is empty;
// - no figure of one or two cases: "1 case", "two cases", "both cases", "2 of 5 cases" read "fewer than
//   three"; a chain link backed by fewer than three cases says so instead of its count (and is
//   drawn as a lead);
// - a brief on fewer than three cases names no profile: the "what we see" section is replaced,
//   every sentence that names a function, segment, role, month, behaviour (or an outcome only
//   that behaviour leads to) or tenure is left out, as are the behaviour links of the chain and
//   the attribution of quotes; a title that names any of them becomes a neutral one;
// - attainment figures of a segment the variability page withholds from executives are not
//   quoted (the brief would otherwise undo that protection).
//
// Text the comp team typed freely can say anything: this catches what the brief's own
// templates write and the obvious forms of the same facts, not every paraphrase.

import { FUNCTIONS, REPORTER_ROLES, SEGMENTS, BEHAVIOURS } from "../cases/taxonomy";
import { TENURE_BANDS } from "../cases/tenure";
import { followUpForExecutives } from "./follow-up";
import { EXEC_MIN_CELL } from "../privacy/disclosure";
import type { Brief, BriefBasis, BriefSections, MergedLink, Quote, SectionKey } from "./types";
import { SECTION_KEYS } from "./types";

export const SMALL_BRIEF_NOTE =
  "This brief rests on fewer than three cases. To protect the people who raised them, this copy does not say who raised them, in which function, segment or role, when, or what they were seen to do. Until more cases back it, it is a lead, not yet a pattern.";

export const SEGMENT_WITHHELD = (label: string) =>
  `The attainment figures for ${label} are not shown here, so that no group's figures can be worked out from the others.`;

const MONTH_YEAR = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b/i;
const GENERIC = new Set(["other", "not recorded", "unknown", "not known yet", ""]);

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches any of the terms as whole words, case-insensitively. */
function termMatcher(terms: readonly string[]): (text: string) => boolean {
  const useful = [...new Set(terms.map((t) => t.trim()).filter((t) => !GENERIC.has(t.toLowerCase())))];
  if (useful.length === 0) return (text) => MONTH_YEAR.test(text);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${useful.sort((a, b) => b.length - a.length).map(escape).join("|")})(?![\\p{L}\\p{N}])`, "iu");
  return (text) => re.test(text) || MONTH_YEAR.test(text);
}

/** Every label a profile could be told by, for a brief written before its basis was kept. */
export function everyProfileTerm(): string[] {
  return [...FUNCTIONS, ...SEGMENTS, ...REPORTER_ROLES, ...BEHAVIOURS, ...TENURE_BANDS].map((o) => o.label);
}

/** Counts of one or two cases, and case ids, out of a text. */
export function withoutSmallCounts(text: string): string {
  const keepCase = (match: string, replacement: string) => (/^[A-Z]/.test(match) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement);
  return text
    .replace(/\s*\((?:cases?\s+)?#\d+(?:\s*(?:,|and)\s*#\d+)*\)/gi, "")
    .replace(/(?:\bcases?\s+)?#\d+(?:\s*(?:,|and)\s*#\d+)*/gi, (m) => keepCase(m, "a case"))
    .replace(/\b(all)\s+(?:1|2|one|two)\s+cases\b/gi, (_m, all: string) => `${all} the cases`)
    .replace(/\bboth(?:\s+the)?\s+cases\b/gi, (m) => keepCase(m, "all the cases"))
    .replace(/\bthis case\b/gi, (m) => keepCase(m, "the cases"))
    .replace(/\b(?:1|2|one|two)(\s+of\s+(?:[\d,]+|all))?\s+cases?\b(\s+only)?/gi, (m, of: string | undefined) =>
      keepCase(m, `fewer than three${of ?? ""} cases`),
    );
}

/** Drops the sentences (and list items) that `names` matches; keeps paragraphs and lists. */
function withoutSentences(text: string, names: (s: string) => boolean): string {
  return text
    .split(/\n\s*\n/)
    .map((para) => {
      const lines = para.split("\n");
      if (lines.every((l) => /^\s*[-*•]\s+/.test(l))) return lines.filter((l) => !names(l)).join("\n");
      return para
        .split(/(?<=[.!?…]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}$])/u)
        .filter((sentence) => !names(sentence))
        .join(" ");
    })
    .filter((para) => para.trim())
    .join("\n\n");
}

/** "- “quote” (AE, Sales, Mid-Market)" → "- “quote”" when the attribution names a profile. */
function withoutAttribution(text: string, names: (s: string) => boolean): string {
  return text
    .split("\n")
    .map((line) => {
      const m = /^(\s*[-*•]\s+.*[”"])\s*\(([^()]*)\)\s*$/.exec(line);
      return m && names(m[2]) ? m[1] : line;
    })
    .join("\n");
}

export type ExecBriefOptions = {
  basis: BriefBasis;
  /** Whether the variability page shows this segment to executives. */
  segmentShown: (segment: string) => boolean;
  /**
   * Whether the plan-health table shows executives every figure a plan-health paragraph quotes
   * for this segment and period (issue 17); without it such paragraphs are left out.
   */
  healthShown?: (segment: string, period: string) => boolean;
};

/** The executive's copy of a brief (see the top of this file). */
export function briefForExecutives(brief: Brief, { basis, segmentShown, healthShown = () => false }: ExecBriefOptions): Brief {
  const small = basis.caseCount < EXEC_MIN_CELL;
  const names = termMatcher(basis.profile);
  const hiddenSegments = basis.segments.filter((s) => !segmentShown(s.value));
  // A paragraph of attainment figures opens by naming its segment ("In Mid-Market, across …").
  const segmentParagraph = (para: string, label: string) => new RegExp(`^In ${escape(label)},`).test(para.trim());
  const text = (t: string) => {
    const paragraphs = withoutSmallCounts(t ?? "")
      .split(/\n\s*\n/)
      // On fewer than three cases the segment is the profile: its figures go with its name.
      .filter((para) => !small || !basis.segments.some((s) => segmentParagraph(para, s.label)))
      // A plan-health paragraph ("In Enterprise, in 2026-Q4, …") only where every figure it quotes is shown.
      .filter((para) => {
        const s = basis.segments.find((x) => segmentParagraph(para, x.label));
        const m = s && new RegExp(`^In ${escape(s.label)}, in ([^,]+),`).exec(para.trim());
        return !m || !s || (segmentShown(s.value) && healthShown(s.value, m[1]));
      })
      .map((para) => hiddenSegments.find((s) => segmentParagraph(para, s.label)) ?? para)
      .map((p) => (typeof p === "string" ? p : SEGMENT_WITHHELD(p.label)));
    const out = paragraphs.join("\n\n");
    return small ? withoutSentences(out, names) : out;
  };

  const chain: MergedLink[] = brief.chain
    .filter((l) => !small || (l.kind !== "behaviour" && !names(l.text) && !names(l.full ?? "")))
    .map((l) => ({
      text: l.text,
      ...(l.full ? { full: l.full } : {}),
      kind: l.kind,
      support: l.support >= EXEC_MIN_CELL ? l.support : 0,
      caseIds: [],
      single: l.support < EXEC_MIN_CELL,
      ...(l.support >= EXEC_MIN_CELL ? {} : { supportText: `fewer than ${EXEC_MIN_CELL} cases` }),
    }));

  const sections = Object.fromEntries(
    SECTION_KEYS.map((key: SectionKey) => {
      const raw = brief.sections[key] ?? "";
      if (small && key === "whatWeSee") return [key, SMALL_BRIEF_NOTE];
      if (small && key === "quotes") return [key, text(withoutAttribution(withoutSmallCounts(raw), names))];
      return [key, text(raw)];
    }),
  ) as BriefSections;

  const quotes: Quote[] = brief.quotes
    .filter((q) => !small || !names(q.text))
    .map((q) => (small ? { text: withoutSmallCounts(q.text), role: "", function: "", segment: "" } : { ...q, text: withoutSmallCounts(q.text) }));

  return {
    title: titleForExecutives(brief.title, basis),
    summary: text(brief.summary),
    chain,
    sections,
    quotes,
    ...(brief.followUp ? { followUp: followUpForExecutives(brief.followUp, text) } : {}),
  };
}

/** A brief's title as an executive reads it (in the brief and in the list of briefs). */
export function titleForExecutives(title: string, basis: BriefBasis): string {
  const t = withoutSmallCounts(title);
  return basis.caseCount < EXEC_MIN_CELL && termMatcher(basis.profile)(t) ? basis.neutralTitle : t;
}

/**
 * The basis of a brief written before it was kept: the case count from its source as it is now
 * (or, with no source left, from the chain: the cases it names), and every taxonomy label as the
 * profile — a copy that leaves out more than it needs to rather than less.
 */
export function fallbackBasis(brief: Brief, sourceCaseCount: number | null): BriefBasis {
  const fromChain = new Set(brief.chain.flatMap((l) => l.caseIds ?? [])).size;
  return {
    caseCount: sourceCaseCount ?? fromChain,
    profile: everyProfileTerm(),
    segments: SEGMENTS.map((s) => ({ value: s.value, label: s.label })),
    neutralTitle: "A lead from a few cases",
  };
}
