import { db } from "~/utils/db.server";
import { notify } from "./notification.server";

// The events of the daily work that people are told about (issue 16). Called by the route
// after its write succeeded; a failure to notify never undoes or fails the write.

const quietly = (what: string) => (error: unknown) => console.error(`Notifying (${what}) failed:`, error);

/** A Five Whys step was put to a sales leader. */
export async function questionPut(stepId: number) {
  const step = await db.whyStep.findUnique({ where: { id: stepId }, select: { caseId: true, askedLeaderId: true, answer: true } });
  if (!step?.askedLeaderId || step.answer) return;
  await notify([step.askedLeaderId], "question_asked", { caseId: step.caseId }, `question:${stepId}:${step.askedLeaderId}`).catch(quietly("question"));
}

/** A leader answered: the case's assignee hears of it (its author when nobody has it). */
export async function questionAnswered(stepId: number, leaderName: string) {
  const step = await db.whyStep.findUnique({ where: { id: stepId }, select: { caseId: true, case: { select: { title: true, ownerId: true, createdById: true } } } });
  if (!step) return;
  const to = step.case.ownerId ?? step.case.createdById;
  await notify([to], "question_answered", { caseId: step.caseId, caseTitle: step.case.title, actorName: leaderName }).catch(quietly("answer"));
}

/** A brief was published: its readers outside the comp team (leaders and executives) hear of it. */
export async function briefPublished(briefId: number, number: number) {
  const readers = await db.user.findMany({ where: { active: true, role: { in: ["sales_leader", "executive"] } }, select: { id: true } });
  await notify(readers.map((r) => r.id), "brief_published", { briefId }, `brief:${briefId}:${number}`).catch(quietly("brief"));
}
