// The brief's cause-and-effect chain (docs/product.md "Leadership brief"): each case's Five Whys
// read from the root cause down to the business outcome, then the chains of all cases merged
// into one, each link saying how many cases support it.

import { stemmer } from "stemmer";
import { behaviourLabel, causeLabel } from "../cases/taxonomy";
import { effectiveCause, UNKNOWN_CAUSE } from "../patterns/effective-cause";
import { tokenize } from "../patterns/text-similarity";
import { cleanLink, lowerFirst } from "../whys/chain";
import { upperFirst, wordCount } from "./text";
import type { BriefCase, CaseChain, ChainLink, LinkKind, MergedLink } from "./types";

// ---------------------------------------------------------------------------------------
// One case's chain
// ---------------------------------------------------------------------------------------

/**
 * A link is a phrase leadership reads in one breath, not a sentence: about eight words.
 * Nine, so that a whole phrase ("AEs chase new logos to make up for thin patches") is not
 * cut one word short.
 */
export const MAX_LINK_WORDS = 9;

// Words that cannot end a phrase cut short ("the new patches have" → "the new patches").
const DANGLING =
  /\s+(a|an|the|and|or|but|so|of|to|for|in|into|on|at|by|with|from|that|which|who|is|are|was|were|be|been|has|have|had|do|does|did|their|our|its|his|her|my|your|more|less|than|as|too|very|some|not)$/i;

// Determiners add nothing to a link: "their earnings dropped" → "earnings dropped".
const LEADING_DETERMINER = /^(the|a|an|their|our|its|his|her|my|your)\s+/i;

// Joining words a long answer is cut at, most telling first.
const CONJUNCTIONS = [" because ", " so that ", " so ", " which ", " while ", " when ", " and ", " but ", " as "];

// Where a phrase may be cut when nothing better is found: before a preposition.
const PREPOSITION = /^(with|to|on|in|into|for|from|at|by|of|than|after|before|until|over|under)$/i;

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * The first `max` words, cut before the last preposition if that keeps three or more, with
 * an ellipsis: a phrase cut short says so, and the case keeps the whole answer.
 */
function cutWords(text: string, max: number): string {
  const head = wordsOf(text).slice(0, max);
  let end = head.length;
  for (let i = head.length - 1; i >= 3; i--) {
    if (PREPOSITION.test(head[i])) {
      end = i;
      break;
    }
  }
  let cut = head.slice(0, end).join(" ");
  let prev = "";
  while (prev !== cut) {
    prev = cut;
    cut = cleanLink(cut).replace(DANGLING, "");
  }
  return `${cut}…`;
}

/** An answer's first sentence, lead-in ("because", "due to") and leading determiner dropped. */
function firstPhrase(text: string): string {
  const t = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(it'?s |this is |that'?s )?(because of|because|due to|since)\b[\s,:]*/i, "");
  return cleanLink(t.split(/(?<=[.!?;])\s+/)[0] ?? "").replace(LEADING_DETERMINER, "");
}

/**
 * The same phrase as shortLink, never cut: what the brief's sentences say when the short
 * link had to be cut (issue 14: only the diagram abbreviates).
 */
export function fullLink(text: string): string {
  return lowerFirst(firstPhrase(text).replace(/[()[\]"“”]/g, "").trim());
}

/** A link's words for a sentence: the whole phrase, not the diagram's cut one. */
export function linkWords(link: Pick<ChainLink, "text" | "full">): string {
  return link.full || link.text;
}

/**
 * Answers that are not findings: a step still waiting for a sales leader, or a placeholder
 * ("Open: waiting for Sales leadership …", "TBD", "Unknown"). A brief never quotes them.
 */
export function isPendingAnswer(answer: string | null | undefined): boolean {
  const t = (answer ?? "").trim();
  if (!t) return true;
  return /^(?:open|pending|tbd|tbc|to be (?:confirmed|decided|checked)|unknown|not (?:yet )?known|unanswered|n\/a|\?+)(?:\s*[:.\-–—,]|\s*$)|^(?:still\s+)?(?:waiting|awaiting)\b/i.test(t);
}

/**
 * A short lower-case phrase from an answer: its first sentence, then, if still long, its
 * first clause, cut before a joining word, and at most MAX_LINK_WORDS words. "Because" and
 * "due to" at the start and leading determiners are dropped; acronyms keep their capitals.
 */
export function shortLink(text: string): string {
  let t = firstPhrase(text);
  if (wordCount(t) > MAX_LINK_WORDS) {
    // First clause with some substance: short lead-ins ("In Q3,") stay with what follows.
    const clauses = t.split(/\s*(?:[,;:(]|\s[–—-]\s)\s*/).filter(Boolean);
    let head = "";
    for (const clause of clauses) {
      head = head ? `${head} ${clause}` : clause;
      if (wordCount(head) >= 3) break;
    }
    t = head || t;
  }
  for (const conj of CONJUNCTIONS) {
    if (wordCount(t) <= MAX_LINK_WORDS) break;
    const at = t.toLowerCase().indexOf(conj);
    if (at > 0 && wordCount(t.slice(0, at)) >= 3) t = t.slice(0, at);
  }
  if (wordCount(t) > MAX_LINK_WORDS) return lowerFirst(cutWords(t, MAX_LINK_WORDS).replace(/[()[\]"“”]/g, ""));
  let prev = "";
  while (prev !== t) {
    prev = t;
    t = cleanLink(t).replace(DANGLING, "");
  }
  return lowerFirst(t.replace(/[()[\]"“”]/g, "").trim());
}

// How each behaviour of concern reads as a link; free text falls back to its label.
const BEHAVIOUR_LINKS: Record<string, string> = {
  pipeline_generation: "weak pipeline generation",
  deal_cycle_length: "longer deal cycles",
  discounting: "heavy discounting",
  churn_risk: "rising churn risk",
  sandbagging: "sandbagging",
  deal_hoarding: "deal hoarding",
  inflated_pipeline: "inflated pipeline",
  short_term_focus: "short-term focus",
  bad_handoffs: "bad handoffs",
  forecast_manipulation: "gamed forecasts and data",
  attrition_morale: "attrition and low morale",
};

/**
 * Where each behaviour leads the business. Every tail ends in a business outcome, so every
 * chain does; most end in "missed revenue", which lets the chains of a pattern meet there.
 */
export const OUTCOME_TAILS: Record<string, readonly string[]> = {
  pipeline_generation: ["thin pipeline", "missed revenue"],
  deal_cycle_length: ["deals slip to later quarters", "missed revenue"],
  discounting: ["margin erosion"],
  churn_risk: ["lost renewals", "missed revenue"],
  sandbagging: ["deals held back", "unreliable forecast", "missed revenue"],
  deal_hoarding: ["stalled deals", "missed revenue"],
  inflated_pipeline: ["unreliable forecast", "missed revenue"],
  short_term_focus: ["weaker long-term accounts", "lost renewals", "missed revenue"],
  bad_handoffs: ["poor customer experience", "lost renewals", "missed revenue"],
  forecast_manipulation: ["unreliable forecast", "missed revenue"],
  attrition_morale: ["coverage gaps", "missed revenue"],
  other: ["missed revenue"],
};

function behaviourLink(behaviour: string): string {
  const known = BEHAVIOUR_LINKS[behaviour];
  if (known) return known;
  if (!behaviour.trim() || behaviour === "other") return "";
  return shortLink(behaviourLabel(behaviour));
}

/** The root cause as a link: the taxonomy label, or the statement when the label says little. */
function rootLink(c: BriefCase): string {
  const { cause } = effectiveCause(c);
  if (cause !== UNKNOWN_CAUSE && cause !== "other") return lowerFirst(causeLabel(cause));
  return shortLink(c.rootCauseStatement ?? "");
}

/** The root cause's whole phrase when the link is the (possibly cut) statement. */
function rootFull(c: BriefCase): string | undefined {
  const { cause } = effectiveCause(c);
  return cause !== UNKNOWN_CAUSE && cause !== "other" ? undefined : fullLink(c.rootCauseStatement ?? "");
}

/**
 * One case's chain, root cause first: the root cause, the Five Whys answers from the deepest
 * to the nearest the symptom, the behaviour of concern, then the business outcome. Blank
 * links are left out, and a link that repeats the one before it is dropped.
 */
export function buildCaseChain(c: BriefCase): CaseChain {
  const links: ChainLink[] = [];
  const push = (text: string, kind: LinkKind, full?: string) => {
    const last = links[links.length - 1];
    if (text && !(last && normalise(last.text) === normalise(text))) links.push(full && text.endsWith("…") ? { text, kind, full } : { text, kind });
  };
  push(rootLink(c), "root", rootFull(c));
  for (const step of [...c.steps].sort((a, b) => b.position - a.position)) {
    if (!isPendingAnswer(step.answer)) push(shortLink(step.answer), "step", fullLink(step.answer));
  }
  push(behaviourLink(c.behaviour), "behaviour");
  for (const outcome of OUTCOME_TAILS[c.behaviour] ?? OUTCOME_TAILS.other) push(outcome, "outcome");
  return { caseId: c.id, links };
}

// ---------------------------------------------------------------------------------------
// Merging chains
// ---------------------------------------------------------------------------------------

/**
 * Links are compared by their words: stemmed, stopwords out, synonyms folded (below). Two
 * links are alike when at least half of all their words are shared (Jaccard ≥ 0.5):
 * "reps miss their targets" and "missed targets" share 2 of 3 and merge; "missed targets"
 * and "missed revenue" share 1 of 3 and do not. Links this short give Jaccard few values,
 * so 0.5 is the natural cut.
 */
export const ALIKE_THRESHOLD = 0.5;

/**
 * A shorter link inside a longer one is alike too, when they share at least two words and
 * two thirds of the shorter one's: "missed their targets" and "missed quota two quarters in
 * a row" say the same thing at different lengths. One shared word is never enough.
 */
export const CONTAINED_THRESHOLD = 2 / 3;
export const CONTAINED_MIN_SHARED = 2;

// Words people use for the same thing in comp complaints, folded to one term so "lower
// earnings" and "earnings dropped" meet. Kept small: a broad bucket would merge links that
// say different things.
const SYNONYMS: Record<string, readonly string[]> = {
  less: [
    "less", "lower", "low", "fewer", "few", "cut", "small", "drop", "dropped", "drops", "fall", "falling", "fell", "reduced",
    "reduce", "decline", "declining", "declined", "shrink", "shrinking", "shrank", "smaller", "thin",
    "thinner", "poor", "poorer", "bad", "weak", "weaker", "worse",
  ],
  miss: ["miss", "missed", "missing", "misses", "short", "behind", "far"],
  target: ["target", "targets", "quota", "quotas"],
  territory: ["territory", "territories", "patch", "patches", "region", "regions", "book", "books"],
  pay: [
    "pay", "paid", "earnings", "earning", "earn", "earned", "commission", "commissions", "income",
    "paycheck", "paycheque", "payout", "payouts", "compensation",
  ],
  leave: [
    "leave", "leaving", "leaves", "quit", "quits", "quitting", "attrition", "resign",
    "resigned", "resigning", "resignations", "turnover", "departures", "exits",
  ],
  seller: ["seller", "sellers", "rep", "reps", "aes", "salespeople", "salesperson", "people", "team"],
  morale: ["morale", "sentiment", "motivation", "engagement", "frustration", "frustrated", "unhappy"],
  account: ["account", "accounts", "customer", "customers", "client", "clients", "prospect", "prospects"],
  revenue: ["revenue", "bookings", "arr"],
};

const CANONICAL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [term, words] of Object.entries(SYNONYMS)) for (const w of words) map.set(stemmer(w), `~${term}`);
  return map;
})();

// Stopword lists drop "not" and "no"; keep the negation, or "quota is not reachable" would
// merge with "quota is reachable".
const NEGATION = /\b(not|no|never|cannot|without)\b|n't\b/i;
const NEGATED = "~not";

/** The folded word set a link is compared by. */
export function linkTerms(text: string): Set<string> {
  const terms = new Set(tokenize(text).map((stem) => CANONICAL.get(stem) ?? stem));
  if (NEGATION.test(text)) terms.add(NEGATED);
  return terms;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const shared = sharedCount(a, b);
  return shared / (a.size + b.size - shared);
}

/**
 * How alike two word sets are, 0–1: their Jaccard index, or, when the shorter is mostly
 * inside the longer (CONTAINED_*), its share inside, counted at the alike threshold.
 */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  // "Quota is reachable" and "quota is not reachable" share every word but one, and mean
  // the opposite.
  if (a.has(NEGATED) !== b.has(NEGATED)) return 0;
  const j = jaccard(a, b);
  if (j >= ALIKE_THRESHOLD) return j;
  const shared = sharedCount(a, b);
  const contained = shared / Math.max(1, Math.min(a.size, b.size));
  return shared >= CONTAINED_MIN_SHARED && contained >= CONTAINED_THRESHOLD ? ALIKE_THRESHOLD : j;
}

/**
 * Identical after normalising case and punctuation, or alike (see ALIKE_THRESHOLD). With
 * `negation: false` a "not" is ignored: for fixes, "rebalance territories on potential, not
 * count" says the same as "rebalance territories on potential".
 */
export function linksAlike(a: string, b: string, { negation = true }: { negation?: boolean } = {}): boolean {
  if (normalise(a) === normalise(b)) return true;
  const terms = (text: string) => {
    const t = linkTerms(text);
    if (!negation) t.delete(NEGATED);
    return t;
  };
  return similarity(terms(a), terms(b)) >= ALIKE_THRESHOLD;
}

// A chain of one link has no order of its own: place the link where its kind belongs.
const LONE_POSITION: Record<LinkKind, number> = { root: 0, step: 0.5, behaviour: 0.5, outcome: 1 };

type Member = { text: string; full?: string; kind: LinkKind; caseId: number; position: number; terms: Set<string> };

// A group's kind decides where it goes: root first, the business outcome last.
const KIND_ORDER: Record<LinkKind, number> = { root: 0, step: 1, behaviour: 2, outcome: 3 };
// And which member names it, when a group holds more than one kind.
const KIND_PRIORITY: readonly LinkKind[] = ["root", "outcome", "behaviour", "step"];

function groupKind(members: readonly Member[]): LinkKind {
  return KIND_PRIORITY.find((k) => members.some((m) => m.kind === k)) ?? "step";
}

/** The most common wording in the group (of its own kind), then the shortest, then the first. */
function groupText(members: readonly Member[], kind: LinkKind): string {
  const counts = new Map<string, number>();
  for (const m of members) if (m.kind === kind) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  let best = "";
  let bestCount = 0;
  for (const [text, count] of counts) {
    if (count > bestCount || (count === bestCount && text.length < best.length)) {
      best = text;
      bestCount = count;
    }
  }
  return best;
}

/**
 * One chain from many. Identical and alike links merge (each compared with every link
 * already in a group; the best match at or above the threshold wins, so the result does not
 * depend on luck of order more than it must). Support counts distinct cases. Links are
 * ordered by kind (root causes, the Five Whys links, behaviours, outcomes), and within a
 * kind by their average relative position in the chains they came from (0 = root, 1 = end).
 * Where cases name different root causes, the best supported comes first; where chains end
 * in different outcomes, the best supported comes last.
 */
export function mergeChains(chains: readonly CaseChain[]): MergedLink[] {
  const groups: { members: Member[]; firstSeen: number }[] = [];
  let seen = 0;
  for (const chain of chains) {
    const n = chain.links.length;
    chain.links.forEach((link, i) => {
      const member: Member = {
        ...link,
        caseId: chain.caseId,
        position: n > 1 ? i / (n - 1) : LONE_POSITION[link.kind],
        terms: linkTerms(link.text),
      };
      let best: (typeof groups)[number] | null = null;
      let bestScore = -1;
      for (const group of groups) {
        for (const m of group.members) {
          const score = normalise(m.text) === normalise(link.text) ? 2 : similarity(m.terms, member.terms);
          if (score >= ALIKE_THRESHOLD && score > bestScore) {
            best = group;
            bestScore = score;
          }
        }
      }
      if (best) best.members.push(member);
      else groups.push({ members: [member], firstSeen: seen });
      seen += 1;
    });
  }

  return groups
    .map(({ members, firstSeen }) => {
      const kind = groupKind(members);
      const caseIds = [...new Set(members.map((m) => m.caseId))].sort((a, b) => a - b);
      const position = members.reduce((s, m) => s + m.position, 0) / members.length;
      const text = groupText(members, kind);
      const full = members.find((m) => m.text === text && m.full)?.full;
      const link: MergedLink = {
        text,
        ...(full ? { full } : {}),
        kind,
        support: caseIds.length,
        caseIds,
        single: caseIds.length === 1,
      };
      return { link, position, firstSeen };
    })
    .sort(
      (a, b) =>
        KIND_ORDER[a.link.kind] - KIND_ORDER[b.link.kind] ||
        (a.link.kind === "root" ? b.link.support - a.link.support : 0) ||
        a.position - b.position ||
        // Outcomes that tie (each the end of its chain): the best supported goes last.
        (a.link.kind === "outcome" ? a.link.support - b.link.support : 0) ||
        a.firstSeen - b.firstSeen,
    )
    .map((g) => g.link);
}

// ---------------------------------------------------------------------------------------
// Reading the chain
// ---------------------------------------------------------------------------------------

/** "Territory imbalance → missed targets → … → missed revenue." */
export function chainSentence(links: readonly Pick<MergedLink, "text" | "full">[]): string {
  if (links.length === 0) return "";
  return `${upperFirst(links.map(linkWords).join(" → "))}.`;
}

/** "6 cases", or "1 case only" for a link one case supports. */
export function supportLabel(link: Pick<MergedLink, "support" | "supportText">): string {
  if (link.supportText) return link.supportText;
  return link.support === 1 ? "1 case only" : `${link.support} cases`;
}

/** "Territory imbalance (6 cases) → … → lower earnings (1 case only) → … ." */
export function chainSentenceWithSupport(links: readonly Pick<MergedLink, "text" | "full" | "support" | "supportText">[]): string {
  if (links.length === 0) return "";
  return `${upperFirst(links.map((l) => `${linkWords(l)} (${supportLabel(l)})`).join(" → "))}.`;
}
