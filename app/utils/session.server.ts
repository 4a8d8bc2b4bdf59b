import { createCookieSessionStorage } from "@remix-run/node";
import { getEnv } from "./env.server";

const env = getEnv();

// The cookie carries a random session id (and, after single sign-on, the provider's ID token,
// which its sign-out page asks for); the session itself lives in the database so
// sign-out and deactivation end it everywhere.
export const sessionStorage = createCookieSessionStorage<{ sessionId: string; idToken?: string }>({
  cookie: {
    name: "__upstream_session",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.secureCookies,
    secrets: [env.sessionSecret],
    maxAge: 60 * 60 * 24 * 14,
  },
});

export const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14;
