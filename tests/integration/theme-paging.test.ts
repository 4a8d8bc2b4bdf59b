// /patterns pages its themes (issue 18, decision 028): twenty a page, the ranking continuing from
// one page to the next, executives paging the same list under disclosure control, and the edit
// forms only on the theme opened for editing.
import { beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { settleThemes } from "~/models/theme-recompute.server";
import { allThemes, MEMBER_IDS_SENT, recordThemeEdit, settleThemeViews, THEMES_PER_PAGE } from "~/models/theme.server";
import { loader } from "~/routes/patterns._index";
import { cookieFor, db, getRequest, makeUser, newCase, run, validCase } from "./helpers";

const form = caseFormSchema.parse({ ...validCase, confidential: false });
const THEMES = THEMES_PER_PAGE + 2;
const BIG = MEMBER_IDS_SENT + 20; // the first theme: more members than a page carries ids for

type ThemeData = { id: string; name: string; count: number | { text: string }; caseIds?: number[] };
type PageData = { editing: string; themeOptions: unknown[]; themes: { page: number; pages: number; count: number; themes: ThemeData[] } };

const people = {} as Record<"analyst" | "leader" | "exec", { id: string; cookie: string }>;

async function themesOn(who: keyof typeof people, query = "") {
  const r = await run(loader, getRequest(`/patterns${query}`, people[who].cookie));
  return r.data as PageData;
}

beforeAll(async () => {
  for (const [key, role] of [["analyst", "analyst"], ["leader", "sales_leader"], ["exec", "executive"]] as const) {
    const u = await makeUser(role);
    people[key] = { id: u.id, cookie: await cookieFor(u.id) };
  }
  // Cases enough for a page and a bit of stored themes: the first with BIG members, the others with 3–5.
  const sizes = Array.from({ length: THEMES }, (_, i) => (i === 0 ? BIG : 3 + (i % 3)));
  const caseIds: number[][] = [];
  for (const size of sizes) {
    const ids: number[] = [];
    for (let k = 0; k < size; k++) ids.push((await newCase({ ...form, complaint: `Paging case ${caseIds.length}-${k}: the plan moved.` }, people.analyst.id)).id);
    caseIds.push(ids);
  }
  await settleThemes();
  // The stored partition replaced by a known one (as a recompute would store it), then one
  // edit so that the themes' view is worked out again from what is stored.
  await db.themeCase.deleteMany();
  await db.theme.deleteMany();
  const day = new Date("2026-10-01T00:00:00Z");
  for (const [i, ids] of caseIds.entries()) {
    await db.theme.create({
      data: {
        id: `paging-${i}`,
        name: `Paging theme ${i}`,
        terms: "[]",
        causes: "[]",
        firstRaisedOn: day,
        lastRaisedOn: day,
        computedAt: day,
        cases: { create: ids.map((caseId) => ({ caseId })) },
      },
    });
  }
  await recordThemeEdit({ kind: "rename", themeId: "paging-0", name: "Paging theme 0" }, people.analyst.id);
  await settleThemeViews();
});

describe("themes on /patterns, page by page", () => {
  it("shows a page of themes, then the next ones on page 2, in the ranking of the whole list", async () => {
    const ranked = (await allThemes()).themes.map((t) => t.id);
    expect(ranked).toHaveLength(THEMES);
    const first = (await themesOn("analyst")).themes;
    const second = (await themesOn("analyst", "?tpage=2")).themes;
    expect([first.page, first.pages, first.count]).toEqual([1, 2, THEMES]);
    expect(first.themes.map((t) => t.id)).toEqual(ranked.slice(0, THEMES_PER_PAGE));
    expect(second.page).toBe(2);
    expect(second.themes.map((t) => t.id)).toEqual(ranked.slice(THEMES_PER_PAGE));
    // Past the last page: the last page, not an empty one.
    expect((await themesOn("analyst", "?tpage=9")).themes.themes.map((t) => t.id)).toEqual(ranked.slice(THEMES_PER_PAGE));
  });

  it("sends a big theme's size but not thousands of member ids", async () => {
    const pages = [(await themesOn("analyst")).themes.themes, (await themesOn("analyst", "?tpage=2")).themes.themes].flat();
    const big = pages.find((t) => t.id === "paging-0")!;
    expect(big.count).toBe(BIG);
    expect(big.caseIds).toHaveLength(MEMBER_IDS_SENT);
    const small = pages.find((t) => t.id === "paging-3")!;
    expect(small.caseIds).toHaveLength(small.count as number);
  });

  it("gives a sales leader the same pages, and an executive the same list under disclosure control", async () => {
    const analystIds = [(await themesOn("analyst")).themes.themes, (await themesOn("analyst", "?tpage=2")).themes.themes].flat().map((t) => t.id);
    const leaderIds = [(await themesOn("leader")).themes.themes, (await themesOn("leader", "?tpage=2")).themes.themes].flat().map((t) => t.id);
    expect(leaderIds).toEqual(analystIds);
    const execPages = [(await themesOn("exec")).themes, (await themesOn("exec", "?tpage=2")).themes];
    const execThemes = execPages.flatMap((p) => p.themes);
    expect(execThemes.map((t) => t.id)).toEqual(analystIds);
    for (const t of execThemes) {
      expect(t.caseIds).toBeUndefined();
      expect(typeof t.count).toBe("object"); // a shown count, never the bare figure
    }
    // Again, from the cache: still the same (and still no member ids).
    expect((await themesOn("exec", "?tpage=2")).themes.themes.map((t) => t.id)).toEqual(analystIds.slice(THEMES_PER_PAGE));
  });

  it("puts the edit forms' data (every theme's name) on the page only while a theme is being edited", async () => {
    const plain = await themesOn("analyst");
    expect(plain.editing).toBe("");
    expect(plain.themeOptions).toEqual([]);
    const editing = await themesOn("analyst", "?edit=paging-3");
    expect(editing.editing).toBe("paging-3");
    expect(editing.themeOptions).toHaveLength(THEMES);
    // Nobody outside the comp team edits: the parameter is ignored for them.
    expect((await themesOn("leader", "?edit=paging-3")).editing).toBe("");
  });
});
