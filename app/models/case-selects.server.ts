// The pieces of a case that models select, named once so that a list, a grouping and a brief
// read the same columns by the same name. Reporter identity is in none of them: a model adds
// `reporterName` explicitly, where it needs it and says why.
import type { Prisma } from "~/generated/prisma/client";

/** Who raised it, as a role in the organisation (never as a person). */
export const reporterProfileSelect = {
  reporterFunction: true,
  reporterRole: true,
  segment: true,
  tenureMonths: true,
} satisfies Prisma.CaseSelect;

/** The behaviour of concern and the causes: suspected at intake, diagnosed by the Five Whys. */
export const causeSelect = { behaviour: true, suspectedCause: true, rootCause: true } satisfies Prisma.CaseSelect;

/** The Five Whys conclusion. */
export const conclusionSelect = {
  rootCause: true,
  rootCauseStatement: true,
  rootCauseJustification: true,
  upstreamFix: true,
  fixOwner: true,
  payFix: true,
  payFixWhy: true,
} satisfies Prisma.CaseSelect;
