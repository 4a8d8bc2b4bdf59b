import { describe, expect, it } from "vitest";
import { patternLife } from "./pattern-life";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const act = (status: string, extra: Partial<{ doneAt: Date; verdict: string; verdictAt: Date }> = {}) => ({ status, doneAt: null, verdict: "", verdictAt: null, ...extra });

describe("patternLife", () => {
  it("follows the work from open to resolved", () => {
    expect(patternLife({ publishedBriefs: 0, actions: [], recurrences: [] })).toBe("open");
    expect(patternLife({ publishedBriefs: 1, actions: [], recurrences: [] })).toBe("briefed");
    expect(patternLife({ publishedBriefs: 1, actions: [act("approved")], recurrences: [] })).toBe("fixing");
    expect(patternLife({ publishedBriefs: 1, actions: [act("done", { doneAt: d("2026-01-01") })], recurrences: [] })).toBe("monitoring");
    expect(patternLife({ publishedBriefs: 1, actions: [act("done", { doneAt: d("2026-01-01"), verdict: "effective", verdictAt: d("2026-04-01") })], recurrences: [] })).toBe("resolved");
  });

  it("is recurring when the check said the fix did not work, or a like case came after it", () => {
    expect(patternLife({ publishedBriefs: 1, actions: [act("done", { doneAt: d("2026-01-01"), verdict: "not_effective", verdictAt: d("2026-04-01") })], recurrences: [] })).toBe("recurring");
    expect(patternLife({ publishedBriefs: 1, actions: [act("done", { doneAt: d("2026-01-01") })], recurrences: [d("2026-02-01")] })).toBe("recurring");
    // A flag from before the fix is not a recurrence of it.
    expect(patternLife({ publishedBriefs: 1, actions: [act("done", { doneAt: d("2026-01-01") })], recurrences: [d("2025-12-01")] })).toBe("monitoring");
  });

  it("ignores rejected actions", () => {
    expect(patternLife({ publishedBriefs: 1, actions: [act("rejected")], recurrences: [] })).toBe("briefed");
  });
});
