import { RateLimiterMemory } from "rate-limiter-flexible";

// Failed sign-ins: 5 per email+address in 15 minutes, 30 per address. One server process,
// so memory is the right store; a second process would need a shared one.
const byEmailAndIp = new RateLimiterMemory({ points: 5, duration: 15 * 60 });
const byIp = new RateLimiterMemory({ points: 30, duration: 15 * 60 });

/** Seconds to wait before another attempt, or 0 when an attempt is allowed. */
export async function loginRetryAfter(email: string, ip: string): Promise<number> {
  const [a, b] = await Promise.all([byEmailAndIp.get(`${email}|${ip}`), byIp.get(ip)]);
  const blocked = [a, b].filter((r) => r && r.remainingPoints <= 0 && r.consumedPoints > 0);
  if (blocked.length === 0) return 0;
  return Math.ceil(Math.max(...blocked.map((r) => r!.msBeforeNext)) / 1000);
}

export async function recordLoginFailure(email: string, ip: string) {
  await Promise.all([
    byEmailAndIp.consume(`${email}|${ip}`).catch(() => undefined),
    byIp.consume(ip).catch(() => undefined),
  ]);
}

export async function clearLoginFailures(email: string, ip: string) {
  await byEmailAndIp.delete(`${email}|${ip}`);
}

// The intake API: each integration token may send API_RATE_LIMIT requests a minute; requests
// with a wrong token count against the address (30 per 15 minutes), so tokens cannot be guessed.
export const API_RATE_LIMIT = 60;
const byToken = new RateLimiterMemory({ points: API_RATE_LIMIT, duration: 60 });
const badTokensByIp = new RateLimiterMemory({ points: 30, duration: 15 * 60 });

/** Counts a request; seconds to wait when over the limit, else 0. */
export async function apiRetryAfter(tokenId: string): Promise<number> {
  try {
    await byToken.consume(tokenId);
    return 0;
  } catch (rejected) {
    return Math.max(1, Math.ceil(((rejected as { msBeforeNext?: number }).msBeforeNext ?? 1000) / 1000));
  }
}

/** Seconds an address must wait after too many wrong tokens, else 0. */
export async function badTokenRetryAfter(ip: string): Promise<number> {
  const r = await badTokensByIp.get(ip);
  return r && r.remainingPoints <= 0 && r.consumedPoints > 0 ? Math.ceil(r.msBeforeNext / 1000) : 0;
}

export async function recordBadToken(ip: string) {
  await badTokensByIp.consume(ip).catch(() => undefined);
}
