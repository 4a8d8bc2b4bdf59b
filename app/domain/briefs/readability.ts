// Flesch reading ease, so a test (and the editor, if it wants) can hold generated briefs to
// plain language. 206.835 − 1.015 × words per sentence − 84.6 × syllables per word: higher
// is easier; 60–70 is plain English, 50–60 fairly hard, below 30 is for specialists.

import { syllable } from "syllable";

/** Briefs are read by busy executives: at least "fairly hard", most sections well above. */
export const READING_EASE_TARGET = 50;

export type ReadingEase = { score: number; words: number; sentences: number; syllables: number };

/**
 * Sentences of a brief section. Section text is plain text with list items on their own
 * lines, and a list item or a line such as "Owner: RevOps" is read as a sentence of its own,
 * as readability tools do with lists. A full stop inside a number ("$1.2M") ends nothing.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*+>]|#+|\d+[.)])\s+/, "").trim())
    .flatMap((line) => line.split(/(?<=[.!?…]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}$])/u))
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words: runs with a letter or digit; arrows and dashes between words are not words. */
export function words(sentence: string): string[] {
  return sentence.split(/[\s→/]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * Syllables of a word. `syllable` counts letters only, so a number gets one syllable per
 * digit group, roughly ("48%" → 1, "$1.2M" → 3): numbers in briefs are short.
 */
export function syllablesOf(word: string): number {
  const letters = word.replace(/[^\p{L}'’-]/gu, "");
  const counted = letters ? syllable(letters) : 0;
  const numberGroups = (word.match(/\d+/g) ?? []).length;
  return Math.max(1, counted + numberGroups);
}

export function fleschReadingEase(text: string): ReadingEase {
  const sentences = splitSentences(text);
  const all = sentences.flatMap(words);
  if (all.length === 0) return { score: 100, words: 0, sentences: 0, syllables: 0 };
  const syllables = all.reduce((s, w) => s + syllablesOf(w), 0);
  const score = 206.835 - 1.015 * (all.length / sentences.length) - 84.6 * (syllables / all.length);
  return { score: Math.round(score * 10) / 10, words: all.length, sentences: sentences.length, syllables };
}

export function checkReadingEase(
  text: string,
  target = READING_EASE_TARGET,
): ReadingEase & { ok: boolean; target: number } {
  const result = fleschReadingEase(text);
  return { ...result, ok: result.score >= target, target };
}
