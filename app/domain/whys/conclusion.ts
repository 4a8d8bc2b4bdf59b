import type { Conclusion } from "./chain";

/** The conclusion columns of a case, as stored. */
export type StoredConclusion = {
  rootCause: string;
  rootCauseStatement: string;
  rootCauseJustification: string;
  upstreamFix: string;
  fixOwner: string;
  payFix: string;
  payFixWhy: string;
};

/** The stored columns as a chain conclusion, or null while no root cause is chosen. */
export function conclusionOf(c: StoredConclusion): Conclusion | null {
  if (!c.rootCause) return null;
  return {
    rootCause: c.rootCause,
    statement: c.rootCauseStatement,
    justification: c.rootCauseJustification,
    upstreamFix: c.upstreamFix,
    fixOwner: c.fixOwner,
    payFix: c.payFix,
    payFixWhy: c.payFixWhy,
  };
}
