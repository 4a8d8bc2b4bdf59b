import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy (set by server.mjs). */
    cspNonce?: string;
    /** The TCP peer's address; used to key sign-in rate limits. */
    clientAddress?: string;
    /**
     * A resource route's Response goes to the client as it is: not a single-fetch `.data`
     * request, whose answer Remix reads and encodes again (so it must not be compressed).
     */
    responseAsIs?: boolean;
  }
}
