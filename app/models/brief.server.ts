import type { Prisma } from "~/generated/prisma/client";
import { briefForExecutives, fallbackBasis, titleForExecutives } from "~/domain/briefs/exec-view";
import { draftFrom } from "~/domain/briefs/draft";
import type { Brief } from "~/domain/briefs/types";
import { db } from "~/utils/db.server";
import { databaseFile } from "~/utils/env.server";
import { workerService } from "~/utils/worker.server";
import type { BriefDraftJob, BriefDraftResult, BriefDraftService } from "~/workers/brief-draft.worker";
import { done, refused } from "~/utils/outcome";
import { ATTAINMENT_SELECT, executiveAttainment } from "./attainment.server";
import { getBand, planHealthTable } from "./plan-health.server";
import { execHealthTable } from "~/domain/plan-health/table";
import { followUpNow } from "./action.server";
import { writeCases } from "./after-commit.server";
import { shownTo } from "~/domain/privacy/case-view";
import { forViewerEach, reporterNames, seesReporter, type Viewer } from "./case-privacy.server";
import { conclusionSelect } from "./case-selects.server";
import { membersOf, patternCaseSelect } from "./pattern-case.server";

// Everything a brief is written from. Reporter name and the confidential flag are selected so
// the domain can leave confidential reporters out of the quotes and scrub names from text; the
// brief that comes out never carries them.
const briefCaseSelect = {
  ...patternCaseSelect,
  confidential: true,
  reporterName: true,
  ...conclusionSelect,
  peopleAffected: true,
  revenueAtRisk: true,
  whySteps: { orderBy: { position: "asc" }, select: { position: true, answer: true } },
} satisfies Prisma.CaseSelect;

type Row = Prisma.CaseGetPayload<{ select: typeof briefCaseSelect }>;
const toBriefCase = ({ whySteps, ...c }: Row) => ({ ...c, steps: whySteps });

export async function briefSourceFromPattern(patternId: number) {
  const pattern = await db.pattern.findUnique({
    where: { id: patternId },
    select: { id: true, name: true, cases: { select: { case: { select: briefCaseSelect } } } },
  });
  if (!pattern) return null;
  return { title: pattern.name, cases: pattern.cases.map((c) => toBriefCase(c.case)) };
}

export async function briefSourceFromCase(caseId: number) {
  const c = await db.case.findUnique({ where: { id: caseId }, select: briefCaseSelect });
  if (!c) return null;
  return { title: c.title, cases: [toBriefCase(c)] };
}

export async function createBrief(
  input: { title: string; source: "pattern" | "case"; sourceId: number; draft: unknown },
  actorId: string,
) {
  return db.brief.create({
    data: {
      title: input.title,
      source: input.source,
      patternId: input.source === "pattern" ? input.sourceId : null,
      caseId: input.source === "case" ? input.sourceId : null,
      draftJson: JSON.stringify(input.draft),
      createdById: actorId,
    },
    select: { id: true },
  });
}

/** Briefs as the viewer may read them: titles and pattern names scrubbed of their cases' reporter names. */
export async function listBriefs(publishedOnly: boolean, viewer: Viewer) {
  const briefs = await db.brief.findMany({
    where: publishedOnly ? { publishedCount: { gt: 0 } } : {},
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      source: true,
      publishedCount: true,
      hasUnpublishedChanges: true,
      updatedAt: true,
      pattern: { select: { id: true, name: true } },
      case: { select: { id: true, title: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, publishedAt: true } },
      _count: { select: { acks: true } },
    },
  });
  if (seesReporter(viewer)) return briefs;
  const members = await membersOf(briefs.flatMap((b) => (b.pattern ? [b.pattern.id] : [])));
  return forViewerEach(viewer, briefs, (b) => [...(b.case ? [b.case.id] : []), ...(b.pattern ? (members.get(b.pattern.id) ?? []) : [])]);
}

/** The cases a brief speaks of: its case, its pattern's members, and every case its content cites. */
async function briefCaseIds(brief: { case: { id: number } | null; pattern: { id: number } | null }, contents: readonly string[] = []) {
  const ids = new Set<number>(brief.case ? [brief.case.id] : []);
  if (brief.pattern) for (const id of (await membersOf([brief.pattern.id])).get(brief.pattern.id) ?? []) ids.add(id);
  for (const json of contents) for (const m of json.matchAll(/"caseIds?":\[?([\d,\s]+)/g)) for (const n of m[1].split(/[,\s]+/)) if (n) ids.add(Number(n));
  return [...ids];
}

/**
 * A brief as the viewer may read it. Outside the comp team its title, draft and every published
 * version are scrubbed of the reporter names of the cases it speaks of: the comp team edits a
 * draft by hand and may have typed a name.
 */
export async function getBrief(id: number, viewer: Viewer) {
  const brief = await db.brief.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      source: true,
      draftJson: true,
      draftVersion: true,
      publishedCount: true,
      hasUnpublishedChanges: true,
      createdAt: true,
      updatedAt: true,
      pattern: { select: { id: true, name: true } },
      case: { select: { id: true, title: true } },
      createdBy: { select: { name: true } },
      versions: {
        orderBy: { number: "desc" },
        select: { number: true, title: true, contentJson: true, publishedAt: true, publishedBy: { select: { name: true } } },
      },
    },
  });
  if (!brief || seesReporter(viewer)) return brief;
  const { draftJson, versions, ...rest } = brief;
  const names = await reporterNames(await briefCaseIds(brief, [draftJson, ...versions.map((v) => v.contentJson)]));
  const show = <T>(value: T) => shownTo("outside", value, names);
  // Content is scrubbed as parsed JSON, so a replacement can never break its syntax.
  const showJson = (json: string) => JSON.stringify(show(JSON.parse(json) as unknown));
  return {
    ...show(rest),
    draftJson: showJson(draftJson),
    versions: versions.map(({ contentJson, ...v }) => ({ ...show(v), contentJson: showJson(contentJson) })),
  };
}

export function listAcks(briefId: number) {
  return db.briefAck.findMany({
    where: { briefId },
    orderBy: { at: "desc" },
    select: { versionNumber: true, at: true, user: { select: { name: true, role: true } } },
  });
}

export function hasAcked(briefId: number, versionNumber: number, userId: string) {
  return db.briefAck.count({ where: { briefId, versionNumber, userId } }).then((n) => n > 0);
}

type DraftSave = { id: number; version: number; title: string; draft: unknown };

/** Saves the draft only from the version the editor loaded. */
export async function saveDraft({ id, version, title, draft }: DraftSave) {
  const { count } = await db.brief.updateMany({
    where: { id, draftVersion: version },
    data: { title, draftJson: JSON.stringify(draft), draftVersion: { increment: 1 }, hasUnpublishedChanges: true },
  });
  if (count === 1) return done();
  return (await db.brief.count({ where: { id } })) ? refused("conflict") : refused("not-found");
}

/**
 * Freezes the current draft as the next published version, with "what we did and whether it
 * worked" as the actions and checks stand at this moment (read before the write; a later
 * change to an action shows in the next version, never in this one).
 */
export async function publishBrief({ id, version, actorId }: { id: number; version: number; actorId: string }) {
  const source = await db.brief.findUnique({ where: { id }, select: { patternId: true } });
  const followUp = source ? await followUpNow({ id, patternId: source.patternId }) : null;
  const frozen = (draftJson: string) => (followUp?.items.length ? JSON.stringify({ ...(JSON.parse(draftJson) as Brief), followUp }) : draftJson);
  return writeCases(
    async (tx) => {
      const brief = await tx.brief.findUnique({ where: { id }, select: { title: true, draftJson: true, draftVersion: true, publishedCount: true } });
      if (!brief) return refused("not-found");
      const { count } = await tx.brief.updateMany({
        where: { id, draftVersion: version },
        data: { publishedCount: { increment: 1 }, draftVersion: { increment: 1 }, hasUnpublishedChanges: false },
      });
      if (count === 0) return refused("conflict");
      const number = brief.publishedCount + 1;
      await tx.briefVersion.create({
        data: { briefId: id, number, title: brief.title, contentJson: frozen(brief.draftJson), publishedById: actorId },
      });
      if (brief.publishedCount === 0) {
        // A pattern that reaches leadership is "briefed".
        const source = await tx.brief.findUnique({ where: { id }, select: { patternId: true, caseId: true } });
        if (source?.patternId) await tx.pattern.updateMany({ where: { id: source.patternId, status: "open" }, data: { status: "briefed" } });
      }
      return done({ number });
    },
    (r) => (r.ok ? { cases: [] } : null), // a pattern may now read "briefed"
  );
}

export async function acknowledge({ briefId, versionNumber, userId }: { briefId: number; versionNumber: number; userId: string }) {
  const version = await db.briefVersion.findUnique({ where: { briefId_number: { briefId, number: versionNumber } }, select: { id: true } });
  if (!version) return refused("no-version");
  await db.briefAck.upsert({
    where: { briefId_versionNumber_userId: { briefId, versionNumber, userId } },
    create: { briefId, versionNumber, userId },
    update: {},
  });
  return done();
}

/**
 * The copy of a published brief an executive reads (domain/briefs/exec-view.ts), derived from
 * the frozen snapshot at read time: the comp team's copy is never changed. Segments whose
 * attainment the variability page withholds from executives are not quoted either.
 */
export async function executiveCopy(content: Brief, source: { patternId: number | null; caseId: number | null }) {
  const basis = await basisOf(content, source);
  const attainment = await executiveAttainment();
  const band = await getBand();
  const health = execHealthTable(await planHealthTable(["segment"], band), attainment, band);
  // Every figure the brief's plan-health paragraph quotes must be one the variability page shows.
  const healthShown = (segment: string, period: string) => {
    const cell = health.find((r) => r.keys.segment === segment)?.cells.find((c) => c.period === period);
    return !!cell && !cell.hidden && cell.shareAtQuota !== null && cell.quotaAccuracy !== null && cell.complaints.value !== null;
  };
  return briefForExecutives(content, { basis, segmentShown: (segment) => attainment.isShown(`segment=${segment}`), healthShown });
}

async function basisOf(content: Brief, source: { patternId: number | null; caseId: number | null }) {
  if (content.basis) return content.basis;
  const count = source.patternId ? await db.patternCase.count({ where: { patternId: source.patternId } }) : source.caseId ? 1 : null;
  return fallbackBasis(content, count);
}

/** Titles of briefs as executives read them in the list: from each latest published version. */
export async function executiveTitles(briefs: readonly { id: number; title: string; pattern: { id: number } | null; case: { id: number } | null }[]) {
  const latest = await db.briefVersion.findMany({
    where: { briefId: { in: briefs.map((b) => b.id) } },
    orderBy: { number: "desc" },
    select: { briefId: true, contentJson: true },
  });
  const out = new Map<number, string>();
  for (const b of briefs) {
    const version = latest.find((v) => v.briefId === b.id);
    if (!version) continue;
    const basis = await basisOf(JSON.parse(version.contentJson) as Brief, { patternId: b.pattern?.id ?? null, caseId: b.case?.id ?? null });
    out.set(b.id, titleForExecutives(b.title, basis));
  }
  return out;
}

/** Attainment rows for the segments a brief's cases come from (variability figures), in stored order. */
export function attainmentForSegments(segments: string[]) {
  return db.attainmentRow.findMany({
    where: { segment: { in: segments } },
    select: ATTAINMENT_SELECT,
    orderBy: { id: "asc" },
  });
}

/** What the server reads for a draft: the source's cases, and its segments' latest plan health. */
async function draftJob(source: "pattern" | "case", sourceId: number): Promise<BriefDraftJob | null> {
  const origin = source === "pattern" ? await briefSourceFromPattern(sourceId) : await briefSourceFromCase(sourceId);
  if (!origin || origin.cases.length === 0) return null;
  const segments = [...new Set(origin.cases.map((c) => c.segment))];
  const { low, high } = await getBand();
  const table = await planHealthTable(["segment"], { low, high });
  const health = Object.fromEntries(segments.map((s) => [s, table.find((r) => r.keys.segment === s)?.latest ?? null]));
  return { title: origin.title, cases: origin.cases, scope: source, segments, health, band: { low, high } };
}

const draftOnWorker = workerService<BriefDraftJob, BriefDraftResult>("brief-draft", () => ({ file: databaseFile() }) satisfies BriefDraftService);

/**
 * The brief as code writes it from its source: the cases' chains, counts and attainment. The
 * attainment rows are read and the brief written on a worker thread (decision 022).
 */
export async function draftBrief(source: "pattern" | "case", sourceId: number) {
  const job = await draftJob(source, sourceId);
  if (!job) return null;
  const result = await draftOnWorker(job);
  if (!result.ok) throw new Error(`Drafting the brief failed in the worker: ${result.message}`);
  return result.brief;
}

/** The same draft written on the server's thread (what the worker's must equal; tests). */
export async function draftBriefHere(source: "pattern" | "case", sourceId: number) {
  const job = await draftJob(source, sourceId);
  if (!job) return null;
  const { segments, ...input } = job;
  return draftFrom({ ...input, rows: await attainmentForSegments(segments) });
}
