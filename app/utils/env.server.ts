// Configuration from the environment, read once and checked.
const DEV_SECRET = "upstream-dev-secret-change-me";
let warned = false;

export function getEnv() {
  const isProduction = process.env.NODE_ENV === "production";
  const sessionSecret = process.env.SESSION_SECRET || DEV_SECRET;
  if (isProduction && sessionSecret === DEV_SECRET && !warned) {
    warned = true;
    // A guessable secret would let anyone forge a session cookie.
    console.warn(
      "SESSION_SECRET is not set: using the development secret. Set SESSION_SECRET in production.",
    );
  }
  return {
    isProduction,
    databaseUrl: process.env.DATABASE_URL || "file:./data/upstream.db",
    sessionSecret,
    // Secure cookies need https; a local `npm start` on http://localhost opts out.
    secureCookies: isProduction && process.env.INSECURE_COOKIES !== "1",
    // PASSWORD_SIGN_IN=0: single sign-on only (the form is gone and its POST refused).
    passwordSignIn: process.env.PASSWORD_SIGN_IN !== "0",
    oidc: oidcSettings(),
  };
}

/** The SQLite file the `file:` URL names: for the connections workers and imports open themselves. */
export const databaseFile = () => getEnv().databaseUrl.replace(/^file:/, "");

export type OidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: URL;
  providerName: string;
  groupsClaim: string;
  scope: string;
};

/** Single sign-on is on when the issuer, client id and redirect URL are all set. */
function oidcSettings(): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_REDIRECT_URL) return null;
  return {
    issuer: new URL(OIDC_ISSUER),
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET ?? "",
    redirectUrl: new URL(OIDC_REDIRECT_URL),
    providerName: process.env.OIDC_PROVIDER_NAME || "your company account",
    groupsClaim: process.env.OIDC_GROUPS_CLAIM || "groups",
    scope: process.env.OIDC_SCOPES || "openid email profile",
  };
}
