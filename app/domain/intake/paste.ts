import { z } from "zod";
import { COMPLAINT_MAX, deriveTitle } from "../cases/case-schema";
import type { Behaviour, Cause, Channel, ReporterRole, Segment } from "../cases/taxonomy";

// "Paste a message" intake (issue 16): a complaint arrives as a chat or email message. The
// pasted text is kept as the complaint, word for word; the other fields are suggestions from
// plain keyword rules, for the analyst to check before the case is opened.

export const pasteSchema = z.object({
  message: z
    .string({ message: "Paste the message" })
    .trim()
    .min(1, "Paste the message")
    .max(COMPLAINT_MAX, `Keep the message under ${COMPLAINT_MAX.toLocaleString("en-US")} characters`),
});

export type Suggested = {
  complaint: string;
  title?: string;
  channel?: Channel;
  behaviour?: Behaviour;
  suspectedCause?: Cause;
  segment?: Segment;
  reporterRole?: ReporterRole;
  reporterName?: string;
};

// First match wins: more specific words first.
const BEHAVIOUR_WORDS: [RegExp, Behaviour][] = [
  [/\bsandbag/i, "sandbagging"],
  [/\bdiscount/i, "discounting"],
  [/\bhoard/i, "deal_hoarding"],
  [/\bhand-?offs?\b/i, "bad_handoffs"],
  [/\bforecast|\bcommit\b/i, "forecast_manipulation"],
  [/\bchurn|\brenewals?\b/i, "churn_risk"],
  [/\bquit|\bleaving\b|\bresign|\bmorale|\battrition/i, "attrition_morale"],
  [/\binflat\w* pipe/i, "inflated_pipeline"],
  [/\bpipeline|\bprospect|\bwhitespace/i, "pipeline_generation"],
  [/\bcycle|\bslow to close|\bstall/i, "deal_cycle_length"],
  [/\bquarter[- ]end|\bshort[- ]term|\bpull(ed|ing)? (in|forward)/i, "short_term_focus"],
];

const CAUSE_WORDS: [RegExp, Cause][] = [
  [/\bterritor|\bcarve|\bpatch\b|\baccounts? (were|was) (moved|taken|reassigned)/i, "territory_imbalance"],
  [/\bquota/i, "quota_setting"],
  [/\baccelerator|\bdecelerator|\bcap\b|\bsplit|\bcommission rate|\bclawback|\bspiff/i, "plan_mechanics"],
  [/\bcrm\b|\bsalesforce|\bcredit(ed|ing)?\b|\bwrong (rep|owner)|\bsystem/i, "data_systems"],
  [/\btraining|\benablement|\bplaybook/i, "enablement_gap"],
  [/\bpric(e|ing)|\bpackag|\bbundle/i, "pricing_packaging"],
  [/\bproduct (is|isn't|not) ready|\broadmap|\bmissing feature/i, "product_readiness"],
  [/\bsegment/i, "segmentation_shift"],
];

const SEGMENT_WORDS: [RegExp, Segment][] = [
  [/\bstrategic\b/i, "strategic"],
  [/\benterprise\b/i, "enterprise"],
  [/\bmid[- ]?market\b/i, "mid_market"],
  [/\bsmb\b|\bsmall business/i, "smb"],
];

const ROLE_WORDS: [RegExp, ReporterRole][] = [
  [/\bsdrs?\b|\bbdrs?\b/i, "sdr"],
  [/\bcsms?\b|\bcustomer success manager/i, "csm"],
  [/\bsales engineer|\bses?\b(?= )/i, "se"],
  [/\baccount managers?\b/i, "account_manager"],
  [/\bpartner managers?\b/i, "partner_manager"],
  [/\baes?\b|\baccount executive/i, "ae"],
];

const first = <T>(rules: [RegExp, T][], text: string) => rules.find(([re]) => re.test(text))?.[1];

function channelOf(text: string): Channel | undefined {
  if (/^\s*(from|to|subject|sent|date):/im.test(text) || /\bslack\b|^\s*\[\d{1,2}:\d{2}/im.test(text)) return "slack_email";
  if (/\b1:1\b|\bone[- ]on[- ]one\b/i.test(text)) return "one_on_one";
  if (/\bexit interview/i.test(text)) return "exit_interview";
  if (/\bsurvey\b/i.test(text)) return "survey";
  if (/\bqbr\b/i.test(text)) return "qbr";
  return undefined;
}

/** A "From: Ana Ruiz <ana@x.com>" header, or a "Ana Ruiz  10:42 AM" chat line, names the sender. */
function senderOf(text: string): string | undefined {
  const from = /^\s*from:\s*"?([^"<\n@]{2,80}?)"?\s*(<[^>\n]*>)?\s*$/im.exec(text);
  if (from) return from[1].trim();
  const chat = /^\s*([A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3})\s+\d{1,2}:\d{2}\s*(AM|PM)?\s*$/m.exec(text);
  return chat?.[1];
}

const HEADER = /^\s*(from|to|cc|subject|sent|date):.*$/gim;

/** A title: the email's subject, else the first sentence of the message without its headers. */
function titleOf(text: string): string | undefined {
  const subject = /^\s*subject:\s*(.+)$/im.exec(text)?.[1]?.trim();
  if (subject) return subject.slice(0, 120);
  const body = text.replace(HEADER, "").replace(/^\s*[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3}\s+\d{1,2}:\d{2}\s*(AM|PM)?\s*$/m, "").trim();
  return body ? deriveTitle(body) : undefined;
}

export function suggestFromMessage(message: string): Suggested {
  const text = message.trim();
  return {
    complaint: text,
    title: titleOf(text),
    channel: channelOf(text),
    behaviour: first(BEHAVIOUR_WORDS, text),
    suspectedCause: first(CAUSE_WORDS, text),
    segment: first(SEGMENT_WORDS, text),
    reporterRole: first(ROLE_WORDS, text),
    reporterName: senderOf(text),
  };
}
