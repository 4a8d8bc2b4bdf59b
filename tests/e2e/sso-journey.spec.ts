import { expect, request, test } from "@playwright/test";
import Database from "better-sqlite3";
import fs from "node:fs";
import { signInAtProvider, startTestProvider } from "../integration/oidc-test-provider";
import { freePort, freshDatabase, startServer, type OwnServer } from "./own-server";

// Wide enough for the header to name who is signed in (it does from 1408 px; narrower, the Sign out
// button says so in its title).
test.use({ viewport: { width: 1440, height: 900 } });

// Single sign-on in a real browser: the production build of a server of its own, configured
// for a real OpenID provider (oidc-provider, its development sign-in pages) on another loopback
// port, with password sign-in switched off.
test.describe.configure({ mode: "serial" });

let provider: Awaited<ReturnType<typeof startTestProvider>>;
let server: OwnServer;
let db: { dir: string; file: string };
let app: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  app = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({
    redirectUri: `${app}/auth/sso/callback`,
    postLogoutUri: `${app}/login`,
    accounts: {
      lena: { email: "lena.journey@example.test", email_verified: true, name: "Lena Journey", groups: ["sales-leaders"] },
      nils: { email: "nils.journey@example.test", email_verified: true, name: "Nils Journey", groups: ["everyone"] },
    },
  });
  db = freshDatabase();
  // The admins' mapping (its page is tested in tests/integration/sso.test.ts and access-log.spec.ts).
  const sqlite = new Database(db.file);
  sqlite.prepare(`INSERT INTO "SsoGroupRole" ("group", "role") VALUES (?, ?)`).run("sales-leaders", "sales_leader");
  sqlite.close();
  server = await startServer(db.file, {
    port,
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URL: `${app}/auth/sso/callback`,
      OIDC_PROVIDER_NAME: "Test IdP",
      OIDC_SCOPES: "openid email profile groups",
      PASSWORD_SIGN_IN: "0",
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  if (db) fs.rmSync(db.dir, { recursive: true, force: true });
});

/** The provider's development pages: sign in as `account`, then consent. */
async function signInAtTestIdp(page: import("@playwright/test").Page, account: string) {
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("with PASSWORD_SIGN_IN=0 the sign-in page offers only the provider, and a password POST is refused", async ({ page }) => {
  await page.goto(`${app}/login`);
  await expect(page.getByRole("link", { name: "Sign in with Test IdP" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  const api = await request.newContext({ baseURL: app });
  const res = await api.post("/login", { form: { email: "admin@upstream.test", password: "upstream-demo", redirectTo: "/" }, maxRedirects: 0 });
  expect(res.status()).toBe(403);
  expect(res.headers()["set-cookie"] ?? "").not.toContain("__upstream_session");
  await api.dispose();
});

test("a person in a mapped group signs in through the provider, lands as a sales leader, and signs out of both", async ({ page }) => {
  await page.goto(`${app}/login`);
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await signInAtTestIdp(page, "lena");
  await page.waitForURL(`${app}/cases`);
  await expect(page.getByText("Lena Journey")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  // The provider's end-session page asks before it signs out there too.
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));
  await page.getByRole("button", { name: /yes/i }).click();
  await page.waitForURL(/\/login/);
  expect(new URL(page.url()).origin).toBe(app);
  await page.goto(`${app}/cases`);
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcases/);
});

test("a person without a mapped group gets in with no access until an admin grants a role", async ({ page }) => {
  await page.goto(`${app}/login`);
  await page.getByRole("link", { name: "Sign in with Test IdP" }).click();
  await signInAtTestIdp(page, "nils");
  await page.waitForURL(`${app}/no-access`);
  await expect(page.getByRole("heading", { name: "No access yet" })).toBeVisible();
  const cases = await page.goto(`${app}/cases`);
  expect(cases?.status()).toBe(403);
});

test("a callback with a forged state is refused and signs nobody in", async ({ page }) => {
  const start = await page.request.get(`${app}/auth/sso?redirectTo=/cases`, { maxRedirects: 0 });
  expect(start.status()).toBe(302);
  const callback = new URL(await signInAtProvider(start.headers()["location"], "lena", `${app}/auth/sso/callback`));
  callback.searchParams.set("state", "forged");
  const res = await page.goto(callback.href);
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "Single sign-on did not finish" })).toBeVisible();
  await page.goto(`${app}/cases`);
  await expect(page).toHaveURL(/\/login/);
});
