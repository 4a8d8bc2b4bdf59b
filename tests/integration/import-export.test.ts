import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Preview } from "~/components/import/import-preview";
import type { RowError } from "~/domain/data-io/import-common";
import { action as importAction, loader as importLoader } from "~/routes/import";
import { loader as exportLoader } from "~/routes/cases.export";
import { action as newAction } from "~/routes/cases.new";
import { loader as variabilityLoader } from "~/routes/variability";
import { waitForJob } from "~/utils/jobs.server";
import { uploadDirectory } from "~/utils/upload-store.server";
import { existsSync, readdirSync } from "node:fs";
import { db, getRequest, type Person, postRequest, run, signedIn, validCase } from "./helpers";

const BASE = "http://upstream.test";

type ImportReply = {
  intent: string;
  error?: string;
  preview?: Preview;
  attainmentErrors?: RowError[];
  attainmentErrorCount?: number;
};

let analyst: Person;
let admin: Person;
let leader: Person;
let exec: Person;


/** A multipart upload, the way the browser posts the import form. */
function uploadRequest(intent: string, content: string | Uint8Array, name: string, cookie?: string, type = "text/csv") {
  const fd = new FormData();
  fd.append("intent", intent);
  // A copy on a plain ArrayBuffer: what BlobPart accepts (a Buffer may sit on a shared one).
  fd.append("file", new File([typeof content === "string" ? content : new Uint8Array(content)], name, { type }));
  return new Request(`${BASE}/import`, { method: "POST", body: fd, headers: cookie ? { Cookie: cookie } : {} });
}

async function uploadCases(content: string | Uint8Array, who: Person = analyst, name = "cases.csv") {
  const res = await run(importAction, uploadRequest("upload-cases", content, name, who.cookie, name.endsWith(".json") ? "application/json" : "text/csv"));
  return { ...res, reply: res.data as ImportReply };
}

/** The mapping step's form fields: header.N / field.N per column (what ImportPreview posts). */
function mappingFields(mapping: Record<string, string | null>) {
  const fields: Record<string, string> = {};
  Object.entries(mapping).forEach(([header, field], i) => {
    fields[`header.${i}`] = header;
    fields[`field.${i}`] = field ?? "";
  });
  return fields;
}

async function importCasesStep(preview: Preview, options: { mapping?: Record<string, string | null>; validOnly?: boolean; who?: Person } = {}) {
  const who = options.who ?? analyst;
  const fields: Record<string, string> = {
    intent: "import-cases",
    uploadId: preview.uploadId,
    ...mappingFields(options.mapping ?? preview.mapping),
  };
  if (options.validOnly) fields.validOnly = "on";
  const res = await run(importAction, postRequest("/import", fields, who.cookie));
  return { ...res, reply: res.data as ImportReply };
}

/** Follows the redirect to /import?job=ID and waits for the job, like the page's polling. */
async function finishJob(location: string | null, who: Person = analyst) {
  expect(location).toMatch(/^\/import\?job=/);
  const id = new URL(location!, BASE).searchParams.get("job")!;
  const job = await waitForJob(id);
  const page = await run(importLoader, getRequest(location!, who.cookie));
  expect(page.status).toBe(200);
  const shown = (page.data as { job: { state: string; result: unknown } | null }).job;
  expect(shown?.state).toBe(job.state);
  return job;
}

/** Upload → preview → import with the suggested mapping → job done. */
async function importFile(content: string, name = "cases.csv", who: Person = analyst) {
  const up = await uploadCases(content, who, name);
  expect(up.status).toBe(200);
  expect(up.reply.preview?.errorCount).toBe(0);
  const imp = await importCasesStep(up.reply.preview!, { who });
  expect(imp.status).toBe(302);
  const job = await finishJob(imp.location, who);
  expect(job.state).toBe("done");
  return job;
}

function csv(rows: string[][]) {
  return Papa.unparse(rows, { newline: "\r\n" }) + "\r\n";
}

/** Response.text() (used by run) drops a leading BOM, as any UTF-8 decode does. */
function parseExport(text: string) {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header, rows, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/** The export's exact bytes, as the browser saves them (BOM included). */
async function exportBytes(path: string, who: Person) {
  const response = (await exportLoader({ request: getRequest(path, who.cookie), params: {}, context: {} })) as Response;
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function createCase(fields: Record<string, string>) {
  const res = await run(newAction, postRequest("/cases/new", fields, analyst.cookie));
  expect(res.status).toBe(302);
  return Number(res.location!.split("/").pop());
}

const CASE_HEADINGS = ["External ID", "Complaint", "Behaviour of concern", "Segment", "Severity", "Reporter name", "Tenure (months)", "Date raised", "Tags"];

beforeAll(async () => {
  analyst = await signedIn("analyst", "analyst importer");
  admin = await signedIn("admin", "admin importer");
  leader = await signedIn("sales_leader", "sales_leader importer");
  exec = await signedIn("executive", "executive importer");
});

// ---------------------------------------------------------------------------------------------

describe("access", () => {
  it("keeps the import page and every import intent to the comp team", async () => {
    for (const who of [leader, exec]) {
      expect((await run(importLoader, getRequest("/import", who.cookie))).status).toBe(403);
      const up = await run(importAction, uploadRequest("upload-cases", csv([["Complaint", "Behaviour"], ["x", "discounting"]]), "c.csv", who.cookie));
      expect(up.status).toBe(403);
      const att = await run(importAction, uploadRequest("upload-attainment", "Period\n2026-Q1\n", "a.csv", who.cookie));
      expect(att.status).toBe(403);
      const imp = await run(importAction, postRequest("/import", { intent: "import-cases", uploadId: "whatever" }, who.cookie));
      expect(imp.status).toBe(403);
    }
    for (const who of [analyst, admin]) {
      expect((await run(importLoader, getRequest("/import", who.cookie))).status).toBe(200);
    }
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const page = await run(importLoader, getRequest("/import"));
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login\?redirectTo=%2Fimport/);
    const post = await run(importAction, uploadRequest("upload-cases", "Complaint,Behaviour\nx,discounting\n", "c.csv"));
    expect(post.status).toBe(302);
    expect(post.location).toMatch(/^\/login/);
    const exp = await run(exportLoader, getRequest("/cases/export?format=csv"));
    expect(exp.status).toBe(302);
    expect(exp.location).toMatch(/^\/login/);
  });

  it("refuses the case export to executives, gives it to everyone who reads cases", async () => {
    expect((await run(exportLoader, getRequest("/cases/export?format=csv", exec.cookie))).status).toBe(403);
    expect((await run(exportLoader, getRequest("/cases/export?format=json", exec.cookie))).status).toBe(403);
    for (const who of [admin, analyst, leader]) {
      const res = await run(exportLoader, getRequest("/cases/export?format=csv", who.cookie));
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
      expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="upstream-cases-\d{4}-\d{2}-\d{2}\.csv"/);
    }
  });

  it("opens the variability page for every role", async () => {
    for (const who of [admin, analyst, leader, exec]) {
      const res = await run(variabilityLoader, getRequest("/variability", who.cookie));
      expect(res.status).toBe(200);
      expect((res.data as { grouping: string }).grouping).toBe("segment");
    }
    expect((await run(variabilityLoader, getRequest("/variability"))).status).toBe(302);
  });
});

// ---------------------------------------------------------------------------------------------

describe("importing a good case file", () => {
  const file = csv([
    CASE_HEADINGS,
    ["good-1", "My patch has no accounts left: the territory was carved up.", "Pipeline generation", "Mid-Market", "High", "Ada Quill", "18", "2026-03-31", "territory, Q3"],
    ["good-2", "Nobody can explain my commission statement.", "attrition_morale", "Enterprise", "low", "", "", "2026-02-01", ""],
    ["good-3", "We discount to hit the quarter because the accelerator starts at 100%.", "Discounting", "SMB", "Critical", "Bo Lind", "1,200", "2026-01-15", "q4"],
  ]);

  it("previews the file with the mapping suggested from its headings and every row ready", async () => {
    const before = await db.case.count();
    const up = await uploadCases(file);
    expect(up.status).toBe(200);
    const p = up.reply.preview!;
    expect(p.uploadId).toEqual(expect.any(String));
    expect(p.fileName).toBe("cases.csv");
    expect(p.headers).toEqual(CASE_HEADINGS);
    expect(p.mapping).toEqual({
      "External ID": "externalId",
      Complaint: "complaint",
      "Behaviour of concern": "behaviour",
      Segment: "segment",
      Severity: "severity",
      "Reporter name": "reporterName",
      "Tenure (months)": "tenureMonths",
      "Date raised": "raisedOn",
      Tags: "tags",
    });
    expect(p.mappingProblem).toBeNull();
    expect(p.rowCount).toBe(3);
    // "1,200" months of tenure is above the limit: one problem, so a preview catches it.
    expect(p.validCount).toBe(2);
    expect(p.errors).toEqual([expect.objectContaining({ rowNumber: 4, field: "tenureMonths", column: "Tenure (months)" })]);
    // A preview saves nothing.
    expect(await db.case.count()).toBe(before);
  });

  it("imports every row with the right fields, through a job the page can follow", async () => {
    const fixed = file.replace('"1,200"', "");
    expect(fixed).not.toBe(file);
    const before = await db.case.count();
    const up = await uploadCases(fixed);
    const p = up.reply.preview!;
    expect(p.validCount).toBe(3);
    expect(p.rowCount).toBe(3);
    expect(p.errorCount).toBe(0);

    const imp = await importCasesStep(p);
    expect(imp.status).toBe(302);
    const job = await finishJob(imp.location);
    expect(job.state).toBe("done");
    expect(job.result).toEqual({ created: 3, updated: 0, skipped: 0 });
    expect(await db.case.count()).toBe(before + 3);

    const one = await db.case.findUniqueOrThrow({ where: { externalId: "good-1" } });
    expect(one).toMatchObject({
      complaint: "My patch has no accounts left: the territory was carved up.",
      title: "My patch has no accounts left: the territory was carved up.",
      behaviour: "pipeline_generation",
      segment: "mid_market",
      severity: "high",
      reporterName: "Ada Quill",
      tenureMonths: 18,
      tags: "territory,q3",
      status: "new",
      createdById: analyst.id,
    });
    expect(one.raisedOn.toISOString().slice(0, 10)).toBe("2026-03-31");
    const two = await db.case.findUniqueOrThrow({ where: { externalId: "good-2" } });
    expect(two).toMatchObject({ behaviour: "attrition_morale", segment: "enterprise", severity: "low", reporterName: "", tenureMonths: null });
    const three = await db.case.findUniqueOrThrow({ where: { externalId: "good-3" } });
    expect(three).toMatchObject({ behaviour: "discounting", segment: "smb", severity: "critical" });

    // Each imported case has its "created" history entry.
    const events = await db.caseEvent.findMany({ where: { caseId: { in: [one.id, two.id, three.id] } } });
    expect(events.map((e) => e.kind).sort()).toEqual(["created", "created", "created"]);

    // The upload is used up: importing it again is refused instead of duplicating.
    const again = await importCasesStep(p);
    expect(again.status).toBe(410);
    expect(await db.case.count()).toBe(before + 3);
  });

  it("remembers the mapping, including a heading mapped by hand", async () => {
    const headings = ["What they said", "Behaviour of concern", "Segment", "Internal notes"];
    const custom = csv([headings, ["The SPIFF rewards bookings we cannot deliver.", "Short-term focus", "Strategic", "ignore me"]]);

    const first = await uploadCases(custom);
    const p1 = first.reply.preview!;
    expect(p1.mapping["What they said"]).toBeNull();
    expect(p1.mappingProblem).toMatch(/Complaint/);
    expect(p1.validCount).toBe(0);

    // Importing with the unmapped complaint is refused with the mapping problem.
    const blocked = await importCasesStep(p1);
    expect(blocked.status).toBe(400);
    expect(blocked.reply.preview?.mappingProblem).toMatch(/Complaint/);

    // The person maps it by hand and rechecks, then imports.
    const byHand = { ...p1.mapping, "What they said": "complaint" };
    const recheck = await run(importAction, postRequest("/import", { intent: "recheck", uploadId: p1.uploadId, ...mappingFields(byHand) }, analyst.cookie));
    expect(recheck.status).toBe(200);
    expect((recheck.data as ImportReply).preview).toMatchObject({ mappingProblem: null, validCount: 1, errorCount: 0 });
    const before = await db.case.count();
    const imp = await importCasesStep(p1, { mapping: byHand });
    expect(imp.status).toBe(302);
    expect((await finishJob(imp.location)).result).toEqual({ created: 1, updated: 0, skipped: 0 });
    expect(await db.case.count()).toBe(before + 1);
    const made = await db.case.findFirstOrThrow({ where: { complaint: "The SPIFF rewards bookings we cannot deliver." } });
    expect(made).toMatchObject({ behaviour: "short_term_focus", segment: "strategic" });

    // Next time, the same headings (in another order and spelling) come back mapped.
    const second = await uploadCases(csv([["behaviour of concern", "what they said", "SEGMENT", "Internal notes"], ["Discounting", "Another complaint.", "SMB", "x"]]));
    const p2 = second.reply.preview!;
    expect(p2.mapping).toEqual({ "behaviour of concern": "behaviour", "what they said": "complaint", SEGMENT: "segment", "Internal notes": null });
    expect(p2.mappingProblem).toBeNull();
    expect(p2.validCount).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe("bad and mixed case files", () => {
  const mixed = csv([
    ["Complaint", "Behaviour of concern", "Segment"],
    ["mixed row one: quota went up 40% with no new accounts.", "Pipeline generation", "SMB"],
    ["mixed row two: the plan pays on bookings only.", "Bribery", "SMB"],
    ["mixed row three: handoffs to CS are dropped.", "Bad handoffs", "Enterprise"],
  ]);

  it("imports nothing from a file with one bad row, and names the row and the field", async () => {
    const before = await db.case.count();
    const eventsBefore = await db.caseEvent.count();
    const up = await uploadCases(mixed);
    expect(up.status).toBe(200);
    const p = up.reply.preview!;
    expect(p.rowCount).toBe(3);
    expect(p.validCount).toBe(2);
    expect(p.errorCount).toBe(1);
    // The header is row 1, so the second data row is row 3.
    expect(p.errors).toEqual([
      expect.objectContaining({ rowNumber: 3, field: "behaviour", column: "Behaviour of concern", message: expect.stringMatching(/"Bribery" is not in the list/) }),
    ]);

    const imp = await importCasesStep(p);
    expect(imp.status).toBe(400);
    expect(imp.location).toBeNull();
    expect(imp.reply.error).toMatch(/Nothing was imported/);
    expect(imp.reply.preview?.errors[0]).toMatchObject({ rowNumber: 3, field: "behaviour" });
    expect(await db.case.count()).toBe(before);
    expect(await db.caseEvent.count()).toBe(eventsBefore);
    expect(await db.case.count({ where: { complaint: { startsWith: "mixed row" } } })).toBe(0);
  });

  it("imports only the good rows when asked to", async () => {
    const before = await db.case.count();
    const up = await uploadCases(mixed);
    const imp = await importCasesStep(up.reply.preview!, { validOnly: true });
    expect(imp.status).toBe(302);
    const job = await finishJob(imp.location);
    expect(job.result).toEqual({ created: 2, updated: 0, skipped: 0 });
    expect(await db.case.count()).toBe(before + 2);
    const rows = await db.case.findMany({ where: { complaint: { startsWith: "mixed row" } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.complaint)).toEqual(["mixed row one: quota went up 40% with no new accounts.", "mixed row three: handoffs to CS are dropped."]);
  });

  it("refuses to import when no row is valid, even with 'only valid rows'", async () => {
    const before = await db.case.count();
    const up = await uploadCases(csv([["Complaint", "Behaviour of concern"], ["all bad", "Bribery"]]));
    const imp = await importCasesStep(up.reply.preview!, { validOnly: true });
    expect(imp.status).toBe(400);
    expect(imp.reply.error).toMatch(/No row/);
    expect(await db.case.count()).toBe(before);
  });

  it.each([
    ["a zero-byte file", "", /choose a file|empty/i],
    ["a file of blank lines", "\r\n\r\n  \r\n", /The file is empty/],
    ["a semicolon-delimited file", "Complaint;Behaviour of concern;Segment\r\nQuota doubled;Pipeline generation;SMB\r\n", /uses ';' between columns.*comma/],
    ["a tab-delimited file", "Complaint\tBehaviour of concern\tSegment\nQuota doubled\tDiscounting\tSMB\n", /uses tabs between columns/],
    [
      "invalid UTF-8",
      Buffer.concat([Buffer.from("Complaint,Behaviour of concern\r\nCaf"), Buffer.from([0xff, 0xfe]), Buffer.from(" quota,Discounting\r\n")]),
      /not UTF-8 text/,
    ],
    ["a UTF-16 file", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Complaint,Behaviour\r\nx,discounting\r\n", "utf16le")]), /not UTF-8 text/],
    ["an .xlsx workbook", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("rest of a zip")]), /spreadsheet workbook/],
    ["a ragged row", "Complaint,Behaviour of concern\r\nQuota doubled,Discounting,extra\r\n", /Row 2 has 3 columns, but the header has 2/],
    ["an unclosed quote", 'Complaint,Behaviour of concern\r\n"Quota doubled,Discounting\r\n', /never closed/],
    ["broken JSON", '[{"complaint": "x", ', /not valid JSON/],
  ])("refuses %s with a clear message and changes nothing", async (_name, content, message) => {
    const before = await db.case.count();
    const mappingBefore = await db.importMapping.findMany();
    const up = await uploadCases(content as string | Uint8Array);
    expect(up.status).toBe(400);
    expect(up.reply.preview).toBeUndefined();
    expect(up.reply.error).toMatch(message);
    expect(await db.case.count()).toBe(before);
    expect(await db.importMapping.findMany()).toEqual(mappingBefore);
  });

  it("explains a file whose first row is data, not headings, and imports nothing", async () => {
    const before = await db.case.count();
    const up = await uploadCases(csv([
      ["Our quota doubled while the territory halved.", "pipeline_generation", "enterprise", "EMEA"],
      ["Accelerators kick in too late to matter.", "sandbagging", "smb", "APAC"],
    ]));
    expect(up.status).toBe(200);
    const p = up.reply.preview!;
    expect(Object.values(p.mapping).every((f) => f === null)).toBe(true);
    expect(p.mappingProblem).toMatch(/first row of the file holds the column headings/);
    expect(p.validCount).toBe(0);
    const imp = await importCasesStep(p);
    expect(imp.status).toBe(400);
    expect(imp.reply.preview?.mappingProblem).toMatch(/Complaint or Behaviour of concern/);
    expect(await db.case.count()).toBe(before);
  });

  it("refuses a file over 45 MB before reading it", async () => {
    const before = await db.case.count();
    const row = `"${"x".repeat(400)}",Discounting\r\n`;
    const big = "Complaint,Behaviour of concern\r\n" + row.repeat(Math.ceil(46_000_000 / row.length));
    expect(big.length).toBeGreaterThan(45_000_000);
    const up = await uploadCases(big);
    expect(up.status).toBe(400);
    expect(up.reply.error).toMatch(/This file is 46 MB; Upstream imports files up to 45 MB/);
    expect(await db.case.count()).toBe(before);
  });

  it("tells the person to upload again when the upload has expired or is someone else's", async () => {
    const up = await uploadCases(mixed, admin);
    const stolen = await importCasesStep(up.reply.preview!, { who: analyst, validOnly: true });
    expect(stolen.status).toBe(410);
    expect(stolen.reply.error).toMatch(/expired/);
    const unknown = await run(importAction, postRequest("/import", { intent: "import-cases", uploadId: "no-such-upload" }, analyst.cookie));
    expect(unknown.status).toBe(410);
  });
});

// ---------------------------------------------------------------------------------------------

describe("re-importing with external ids", () => {
  const headings = ["External ID", "Complaint", "Behaviour of concern", "Segment", "Severity", "Date raised"];
  const rows = [
    ["reimp-1", "Reimport one: ramp quotas ignore the hiring date.", "Attrition or morale", "SMB", "Medium", "2026-01-10"],
    ["reimp-2", "Reimport two: split credit rules make people hoard deals.", "Deal hoarding", "Enterprise", "High", "2026-01-11"],
  ];

  it("updates the case in place, records the change in its history, and creates no copies", async () => {
    const first = await importFile(csv([headings, ...rows]));
    expect(first.result).toEqual({ created: 2, updated: 0, skipped: 0 });
    const count = await db.case.count();
    const original = await db.case.findUniqueOrThrow({ where: { externalId: "reimp-2" } });
    expect(original.severity).toBe("high");

    const changed = rows.map((r) => [...r]);
    changed[1][4] = "Critical";
    const second = await importFile(csv([headings, ...changed]));
    expect(second.result).toEqual({ created: 0, updated: 1, skipped: 1 });
    expect(await db.case.count()).toBe(count);

    const after = await db.case.findUniqueOrThrow({ where: { externalId: "reimp-2" } });
    expect(after.id).toBe(original.id);
    expect(after.severity).toBe("critical");
    expect(after.severityRank).toBeGreaterThan(original.severityRank);
    expect(after.version).toBe(original.version + 1);
    expect(after.complaint).toBe(original.complaint);

    const events = await db.caseEvent.findMany({ where: { caseId: original.id, kind: "field" } });
    expect(events).toEqual([expect.objectContaining({ field: "severity", fromValue: "high", toValue: "critical", actorId: analyst.id })]);
    const untouched = await db.case.findUniqueOrThrow({ where: { externalId: "reimp-1" } });
    expect(untouched.version).toBe(1);
    expect(await db.caseEvent.count({ where: { caseId: untouched.id, kind: "field" } })).toBe(0);
  });

  it("refuses a file that repeats an external id", async () => {
    const before = await db.case.count();
    const up = await uploadCases(csv([headings, rows[0], [...rows[0]]]));
    const p = up.reply.preview!;
    expect(p.errors).toEqual([expect.objectContaining({ rowNumber: 3, field: "externalId", message: expect.stringMatching(/already used on row 2/) })]);
    expect((await importCasesStep(p)).status).toBe(400);
    expect(await db.case.count()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("JSON import", () => {
  it("imports an array of case objects, numbering items from 1", async () => {
    const items = [
      { externalId: "json-1", complaint: "JSON one: the clawback window is 12 months.", behaviour: "Churn risk", segment: "Enterprise", tags: ["clawback", "FY26"], tenureMonths: 30, confidential: true },
      { externalId: "json-2", complaint: "JSON two: SDRs are paid on meetings, not pipeline.", behaviour: "inflated_pipeline", segment: "smb", severity: "high" },
    ];
    const up = await uploadCases(JSON.stringify(items), analyst, "cases.json");
    expect(up.status).toBe(200);
    const p = up.reply.preview!;
    expect(p.mapping).toMatchObject({ externalId: "externalId", complaint: "complaint", behaviour: "behaviour", segment: "segment", tags: "tags" });
    expect(p).toMatchObject({ rowCount: 2, validCount: 2, errorCount: 0, mappingProblem: null });

    const before = await db.case.count();
    const imp = await importCasesStep(p);
    expect(imp.status).toBe(302);
    expect((await finishJob(imp.location)).result).toEqual({ created: 2, updated: 0, skipped: 0 });
    expect(await db.case.count()).toBe(before + 2);
    expect(await db.case.findUniqueOrThrow({ where: { externalId: "json-1" } })).toMatchObject({
      behaviour: "churn_risk",
      segment: "enterprise",
      tags: "clawback,fy26",
      tenureMonths: 30,
      confidential: true,
    });
    expect(await db.case.findUniqueOrThrow({ where: { externalId: "json-2" } })).toMatchObject({ behaviour: "inflated_pipeline", severity: "high" });

    // A bad item is named by its position in the list (1-based).
    const bad = await uploadCases(JSON.stringify([{ complaint: "fine", behaviour: "discounting" }, { complaint: "", behaviour: "discounting" }]), analyst, "more.json");
    expect(bad.reply.preview?.errors).toEqual([expect.objectContaining({ rowNumber: 2, field: "complaint" })]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("export", () => {
  const names = ["Xandra Quillfeather-Ode", "Yusuf Brightwater-Lund"];
  let formulaId: number;

  beforeAll(async () => {
    await createCase({ ...validCase, complaint: "Export one: enterprise renewals are not paid.", segment: "enterprise", reporterName: names[0] });
    const { confidential: _confidential, ...notConfidential } = validCase;
    await createCase({ ...notConfidential, complaint: "Export two: smb reps get no SPIFFs.", segment: "smb", reporterName: names[1] });
    formulaId = await createCase({ ...validCase, complaint: '=HYPERLINK("http://evil.test","click me")', title: "+formula title", region: "-EMEA", segment: "enterprise" });
  });

  it("gives the comp team the reporter name and confidential columns", async () => {
    const res = await run(exportLoader, getRequest("/cases/export?format=csv", analyst.cookie));
    expect(res.status).toBe(200);
    const { header, records } = parseExport(res.data as string);
    expect(header).toContain("Reporter name");
    expect(header).toContain("Confidential");
    expect(records.length).toBe(await db.case.count());
    const xandra = records.find((r) => r.Complaint === "Export one: enterprise renewals are not paid.")!;
    expect(xandra["Reporter name"]).toBe(names[0]);
    expect(xandra.Confidential).toBe("yes");
    expect(records.find((r) => r["Reporter name"] === names[1])?.Confidential).toBe("no");

    // The file itself starts with the UTF-8 BOM Excel needs and ends its lines with CRLF.
    const bytes = await exportBytes("/cases/export?format=csv", analyst);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(raw.startsWith("\uFEFFExternal ID,Complaint,")).toBe(true);
    expect(raw.endsWith("\r\n")).toBe(true);
  });

  it("gives a sales leader neither the columns nor any reporter's name", async () => {
    const res = await run(exportLoader, getRequest("/cases/export?format=csv", leader.cookie));
    expect(res.status).toBe(200);
    const text = res.data as string;
    const { header, records } = parseExport(text);
    expect(header).not.toContain("Reporter name");
    expect(header).not.toContain("Confidential");
    expect(records.length).toBe(await db.case.count());
    const reporterNames = (await db.case.findMany({ where: { reporterName: { not: "" } }, select: { reporterName: true } })).map((c) => c.reporterName);
    expect(reporterNames).toEqual(expect.arrayContaining([...names, "Ada Quill"]));
    for (const name of new Set(reporterNames)) expect(text).not.toContain(name);

    const json = await run(exportLoader, getRequest("/cases/export?format=json", leader.cookie));
    const jsonText = JSON.stringify(json.data);
    for (const name of new Set(reporterNames)) expect(jsonText).not.toContain(name);
    for (const c of (json.data as { cases: Record<string, unknown>[] }).cases) {
      expect(c).not.toHaveProperty("reporterName");
      expect(c).not.toHaveProperty("confidential");
    }
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const res = await run(exportLoader, getRequest("/cases/export?format=csv", analyst.cookie));
    const { records } = parseExport(res.data as string);
    const row = records.find((r) => r["External ID"] === `case-${formulaId}`)!;
    expect(row.Complaint).toBe(`'=HYPERLINK("http://evil.test","click me")`);
    expect(row.Title).toBe("'+formula title");
    expect(row.Region).toBe("'-EMEA");
    for (const r of records) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("applies the list's filters", async () => {
    const res = await run(exportLoader, getRequest("/cases/export?format=csv&segment=enterprise", analyst.cookie));
    const { records } = parseExport(res.data as string);
    const enterprise = await db.case.count({ where: { segment: "enterprise" } });
    expect(enterprise).toBeGreaterThanOrEqual(3);
    expect(records.length).toBe(enterprise);
    expect(records.every((r) => r.Segment === "enterprise")).toBe(true);
    expect(records.some((r) => r.Complaint === "Export two: smb reps get no SPIFFs.")).toBe(false);

    const searched = await run(exportLoader, getRequest("/cases/export?format=json&q=Export%20two", leader.cookie));
    expect((searched.data as { cases: { complaint: string }[] }).cases.map((c) => c.complaint)).toEqual(["Export two: smb reps get no SPIFFs."]);
  });

  it("writes JSON with the same visible fields as the CSV", async () => {
    for (const who of [analyst, leader]) {
      const csvRes = await run(exportLoader, getRequest("/cases/export?format=csv&segment=enterprise", who.cookie));
      const jsonRes = await run(exportLoader, getRequest("/cases/export?format=json&segment=enterprise", who.cookie));
      expect(jsonRes.status).toBe(200);
      expect(jsonRes.headers.get("Content-Type")).toMatch(/application\/json/);
      const { header, records } = parseExport(csvRes.data as string);
      const cases = (jsonRes.data as { cases: Record<string, unknown>[] }).cases;
      expect(cases.length).toBe(records.length);
      expect(Object.keys(cases[0]).length).toBe(header.length);
      const formula = cases.find((c) => c.externalId === `case-${formulaId}`)!;
      // JSON is not opened by a spreadsheet: values as they are.
      expect(formula.complaint).toBe('=HYPERLINK("http://evil.test","click me")');
      expect(formula.segment).toBe("enterprise");
      expect(formula.raisedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const byId = new Map(records.map((r) => [r["External ID"], r]));
      for (const c of cases) expect(byId.get(String(c.externalId))?.Complaint.replace(/^'(?=[=+\-@])/, "")).toBe(c.complaint);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("round trip", () => {
  it("re-imports its own CSV export without errors, copies or changes", async () => {
    const caseFields = { id: true, externalId: true, title: true, complaint: true, raisedOn: true, channel: true, reporterRole: true, reporterFunction: true, segment: true, region: true, tenureMonths: true, reporterName: true, confidential: true, behaviour: true, behaviourDetail: true, suspectedCause: true, causeDetail: true, severity: true, peopleAffected: true, revenueAtRisk: true, tags: true, version: true, status: true, ownerId: true } as const;
    const snapshot = () => db.case.findMany({ orderBy: { id: "asc" }, select: caseFields });
    const before = await snapshot();
    const eventsBefore = await db.caseEvent.count();
    expect(before.length).toBeGreaterThan(10);

    // The exact bytes of the download, BOM and all.
    const bytes = await exportBytes("/cases/export?format=csv", analyst);
    const up = await uploadCases(bytes, analyst, "upstream-cases.csv");
    expect(up.status).toBe(200);
    const p = up.reply.preview!;
    expect(p.errors).toEqual([]);
    expect(p.mappingProblem).toBeNull();
    expect(Object.values(p.mapping).every((f) => f !== null)).toBe(true);
    expect(p.mapping["External ID"]).toBe("externalId");
    expect(p.mapping["Reporter name"]).toBe("reporterName");
    expect(p.validCount).toBe(before.length);

    const imp = await importCasesStep(p);
    expect(imp.status).toBe(302);
    const job = await finishJob(imp.location);
    expect(job.result).toEqual({ created: 0, updated: 0, skipped: before.length });
    expect(await snapshot()).toEqual(before);
    expect(await db.caseEvent.count()).toBe(eventsBefore);
  });

  it("re-imports its own JSON export the same way", async () => {
    const before = await db.case.findMany({ orderBy: { id: "asc" } });
    const exported = await run(exportLoader, getRequest("/cases/export?format=json", admin.cookie));
    const up = await uploadCases(JSON.stringify(exported.data), admin, "upstream-cases.json");
    const p = up.reply.preview!;
    expect(p).toMatchObject({ errorCount: 0, mappingProblem: null, validCount: before.length });
    const imp = await importCasesStep(p, { who: admin });
    expect((await finishJob(imp.location, admin)).result).toEqual({ created: 0, updated: 0, skipped: before.length });
    expect(await db.case.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("attainment", () => {
  const HEAD = ["Period", "Rep pseudonym", "Role", "Segment", "Region", "Attainment %"];
  const good = [
    ["2026-Q1", "rep-a", "AE", "Mid-Market", "EMEA", "87.5%"],
    ["2026-q1", "rep-b", "sdr", "SMB", "NA", "112"],
    ["2026-Q1", "rep-c", "Account manager", "enterprise", "", "0"],
  ];

  async function uploadAttainment(content: string, who: Person = analyst) {
    const res = await run(importAction, uploadRequest("upload-attainment", content, "attainment.csv", who.cookie));
    return { ...res, reply: res.data as ImportReply };
  }

  it("stores a good file, and updates rather than duplicates when it comes again", async () => {
    const up = await uploadAttainment(csv([HEAD, ...good]));
    expect(up.status).toBe(302);
    expect((await finishJob(up.location)).result).toEqual({ created: 3, updated: 0, skipped: 0 });
    const rows = await db.attainmentRow.findMany({ where: { period: "2026-Q1" }, orderBy: { repPseudonym: "asc" } });
    expect(rows.map(({ period, repPseudonym, role, segment, region, attainmentPct }) => ({ period, repPseudonym, role, segment, region, attainmentPct }))).toEqual([
      { period: "2026-Q1", repPseudonym: "rep-a", role: "ae", segment: "mid_market", region: "EMEA", attainmentPct: 87.5 },
      { period: "2026-Q1", repPseudonym: "rep-b", role: "sdr", segment: "smb", region: "NA", attainmentPct: 112 },
      { period: "2026-Q1", repPseudonym: "rep-c", role: "account_manager", segment: "enterprise", region: "", attainmentPct: 0 },
    ]);

    const again = await uploadAttainment(csv([HEAD, ...good]));
    expect((await finishJob(again.location)).result).toEqual({ created: 0, updated: 3, skipped: 0 });
    expect(await db.attainmentRow.count({ where: { period: "2026-Q1" } })).toBe(3);

    const corrected = good.map((r) => [...r]);
    corrected[0][5] = "91";
    const third = await uploadAttainment(csv([HEAD, ...corrected]));
    await finishJob(third.location);
    expect(await db.attainmentRow.count({ where: { period: "2026-Q1" } })).toBe(3);
    expect((await db.attainmentRow.findUniqueOrThrow({ where: { period_repPseudonym: { period: "2026-Q1", repPseudonym: "rep-a" } } })).attainmentPct).toBe(91);
  });

  it("stores nothing from a file with one bad row, and lists the row and the field", async () => {
    const before = await db.attainmentRow.count();
    const up = await uploadAttainment(csv([
      HEAD,
      ["2026-Q2", "rep-x", "AE", "SMB", "EMEA", "90"],
      ["2026-Q2", "rep-y", "AE", "SMB", "EMEA", "ninety"],
      ["2026-Q2", "rep-z", "AE", "SMB", "EMEA", "101"],
    ]));
    expect(up.status).toBe(400);
    expect(up.location).toBeNull();
    expect(up.reply.error).toMatch(/Nothing was imported/);
    expect(up.reply.attainmentErrorCount).toBe(1);
    expect(up.reply.attainmentErrors).toEqual([expect.objectContaining({ rowNumber: 3, field: "attainmentPct", column: "Attainment %" })]);
    expect(await db.attainmentRow.count()).toBe(before);
  });

  it.each([
    ["a missing column", csv([["Period", "Rep pseudonym", "Role", "Segment", "Attainment %"], ["2026-Q2", "r", "AE", "SMB", "90"]]), /missing the column: Region/],
    ["a JSON file", '[{"period": "2026-Q2"}]', /Attainment imports are CSV files/],
    ["a semicolon file", "Period;Rep pseudonym;Role;Segment;Region;Attainment %\r\n2026-Q2;r;AE;SMB;EMEA;90\r\n", /between columns/],
    ["an empty file", "\r\n", /empty/],
  ])("refuses %s with a message and stores nothing", async (_name, content, message) => {
    const before = await db.attainmentRow.count();
    const up = await uploadAttainment(content);
    expect(up.status).toBe(400);
    expect(up.reply.error).toMatch(message);
    expect(await db.attainmentRow.count()).toBe(before);
  });

  describe("variability figures", () => {
    type Group = {
      key: string;
      hidden: boolean;
      reps?: number;
      note?: string;
      summary?: Record<string, number | null>;
      histogram?: { label: string; count: number | { value: number | null; text: string } }[];
    };
    type Page = { grouping: string; rowCount: number | null; groups: Group[] };

    beforeAll(async () => {
      const rows = [
        ["2025-Q4", "v-1", "AE", "Strategic", "EMEA", "50"],
        ["2025-Q4", "v-2", "AE", "Strategic", "EMEA", "80"],
        ["2025-Q4", "v-3", "AE", "Strategic", "EMEA", "100"],
        ["2025-Q4", "v-4", "SE", "Strategic", "EMEA", "120"],
        ["2025-Q4", "v-5", "SE", "Strategic", "EMEA", "250"],
        ["2025-Q4", "w-1", "AE", "Other", "APAC", "70"],
        ["2025-Q4", "w-2", "AE", "Other", "APAC", "95"],
        ["2025-Q4", "w-3", "AE", "Other", "APAC", "130"],
      ];
      const up = await uploadAttainment(csv([HEAD, ...rows]));
      expect(up.status).toBe(302);
      expect((await finishJob(up.location)).result).toEqual({ created: 8, updated: 0, skipped: 0 });
    });

    it("gives the comp team n, mean, median and the spread of a hand-computed group", async () => {
      const res = await run(variabilityLoader, getRequest("/variability?by=segment-period", analyst.cookie));
      expect(res.status).toBe(200);
      const page = res.data as Page;
      expect(page.grouping).toBe("segment-period");
      expect(page.rowCount).toBe(await db.attainmentRow.count());
      const g = page.groups.find((x) => x.key === "segment=strategic|period=2025-Q4")!;
      expect(g.hidden).toBe(false);
      expect(g.reps).toBe(5);
      const s = g.summary!;
      expect(s.n).toBe(5);
      expect(s.mean).toBeCloseTo(120, 10);
      expect(s.median).toBe(100);
      expect(s.sd).toBeCloseTo(Math.sqrt(4760), 10); // population sd: (70² + 40² + 20² + 0² + 130²) / 5
      expect(s.top10Share).toBeCloseTo(250 / 600, 10);
      expect(s.shareAtOrAbove100).toBeCloseTo(0.6, 10);
      expect(s.min).toBe(50);
      expect(s.max).toBe(250);
      expect(g.histogram!.reduce((sum, b) => sum + (b.count as number), 0)).toBe(5);

      const small = page.groups.find((x) => x.key === "segment=other|period=2025-Q4")!;
      expect(small).toMatchObject({ hidden: false, reps: 3 });
      expect(small.summary).toMatchObject({ n: 3, median: 95, min: 70, max: 130 });
      expect(small.summary!.mean).toBeCloseTo(295 / 3, 10);

      const byRole = (await run(variabilityLoader, getRequest("/variability?by=segment-role", leader.cookie))).data as Page;
      expect(byRole.groups.find((x) => x.key === "segment=strategic|role=se")).toMatchObject({ reps: 2, summary: { n: 2, mean: 185, median: 185 } });
    });

    it("hides small groups from executives and never shows them a min or max", async () => {
      const res = await run(variabilityLoader, getRequest("/variability?by=segment-period", exec.cookie));
      expect(res.status).toBe(200);
      const page = res.data as Page;
      expect(page.rowCount).toBeNull();
      const small = page.groups.find((x) => x.key === "segment=other|period=2025-Q4")!;
      expect(small.hidden).toBe(true);
      expect(small.note).toMatch(/Fewer than 5 reps/);
      expect(small).not.toHaveProperty("summary");
      expect(small).not.toHaveProperty("reps");
      expect(small).not.toHaveProperty("histogram");
      expect(JSON.stringify(small)).not.toMatch(/130|70|95/);

      // Strategic 2025-Q4 (five reps) sits beside the hidden "other" group: shown, it would give
      // the hidden one away as the period minus strategic, so it is withheld too (decision 010).
      expect(page.groups.find((x) => x.key === "segment=strategic|period=2025-Q4")!.hidden).toBe(true);
      const byPeriod = (await run(variabilityLoader, getRequest("/variability?by=period", exec.cookie))).data as Page;
      const shownGroups = byPeriod.groups.filter((g) => !g.hidden);
      expect(shownGroups.map((g) => g.reps)).toEqual([8]);
      for (const g of shownGroups) {
        expect(Number.isInteger(g.summary!.mean)).toBe(true); // whole percents only
        expect(g.summary).not.toHaveProperty("min");
        expect(g.summary).not.toHaveProperty("max");
      }
      // Bins of one or two reps read "<3".
      const bins = shownGroups.flatMap((g) => g.histogram!.map((b) => b.count as { value: number | null; text: string }));
      expect(bins.filter((b) => b.value !== null && b.value > 0 && b.value < 3)).toEqual([]);

      for (const g of page.groups) {
        if (g.hidden) expect(g).not.toHaveProperty("summary");
        else {
          expect(g.reps).toBeGreaterThanOrEqual(5);
          expect(g.summary).not.toHaveProperty("min");
          expect(g.summary).not.toHaveProperty("max");
        }
      }
    });
  });
});

describe("re-importing a file that lacks some columns", () => {
  it("changes only the mapped fields: a leader's export re-imported by an analyst keeps the reporter's identity", async () => {
    const id = await createCase({
      complaint: "Identity must survive a partial re-import (ident-keep)",
      behaviour: "churn_risk",
      reporterRole: "csm",
      segment: "enterprise",
      severity: "high",
      reporterName: "Ottoline Varga-Nakamura",
      confidential: "on",
      raisedOn: "2026-02-03",
    });
    const leaderCsv = await run(exportLoader, getRequest("/cases/export?format=csv&q=ident-keep", leader.cookie));
    const text = (leaderCsv.data as string).replace(/,high,/i, ",critical,");
    expect(text).toMatch(/,critical,/);
    expect(text).not.toContain("Ottoline");
    const job = await importFile(text, "leader-export.csv", analyst);
    expect(job.result).toMatchObject({ created: 0, updated: 1 });
    const after = await db.case.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ severity: "critical", reporterName: "Ottoline Varga-Nakamura", confidential: true, segment: "enterprise" });
    expect(after.raisedOn.toISOString().slice(0, 10)).toBe("2026-02-03");

    // A file with only the id and the required columns touches nothing else.
    const minimal = csv([["External ID", "Complaint", "Behaviour of concern"], [`case-${id}`, after.complaint, "Churn risk"]]);
    const again = await importFile(minimal, "minimal.csv", analyst);
    expect(again.result).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ severity: "critical", segment: "enterprise", reporterName: "Ottoline Varga-Nakamura" });
  });
});

describe("an upload on disk (decision 026)", () => {
  const waiting = () => (existsSync(uploadDirectory()) ? readdirSync(uploadDirectory()) : []);
  const good = () => csv([["Complaint", "Behaviour of concern"], ["Quota too high for the territory we were given", "Discounting"]]);

  it("waits on disk between the preview and the import, and is removed once imported", async () => {
    const before = waiting().length;
    const up = await uploadCases(good());
    expect(up.status).toBe(200);
    expect(waiting()).toHaveLength(before + 1);
    const imp = await importCasesStep(up.reply.preview!);
    expect(imp.status).toBe(302);
    expect(waiting()).toHaveLength(before);
    expect((await finishJob(imp.location)).state).toBe("done");
  });

  it("is removed at once when the file is refused, and never written past the size limit", async () => {
    const before = waiting();
    for (const [content, message] of [
      ["", /Choose a file|empty/],
      ["PK\u0003\u0004 a spreadsheet", /spreadsheet|xlsx|Excel|CSV/i],
    ] as const) {
      const up = await uploadCases(content);
      expect(up.status).toBe(400);
      expect(up.reply.error).toMatch(message);
      expect(waiting()).toEqual(before);
    }
    const row = `"${"x".repeat(400)}",Discounting\r\n`;
    const big = await uploadCases("Complaint,Behaviour of concern\r\n" + row.repeat(Math.ceil(46_000_000 / row.length)));
    expect(big.reply.error).toMatch(/This file is 46 MB/);
    expect(waiting()).toEqual(before);
  });

  it("is removed after an attainment file is read, imported or not", async () => {
    const before = waiting();
    const ok = await run(importAction, uploadRequest("upload-attainment", csv([["Period", "Rep pseudonym", "Role", "Segment", "Region", "Attainment %"], ["2026-Q2", "rep-z", "AE", "SMB", "EMEA", "90"]]), "a.csv", analyst.cookie));
    expect(ok.status).toBe(302);
    const bad = await run(importAction, uploadRequest("upload-attainment", "Period\n2026-Q1\n", "a.csv", analyst.cookie));
    expect(bad.status).toBe(400);
    expect(waiting()).toEqual(before);
  });
});
