import { describe, expect, it } from "vitest";
import { caseFormSchema } from "../cases/case-schema";
import { CASE_FIELDS, mappingProblem, parseJsonCases, suggestMapping, unknownValues, validateRows, type CaseMapping } from "./case-import";
import { parseCsv } from "./csv";
import { isReadError, planImport, type ReadResult } from "./import-common";

function table(result: ReadResult) {
  if (isReadError(result)) throw new Error(`expected a table, got: ${result.error}`);
  return result;
}

describe("CASE_FIELDS", () => {
  it("is externalId plus every intake field except owner and duplicate-of", () => {
    const formFields = Object.keys(caseFormSchema.shape).filter((f) => f !== "ownerId" && f !== "duplicateOfId");
    expect(CASE_FIELDS.map((f) => f.name).sort()).toEqual(["externalId", ...formFields].sort());
  });

  it("requires only the complaint and the behaviour, as intake does", () => {
    expect(CASE_FIELDS.filter((f) => f.required).map((f) => f.name)).toEqual(["complaint", "behaviour"]);
  });
});

describe("suggestMapping", () => {
  it("matches names and labels ignoring case, spaces and punctuation", () => {
    expect(
      suggestMapping(["External ID", "Behaviour of concern", " complaint ", "reporter_role", "Tenure (months)", "Date raised", "Manager"]),
    ).toEqual({
      "External ID": "externalId",
      "Behaviour of concern": "behaviour",
      " complaint ": "complaint",
      reporter_role: "reporterRole",
      "Tenure (months)": "tenureMonths",
      "Date raised": "raisedOn",
      Manager: null,
    });
  });

  it("knows a few common aliases", () => {
    expect(suggestMapping(["Role", "Function", "Behavior", "Cause"])).toEqual({
      Role: "reporterRole",
      Function: "reporterFunction",
      Behavior: "behaviour",
      Cause: "suspectedCause",
    });
  });

  it("gives each field to the first heading only", () => {
    expect(suggestMapping(["Role", "Reporter role"])).toEqual({ Role: "reporterRole", "Reporter role": null });
  });

  it("prefers the remembered mapping, including columns remembered as left out", () => {
    const last: CaseMapping = { "What they said": "complaint", Complaint: null, "Team": "reporterFunction" };
    expect(suggestMapping(["Complaint", "What they said", "Team", "Behaviour"], last)).toEqual({
      Complaint: null,
      "What they said": "complaint",
      Team: "reporterFunction",
      Behaviour: "behaviour",
    });
  });

  it("matches remembered headings loosely and ignores remembered fields that no longer exist", () => {
    // A mapping remembered (as JSON) before a field was retired.
    const last: CaseMapping = JSON.parse('{ "what they said": "complaint", "Old": "ownerId" }');
    expect(suggestMapping(["What They Said", "Old"], last)).toEqual({ "What They Said": "complaint", Old: null });
  });
});

describe("mappingProblem", () => {
  it("names the required fields that are not mapped", () => {
    expect(mappingProblem({ Text: null, Region: "region" })).toBe(
      "No column is mapped to Complaint or Behaviour of concern, which every case needs. Check that the first row of the file holds the column headings, then map them.",
    );
  });

  it("refuses one field mapped twice, and an unknown field", () => {
    expect(mappingProblem({ A: "complaint", B: "complaint", C: "behaviour" })).toBe(
      '"A" and "B" are both mapped to Complaint. Map each field to one column.',
    );
    const posted: Parameters<typeof mappingProblem>[0] = JSON.parse('{ "A": "complaint", "B": "behaviour", "C": "ownerId" }');
    expect(mappingProblem(posted)).toMatch(/not a case field/);
  });

  it("accepts a mapping with both required fields", () => {
    expect(mappingProblem({ A: "complaint", B: "behaviour", C: null })).toBeNull();
  });
});

const mapping: CaseMapping = {
  "External ID": "externalId",
  Complaint: "complaint",
  Behaviour: "behaviour",
  Segment: "segment",
  Confidential: "confidential",
  Tenure: "tenureMonths",
  Revenue: "revenueAtRisk",
  Raised: "raisedOn",
  Notes: null,
};

function row(cells: Partial<Record<string, string>>): Record<string, string> {
  const blank = Object.fromEntries(Object.keys(mapping).map((h) => [h, ""]));
  return { ...blank, ...cells } as Record<string, string>;
}

describe("validateRows", () => {
  it("validates with the intake schema and fills its defaults", () => {
    const result = validateRows([row({ Complaint: " No leads in my patch ", Behaviour: "Pipeline generation" })], mapping);
    expect(result.errors).toEqual([]);
    expect(result.valid).toEqual([
      { rowNumber: 2, data: caseFormSchema.parse({ complaint: "No leads in my patch", behaviour: "pipeline_generation" }) },
    ]);
    expect(result.valid[0].data).toMatchObject({ channel: "other", segment: "other", severity: "medium", confidential: false });
  });

  it("takes taxonomy values or labels in any case", () => {
    const result = validateRows(
      [
        row({ Complaint: "a", Behaviour: "DISCOUNTING", Segment: "Mid-Market" }),
        row({ Complaint: "b", Behaviour: "forecast_manipulation", Segment: "mid_market" }),
        row({ Complaint: "c", Behaviour: "Forecast / data manipulation", Segment: "mid market" }),
      ],
      mapping,
    );
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => [v.data.behaviour, v.data.segment])).toEqual([
      ["discounting", "mid_market"],
      ["forecast_manipulation", "mid_market"],
      ["forecast_manipulation", "mid_market"],
    ]);
  });

  it("lists errors by spreadsheet row, field and column, all of them", () => {
    const result = validateRows(
      [
        row({ Complaint: "fine", Behaviour: "discounting" }),
        row({ Complaint: "", Behaviour: "Discountng", Segment: "Enterprize" }),
        row({ Complaint: "x", Behaviour: "other", Raised: "2026-02-31", Tenure: "two years" }),
      ],
      mapping,
    );
    expect(result.valid.map((v) => v.rowNumber)).toEqual([2]);
    expect(result.errors).toEqual([
      {
        rowNumber: 3,
        field: "behaviour",
        column: "Behaviour",
        message: expect.stringMatching(/^"Discountng" is not in the list\. Use one of: Pipeline generation, .*Other\.$/),
      },
      { rowNumber: 3, field: "segment", column: "Segment", message: '"Enterprize" is not in the list. Use one of: SMB, Mid-Market, Enterprise, Strategic, Other.' },
      { rowNumber: 3, field: "complaint", column: "Complaint", message: "Write the complaint in the reporter's own words" },
      { rowNumber: 4, field: "raisedOn", column: "Raised", message: "That is not a real date" },
      { rowNumber: 4, field: "tenureMonths", column: "Tenure", message: "Tenure must be a number" },
    ]);
  });

  it("reads yes/no, thousands separators, a currency sign and a date with a time", () => {
    const result = validateRows(
      [
        row({ Complaint: "a", Behaviour: "other", Confidential: "Yes", Revenue: "$1,250,000", Tenure: "18", Raised: "2026-03-31T00:00:00.000Z" }),
        row({ Complaint: "b", Behaviour: "other", Confidential: "no" }),
        row({ Complaint: "c", Behaviour: "other", Confidential: "maybe" }),
      ],
      mapping,
    );
    expect(result.valid[0].data).toMatchObject({ confidential: true, revenueAtRisk: 1_250_000, tenureMonths: 18, raisedOn: "2026-03-31" });
    expect(result.valid[1].data.confidential).toBe(false);
    expect(result.errors).toEqual([{ rowNumber: 4, field: "confidential", column: "Confidential", message: "Confidential must be yes or no" }]);
  });

  it("refuses a decimal or negative number the form would refuse", () => {
    const result = validateRows([row({ Complaint: "a", Behaviour: "other", Tenure: "-3" }), row({ Complaint: "a", Behaviour: "other", Tenure: "1.5" })], mapping);
    expect(result.errors.map((e) => [e.rowNumber, e.message])).toEqual([
      [2, "Tenure cannot be negative"],
      [3, "Tenure must be a whole number"],
    ]);
  });

  it("skips rows that are blank in every mapped column, keeping the numbering", () => {
    const result = validateRows([row({}), row({ Notes: "only an unmapped note" }), row({ Complaint: "a", Behaviour: "other" })], mapping);
    expect(result.blankRows).toBe(2);
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => v.rowNumber)).toEqual([4]);
  });

  it("carries the External ID, trimmed, and refuses a repeat on the second row", () => {
    const result = validateRows(
      [
        row({ "External ID": " CRM-1 ", Complaint: "a", Behaviour: "other" }),
        row({ "External ID": "CRM-2", Complaint: "b", Behaviour: "other" }),
        row({ "External ID": "CRM-1", Complaint: "c", Behaviour: "other" }),
        row({ Complaint: "d", Behaviour: "other" }),
        row({ Complaint: "e", Behaviour: "other" }),
      ],
      mapping,
    );
    expect(result.valid.map((v) => [v.rowNumber, v.externalId])).toEqual([
      [2, "CRM-1"],
      [3, "CRM-2"],
      [5, undefined],
      [6, undefined],
    ]);
    expect(result.valid[2]).not.toHaveProperty("externalId");
    expect(result.errors).toEqual([
      { rowNumber: 4, field: "externalId", column: "External ID", message: 'External ID "CRM-1" is already used on row 2. Each row needs its own.' },
    ]);
  });

  it("limits the External ID to 100 characters", () => {
    const ok = validateRows([row({ "External ID": "x".repeat(100), Complaint: "a", Behaviour: "other" })], mapping);
    expect(ok.errors).toEqual([]);
    const long = validateRows([row({ "External ID": "x".repeat(101), Complaint: "a", Behaviour: "other" })], mapping);
    expect(long.errors).toEqual([
      { rowNumber: 2, field: "externalId", column: "External ID", message: "The External ID must be 100 characters or fewer" },
    ]);
  });

  it("numbers JSON items from 1 when told to", () => {
    const result = validateRows([row({ Complaint: "", Behaviour: "other" })], mapping, { firstRowNumber: 1 });
    expect(result.errors[0].rowNumber).toBe(1);
  });

  it("with planImport: one bad row blocks the import unless only valid rows are asked for", () => {
    const result = validateRows([row({ Complaint: "a", Behaviour: "other" }), row({ Complaint: "b", Behaviour: "nope" })], mapping);
    expect(planImport(result).ok).toBe(false);
    const plan = planImport(result, { validOnly: true });
    expect(plan.ok && plan.rows.map((r) => r.rowNumber)).toEqual([2]);
  });
});

describe("parseJsonCases", () => {
  it("reads an array of objects, numbering from 1, with every key as a heading", () => {
    const t = table(parseJsonCases(JSON.stringify([{ complaint: "a", behaviour: "other" }, { complaint: "b", tags: ["x", "y"], tenureMonths: 12, confidential: true, region: null }])));
    expect(t.headers).toEqual(["complaint", "behaviour", "tags", "tenureMonths", "confidential", "region"]);
    expect(t.rows[1]).toEqual({ complaint: "b", behaviour: "", tags: "x, y", tenureMonths: "12", confidential: "true", region: "" });
    expect(t.firstRowNumber).toBe(1);
  });

  it("reads { cases: [...] }, maps it and validates it", () => {
    const t = table(parseJsonCases('\uFEFF{"cases":[{"externalId":"J-1","complaint":"Quota up 40%","behaviour":"Attrition or morale","segment":"SMB"}]}'));
    const result = validateRows(t.rows, suggestMapping(t.headers), { firstRowNumber: t.firstRowNumber });
    expect(result.errors).toEqual([]);
    expect(result.valid[0]).toMatchObject({ rowNumber: 1, externalId: "J-1", data: { behaviour: "attrition_morale", segment: "smb" } });
  });

  it("gives clear messages for files it cannot read", () => {
    const err = (text: string) => {
      const r = parseJsonCases(text);
      return isReadError(r) ? r.error : "no error";
    };
    expect(err("{ not json")).toMatch(/^This file is not valid JSON/);
    expect(err('{"rows":[]}')).toBe('The JSON must be a list of cases, or an object with a "cases" list.');
    expect(err("[]")).toBe("The file has no cases in it.");
    expect(err('[{"complaint":"a"}, 3]')).toBe("Case 2 in the file is not an object with fields.");
    expect(err('[{"complaint":{"text":"a"}}]')).toBe('Case 1: "complaint" holds a nested object. Give it as text or a number.');
    expect(err("")).toBe("The file is empty.");
    expect(err('[{"complaint":"r\uFFFDsum\u00e9"}]')).toMatch(/^This file is not UTF-8 text/);
    expect(err('[{"a":1},{"a":2}]')).toBe("no error");
    expect(isReadError(parseJsonCases('[{"a":1},{"a":2}]', { maxRows: 1 }))).toBe(true);
  });
});

describe("100,000 rows", () => {
  it("parse, map and validate in one go", () => {
    const behaviours = ["Pipeline generation", "discounting", "Attrition or morale", "deal_hoarding"];
    const lines = Array.from(
      { length: 100_000 },
      (_, i) => `EXT-${i},"Territory has no pipeline, rep ${i} says ""we cannot hit this""",${behaviours[i % 4]},Mid-Market,EMEA,${i % 120},yes`,
    );
    const text = `External ID,Complaint,Behaviour of concern,Segment,Region,Tenure (months),Confidential\r\n${lines.join("\r\n")}\r\n`;
    const t = table(parseCsv(text));
    const m = suggestMapping(t.headers);
    expect(mappingProblem(m)).toBeNull();
    const result = validateRows(t.rows, m);
    expect(result.errors).toEqual([]);
    expect(result.valid).toHaveLength(100_000);
    expect(result.valid[99_999]).toMatchObject({ rowNumber: 100_001, externalId: "EXT-99999", data: { behaviour: "deal_hoarding", tenureMonths: 99_999 % 120 } });
  }, 60_000);
});

describe("value mapping for list columns (issue 16)", () => {
  const rows = [
    { Complaint: "A", Behaviour: "Discounting", Channel: "email", raised_at: "2026-03-02" },
    { Complaint: "B", Behaviour: "Discounting", Channel: "Slack", raised_at: "2026-03-03" },
    { Complaint: "C", Behaviour: "Discounting", Channel: "1:1", raised_at: "2026-03-04" },
  ];

  it("recognises common spellings of the date raised", () => {
    for (const h of ["raisedAt", "raised_at", "date", "Raised on", "Date raised"]) expect(suggestMapping([h])[h]).toBe("raisedOn");
  });

  it("asks about list values the list does not know, offering the likely one, and then accepts them", () => {
    const mapping = suggestMapping(Object.keys(rows[0]));
    const unknown = unknownValues(rows, mapping);
    expect(unknown).toEqual([{ field: "channel", column: "Channel", values: [{ text: "email", likely: "slack_email" }, { text: "Slack", likely: "slack_email" }] }]);
    expect(validateRows(rows, mapping).errors).toHaveLength(2);
    const values = { channel: { email: "slack_email", slack: "slack_email" } };
    const checked = validateRows(rows, mapping, { values });
    expect(checked.errors).toEqual([]);
    expect(checked.valid.map((v) => v.data.channel)).toEqual(["slack_email", "slack_email", "one_on_one"]);
    expect(unknownValues(rows, mapping, values)).toEqual([]);
  });

  it("ignores a remembered value that is not in the list", () => {
    const mapping = suggestMapping(Object.keys(rows[0]));
    expect(validateRows(rows, mapping, { values: { channel: { email: "carrier_pigeon", slack: "slack_email" } } }).errors).toHaveLength(1);
  });
});
