import { AsyncLocalStorage } from "node:async_hooks";

// What the request log may say about a request beyond its method, path and status: only the
// id of who made it. server.mjs opens one of these per request (same global key, since the
// server and the app's build are separate modules) and logs it when the response is done.
export type RequestLogContext = { userId?: string };

const KEY = Symbol.for("upstream.requestLogContext");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestLogContext> | undefined>;
export const requestLogContext: AsyncLocalStorage<RequestLogContext> = (holder[KEY] ??= new AsyncLocalStorage());

/** Records who is asking, for the request log line (an id, never a name). */
export function noteRequestUser(userId: string) {
  const store = requestLogContext.getStore();
  if (store) store.userId = userId;
}
