import type { Prisma } from "~/generated/prisma/client";
import { isRole, type Role } from "~/domain/auth/permissions";
import {
  deliveryFor,
  digestEmail,
  DIGEST_KIND,
  digestTitle,
  digestWeek,
  eventEmail,
  kindValues,
  linkFor,
  notificationTitle,
  preferencesFrom,
  type EventFacts,
  type NotificationKind,
  type Preferences,
} from "~/domain/notifications/events";
import { audienceOf } from "~/domain/privacy/case-view";
import { DAY_MS, now, onceEvery } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { appUrl, sendMail } from "~/utils/mailer.server";
import { pauseEvery, SWEEP_TURN_MS } from "~/utils/turns.server";
import { forViewer } from "./case-privacy.server";

// In-app notifications (the bell, /inbox) and their emails. Every line is written for its
// recipient and, for anyone outside the comp team, passed through the privacy layer as well
// (forViewer scrubs the case's reporter names): a line never carries a reporter's identity.

type Recipient = { id: string; email: string; name: string; role: Role; active: boolean };

async function recipients(userIds: readonly string[]): Promise<Recipient[]> {
  const rows = await db.user.findMany({ where: { id: { in: [...new Set(userIds)] }, active: true }, select: { id: true, email: true, name: true, role: true, active: true } });
  return rows.filter((r) => isRole(r.role)).map((r) => ({ ...r, role: r.role as Role }));
}

export async function preferencesOf(userId: string): Promise<Preferences> {
  return preferencesFrom(await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, channel: true } }));
}

export async function savePreferences(userId: string, prefs: Preferences) {
  const rows = [...kindValues.map((k) => ({ userId, kind: k, channel: prefs[k] })), { userId, kind: DIGEST_KIND, channel: prefs.weeklyDigest ? "email" : "off" }];
  // One statement per row, each an upsert: the last save wins, nothing half-written matters.
  for (const r of rows) {
    await db.notificationPreference.upsert({ where: { userId_kind: { userId, kind: r.kind } }, create: r, update: { channel: r.channel } });
  }
}

/**
 * Tells each user of `userIds` about an event, as their preferences say. `dedupeKey`: an event
 * that may be raised again (an SLA still at risk) reaches each person once. Returns who got an
 * email, for tests and the digest button.
 */
export async function notify(userIds: readonly string[], kind: NotificationKind, facts: EventFacts, dedupeKey?: string): Promise<string[]> {
  const emailed: string[] = [];
  for (const user of await recipients(userIds)) {
    const delivery = deliveryFor(await preferencesOf(user.id), kind);
    if (delivery === "none") continue;
    const audience = audienceOf(user.role) === "comp-team" ? "comp-team" : "outside";
    const raw = { title: notificationTitle(kind, audience, facts), link: linkFor(kind, facts) };
    const shown = facts.caseId ? await forViewer(user, [facts.caseId], raw) : raw;
    if (dedupeKey && (await db.notification.count({ where: { userId: user.id, dedupeKey } })) > 0) continue;
    const row = await createOnce({ userId: user.id, kind, title: shown.title, link: shown.link, caseId: facts.caseId ?? null, dedupeKey: dedupeKey ?? null, createdAt: now() });
    if (!row) continue; // a concurrent sweep wrote it first: that one tells them
    if (delivery !== "email") continue;
    if (await sendMail(user.email, eventEmail(appUrl(), { ...shown, at: row.createdAt }))) {
      await db.notification.update({ where: { id: row.id }, data: { emailedAt: now() } });
      emailed.push(user.email);
    }
  }
  return emailed;
}

/**
 * Writes a notification unless one with the same (user, dedupeKey) exists: the unique index
 * decides, so two sweeps running at once cannot both notify. Null when it was there already.
 */
async function createOnce(data: Prisma.NotificationUncheckedCreateInput) {
  try {
    return await db.notification.create({ data, select: { id: true, createdAt: true } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/** The badge on every page: one statement of our own (through Prisma, ~0.6 ms of the server's thread compiling it). */
export async function unreadCount(userId: string) {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "Notification" WHERE "userId" = ? AND "readAt" IS NULL`, userId);
  return Number(row?.n ?? 0);
}

export function listInbox(userId: string, take = 100) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, link: true, createdAt: true, readAt: true },
  });
}

/** Marks one notification (or all of the user's) read; only the user's own. */
export async function markRead(userId: string, id?: number) {
  await db.notification.updateMany({ where: { userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: now() } });
}

const digestSweepDue = onceEvery(5 * 60_000);

/**
 * The weekly digest, made by the sweep that runs as people use the app (no scheduler): from
 * Monday (UTC, the app's clock) each person who chose the digest gets one inbox line for the
 * week — and an email listing the lines and links when SMTP_URL is set — covering what they
 * were told since their last digest (at most the week before that Monday). Nothing to tell, no
 * digest. One per person per week: the digest row's (user, week) key is unique, so sweeps
 * running at once cannot both make it. The lines were written for their recipient already
 * (scrubbed, no case content outside the comp team); an executive's digest line has no count.
 */
export async function sweepWeeklyDigests(force = false): Promise<{ sent: string[]; prepared: number; people: number }> {
  const at = now();
  if (!digestSweepDue(force)) return { sent: [], prepared: 0, people: 0 };
  const week = digestWeek(at);
  const chose = await db.notificationPreference.findMany({ where: { kind: DIGEST_KIND, channel: "email" }, select: { userId: true } });
  const made = new Set((await db.notification.findMany({ where: { dedupeKey: week.key, userId: { in: chose.map((c) => c.userId) } }, select: { userId: true } })).map((n) => n.userId));
  const sent: string[] = [];
  let prepared = 0;
  // Paused between people (sweepSlaRisks): the queries answer at once, a mail may not be sent.
  const pause = pauseEvery(SWEEP_TURN_MS);
  for (const user of await recipients(chose.map((c) => c.userId).filter((id) => !made.has(id)))) {
    await pause();
    const previous = await db.notification.findFirst({ where: { userId: user.id, kind: DIGEST_KIND }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    const weekBefore = new Date(week.start.getTime() - 7 * DAY_MS);
    const since = previous && previous.createdAt > weekBefore ? previous.createdAt : weekBefore;
    const items = await db.notification.findMany({
      where: { userId: user.id, kind: { not: DIGEST_KIND }, createdAt: { gte: since, lt: week.start } },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, link: true, createdAt: true },
    });
    if (items.length === 0) continue;
    const audience = user.role === "executive" ? "executive" : audienceOf(user.role) === "comp-team" ? "comp-team" : "outside";
    const row = await createOnce({ userId: user.id, kind: DIGEST_KIND, title: digestTitle(audience, items.length), link: "/inbox", dedupeKey: week.key, createdAt: at });
    if (!row) continue; // a concurrent sweep made this week's digest
    prepared += 1;
    if (await sendMail(user.email, digestEmail(appUrl(), user.name, items.map((i) => ({ title: i.title, link: i.link, at: i.createdAt }))))) {
      await db.notification.updateMany({ where: { id: { in: [row.id, ...items.map((i) => i.id)] } }, data: { emailedAt: now() } });
      sent.push(user.email);
    }
  }
  return { sent, prepared, people: chose.length };
}
