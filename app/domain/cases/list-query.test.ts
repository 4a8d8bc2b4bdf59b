import { describe, expect, it } from "vitest";
import {
  COUNT_CAP,
  FILTER_KEYS,
  activeFilterCount,
  caseListSearch,
  countLabel,
  decodeCursor,
  encodeCursor,
  parseCaseListQuery,
  usesKeyset,
  type CaseListQuery,
} from "./list-query";

const parse = (s: string) => parseCaseListQuery(new URLSearchParams(s));

describe("parseCaseListQuery", () => {
  it("returns an empty query for an empty URL", () => {
    expect(parse("")).toEqual({});
  });

  it("keeps every valid filter", () => {
    expect(
      parse(
        "q=quota&status=triaged&function=sales&role=ae&segment=smb&tenure=1to2y&behaviour=discounting" +
          "&cause=quota_setting&owner=u_123&from=2026-01-01&to=2026-03-31&sort=-severity&page=3",
      ),
    ).toEqual({
      q: "quota",
      status: "triaged",
      function: "sales",
      role: "ae",
      segment: "smb",
      tenure: "1to2y",
      behaviour: "discounting",
      cause: "quota_setting",
      owner: "u_123",
      from: "2026-01-01",
      to: "2026-03-31",
      sort: "-severity",
      page: 3,
    });
  });

  it("turns page into a number", () => {
    expect(parse("page=7").page).toBe(7);
  });

  it("drops unknown taxonomy values but keeps the valid filters beside them", () => {
    expect(parse("status=archived&segment=banana&tenure=10y&behaviour=discounting&sort=name")).toEqual({
      behaviour: "discounting",
    });
  });

  it("drops malformed pages", () => {
    for (const p of ["0", "-1", "1.5", "abc", "100001"]) expect(parse(`page=${p}`), p).toEqual({});
  });

  it("drops malformed dates", () => {
    expect(parse("from=yesterday&to=2026-13-01")).toEqual({});
    expect(parse("from=31/03/2026")).toEqual({});
  });

  it("drops blank values and a search that is only spaces", () => {
    expect(parse("q=&status=&owner=")).toEqual({});
    expect(parse("q=%20%20%20")).toEqual({});
  });

  it("trims the search text", () => {
    expect(parse("q=%20%20territory%20").q).toBe("territory");
  });

  it("drops an over-long search rather than failing", () => {
    expect(parse(`q=${"a".repeat(201)}`)).toEqual({});
    expect(parse(`q=${"a".repeat(200)}`).q).toHaveLength(200);
  });

  it("strips control characters (U+0000–U+001F, U+007F) from the search and the other parameters", () => {
    expect(parse("q=%00")).toEqual({});
    expect(parse("q=%00%01%1F%7F%20")).toEqual({});
    expect(parse("q=quo%00ta%09plan%0A").q).toBe("quotaplan");
    expect(parse("q=%7Fterritory%1B").q).toBe("territory");
    expect(parse("owner=u_%00123").owner).toBe("u_123");
    expect(parse("owner=%00")).toEqual({});
    expect(parse("status=new%00&segment=%0Asmb&from=2026-01-01%00&page=2%00")).toEqual({
      status: "new",
      segment: "smb",
      from: "2026-01-01",
      page: 2,
    });
    // Only control characters: printable text around them is untouched.
    expect(parse("q=caf%C3%A9%20%E2%80%94%20rate").q).toBe("café — rate");
  });

  it("ignores parameters it does not know", () => {
    expect(parse("foo=bar&status=new")).toEqual({ status: "new" });
  });
});

describe("caseListSearch", () => {
  it("is empty when there are no filters", () => {
    expect(caseListSearch({})).toBe("");
  });

  it("omits page 1 and blank values", () => {
    expect(caseListSearch({ page: 1 })).toBe("");
    expect(caseListSearch({ q: "", owner: "", status: "new" })).toBe("?status=new");
  });

  it("keeps pages after the first", () => {
    expect(caseListSearch({ page: 2 })).toBe("?page=2");
  });

  it("writes parameters in a stable order", () => {
    expect(caseListSearch({ sort: "status", status: "new", q: "quota" })).toBe("?q=quota&status=new&sort=status");
  });

  it("escapes search text", () => {
    const s = caseListSearch({ q: "a&b=c" });
    expect(new URLSearchParams(s).get("q")).toBe("a&b=c");
  });

  it("round-trips through parseCaseListQuery", () => {
    const query: CaseListQuery = {
      q: "rate increase",
      status: "diagnosing",
      function: "customer_success",
      role: "csm",
      segment: "enterprise",
      tenure: "4yplus",
      behaviour: "attrition_morale",
      cause: "territory_imbalance",
      owner: "user-1",
      from: "2026-01-01",
      to: "2026-06-30",
      sort: "-updatedAt",
      page: 4,
    };
    expect(parseCaseListQuery(new URLSearchParams(caseListSearch(query)))).toEqual(query);
  });

  it("lets a patch override a filter", () => {
    expect(caseListSearch({ status: "new", page: 3 }, { page: 4 })).toBe("?status=new&page=4");
    expect(caseListSearch({ status: "new" }, { status: "closed" })).toBe("?status=closed");
  });

  it("lets a patch reset to the first page", () => {
    expect(caseListSearch({ status: "new", page: 5 }, { page: 1 })).toBe("?status=new");
  });

  it("lets a patch clear a filter", () => {
    expect(caseListSearch({ status: "new", segment: "smb" }, { segment: undefined })).toBe("?status=new");
  });

  it("does not change the query it was given", () => {
    const query: CaseListQuery = { status: "new" };
    caseListSearch(query, { status: "closed" });
    expect(query).toEqual({ status: "new" });
  });
});

describe("activeFilterCount", () => {
  it("is zero with no filters", () => {
    expect(activeFilterCount({})).toBe(0);
  });

  it("ignores sort and page", () => {
    expect(activeFilterCount({ sort: "-severity", page: 3 })).toBe(0);
  });

  it("counts each real filter", () => {
    expect(activeFilterCount({ q: "quota", status: "new", from: "2026-01-01", sort: "status", page: 2 })).toBe(3);
  });

  it("counts all filters when every one is set", () => {
    const all = parse(
      "q=x&status=new&function=sales&role=ae&segment=smb&tenure=lt6m&behaviour=other&cause=other" +
        "&owner=u&view=mine&triage=plan_design&from=2026-01-01&to=2026-01-02&sort=status&page=2",
    );
    expect(activeFilterCount(all)).toBe(FILTER_KEYS.length - 4); // not sort, page, after, before
  });

  it("ignores the page cursors", () => {
    expect(activeFilterCount({ page: 3, after: "1772323200000_42", before: "1772323200000_17" })).toBe(0);
  });
});

describe("page cursors", () => {
  const cursor = encodeCursor({ raisedOn: new Date("2026-03-01T00:00:00.000Z"), id: 42 });

  it("round-trip a row's date and id", () => {
    expect(cursor).toBe("1772323200000_42");
    expect(decodeCursor(cursor)).toEqual({ raisedOn: new Date("2026-03-01T00:00:00.000Z"), id: 42 });
    expect(encodeCursor({ raisedOn: "2026-03-01T00:00:00.000Z", id: 42 })).toBe(cursor);
  });

  it("are parsed from the URL and malformed ones dropped", () => {
    expect(parse(`page=2&after=${cursor}`)).toEqual({ page: 2, after: cursor });
    expect(parse(`page=2&before=${cursor}`)).toEqual({ page: 2, before: cursor });
    for (const bad of ["42", "abc_1", "1_", "_1", "1.5_2", "1_2_3", `${"9".repeat(16)}_1`, "1_99999999999"]) {
      expect(parse(`page=2&after=${bad}`), bad).toEqual({ page: 2 });
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });

  it("stay in a link only with a page after the first", () => {
    expect(caseListSearch({ page: 3, after: cursor })).toBe(`?page=3&after=${cursor}`);
    expect(caseListSearch({ after: cursor })).toBe("");
    expect(caseListSearch({ page: 3, after: cursor }, { page: 1 })).toBe("");
  });

  it("are dropped by any other change of the query, unless the change sets one", () => {
    const query: CaseListQuery = { segment: "smb", page: 3, after: cursor };
    expect(caseListSearch(query, { status: "new", page: undefined })).toBe("?status=new&segment=smb");
    expect(caseListSearch(query, { page: 7 })).toBe("?segment=smb&page=7");
    expect(caseListSearch(query, { page: 4, after: "1772323200000_7" })).toBe("?segment=smb&page=4&after=1772323200000_7");
    expect(caseListSearch(query, { page: 2, before: "1772323200000_9" })).toBe("?segment=smb&page=2&before=1772323200000_9");
  });

  it("apply to the date orders only", () => {
    expect(usesKeyset(undefined)).toBe(true);
    expect(usesKeyset("-raisedOn")).toBe(true);
    expect(usesKeyset("raisedOn")).toBe(true);
    expect(usesKeyset("-severity")).toBe(false);
    expect(usesKeyset("status")).toBe(false);
    expect(usesKeyset("-updatedAt")).toBe(false);
  });
});

describe("countLabel", () => {
  it("writes counts up to the cap in full and past it as cap+", () => {
    expect(countLabel(0)).toBe("0");
    expect(countLabel(9_798)).toBe("9,798");
    expect(countLabel(COUNT_CAP)).toBe("10,000");
    expect(countLabel(COUNT_CAP + 1)).toBe("10,000+");
    expect(countLabel(6, 5)).toBe("5+");
  });
});
