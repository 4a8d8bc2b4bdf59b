// A one-time confirmation ("Case #12 logged") carried from an action's redirect to the next
// page in a flash cookie of its own, read and cleared by the root loader. Messages are short
// fixed sentences with ids, written by the routes, never case text or a name: a sales leader
// or executive may read them (issue 14).
import { createCookieSessionStorage, redirect, type TypedResponse } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { getEnv } from "./env.server";
import type { Toast } from "./toast";

const env = getEnv();

const toastStorage = createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
  cookie: {
    name: "__upstream_toast",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.secureCookies,
    secrets: [env.sessionSecret],
  },
});

/** The Set-Cookie header value that carries one confirmation to the next page. */
export async function toastCookie(message: string): Promise<string> {
  const session = await toastStorage.getSession();
  session.flash("toast", { id: randomUUID(), message });
  return toastStorage.commitSession(session);
}

/** A redirect that shows `message` on the page it lands on. */
export async function redirectWithToast(url: string, message: string, init?: ResponseInit): Promise<TypedResponse<never>> {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await toastCookie(message));
  return redirect(url, { ...init, headers });
}

/** The waiting confirmation, if any, and the header that clears it (flash: read once). */
export async function takeToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await toastStorage.getSession(request.headers.get("Cookie"));
  const toast = session.get("toast") ?? null;
  if (!toast) return { toast: null, setCookie: null };
  return { toast, setCookie: await toastStorage.commitSession(session) };
}
