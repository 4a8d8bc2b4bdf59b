// Every write path ends in the after-commit step (decision 009): the data version moves (so
// pattern figures and statistics recompute) and, where a case's text or cause changed, the
// "recurring after the fix" check runs — imports and Five Whys conclusions included.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { conclusionSchema, whyStepSchema } from "~/domain/whys/whys-schema";
import { createAction, updateAction } from "~/models/action.server";
import { importAttainment } from "~/models/attainment.server";
import { createPlanChange } from "~/models/plan-change.server";
import { changeStatus, createCase, linkDuplicate, updateCase } from "~/models/case-commands.server";
import { importCases } from "~/models/case-import.server";
import { upsertApiCase } from "~/models/case-intake.server";
import { assignCases, bulkStatus, triageCase } from "~/models/queue.server";
import { addNote, editNote, linkNoteToStep } from "~/models/note.server";
import { addCasesToPattern, createPattern, removeCaseFromPattern, updatePattern } from "~/models/pattern.server";
import { refileSuspectedCause } from "~/models/theme.server";
import * as whys from "~/models/whys.server";
import { dataVersion } from "~/utils/data-version.server";
import { db, makeUser, newCase, validCase } from "./helpers";

const form = caseFormSchema.parse({ ...validCase, confidential: false });
const { ownerId: _o, duplicateOfId: _d, ...apiForm } = form;
const TERRITORY = "The territory carve gave my named accounts to the new hires and left my patch with no whitespace to prospect.";
let actor: string;
let leader: string;

const version = async (id: number) => (await db.case.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const chainVersion = async (id: number) => (await db.case.findUniqueOrThrow({ where: { id }, select: { whysVersion: true } })).whysVersion;
const step = (v: number, extra: Record<string, unknown> = {}) => whyStepSchema.parse({ question: "Why is pipeline down?", answer: "The carve moved accounts.", ownerFunction: "revops", confidence: "likely", version: String(v), ...extra });

beforeAll(async () => {
  actor = (await makeUser("analyst")).id;
  leader = (await makeUser("sales_leader")).id;
});

describe("every write path runs the after-commit step", () => {
  it("moves the data version after each committed write", async () => {
    const a = await newCase(form, actor);
    const b = await newCase(form, actor);
    const paths: [string, () => Promise<unknown>][] = [
      ["createCase", () => createCase({ input: form, actorId: actor })],
      ["updateCase", async () => updateCase({ id: a.id, version: await version(a.id), input: { ...form, complaint: "Edited wording of the complaint." }, actorId: actor })],
      ["changeStatus", async () => changeStatus({ id: a.id, version: await version(a.id), to: "triaged", actorId: actor })],
      ["linkDuplicate", () => linkDuplicate({ id: b.id, duplicateOfId: a.id, actorId: actor })],
      ["addNote", () => addNote({ caseId: a.id, authorId: actor, kind: "context", body: "A note." })],
      ["editNote", async () => {
        const note = await db.caseNote.findFirstOrThrow({ where: { caseId: a.id }, select: { id: true, version: true } });
        return editNote({ caseId: a.id, noteId: note.id, authorId: actor, version: note.version, kind: "evidence", body: "A note, edited." });
      }],
      ["addStep", async () => whys.addStep({ caseId: a.id, version: await chainVersion(a.id), step: step(await chainVersion(a.id)), actorId: actor })],
      ["editStep", async () => {
        const s = await db.whyStep.findFirstOrThrow({ where: { caseId: a.id }, select: { id: true } });
        return whys.editStep({ caseId: a.id, version: await chainVersion(a.id), stepId: s.id, step: step(await chainVersion(a.id), { answer: "Accounts moved in the carve." }), actorId: actor });
      }],
      ["linkNoteToStep", async () => {
        const [note, s] = await Promise.all([db.caseNote.findFirstOrThrow({ where: { caseId: a.id } }), db.whyStep.findFirstOrThrow({ where: { caseId: a.id } })]);
        return linkNoteToStep({ caseId: a.id, noteId: note.id, stepId: s.id, actorId: actor });
      }],
      ["addStep (to a leader)", async () => whys.addStep({ caseId: a.id, version: await chainVersion(a.id), step: step(await chainVersion(a.id), { answer: "", askLeaderId: leader }), actorId: actor })],
      ["answerAsLeader", async () => {
        const s = await db.whyStep.findFirstOrThrow({ where: { caseId: a.id, askedLeaderId: leader } });
        return whys.answerAsLeader({ stepId: s.id, leaderId: leader, answer: "Because the carve moved them.", evidence: "" });
      }],
      ["moveStep", async () => {
        const s = await db.whyStep.findFirstOrThrow({ where: { caseId: a.id, position: 2 } });
        return whys.moveStep({ caseId: a.id, version: await chainVersion(a.id), stepId: s.id, direction: "up", actorId: actor });
      }],
      ["saveConclusion", async () => whys.saveConclusion({ caseId: a.id, actorId: actor, conclusion: conclusionSchema.parse({ rootCause: "territory_imbalance", statement: "Territories were carved unevenly.", upstreamFix: "Re-balance the carve.", fixOwner: "revops", payFix: "no", payFixWhy: "More pay does not add accounts.", version: String(await chainVersion(a.id)) }) })],
      ["confirmDiagnosis", async () => whys.confirmDiagnosis({ caseId: a.id, version: await chainVersion(a.id), actorId: actor })],
      ["removeStep", async () => {
        const s = await db.whyStep.findFirstOrThrow({ where: { caseId: a.id, position: 2 } });
        return whys.removeStep({ caseId: a.id, version: await chainVersion(a.id), stepId: s.id, actorId: actor });
      }],
      ["importCases", () => importCases({ rows: [{ data: form }], actorId: actor })],
      ["triageCase", async () => triageCase(b.id, await version(b.id), { triageClass: "plan_design", resolutionNote: "", toWhys: false, version: await version(b.id) }, actor)],
      ["assignCases", () => assignCases({ ids: [b.id], ownerId: actor, actor: { id: leader, name: "someone else" } })],
      ["bulkStatus", () => bulkStatus([b.id], "diagnosing", actor)],
      ["upsertApiCase (create)", () => upsertApiCase({ ...apiForm, externalId: "api-1" }, new Set(["complaint"]), { id: "t", name: "Test system", actorId: actor })],
      ["upsertApiCase (update)", () => upsertApiCase({ ...apiForm, externalId: "api-1", complaint: "Sent again, reworded." }, new Set(["complaint", "title"]), { id: "t", name: "Test system", actorId: actor })],
      ["importAttainment", () => importAttainment([{ period: "2026-Q3", repPseudonym: "rep-1", role: "ae", segment: "smb", region: "", attainmentPct: 91 }])],
      ["createPattern", () => createPattern({ input: { name: "P", description: "", status: "open", cause: "", caseIds: [a.id] }, actorId: actor })],
      ["updatePattern", async () => {
        const p = await db.pattern.findFirstOrThrow({ select: { id: true, version: true } });
        return updatePattern({ id: p.id, version: p.version, input: { name: "P2", description: "", status: "open" } });
      }],
      ["addCasesToPattern", async () => addCasesToPattern({ id: (await db.pattern.findFirstOrThrow()).id, caseIds: [b.id] })],
      ["removeCaseFromPattern", async () => removeCaseFromPattern({ id: (await db.pattern.findFirstOrThrow()).id, caseId: b.id })],
      // Actions move a pattern's status (done: watched for recurrence; not effective: reopened).
      ["createAction", async () => createAction({ input: { title: "Re-carve", detail: "", ownerFunction: "sales", ownerId: leader, dueOn: "2027-01-31", checkDays: 90, patternId: (await db.pattern.findFirstOrThrow()).id, caseRefs: [] }, actorId: actor })],
      ["updateAction", async () => {
        const act = await db.action.findFirstOrThrow({ select: { id: true, version: true } });
        return updateAction({ id: act.id, version: act.version, change: { intent: "move", status: "approved", reason: "" }, actor: { id: actor, compTeam: true } });
      }],
      ["createPlanChange", () => createPlanChange({ input: { kind: "quota", summary: "Quota cut 10%", reason: "", approvedBy: "CFO", effectiveOn: "2027-01-01", exceptionKey: "" }, actorId: actor })],
      ["refileSuspectedCause", () => refileSuspectedCause({ caseId: b.id, cause: "quota_setting", actorId: actor })],
    ];
    const skipped: string[] = [];
    for (const [name, write] of paths) {
      const before = dataVersion();
      const result = await write();
      if (result && typeof result === "object" && "ok" in result && result.ok === false) throw new Error(`${name} was refused: ${JSON.stringify(result)}`);
      if (dataVersion() === before) skipped.push(name);
    }
    expect(skipped).toEqual([]);
  });

  it("no model opens a transaction of its own on case data: they all go through writeCases", () => {
    const dir = path.resolve(__dirname, "../../app/models");
    const offenders = fs
      .readdirSync(dir)
      // theme-recompute writes only the derived theme tables, which no case write depends on.
      .filter((f) => f.endsWith(".server.ts") && f !== "after-commit.server.ts" && f !== "user.server.ts" && f !== "theme-recompute.server.ts")
      .filter((f) => /db\.\$transaction\(/.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("recurrence after the fix", () => {
  let watched: number;

  beforeAll(async () => {
    const members = [];
    for (let i = 0; i < 3; i++) members.push((await newCase({ ...form, complaint: `${TERRITORY} (${i})`, suspectedCause: "territory_imbalance" }, actor)).id);
    const made = await createPattern({ input: { name: "Territory carve (watched)", description: "", status: "monitoring", cause: "territory_imbalance", caseIds: members }, actorId: actor });
    if (!made.ok) throw new Error(made.reason);
    watched = made.id;
  });

  const flagged = async (caseId: number) => (await db.patternRecurrence.count({ where: { patternId: watched, caseId } })) === 1;

  it("flags an imported case that repeats a watched pattern", async () => {
    await importCases({ rows: [{ externalId: "recurs-1", data: { ...form, complaint: TERRITORY, suspectedCause: "territory_imbalance" } }], actorId: actor });
    const imported = await db.case.findUniqueOrThrow({ where: { externalId: "recurs-1" }, select: { id: true } });
    expect(await flagged(imported.id)).toBe(true);
  });

  it("checks every case of a large import (more cases than one statement can bind)", async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => ({ externalId: `recurs-bulk-${i}`, data: { ...form, complaint: `${TERRITORY} Bulk ${i}.`, suspectedCause: "territory_imbalance" as const } }));
    await importCases({ rows, actorId: actor });
    const last = await db.case.findUniqueOrThrow({ where: { externalId: "recurs-bulk-1199" }, select: { id: true } });
    expect(await flagged(last.id)).toBe(true);
  });

  it("flags a case once a Five Whys conclusion gives it the pattern's cause", async () => {
    const { id } = await newCase({ ...form, complaint: TERRITORY, suspectedCause: "pricing_packaging" }, actor);
    expect(await flagged(id)).toBe(false); // a different suspected cause: not (yet) a recurrence
    const result = await whys.saveConclusion({ caseId: id, actorId: actor, conclusion: conclusionSchema.parse({ rootCause: "territory_imbalance", statement: "The carve was uneven.", upstreamFix: "Re-balance the carve.", fixOwner: "revops", payFix: "no", payFixWhy: "Pay does not add accounts.", version: String(await chainVersion(id)) }) });
    expect(result.ok).toBe(true);
    expect(await flagged(id)).toBe(true);
  });
});
