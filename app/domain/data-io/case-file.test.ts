import { describe, expect, it } from "vitest";
import { checkCaseTable, checkCaseText, ERRORS_SHOWN, importRefusal, readCaseTable, startingMapping } from "./case-file";
import type { ValidCaseRow } from "./case-import";
import { isReadError, type ParsedTable } from "./import-common";

const bytes = (text: string) => new TextEncoder().encode(text);
const none = { values: {}, remembered: {} };

function table(text: string, name = "cases.csv"): ParsedTable {
  const read = readCaseTable(bytes(text), name);
  if (isReadError(read)) throw new Error(read.error);
  return read;
}

describe("readCaseTable", () => {
  it("reads CSV by default and JSON by name or by content", () => {
    expect(table("Complaint,Behaviour\nNo leads,discounting\n").rows).toEqual([{ Complaint: "No leads", Behaviour: "discounting" }]);
    expect(table('[{"complaint": "No leads", "behaviour": "discounting"}]', "cases.json").rows).toHaveLength(1);
    expect(table('  {"cases": [{"complaint": "No leads", "behaviour": "discounting"}]}', "cases.txt").firstRowNumber).toBe(1);
  });

  it("reports bytes that are not UTF-8 instead of reading them", () => {
    const read = readCaseTable(new Uint8Array([0x43, 0x6f, 0xe9, 0x0a]), "cases.csv");
    expect(isReadError(read) && read.error).toMatch(/UTF-8/);
  });
});

describe("checkCaseTable", () => {
  const csv = "External ID,Complaint,Behaviour\nA-1,No leads in my patch,Pipeline generation\nA-2,,discounting\nA-1,Again,discounting\n";

  it("counts ready rows and lists every error with its row, on the mapping a fresh upload starts from", () => {
    const t = table(csv);
    const { check, validation } = checkCaseTable(t, startingMapping(t.headers, null), none);
    expect(check).toMatchObject({ rowCount: 3, validCount: 1, errorCount: 2, mappingProblem: null });
    expect(check.errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [3, "complaint"],
      [4, "externalId"],
    ]);
    expect(validation?.valid[0]).toMatchObject({ rowNumber: 2, externalId: "A-1" });
  });

  it("shows at most ERRORS_SHOWN errors but counts them all", () => {
    const lines = ["Complaint,Behaviour", ...Array.from({ length: ERRORS_SHOWN + 5 }, () => ",discounting")];
    const t = table(lines.join("\n"));
    const { check } = checkCaseTable(t, startingMapping(t.headers, null), none);
    expect(check.errors).toHaveLength(ERRORS_SHOWN);
    expect(check.errorCount).toBe(ERRORS_SHOWN + 5);
  });

  it("checks no row under a mapping problem", () => {
    const t = table(csv);
    const { check, validation } = checkCaseTable(t, { "External ID": "externalId", Complaint: "complaint", Behaviour: null }, none);
    expect(check.mappingProblem).toMatch(/behaviour/i);
    expect(validation).toBeNull();
    expect(importRefusal(check, true)).toBe(check.mappingProblem);
  });

  it("asks about list values it does not know, offering this form's choice as the likely one", () => {
    const t = table("Complaint,Behaviour,Channel\nNo leads,discounting,carrier pigeon\n");
    const mapping = startingMapping(t.headers, null);
    expect(checkCaseTable(t, mapping, none).check.unknownValues).toEqual([{ field: "channel", column: "Channel", values: [{ text: "carrier pigeon", likely: "" }] }]);
    const chosen = checkCaseTable(t, mapping, { values: { channel: { carrierpigeon: "other" } }, remembered: {} });
    expect(chosen.check.unknownValues[0].values[0].likely).toBe("other");
    expect(chosen.check.validCount).toBe(1);
  });
});

describe("checkCaseText: read and checked a row at a time", () => {
  const files: [string, string][] = [
    ["cases.csv", "External ID,Complaint,Behaviour,Channel\nA-1,No leads in my patch,Pipeline generation,carrier pigeon\n\nA-2,,discounting,email\nA-1,Again,discounting,fax\n"],
    ["cases.json", '[{"externalId": "J-1", "complaint": "No leads", "behaviour": "discounting"}, {"complaint": "", "behaviour": "other"}]'],
    ["cases.csv", ["Complaint,Behaviour", ...Array.from({ length: ERRORS_SHOWN + 5 }, (_, i) => (i % 3 ? ",discounting" : `Quota ${i},other`))].join("\n")],
  ];

  it("gives the same preview and the same valid rows as the whole table checked at once", () => {
    for (const [name, text] of files) {
      const t = table(text, name);
      const mapping = startingMapping(t.headers, null);
      const whole = checkCaseTable(t, mapping, none);
      const valid: ValidCaseRow[] = [];
      const read = checkCaseText(text, name, { mapping: () => mapping, choices: none, onValid: (row) => valid.push(row) });
      expect("check" in read && read.check, name).toEqual(whole.check);
      expect(valid, name).toEqual(whole.validation?.valid);
    }
  });

  it("chooses the mapping from the file's own headings", () => {
    const read = checkCaseText(files[0][1], "cases.csv", { mapping: (headers) => startingMapping(headers, null), choices: none });
    expect("check" in read && read.check).toMatchObject({
      headers: ["External ID", "Complaint", "Behaviour", "Channel"],
      mapping: { "External ID": "externalId", Complaint: "complaint", Behaviour: "behaviour", Channel: "channel" },
      rowCount: 4,
    });
  });

  it("says why a file cannot be read, as reading the table does", () => {
    expect(checkCaseText("Complaint;Behaviour\nNo leads;discounting\n", "cases.csv", { mapping: () => ({}), choices: none })).toEqual({
      error: expect.stringMatching(/^This file uses ';' between columns/),
    });
    expect(checkCaseText("[{", "cases.json", { mapping: () => ({}), choices: none })).toHaveProperty("error");
  });
});

describe("importRefusal", () => {
  const t = table("External ID,Complaint,Behaviour\nA-1,No leads,discounting\nA-2,,discounting\n");
  const { check } = checkCaseTable(t, startingMapping(t.headers, null), none);

  it("refuses a file with errors unless only the rows without problems are asked for", () => {
    expect(importRefusal(check, false)).toMatch(/Nothing was imported/);
    expect(importRefusal(check, true)).toBeNull();
  });

  it("refuses a file with no row ready, even with only the rows without problems", () => {
    const bad = table("Complaint,Behaviour\n,discounting\n");
    expect(importRefusal(checkCaseTable(bad, startingMapping(bad.headers, null), none).check, true)).toBe("No row is ready to import.");
  });
});
