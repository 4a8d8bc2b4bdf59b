import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Badge, Button, Checkbox, Grid, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { inputProps } from "~/components/form-props";
import { DARK_LABEL, formatDateTime } from "~/components/labels";
import { can } from "~/domain/auth/permissions";
import { CHANNELS, NOTIFICATION_KINDS, preferencesSchema } from "~/domain/notifications/events";
import { listInbox, markRead, preferencesOf, savePreferences, sweepWeeklyDigests } from "~/models/notification.server";
import { requireUser } from "~/utils/auth.server";
import { forbidden, readForm } from "~/utils/http.server";
import { emailEnabled } from "~/utils/mailer.server";

// Everyone's inbox (the bell), and how each person wants to hear of each event (issue 16).

export const meta: MetaFunction = () => [{ title: "Inbox · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [items, prefs] = await Promise.all([listInbox(user.id), preferencesOf(user.id)]);
  return { items, prefs, email: emailEnabled(), canSendDigests: can(user.role, "users:manage") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "read") {
    const id = Number(form.get("id"));
    if (!Number.isSafeInteger(id) || id < 1) return data({ intent, message: "Choose a notification", result: null }, { status: 400 });
    await markRead(user.id, id);
    // Opening a notification reads it, then goes where it points (always inside the app).
    const link = String(form.get("link") ?? "");
    return redirect(/^\/(?!\/)[\w\-/?=&.]*$/.test(link) ? link : "/inbox");
  }
  if (intent === "read-all") {
    await markRead(user.id);
    return redirect("/inbox");
  }
  if (intent === "send-digests") {
    if (!can(user.role, "users:manage")) throw forbidden();
    const r = await sweepWeeklyDigests(true);
    const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;
    const message = emailEnabled()
      ? `Digest generated for ${people(r.prepared)}, emailed to ${people(r.sent.length)}.`
      : `Digest generated for ${people(r.prepared)}; email is not configured (SMTP_URL), so it waits in their inbox.`;
    return { intent, message, result: null };
  }
  const submission = parseWithZod(form, { schema: preferencesSchema });
  if (submission.status !== "success") return data({ intent: "preferences", message: null, result: submission.reply() }, { status: 400 });
  await savePreferences(user.id, submission.value);
  return { intent: "preferences", message: "Saved.", result: submission.reply() };
}

export default function InboxPage() {
  const { items, prefs, email, canSendDigests } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: reply?.intent === "preferences" ? reply.result : undefined,
    defaultValue: prefs,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preferencesSchema }),
    shouldValidate: "onSubmit",
  });
  const unread = items.filter((i) => !i.readAt).length;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Inbox</Title>
        {unread ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <Button type="submit" variant="default" size="xs">Mark all read</Button>
          </Form>
        ) : null}
      </Group>
      {reply?.message && reply.intent !== "preferences" ? <Alert color="teal" role="status">{reply.message}</Alert> : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label="Notifications">
            {items.length === 0 ? <Text c="dimmed">Nothing yet.</Text> : null}
            {items.map((n) => (
              <Paper key={n.id} component="li" withBorder radius="md" p="sm" data-testid="notification" data-kind={n.kind}>
                <Form method="post">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={n.id} />
                  <input type="hidden" name="link" value={n.link} />
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div>
                      <Text fw={n.readAt ? 400 : 700}>{n.title}</Text>
                      <Text size="xs" c="dark.3">{formatDateTime(n.createdAt)}</Text>
                    </div>
                    <Group gap={6} wrap="nowrap">
                      {n.readAt ? null : <Badge color="teal" variant="light" styles={DARK_LABEL}>New</Badge>}
                      <Button type="submit" size="compact-sm" variant="default" aria-label={`Open: ${n.title}`}>Open</Button>
                    </Group>
                  </Group>
                </Form>
              </Paper>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg" radius="lg">
            <Title order={2} size="h4" mb="xs">How you hear of things</Title>
            {email ? null : <Text size="sm" c="dimmed" mb="sm">Email is not set up on this server: everything arrives here, in the app.</Text>}
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="preferences" />
              <Stack gap="sm">
                {NOTIFICATION_KINDS.map((k) => (
                  <NativeSelect key={k.value} {...inputProps(getSelectProps(fields[k.value]))} label={k.label} data={CHANNELS.map((c) => ({ value: c.value, label: c.label }))} error={fields[k.value].errors?.[0]} />
                ))}
                <Checkbox name="weeklyDigest" defaultChecked={prefs.weeklyDigest} label="Email me a weekly digest instead of an email per event" />
                <Group>
                  <Button type="submit">Save</Button>
                  {reply?.intent === "preferences" && reply.message ? <Text size="sm" role="status">{reply.message}</Text> : null}
                </Group>
              </Stack>
            </Form>
          </Paper>
          {canSendDigests ? (
            <Paper withBorder p="lg" radius="lg" mt="md">
              <Title order={2} size="h4" mb="xs">Weekly digest</Title>
              <Text size="sm" mb="sm">Digests are made on Monday, the first time anyone uses Upstream that week, for what came before. This makes this week&apos;s now for anyone who has none yet; nobody gets two.</Text>
              <Form method="post">
                <input type="hidden" name="intent" value="send-digests" />
                <Button type="submit" variant="default">Send the digest now</Button>
              </Form>
            </Paper>
          ) : null}
          <Text size="xs" mt="sm"><Anchor component={Link} to="/">Back to Upstream</Anchor></Text>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
