import { db } from "~/utils/db.server";
import { writeCases } from "./after-commit.server";
import { forViewer, type Viewer } from "./case-privacy.server";

/** A case's notes as the viewer may read them (outside the comp team: reporter names scrubbed). */
export async function listNotes(caseId: number, viewer: Viewer) {
  const notes = await db.caseNote.findMany({
    where: { caseId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      body: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { id: true, name: true, role: true } },
      usedByStep: { select: { id: true, position: true } },
    },
  });
  return forViewer(viewer, [caseId], notes);
}

export async function addNote(caseId: number, authorId: string, kind: string, body: string) {
  return writeCases(async (tx) => {
    if ((await tx.case.count({ where: { id: caseId } })) === 0) return null;
    const note = await tx.caseNote.create({ data: { caseId, authorId, kind, body }, select: { id: true } });
    await tx.caseEvent.create({ data: { caseId, actorId: authorId, kind: "note", field: "note", toValue: `${kind}: ${body}` } });
    return note;
  }, (note) => (note ? { cases: [caseId] } : null));
}

export type NoteEditResult = { ok: true } | { ok: false; reason: "not-found" | "not-author" | "conflict" };

/** Only the author edits a note, and only from the version they saw. Every edit is logged. */
export async function editNote(caseId: number, noteId: number, authorId: string, version: number, kind: string, body: string) {
  return writeCases(async (tx): Promise<NoteEditResult> => {
    const before = await tx.caseNote.findFirst({ where: { id: noteId, caseId }, select: { authorId: true, kind: true, body: true } });
    if (!before) return { ok: false, reason: "not-found" };
    if (before.authorId !== authorId) return { ok: false, reason: "not-author" };
    const { count } = await tx.caseNote.updateMany({
      where: { id: noteId, version },
      data: { kind, body, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: "conflict" };
    await tx.caseEvent.create({
      data: { caseId, actorId: authorId, kind: "note", field: "note edited", fromValue: `${before.kind}: ${before.body}`, toValue: `${kind}: ${body}` },
    });
    return { ok: true };
  }, (r) => (r.ok ? { cases: [caseId] } : null));
}

export async function linkNoteToStep(caseId: number, noteId: number, stepId: number | undefined, actorId: string) {
  return writeCases(async (tx) => {
    const note = await tx.caseNote.findFirst({ where: { id: noteId, caseId }, select: { usedByStep: { select: { position: true } } } });
    if (!note) return { ok: false as const, reason: "not-found" as const };
    const step = stepId ? await tx.whyStep.findFirst({ where: { id: stepId, caseId }, select: { id: true, position: true } }) : null;
    if (stepId && !step) return { ok: false as const, reason: "no-step" as const };
    await tx.caseNote.update({ where: { id: noteId }, data: { usedByStepId: step?.id ?? null } });
    await tx.caseEvent.create({
      data: {
        caseId,
        actorId,
        kind: "note",
        field: "note used as evidence",
        fromValue: note.usedByStep ? `step ${note.usedByStep.position}` : "",
        toValue: step ? `step ${step.position}` : "",
      },
    });
    return { ok: true as const };
  }, (r) => (r.ok ? { cases: [caseId] } : null));
}
