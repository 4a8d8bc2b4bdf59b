// The comp team's hand on themes (issue 13): rename, merge, split, move a case in or out,
// dismiss. Edits are stored, not applied to the stored partition: every recomputation replays
// them, in the order they were made, on top of the fresh themes (whose ids are kept by
// overlap, theme-identity.ts), so they survive recomputation. Pure.

import { z } from "zod";
import { causeValues } from "../cases/taxonomy";

export type ThemeEditKind = "rename" | "merge" | "move" | "split" | "dismiss";

export type ThemeEdit = {
  kind: ThemeEditKind;
  themeId: string;
  /** merge: the theme merged into `themeId`; split: the id of the new theme. */
  otherId: string;
  /** move, split: the cases; merge: the other theme's cases when it was merged. */
  caseIds: number[];
  name: string;
};

export type EditableTheme = { id: string; name: string; caseIds: number[]; dismissed: boolean; edited: boolean };

/**
 * Replays edits over themes. An edit naming a theme that no longer exists does nothing (its
 * cases drifted elsewhere); a merged-away theme's id keeps pointing at the theme it joined.
 * A case moved out stays out; each case stays in at most one theme.
 */
export function applyThemeEdits<T extends EditableTheme>(themes: readonly T[], edits: readonly ThemeEdit[], blank: (id: string, name: string) => T): T[] {
  const byId = new Map(themes.map((t) => [t.id, { ...t, caseIds: [...t.caseIds] }]));
  const alias = new Map<string, string>();
  const resolve = (id: string) => {
    let k = id;
    for (let i = 0; i < 50 && alias.has(k); i++) k = alias.get(k)!;
    return k;
  };
  const takeOut = (ids: readonly number[]) => {
    const out = new Set(ids);
    for (const t of byId.values()) {
      if (t.caseIds.some((id) => out.has(id))) {
        t.caseIds = t.caseIds.filter((id) => !out.has(id));
        t.edited = true;
      }
    }
  };
  for (const e of edits) {
    const theme = byId.get(resolve(e.themeId));
    switch (e.kind) {
      case "rename":
        if (theme) Object.assign(theme, { name: e.name, edited: true });
        break;
      case "dismiss":
        if (theme) Object.assign(theme, { dismissed: true, edited: true });
        break;
      case "merge": {
        if (!theme) break;
        // The cases the other theme had when merged follow even if a recomputation gave
        // that theme a new id (its membership moved too much to keep it).
        takeOut(e.caseIds.filter((id) => !theme.caseIds.includes(id)));
        theme.caseIds.push(...e.caseIds);
        theme.edited = true;
        const other = byId.get(resolve(e.otherId));
        if (!other || other === theme) break;
        theme.caseIds = [...new Set([...theme.caseIds, ...other.caseIds])];
        byId.delete(other.id);
        alias.set(other.id, theme.id);
        break;
      }
      case "move":
        // themeId "" moves the cases out of every theme.
        if (e.themeId && !theme) break;
        takeOut(e.caseIds);
        if (theme) theme.caseIds.push(...e.caseIds);
        break;
      case "split": {
        if (!theme) break;
        const ids = e.caseIds.filter((id) => theme.caseIds.includes(id));
        if (ids.length === 0 || byId.has(e.otherId)) break;
        takeOut(ids);
        byId.set(e.otherId, { ...blank(e.otherId, e.name), caseIds: ids, edited: true });
        break;
      }
    }
  }
  return [...byId.values()].map((t) => ({ ...t, caseIds: [...new Set(t.caseIds)].sort((a, b) => a - b) })).filter((t) => t.caseIds.length > 0);
}

export const THEME_NAME_MAX = 120;
const themeId = z.string({ message: "Choose a theme" }).trim().min(1, "Choose a theme").max(40, "Choose a theme");
const name = z.string({ message: "Give the theme a name" }).trim().min(1, "Give the theme a name").max(THEME_NAME_MAX, `Keep the name under ${THEME_NAME_MAX} characters`);
const caseId = z.coerce.number({ message: "Choose a case" }).int("Choose a case").positive("Choose a case").max(2_000_000_000, "Choose a case");
const toList = (v: unknown) => (v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).filter((x) => !(typeof x === "string" && x.trim() === "")));
const caseIds = z.preprocess(toList, z.array(caseId).min(1, "Choose at least one case"));

/** The edit forms on /patterns, one schema told apart by `intent`. */
export const themeEditSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("theme-rename"), themeId, name }),
  z.object({ intent: z.literal("theme-dismiss"), themeId }),
  z.object({ intent: z.literal("theme-merge"), themeId, otherId: themeId }).refine((v) => v.themeId !== v.otherId, { message: "Choose another theme to merge in", path: ["otherId"] }),
  // An empty target moves the case out of every theme.
  z.object({ intent: z.literal("theme-move"), caseId, themeId: z.string().trim().max(40).optional().transform((v) => v ?? "") }),
  z.object({ intent: z.literal("theme-split"), themeId, caseIds, name }),
  z.object({ intent: z.literal("theme-refile"), caseId, cause: z.enum(causeValues, { message: "Choose a cause" }) }),
  z.object({ intent: z.literal("theme-save"), themeId }),
]);
export type ThemeEditInput = z.infer<typeof themeEditSchema>;
