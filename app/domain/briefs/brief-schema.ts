// Form schemas for briefs. Messages are shown next to the fields, so each says what to do.
// Conform sends an empty field as undefined. `version` is a hidden field: when it is wrong
// the page is stale, and reloading is the fix.

import { z } from "zod";
import { SECTION_KEYS, SECTION_TITLES, type SectionKey } from "./types";

export const BRIEF_TITLE_MAX = 200;
export const BRIEF_SUMMARY_MAX = 1_000;
export const BRIEF_SECTION_MAX = 10_000;
const ID_MAX = 2_000_000_000;

const RELOAD = "Reload the page and try again";

/**
 * The draft's edit counter (0 for a new draft) or a published version number (from 1). A
 * blank field must not coerce to 0, which is a valid counter.
 */
const version = (min: number) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ message: RELOAD }).int(RELOAD).min(min, RELOAD).max(ID_MAX, RELOAD),
  );

export const BRIEF_SOURCES = ["pattern", "case"] as const;

export const generateBriefSchema = z.object({
  source: z.enum(BRIEF_SOURCES, { message: "Choose whether the brief is about a pattern or a case" }),
  sourceId: z.coerce
    .number({ message: "Choose the pattern or case to write the brief from" })
    .int("Choose the pattern or case to write the brief from")
    .positive("Choose the pattern or case to write the brief from")
    .max(ID_MAX, "Choose the pattern or case to write the brief from"),
});
export type GenerateBriefData = z.output<typeof generateBriefSchema>;

const n = (x: number) => x.toLocaleString("en-US");

const section = (key: SectionKey) =>
  z
    .string()
    .max(BRIEF_SECTION_MAX, `Keep “${SECTION_TITLES[key]}” under ${n(BRIEF_SECTION_MAX)} characters`)
    .optional()
    .transform((v) => (v ?? "").trim());

const sectionFields = Object.fromEntries(SECTION_KEYS.map((key) => [key, section(key)])) as {
  [K in SectionKey]: ReturnType<typeof section>;
};

export const editBriefSchema = z.object({
  title: z
    .string({ message: "Give the brief a title" })
    .trim()
    .min(1, "Give the brief a title")
    .max(BRIEF_TITLE_MAX, `Keep the title under ${BRIEF_TITLE_MAX} characters`),
  summary: z
    .string()
    .trim()
    .max(BRIEF_SUMMARY_MAX, `Keep the summary under ${n(BRIEF_SUMMARY_MAX)} characters`)
    .optional()
    .transform((v) => v ?? ""),
  ...sectionFields,
  version: version(0),
});
export type EditBriefData = z.output<typeof editBriefSchema>;

/** Publishing freezes the draft as it was at this edit counter. */
export const publishBriefSchema = z.object({ version: version(0) });
export type PublishBriefData = z.output<typeof publishBriefSchema>;

/** A reader acknowledges the published version they read. */
export const acknowledgeBriefSchema = z.object({ version: version(1) });
export type AcknowledgeBriefData = z.output<typeof acknowledgeBriefSchema>;
