import { createCookie } from "@remix-run/node";
import * as client from "openid-client";
import { getEnv, type OidcSettings } from "./env.server";

// Single sign-on with OpenID Connect (issue 19): the authorization code flow with PKCE; state
// and nonce checked. What the flow needs between the two legs (state, nonce, PKCE verifier,
// where to go afterwards) rides in a short-lived signed cookie, scoped to /auth/sso.

export function oidcSettings() {
  return getEnv().oidc;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

// The provider's metadata, fetched once per issuer (a failure is retried on the next sign-in).
let cached: { key: string; config: Promise<client.Configuration> } | null = null;
export function oidcConfiguration(settings: OidcSettings) {
  const key = `${settings.issuer.href} ${settings.clientId}`;
  if (cached?.key !== key) {
    const insecure = settings.issuer.protocol === "http:" && LOOPBACK.has(settings.issuer.hostname);
    const config = client
      .discovery(settings.issuer, settings.clientId, settings.clientSecret || undefined, undefined, {
        // Plain http only for a provider on this machine (tests, a local identity provider).
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        cached = null;
        throw error;
      });
    cached = { key, config };
  }
  return cached.config;
}

type Pending = { state: string; nonce: string; verifier: string; redirectTo: string };

export const ssoCookie = createCookie("__upstream_sso", {
  httpOnly: true,
  // Lax: the provider sends the browser back with a top-level GET from its own site.
  sameSite: "lax",
  path: "/auth/sso",
  maxAge: 600,
  secure: getEnv().secureCookies,
  secrets: [getEnv().sessionSecret],
});

/** Where to send the browser to sign in, and the cookie that remembers the checks. */
export async function startSignIn(settings: OidcSettings, redirectTo: string) {
  const config = await oidcConfiguration(settings);
  const pending: Pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUrl.href,
    scope: settings.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
  });
  return { url, cookie: await ssoCookie.serialize(pending) };
}

export type SsoIdentity = { email: string; emailVerified: boolean; name: string; groups: string[]; idToken: string | undefined };

export class SsoError extends Error {}

function readGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The provider's answer checked (state, PKCE, nonce, the ID token's signature, issuer,
 * audience and age) and the person's claims: the ID token's, completed by the userinfo
 * endpoint (many providers send email and groups only there).
 */
export async function finishSignIn(settings: OidcSettings, request: Request): Promise<{ identity: SsoIdentity; redirectTo: string }> {
  const pending = (await ssoCookie.parse(request.headers.get("Cookie"))) as Pending | null;
  if (!pending?.state || !pending.nonce || !pending.verifier) throw new SsoError("The sign-in took too long or was started elsewhere. Try again.");
  const config = await oidcConfiguration(settings);
  // The registered redirect URL with the provider's answer: behind a proxy the request's own
  // URL may say http or another host.
  const current = new URL(settings.redirectUrl);
  current.search = new URL(request.url).search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new SsoError(`The identity provider's answer was refused (${(error as { code?: string }).code ?? (error as Error).name}).`);
  }
  const claims = tokens.claims();
  if (!claims) throw new SsoError("The identity provider sent no ID token.");
  let info: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
    info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  }
  const all = { ...info, ...claims } as Record<string, unknown>;
  const email = typeof all.email === "string" ? all.email.trim().toLowerCase() : "";
  const name = typeof all.name === "string" && all.name.trim() ? all.name.trim() : email;
  return {
    identity: {
      email,
      emailVerified: all.email_verified === true || all.email_verified === "true",
      name,
      groups: [...new Set([...readGroups(claims[settings.groupsClaim]), ...readGroups(info[settings.groupsClaim])])],
      idToken: tokens.id_token,
    },
    redirectTo: pending.redirectTo,
  };
}

export const clearSsoCookie = () => ssoCookie.serialize("", { maxAge: 0 });

/** The provider's sign-out page, when it has one, coming back to Upstream's sign-in. */
export async function providerSignOutUrl(settings: OidcSettings, idToken: string | undefined) {
  try {
    const config = await oidcConfiguration(settings);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(config, {
        post_logout_redirect_uri: new URL("/login", settings.redirectUrl).href,
        client_id: settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  } catch {
    return null;
  }
}
