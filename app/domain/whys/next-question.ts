// The prefilled question of the next Five Whys step, built from the previous answer (issue 14).
// Pasting the answer into one frame ("Why does <answer> happen?") broke on most real answers
// ("Why does the plan pays … happen?", "Why does why does …"). Answers are clauses, noun
// phrases or already questions, so the frame is chosen by a few plain rules:
//   1. Only the first sentence (or the part before a semicolon) is asked about.
//   2. A leading "Because", "it's because" or "since" (not "since March") is dropped, with what
//      follows its clause ("Since X, Y" asks about X).
//   3. An answer that is already a question (ends in "?", or starts with "Why") is kept as it
//      is, with a capital and one question mark. Only those two signs count: "When the plan
//      changed, …" or "Will Price said …" are statements.
//   4. "Because of / due to / owing to X" names a thing, not an event: "What is behind X?".
//      "No X", "not enough X", "a lack of X" → "Why is there no X?" ("too many X" → "Why are
//      there too many X?").
//   5. "To X" (a purpose) → "Why is it necessary to X?".
//   6. Anything else is read as a clause: "Why is it that <answer>?", first letter lower-cased
//      unless the first word is an acronym, a name-like word, a month or the first of two
//      capitalised words ("Will Price said …"), trailing stop dropped.
//      "Why is it that" takes any clause in any tense, which no inverted frame ("Why does …")
//      can do without parsing the verb.
// The person edits the question anyway; the rules only have to give a grammatical start.

const LEAD_INS = /^(?:(?:well|so|basically|honestly|mainly|mostly|partly|i think|we think)\s*,?\s+)?(?:(?:it'?s|it is|this is|that'?s|that is)\s+)?(?:because|cause|'cause|since(?!\s+(?:\d|q\d|then|last|the start|january|february|march|april|may|june|july|august|september|october|november|december)\b))\b(?!\s+(?:of|a result)\b)[\s,:]*/i;
const NOUN_CAUSE = /^(?:(?:it'?s|it is|this is|that'?s|that is)\s+)?(?:mostly\s+|mainly\s+|partly\s+)?(?:because of|due to|owing to|as a result of|thanks to)\s+/i;
const THERE_IS_NO = /^(?:there is |there's |there are )?(no|not enough|a lack of|lack of|little|too little|too much)\s+/i;
const TOO_MANY = /^(?:there are )?(too many|too few|not many|few)\s+/i;
const PURPOSE = /^(?:in order |so as )?to\s+/i;
// Words that keep their capital at the start of the question: months, days, the functions
// people write as proper nouns.
const KEEP_CAPITAL = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "finance", "revops", "legal", "marketing", "engineering", "i",
]);

// Words that start a sentence but never a name ("The EU region …", "Since March …").
const FUNCTION_WORDS = new Set([
  "the", "a", "an", "this", "that", "these", "those", "their", "our", "its", "his", "her", "my", "your", "it", "they", "we",
  "there", "since", "when", "after", "before", "while", "in", "on", "at", "for", "from", "with", "by", "all", "both", "every",
  "each", "some", "most", "many", "no", "only", "once", "if",
]);

/** The first sentence (or the part before a semicolon), one line, without its final stop. */
function firstSentence(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const first = oneLine.split(/(?<=[.!?;])\s+(?=["“(]?[\p{Lu}\p{N}])|;\s+/u)[0] ?? "";
  return first.replace(/[\s.!;:,…]+$/u, "").trim();
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the first word is an acronym, a camel-cased name, "I" or a month. */
function lowerStart(text: string): string {
  const firstWord = text.split(/[\s,]/)[0] ?? "";
  const bare = firstWord.replace(/['’]s$/i, "").replace(/[^\p{L}]/gu, "");
  if (/\p{Lu}/u.test(bare.slice(1))) return text;
  if (KEEP_CAPITAL.has(bare.toLowerCase())) return text;
  // "Will Price said …", "Deal Desk approves …": a name or a proper noun of two capitalised words.
  if (!FUNCTION_WORDS.has(bare.toLowerCase()) && /^\p{Lu}\p{Ll}*\s+\p{Lu}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The question a next step asks about the answer before it (see the rules at the top). */
export function questionFromAnswer(answer: string): string {
  let t = firstSentence(answer);
  if (/\?\s*$/.test(t) || /^why\b/i.test(t)) {
    // Already a question: one question mark, a capital, nothing doubled.
    const q = t.replace(/[?\s]+$/, "");
    return q ? `${upperFirst(q)}?` : "Why is that?";
  }
  const noun = NOUN_CAUSE.exec(t);
  if (noun) {
    const thing = t.slice(noun[0].length).trim();
    return thing ? `What is behind ${lowerStart(thing)}?` : "Why is that?";
  }
  const withoutLeadIn = t.replace(LEAD_INS, "").trim();
  // "Since X, Y" / "Because X, Y": the reason is X, the clause the lead-in opened.
  if (withoutLeadIn !== t && withoutLeadIn.includes(", ")) t = withoutLeadIn.slice(0, withoutLeadIn.indexOf(", "));
  else t = withoutLeadIn;
  if (!t) return "Why is that?";
  const tooMany = TOO_MANY.exec(t);
  if (tooMany && t.length > tooMany[0].length) return `Why are there ${lowerStart(t).replace(/^there are /i, "")}?`;
  const thereIs = THERE_IS_NO.exec(t);
  if (thereIs && t.length > thereIs[0].length) return `Why is there ${lowerStart(t).replace(/^(there is |there's |there are )/i, "")}?`;
  if (PURPOSE.test(t)) return `Why is it necessary ${t.replace(/^(in order |so as )/i, "").replace(/^to/i, "to")}?`;
  return `Why is it that ${lowerStart(t)}?`;
}
