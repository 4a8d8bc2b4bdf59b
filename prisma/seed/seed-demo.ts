// Demo mode (docs/product.md "Demo mode"): realistic cases and one sign-in per role, password upstream-demo.
// Only ever run into an empty database (scripts/db-setup.mjs checks).
import bcrypt from "bcryptjs";
import type { Prisma } from "../../app/generated/prisma/client";
import { seedClient } from "./client";
import { demoCases } from "./demo-cases";

export const DEMO_PASSWORD = "upstream-demo";
export const DEMO_USERS = [
  { key: "admin", email: "admin@upstream.test", name: "Morgan Reyes", role: "admin" },
  { key: "analyst", email: "analyst@upstream.test", name: "Sam Okafor", role: "analyst" },
  { key: "leader", email: "leader@upstream.test", name: "Jordan Whitlock", role: "sales_leader" },
  { key: "exec", email: "exec@upstream.test", name: "Casey Lindqvist", role: "executive" },
] as const;

const STATUS_PATH = ["new", "triaged", "diagnosing", "diagnosed", "briefed", "monitoring", "closed"];
const SEVERITY_RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;
const DAY = 24 * 60 * 60 * 1000;

const db = seedClient();
const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
const users: Record<string, string> = {};
for (const u of DEMO_USERS) {
  const created = await db.user.create({
    data: { email: u.email, name: u.name, role: u.role, passwordHash },
    select: { id: true },
  });
  users[u.key] = created.id;
}

const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());

await db.$transaction(async (tx) => {
  for (const c of demoCases) {
    const raisedOn = new Date(today - c.raisedDaysAgo * DAY);
    const created = await tx.case.create({
      data: {
        title: c.title,
        complaint: c.complaint,
        raisedOn,
        channel: c.channel,
        reporterRole: c.reporterRole,
        reporterFunction: c.reporterFunction,
        segment: c.segment,
        region: c.region,
        tenureMonths: c.tenureMonths,
        reporterName: c.reporterName,
        confidential: c.confidential,
        behaviour: c.behaviour,
        behaviourDetail: c.behaviourDetail,
        suspectedCause: c.suspectedCause,
        causeDetail: c.causeDetail,
        severity: c.severity,
        severityRank: SEVERITY_RANK[c.severity],
        peopleAffected: c.peopleAffected,
        revenueAtRisk: c.revenueAtRisk,
        tags: c.tags.join(","),
        status: c.status,
        ownerId: c.owner ? users[c.owner] : null,
        createdById: users.analyst,
        createdAt: raisedOn,
      },
      select: { id: true },
    });
    // A believable history: created, then each status step a few days apart.
    const events: Prisma.CaseEventCreateManyInput[] = [{ caseId: created.id, actorId: users.analyst, kind: "created", at: raisedOn }];
    const path =
      c.status === "reopened" ? [...STATUS_PATH, "reopened"] : STATUS_PATH.slice(0, STATUS_PATH.indexOf(c.status) + 1);
    const stepDays = Math.max(1, Math.floor(c.raisedDaysAgo / (path.length + 1)));
    path.slice(1).forEach((status, i) => {
      events.push({
        caseId: created.id,
        actorId: users.analyst,
        kind: "status",
        at: new Date(raisedOn.getTime() + (i + 1) * stepDays * DAY),
        field: "status",
        fromValue: path[i],
        toValue: status,
      });
    });
    await tx.caseEvent.createMany({ data: events });

    if (c.whys?.length) {
      await tx.whyStep.createMany({
        data: c.whys.map((w, i) => ({
          caseId: created.id,
          position: i + 1,
          question: w.question,
          answer: w.answer,
          evidence: w.evidence,
          ownerFunction: w.ownerFunction,
          confidence: w.confidence,
          answeredById: users.analyst,
          createdAt: raisedOn,
        })),
      });
    }
    if (c.conclusion) {
      const confirmed = !["new", "triaged", "diagnosing", "reopened"].includes(c.status);
      await tx.case.update({
        where: { id: created.id },
        data: {
          rootCause: c.conclusion.rootCause,
          rootCauseStatement: c.conclusion.statement,
          rootCauseJustification:
            c.conclusion.rootCause === "plan_mechanics" ? "The rule itself creates the behaviour; the constraints around it are fine." : "",
          upstreamFix: c.conclusion.upstreamFix,
          fixOwner: c.conclusion.fixOwner,
          payFix: c.conclusion.payFix,
          payFixWhy: c.conclusion.payFixWhy,
          diagnosisConfirmedAt: confirmed ? new Date(raisedOn.getTime() + 30 * DAY) : null,
        },
      });
    }
  }

  // The sales leader has one question waiting and has added context to two cases.
  const diagnosing = await tx.case.findFirst({ where: { status: "diagnosing" }, orderBy: { id: "asc" }, select: { id: true } });
  if (diagnosing) {
    const count = await tx.whyStep.count({ where: { caseId: diagnosing.id } });
    await tx.whyStep.create({
      data: {
        caseId: diagnosing.id,
        position: count + 1,
        question: "Why did the territory carve-up happen mid-year instead of at planning?",
        ownerFunction: "sales",
        confidence: "possible",
        askedLeaderId: users.leader,
      },
    });
  }
  const territory = await tx.case.findMany({ where: { suspectedCause: "territory_imbalance" }, take: 2, orderBy: { id: "asc" }, select: { id: true } });
  const leaderNotes = [
    { kind: "context", body: "Three of my six reps inherited the accounts that churned last year. Their patch looks big on paper and is mostly dead logos." },
    { kind: "counterpoint", body: "Not every gap is territory: two reps on this team also skipped the new-product enablement twice." },
  ];
  for (const [i, t] of territory.entries()) {
    const note = leaderNotes[i];
    await tx.caseNote.create({ data: { caseId: t.id, authorId: users.leader, kind: note.kind, body: note.body } });
    await tx.caseEvent.create({ data: { caseId: t.id, actorId: users.leader, kind: "note", field: "note", toValue: `${note.kind}: ${note.body}` } });
  }
});

// Two saved patterns: one the comp team is still working, one whose fix is being monitored.
const byCause = async (cause: string) =>
  (await db.case.findMany({ where: { suspectedCause: cause }, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
await db.pattern.create({
  data: {
    name: "Territory carve-up leaves patches without workable accounts",
    description:
      "Reported by AEs, SDRs, CSMs and partner managers: territories were balanced on account count, not potential. A re-carve on potential is in place; watching for new reports.",
    status: "monitoring",
    cause: "territory_imbalance",
    createdById: users.analyst,
    cases: { create: (await byCause("territory_imbalance")).map((caseId) => ({ caseId })) },
  },
});
await db.pattern.create({
  data: {
    name: "Quotas raised while territories shrank",
    description: "Top-down quota increases that ignore what each territory can produce.",
    status: "open",
    cause: "quota_setting",
    createdById: users.analyst,
    cases: { create: (await byCause("quota_setting")).map((caseId) => ({ caseId })) },
  },
});

// Quota attainment for the last two quarters (the current one and the one before), so the
// complaints of the same quarters sit beside it on /variability (issue 17). On purpose:
// - Enterprise AEs have two peaks, a cluster near 80% and a few reps past 200% (the comp
//   committee's "two jobs in one plan");
// - Mid-Market AEs sit far below the 60–70% band (quotas set above what territories produce),
//   a little better in the second quarter;
// - strategic SDRs are a team of three, which executives must not see broken out.
// Payout follows a plan with an accelerator above quota, except Mid-Market account managers,
// who are paid on a guarantee that does not track results.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const teams = [
  { segment: "smb", role: "ae", reps: 14, median: [92, 108], spread: 18, stars: 0 },
  { segment: "smb", role: "sdr", reps: 10, median: [88, 106], spread: 20, stars: 0 },
  { segment: "mid_market", role: "ae", reps: 12, median: [62, 68], spread: 14, stars: 0 },
  { segment: "mid_market", role: "account_manager", reps: 6, median: [97, 99], spread: 12, stars: 0, guarantee: true },
  { segment: "enterprise", role: "ae", reps: 12, median: [80, 80], spread: 10, stars: 4 },
  { segment: "strategic", role: "ae", reps: 5, median: [80, 84], spread: 30, stars: 1 },
  { segment: "strategic", role: "sdr", reps: 3, median: [90, 92], spread: 10, stars: 0 },
];
const regions = ["NA East", "NA West", "EMEA", "APAC"];
const quarterOf = (d: Date) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
const current = new Date(today);
const previous = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - 3, 1));
const demoPeriods = [quarterOf(previous), quarterOf(current)];
const payFor = (pct: number) => (pct <= 100 ? pct / 100 : 1 + ((pct - 100) / 100) * 1.5); // ×1.5 accelerator above quota
const attainment = [];
for (const [p, period] of demoPeriods.entries()) {
  for (const t of teams) {
    for (let r = 1; r <= t.reps; r++) {
      const star = r <= t.stars;
      const noise = (random() + random() + random() - 1.5) * t.spread;
      const pct = star ? 205 + random() * 45 : Math.max(5, t.median[p] + noise);
      const rounded = Math.round(pct * 10) / 10;
      const targetIncentive = t.segment === "enterprise" || t.segment === "strategic" ? 60_000 : 30_000;
      const ratio = t.guarantee ? 0.9 + random() * 0.2 : payFor(rounded);
      attainment.push({
        period,
        repPseudonym: `${t.segment}-${t.role}-${String(r).padStart(2, "0")}`,
        role: t.role,
        segment: t.segment,
        region: regions[r % regions.length],
        attainmentPct: rounded,
        payout: Math.round(targetIncentive * ratio),
        targetIncentive,
        tenureMonths: 3 + ((r * 17 + t.reps * 5) % 70) + p * 3,
      });
    }
  }
}
await db.attainmentRow.createMany({ data: attainment });

// Actions after the briefs (issue 15): one in each state, and a finished effectiveness check.
// Action #1 is the sales leader's, on the monitored pattern (tests/e2e/route-access.spec.ts).
const [territoryPattern, quotaPattern] = await db.pattern.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true } });
const daysFromToday = (n: number) => new Date(today + n * DAY);
const demoActions = [
  { title: "Re-carve territories on account potential, not account count", ownerFunction: "sales", owner: "leader", patternId: territoryPattern.id, status: "done", due: -160, done: -150, verdict: "inconclusive", verdictNote: "Two reports either side of the re-carve: too few to call. The re-carved patches have gone quiet; keep watching another quarter.", verdictAt: -55 },
  { title: "Review territory potential every quarter with RevOps", ownerFunction: "revops", owner: "leader", patternId: territoryPattern.id, status: "in_progress", due: 30 },
  { title: "Set quotas bottom-up from territory capacity", ownerFunction: "finance", owner: "analyst", patternId: quotaPattern.id, status: "approved", due: -10 },
  { title: "Cap mid-year quota increases at 15%", ownerFunction: "sales", owner: "leader", patternId: quotaPattern.id, status: "proposed", due: 45 },
  { title: "Pay a one-off SPIFF to teams with raised quotas", ownerFunction: "finance", owner: "analyst", patternId: quotaPattern.id, status: "rejected", due: 20, reason: "A pay-rate change does not fix quotas set above what a territory can produce." },
  { title: "Publish each team's quota build so reps can check it", ownerFunction: "finance", owner: "analyst", patternId: quotaPattern.id, status: "done", due: -25, done: -20 },
] as const;
for (const a of demoActions) {
  const createdAt = daysFromToday(Math.min(a.due, "done" in a ? a.done : 0) - 30);
  const doneAt = "done" in a ? daysFromToday(a.done) : null;
  const events: { actorId: string; at: Date; field: string; fromValue?: string; toValue: string }[] = [{ actorId: users.analyst, at: createdAt, field: "created", toValue: "proposed" }];
  const path = a.status === "rejected" ? ["proposed", "rejected"] : ["proposed", "approved", "in_progress", "done"].slice(0, ["proposed", "approved", "in_progress", "done"].indexOf(a.status) + 1);
  path.slice(1).forEach((to, i) => events.push({ actorId: to === "approved" || to === "rejected" ? users.analyst : users[a.owner], at: new Date(createdAt.getTime() + (i + 1) * DAY), field: "status", fromValue: path[i], toValue: to }));
  if ("verdict" in a) events.push({ actorId: users[a.owner], at: daysFromToday(a.verdictAt), field: "verdict", toValue: a.verdict });
  await db.action.create({
    data: {
      title: a.title,
      ownerFunction: a.ownerFunction,
      ownerId: users[a.owner],
      patternId: a.patternId,
      status: a.status,
      dueOn: daysFromToday(a.due),
      rejectReason: "reason" in a ? a.reason : "",
      doneAt,
      checkDueOn: doneAt ? new Date(doneAt.getTime() + 90 * DAY) : null,
      verdict: "verdict" in a ? a.verdict : "",
      verdictNote: "verdictNote" in a ? a.verdictNote : "",
      verdictAt: "verdictAt" in a ? daysFromToday(a.verdictAt) : null,
      createdById: users.analyst,
      createdAt,
      events: { create: events.map((e) => ({ ...e, fromValue: e.fromValue ?? "" })) },
    },
  });
}

// The plan-change log: the re-carve that action #1 delivered, and one exception granted three
// times (flagged "make it a plan change").
const recarve = await db.action.findFirst({ where: { patternId: territoryPattern.id, status: "done" }, select: { id: true } });
await db.planChange.createMany({
  data: [
    { kind: "territory", summary: "Territories re-carved on account potential instead of account count", reason: "Reports from four functions traced to patches without workable accounts.", approvedBy: "CRO and VP Sales Ops", effectiveOn: daysFromToday(-150), patternId: territoryPattern.id, actionId: recarve?.id ?? null, createdById: users.analyst },
    ...[-120, -75, -30].map((d) => ({ kind: "exception", summary: "Split credit between the AE and the partner manager on a co-sold deal", reason: "The plan credits one seller only.", approvedBy: "VP Sales", effectiveOn: daysFromToday(d), exceptionKey: "Split credit on partner deals", createdById: users.analyst })),
  ],
});

// Every role has something to do at sign-in (issue 14). The three cases that say "Briefed" have
// their brief, written and published by the app's own brief writer and publish step (so what
// executives read went through the same disclosure rules as any brief), waiting for the
// executive's acknowledgement; readers are notified as after any publish, and the leader's
// waiting question rings the bell.
const { draftBrief, createBrief, publishBrief } = await import("../../app/models/brief.server");
const { briefPublished, questionPut } = await import("../../app/models/notify-events.server");
const { db: appDb } = await import("../../app/utils/db.server");
for (const c of await db.case.findMany({ where: { status: "briefed" }, orderBy: { id: "asc" }, select: { id: true } })) {
  const draft = await draftBrief("case", c.id);
  if (!draft) continue;
  const brief = await createBrief({ title: draft.title, source: "case", sourceId: c.id, draft }, users.analyst);
  const published = await publishBrief({ id: brief.id, version: 1, actorId: users.analyst });
  if (published.ok) await briefPublished(brief.id, published.number);
}
const waiting = await db.whyStep.findFirst({ where: { askedLeaderId: users.leader }, select: { id: true } });
if (waiting) await questionPut(waiting.id);
await appDb.$disconnect();

console.log(`Seeded ${DEMO_USERS.length} demo users and ${demoCases.length} demo cases (password "${DEMO_PASSWORD}").`);
await db.$disconnect();
