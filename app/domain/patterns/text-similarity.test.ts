import { describe, expect, it } from "vitest";
import { buildIndex, cosine, mostSimilar, tokenize } from "./text-similarity";
import { themeOf } from "./themes";

describe("tokenize", () => {
  it("lower-cases, drops stopwords and short words, and stems", () => {
    expect(tokenize("Territories were carved up AGAIN, don't you think?")).toEqual(["territori", "carv"]);
  });

  it("splits on anything that is not a letter", () => {
    expect(tokenize("multi-year Q3 deals/renewals")).toEqual(["multi", "year", "deal", "renew"]);
  });

  it("gives nothing for an empty or all-stopword text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("and then it was so")).toEqual([]);
  });
});

describe("buildIndex", () => {
  const index = buildIndex(
    [
      { id: 1, text: "quota quota territory" },
      { id: 2, text: "territory accounts" },
      { id: 3, text: "territories were carved" },
    ],
    { themes: false },
  );

  it("uses smoothed idf: ln((1+N)/(1+df)) + 1", () => {
    const t = index.vocabulary.get("territori")!;
    const q = index.vocabulary.get("quota")!;
    expect(index.df[t]).toBe(3);
    expect(index.idf[t]).toBeCloseTo(Math.log(4 / 4) + 1);
    expect(index.idf[q]).toBeCloseTo(Math.log(4 / 2) + 1);
  });

  it("uses sublinear tf and unit-length vectors", () => {
    const v = index.vector(1)!;
    const norm = Math.sqrt(v.val.reduce((s, w) => s + w * w, 0));
    expect(norm).toBeCloseTo(1);
    const q = v.val[v.idx.indexOf(index.vocabulary.get("quota")!)];
    const t = v.val[v.idx.indexOf(index.vocabulary.get("territori")!)];
    // quota: (1 + ln 2) · (ln 2 + 1); territory: 1 · 1.
    expect(q / t).toBeCloseTo((1 + Math.log(2)) * (Math.log(2) + 1));
  });

  it("shows each stem as the word people wrote most often", () => {
    const terms = index.topTerms(index.vector(3)!, 5);
    expect(terms.map((x) => x.word)).toEqual(["carved", "territory"]);
    expect(terms[0].term).toBe("carv");
  });

  it("limits topTerms to n, heaviest first", () => {
    const top = index.topTerms(index.vector(1)!, 1);
    expect(top).toHaveLength(1);
    expect(top[0].word).toBe("quota");
  });

  it("has no vector for an unknown id", () => {
    expect(index.vector(99)).toBeUndefined();
    expect(index.size).toBe(3);
  });
});

describe("themes", () => {
  it("maps different words for the same thing to one theme term", () => {
    expect(themeOf("patch")).toBe("theme:territory");
    expect(themeOf(tokenize("regions")[0])).toBe("theme:territory");
    expect(themeOf("deal")).toBeNull();
  });

  it("makes 'my patch' and 'my region' alike, which plain words cannot", () => {
    const docs = [
      { id: 1, text: "My patch is tiny" },
      { id: 2, text: "The region I got is huge" },
      { id: 3, text: "Payroll was late" },
    ];
    const plain = buildIndex(docs, { themes: false });
    const themed = buildIndex(docs);
    expect(cosine(plain.vector(1)!, plain.vector(2)!)).toBe(0);
    expect(cosine(themed.vector(1)!, themed.vector(2)!)).toBeGreaterThan(0);
    expect(cosine(themed.vector(1)!, themed.vector(3)!)).toBe(0);
  });
});

describe("cosine", () => {
  const index = buildIndex([
    { id: 1, text: "commission statement late" },
    { id: 2, text: "commission statement late" },
    { id: 3, text: "roadmap feature slipping" },
    { id: 4, text: "the and of" },
  ]);

  it("is 1 for the same text, 0 for nothing in common or an empty text", () => {
    expect(cosine(index.vector(1)!, index.vector(2)!)).toBeCloseTo(1);
    expect(cosine(index.vector(1)!, index.vector(3)!)).toBe(0);
    expect(cosine(index.vector(1)!, index.vector(4)!)).toBe(0);
  });
});

describe("mostSimilar", () => {
  const index = buildIndex([
    { id: 1, text: "My commission statement arrived three weeks late and was missing a deal." },
    { id: 2, text: "Commission statements are wrong every month; I can't reconcile my payout." },
    { id: 3, text: "The product roadmap keeps slipping and features are missing." },
    { id: 4, text: "Territory carve left me with tiny accounts." },
  ]);

  it("ranks the closest complaints first", () => {
    const hits = mostSimilar(index, "My commission statement is late again", 3, 0.05);
    expect(hits.map((h) => h.id).slice(0, 2)).toEqual([1, 2]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    expect(hits.every((h) => h.score >= 0.05)).toBe(true);
  });

  it("keeps at most k and drops scores under the minimum", () => {
    expect(mostSimilar(index, "commission statement late", 1, 0)).toHaveLength(1);
    expect(mostSimilar(index, "commission statement late", 5, 0.99)).toEqual([]);
  });

  it("leaves out excluded ids, e.g. the case being edited", () => {
    expect(mostSimilar(index, "commission statement late", 5, 0.05, { excludeIds: [1] }).map((h) => h.id)).not.toContain(1);
  });

  it("finds nothing for a text with no words in common", () => {
    expect(mostSimilar(index, "lunch menu parking", 5, 0.01)).toEqual([]);
    expect(mostSimilar(index, "", 5, 0)).toEqual([]);
  });

  it("scores a query lower when most of its words are new to the index", () => {
    const short = mostSimilar(index, "commission statement late", 1, 0)[0].score;
    const padded = mostSimilar(index, "commission statement late zebra umbrella violin trumpet", 1, 0)[0].score;
    expect(padded).toBeLessThan(short);
  });
});
