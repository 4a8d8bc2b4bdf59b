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

// Quota attainment for four quarters. Enterprise is lopsided on purpose (a few reps carry the
// number); strategic SDRs are a team of three, which executives must not see broken out.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const teams = [
  { segment: "smb", role: "ae", reps: 14, median: 92, spread: 18, stars: 0 },
  { segment: "smb", role: "sdr", reps: 10, median: 88, spread: 20, stars: 0 },
  { segment: "mid_market", role: "ae", reps: 12, median: 84, spread: 26, stars: 1 },
  { segment: "mid_market", role: "account_manager", reps: 6, median: 97, spread: 12, stars: 0 },
  { segment: "enterprise", role: "ae", reps: 10, median: 71, spread: 22, stars: 2 },
  { segment: "strategic", role: "ae", reps: 5, median: 80, spread: 30, stars: 1 },
  { segment: "strategic", role: "sdr", reps: 3, median: 90, spread: 10, stars: 0 },
];
const regions = ["NA East", "NA West", "EMEA", "APAC"];
const attainment = [];
for (const period of ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]) {
  for (const t of teams) {
    for (let r = 1; r <= t.reps; r++) {
      const star = r <= t.stars;
      const noise = (random() + random() + random() - 1.5) * t.spread;
      const pct = star ? 190 + random() * 70 : Math.max(5, t.median + noise);
      attainment.push({
        period,
        repPseudonym: `${t.segment}-${t.role}-${String(r).padStart(2, "0")}`,
        role: t.role,
        segment: t.segment,
        region: regions[r % regions.length],
        attainmentPct: Math.round(pct * 10) / 10,
      });
    }
  }
}
await db.attainmentRow.createMany({ data: attainment });

console.log(`Seeded ${DEMO_USERS.length} demo users and ${demoCases.length} demo cases (password "${DEMO_PASSWORD}").`);
await db.$disconnect();
