import { describe, expect, it } from "vitest";
import { payFixSentence } from "./pay-fix";

describe("payFixSentence", () => {
  it("says a pay-rate change would not fix a structural cause", () => {
    expect(payFixSentence("no", "territory_imbalance")).toBe(
      "A pay-rate change would not fix this: the cause is territory imbalance, a structural constraint. " +
        "Paying more does not create opportunity that is not there.",
    );
  });

  it("says yes for plan mechanics", () => {
    expect(payFixSentence("yes", "plan_mechanics")).toMatch(/^A pay-rate change would fix this: the cause is in the plan's mechanics/);
  });

  it("says partly and questions a yes on a structural cause", () => {
    expect(payFixSentence("partly", "enablement_gap")).toMatch(/^A pay-rate change would only partly fix this: the cause is enablement gap/);
    expect(payFixSentence("yes", "product_readiness")).toMatch(/Check that judgement: paying more does not make the product ready to sell\.$/);
  });

  it("never reads 'the cause is other'", () => {
    expect(payFixSentence("no", "other")).toBe(
      "A pay-rate change would not fix this: the cause is a constraint outside the plan. Paying more does not remove a constraint the plan sits on.",
    );
  });
});
