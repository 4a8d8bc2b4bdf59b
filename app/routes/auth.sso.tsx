import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirect } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { oidcSettings, startSignIn } from "~/utils/oidc.server";

// GET /auth/sso?redirectTo=… — off to the identity provider (absent unless OIDC_* is set).
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = oidcSettings();
  if (!settings) throw notFound("Single sign-on is not set up.");
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  const { url, cookie } = await startSignIn(settings, redirectTo);
  return redirect(url.href, { headers: { "Set-Cookie": cookie } });
}
