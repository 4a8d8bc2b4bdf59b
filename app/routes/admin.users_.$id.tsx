import { DARK_LABEL } from "~/components/labels";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLES, roleLabel } from "~/domain/auth/permissions";
import { PASSWORD_MIN, userActionSchema } from "~/domain/users/user-schema";
import { changeRole, getUser, resetPassword, setActive } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound, readForm } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "User"} · Users · Upstream` }];

async function loadPerson(id: string | undefined) {
  const person = id && id.length <= 64 ? await getUser(id) : null;
  if (!person) throw notFound("That user does not exist.");
  return person;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const person = await loadPerson(params.id);
  return { person, isSelf: person.id === admin.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const person = await loadPerson(params.id);
  const submission = parseWithZod(await readForm(request), { schema: userActionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), done: null }, { status: 400 });
  }
  const v = submission.value;
  // An admin cannot lock themselves out by demoting or deactivating their own account.
  if (person.id === admin.id && (v.intent === "deactivate" || (v.intent === "role" && v.role !== "admin"))) {
    return data(
      { result: submission.reply({ formErrors: ["You cannot remove your own admin access. Ask another admin."] }), done: null },
      { status: 400 },
    );
  }
  switch (v.intent) {
    case "role":
      await changeRole(person.id, v.role, admin.id);
      return { result: submission.reply({ resetForm: true }), done: `Role changed to ${roleLabel(v.role)}.` };
    case "password":
      await resetPassword(person.id, v.password);
      return { result: submission.reply({ resetForm: true, hideFields: ["password"] }), done: "Password reset. They have been signed out everywhere." };
    case "deactivate":
      await setActive(person.id, false);
      return { result: submission.reply(), done: "Deactivated. They can no longer sign in." };
    case "reactivate":
      await setActive(person.id, true);
      return { result: submission.reply(), done: "Reactivated." };
  }
}

export default function UserPage() {
  const { person, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const errors = actionData?.result.error ?? {};
  const pendingIntent = (actionData?.result.initialValue?.intent as string | undefined) ?? "";

  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/admin/users" size="sm">
        ← All users
      </Anchor>
      <Group>
        <Title order={1}>{person.name}</Title>
        {person.active ? <Badge variant="light" styles={DARK_LABEL}>Active</Badge> : <Badge variant="light" color="gray" styles={DARK_LABEL}>Deactivated</Badge>}
      </Group>
      <Text c="dimmed">
        {person.email} · {roleLabel(person.role)}
      </Text>
      {actionData?.done ? (
        <Alert color="teal" variant="light" role="status">
          <Text c="dark.8">{actionData.done}</Text>
        </Alert>
      ) : null}
      {errors[""]?.length ? (
        <Alert color="red" variant="outline" role="alert">
          <Text c="red.9">{errors[""].join(" ")}</Text>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="lg" radius="lg">
          <Form method="post">
            <input type="hidden" name="intent" value="role" />
            <Stack gap="sm">
              <NativeSelect
                name="role"
                label="Role"
                defaultValue={person.role}
                data={ROLES.map((r) => ({ value: r.value, label: r.label }))}
                error={pendingIntent === "role" ? errors.role?.[0] : undefined}
              />
              <Button type="submit" variant="outline" loading={busy("role")}>
                Change role
              </Button>
            </Stack>
          </Form>
        </Paper>
        <Paper withBorder p="lg" radius="lg">
          <Form method="post">
            <input type="hidden" name="intent" value="password" />
            <Stack gap="sm">
              <PasswordInput
                name="password"
                label="New password"
                autoComplete="new-password"
                description={`At least ${PASSWORD_MIN} characters`}
                error={pendingIntent === "password" ? errors.password?.[0] : undefined}
              />
              <Button type="submit" variant="outline" loading={busy("password")}>
                Reset password
              </Button>
            </Stack>
          </Form>
        </Paper>
        <Paper withBorder p="lg" radius="lg">
          <Form method="post">
            <Stack gap="sm">
              <Text size="sm">
                {person.active
                  ? "Deactivating signs them out and stops sign-in. Their cases and history stay."
                  : "Reactivating lets them sign in again with their password."}
              </Text>
              {person.active ? (
                <Button type="submit" name="intent" value="deactivate" color="red" variant="outline" disabled={isSelf} loading={busy("deactivate")}>
                  Deactivate
                </Button>
              ) : (
                <Button type="submit" name="intent" value="reactivate" variant="outline" loading={busy("reactivate")}>
                  Reactivate
                </Button>
              )}
            </Stack>
          </Form>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
