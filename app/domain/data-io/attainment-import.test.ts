import { describe, expect, it } from "vitest";
import { groupAttainment } from "../variability/group";
import { attainmentRowSchema, mapAttainmentHeaders, validateAttainmentRows, type AttainmentValidation } from "./attainment-import";
import { parseCsv } from "./csv";
import { isReadError, planImport } from "./import-common";

function ok(result: AttainmentValidation) {
  if ("error" in result) throw new Error(`expected a validation, got: ${result.error}`);
  return result;
}

const HEADER = "Period,Rep pseudonym,Role,Segment,Region,Attainment %";

function validateCsv(body: string) {
  const parsed = parseCsv(`${HEADER}\n${body}`);
  if (isReadError(parsed)) throw new Error(parsed.error);
  return validateAttainmentRows(parsed.rows, { headers: parsed.headers, firstRowNumber: parsed.firstRowNumber });
}

describe("attainmentRowSchema", () => {
  const base = { period: "2026-Q1", repPseudonym: "rep-17", role: "AE", segment: "Mid-Market", region: "EMEA", attainmentPct: "87.5" };

  it("normalises a good row", () => {
    expect(attainmentRowSchema.parse(base)).toEqual({
      period: "2026-Q1",
      repPseudonym: "rep-17",
      role: "ae",
      segment: "mid_market",
      region: "EMEA",
      attainmentPct: 87.5,
    });
  });

  it("accepts the three period spellings and normalises their case", () => {
    expect(attainmentRowSchema.parse({ ...base, period: "2026-q2" }).period).toBe("2026-Q2");
    expect(attainmentRowSchema.parse({ ...base, period: "2026-03" }).period).toBe("2026-03");
    expect(attainmentRowSchema.parse({ ...base, period: "fy2026" }).period).toBe("FY2026");
    expect(attainmentRowSchema.safeParse({ ...base, period: "Q1 2026" }).success).toBe(false);
  });

  it("reads percentages as 87.5, 87.5%, ' 87.5 % ' or a number", () => {
    for (const v of ["87.5", "87.5%", " 87.5 % ", 87.5, "87.50"]) {
      expect(attainmentRowSchema.parse({ ...base, attainmentPct: v }).attainmentPct, String(v)).toBe(87.5);
    }
    expect(attainmentRowSchema.parse({ ...base, attainmentPct: "0" }).attainmentPct).toBe(0);
    expect(attainmentRowSchema.parse({ ...base, attainmentPct: "1000%" }).attainmentPct).toBe(1000);
  });

  it("refuses percentages out of range or not plainly written", () => {
    const message = (v: unknown) => {
      const r = attainmentRowSchema.safeParse({ ...base, attainmentPct: v });
      return r.success ? "accepted" : r.error.issues[0].message;
    };
    expect(message("-5")).toBe("Attainment cannot be negative");
    expect(message("1000.1")).toBe("Attainment above 1000% is not plausible; check the value");
    expect(message("87,5")).toBe("Give attainment as a number, like 87.5 or 87.5%");
    expect(message("1e3")).toBe("Give attainment as a number, like 87.5 or 87.5%");
    expect(message("")).toBe("Give attainment as a number, like 87.5 or 87.5%");
    expect(message("n/a")).toBe("Give attainment as a number, like 87.5 or 87.5%");
  });

  it("limits the pseudonym to 1–100 characters and the region to 100", () => {
    expect(attainmentRowSchema.safeParse({ ...base, repPseudonym: "  " }).success).toBe(false);
    expect(attainmentRowSchema.safeParse({ ...base, repPseudonym: "x".repeat(100) }).success).toBe(true);
    expect(attainmentRowSchema.safeParse({ ...base, repPseudonym: "x".repeat(101) }).success).toBe(false);
    expect(attainmentRowSchema.safeParse({ ...base, region: "x".repeat(101) }).success).toBe(false);
    expect(attainmentRowSchema.parse({ ...base, region: "" }).region).toBe("");
  });
});

describe("mapAttainmentHeaders", () => {
  it("matches headings loosely and ignores extra columns", () => {
    expect(mapAttainmentHeaders(["period", "rep_pseudonym", "ROLE", "segment", "region", "attainment_pct", "manager"])).toEqual({
      mapping: { period: "period", repPseudonym: "rep_pseudonym", role: "ROLE", segment: "segment", region: "region", attainmentPct: "attainment_pct" },
    });
  });

  it("lists every missing column", () => {
    expect(mapAttainmentHeaders(["Rep pseudonym", "Role", "Segment", "Region"])).toEqual({
      error: "The file is missing these columns: Period, Attainment %. Its first row must name the columns Period, Rep pseudonym, Role, Segment, Region, Attainment %.",
    });
    expect(mapAttainmentHeaders(["Period", "Rep pseudonym", "Role", "Segment", "Attainment %"])).toEqual({
      error: "The file is missing the column: Region. Its first row must name the columns Period, Rep pseudonym, Role, Segment, Region, Attainment %.",
    });
  });

  it("refuses two columns that mean the same field", () => {
    expect(mapAttainmentHeaders(["Period", "Rep", "Rep pseudonym", "Role", "Segment", "Region", "Attainment %"])).toEqual({
      error: '"Rep" and "Rep pseudonym" both look like the Rep pseudonym column. Keep one of them.',
    });
  });
});

describe("validateAttainmentRows", () => {
  it("validates a file row by row with spreadsheet row numbers", () => {
    const result = ok(
      validateCsv(
        [
          "2026-Q1,rep-1,AE,SMB,EMEA,87.5%",
          "2026-Q1,rep-2,sdr,mid_market,,120",
          "2026-Q5,rep-3,Wizard,Enterprise,EMEA,abc",
          "2026-Q1,rep-1,AE,SMB,EMEA,90",
          ",,,,,",
          "FY2026,rep-1,AE,SMB,EMEA,101",
        ].join("\n"),
      ),
    );
    expect(result.valid.map((v) => [v.rowNumber, v.data.repPseudonym, v.data.role, v.data.segment, v.data.attainmentPct])).toEqual([
      [2, "rep-1", "ae", "smb", 87.5],
      [3, "rep-2", "sdr", "mid_market", 120],
      [7, "rep-1", "ae", "smb", 101],
    ]);
    expect(result.errors).toEqual([
      { rowNumber: 4, field: "period", column: "Period", message: "Use a period like 2026-Q1 (quarter), 2026-03 (month) or FY2026 (year)" },
      { rowNumber: 4, field: "role", column: "Role", message: expect.stringMatching(/^Choose a role: AE, SDR, CSM/) },
      { rowNumber: 4, field: "attainmentPct", column: "Attainment %", message: "Give attainment as a number, like 87.5 or 87.5%" },
      {
        rowNumber: 5,
        field: "repPseudonym",
        column: "Rep pseudonym",
        message: "rep-1 already has a row for 2026-Q1 (row 2). Give each rep one row per period.",
      },
    ]);
    expect(result.blankRows).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it("is all or nothing through planImport", () => {
    const result = ok(validateCsv("2026-Q1,a,AE,SMB,EMEA,90\n2026-Q1,b,AE,SMB,EMEA,-1\n"));
    expect(planImport(result).ok).toBe(false);
    expect(planImport(result, { validOnly: true })).toMatchObject({ ok: true, skippedRows: [3] });
  });

  it("refuses a file with a missing column, naming it", () => {
    const parsed = parseCsv("Period,Rep pseudonym,Role,Segment,Region\n2026-Q1,a,AE,SMB,EMEA\n");
    if (isReadError(parsed)) throw new Error(parsed.error);
    expect(validateAttainmentRows(parsed.rows, { headers: parsed.headers })).toEqual({
      error: expect.stringMatching(/^The file is missing the column: Attainment %/),
    });
  });

  it("takes the headings from the rows when not given", () => {
    const result = ok(
      validateAttainmentRows([{ period: "2026-03", rep: "r", role: "CSM", segment: "Strategic", region: "", attainment: "99" }]),
    );
    expect(result.valid[0].data).toEqual({ period: "2026-03", repPseudonym: "r", role: "csm", segment: "strategic", region: "", attainmentPct: 99 });
  });

  it("warns when every value looks like a fraction", () => {
    const result = ok(validateCsv("2026-Q1,a,AE,SMB,EMEA,0.875\n2026-Q1,b,AE,SMB,EMEA,1.2\n"));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      "Every attainment is 2% or less. If the file gives fractions (0.875 for 87.5%), multiply them by 100 first.",
    ]);
  });

  it("feeds groupAttainment", () => {
    const result = ok(validateCsv("2026-Q1,a,AE,SMB,EMEA,80\n2026-Q1,b,AE,SMB,EMEA,120\n2026-Q1,c,SDR,SMB,EMEA,100\n"));
    const groups = groupAttainment(
      result.valid.map((v) => v.data),
      ["segment", "role"],
    );
    expect(groups.map((g) => [g.label, g.summary.mean])).toEqual([
      ["SMB · AE", 100],
      ["SMB · SDR", 100],
    ]);
  });
});

describe("optional payout, target incentive and tenure columns (issue 17)", () => {
  it("reads them where a file has them", () => {
    const parsed = parseCsv(`${HEADER},Payout,Target incentive,Tenure months\n2026-Q1,rep-1,AE,SMB,EMEA,120%,$18000,15000,30\n2026-Q1,rep-2,AE,SMB,EMEA,80,,,\n`);
    if (isReadError(parsed)) throw new Error(parsed.error);
    const result = ok(validateAttainmentRows(parsed.rows, { headers: parsed.headers, firstRowNumber: parsed.firstRowNumber }));
    expect(result.errors).toEqual([]);
    expect(result.valid[0].data).toMatchObject({ payout: 18000, targetIncentive: 15000, tenureMonths: 30 });
    expect(result.valid[1].data.payout).toBeUndefined();
  });
  it("still accepts a file without them", () => {
    expect(ok(validateCsv("2026-Q1,rep-1,AE,SMB,EMEA,90")).valid).toHaveLength(1);
  });
  it("says which cell is wrong", () => {
    const parsed = parseCsv(`${HEADER},Payout,Target incentive,Tenure months\n2026-Q1,rep-1,AE,SMB,EMEA,90,"12,500",-1,1.5\n`);
    if (isReadError(parsed)) throw new Error(parsed.error);
    const result = ok(validateAttainmentRows(parsed.rows, { headers: parsed.headers, firstRowNumber: parsed.firstRowNumber }));
    expect(result.errors.map((e) => [e.field, e.column])).toEqual([
      ["payout", "Payout"],
      ["targetIncentive", "Target incentive"],
      ["tenureMonths", "Tenure months"],
    ]);
  });
});
