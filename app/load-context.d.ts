import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy (set by server.mjs). */
    cspNonce?: string;
    /** The TCP peer's address; used to key sign-in rate limits. */
    clientAddress?: string;
  }
}
