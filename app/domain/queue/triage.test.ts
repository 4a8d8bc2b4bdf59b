import { describe, expect, it } from "vitest";
import { inPatternScope, statusAfterTriage, triageLabel, triageSchema } from "./triage";

describe("triage", () => {
  it("names a missing class so it cannot be read as the workflow status 'Triaged'", () => {
    expect(triageLabel("")).toBe("Unclassified");
    expect(triageLabel(null)).toBe("Unclassified");
    expect(triageLabel("plan_design")).toBe("Plan-design signal");
    expect(triageLabel("")).not.toMatch(/triaged/i);
  });

  it("sends plan-design signals on to the Five Whys and closes the others", () => {
    expect(statusAfterTriage("new", { triageClass: "plan_design", toWhys: false })).toBe("triaged");
    expect(statusAfterTriage("new", { triageClass: "data_error", toWhys: false })).toBe("closed");
    expect(statusAfterTriage("new", { triageClass: "policy_question", toWhys: true })).toBe("triaged");
    expect(statusAfterTriage("diagnosing", { triageClass: "plan_design", toWhys: false })).toBe("diagnosing");
    expect(statusAfterTriage("closed", { triageClass: "data_error", toWhys: false })).toBe("closed");
  });

  it("asks for a resolution note when the case closes", () => {
    const r = triageSchema.safeParse({ triageClass: "calculation_error", version: "1" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["resolutionNote"]);
    expect(triageSchema.safeParse({ triageClass: "calculation_error", resolutionNote: "Recalculated in payroll.", version: "1" }).success).toBe(true);
    expect(triageSchema.safeParse({ triageClass: "plan_design", version: "1" }).success).toBe(true);
    expect(triageSchema.safeParse({ triageClass: "exception_request", toWhys: "on", version: "1" }).success).toBe(true);
    expect(triageSchema.safeParse({ triageClass: "nope", version: "1" }).success).toBe(false);
  });

  it("counts untriaged and plan-design cases in the patterns", () => {
    expect(inPatternScope("")).toBe(true);
    expect(inPatternScope("plan_design")).toBe(true);
    expect(inPatternScope("data_error")).toBe(false);
  });
});
