import { describe, expect, it } from "vitest";
import {
  EMAIL_PLACEHOLDER,
  formatDate,
  formatMoney,
  formatMonth,
  joinList,
  mentionsNameOrEmail,
  NAME_PLACEHOLDER,
  nameVariants,
  percentOfShare,
  plural,
  scrub,
} from "./text";

describe("formatMoney", () => {
  it("writes amounts the way leadership reads them", () => {
    expect(formatMoney(950)).toBe("$950");
    expect(formatMoney(85_000)).toBe("$85K");
    expect(formatMoney(1_200_000)).toBe("$1.2M");
    expect(formatMoney(2_700_000)).toBe("$2.7M");
    expect(formatMoney(3_000_000)).toBe("$3M");
    expect(formatMoney(3_450_000_000)).toBe("$3.5B");
  });

  it("does not show $1000K just under a million", () => {
    expect(formatMoney(999_960)).toBe("$1M");
  });
});

describe("formatDate", () => {
  it("uses the UTC day, whatever the server's time zone", () => {
    expect(formatDate(new Date("2026-01-12T00:00:00Z"))).toBe("12 Jan 2026");
    expect(formatDate(new Date("2026-04-14T23:30:00Z"))).toBe("14 Apr 2026");
    expect(formatMonth(new Date("2026-04-30T23:30:00Z"))).toBe("Apr 2026");
  });
});

describe("lists and counts", () => {
  it("joins lists in plain English", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["Sales"])).toBe("Sales");
    expect(joinList(["Sales", "Finance"])).toBe("Sales and Finance");
    expect(joinList(["Sales", "Finance", "RevOps"])).toBe("Sales, Finance and RevOps");
  });

  it("pluralises", () => {
    expect(plural(1, "case")).toBe("1 case");
    expect(plural(3, "case")).toBe("3 cases");
    expect(plural(2, "person", "people")).toBe("2 people");
  });

  it("reads shares as fractions, or as percents when above 1", () => {
    expect(percentOfShare(0.48)).toBe("48%");
    expect(percentOfShare(48)).toBe("48%");
  });
});

describe("scrub", () => {
  it("removes full names, name parts, possessives and emails", () => {
    const text = "Dana Whitfield said Dana's patch is small; write to dana.w@acme.com or ask whitfield.";
    const out = scrub(text, ["Dana Whitfield"]);
    expect(out).not.toMatch(/dana|whitfield/i);
    expect(out).toContain(NAME_PLACEHOLDER);
    expect(out).toContain(EMAIL_PLACEHOLDER);
    expect(out).toBe("[name] said [name]'s patch is small; write to [email] or ask [name].");
  });

  it("matches whole words only", () => {
    // "Ken" is also an English word: scrubbed when it is written as a name (see privacy/scrub).
    expect(scrub("Ken said Adams has taken the deal", ["Ken Adams"])).toBe("[name] said [name] has taken the deal");
    expect(scrub("Ask Ken: he has taken the deal", ["Ken Adams"])).toBe("Ask [name]: he has taken the deal");
  });

  it("ignores blank names; two-letter parts only where written as a name", () => {
    expect(nameVariants(["", "  ", "Jo Li"])).toEqual(["Jo Li"]);
    // Was left alone before; a two-letter name part is now treated like a common word.
    expect(scrub("Jo said no; the li-ion pack is fine", ["Jo Li"])).toBe("[name] said no; the li-ion pack is fine");
  });

  it("tells whether a text holds a name or an email", () => {
    expect(mentionsNameOrEmail("Call me at x@y.io", [])).toBe(true);
    expect(mentionsNameOrEmail("Ask Marcus", ["Marcus Oyelaran"])).toBe(true);
    expect(mentionsNameOrEmail("Nothing here", ["Marcus Oyelaran"])).toBe(false);
  });
});

describe("scrubbing hyphenated and apostrophe names", () => {
  it("removes each part of a double-barrelled surname on its own", () => {
    const out = scrub("Ms Abernathy lost her patch; Quill said so; O'Neill agreed with Neill.", ["Zofia Quill-Abernathy", "Dara O'Neill"]);
    expect(out).not.toMatch(/Abernathy|Quill|Neill/);
  });
});
