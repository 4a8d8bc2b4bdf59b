import { afterEach, describe, expect, it } from "vitest";
import { action } from "~/routes/test.clock";
import { DAY_MS, now, resetClock } from "~/utils/clock.server";
import { cookieFor, makeUser, postRequest } from "./helpers";

const call = (fields: Record<string, string>, cookie?: string) =>
  action({ request: postRequest("/test/clock", fields, cookie), params: {}, context: {} }).catch((e: unknown) => e as Response);

afterEach(() => {
  delete process.env.MOVABLE_CLOCK;
  resetClock();
});

describe("the movable clock", () => {
  it("does not exist unless the server was started with MOVABLE_CLOCK=1", async () => {
    const admin = await makeUser("admin");
    const res = (await call({ days: "90" }, await cookieFor(admin.id))) as Response;
    expect(res.status).toBe(404);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it("lets an admin move it forward, and no one else", async () => {
    process.env.MOVABLE_CLOCK = "1";
    const analyst = await makeUser("analyst");
    expect(((await call({ days: "90" }, await cookieFor(analyst.id))) as Response).status).toBe(403);
    const admin = await makeUser("admin");
    const res = (await call({ days: "90" }, await cookieFor(admin.id))) as Response;
    expect(res.status).toBe(200);
    const moved = now().getTime() - Date.now();
    expect(moved).toBeGreaterThan(90 * DAY_MS - 5_000);
    expect(moved).toBeLessThan(90 * DAY_MS + 5_000);
    expect(((await call({ days: "ninety" }, await cookieFor(admin.id))) as Response).status).toBe(400);
  });
});
