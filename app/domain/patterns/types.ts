// Plain data the model layer passes to the patterns domain. Taxonomy values are stored as
// strings (see ../cases/taxonomy.ts); "" means "not recorded".
export type PatternCase = {
  id: number;
  complaint: string;
  title: string;
  raisedOn: Date;
  reporterFunction: string;
  reporterRole: string;
  segment: string;
  tenureMonths: number | null;
  behaviour: string;
  suspectedCause: string;
  rootCause: string;
  /** Who raised it, as an opaque key ("" when unknown): reports from one person count once. */
  reporterKey?: string;
  region?: string;
};

/** The text we compare: the title often names the problem in the reporter's own shorthand. */
export function caseText(c: Pick<PatternCase, "title" | "complaint">): string {
  return c.title ? `${c.title}\n${c.complaint}` : c.complaint;
}
