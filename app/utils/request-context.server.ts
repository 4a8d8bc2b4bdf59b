import { AsyncLocalStorage } from "node:async_hooks";

// What the request log may say about a request beyond its method, path and status: only the
// id of who made it. server.mjs opens one of these per request (same global key, since the
// server and the app's build are separate modules) and logs it when the response is done.
export type RequestLogContext = { userId?: string };

declare global {
  // Shared by server.mjs and the app's build: the same global slot (upstreamRequestLogContext).
  var upstreamRequestLogContext: AsyncLocalStorage<RequestLogContext> | undefined;
}
export const requestLogContext: AsyncLocalStorage<RequestLogContext> = (globalThis.upstreamRequestLogContext ??= new AsyncLocalStorage());

/** Records who is asking, for the request log line (an id, never a name). */
export function noteRequestUser(userId: string) {
  const store = requestLogContext.getStore();
  if (store) store.userId = userId;
}
