import { Alert, Anchor, Stack, Text, Title } from "@mantine/core";
import { Link, isRouteErrorResponse } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "You do not have access to this page",
  404: "We could not find that",
  409: "Someone else changed this first",
  413: "That was too large",
  429: "Too many attempts",
};

export function ErrorPanel({ error }: { error: unknown }) {
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
      <Alert color={status >= 500 ? "red" : "yellow"} variant="light">
        <Text c="dark.8">{message}</Text>
      </Alert>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Stack>
  );
}
