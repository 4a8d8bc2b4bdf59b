import type {
  Behaviour,
  CaseStatus,
  Cause,
  Channel,
  Func,
  ReporterRole,
  Segment,
  Severity,
} from "../../app/domain/cases/taxonomy";

export type DemoWhyStep = {
  question: string;
  answer: string;
  evidence: string;
  ownerFunction: Func;
  confidence: "possible" | "likely" | "confirmed";
};

export type DemoConclusion = {
  rootCause: Cause;
  statement: string;
  upstreamFix: string;
  fixOwner: Func;
  payFix: "yes" | "partly" | "no";
  payFixWhy: string;
};

export type DemoCase = {
  title: string;
  complaint: string;
  raisedDaysAgo: number;
  channel: Channel;
  reporterRole: ReporterRole;
  reporterFunction: Func;
  segment: Segment;
  region: string;
  tenureMonths: number | null;
  reporterName: string;
  confidential: boolean;
  behaviour: Behaviour;
  behaviourDetail: string;
  suspectedCause: Cause | "";
  causeDetail: string;
  severity: Severity;
  peopleAffected: number | null;
  revenueAtRisk: number | null;
  tags: string[];
  status: CaseStatus;
  owner: "admin" | "analyst" | null;
  whys?: DemoWhyStep[];
  conclusion?: DemoConclusion;
};
