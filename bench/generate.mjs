// Synthetic data for the benchmark, written straight into SQLite with better-sqlite3 (not
// through Prisma: 100,000 cases go in within seconds). The schema comes from the real
// migrations; values are stored the way Prisma stores them (DateTime as ISO text with
// "+00:00", Boolean as 0/1), so the app reads the file as if it had written it.
//
// Every database is built from the same seeded streams: the 1,000-case database holds exactly
// the first 1,000 cases of the 100,000-case one, spread over the same three years. Patterns
// (500) and attainment rows (20,000) are the same in number at every size, so a route's growth
// from one size to the other is the growth with the number of cases.

import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import {
  BEHAVIOUR_PHRASES,
  CAUSE_PHRASES,
  CLOSERS,
  CONNECTORS,
  FIRST_NAMES,
  LAST_NAMES,
  REGIONS,
  TAGS,
  WHY_ANSWERS,
  WHY_QUESTIONS,
} from "./text.mjs";

export const DAY = 24 * 60 * 60 * 1000;
const YEARS_OF_CASES = 3;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same data set. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** pairs: [[value, weight], ...] */
  const weighted = (pairs) => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = next() * total;
    for (const [value, w] of pairs) {
      x -= w;
      if (x < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, chance, weighted };
}

/** Prisma's SQLite DateTime text: 2026-03-01T00:00:00.000+00:00 */
export const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");

export function applyMigrations(sqlite, root) {
  const dir = path.join(root, "prisma", "migrations");
  for (const name of fs.readdirSync(dir).filter((n) => /^\d+_/.test(n)).sort()) {
    sqlite.exec(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
  }
}

// Realistic-looking skews (most complaints come from Sales, most cases are new or closed…).
const FUNCTION_W = [["sales", 45], ["customer_success", 15], ["marketing", 7], ["revops", 8], ["finance", 4], ["partners", 8], ["product", 8], ["other", 5]];
const SEGMENT_W = [["smb", 28], ["mid_market", 30], ["enterprise", 26], ["strategic", 11], ["other", 5]];
const ROLE_BY_FUNCTION = {
  sales: [["ae", 55], ["sdr", 20], ["frontline_manager", 15], ["se", 10]],
  customer_success: [["csm", 65], ["account_manager", 30], ["frontline_manager", 5]],
  partners: [["partner_manager", 85], ["frontline_manager", 15]],
  marketing: [["other", 80], ["frontline_manager", 20]],
  revops: [["other", 90], ["frontline_manager", 10]],
  finance: [["other", 100]],
  product: [["se", 30], ["other", 70]],
  other: [["other", 100]],
};
const BEHAVIOUR_W = [["pipeline_generation", 14], ["deal_cycle_length", 8], ["discounting", 12], ["churn_risk", 9], ["sandbagging", 10], ["deal_hoarding", 6], ["inflated_pipeline", 7], ["short_term_focus", 9], ["bad_handoffs", 8], ["forecast_manipulation", 4], ["attrition_morale", 9], ["other", 4]];
const CAUSE_W = [["territory_imbalance", 14], ["segmentation_shift", 7], ["product_readiness", 7], ["enablement_gap", 9], ["role_definition", 8], ["quota_setting", 14], ["pricing_packaging", 9], ["sales_motion_mismatch", 6], ["data_systems", 7], ["plan_mechanics", 13], ["other", 3], ["", 12]];
const CHANNEL_W = [["one_on_one", 30], ["survey", 20], ["slack_email", 25], ["qbr", 10], ["exit_interview", 7], ["other", 8]];
const SEVERITY_W = [["low", 25], ["medium", 45], ["high", 22], ["critical", 8]];
const SEVERITY_RANK = { low: 1, medium: 2, high: 3, critical: 4 };
const STATUS_W = [["new", 20], ["triaged", 15], ["diagnosing", 15], ["diagnosed", 12], ["briefed", 8], ["monitoring", 8], ["closed", 20], ["reopened", 2]];
const CHAIN_STATUSES = new Set(["diagnosing", "diagnosed", "briefed", "monitoring", "closed", "reopened"]);
const CONCLUDED_STATUSES = new Set(["diagnosed", "briefed", "monitoring", "closed", "reopened"]);
const CAUSES = CAUSE_W.map(([c]) => c).filter((c) => c && c !== "other");

function deriveTitle(complaint, max = 80) {
  const text = complaint.replace(/\s+/g, " ").trim();
  const firstSentence = text.split(/(?<=[.!?])\s/)[0] ?? text;
  if (firstSentence.length <= max) return firstSentence;
  const cut = firstSentence.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > 40 ? lastSpace : max).trimEnd()}…`;
}

/** A complaint in a reporter's words, built from phrase fragments. */
export function complaintText(r, cause, behaviour) {
  const causeKey = cause || r.pick(Object.keys(CAUSE_PHRASES));
  const first = r.pick(CAUSE_PHRASES[causeKey]);
  const second = r.chance(0.35) ? r.pick(CAUSE_PHRASES[r.pick(Object.keys(CAUSE_PHRASES))]) : "";
  const effect = `${r.pick(CONNECTORS)} ${r.pick(BEHAVIOUR_PHRASES[behaviour])}`;
  const numbers = r.chance(0.4) ? ` We are at ${r.int(35, 140)}% of plan with ${r.int(2, 11)} weeks left.` : "";
  const closer = r.pick(CLOSERS);
  return `${first}. ${second ? `${second}. ` : ""}${effect}.${numbers}${closer ? ` ${closer}` : ""}`;
}

/** One case of the stream; consumes the same amount of randomness whatever the database size. */
function nextCase(r, i, ctx) {
  const reporterFunction = r.weighted(FUNCTION_W);
  const reporterRole = r.weighted(ROLE_BY_FUNCTION[reporterFunction]);
  const segment = r.weighted(SEGMENT_W);
  const behaviour = r.weighted(BEHAVIOUR_W);
  const suspectedCause = r.weighted(CAUSE_W);
  const complaint = complaintText(r, suspectedCause, behaviour);
  const severity = r.weighted(SEVERITY_W);
  const status = r.weighted(STATUS_W);
  // Skewed to recent: more cases in the last months than three years ago.
  const daysAgo = Math.floor(YEARS_OF_CASES * 365 * Math.pow(r.next(), 1.4));
  const raisedOn = ctx.today - daysAgo * DAY;
  const createdAt = raisedOn + r.int(8, 18) * 3600_000 + r.int(0, 3599) * 1000;
  const updatedAt = Math.min(ctx.now, createdAt + (status === "new" ? 0 : r.int(1, Math.max(1, daysAgo)) * DAY));
  const hasChain = CHAIN_STATUSES.has(status) && r.chance(0.51);
  const concluded = hasChain && CONCLUDED_STATUSES.has(status);
  const rootCause = concluded ? (r.chance(0.7) && suspectedCause ? suspectedCause : r.pick(CAUSES)) : "";
  const steps = hasChain ? r.int(3, 5) : 0;
  const confidential = r.chance(0.1);
  const c = {
    id: i + 1,
    title: deriveTitle(complaint),
    complaint,
    raisedOn: iso(raisedOn),
    channel: r.weighted(CHANNEL_W),
    reporterRole,
    reporterFunction,
    segment,
    region: r.pick(REGIONS),
    tenureMonths: r.chance(0.1) ? null : Math.min(240, Math.floor(Math.exp(r.next() * 4.6))),
    reporterName: r.chance(0.8) ? `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}` : "",
    confidential: confidential ? 1 : 0,
    behaviour,
    behaviourDetail: r.chance(0.3) ? r.pick(BEHAVIOUR_PHRASES[behaviour]) : "",
    suspectedCause,
    causeDetail: suspectedCause && r.chance(0.3) ? r.pick(CAUSE_PHRASES[suspectedCause]) : "",
    severity,
    severityRank: SEVERITY_RANK[severity],
    peopleAffected: r.chance(0.5) ? r.int(1, 60) : null,
    revenueAtRisk: r.chance(0.4) ? r.int(5, 2000) * 1000 : null,
    tags: r.chance(0.5) ? [...new Set([r.pick(TAGS), r.pick(TAGS)])].slice(0, r.int(1, 2)).join(",") : "",
    status,
    ownerId: status === "new" && r.chance(0.6) ? null : r.pick(ctx.ownerIds),
    createdById: ctx.analystId,
    version: status === "new" ? 1 : r.int(2, 6),
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    rootCause,
    rootCauseStatement: concluded ? r.pick(WHY_ANSWERS) : "",
    rootCauseJustification: concluded && rootCause === "plan_mechanics" ? "The chain ends at the plan's own rules, not upstream of it." : "",
    upstreamFix: concluded ? "Re-balance territories on addressable revenue before setting quotas." : "",
    fixOwner: concluded ? r.pick(["RevOps", "Sales leadership", "Finance", "Product"]) : "",
    payFix: concluded ? r.weighted([["no", 60], ["partly", 30], ["yes", 10]]) : "",
    payFixWhy: concluded ? "A pay change would move the symptom, not the cause." : "",
    diagnosisConfirmedAt: concluded && r.chance(0.7) ? iso(updatedAt) : null,
    whysVersion: steps ? steps + (concluded ? 1 : 0) : 0,
    // A few complaints repeat an earlier one.
    duplicateOfId: i > 10 && r.chance(0.02) ? r.int(1, i) : null,
    steps,
    noteCount: r.chance(0.12) ? r.int(1, 3) : 0,
    createdMs: createdAt,
    updatedMs: updatedAt,
  };
  return c;
}

/**
 * Creates a fresh database file with `cases` cases and everything around them.
 * Returns facts the benchmark needs (ids to request, counts behind the chosen filters).
 */
export function createDatabase(file, { cases, patterns = 500, attainment = 20_000, passwordHash, root, now }) {
  fs.rmSync(file, { force: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  applyMigrations(sqlite, root);
  sqlite.pragma("foreign_keys = OFF");

  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const stamp = iso(now);

  // ---- Users: the four demo sign-ins plus a comp team and sales leaders to own things.
  const users = [
    { id: "bench-admin", email: "admin@upstream.test", name: "Morgan Reyes", role: "admin" },
    { id: "bench-analyst", email: "analyst@upstream.test", name: "Sam Okafor", role: "analyst" },
    { id: "bench-leader", email: "leader@upstream.test", name: "Jordan Whitlock", role: "sales_leader" },
    { id: "bench-exec", email: "exec@upstream.test", name: "Casey Lindqvist", role: "executive" },
  ];
  for (let i = 1; i <= 6; i++) users.push({ id: `bench-analyst-${i}`, email: `analyst${i}@upstream.test`, name: `${FIRST_NAMES[i]} ${LAST_NAMES[i]}`, role: "analyst" });
  for (let i = 1; i <= 10; i++) users.push({ id: `bench-leader-${i}`, email: `leader${i}@upstream.test`, name: `${FIRST_NAMES[i + 8]} ${LAST_NAMES[i + 8]}`, role: "sales_leader" });
  const insertUser = sqlite.prepare(
    `INSERT INTO "User" (id, email, name, role, passwordHash, active, createdAt, updatedAt) VALUES (@id, @email, @name, @role, @passwordHash, 1, @stamp, @stamp)`,
  );
  const ownerIds = users.filter((u) => u.role === "analyst" || u.role === "admin").map((u) => u.id);
  const leaderIds = users.filter((u) => u.role === "sales_leader").map((u) => u.id);

  const insertCase = sqlite.prepare(`INSERT INTO "Case" (
      id, externalId, title, complaint, raisedOn, channel, reporterRole, reporterFunction, segment, region, tenureMonths,
      reporterName, confidential, behaviour, behaviourDetail, suspectedCause, causeDetail, severity, severityRank,
      peopleAffected, revenueAtRisk, tags, status, ownerId, createdById, version, createdAt, updatedAt, rootCause,
      rootCauseStatement, rootCauseJustification, upstreamFix, fixOwner, payFix, payFixWhy, diagnosisConfirmedAt,
      whysVersion, duplicateOfId)
    VALUES (
      @id, NULL, @title, @complaint, @raisedOn, @channel, @reporterRole, @reporterFunction, @segment, @region, @tenureMonths,
      @reporterName, @confidential, @behaviour, @behaviourDetail, @suspectedCause, @causeDetail, @severity, @severityRank,
      @peopleAffected, @revenueAtRisk, @tags, @status, @ownerId, @createdById, @version, @createdAt, @updatedAt, @rootCause,
      @rootCauseStatement, @rootCauseJustification, @upstreamFix, @fixOwner, @payFix, @payFixWhy, @diagnosisConfirmedAt,
      @whysVersion, @duplicateOfId)`);
  const insertEvent = sqlite.prepare(
    `INSERT INTO "CaseEvent" (caseId, actorId, at, kind, field, fromValue, toValue) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStep = sqlite.prepare(`INSERT INTO "WhyStep" (caseId, position, question, answer, evidence, ownerFunction, confidence,
      askedLeaderId, answeredById, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertNote = sqlite.prepare(
    `INSERT INTO "CaseNote" (caseId, authorId, kind, body, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`,
  );

  const byCause = new Map();
  let chains = 0;
  let steps = 0;
  const r = rng(20261125);
  const ctx = { today, now, ownerIds, analystId: "bench-analyst" };
  sqlite.transaction(() => {
    for (const u of users) insertUser.run({ ...u, passwordHash, stamp });
    for (let i = 0; i < cases; i++) {
      const c = nextCase(r, i, ctx);
      insertCase.run(c);
      insertEvent.run(c.id, "bench-analyst", c.createdAt, "created", "", "", "");
      if (c.status !== "new") insertEvent.run(c.id, c.ownerId ?? "bench-analyst", c.updatedAt, "status", "status", "new", c.status);
      for (let p = 1; p <= c.steps; p++) {
        const asked = r.chance(0.2) ? r.pick(leaderIds) : null;
        insertStep.run(c.id, p, r.pick(WHY_QUESTIONS), r.pick(WHY_ANSWERS), r.chance(0.5) ? "CRM export and territory design doc." : "",
          r.pick(["sales", "revops", "finance", "product", "marketing"]), r.pick(["possible", "likely", "confirmed"]),
          asked, asked ?? c.ownerId ?? "bench-analyst", c.updatedAt, c.updatedAt);
      }
      if (c.steps) {
        chains++;
        steps += c.steps;
      }
      for (let n = 0; n < c.noteCount; n++) {
        insertNote.run(c.id, r.pick(leaderIds), r.pick(["context", "evidence", "counterpoint"]), r.pick(CLOSERS) || "Seen the same in my region.", c.updatedAt, c.updatedAt);
      }
      const cause = c.rootCause || c.suspectedCause || "unknown";
      if (!byCause.has(cause)) byCause.set(cause, []);
      byCause.get(cause).push(c.id);
    }
  })();

  // ---- Patterns: 500 named groups of 5–30 cases sharing a cause.
  const pr = rng(500);
  const insertPattern = sqlite.prepare(
    `INSERT INTO "Pattern" (id, name, description, status, cause, createdById, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPatternCase = sqlite.prepare(`INSERT INTO "PatternCase" (patternId, caseId, addedAt) VALUES (?, ?, ?)`);
  const causeWeights = [...byCause.entries()].filter(([k]) => k !== "unknown").map(([k, ids]) => [k, ids.length]);
  let links = 0;
  const patternSizes = [];
  sqlite.transaction(() => {
    for (let p = 1; p <= patterns; p++) {
      const cause = pr.weighted(causeWeights);
      const pool = byCause.get(cause);
      const size = Math.min(pool.length, pr.int(5, 30));
      const chosen = new Set();
      for (let guard = 0; chosen.size < size && guard < size * 20; guard++) chosen.add(pool[pr.int(0, pool.length - 1)]);
      const created = now - pr.int(1, 700) * DAY;
      const updated = Math.min(now, created + pr.int(0, 200) * DAY);
      insertPattern.run(p, `${cause.replace(/_/g, " ")} — group ${p}`, `Cases that point at ${cause.replace(/_/g, " ")}.`,
        pr.weighted([["open", 50], ["briefed", 20], ["monitoring", 15], ["resolved", 15]]), cause, "bench-analyst", pr.int(1, 4), iso(created), iso(updated));
      for (const id of chosen) insertPatternCase.run(p, id, iso(created));
      links += chosen.size;
      patternSizes.push([p, chosen.size]);
    }
  })();

  // ---- Attainment: 20,000 rows, unique (period, rep): 8 quarters × 2,500 reps.
  const ar = rng(2000);
  const periods = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];
  const reps = Math.ceil(attainment / periods.length);
  const repInfo = [];
  for (let i = 0; i < reps; i++) {
    const segment = ar.weighted(SEGMENT_W.filter(([s]) => s !== "other"));
    repInfo.push({ name: `rep-${String(i + 1).padStart(5, "0")}`, role: ar.weighted([["ae", 55], ["sdr", 20], ["csm", 15], ["account_manager", 10]]), segment, region: ar.pick(REGIONS) });
  }
  const insertAttainment = sqlite.prepare(
    `INSERT INTO "AttainmentRow" (period, repPseudonym, role, segment, region, attainmentPct) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  let attainmentRows = 0;
  sqlite.transaction(() => {
    for (const period of periods) {
      for (const rep of repInfo) {
        if (attainmentRows >= attainment) return;
        // Right-skewed: most reps near or under plan, a few far above.
        const pct = Math.max(0, Math.round((Math.exp(ar.next() * 1.6 - 0.5) * 60 + ar.int(-15, 15)) * 10) / 10);
        insertAttainment.run(period, rep.name, rep.role, rep.segment, rep.region, pct);
        attainmentRows++;
      }
    }
  })();

  sqlite.pragma("journal_mode = WAL");
  const facts = {
    cases: sqlite.prepare(`SELECT COUNT(*) AS n FROM "Case"`).get().n,
    chains,
    whySteps: steps,
    patterns,
    patternLinks: links,
    attainmentRows,
    users: users.length,
  };
  sqlite.close();
  return { ...facts, patternSizes };
}
