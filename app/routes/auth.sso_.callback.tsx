import { Anchor, Card, Center, Stack, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { userForSso } from "~/models/sso.server";
import { createUserSession, safeRedirect } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { clearSsoCookie, finishSignIn, oidcSettings, SsoError } from "~/utils/oidc.server";

export const meta: MetaFunction = () => [{ title: "Single sign-on · Upstream" }];

const REFUSED = {
  unverified: "Your identity provider did not confirm an email address for you, so Upstream cannot tell who you are.",
  inactive: "Your Upstream account is deactivated. Ask an admin.",
} as const;

// GET /auth/sso/callback?code=…&state=… — the provider's answer: checked, then a session.
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = oidcSettings();
  if (!settings) throw notFound("Single sign-on is not set up.");
  const headers = { "Set-Cookie": await clearSsoCookie() };
  const providerError = new URL(request.url).searchParams.get("error");
  if (providerError) return data({ message: "The identity provider did not sign you in." }, { status: 401, headers });
  try {
    const { identity, redirectTo } = await finishSignIn(settings, request);
    const outcome = await userForSso(identity);
    if (!outcome.ok) return data({ message: REFUSED[outcome.reason] }, { status: 403, headers });
    return createUserSession(outcome.userId, safeRedirect(redirectTo, "/"), { idToken: identity.idToken, headers });
  } catch (error) {
    if (error instanceof SsoError) return data({ message: error.message }, { status: 400, headers });
    throw error;
  }
}

export default function SsoCallbackPage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <Center mih="60vh">
      <Card withBorder padding="xl" radius="lg" w={460}>
        <Stack>
          <Title order={1} size="h2">
            Single sign-on did not finish
          </Title>
          <Text>{message}</Text>
          <Anchor component={Link} to="/login">
            Back to sign-in
          </Anchor>
        </Stack>
      </Card>
    </Center>
  );
}
