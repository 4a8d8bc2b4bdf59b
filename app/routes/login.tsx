import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Card, Center, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { loginSchema } from "~/domain/auth/login-schema";
import { createUserSession, getCurrentUser, safeRedirect, verifyLogin } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { readForm } from "~/utils/http.server";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "~/utils/rate-limit.server";
import { inputProps } from "~/components/form-props";

export const meta: MetaFunction = () => [{ title: "Sign in · Upstream" }];

// Keeps the action's Retry-After on a refused (429) sign-in.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect("/");
  const { passwordSignIn, oidc } = getEnv();
  return { passwordSignIn, sso: oidc ? { providerName: oidc.providerName } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: loginSchema });
  // PASSWORD_SIGN_IN=0: the company signs people in; no password is even checked.
  if (!getEnv().passwordSignIn) {
    return data(submission.reply({ formErrors: ["Sign-in with a password is switched off: use single sign-on."], hideFields: ["password"] }), { status: 403 });
  }
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const ip = context.clientAddress ?? "local";

  const wait = await loginRetryAfter(email, ip);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    return data(
      submission.reply({
        formErrors: [`Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }

  const user = await verifyLogin(email, password);
  if (!user) {
    await recordLoginFailure(email, ip);
    return data(
      submission.reply({ formErrors: ["That email and password do not match an active account."], hideFields: ["password"] }),
      { status: 401 },
    );
  }
  await clearLoginFailures(email, ip);
  return createUserSession(user.id, safeRedirect(redirectTo, "/"));
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const { passwordSignIn, sso } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });

  return (
    <Center mih="70vh">
      <Card withBorder shadow="sm" padding="xl" radius="lg" w={420}>
        <Stack>
          <div>
            <Title order={1} size="h2">
              Sign in to Upstream
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              Turn “the comp plan is broken” into a diagnosis.
            </Text>
          </div>
          {form.errors?.length ? (
            <Alert color="red" variant="light" role="alert" id={form.errorId}>
              <Text c="red.9" size="sm">
                {form.errors.join(" ")}
              </Text>
            </Alert>
          ) : null}
          {sso ? (
            <Button component="a" href={`/auth/sso?${new URLSearchParams({ redirectTo })}`} variant={passwordSignIn ? "default" : "filled"} fullWidth>
              Sign in with {sso.providerName}
            </Button>
          ) : null}
          {passwordSignIn ? (
            <Form method="post" {...getFormProps(form)}>
              <Stack>
                <input type="hidden" name="redirectTo" value={redirectTo} />
                <TextInput
                  {...inputProps(getInputProps(fields.email, { type: "email" }))}
                  label="Email"
                  autoComplete="email"
                  autoFocus
                  error={fields.email.errors?.[0]}
                />
                <PasswordInput
                  {...inputProps(getInputProps(fields.password, { type: "password" }))}
                  label="Password"
                  autoComplete="current-password"
                  error={fields.password.errors?.[0]}
                />
                <Button type="submit" loading={navigation.state === "submitting"} fullWidth>
                  Sign in
                </Button>
              </Stack>
            </Form>
          ) : null}
          {!passwordSignIn && !sso ? <Text size="sm">Sign-in is not set up: set OIDC_ISSUER, or PASSWORD_SIGN_IN=1.</Text> : null}
        </Stack>
      </Card>
    </Center>
  );
}
