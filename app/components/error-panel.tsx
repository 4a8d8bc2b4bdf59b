import { Alert, Anchor, List, Stack, Text, Title } from "@mantine/core";
import { Link, isRouteErrorResponse } from "@remix-run/react";
import { roleLabel } from "~/domain/auth/permissions";

const DEFAULT_FORBIDDEN = "You do not have access to this page.";

/** Who sees what, said once on the 403 page instead of repeating its title (issue 14). */
function WhoSeesWhat({ role }: { role: string | null }) {
  return (
    <Stack gap="xs">
      {role ? <Text>You are signed in as {roleLabel(role)}. Each role sees its own part of Upstream:</Text> : <Text>Each role sees its own part of Upstream:</Text>}
      <List size="sm" spacing={4}>
        <List.Item>The comp team (admins and analysts) logs, edits and diagnoses cases; only admins manage users and the access log.</List.Item>
        <List.Item>Sales leaders read cases, add context and answer the questions put to them.</List.Item>
        <List.Item>Executives read published briefs, patterns, actions and the variability figures — never a single case.</List.Item>
      </List>
      <Text size="sm">If your work needs this page, ask an admin to change your role.</Text>
    </Stack>
  );
}

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "You do not have access to this page",
  404: "We could not find that",
  409: "Someone else changed this first",
  413: "That was too large",
  429: "Too many attempts",
};

export function ErrorPanel({ error, role = null }: { error: unknown; role?: string | null }) {
  let status = 500;
  let message = "Something went wrong on our side. The error has been logged.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = error.data as { message?: string } | string | null;
    message = (typeof data === "string" ? data : data?.message) || error.statusText || message;
  } else if (error instanceof Error && process.env.NODE_ENV !== "production") {
    message = error.message;
  }
  return (
    <Stack maw={640} py="xl">
      <Text c="dimmed" fw={600}>
        Error {status}
      </Text>
      <Title order={1}>{TITLES[status] ?? "Something went wrong"}</Title>
      {status === 403 && message === DEFAULT_FORBIDDEN ? null : (
        <Alert color={status >= 500 ? "red" : "yellow"} variant="light">
          <Text c="dark.8">{message}</Text>
        </Alert>
      )}
      {status === 403 ? <WhoSeesWhat role={role} /> : null}
      <Anchor component={Link} to="/">
        Go to your start page
      </Anchor>
    </Stack>
  );
}
