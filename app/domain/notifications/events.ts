import { z } from "zod";

// What Upstream tells people about (issue 16), how each person hears of it, and the words.
// Text for anyone outside the comp team carries a link and a case number, never case content:
// an email leaves the app's privacy layer the moment it is sent.

export const NOTIFICATION_KINDS = [
  { value: "question_asked", label: "A question is put to me", audience: "leaders" },
  { value: "question_answered", label: "A leader answers a question I asked", audience: "comp-team" },
  { value: "case_assigned", label: "A case is assigned to me", audience: "comp-team" },
  { value: "sla_at_risk", label: "A case of mine is close to or past its SLA", audience: "comp-team" },
  { value: "brief_published", label: "A brief is published", audience: "everyone" },
  // Raised by the actions feature (issue 15); defined here so preferences and the inbox know it.
  { value: "action_due", label: "An action of mine is due or overdue", audience: "everyone" },
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]["value"];
export const kindValues = NOTIFICATION_KINDS.map((k) => k.value) as [NotificationKind, ...NotificationKind[]];

export const CHANNELS = [
  { value: "app", label: "In the app" },
  { value: "email", label: "In the app and by email" },
  { value: "off", label: "Off" },
] as const;
export type Channel = (typeof CHANNELS)[number]["value"];
const channelValues = CHANNELS.map((c) => c.value) as [Channel, ...Channel[]];

/** Without a choice: in the app and by email (the point is not to wait for a sign-in). */
export const DEFAULT_CHANNEL: Channel = "email";
export const DIGEST_KIND = "weekly_digest";

const channel = z.enum(channelValues, { message: "Choose how to hear of it" }).default(DEFAULT_CHANNEL);

export const preferencesSchema = z.object({
  question_asked: channel,
  question_answered: channel,
  case_assigned: channel,
  sla_at_risk: channel,
  brief_published: channel,
  action_due: channel,
  // A weekly digest instead of an email per event.
  weeklyDigest: z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true"),
}) satisfies z.ZodType<Record<NotificationKind, Channel> & { weeklyDigest: boolean }, unknown>;

export type Preferences = Record<NotificationKind, Channel> & { weeklyDigest: boolean };

export function preferencesFrom(rows: readonly { kind: string; channel: string }[]): Preferences {
  const byKind = new Map(rows.map((r) => [r.kind, r.channel]));
  const prefs = Object.fromEntries(
    kindValues.map((k) => {
      const c = byKind.get(k);
      return [k, (channelValues as string[]).includes(c ?? "") ? c : DEFAULT_CHANNEL];
    }),
  ) as Record<NotificationKind, Channel>;
  return { ...prefs, weeklyDigest: byKind.get(DIGEST_KIND) === "email" };
}

/**
 * What a recipient hears: "app" (inbox only), "email" (inbox and an email now), "inbox-digest"
 * (inbox now, by email in the weekly digest), or nothing.
 */
export function deliveryFor(prefs: Preferences, kind: NotificationKind): "none" | "app" | "email" | "inbox-digest" {
  const channel = prefs[kind];
  if (channel === "off") return "none";
  if (channel === "app") return "app";
  return prefs.weeklyDigest ? "inbox-digest" : "email";
}

type Audience = "comp-team" | "outside" | "executive";
export type EventFacts = { caseId?: number; caseTitle?: string; briefId?: number; actorName?: string; days?: number; actionId?: number; overdue?: boolean; breached?: SlaClock };
/** Which SLA clock a breach notice is about: each is told once, apart from the at-risk warning. */
export type SlaClock = "first_response" | "diagnosis";
const CLOCK_WORDS: Record<SlaClock, string> = { first_response: "first-response", diagnosis: "diagnosis" };

/** The one line a notification says, for its recipient; outside the comp team no case content. */
export function notificationTitle(kind: NotificationKind, audience: Audience, f: EventFacts): string {
  const ref = f.caseId ? `case #${f.caseId}` : "a case";
  const named = audience === "comp-team" && f.caseTitle ? `${ref} (${f.caseTitle})` : ref;
  switch (kind) {
    case "question_asked":
      return `A Five Whys question on ${ref} is waiting for your answer`;
    case "question_answered":
      return `${f.actorName ?? "A sales leader"} answered your question on ${named}`;
    case "case_assigned":
      return `${f.actorName ?? "Someone"} assigned ${named} to you`;
    case "sla_at_risk":
      return `${named[0].toUpperCase()}${named.slice(1)} ${f.breached ? `is past its ${CLOCK_WORDS[f.breached]} SLA` : "is close to its SLA"}`;
    case "brief_published":
      return "A leadership brief was published for you to read";
    case "action_due":
      // The action's words may quote a case: the line names it by number only.
      return `${f.actionId ? `Action #${f.actionId}` : "An action"} of yours is ${f.overdue ? "overdue" : "due within two days"}`;
  }
}

export function linkFor(kind: NotificationKind, f: EventFacts): string {
  if (kind === "question_asked") return "/questions";
  if (kind === "brief_published" && f.briefId) return `/briefs/${f.briefId}`;
  if (kind === "question_answered" && f.caseId) return `/cases/${f.caseId}/whys`;
  if (kind === "action_due" && f.actionId) return `/actions/${f.actionId}`;
  return f.caseId ? `/cases/${f.caseId}` : "/inbox";
}

export type MailItem = { title: string; link: string; at: Date };

/** An email: the line, and the link to open in Upstream. No case content beyond the title. */
export function eventEmail(baseUrl: string, item: MailItem) {
  return {
    subject: `Upstream: ${item.title}`,
    text: `${item.title}.\n\nOpen it in Upstream: ${baseUrl}${item.link}\n\nChoose what you are told about at ${baseUrl}/inbox.`,
  };
}

/** The weekly digest: every item of the week as a line and a link. */
export function digestEmail(baseUrl: string, name: string, items: readonly MailItem[]) {
  const lines = items.map((i) => `- ${i.title}: ${baseUrl}${i.link}`);
  return {
    subject: "Upstream: your week",
    text: `Hello ${name},\n\nWhat happened in Upstream for you this week:\n\n${lines.join("\n")}\n\nYour inbox: ${baseUrl}/inbox`,
  };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The digest's week: it starts Monday 00:00 UTC (business time, as the SLA clocks). The digest
 * made in a week covers what came before its Monday, so it is made by the first sweep on or
 * after that Monday; `key` makes it one per person per week.
 */
export function digestWeek(at: Date): { start: Date; key: string } {
  const day = Math.floor(at.getTime() / DAY);
  const monday = day - ((day + 3) % 7); // 1970-01-01 was a Thursday
  const start = new Date(monday * DAY);
  return { start, key: `digest:${start.toISOString().slice(0, 10)}` };
}

/** The digest's line in the inbox. Executives get no count (no figure that small reaches them). */
export function digestTitle(audience: Audience, items: number): string {
  if (audience === "executive") return "Your weekly digest is ready";
  return `Your weekly digest: ${items} update${items === 1 ? "" : "s"} from last week`;
}
