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
