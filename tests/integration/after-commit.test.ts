// Every write path ends in the after-commit step (decision 009): the data version moves (so
// pattern figures and statistics recompute) and, where a case's text or cause changed, the
// "recurring after the fix" check runs — imports and Five Whys conclusions included.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { conclusionSchema, whyStepSchema } from "~/domain/whys/whys-schema";
import { importAttainment } from "~/models/attainment.server";
import { changeStatus, createCase, linkDuplicate, updateCase } from "~/models/case.server";
import { importCases } from "~/models/case-import.server";
import { upsertApiCase } from "~/models/case-intake.server";
import { addNote, editNote, linkNoteToStep } from "~/models/note.server";
import { addCasesToPattern, createPattern, removeCaseFromPattern, updatePattern } from "~/models/pattern.server";
import * as whys from "~/models/whys.server";
import { dataVersion } from "~/utils/data-version.server";
import { db, makeUser, validCase } from "./helpers";

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
    const a = await createCase(form, actor);
    const b = await createCase(form, actor);
    const paths: [string, () => Promise<unknown>][] = [
      ["createCase", () => createCase(form, actor)],
      ["updateCase", async () => updateCase(a.id, await version(a.id), { ...form, complaint: "Edited wording of the complaint." }, actor)],
      ["changeStatus", async () => changeStatus(a.id, await version(a.id), "triaged", actor)],
      ["linkDuplicate", () => linkDuplicate(b.id, a.id, actor)],
      ["addNote", () => addNote(a.id, actor, "context", "A note.")],
      ["editNote", async () => {
        const note = await db.caseNote.findFirstOrThrow({ where: { caseId: a.id }, select: { id: true, version: true } });
        return editNote(a.id, note.id, actor, note.version, "evidence", "A note, edited.");
      }],
      ["addStep", async () => whys.addStep(a.id, await chainVersion(a.id), step(await chainVersion(a.id)), actor)],
      ["editStep", async () => {
        const s = await db.whyStep.findFirstOrThrow({ where: { caseId: a.id }, select: { id: true } });
        return whys.editStep(a.id, await chainVersion(a.id), s.id, step(await chainVersion(a.id), { answer: "Accounts moved in the carve." }), actor);
      }],
      ["linkNoteToStep", async () => {
        const [note, s] = await Promise.all([db.caseNote.findFirstOrThrow({ where: { caseId: a.id } }), db.whyStep.findFirstOrThrow({ where: { caseId: a.id } })]);
        return linkNoteToStep(a.id, note.id, s.id, actor);
      }],
      ["addStep (to a leader)", async () => whys.addStep(a.id, await chainVersion(a.id), step(await chainVersion(a.id), { answer: "", askLeaderId: leader }), actor)],
      ["answerAsLeader", async () => {
        const s = await db.whyStep.findFirstOrThrow({ where: { caseId: a.id, askedLeaderId: leader } });
        return whys.answerAsLeader(s.id, leader, "Because the carve moved them.", "");
      }],
      ["moveStep", async () => {
        const s = await db.whyStep.findFirstOrThrow({ where: { caseId: a.id, position: 2 } });
        return whys.moveStep(a.id, await chainVersion(a.id), s.id, "up", actor);
      }],
      ["saveConclusion", async () => whys.saveConclusion(a.id, conclusionSchema.parse({ rootCause: "territory_imbalance", statement: "Territories were carved unevenly.", upstreamFix: "Re-balance the carve.", fixOwner: "revops", payFix: "no", payFixWhy: "More pay does not add accounts.", version: String(await chainVersion(a.id)) }), actor)],
      ["confirmDiagnosis", async () => whys.confirmDiagnosis(a.id, await chainVersion(a.id), actor)],
      ["removeStep", async () => {
        const s = await db.whyStep.findFirstOrThrow({ where: { caseId: a.id, position: 2 } });
        return whys.removeStep(a.id, await chainVersion(a.id), s.id, actor);
      }],
      ["importCases", () => importCases([{ data: form }], actor)],
      ["upsertApiCase (create)", () => upsertApiCase({ ...apiForm, externalId: "api-1" }, new Set(["complaint"]), actor)],
      ["upsertApiCase (update)", () => upsertApiCase({ ...apiForm, externalId: "api-1", complaint: "Sent again, reworded." }, new Set(["complaint", "title"]), actor)],
      ["importAttainment", () => importAttainment([{ period: "2026-Q3", repPseudonym: "rep-1", role: "ae", segment: "smb", region: "", attainmentPct: 91 }])],
      ["createPattern", () => createPattern({ name: "P", description: "", status: "open", cause: "", caseIds: [a.id] }, actor)],
      ["updatePattern", async () => {
        const p = await db.pattern.findFirstOrThrow({ select: { id: true, version: true } });
        return updatePattern(p.id, p.version, { name: "P2", description: "", status: "open" });
      }],
      ["addCasesToPattern", async () => addCasesToPattern((await db.pattern.findFirstOrThrow()).id, [b.id])],
      ["removeCaseFromPattern", async () => removeCaseFromPattern((await db.pattern.findFirstOrThrow()).id, b.id)],
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
      .filter((f) => f.endsWith(".server.ts") && f !== "after-commit.server.ts" && f !== "user.server.ts")
      .filter((f) => /db\.\$transaction\(/.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("recurrence after the fix", () => {
  let watched: number;

  beforeAll(async () => {
    const members = [];
    for (let i = 0; i < 3; i++) members.push((await createCase({ ...form, complaint: `${TERRITORY} (${i})`, suspectedCause: "territory_imbalance" }, actor)).id);
    watched = (await createPattern({ name: "Territory carve (watched)", description: "", status: "monitoring", cause: "territory_imbalance", caseIds: members }, actor)).id;
  });

  const flagged = async (caseId: number) => (await db.patternRecurrence.count({ where: { patternId: watched, caseId } })) === 1;

  it("flags an imported case that repeats a watched pattern", async () => {
    await importCases([{ externalId: "recurs-1", data: { ...form, complaint: TERRITORY, suspectedCause: "territory_imbalance" } }], actor);
    const imported = await db.case.findUniqueOrThrow({ where: { externalId: "recurs-1" }, select: { id: true } });
    expect(await flagged(imported.id)).toBe(true);
  });

  it("checks every case of a large import (more cases than one statement can bind)", async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => ({ externalId: `recurs-bulk-${i}`, data: { ...form, complaint: `${TERRITORY} Bulk ${i}.`, suspectedCause: "territory_imbalance" as const } }));
    await importCases(rows, actor);
    const last = await db.case.findUniqueOrThrow({ where: { externalId: "recurs-bulk-1199" }, select: { id: true } });
    expect(await flagged(last.id)).toBe(true);
  });

  it("flags a case once a Five Whys conclusion gives it the pattern's cause", async () => {
    const { id } = await createCase({ ...form, complaint: TERRITORY, suspectedCause: "pricing_packaging" }, actor);
    expect(await flagged(id)).toBe(false); // a different suspected cause: not (yet) a recurrence
    const result = await whys.saveConclusion(id, conclusionSchema.parse({ rootCause: "territory_imbalance", statement: "The carve was uneven.", upstreamFix: "Re-balance the carve.", fixOwner: "revops", payFix: "no", payFixWhy: "Pay does not add accounts.", version: String(await chainVersion(id)) }), actor);
    expect(result.ok).toBe(true);
    expect(await flagged(id)).toBe(true);
  });
});
