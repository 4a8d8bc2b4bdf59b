import { z } from "zod";

export const NOTE_KINDS = [
  { value: "context", label: "Context" },
  { value: "evidence", label: "Evidence" },
  { value: "counterpoint", label: "Counterpoint" },
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number]["value"];
const noteKindValues = NOTE_KINDS.map((k) => k.value) as [NoteKind, ...NoteKind[]];

export function noteKindLabel(kind: string) {
  return NOTE_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export const NOTE_MAX = 5_000;

const body = z
  .string({ message: "Write the note" })
  .trim()
  .min(1, "Write the note")
  .max(NOTE_MAX, `Keep the note under ${NOTE_MAX.toLocaleString("en-US")} characters`);
const kind = z.enum(noteKindValues, { message: "Choose context, evidence or counterpoint" });
const id = z.coerce.number({ message: "That note does not exist" }).int().positive("That note does not exist");

export const addNoteSchema = z.object({ intent: z.literal("add-note"), kind, body });

export const editNoteSchema = z.object({
  intent: z.literal("edit-note"),
  noteId: id,
  kind,
  body,
  version: z.coerce.number().int().min(1),
});

/** The comp team links a note to the step it supports (or unlinks it with a blank step). */
export const linkNoteSchema = z.object({
  intent: z.literal("use-note"),
  noteId: id,
  stepId: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number({ message: "Choose a step" }).int().positive("Choose a step").optional(),
  ),
});
