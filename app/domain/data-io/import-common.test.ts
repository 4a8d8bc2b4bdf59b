import { describe, expect, it } from "vitest";
import { SEGMENTS } from "../cases/taxonomy";
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  fileSizeProblem,
  normaliseKey,
  planImport,
  prepareText,
  taxonomyValue,
  utf8ByteLength,
} from "./import-common";

describe("limits", () => {
  it("takes 100,000 rows and refuses a 50 MB file", () => {
    expect(MAX_IMPORT_ROWS).toBe(100_000);
    expect(fileSizeProblem(50_000_000)).toBe(
      "This file is 50 MB; Upstream imports files up to 45 MB. Split it into smaller files and import them one after another.",
    );
    expect(fileSizeProblem(50 * 1024 * 1024)).toMatch(/^This file is 52.4 MB/);
    expect(fileSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
  });

  it("counts UTF-8 bytes", () => {
    // a = 1 byte, é = 2, € = 3, 😀 = 4 (a surrogate pair in JavaScript)
    expect(utf8ByteLength("aé€😀")).toBe(10);
    expect(utf8ByteLength("aé€😀")).toBe(new TextEncoder().encode("aé€😀").length);
  });

  it("refuses a long text before counting its bytes", () => {
    expect(prepareText("x".repeat(101), 100)).toEqual({ error: expect.stringMatching(/^This file is/) });
  });
});

describe("normaliseKey and taxonomyValue", () => {
  it("ignores case, spaces and punctuation", () => {
    expect(normaliseKey("External ID")).toBe("externalid");
    expect(normaliseKey("external_id")).toBe("externalid");
    expect(normaliseKey("Tenure (months)")).toBe("tenuremonths");
  });

  it("accepts a taxonomy value or its label", () => {
    for (const raw of ["Mid-Market", "mid_market", "MID-MARKET", " mid market ", "midmarket"]) {
      expect(taxonomyValue(SEGMENTS, raw), raw).toBe("mid_market");
    }
    expect(taxonomyValue(SEGMENTS, "SMB")).toBe("smb");
    expect(taxonomyValue(SEGMENTS, "Enterprize")).toBeUndefined();
    expect(taxonomyValue(SEGMENTS, "")).toBeUndefined();
  });
});

describe("planImport: all or nothing unless asked", () => {
  const valid = [{ rowNumber: 2 }, { rowNumber: 4 }];
  const errors = [
    { rowNumber: 3, field: "segment", message: "x" },
    { rowNumber: 3, field: "behaviour", message: "y" },
    { rowNumber: 5, field: "complaint", message: "z" },
  ];

  it("imports nothing when any row has a problem", () => {
    expect(planImport({ valid, errors })).toEqual({
      ok: false,
      message: "2 rows have problems, so nothing was imported. Fix them and import the file again, or choose to import only the 2 rows without problems.",
    });
  });

  it("imports the valid rows when explicitly asked, and says which were left out", () => {
    expect(planImport({ valid, errors }, { validOnly: true })).toEqual({ ok: true, rows: valid, skippedRows: [3, 5] });
  });

  it("imports everything when there is no problem", () => {
    expect(planImport({ valid, errors: [] })).toEqual({ ok: true, rows: valid, skippedRows: [] });
  });

  it("refuses when no row is valid, even when asked for the valid rows only", () => {
    expect(planImport({ valid: [], errors }, { validOnly: true })).toEqual({
      ok: false,
      message: "None of the rows can be imported: 2 rows have problems. Nothing was imported.",
    });
    expect(planImport({ valid: [], errors: [] })).toEqual({ ok: false, message: "The file has no rows to import." });
  });

  it("uses the singular for one row", () => {
    const one = planImport({ valid, errors: [errors[0]] });
    expect(one).toEqual({
      ok: false,
      message: "1 row has problems, so nothing was imported. Fix it and import the file again, or choose to import only the 2 rows without problems.",
    });
  });
});
