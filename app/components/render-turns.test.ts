import { createElement as h, type ReactNode } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { LaterTurn, RenderTurns, RenderTurnsProvider } from "./render-turns";

/** The whole page as streamPage (utils/stream-page.server.ts) sends it: rendered to the end (onAllReady), then written. */
function renderAll(tree: ReactNode) {
  return new Promise<string>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(h(RenderTurnsProvider, { value: new RenderTurns() }, tree), {
      onAllReady() {
        const out = new PassThrough();
        let html = "";
        out.on("data", (c: Buffer) => (html += c.toString("utf8")));
        out.on("end", () => resolve(html));
        pipe(out);
      },
      onShellError: reject,
    });
  });
}

describe("LaterTurn", () => {
  it("renders each section in a turn of its own, letting other work run between them", async () => {
    const order: string[] = [];
    const Section = ({ name }: { name: string }) => {
      order.push(name);
      return h("section", null, name);
    };
    // Another request's work: one step per turn of the event loop while the page renders.
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      order.push("other");
      setImmediate(tick);
    };
    setImmediate(tick);
    const html = await renderAll(
      h("main", null, h(Section, { name: "head" }), h(LaterTurn, null, h(Section, { name: "a" })), h(LaterTurn, null, h(Section, { name: "b" }))),
    );
    ticking = false;
    const at = (name: string) => order.indexOf(name);
    expect(at("head")).toBeLessThan(at("a"));
    expect(order.slice(at("head"), at("a"))).toContain("other");
    // One turn a section, not more: under load every turn means waiting for the others.
    expect(order.slice(at("a"), at("b")).filter((step) => step === "other")).toHaveLength(1);
    // The page is whole: every section in place, nothing left for a script to fill in.
    expect(html).not.toMatch(/<template|\$RC/);
    expect(html.replace(/<!--\/?\$-->/g, "")).toBe("<main><section>head</section><section>a</section><section>b</section></main>");
  });

  it("renders at once where no server render waits for it (the browser)", () => {
    expect(renderToString(h("main", null, h(LaterTurn, null, h("p", null, "now"))))).toBe("<main><!--$--><p>now</p><!--/$--></main>");
  });

  it("renders nested sections, in order", async () => {
    const html = await renderAll(h(LaterTurn, null, h("div", null, "outer", h(LaterTurn, null, h("span", null, "inner")))));
    expect(html.replace(/<!--\/?\$-->/g, "")).toBe("<div>outer<span>inner</span></div>");
  });
});
