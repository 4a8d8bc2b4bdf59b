import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { schedulePruning } from "./models/access-log.server";
import { fillPublicSearchText } from "./models/public-search.server";
import { dbReady } from "./utils/db.server";
import { NonceProvider } from "./utils/nonce";
import { ScriptsAfterPaint } from "./utils/scripts-after-paint.server";
import { TickChunks } from "./utils/tick-chunks.server";

// Once at start-up, in the background: the scrubbed search text of cases that have none yet.
void dbReady
  .then(fillPublicSearchText)
  .catch((error: unknown) => console.error("Could not work out the public search text:", error));
// The access log keeps ACCESS_LOG_DAYS (a year by default): pruned now and daily.
void dbReady.then(schedulePruning);

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
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
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
