import { describe, expect, it } from "vitest";
import { allowedNextStatuses, canMoveStatus, statusAfterConclusionConfirmed, statusAfterStepAnswered, statusPath } from "./status";
import { statusValues, type CaseStatus } from "./taxonomy";

describe("canMoveStatus", () => {
  it.each([
    ["new", "triaged"],
    ["triaged", "diagnosing"],
    ["diagnosing", "diagnosed"],
    ["diagnosed", "briefed"],
    ["briefed", "monitoring"],
    ["monitoring", "closed"],
  ] as const)("allows the forward step %s → %s", (from, to) => {
    expect(canMoveStatus(from, to)).toBe(true);
  });

  it("allows a closed case to be reopened", () => {
    expect(canMoveStatus("closed", "reopened")).toBe(true);
  });

  it("allows a reopened case back into the work", () => {
    expect(canMoveStatus("reopened", "triaged")).toBe(true);
    expect(canMoveStatus("reopened", "diagnosing")).toBe(true);
    expect(canMoveStatus("reopened", "closed")).toBe(true);
  });

  it("allows stepping back where a diagnosis falls apart", () => {
    expect(canMoveStatus("diagnosed", "diagnosing")).toBe(true);
    expect(canMoveStatus("diagnosing", "triaged")).toBe(true);
    expect(canMoveStatus("monitoring", "diagnosing")).toBe(true);
  });

  it("allows closing from any open status", () => {
    for (const from of statusValues) {
      if (from === "closed") continue;
      expect(canMoveStatus(from, "closed"), `${from} → closed`).toBe(true);
    }
  });

  it.each([
    ["new", "diagnosed"],
    ["new", "diagnosing"],
    ["new", "briefed"],
    ["triaged", "briefed"],
    ["diagnosing", "monitoring"],
    ["briefed", "diagnosed"],
    ["closed", "new"],
    ["closed", "triaged"],
    ["closed", "closed"],
    ["new", "reopened"],
    ["monitoring", "reopened"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(canMoveStatus(from, to)).toBe(false);
  });

  it("never allows a move to the same status", () => {
    for (const s of statusValues) expect(canMoveStatus(s, s), s).toBe(false);
  });

  it("refuses moves from an unknown status", () => {
    expect(canMoveStatus("archived" as CaseStatus, "new")).toBe(false);
  });
});

describe("allowedNextStatuses", () => {
  it("lists only real statuses, for every status", () => {
    for (const s of statusValues) {
      const next = allowedNextStatuses(s);
      expect(next.length, s).toBeGreaterThan(0);
      for (const n of next) expect(statusValues).toContain(n);
    }
  });

  it("offers only reopening once a case is closed", () => {
    expect(allowedNextStatuses("closed")).toEqual(["reopened"]);
  });

  it("offers triage or closing for a new case", () => {
    expect([...allowedNextStatuses("new")].sort()).toEqual(["closed", "triaged"]);
  });

  it("returns nothing for an unknown status", () => {
    expect(allowedNextStatuses("archived" as CaseStatus)).toEqual([]);
  });

  it("agrees with canMoveStatus", () => {
    for (const from of statusValues)
      for (const to of statusValues)
        expect(canMoveStatus(from, to)).toBe(allowedNextStatuses(from).includes(to));
  });
});

describe("status moves", () => {
  it("moves to diagnosing on the first answered step", () => {
    expect(statusAfterStepAnswered("new")).toBe("diagnosing");
    expect(statusAfterStepAnswered("triaged")).toBe("diagnosing");
    expect(statusAfterStepAnswered("reopened")).toBe("diagnosing");
  });

  it("leaves later statuses alone when a step is answered", () => {
    for (const s of ["diagnosing", "diagnosed", "briefed", "monitoring", "closed"] as const) {
      expect(statusAfterStepAnswered(s)).toBe(s);
    }
  });

  it("moves to diagnosed on a confirmed conclusion", () => {
    for (const s of ["new", "triaged", "reopened", "diagnosing", "diagnosed"] as const) {
      expect(statusAfterConclusionConfirmed(s)).toBe("diagnosed");
    }
    for (const s of ["briefed", "monitoring", "closed"] as const) {
      expect(statusAfterConclusionConfirmed(s)).toBe(s);
    }
  });

  it("every move it makes is reachable through allowed steps", () => {
    for (const from of statusValues) {
      for (const to of [statusAfterStepAnswered(from), statusAfterConclusionConfirmed(from)]) {
        const path = statusPath(from, to);
        expect(path, `${from} → ${to}`).not.toBeNull();
        let at: CaseStatus = from;
        for (const hop of path!) {
          expect(canMoveStatus(at, hop), `${at} → ${hop}`).toBe(true);
          at = hop;
        }
        expect(at).toBe(to);
      }
    }
  });

  it("statusPath finds the shortest documented route", () => {
    expect(statusPath("new", "diagnosing")).toEqual(["triaged", "diagnosing"]);
    expect(statusPath("new", "diagnosed")).toEqual(["triaged", "diagnosing", "diagnosed"]);
    expect(statusPath("diagnosing", "diagnosed")).toEqual(["diagnosed"]);
    expect(statusPath("triaged", "triaged")).toEqual([]);
    expect(statusPath("closed", "new")).toBeNull();
  });
});
