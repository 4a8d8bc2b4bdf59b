import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { schedulePruning } from "./models/access-log.server";
import { fillPublicSearchText } from "./models/public-search.server";
import { warmExecutiveAttainment } from "./models/attainment.server";
import { dbReady } from "./utils/db.server";
import { RenderTurns, RenderTurnsProvider } from "./components/render-turns";
import { NonceProvider } from "./utils/nonce";
import { streamPage } from "./utils/stream-page.server";

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
  return streamPage(
    <NonceProvider value={nonce}>
      <RenderTurnsProvider value={new RenderTurns()}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </RenderTurnsProvider>
    </NonceProvider>,
    { nonce, status: responseStatusCode, headers: responseHeaders, abortAfterMs: RENDER_ABORT_MS },
  );
}
