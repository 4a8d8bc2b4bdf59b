// A real OpenID Connect provider (`oidc-provider`) on a loopback port, in the test process,
// with its development sign-in pages, and a browser-like walk through them.
import { createServer } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export type TestAccount = { email: string; email_verified: boolean; name: string; groups: string[] };

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startTestProvider(opts: { redirectUri: string; postLogoutUri: string; accounts: Record<string, TestAccount>; clientSecret?: string }) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientSecret = opts.clientSecret ?? "a-test-client-secret-of-enough-length";
  const config: Configuration = {
    clients: [
      {
        client_id: "upstream-test",
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    findAccount: (_ctx, id) => {
      const account = opts.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  };
  const provider = new Provider(issuer, config);
  // The provider's own warnings about development keys and pages are expected here.
  const server = provider.listen(port);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    issuer,
    clientId: "upstream-test",
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the authorization URL like a browser: the provider's sign-in form (as `accountId`),
 * its consent form, and back; returns the URL the provider sends the browser to (the app's
 * callback with `code` and `state`), without calling it.
 */
export async function signInAtProvider(authorizationUrl: string, accountId: string, callbackPrefix: string) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(callbackPrefix)) return url;
    let res = await fetch(url, { redirect: "manual", headers: { Cookie: cookieHeader() } });
    keep(res);
    if (res.status === 200) {
      // A development interaction page: answer its form (login first, then consent).
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`unexpected page at ${url}: ${html.slice(0, 300)}`);
      const body = new URLSearchParams(prompt === "login" ? { prompt, login: accountId, password: "any" } : { prompt });
      res = await fetch(new URL(action, url), { method: "POST", body, redirect: "manual", headers: { Cookie: cookieHeader(), "Content-Type": "application/x-www-form-urlencoded" } });
      keep(res);
    }
    const next = res.headers.get("location");
    if (!next) throw new Error(`the provider stopped at ${url} with ${res.status}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(next, url).href;
  }
  throw new Error("too many redirects at the provider");
}
