import { describe, expect, it } from "vitest";
import { caseFormSchema, type CaseFormData } from "../cases/case-schema";
import { suggestMapping, validateRows, parseJsonCases } from "./case-import";
import { parseCsv } from "./csv";
import { caseExportColumns, casesToCsv, casesToJson, cellText, csvHead, csvLines, jsonHead, jsonLines, jsonTail, neutraliseCell, toCsv, unneutraliseCell } from "./csv-export";
import { isReadError, type ReadResult } from "./import-common";

function table(result: ReadResult) {
  if (isReadError(result)) throw new Error(`expected a table, got: ${result.error}`);
  return result;
}

describe("neutraliseCell (OWASP CSV injection)", () => {
  it("prefixes a quote to cells starting with = + - @ tab or carriage return", () => {
    expect(neutraliseCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(neutraliseCell("+1")).toBe("'+1");
    expect(neutraliseCell("-2")).toBe("'-2");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\tx")).toBe("'\tx");
    expect(neutraliseCell("\rx")).toBe("'\rx");
  });

  it("leaves other cells alone, including a formula character later in the text", () => {
    for (const v of ["", "Quota = too high", "a-b", "'quoted", "'", " =x", "x="]) expect(neutraliseCell(v)).toBe(v);
  });

  it("adds one more quote to a cell that already looks neutralised, so the import can tell them apart", () => {
    expect(neutraliseCell("'=x")).toBe("''=x");
    expect(neutraliseCell("''@x")).toBe("'''@x");
  });

  it("unneutraliseCell reverses it exactly, for any text", () => {
    const samples = ["=1+1", "'=1+1", "''=1+1", "'hello", "'", "''", "-", "@", "plain", "", "\t=x", "'\r", "=", "+-@"];
    for (const v of samples) expect(unneutraliseCell(neutraliseCell(v)), JSON.stringify(v)).toBe(v);
    // and strips only one quote, only before a formula character
    expect(unneutraliseCell("''=x")).toBe("'=x");
    expect(unneutraliseCell("'x")).toBe("'x");
  });
});

describe("cellText", () => {
  it("writes values the import reads back", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText(12)).toBe("12");
    expect(cellText(Number.NaN)).toBe("");
    expect(cellText(true)).toBe("yes");
    expect(cellText(false)).toBe("no");
    expect(cellText(new Date("2026-03-31T00:00:00.000Z"))).toBe("2026-03-31");
    expect(cellText(new Date("2026-03-31T10:20:00.000Z"))).toBe("2026-03-31T10:20:00.000Z");
    expect(cellText(["a", "b"])).toBe("a, b");
  });
});

describe("toCsv", () => {
  it("writes only the given columns, in order, quoting what needs quoting, with CRLF", () => {
    const csv = toCsv(
      [{ a: 'say "hi", then\nleave', b: "=cmd", secret: "never" }],
      [
        { key: "b", header: "B" },
        { key: "a", header: "A" },
      ],
    );
    expect(csv).toBe('B,A\r\n\'=cmd,"say ""hi"", then\nleave"\r\n');
    expect(csv).not.toContain("never");
  });

  it("adds a BOM only when asked", () => {
    expect(toCsv([], [{ key: "a", header: "A" }])).toBe("A\r\n");
    expect(toCsv([], [{ key: "a", header: "A" }], { bom: true })).toBe("\uFEFFA\r\n");
  });
});

describe("caseExportColumns", () => {
  it("leaves reporter identity out unless the viewer may see it", () => {
    const leader = caseExportColumns({ seesReporter: false }).map((c) => c.key);
    expect(leader).not.toContain("reporterName");
    expect(leader).not.toContain("confidential");
    expect(leader).toContain("complaint");
    const comp = caseExportColumns({ seesReporter: true }).map((c) => c.key);
    expect(comp).toContain("reporterName");
    expect(comp).toContain("confidential");
    expect(comp[0]).toBe("externalId");
  });

  it("leaves identity out of the file itself, not just the headings", () => {
    const csv = casesToCsv([{ complaint: "x", reporterName: "Dana Secret", confidential: true }], caseExportColumns({ seesReporter: false }));
    expect(csv).not.toContain("Dana");
    const json = casesToJson([{ complaint: "x", reporterName: "Dana Secret" }], caseExportColumns({ seesReporter: false }));
    expect(json).not.toContain("Dana");
  });
});

// ---- Round trip: export → import gives back the same cases ---------------------------------

const tricky = [
  { externalId: "RT-1", complaint: "Quota went up, territory went down", behaviour: "pipeline_generation" },
  { externalId: "RT-2", complaint: 'He said "this plan is broken" and left', behaviour: "attrition_morale", confidential: "on", reporterName: "Ana Ruiz" },
  { externalId: "RT-3", complaint: "Line one\nLine two\r\nLine three", behaviour: "discounting", tags: "quota, territory" },
  { externalId: "RT-4", complaint: "=HYPERLINK(\"http://evil\",\"click\")", behaviour: "other", title: "+1 for this" },
  { externalId: "RT-5", complaint: "-40% accelerator cut", behaviour: "short_term_focus", region: "@EMEA" },
  { externalId: "RT-6", complaint: "'=already quoted", behaviour: "other", causeDetail: "'plain quote" },
  { externalId: "RT-7", complaint: "Zürich — naïve “quotes” 日本語 🚀", behaviour: "churn_risk", region: "DACH/Zürich" },
  {
    externalId: "RT-8",
    complaint: "Everything filled in",
    behaviour: "deal_hoarding",
    title: "Full row",
    raisedOn: "2026-02-28",
    channel: "exit_interview",
    reporterRole: "frontline_manager",
    reporterFunction: "customer_success",
    segment: "mid_market",
    region: "NA, East",
    tenureMonths: "30",
    behaviourDetail: "Holds deals to next quarter",
    suspectedCause: "quota_setting",
    causeDetail: "Quota set top-down",
    severity: "critical",
    peopleAffected: "25",
    revenueAtRisk: "1250000",
  },
];

/** What is stored: the schema's output, as the intake form would save it. */
const stored: (CaseFormData & { externalId: string })[] = tricky.map((c) => ({ externalId: c.externalId, ...caseFormSchema.parse(c) }));

describe("round trip", () => {
  it("CSV: parseCsv(casesToCsv(x)) + validateRows gives back the same data", () => {
    const csv = casesToCsv(stored, caseExportColumns({ seesReporter: true }));
    const t = table(parseCsv(csv));
    const result = validateRows(t.rows, suggestMapping(t.headers));
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => ({ externalId: v.externalId, ...v.data }))).toEqual(stored);
  });

  it("CSV: the formula cells are neutralised in the file itself", () => {
    const csv = casesToCsv(stored, caseExportColumns({ seesReporter: true }));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csv).toContain("'-40% accelerator cut");
    expect(csv).toContain("'@EMEA");
    expect(csv).toContain("'+1 for this");
    expect(csv).toContain("''=already quoted");
    expect(csv).not.toMatch(/(^|[\r\n,])[=+\-@]/);
  });

  it("CSV with a BOM round-trips too", () => {
    const t = table(parseCsv(casesToCsv(stored, caseExportColumns({ seesReporter: true }), { bom: true })));
    expect(t.headers[0]).toBe("External ID");
    expect(validateRows(t.rows, suggestMapping(t.headers)).valid).toHaveLength(stored.length);
  });

  it("JSON: parseJsonCases(casesToJson(x)) + validateRows gives back the same data", () => {
    const t = table(parseJsonCases(casesToJson(stored, caseExportColumns({ seesReporter: true }))));
    const result = validateRows(t.rows, suggestMapping(t.headers), { firstRowNumber: t.firstRowNumber });
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => ({ externalId: v.externalId, ...v.data }))).toEqual(stored);
  });

  it("a leader's export round-trips what it holds (identity is simply absent)", () => {
    const t = table(parseCsv(casesToCsv(stored, caseExportColumns({ seesReporter: false }))));
    const result = validateRows(t.rows, suggestMapping(t.headers));
    expect(result.errors).toEqual([]);
    expect(result.valid[1].data).toMatchObject({ complaint: stored[1].complaint, reporterName: "", confidential: false });
  });
});

describe("an export written a page at a time (streamed)", () => {
  const columns = [
    { key: "a", header: "A" },
    { key: "b", header: "B, with comma" },
  ];
  const rows = Array.from({ length: 7 }, (_, i) => ({ a: `=row ${i}`, b: i % 2 ? `line\nbreak "${i}"` : new Date(Date.UTC(2026, 0, i + 1)) }));
  const pages = (size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

  it.each([1, 3, 7, 10])("CSV in pages of %i is the same file as written at once", (size) => {
    expect(csvHead(columns, { bom: true }) + pages(size).map((p) => csvLines(p, columns)).join("")).toBe(toCsv(rows, columns, { bom: true }));
  });

  it.each([1, 3, 7, 10])("JSON in pages of %i is the same file as written at once", (size) => {
    const body = jsonHead + pages(size).map((p, i) => jsonLines(p, columns, i === 0)).join("") + jsonTail(true);
    expect(body).toBe(casesToJson(rows, columns));
  });

  it("an empty export is a header alone (CSV) and an empty list (JSON)", () => {
    expect(csvHead(columns) + csvLines([], columns)).toBe(toCsv([], columns));
    expect(jsonHead + jsonTail(false)).toBe(casesToJson([], columns));
  });
});
