import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { schedulePruning } from "./models/access-log.server";
import { fillPublicSearchText } from "./models/public-search.server";
import { warmExecutiveAttainment } from "./models/attainment.server";
import { dbReady } from "./utils/db.server";
import { RenderTurns, RenderTurnsProvider } from "./components/render-turns";
import { NonceProvider } from "./utils/nonce";
import { ScriptsAfterPaint } from "./utils/scripts-after-paint.server";
import { TickChunks } from "./utils/tick-chunks.server";

// Once at start-up, in the background: the scrubbed search text of cases that have none yet,
// then what executives may read of attainment (seconds on a worker), so the first executive's
// variability page or brief does not wait for it.
void dbReady
  .then(() => fillPublicSearchText())
  .catch((error: unknown) => console.error("Could not work out the public search text:", error))
  .then(warmExecutiveAttainment);
// The access log keeps ACCESS_LOG_DAYS (a year by default): pruned now and daily.
void dbReady.then(schedulePruning);

const ABORT_DELAY = 5_000;
// The render itself is cut off much later: a part rendered in a later turn (<LaterTurn>) waits
// behind every other request's work, and under a heavy load a page that is merely slow would
// otherwise answer 500 at 5 s (decision 030). Deferred loader data still stops at ABORT_DELAY.
const RENDER_ABORT_MS = 30_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // A render error inside a section rendered later (<LaterTurn>) goes to the route's error
    // boundary, as one in the rest of the page does, instead of leaving a page with a gap.
    let renderError: unknown = null;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RenderTurnsProvider value={new RenderTurns()}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RenderTurnsProvider>
      </NonceProvider>,
      {
        nonce,
        // The whole page, for people and bots alike: sections rendered in later turns
        // (<LaterTurn>, decision 030) are in place in the HTML, so it reads without JavaScript.
        onAllReady() {
          if (renderError !== null) {
            reject(renderError);
            return;
          }
          shellRendered = true;
          // One chunk per turn of the event loop, NUL bytes dropped (see TickChunks).
          const body = new TickChunks();
          // The page's scripts wait for its first paint (decision 029). Not in development: Vite's
          // client and React's development build expect the tags as they were rendered.
          const page = process.env.NODE_ENV === "production" ? new ScriptsAfterPaint() : body;
          if (page !== body) {
            page.pipe(body);
            // A reader gone (body cancelled) ends the render too: React aborts when page closes.
            body.on("close", () => page.destroy());
          }
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(page);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          if (!shellRendered) renderError ??= error;
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, RENDER_ABORT_MS);
  });
}
