import { redirect } from "@remix-run/node";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { can, type Permission, type Role } from "~/domain/auth/permissions";
import { db } from "./db.server";
import { getEnv } from "./env.server";
import { forbidden } from "./http.server";
import { providerSignOutUrl } from "./oidc.server";
import { noteRequestUser } from "./request-context.server";
import { SESSION_TTL_MS, sessionStorage } from "./session.server";
import { toastCookie } from "./toast.server";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

const BCRYPT_COST = 10;

export function hashPassword(password: string) {
  return bcrypt.hash(password, BCRYPT_COST);
}

// Compared against when the email is unknown, so both paths cost the same time.
const DUMMY_HASH = bcrypt.hashSync("upstream-timing-equaliser", BCRYPT_COST);

export async function verifyLogin(email: string, password: string): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

const USER = { id: true, email: true, name: true, role: true, active: true } as const;

// A sign-in answers without waiting for SQLite's write lock (issue 18, decision 023): while an
// import publishes (one transaction of a few seconds at 100,000 rows) the new session waits
// here and is written as soon as the lock frees; until then this process reads it from here.
// Upstream runs as one process (decision 006), so every request sees it.
type Unsaved = { userId: string; expiresAt: Date; write: Promise<unknown> };
const unsaved = new Map<string, Unsaved>();
const SIGN_IN_WAIT_MS = 200;

async function saveSession({ id, userId, expiresAt }: { id: string; userId: string; expiresAt: Date }) {
  const write = db.session.create({ data: { id, userId, expiresAt }, select: { id: true } }).finally(() => unsaved.delete(id));
  unsaved.set(id, { userId, expiresAt, write });
  const saved = await Promise.race([write.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), SIGN_IN_WAIT_MS))]);
  // Written later: a failure then (not a busy database, which is waited out) ends that session.
  if (!saved) write.catch((error: unknown) => console.error("A new session could not be saved:", error));
}

async function unsavedSession(id: string) {
  const pending = unsaved.get(id);
  if (!pending) return null;
  const user = await db.user.findUnique({ where: { id: pending.userId }, select: USER });
  return user ? { expiresAt: pending.expiresAt, user } : null;
}

type SessionRow = { expiresAt: string | number | bigint; id: string; email: string; name: string; role: string; active: number | bigint };

/**
 * The session and its user, read on every request: one statement of our own, with the columns
 * named (never the password hash). Through Prisma it was ~0.9 ms of the server's thread, most
 * of it compiling the query (issue 18).
 */
async function savedSession(id: string) {
  const [row] = await db.$queryRawUnsafe<SessionRow[]>(
    `SELECT s."expiresAt", u.id, u.email, u.name, u.role, u.active FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = ?`,
    id,
  );
  if (!row) return null;
  const { expiresAt, active, ...user } = row;
  return { expiresAt: new Date(typeof expiresAt === "bigint" ? Number(expiresAt) : expiresAt), user: { ...user, active: Number(active) === 1 } };
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  const sessionId = session.get("sessionId");
  if (!sessionId) return null;
  const row = (await savedSession(sessionId)) ?? (await unsavedSession(sessionId));
  if (!row || row.expiresAt < new Date() || !row.user.active) return null;
  const { active: _active, ...user } = row.user;
  noteRequestUser(user.id);
  return { ...user, role: user.role as Role };
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  return user;
}

/** The signed-in user if they hold the permission; otherwise 403 (or /login when signed out). */
export async function requirePermission(request: Request, permission: Permission) {
  const user = await requireUser(request);
  if (!can(user.role, permission)) throw forbidden();
  return user;
}

/** Starts a fresh session (a new id every sign-in, so a planted cookie is worthless). */
export async function createUserSession(userId: string, redirectTo: string, sso?: { idToken?: string; headers?: HeadersInit }) {
  const id = randomBytes(32).toString("base64url");
  await saveSession({ id, userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
  const session = await sessionStorage.getSession();
  session.set("sessionId", id);
  if (sso?.idToken) session.set("idToken", sso.idToken);
  const headers = new Headers(sso?.headers);
  headers.append("Set-Cookie", await sessionStorage.commitSession(session));
  return redirect(redirectTo, { headers });
}

/** Ends the local session; after single sign-on, goes on to the provider's sign-out page when it has one. */
export async function logout(request: Request) {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  const sessionId = session.get("sessionId");
  if (sessionId) {
    await unsaved.get(sessionId)?.write.catch(() => undefined); // written first, so the delete finds it
    await db.session.deleteMany({ where: { id: sessionId } });
  }
  const settings = getEnv().oidc;
  const idToken = session.get("idToken");
  const next = settings && idToken ? await providerSignOutUrl(settings, idToken) : null;
  const headers = new Headers({ "Set-Cookie": await sessionStorage.destroySession(session) });
  // The sign-in page says so (issue 14); after the provider's sign-out it is shown on return.
  headers.append("Set-Cookie", await toastCookie("You are signed out."));
  return redirect(next ?? "/login", { headers });
}

const REDIRECT_BASE = "http://upstream.invalid";
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/** "//host" or "/\\host": a browser reads both as another host, not a path. */
const looksProtocolRelative = (path: string) => path.startsWith("//") || path.startsWith("/\\");

/**
 * Only same-site paths: "/cases?x=1" yes; "//evil.test", "https://…", and anything that becomes
 * one of those once resolved ("/.//evil.test", "/a/..//evil.test", "/./\\evil.test") or decoded
 * ("/%2F%2Fevil.test") no. Returns the normalised path, safe to put in a Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || looksProtocolRelative(to)) return fallback;
  // Browsers drop tabs and newlines from URLs ("/\t/evil.test" becomes "//evil.test"), and a
  // control character in a header is an error.
  if (CONTROL.test(to)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== REDIRECT_BASE) return fallback;
  // Dot segments are resolved by now: "/.//evil.test" has become "//evil.test".
  if (looksProtocolRelative(resolved.pathname)) return fallback;
  // A proxy or a later hop may decode the path once more: "/%2F%2Fevil.test" is "//evil.test".
  let decoded = resolved.pathname;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
    if (CONTROL.test(decoded) || looksProtocolRelative(decoded)) return fallback;
    const again = new URL(decoded, REDIRECT_BASE);
    if (again.origin !== REDIRECT_BASE || looksProtocolRelative(again.pathname)) return fallback;
  }
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return looksProtocolRelative(path) ? fallback : path;
}
