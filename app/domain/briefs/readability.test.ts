import { describe, expect, it } from "vitest";
import { checkReadingEase, fleschReadingEase, READING_EASE_TARGET, splitSentences, syllablesOf } from "./readability";

describe("fleschReadingEase", () => {
  it("follows the Flesch formula", () => {
    // 6 words, 6 syllables, 1 sentence: 206.835 − 1.015 × 6 − 84.6 × 1 = 116.1
    expect(fleschReadingEase("The cat sat on the mat.")).toEqual({ score: 116.1, words: 6, sentences: 1, syllables: 6 });
  });

  it("scores plain sentences above the target and dense jargon below it", () => {
    const plain = "Reps have too few accounts. They miss their targets. Good people leave.";
    const dense =
      "Organisational misalignment regarding territorial segmentation methodologies systematically undermines representative productivity, consequently precipitating considerable involuntary attrition alongside substantial revenue deterioration.";
    expect(checkReadingEase(plain).ok).toBe(true);
    expect(checkReadingEase(dense).ok).toBe(false);
    expect(checkReadingEase(dense).score).toBeLessThan(READING_EASE_TARGET);
  });

  it("lets a caller set its own target", () => {
    const text = "Reps have too few accounts.";
    expect(checkReadingEase(text, 200)).toMatchObject({ ok: false, target: 200 });
  });

  it("treats empty text as nothing to read", () => {
    expect(fleschReadingEase("")).toMatchObject({ score: 100, words: 0 });
  });
});

describe("splitSentences", () => {
  it("does not end a sentence inside a number or before a lower-case word", () => {
    expect(splitSentences("They put $1.2M at risk. Some was lost, e.g. in SMB.")).toEqual([
      "They put $1.2M at risk.",
      "Some was lost, e.g. in SMB.",
    ]);
  });

  it("reads each list item and line as its own sentence", () => {
    expect(splitSentences("Other fixes:\n- Reset quotas\n- Fix the data")).toEqual([
      "Other fixes:",
      "Reset quotas",
      "Fix the data",
    ]);
  });
});

describe("syllablesOf", () => {
  it("counts numbers, which `syllable` ignores", () => {
    expect(syllablesOf("48%")).toBe(1);
    expect(syllablesOf("territory")).toBe(4);
    expect(syllablesOf("$1.2M")).toBeGreaterThanOrEqual(2);
  });
});
