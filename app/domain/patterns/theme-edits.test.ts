import { describe, expect, it } from "vitest";
import { applyThemeEdits, type EditableTheme, type ThemeEdit, themeEditSchema } from "./theme-edits";

const t = (id: string, caseIds: number[]): EditableTheme => ({ id, name: id.toUpperCase(), caseIds, dismissed: false, edited: false });
const blank = (id: string, name: string): EditableTheme => ({ id, name, caseIds: [], dismissed: false, edited: true });
const e = (over: Partial<ThemeEdit> & Pick<ThemeEdit, "kind" | "themeId">): ThemeEdit => ({ otherId: "", caseIds: [], name: "", ...over });

describe("applyThemeEdits", () => {
  it("merges, and later edits naming the merged-away theme reach the theme it joined", () => {
    const out = applyThemeEdits([t("a", [1, 2]), t("b", [3, 4])], [e({ kind: "merge", themeId: "a", otherId: "b" }), e({ kind: "rename", themeId: "b", name: "Both" })], blank);
    expect(out).toEqual([{ id: "a", name: "Both", caseIds: [1, 2, 3, 4], dismissed: false, edited: true }]);
  });

  it("keeps a merge when a recomputation gave the merged-in theme a new id: its cases follow", () => {
    const out = applyThemeEdits([t("a", [1, 2]), t("b2", [3, 5])], [e({ kind: "merge", themeId: "a", otherId: "b", caseIds: [3, 4] })], blank);
    expect(out.map((x) => [x.id, x.caseIds])).toEqual([["a", [1, 2, 3, 4]], ["b2", [5]]]);
  });

  it("moves a case out of every theme, or into one, keeping each case in at most one theme", () => {
    const themes = [t("a", [1, 2, 3]), t("b", [4, 5])];
    expect(applyThemeEdits(themes, [e({ kind: "move", themeId: "", caseIds: [2] })], blank).flatMap((x) => x.caseIds)).toEqual([1, 3, 4, 5]);
    const moved = applyThemeEdits(themes, [e({ kind: "move", themeId: "b", caseIds: [2] })], blank);
    expect(moved.map((x) => x.caseIds)).toEqual([[1, 3], [2, 4, 5]]);
  });

  it("splits cases off into a new theme and dismisses", () => {
    const out = applyThemeEdits([t("a", [1, 2, 3])], [e({ kind: "split", themeId: "a", otherId: "n1", caseIds: [3], name: "Part" }), e({ kind: "dismiss", themeId: "a" })], blank);
    expect(out.map((x) => [x.id, x.caseIds, x.dismissed])).toEqual([["a", [1, 2], true], ["n1", [3], false]]);
  });

  it("ignores edits on themes that are gone", () => {
    expect(applyThemeEdits([t("a", [1, 2])], [e({ kind: "rename", themeId: "zz", name: "X" })], blank)).toEqual([t("a", [1, 2])]);
  });
});

describe("themeEditSchema", () => {
  it("refuses merging a theme into itself, with the message on the field", () => {
    const r = themeEditSchema.safeParse({ intent: "theme-merge", themeId: "a", otherId: "a" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["otherId"]);
  });
  it("takes a move without a target as moving the case out", () => {
    expect(themeEditSchema.parse({ intent: "theme-move", caseId: "7" })).toEqual({ intent: "theme-move", caseId: 7, themeId: "" });
  });
});
