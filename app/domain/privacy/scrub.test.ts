import { describe, expect, it } from "vitest";
import {
  EMAIL_PLACEHOLDER,
  isCommonEnglishWord,
  makeScrubber,
  mentionsNameOrEmail,
  NAME_PLACEHOLDER,
  nameHitsIn,
  PHONE_PLACEHOLDER,
  scrub,
} from "./scrub";

/** Lower case, accents off, ø/æ spelled out: what "the name letters are gone" is checked on. */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ø/g, "o").replace(/æ/g, "ae");
}

const ZQ = ["Zebulon Quistgaard"];
const ZQ_GONE = ["zebulon", "quistg", "zeb"];

type Hit = { text: string; names?: string[]; gone?: string[]; expected?: string };

function hits(title: string, rows: Hit[]) {
  describe(title, () => {
    it.each(rows.map((r) => [r.text, r] as const))("%s", (_text, row) => {
      const out = scrub(row.text, row.names ?? ZQ);
      expect(out).toContain(NAME_PLACEHOLDER);
      for (const letters of row.gone ?? ZQ_GONE) expect(folded(out), letters).not.toContain(letters);
      if (row.expected !== undefined) expect(out).toBe(row.expected);
      expect(nameHitsIn(row.text, row.names ?? ZQ)).toBe(true);
    });
  });
}

function untouched(title: string, rows: { text: string; names: string[] }[]) {
  describe(title, () => {
    it.each(rows.map((r) => [r.text, r.names.join(" / "), r] as const))("%s (reporter %s)", (_t, _n, row) => {
      expect(scrub(row.text, row.names)).toBe(row.text);
      expect(nameHitsIn(row.text, row.names)).toBe(false);
    });
  });
}

hits("full name, first name, last name, any case", [
  { text: "Zebulon Quistgaard raised it in March.", expected: "[name] raised it in March." },
  { text: "zebulon raised it", expected: "[name] raised it" },
  { text: "ask QUISTGAARD about the carve", expected: "ask [name] about the carve" },
  { text: "ZEBULON QUISTGAARD", expected: "[name]" },
  { text: "Quistgaard said the carve was unfair", expected: "[name] said the carve was unfair" },
  { text: "the plan for quistgaard", expected: "the plan for [name]" },
  { text: "Quistgaard, Zebulon (AE)", expected: "[name] (AE)" },
  { text: "Z. Quistgaard wrote in", expected: "[name] wrote in" },
  { text: "Zebulon  Quistgaard, with two spaces", expected: "[name], with two spaces" },
]);

hits("possessives and plurals", [
  { text: "Zebulon's patch lost accounts", expected: "[name]'s patch lost accounts" },
  { text: "Quistgaard’s patch", expected: "[name]’s patch" },
  { text: "the Quistgaards are unhappy", expected: "the [name]s are unhappy" },
  { text: "the Quistgaards' accounts", expected: "the [name]s' accounts" },
  { text: "ZEBULON'S QUOTA", expected: "[name]'S QUOTA" },
  { text: "Zebulons across EMEA", expected: "[name]s across EMEA" },
]);

hits("case and diacritics folded both ways", [
  { text: "Quistgård said so", expected: "[name] said so" },
  { text: "QUISTGÅRD", expected: "[name]" },
  { text: "Zébulon said so", expected: "[name] said so" },
  { text: "ZÉBULON", expected: "[name]" },
  { text: "Ze\u0301bulon (typed with a combining accent)", expected: "[name] (typed with a combining accent)" },
  { text: "Quistgaard said so", names: ["Zebulon Quistgård"], expected: "[name] said so" },
  { text: "Quistgård said so", names: ["Zebulon Quistgård"], expected: "[name] said so" },
  { text: "Quistgard said so", names: ["Zebulon Quistgård"], expected: "[name] said so" },
  { text: "Zebulon said so", names: ["Zébulon Quistgaard"], expected: "[name] said so" },
  { text: "Bjorn agreed", names: ["Bjørn Müller"], gone: ["bjorn", "bjoern"], expected: "[name] agreed" },
  { text: "Bjoern agreed", names: ["Bjørn Müller"], gone: ["bjorn", "bjoern"], expected: "[name] agreed" },
  { text: "bjørn agreed", names: ["Bjorn Mueller"], gone: ["bjorn", "bjoern"], expected: "[name] agreed" },
  { text: "Mueller agreed", names: ["Bjørn Müller"], gone: ["muller", "mueller"], expected: "[name] agreed" },
  { text: "Muller agreed", names: ["Bjørn Müller"], gone: ["muller", "mueller"], expected: "[name] agreed" },
  { text: "MÜLLER agreed", names: ["Bjorn Mueller"], gone: ["muller", "mueller"], expected: "[name] agreed" },
  { text: "Sæther and Saether", names: ["Ola Saether"], gone: ["saether", "sther"], expected: "[name] and [name]" },
  { text: "Łukasz Dąbrowski asked", names: ["Lukasz Dabrowski"], gone: ["lukasz", "dabrowski"], expected: "[name] asked" },
  { text: "Strauss and Strauß", names: ["Eva Strauß"], gone: ["strauss"], expected: "[name] and [name]" },
  { text: "Đorđe said", names: ["Dorde Petrovic"], gone: ["dorde"], expected: "[name] said" },
]);

hits("names joined to other words, initials, digits and punctuation", [
  { text: "ping ZebulonQ on Slack", expected: "ping [name] on Slack" },
  { text: "ZQuistgaard owns it", expected: "[name] owns it" },
  { text: "Zebulon.Q in the CRM", expected: "[name] in the CRM" },
  { text: "user zebulonq", expected: "user [name]" },
  { text: "thanks @zebulon", expected: "thanks @[name]" },
  { text: "tagged #quistgaard", expected: "tagged #[name]" },
  { text: "label quistgaard-followup", expected: "label [name]-followup" },
  { text: "EMEA North (Zebulon's patch)", expected: "EMEA North ([name]'s patch)" },
  { text: "file Quistgaard2026.xlsx", expected: "file [name]2026.xlsx" },
  { text: "zebulon_quistgaard in the export", expected: "[name] in the export" },
  { text: "zebulonquistgaard", expected: "[name]" },
  { text: "the TeamZebulon channel", expected: "the Team[name] channel" },
  { text: "a ZebulonReview doc", expected: "a [name]Review doc" },
  { text: "xquistgaardx", expected: "x[name]x" },
]);

hits("nicknames: three or more letters of the first name", [
  { text: "Zeb said the carve hurt", expected: "[name] said the carve hurt" },
  { text: "ask Zebu", expected: "ask [name]" },
  { text: "zeb's patch", expected: "[name]'s patch" },
  { text: "ZEBU", expected: "[name]" },
  { text: "Edw signed it", names: ["Edward Thorne"], gone: ["edw"], expected: "[name] signed it" },
]);

hits("name parts that are English words, written as a name", [
  { text: "Ask Will about it", names: ["Will Price"], gone: ["will"], expected: "Ask [name] about it" },
  { text: "Will Price said no", names: ["Will Price"], gone: ["will", "price"], expected: "[name] said no" },
  { text: "Price, Will (AE)", names: ["Will Price"], gone: ["will", "price"], expected: "[name] (AE)" },
  { text: "Will P. said no", names: ["Will Price"], gone: ["will"], expected: "[name]. said no" },
  { text: "Will's patch was cut", names: ["Will Price"], gone: ["will"], expected: "[name]'s patch was cut" },
  { text: "Will said the plan is unfair", names: ["Will Price"], gone: ["will"], expected: "[name] said the plan is unfair" },
  { text: "talked to Mr Price", names: ["Will Price"], gone: ["price"], expected: "talked to Mr [name]" },
  { text: "talked to mr. price", names: ["Will Price"], gone: ["price"], expected: "talked to mr. [name]" },
  { text: "Contact WILL PRICE today", names: ["Will Price"], gone: ["will", "price"], expected: "Contact [name] today" },
  { text: "will.price in the CRM", names: ["Will Price"], gone: ["will", "price"], expected: "[name] in the CRM" },
  { text: "willprice", names: ["Will Price"], gone: ["will", "price"], expected: "[name]" },
  { text: "thanks @will", names: ["Will Price"], gone: ["will"], expected: "thanks @[name]" },
  { text: "the Test Rep account", names: ["Newcomer Test Rep"], gone: ["test", "rep"], expected: "the [name] account" },
  { text: "ask Newcomer", names: ["Newcomer Test Rep"], gone: ["newcomer"], expected: "ask [name]" },
  { text: "Newcomer Test Rep said the plan is unfair", names: ["Newcomer Test Rep"], gone: ["newcomer", "test rep"], expected: "[name] said the plan is unfair" },
  { text: "newcomer test rep said so", names: ["Newcomer Test Rep"], gone: ["newcomer", "test rep"], expected: "[name] said so" },
  { text: "ask newcomer  test-rep about it", names: ["Newcomer Test Rep"], gone: ["newcomer"], expected: "ask [name] about it" },
  { text: "then Mark said", names: ["Mark Ng"], gone: ["mark"], expected: "then [name] said" },
  { text: "Mark said so", names: ["Mark Ng"], gone: ["mark"], expected: "[name] said so" },
  { text: "Grace Ho raised it", names: ["Grace Ho"], gone: ["grace", "ho "], expected: "[name] raised it" },
  { text: "the deal went to Ho", names: ["Grace Ho"], gone: ["ho"], expected: "the deal went to [name]" },
]);

hits("hyphens and apostrophes inside a name", [
  { text: "Mary-Jane O'Neill raised it", names: ["Mary-Jane O'Neill"], gone: ["mary", "jane", "neill"], expected: "[name] raised it" },
  { text: "O’Neill and ONeill and Oneill", names: ["Mary-Jane O'Neill"], gone: ["neill"], expected: "[name] and [name] and [name]" },
  { text: "Mary-Jane's patch", names: ["Mary-Jane O'Neill"], gone: ["mary", "jane"], expected: "[name]'s patch" },
  { text: "mary jane and Neill", names: ["Mary-Jane O'Neill"], gone: ["mary", "jane", "neill"], expected: "[name] and [name]" },
  { text: "Abernathy lost her patch; Quill said so", names: ["Zofia Quill-Abernathy"], gone: ["abernathy", "quill"] },
]);

untouched("English stays English", [
  { text: "Cutting it costs the rep almost nothing.", names: ["Newcomer Test Rep"] },
  { text: "A newcomer test of the rep plan costs the rep almost nothing.", names: ["Newcomer Test Rep"] },
  { text: "Every newcomer: test, rep, repeat.", names: ["Newcomer Test Rep"] },
  { text: "We ran a test with every new rep.", names: ["Newcomer Test Rep"] },
  { text: "Rep attainment fell in Q3.", names: ["Newcomer Test Rep"] },
  { text: "we will review the price book", names: ["Will Price"] },
  { text: "Will we review the price book?", names: ["Will Price"] },
  { text: "Price is the issue. Will it change?", names: ["Will Price"] },
  { text: "WE WILL REVIEW THE PRICE BOOK", names: ["Will Price"] },
  { text: "we will price it next week", names: ["Will Price"] },
  { text: "mark the deal as lost", names: ["Mark Ng"] },
  { text: "Mark the deal as lost.", names: ["Mark Ng"] },
  { text: "Ed said the deal slipped.", names: ["Edward Thorne"] },
  { text: "The edge case is edited.", names: ["Edward Thorne"] },
  { text: "A zebra is not a nickname.", names: ["Zebulon Quistgaard"] },
  { text: "The first was raised in Jan 2026 and the last on 3 May.", names: ["Janet May"] },
  { text: "The annual planning cycle.", names: ["Ann Lee"] },
  { text: "The same samples as before.", names: ["Sam Ortiz"] },
  { text: "Danaher bought it.", names: ["Dana Whitfield"] },
  { text: "Ken has no ken of it.", names: ["Ken Adams"] },
  { text: "Grace period ends; ho hum.", names: ["Grace Ho"] },
  { text: "Already scrubbed: [name] wrote from [email] and [phone].", names: ["Ema Name", "Phon Email"] },
]);

describe("email addresses and phone numbers", () => {
  it.each([
    ["write to zebulon.q@acme-corp.com today", `write to ${EMAIL_PLACEHOLDER} today`],
    ["call +44 20 7946 0958 now", `call ${PHONE_PLACEHOLDER} now`],
    ["call (415) 555-0132 now", `call ${PHONE_PLACEHOLDER} now`],
    ["call 415.555.0132 now", `call ${PHONE_PLACEHOLDER} now`],
    ["call 415-555-0132 now", `call ${PHONE_PLACEHOLDER} now`],
    ["call +1 415 555 0132 now", `call ${PHONE_PLACEHOLDER} now`],
    ["mobile 07700 900123.", `mobile ${PHONE_PLACEHOLDER}.`],
    ["office 020 7946 0958", `office ${PHONE_PLACEHOLDER}`],
    ["Berlin +49 30 1234567", `Berlin ${PHONE_PLACEHOLDER}`],
  ])("%s", (text, expected) => {
    expect(scrub(text, [])).toBe(expected);
    expect(scrub(text, ZQ)).toBe(expected);
    expect(mentionsNameOrEmail(text, [])).toBe(true);
  });

  it.each([
    "Attainment was 120% of plan.",
    "A $85K gap, then $1.2M.",
    "Closed on 2026-11-24.",
    "Q3 and Q4 2026.",
    "3 reps left, 12 stayed.",
    "1,200,000 rows in 2025-2026.",
    "Case #4512 at 10:30.",
    "Tiers 1 2 3 4 5 6 7 8 9.",
  ])("leaves ordinary numbers alone: %s", (text) => {
    expect(scrub(text, ZQ)).toBe(text);
    expect(mentionsNameOrEmail(text, ZQ)).toBe(false);
  });

  it("scrubs the address before the name inside it", () => {
    expect(scrub("Zebulon at zebulon.quistgaard@acme.com", ZQ)).toBe(`${NAME_PLACEHOLDER} at ${EMAIL_PLACEHOLDER}`);
  });
});

describe("no names", () => {
  it("leaves text unchanged for an empty or blank names list", () => {
    const text = "Zebulon Quistgaard said Will Price's rep costs nothing.";
    expect(scrub(text, [])).toBe(text);
    expect(scrub(text, ["", "  "])).toBe(text);
    expect(makeScrubber([])(text)).toBe(text);
    expect(nameHitsIn(text, [])).toBe(false);
  });

  it("still takes out email addresses", () => {
    expect(scrub("mail x@y.io", [])).toBe(`mail ${EMAIL_PLACEHOLDER}`);
  });
});

describe("makeScrubber and scrub", () => {
  const samples = [
    "Zebulon's patch (quistgaard-followup) was cut; call +44 20 7946 0958.",
    "We will review the price book with Will next week.",
    "Nothing to see.",
    "",
  ];

  it("agree, and scrubbing twice changes nothing more", () => {
    const names = ["Zebulon Quistgaard", "Will Price"];
    const scrubber = makeScrubber(names);
    for (const text of samples) {
      expect(scrubber(text)).toBe(scrub(text, names));
      expect(scrub(scrubber(text), names)).toBe(scrubber(text));
    }
    expect(scrubber(samples[1])).toBe("We will review the price book with [name] next week.");
  });

  it("handle several reporters at once", () => {
    const out = scrub("Zebulon and Dana met; Whitfield agreed.", ["Zebulon Quistgaard", "Dana Whitfield"]);
    expect(out).toBe("[name] and [name] met; [name] agreed.");
  });

  it("tell whether there is anything to hide", () => {
    expect(nameHitsIn("Ask Zeb", ZQ)).toBe(true);
    expect(nameHitsIn("Ask the zebra", ZQ)).toBe(false);
    expect(mentionsNameOrEmail("Ask Marcus", ["Marcus Oyelaran"])).toBe(true);
    expect(mentionsNameOrEmail("Nothing here", ["Marcus Oyelaran"])).toBe(false);
  });
});

describe("isCommonEnglishWord", () => {
  it("knows ordinary words from names", () => {
    for (const w of ["will", "Price", "rep", "test", "mark", "newcomer", "Jan"]) expect(isCommonEnglishWord(w), w).toBe(true);
    for (const w of ["Zebulon", "zeb", "zebu", "Quistgaard", "Dana"]) expect(isCommonEnglishWord(w), w).toBe(false);
  });
});
