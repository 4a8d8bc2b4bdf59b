import { Suspense, createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { streamPage } from "./stream-page.server";

const options = () => ({ nonce: "n0nce", status: 200, headers: new Headers({ "X-Kept": "yes" }), abortAfterMs: 30_000 });
// A section whose data never arrives.
const never = new Promise<never>(() => undefined);
function Hangs(): never {
  throw never;
}

describe("streamPage", () => {
  // Only the render's deadline is faked: React schedules its own work with setImmediate.
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("answers with the whole page, its status and headers", async () => {
    const response = await streamPage(h("main", null, h("h1", null, "Cases")), options());
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("X-Kept")).toBe("yes");
    expect(await response.text()).toBe("<main><h1>Cases</h1></main>");
  });

  it("leaves no timer behind once the page is rendered: a pending deadline would hold the whole render in memory", async () => {
    const response = await streamPage(h("p", null, "done"), options());
    expect(vi.getTimerCount()).toBe(0);
    await response.text();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("cuts a render that never finishes off at its deadline, as an error rather than a page with a gap", async () => {
    const silence = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answer = streamPage(h("main", null, h(Suspense, { fallback: h("p", null, "Loading") }, h(Hangs))), options());
    const settled = vi.fn();
    answer.then(settled, settled);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(answer).rejects.toBeDefined();
    silence.mockRestore();
  });

  it("fails, leaving no timer, when the page's shell cannot render (Remix then answers with its error page)", async () => {
    const Broken = () => {
      throw new Error("broken shell");
    };
    await expect(streamPage(h(Broken), options())).rejects.toThrow("broken shell");
    expect(vi.getTimerCount()).toBe(0);
  });
});
