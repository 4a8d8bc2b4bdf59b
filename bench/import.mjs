// The 100,000-row case import: a generated CSV file, timed through the app's own flow over
// HTTP (upload and preview, then import as a job, polled until it finishes), and the floor: the
// same rows written by a raw better-sqlite3 bulk insert in one transaction.

import Database from "better-sqlite3";
import fs from "node:fs";
import { complaintText, iso, rng } from "./generate.mjs";

export const IMPORT_HEADERS = ["External ID", "Complaint", "Behaviour of concern", "Segment", "Reporter function", "Severity"];
// The fields the import page suggests for these headings (checked against its preview).
const IMPORT_FIELDS = ["externalId", "complaint", "behaviour", "segment", "reporterFunction", "severity"];
const SEVERITY_RANK = { low: 1, medium: 2, high: 3, critical: 4 };

const BEHAVIOURS = ["pipeline_generation", "deal_cycle_length", "discounting", "churn_risk", "sandbagging", "deal_hoarding", "inflated_pipeline", "short_term_focus", "bad_handoffs", "forecast_manipulation", "attrition_morale", "other"];
const SEGMENTS = ["smb", "mid_market", "enterprise", "strategic", "other"];
const FUNCTIONS = ["sales", "marketing", "customer_success", "revops", "finance", "partners", "product", "other"];
const SEVERITIES = ["low", "medium", "high", "critical"];
// A spreadsheet says "Enterprise" as often as "enterprise": the import takes labels too.
const SEGMENT_LABELS = { smb: "SMB", mid_market: "Mid-Market", enterprise: "Enterprise", strategic: "Strategic", other: "Other" };

export function importRows(count) {
  const r = rng(100_000);
  const rows = [];
  for (let i = 0; i < count; i++) {
    const behaviour = r.pick(BEHAVIOURS);
    const segment = r.pick(SEGMENTS);
    rows.push({
      externalId: `bench-import-${String(i + 1).padStart(6, "0")}`,
      complaint: complaintText(r, "", behaviour),
      behaviour,
      segment,
      segmentCell: r.chance(0.5) ? SEGMENT_LABELS[segment] : segment,
      reporterFunction: r.pick(FUNCTIONS),
      severity: r.pick(SEVERITIES),
    });
  }
  return rows;
}

const csvCell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function importCsv(rows) {
  const lines = [IMPORT_HEADERS.join(",")];
  for (const row of rows) {
    lines.push([row.externalId, row.complaint, row.behaviour, row.segmentCell, row.reporterFunction, row.severity].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Upload → preview → import → poll the job page until it says the import finished. */
export async function appImport(base, cookie, csv, expectedRows, { timeoutMs = 5 * 60_000 } = {}) {
  const t0 = performance.now();
  const form = new FormData();
  form.set("intent", "upload-cases");
  form.set("file", new Blob([csv], { type: "text/csv" }), "bench-cases.csv");
  const upload = await fetch(`${base}/import`, { method: "POST", body: form, headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  // React separates adjacent text with <!-- -->: drop the markers before reading the text.
  const html = (await upload.text()).replace(/<!-- -->/g, "");
  const uploadId = /name="uploadId" value="([^"]+)"/.exec(html)?.[1];
  if (upload.status !== 200 || !uploadId) throw new Error(`Import upload failed: HTTP ${upload.status}: ${html.slice(0, 500)}`);
  if (!html.includes(`${expectedRows.toLocaleString("en-US")} ready`) || !html.includes("no problems")) throw new Error(`The import preview does not show ${expectedRows} rows ready without problems.`);
  const tUploaded = performance.now();

  const body = new URLSearchParams({ intent: "import-cases", uploadId });
  IMPORT_HEADERS.forEach((h, i) => {
    body.set(`header.${i}`, h);
    body.set(`field.${i}`, IMPORT_FIELDS[i]);
  });
  const start = await fetch(`${base}/import`, { method: "POST", body, headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  const location = start.headers.get("location") ?? "";
  await start.arrayBuffer();
  if (start.status !== 302 || !/\/import\?job=/.test(location)) throw new Error(`Import start failed: HTTP ${start.status} ${location}`);

  const deadline = Date.now() + timeoutMs;
  let state = "running";
  let polls = 0;
  while (Date.now() < deadline) {
    const page = await fetch(new URL(location, base), { headers: { cookie }, signal: AbortSignal.timeout(60_000) });
    const text = (await page.text()).replace(/<!-- -->/g, "");
    polls++;
    if (/Import finished/.test(text)) {
      state = "done";
      const created = /([\d,]+) created/.exec(text)?.[1];
      if (created && Number(created.replace(/,/g, "")) !== expectedRows) throw new Error(`The import created ${created} cases, not ${expectedRows}.`);
      break;
    }
    if (/Import failed/.test(text)) {
      state = "failed";
      break;
    }
    await sleep(250);
  }
  const t1 = performance.now();
  if (state !== "done") throw new Error(state === "failed" ? "The app's import failed." : "The app's import did not finish in time.");
  return { totalMs: Math.round(t1 - t0), uploadPreviewMs: Math.round(tUploaded - t0), jobMs: Math.round(t1 - tUploaded), polls };
}

function deriveTitle(complaint, max = 80) {
  const text = complaint.replace(/\s+/g, " ").trim();
  const firstSentence = text.split(/(?<=[.!?])\s/)[0] ?? text;
  if (firstSentence.length <= max) return firstSentence;
  const cut = firstSentence.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > 40 ? lastSpace : max).trimEnd()}…`;
}

/**
 * The floor: the rows the app's import writes (each case with its defaults, and its "created"
 * event), inserted with prepared statements in one transaction, into `scratchDb`: an untouched
 * copy of the database the app imports into (same schema, indexes, triggers and data), with the
 * app's own pragmas. The file is removed afterwards.
 */
export function rawImport(scratchDb, rows) {
  const sqlite = new Database(scratchDb);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    const t0 = performance.now();
    const now = Date.now();
    const today = iso(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()));
    const stamp = iso(now);
    const insertCase = sqlite.prepare(`INSERT INTO "Case" (externalId, title, complaint, raisedOn, channel, reporterRole, reporterFunction,
      segment, region, tenureMonths, reporterName, confidential, behaviour, behaviourDetail, suspectedCause, causeDetail, severity,
      severityRank, peopleAffected, revenueAtRisk, tags, status, ownerId, createdById, duplicateOfId, createdAt, updatedAt)
      VALUES (?, ?, ?, ?, 'other', 'other', ?, ?, '', NULL, '', 0, ?, '', '', '', ?, ?, NULL, NULL, '', 'new', NULL, 'bench-analyst', NULL, ?, ?)`);
    const insertEvent = sqlite.prepare(`INSERT INTO "CaseEvent" (caseId, actorId, at, kind, field, fromValue, toValue) VALUES (?, 'bench-analyst', ?, 'created', '', '', 'imported')`);
    sqlite.transaction(() => {
      for (const row of rows) {
        const complaint = row.complaint.trim();
        const { lastInsertRowid } = insertCase.run(row.externalId, deriveTitle(complaint), complaint, today, row.reporterFunction, row.segment,
          row.behaviour, row.severity, SEVERITY_RANK[row.severity], stamp, stamp);
        insertEvent.run(lastInsertRowid, stamp);
      }
    })();
    return Math.round(performance.now() - t0);
  } finally {
    sqlite.close();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${scratchDb}${suffix}`, { force: true });
  }
}
