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
  };
}
