import { db } from "~/utils/db.server";
import { writeCases } from "./after-commit.server";
import { forViewer, type Viewer } from "./case-privacy.server";
import { done, refused } from "~/utils/outcome";

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

/** A note from the field, by a sales leader or the comp team, logged in the case's history. */
export async function addNote({ caseId, authorId, kind, body }: { caseId: number; authorId: string; kind: string; body: string }) {
  return writeCases(
    async (tx) => {
      if ((await tx.case.count({ where: { id: caseId } })) === 0) return refused("not-found");
      const note = await tx.caseNote.create({ data: { caseId, authorId, kind, body }, select: { id: true } });
      await tx.caseEvent.create({ data: { caseId, actorId: authorId, kind: "note", field: "note", toValue: `${kind}: ${body}` } });
      return done({ id: note.id });
    },
    (r) => (r.ok ? { cases: [caseId] } : null),
  );
}

type NoteEdit = { caseId: number; noteId: number; authorId: string; version: number; kind: string; body: string };

/** Only the author edits a note, and only from the version they saw. Every edit is logged. */
export async function editNote({ caseId, noteId, authorId, version, kind, body }: NoteEdit) {
  return writeCases(
    async (tx) => {
      const before = await tx.caseNote.findFirst({ where: { id: noteId, caseId }, select: { authorId: true, kind: true, body: true } });
      if (!before) return refused("not-found");
      if (before.authorId !== authorId) return refused("not-author");
      const { count } = await tx.caseNote.updateMany({ where: { id: noteId, version }, data: { kind, body, version: { increment: 1 } } });
      if (count === 0) return refused("conflict");
      await tx.caseEvent.create({
        data: { caseId, actorId: authorId, kind: "note", field: "note edited", fromValue: `${before.kind}: ${before.body}`, toValue: `${kind}: ${body}` },
      });
      return done();
    },
    (r) => (r.ok ? { cases: [caseId] } : null),
  );
}

/** The comp team links a note to the step it supports as evidence (no step: unlinks it). */
export async function linkNoteToStep({ caseId, noteId, stepId, actorId }: { caseId: number; noteId: number; stepId: number | undefined; actorId: string }) {
  return writeCases(
    async (tx) => {
      const note = await tx.caseNote.findFirst({ where: { id: noteId, caseId }, select: { usedByStep: { select: { position: true } } } });
      if (!note) return refused("not-found");
      const step = stepId ? await tx.whyStep.findFirst({ where: { id: stepId, caseId }, select: { id: true, position: true } }) : null;
      if (stepId && !step) return refused("no-step");
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
      return done();
    },
    (r) => (r.ok ? { cases: [caseId] } : null),
  );
}
