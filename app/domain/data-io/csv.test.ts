import { describe, expect, it } from "vitest";
import { columnLetter, parseCsv, scanCsv } from "./csv";
import { isReadError, type ReadResult } from "./import-common";

function table(result: ReadResult) {
  if (isReadError(result)) throw new Error(`expected a table, got: ${result.error}`);
  return result;
}

function error(result: ReadResult) {
  if (!isReadError(result)) throw new Error("expected an error");
  return result.error;
}

describe("parseCsv: good files", () => {
  it("reads the header row and keyed rows, numbering from row 2", () => {
    const t = table(parseCsv("Complaint,Segment\r\nQuota too high,SMB\r\nNo leads,Enterprise\r\n"));
    expect(t.headers).toEqual(["Complaint", "Segment"]);
    expect(t.rows).toEqual([
      { Complaint: "Quota too high", Segment: "SMB" },
      { Complaint: "No leads", Segment: "Enterprise" },
    ]);
    expect(t.firstRowNumber).toBe(2);
  });

  it("strips a UTF-8 BOM so it does not stick to the first heading", () => {
    const t = table(parseCsv("\uFEFFComplaint,Segment\nA,B\n"));
    expect(t.headers[0]).toBe("Complaint");
  });

  it("keeps quoted commas, doubled quotes, line breaks and unicode inside cells", () => {
    const t = table(parseCsv('Complaint,Region\n"He said ""no"", then left\nfor good","Zürich 🇨🇭"\n'));
    expect(t.rows).toEqual([{ Complaint: 'He said "no", then left\nfor good', Region: "Zürich 🇨🇭" }]);
  });

  it("trims headings but not values", () => {
    const t = table(parseCsv(" Complaint , Region\n  spaced  ,x\n"));
    expect(t.headers).toEqual(["Complaint", "Region"]);
    expect(t.rows[0].Complaint).toBe("  spaced  ");
  });

  it("ignores blank lines at the end and keeps a blank line in the middle as an empty row (row numbers stay true)", () => {
    const t = table(parseCsv("A,B\n1,2\n\n3,4\n,\n\n"));
    expect(t.rows).toEqual([{ A: "1", B: "2" }, { A: "", B: "" }, { A: "3", B: "4" }]);
  });

  it("undoes the export's formula neutralising", () => {
    const t = table(parseCsv("A,B\n'=1+1,'@x\n''=y,'plain\n"));
    expect(t.rows).toEqual([
      { A: "=1+1", B: "@x" },
      { A: "'=y", B: "'plain" },
    ]);
  });

  it("drops an unnamed column that is empty throughout", () => {
    const t = table(parseCsv("A,,B\n1,,2\n"));
    expect(t.headers).toEqual(["A", "B"]);
    expect(t.rows).toEqual([{ A: "1", B: "2" }]);
  });

  it("reads a header-only file as no rows (the validator says there is nothing to import)", () => {
    expect(table(parseCsv("A,B\n")).rows).toEqual([]);
  });
});

describe("parseCsv: malformed files get a clear message", () => {
  it("an empty file", () => {
    for (const text of ["", "   \n  ", "\uFEFF", ",,\r\n,,\r\n"]) {
      expect(error(parseCsv(text)), JSON.stringify(text)).toBe("The file is empty.");
    }
  });

  it("text that was not UTF-8 (replacement characters after decoding)", () => {
    expect(error(parseCsv("Complaint\nQuota r\uFFFDvision\n"))).toMatch(/^This file is not UTF-8 text/);
  });

  it("a UTF-16 file (NUL characters)", () => {
    expect(error(parseCsv("C\u0000o\u0000m\u0000\n\u0000"))).toMatch(/^This file is not UTF-8 text/);
  });

  it("an Excel workbook instead of a CSV", () => {
    expect(error(parseCsv("PK\u0003\u0004\u0014\u0000binary"))).toMatch(/spreadsheet workbook \(\.xlsx\)/);
  });

  it("a semicolon-separated file is refused with the delimiter named", () => {
    const msg = error(parseCsv("Complaint;Behaviour;Segment\nQuota too high;Discounting;SMB\nNo leads;Pipeline generation;SMB\n"));
    expect(msg).toMatch(/^This file uses ';' between columns/);
    expect(msg).toMatch(/comma/);
  });

  it("a tab-separated file and a pipe-separated file are refused", () => {
    expect(error(parseCsv("Complaint\tSegment\nA\tSMB\n"))).toMatch(/^This file uses tabs between columns/);
    expect(error(parseCsv("Complaint|Segment\nA|SMB\n"))).toMatch(/^This file uses '\|' between columns/);
  });

  it("semicolons inside quoted comma-separated cells are fine", () => {
    const t = table(parseCsv('Complaint,Segment\n"a; b; c",SMB\n"d; e",SMB\n'));
    expect(t.rows[0].Complaint).toBe("a; b; c");
  });

  it("a one-column file whose text has semicolons is read as CSV", () => {
    const t = table(parseCsv("Complaint\nthe plan; it hurts\nterritory; quota; leads\n"));
    expect(t.headers).toEqual(["Complaint"]);
    expect(t.rows).toHaveLength(2);
  });

  it("a duplicated heading (ignoring case)", () => {
    expect(error(parseCsv("Region,Complaint,region\nx,y,z\n"))).toBe(
      'The heading "region" appears twice (columns A and C). Give each column its own heading.',
    );
  });

  it("a column with values but no heading", () => {
    expect(error(parseCsv("A,,B\n1,oops,2\n"))).toMatch(/^Column B has values but no heading/);
  });

  it("a missing heading shows up as rows wider than the header", () => {
    expect(error(parseCsv("Complaint,Segment\nA,SMB,EMEA\nB,SMB,EMEA\n"))).toBe(
      "Row 2 has 3 columns, but the header has 2 (and 1 more row like it). Check that every column has a heading, and that a cell containing a comma is in quotes.",
    );
  });

  it("ragged rows name the first one and count the rest", () => {
    const msg = error(parseCsv("A,B,C\n1,2,3\n1,2\n1,2,3\n1\n1,2,3,4\n"));
    expect(msg).toMatch(/^Row 3 has 2 columns, but the header has 3 \(and 2 more rows like it\)/);
  });

  it("a quote that is never closed", () => {
    expect(error(parseCsv('A,B\n1,2\n3,"never closed\n5,6\n'))).toMatch(/^Row 3 opens a quote/);
  });

  it("too many rows: exactly the limit imports, one more does not", () => {
    const text = (n: number) => `A\n${Array.from({ length: n }, (_, i) => `r${i}`).join("\n")}\n`;
    expect(table(parseCsv(text(5), { maxRows: 5 })).rows).toHaveLength(5);
    expect(error(parseCsv(text(6), { maxRows: 5 }))).toBe(
      "This file has 6 rows; Upstream imports up to 5 at a time. Split it into smaller files and import them one after another.",
    );
  });

  it("too large a file", () => {
    expect(error(parseCsv("A\nxxxxxxxxxx\n", { maxBytes: 10 }))).toMatch(/^This file is 0 MB; Upstream imports files up to 0 MB/);
    // counted in UTF-8 bytes: 4 characters of 3 bytes each is 12 bytes
    expect(isReadError(parseCsv("€€€€", { maxBytes: 11 }))).toBe(true);
  });
});

describe("parseCsv: 100,000 rows", () => {
  it("reads the default maximum of 100,000 rows and refuses 100,001", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `ext-${i},"Quota went up, leads went down (${i})",pipeline_generation,SMB`);
    const text = `External ID,Complaint,Behaviour,Segment\n${lines.join("\n")}\n`;
    const t = table(parseCsv(text));
    expect(t.rows).toHaveLength(100_000);
    expect(t.rows[99_999]["External ID"]).toBe("ext-99999");
    expect(error(parseCsv(`${text}one-more,x,other,SMB\n`))).toMatch(/^This file has 100,001 rows; Upstream imports up to 100,000/);
  });
});

describe("scanCsv: a row at a time", () => {
  const scan = (text: string, options = {}) => {
    const seen: unknown[] = [];
    const result = scanCsv(text, { onHeaders: (headers) => seen.push({ headers }), onRow: (row) => seen.push(row) }, options);
    return { result, seen };
  };

  it("hands the headings over, then each row in order, and returns no rows of its own", () => {
    const { result, seen } = scan("A,B\n1,2\n\n3,4\n\n\n");
    // The blank line inside the file is a row (row numbers match the spreadsheet); those at the end are not.
    expect(seen).toEqual([{ headers: ["A", "B"] }, { A: "1", B: "2" }, { A: "", B: "" }, { A: "3", B: "4" }]);
    expect(result).toEqual({ headers: ["A", "B"], rowCount: 3, firstRowNumber: 2 });
  });

  it("stops handing rows over once a problem is known, and ends in the error", () => {
    const { result, seen } = scan("A,B\n1,2\n3,4\n5\n6,7\n");
    expect(seen).toEqual([{ headers: ["A", "B"] }, { A: "1", B: "2" }, { A: "3", B: "4" }]);
    expect(isReadError(result) && result.error).toMatch(/^Row 4 has 1 columns, but the header has 2/);
  });

  it("a problem only the end shows (too many rows, a heading missing over a used column) is still an error", () => {
    const tooMany = scan("A\nr1\nr2\nr3\n", { maxRows: 2 });
    expect(tooMany.seen).toHaveLength(3); // the headings and the two rows allowed
    expect(isReadError(tooMany.result) && tooMany.result.error).toMatch(/^This file has 3 rows/);
    const unnamed = scan("A,,B\n1,,2\n3,x,4\n");
    expect(isReadError(unnamed.result) && unnamed.result.error).toMatch(/^Column B has values but no heading/);
  });

  it("hands nothing over for a file whose headings repeat", () => {
    const { result, seen } = scan("A,a\n1,2\n");
    expect(seen).toEqual([]);
    expect(isReadError(result) && result.error).toMatch(/appears twice/);
  });
});

describe("columnLetter", () => {
  it("names columns as a spreadsheet does", () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
});
