import { createReadableStreamFromReadable } from "@remix-run/node";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { ScriptsAfterPaint } from "./scripts-after-paint.server";
import { TickChunks } from "./tick-chunks.server";

type StreamPageOptions = {
  nonce: string;
  status: number;
  headers: Headers;
  /** When a render still unfinished is cut off (its unfinished parts answer 500). */
  abortAfterMs: number;
};

/**
 * Renders a whole page (every section, decision 030) and answers with it as a stream. The
 * render's deadline is cleared once the render is done: a pending timer holds its `abort`, and
 * through it the whole render (the route data, React's tree), so under load every page of the
 * last `abortAfterMs` stayed in memory (~40 MB of heap after 20 s of the mixed load at 100,000
 * cases).
 */
export function streamPage(page: ReactNode, { nonce, status, headers, abortAfterMs }: StreamPageOptions): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    let responseStatus = status;
    let shellRendered = false;
    // A render error inside a section rendered later (<LaterTurn>) goes to the route's error
    // boundary, as one in the rest of the page does, instead of leaving a page with a gap.
    let renderError: unknown = null;
    // Read when it fires, by which time the render below exists.
    const deadline = setTimeout(() => render.abort(), abortAfterMs);
    const render = renderToPipeableStream(page, {
      nonce,
      // The whole page, for people and bots alike: sections rendered in later turns
      // (<LaterTurn>, decision 030) are in place in the HTML, so it reads without JavaScript.
      onAllReady() {
        clearTimeout(deadline);
        if (renderError !== null) {
          reject(renderError);
          return;
        }
        shellRendered = true;
        // One chunk per turn of the event loop, NUL bytes dropped (see TickChunks).
        const body = new TickChunks();
        // The page's scripts wait for its first paint (decision 029). Not in development: Vite's
        // client and React's development build expect the tags as they were rendered.
        const out = process.env.NODE_ENV === "production" ? new ScriptsAfterPaint() : body;
        if (out !== body) {
          out.pipe(body);
          // A reader gone (body cancelled) ends the render too: React aborts when out closes.
          body.on("close", () => out.destroy());
        }
        headers.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers, status: responseStatus }));
        render.pipe(out);
      },
      onShellError(error: unknown) {
        clearTimeout(deadline);
        reject(error);
      },
      onError(error: unknown) {
        if (!shellRendered) renderError ??= error;
        responseStatus = 500;
        if (shellRendered) console.error(error);
      },
    });
  });
}
