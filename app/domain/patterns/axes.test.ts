import { describe, expect, it } from "vitest";
import { axisLabel, axisValue, compareAxisValues } from "./axes";
import { makeCase } from "./fixtures/make-case";
import { caseText } from "./types";

describe("axes", () => {
  it("reads each dimension of a case, blank as unknown", () => {
    const c = makeCase({ reporterFunction: "finance", reporterRole: "", segment: "smb", tenureMonths: 7, behaviour: "discounting" });
    expect(axisValue(c, "function")).toBe("finance");
    expect(axisValue(c, "role")).toBe("unknown");
    expect(axisValue(c, "segment")).toBe("smb");
    expect(axisValue(c, "tenure")).toBe("6to12m");
    expect(axisValue(c, "behaviour")).toBe("discounting");
    expect(axisValue(c, "cause")).toBe("unknown");
  });

  it("labels unknown per dimension, and an old value outside the taxonomy as itself", () => {
    expect(axisLabel("cause", "unknown")).toBe("Not known yet");
    expect(axisLabel("tenure", "unknown")).toBe("Unknown");
    expect(axisLabel("role", "unknown")).toBe("Not recorded");
    expect(axisLabel("function", "legal")).toBe("legal");
  });

  it("orders by taxonomy, then values outside it, then unknown", () => {
    const values = ["unknown", "zeta", "quota_setting", "alpha", "territory_imbalance"];
    expect(values.sort((a, b) => compareAxisValues("cause", a, b))).toEqual([
      "territory_imbalance",
      "quota_setting",
      "alpha",
      "zeta",
      "unknown",
    ]);
  });

  it("compares the title with the complaint", () => {
    expect(caseText({ title: "Carve", complaint: "My patch shrank" })).toBe("Carve\nMy patch shrank");
    expect(caseText({ title: "", complaint: "My patch shrank" })).toBe("My patch shrank");
  });
});
