import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dbReady } from "~/utils/db.server";
import { needles, passwordsInSpecs, scanLog } from "../e2e/log-scan";

// The scanner that global-teardown.ts runs over the end-to-end server's request log: it must
// find what it looks for, or its "none found" means nothing.
const specDir = path.resolve(__dirname, "../e2e");
const list = needles(specDir);
const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ level: 30, time: "2026-11-26T05:00:00.000Z", reqId: "0f8fad5b-d9cb-469f-a165-70867728950e", method: "GET", route: "/cases/1", status: 200, durationMs: 12, userId: "cmigx1abc0000xyzabcdefghi", msg: "request", ...over });

beforeAll(() => dbReady); // opened before the setup's teardown closes it

describe("request log scan", () => {
  it("looks for the planted reporter, every demo reporter and complaint, and the passwords the specs type", () => {
    expect(passwordsInSpecs(specDir)).toEqual(expect.arrayContaining(["upstream-demo", "a-long-enough-password"]));
    expect(list.filter((n) => n.what === "demo reporter").length).toBeGreaterThan(10);
    expect(list.filter((n) => n.what === "demo complaint").length).toBeGreaterThan(10);
  });

  it("passes a clean log and reads its lines", () => {
    const { lines, problems } = scanLog([line(), line({ userId: null, method: "POST", route: "/login", status: 302 })].join("\n"), list);
    expect(problems).toEqual([]);
    expect(lines).toHaveLength(2);
  });

  it("finds a name, a complaint, a password or a cookie wherever it is", () => {
    const dirty = [
      line({ route: "/cases/Zebulon" }),
      line({ route: "/x", error: "Quistgård said so" }),
      line({ method: "POST", route: "/login", body: "upstream-demo" }),
      line({ route: "/my patch has no accounts left worth calling" }),
      JSON.stringify({ level: 30, msg: "listening", headers: { cookie: "__upstream_session=abc" } }),
      "not json",
      line({ reqId: "" }),
    ].join("\n");
    const { problems } = scanLog(dirty, list);
    expect(problems.join("\n")).toMatch(/line 1: planted reporter "zebulon"/);
    expect(problems.join("\n")).toMatch(/line 2: planted reporter "quistg"/);
    expect(problems.join("\n")).toMatch(/line 3: password "upstream-demo"/);
    expect(problems.join("\n")).toMatch(/line 3: unexpected fields/);
    expect(problems.join("\n")).toMatch(/line 4: demo complaint/);
    expect(problems.join("\n")).toMatch(/line 5: session cookie/);
    expect(problems.join("\n")).toMatch(/line 6: not JSON/);
    expect(problems.join("\n")).toMatch(/line 7: no request id/);
  });
});
