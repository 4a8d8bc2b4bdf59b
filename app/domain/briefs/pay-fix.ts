// The brief's sentence on what a change to pay rates would and would not fix, from the
// conclusion of a Five Whys chain (its root cause and the team's pay-fix judgement).
import { causeLabel } from "../cases/taxonomy";
import { lowerFirst } from "../whys/chain";

// What paying more cannot do, per structural cause.
const PAY_CANNOT: Record<string, string> = {
  territory_imbalance: "Paying more does not create opportunity that is not there.",
  segmentation_shift: "Paying more does not put the right accounts in front of the right sellers.",
  product_readiness: "Paying more does not make the product ready to sell.",
  enablement_gap: "Paying more does not teach people what they were never shown.",
  role_definition: "Paying more does not tell people which job is theirs.",
  quota_setting: "Paying more does not make an unreachable number reachable.",
  pricing_packaging: "Paying more does not make the offer easier to buy.",
  sales_motion_mismatch: "Paying more does not fix a sales motion that does not fit how customers buy.",
  data_systems: "Paying more does not fix the data and systems people are measured by.",
  other: "Paying more does not remove a constraint the plan sits on.",
};

function causePhrase(rootCause: string): string {
  if (rootCause === "other" || !rootCause) return "a constraint outside the plan";
  return `${causeLabel(rootCause).toLowerCase()}, a structural constraint`;
}

/** A plain sentence for the brief on what a pay-rate change would and would not fix. */
export function payFixSentence(payFix: string, rootCause: string): string {
  const cannot = PAY_CANNOT[rootCause] ?? PAY_CANNOT.other;
  if (rootCause === "plan_mechanics") {
    if (payFix === "yes")
      return "A pay-rate change would fix this: the cause is in the plan's mechanics, not in a constraint the plan sits on.";
    if (payFix === "partly")
      return "A pay-rate change would partly fix this: the cause is in the plan's mechanics, but check the constraints the plan sits on too.";
    return "A pay-rate change would not fix this: the cause is in how the plan pays, not how much. Fix the mechanics, not the rates.";
  }
  const cause = causePhrase(rootCause);
  if (payFix === "yes")
    return `The team judges that a pay-rate change would fix this, although the cause is ${cause}. Check that judgement: ${lowerFirst(cannot)}`;
  if (payFix === "partly")
    return `A pay-rate change would only partly fix this: the cause is ${cause}. ${cannot} Pair any pay change with the upstream fix.`;
  return `A pay-rate change would not fix this: the cause is ${cause}. ${cannot}`;
}
