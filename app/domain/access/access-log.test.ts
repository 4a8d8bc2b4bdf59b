import { describe, expect, it } from "vitest";
import { accessDateRange, accessFilterQuery, parseAccessFilters, retentionDays } from "./access-log";

describe("access log filters", () => {
  it("reads the filters from the URL and writes them back", () => {
    const params = new URLSearchParams("user=ana%40x.test&action=read&subject=case&subjectId=12&confidential=1&from=2026-11-01&to=2026-11-26&page=3");
    const filters = parseAccessFilters(params);
    expect(filters).toEqual({ user: "ana@x.test", action: "read", subject: "case", subjectId: "12", confidential: true, from: "2026-11-01", to: "2026-11-26", page: 3 });
    expect(Object.fromEntries(new URLSearchParams(accessFilterQuery(filters)))).toEqual(Object.fromEntries(params));
    expect(accessFilterQuery(filters, { page: 1 })).not.toContain("page");
  });

  it("drops a filter that does not parse instead of failing the page", () => {
    const filters = parseAccessFilters(new URLSearchParams("action=delete&subject=x&from=2026-13-45&page=-2&subjectId=a%20b&user=%00"));
    expect(filters).toEqual({ user: undefined, action: undefined, subject: undefined, subjectId: undefined, confidential: undefined, from: undefined, to: undefined, page: 1 });
  });

  it("takes `to` as a whole day", () => {
    const { from, to } = accessDateRange(parseAccessFilters(new URLSearchParams("from=2026-11-26&to=2026-11-26")));
    expect(to!.getTime() - from!.getTime()).toBe(86_400_000);
  });

  it("keeps a year unless ACCESS_LOG_DAYS says otherwise", () => {
    expect(retentionDays(undefined)).toBe(365);
    expect(retentionDays("90")).toBe(90);
    for (const bad of ["0", "-1", "1.5", "ten", ""]) expect(retentionDays(bad)).toBe(365);
  });
});
