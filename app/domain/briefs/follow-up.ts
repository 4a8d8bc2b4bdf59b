// "What we did and whether it worked" (issue 15): the actions taken on a brief's pattern, brief
// or cases and their effectiveness checks, as they stood when a version was published. The
// model freezes this plain data into the version's content; the words are written from it here,
// so a published version reads the same for ever, whatever happens to the actions afterwards.

import { statusLabel, verdictLabel } from "../actions/action-schema";
import { MIN_REPS, type AttainmentSide } from "../actions/attainment-change";
import { NOISE_WORDS, type NoiseVerdict } from "../actions/effectiveness";
import { functionLabel } from "../cases/taxonomy";
import { formatDate, plural } from "./text";

export const FOLLOW_UP_TITLE = "What we did and whether it worked";

/** One group's attainment before and after (a segment or a role the pattern's cases come from). */
export type FollowUpAttainment = { group: string; before: AttainmentSide; after: AttainmentSide };

export type FollowUpCheck = {
  /** Length of each window, in days, either side of the day the action was done. */
  days: number;
  /** Counts and the noise test's sentence; absent from an executive's copy (outcome words only). */
  counts: { before: number; after: number; beforePerMonth: number; afterPerMonth: number; sentence: string; recurrencesAfter: number } | null;
  outcome: NoiseVerdict;
  attainment: FollowUpAttainment[];
};

export type FollowUpItem = {
  title: string;
  ownerFunction: string;
  /** Empty in an executive's copy: executives see the owning function, not the person. */
  ownerName: string;
  status: string;
  /** ISO dates (YYYY-MM-DD): the content is stored as JSON. */
  dueOn: string;
  doneOn: string | null;
  checkDueOn: string | null;
  overdue: boolean;
  /** The cases the action names; empty in an executive's copy. */
  caseIds: number[];
  /** The check's figures once its date has come; null before. */
  check: FollowUpCheck | null;
  verdict: string;
  verdictNote: string;
};

export type FollowUp = { asOf: string; items: FollowUpItem[] };

const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));
const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

function attainmentLine(a: FollowUpAttainment): string {
  const shown = (s: AttainmentSide) => !s.tooFew && s.median !== null;
  if (!shown(a.before) || !shown(a.after)) {
    return `Attainment, ${a.group}: fewer than ${MIN_REPS} reps in a period either side, so not compared.`;
  }
  const { before: b, after: f } = a;
  return `Attainment, ${a.group} (${b.periods.join(", ")} → ${f.periods.join(", ")}): median ${pct(b.median)} → ${pct(f.median)}, spread ${b.sd ?? "—"} → ${f.sd ?? "—"} points, at quota ${pct(b.shareAtQuota)} → ${pct(f.shareAtQuota)}.`;
}

function checkLines(item: FollowUpItem): string[] {
  const c = item.check;
  if (!c) return item.checkDueOn ? [`Check: due ${day(item.checkDueOn)}.`] : [];
  const lines: string[] = [];
  if (c.counts) {
    const k = c.counts;
    lines.push(
      `Check, ${plural(c.days, "day")} either side of the change: ${plural(k.before, "matching complaint")} before (${k.beforePerMonth} a month), ${k.after} after (${k.afterPerMonth} a month). ${k.sentence}`,
    );
    if (k.recurrencesAfter > 0) lines.push(`Flagged as recurring after the fix: ${plural(k.recurrencesAfter, "case")}.`);
  } else {
    lines.push(`Check: ${NOISE_WORDS[c.outcome]}`);
  }
  for (const a of c.attainment) lines.push(attainmentLine(a));
  return lines;
}

/**
 * The section's text (paragraphs and "- " lists, like every brief section): per action, what
 * will change, then a list of its owner, status and dates, the check's figures and the
 * owner's verdict.
 */
export function followUpText(followUp: FollowUp | undefined): string {
  if (!followUp || followUp.items.length === 0) return "";
  const blocks = [`As of ${day(followUp.asOf)}.`];
  for (const item of followUp.items) {
    const owner = item.ownerName ? `${functionLabel(item.ownerFunction)} (${item.ownerName})` : functionLabel(item.ownerFunction);
    const status = [statusLabel(item.status), item.doneOn ? `done ${day(item.doneOn)}` : `due ${day(item.dueOn)}`, item.overdue ? "overdue" : ""].filter(Boolean).join(", ");
    const lines = [
      `Owner: ${owner}.`,
      `Status: ${status}.`,
      ...(item.caseIds.length ? [`Cases: ${item.caseIds.map((id) => `#${id}`).join(", ")}.`] : []),
      ...checkLines(item),
      ...(item.verdict ? [`Owner's verdict: ${verdictLabel(item.verdict)}${item.verdictNote ? ` — ${item.verdictNote}` : "."}`] : []),
    ];
    blocks.push(item.title, lines.map((l) => `- ${l}`).join("\n"));
  }
  return blocks.join("\n\n");
}

/**
 * An executive's copy: the owning function, not the person; no case numbers; the check's
 * outcome in words without a count or attainment figure (decision 014); free text passed
 * through `text` (the brief's small-count and profile filter).
 */
export function followUpForExecutives(followUp: FollowUp, text: (t: string) => string): FollowUp {
  return {
    asOf: followUp.asOf,
    items: followUp.items.map((item) => ({
      ...item,
      title: text(item.title),
      ownerName: "",
      caseIds: [],
      check: item.check ? { days: item.check.days, counts: null, outcome: item.check.outcome, attainment: [] } : null,
      verdictNote: text(item.verdictNote),
    })),
  };
}
