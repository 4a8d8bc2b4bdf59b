// Demo mode (PRODUCT.md): realistic cases and one sign-in per role, password upstream-demo.
// Only ever run into an empty database (scripts/db-setup.mjs checks).
import bcrypt from "bcryptjs";
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
    const events = [{ caseId: created.id, actorId: users.analyst, kind: "created", at: raisedOn }];
    const path =
      c.status === "reopened" ? [...STATUS_PATH, "reopened"] : STATUS_PATH.slice(0, STATUS_PATH.indexOf(c.status) + 1);
    const stepDays = Math.max(1, Math.floor(c.raisedDaysAgo / (path.length + 1)));
    path.slice(1).forEach((status, i) => {
      events.push({
        caseId: created.id,
        actorId: users.analyst,
        kind: "status",
        at: new Date(raisedOn.getTime() + (i + 1) * stepDays * DAY),
        ...({ field: "status", fromValue: path[i], toValue: status } as object),
      } as (typeof events)[number]);
    });
    await tx.caseEvent.createMany({ data: events });
  }
});

console.log(`Seeded ${DEMO_USERS.length} demo users and ${demoCases.length} demo cases (password "${DEMO_PASSWORD}").`);
await db.$disconnect();
