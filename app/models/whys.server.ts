import type { Prisma } from "~/generated/prisma/client";
import type { CaseStatus } from "~/domain/cases/taxonomy";
import { statusAfterConclusionConfirmed, statusAfterStepAnswered, statusPath } from "~/domain/cases/status";
import { canAddStep, checkChain, reorder, type ChainProblem } from "~/domain/whys/chain";
import { conclusionOf } from "~/domain/whys/conclusion";
import type { ConclusionData, WhyStepData } from "~/domain/whys/whys-schema";
import { db } from "~/utils/db.server";
import { writeCases } from "./after-commit.server";
import { forViewer, forViewerEach, type Viewer } from "./case-privacy.server";
import { conclusionSelect } from "./case-selects.server";

type Tx = Prisma.TransactionClient;

export type ChainResult =
  | { ok: true; stepId?: number }
  | { ok: false; reason: "not-found" | "conflict" | "too-many-steps" | "no-step" | "not-a-leader" | "already-answered" }
  | { ok: false; reason: "incomplete"; problems: ChainProblem[] };

const stepSelect = {
  id: true,
  position: true,
  question: true,
  answer: true,
  evidence: true,
  evidenceUrl: true,
  ownerFunction: true,
  confidence: true,
  askedLeaderId: true,
  updatedAt: true,
  askedLeader: { select: { id: true, name: true } },
  answeredBy: { select: { name: true, role: true } },
  notes: { select: { id: true, body: true, kind: true, author: { select: { name: true } } } },
} satisfies Prisma.WhyStepSelect;

/** A case's Five Whys as the viewer may read them (outside the comp team: reporter names scrubbed, step notes too). */
export async function getChain(caseId: number, viewer: Viewer) {
  const chain = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      title: true,
      behaviour: true,
      behaviourDetail: true,
      status: true,
      whysVersion: true,
      ...conclusionSelect,
      diagnosisConfirmedAt: true,
      whySteps: { orderBy: { position: "asc" }, select: stepSelect },
    },
  });
  return chain && forViewer(viewer, [caseId], chain);
}

export function listLeaders() {
  return db.user.findMany({
    where: { role: "sales_leader", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Claims the chain at the version the editor saw; false when someone changed it since. */
async function claimChain(tx: Tx, caseId: number, version: number) {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, whysVersion: version },
    data: { whysVersion: { increment: 1 } },
  });
  return count === 1;
}

async function exists(tx: Tx, caseId: number) {
  return (await tx.case.count({ where: { id: caseId } })) === 1;
}

/** A change to one case's chain, followed by the after-commit step when it went through. */
function chainWrite(caseId: number, work: (tx: Tx) => Promise<ChainResult>) {
  return writeCases(work, (r) => (r.ok ? { cases: [caseId] } : null));
}

/** The conclusion sets the diagnosed cause: the case may now repeat a watched pattern. */
function conclusionWrite(caseId: number, work: (tx: Tx) => Promise<ChainResult>) {
  return writeCases(work, (r) => (r.ok ? { cases: [caseId], recheck: true } : null));
}

function log(tx: Tx, caseId: number, actorId: string, field: string, fromValue: string, toValue: string) {
  return tx.caseEvent.create({ data: { caseId, actorId, kind: "whys", field, fromValue, toValue } });
}

/** Moves the case along the allowed path to `target`, one recorded step at a time. */
async function moveStatus(tx: Tx, caseId: number, actorId: string, target: (s: CaseStatus) => CaseStatus) {
  const current = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true } });
  const from = current.status as CaseStatus;
  const to = target(from);
  if (to === from) return;
  const path = statusPath(from, to);
  if (!path || path.length === 0) return;
  let previous = from;
  for (const status of path) {
    await tx.caseEvent.create({
      data: { caseId, actorId, kind: "status", field: "status", fromValue: previous, toValue: status },
    });
    previous = status;
  }
  await tx.case.update({ where: { id: caseId }, data: { status: to, version: { increment: 1 } } });
}

type StepFields = Omit<WhyStepData, "version" | "stepId">;
type ChainEdit = { caseId: number; version: number; actorId: string };

const STEP_FIELDS = ["question", "answer", "evidence", "evidenceUrl", "ownerFunction", "confidence"] as const;

function stepRecord(data: StepFields) {
  return {
    question: data.question,
    answer: data.answer,
    evidence: data.evidence,
    evidenceUrl: data.evidenceUrl ?? "",
    ownerFunction: data.ownerFunction,
    confidence: data.confidence,
    askedLeaderId: data.answer ? null : (data.askLeaderId ?? null),
  };
}

async function assertLeader(tx: Tx, id: string | null) {
  if (!id) return true;
  return (await tx.user.count({ where: { id, role: "sales_leader", active: true } })) === 1;
}

export async function addStep({ caseId, version, step: data, actorId }: ChainEdit & { step: StepFields }) {
  return chainWrite(caseId, async (tx): Promise<ChainResult> => {
    if (!(await exists(tx, caseId))) return { ok: false, reason: "not-found" };
    const record = stepRecord(data);
    if (!(await assertLeader(tx, record.askedLeaderId))) return { ok: false, reason: "not-a-leader" };
    const steps = await tx.whyStep.findMany({ where: { caseId }, select: { position: true } });
    if (!canAddStep(steps)) return { ok: false, reason: "too-many-steps" };
    if (!(await claimChain(tx, caseId, version))) return { ok: false, reason: "conflict" };
    const position = steps.length + 1;
    const step = await tx.whyStep.create({
      data: { ...record, caseId, position, answeredById: record.answer ? actorId : null },
      select: { id: true },
    });
    await log(tx, caseId, actorId, `step ${position}`, "", `${record.question} — ${record.answer || "(put to a sales leader)"}`);
    if (record.answer) await moveStatus(tx, caseId, actorId, statusAfterStepAnswered);
    return { ok: true, stepId: step.id };
  });
}

export async function editStep({ caseId, version, stepId, step: data, actorId }: ChainEdit & { stepId: number; step: StepFields }) {
  return chainWrite(caseId, async (tx): Promise<ChainResult> => {
    const before = await tx.whyStep.findFirst({ where: { id: stepId, caseId } });
    if (!before) return (await exists(tx, caseId)) ? { ok: false, reason: "no-step" } : { ok: false, reason: "not-found" };
    const record = stepRecord(data);
    if (!(await assertLeader(tx, record.askedLeaderId))) return { ok: false, reason: "not-a-leader" };
    if (!(await claimChain(tx, caseId, version))) return { ok: false, reason: "conflict" };
    const answeredNow = !before.answer && record.answer;
    // Whoever last wrote the answer is credited with it.
    const answerChanged = before.answer !== record.answer;
    await tx.whyStep.update({
      where: { id: stepId },
      data: { ...record, ...(answerChanged ? { answeredById: record.answer ? actorId : null } : {}) },
    });
    for (const field of STEP_FIELDS) {
      if (String(before[field]) !== String(record[field])) {
        await log(tx, caseId, actorId, `step ${before.position} ${field}`, String(before[field]), String(record[field]));
      }
    }
    if (answeredNow) await moveStatus(tx, caseId, actorId, statusAfterStepAnswered);
    return { ok: true, stepId };
  });
}

export async function moveStep({ caseId, version, stepId, direction, actorId }: ChainEdit & { stepId: number; direction: "up" | "down" }) {
  return chainWrite(caseId, async (tx): Promise<ChainResult> => {
    const steps = await tx.whyStep.findMany({ where: { caseId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    const step = steps.find((s) => s.id === stepId);
    if (!step) return (await exists(tx, caseId)) ? { ok: false, reason: "no-step" } : { ok: false, reason: "not-found" };
    if (!(await claimChain(tx, caseId, version))) return { ok: false, reason: "conflict" };
    const next = reorder(steps, stepId, direction);
    for (const s of next) {
      const old = steps.find((o) => o.id === s.id)!;
      if (old.position !== s.position) await tx.whyStep.update({ where: { id: s.id }, data: { position: s.position } });
    }
    const moved = next.find((s) => s.id === stepId)!;
    if (moved.position !== step.position) {
      await log(tx, caseId, actorId, "step order", `step ${step.position}`, `step ${moved.position}`);
    }
    return { ok: true };
  });
}

export async function removeStep({ caseId, version, stepId, actorId }: ChainEdit & { stepId: number }) {
  return chainWrite(caseId, async (tx): Promise<ChainResult> => {
    const step = await tx.whyStep.findFirst({ where: { id: stepId, caseId }, select: { position: true, question: true, answer: true } });
    if (!step) return (await exists(tx, caseId)) ? { ok: false, reason: "no-step" } : { ok: false, reason: "not-found" };
    if (!(await claimChain(tx, caseId, version))) return { ok: false, reason: "conflict" };
    await tx.whyStep.delete({ where: { id: stepId } });
    await tx.whyStep.updateMany({ where: { caseId, position: { gt: step.position } }, data: { position: { decrement: 1 } } });
    await log(tx, caseId, actorId, `step ${step.position}`, `${step.question} — ${step.answer}`, "(removed)");
    return { ok: true };
  });
}

const CONCLUSION_FIELDS = {
  rootCause: "rootCause",
  rootCauseStatement: "statement",
  rootCauseJustification: "justification",
  upstreamFix: "upstreamFix",
  fixOwner: "fixOwner",
  payFix: "payFix",
  payFixWhy: "payFixWhy",
} as const;

export async function saveConclusion({ caseId, conclusion: data, actorId }: { caseId: number; conclusion: ConclusionData; actorId: string }) {
  return conclusionWrite(caseId, async (tx): Promise<ChainResult> => {
    const before = await tx.case.findUnique({ where: { id: caseId }, select: { ...conclusionSelect, whysVersion: true } });
    if (!before) return { ok: false, reason: "not-found" };
    if (!(await claimChain(tx, caseId, data.version))) return { ok: false, reason: "conflict" };
    const record = Object.fromEntries(
      Object.entries(CONCLUSION_FIELDS).map(([column, key]) => [column, data[key] ?? ""]),
    ) as Record<keyof typeof CONCLUSION_FIELDS, string>;
    let changed = false;
    for (const column of Object.keys(CONCLUSION_FIELDS) as (keyof typeof CONCLUSION_FIELDS)[]) {
      if (before[column] !== record[column]) {
        changed = true;
        await log(tx, caseId, actorId, `conclusion ${CONCLUSION_FIELDS[column]}`, before[column], record[column]);
      }
    }
    // A changed conclusion has to be read back and confirmed again.
    await tx.case.update({ where: { id: caseId }, data: { ...record, ...(changed ? { diagnosisConfirmedAt: null } : {}) } });
    return { ok: true };
  });
}

/** The read-back was confirmed: checks the stored chain, then marks the case diagnosed. */
export async function confirmDiagnosis({ caseId, version, actorId }: ChainEdit) {
  return chainWrite(caseId, async (tx): Promise<ChainResult> => {
    const chain = await tx.case.findUnique({
      where: { id: caseId },
      select: {
        ...conclusionSelect,
        whySteps: { orderBy: { position: "asc" }, select: { id: true, position: true, question: true, answer: true, askedLeaderId: true } },
      },
    });
    if (!chain) return { ok: false, reason: "not-found" };
    const check = checkChain(chain.whySteps, conclusionOf(chain));
    if (!check.ok) return { ok: false, reason: "incomplete", problems: check.problems };
    if (!(await claimChain(tx, caseId, version))) return { ok: false, reason: "conflict" };
    await tx.case.update({ where: { id: caseId }, data: { diagnosisConfirmedAt: new Date() } });
    await log(tx, caseId, actorId, "diagnosis", "", "confirmed the read-back");
    await moveStatus(tx, caseId, actorId, statusAfterConclusionConfirmed);
    return { ok: true };
  });
}

/** Steps put to this sales leader and not yet answered, each scrubbed of its own case's reporter names. */
export async function listQuestionsFor(leader: Viewer) {
  const questions = await db.whyStep.findMany({
    where: { askedLeaderId: leader.id, answer: "" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      position: true,
      question: true,
      createdAt: true,
      case: {
        select: {
          id: true,
          title: true,
          behaviour: true,
          // The chain so far, so the leader answers in context (issue 14); scrubbed below like the rest.
          whySteps: { orderBy: { position: "asc" }, select: { id: true, position: true, question: true, answer: true } },
        },
      },
    },
  });
  const withContext = questions.map(({ case: { whySteps, ...c }, ...q }) => ({ ...q, case: c, before: whySteps.filter((s) => s.position < q.position) }));
  return forViewerEach(leader, withContext, (q) => [q.case.id]);
}

/** A step this leader answered, and who on the comp team hears of it (the case's owner, else whoever logged it). */
export async function answeredStep(stepId: number, leader: Viewer) {
  const step = await db.whyStep.findFirst({
    where: { id: stepId, answeredById: leader.id },
    select: { id: true, position: true, case: { select: { id: true, owner: { select: { name: true } }, createdBy: { select: { name: true } } } } },
  });
  if (!step) return null;
  const sentTo = step.case.owner?.name ?? step.case.createdBy.name;
  return forViewer(leader, [step.case.id], { caseId: step.case.id, position: step.position, sentTo });
}

export function countQuestionsFor(leaderId: string) {
  return db.whyStep.count({ where: { askedLeaderId: leaderId, answer: "" } });
}

/**
 * A sales leader answers a step put to them. Only a still-blank step is written, so an
 * answer never overwrites one that arrived first.
 */
export async function answerAsLeader({ stepId, leaderId, answer, evidence }: { stepId: number; leaderId: string; answer: string; evidence: string }) {
  let caseId = 0;
  return writeCases(async (tx): Promise<ChainResult> => {
    const step = await tx.whyStep.findUnique({ where: { id: stepId }, select: { caseId: true, position: true, askedLeaderId: true } });
    if (!step || step.askedLeaderId !== leaderId) return { ok: false, reason: "no-step" };
    caseId = step.caseId;
    const { count } = await tx.whyStep.updateMany({
      where: { id: stepId, askedLeaderId: leaderId, answer: "" },
      data: { answer, evidence, answeredById: leaderId },
    });
    if (count === 0) return { ok: false, reason: "already-answered" };
    await tx.case.update({ where: { id: step.caseId }, data: { whysVersion: { increment: 1 } } });
    await log(tx, step.caseId, leaderId, `step ${step.position} answer`, "", answer);
    await moveStatus(tx, step.caseId, leaderId, statusAfterStepAnswered);
    return { ok: true, stepId };
  }, (r) => (r.ok ? { cases: [caseId] } : null));
}

export async function listStepSummaries(caseId: number, viewer: Viewer) {
  const steps = await db.whyStep.findMany({ where: { caseId }, orderBy: { position: "asc" }, select: { id: true, position: true, question: true, answer: true } });
  return forViewer(viewer, [caseId], steps);
}
