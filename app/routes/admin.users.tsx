import { DARK_LABEL } from "~/components/labels";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  Anchor,
  Badge,
  Button,
  Grid,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { inputProps } from "~/components/form-props";
import { ROLES, roleLabel } from "~/domain/auth/permissions";
import { createUserSchema, PASSWORD_MIN } from "~/domain/users/user-schema";
import { createUser, listUsers } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Users · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  return { users: await listUsers() };
}

const create = intentsFor<object>()({
  schema: createUserSchema,
  secret: ["password"],
  run: (input) => createUser(input),
  refuse: () => answer.invalid("Someone already uses that email address", "email"),
  done: ({ user }) => redirectWithToast(`/admin/users/${user.id}`, "User created."),
});

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "users:manage");
  return handleIntent(await readForm(request), {}, { create }, "create");
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { intent: "create", role: "analyst" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createUserSchema }),
    shouldValidate: "onSubmit",
  });

  return (
    <Stack>
      <div>
        <Title order={1}>Users and roles</Title>
        <Text c="dimmed">
          People who sign in with the company account get their first role from the{" "}
          <Anchor component={Link} to="/admin/sso">
            single sign-on group mapping
          </Anchor>
          .
        </Text>
      </div>
      <Text size="sm">
        Also for admins: <Anchor component={Link} to="/admin/sla">SLA targets</Anchor> ·{" "}
        <Anchor component={Link} to="/admin/integrations">Integrations (intake API tokens)</Anchor>
      </Text>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="lg" style={{ overflowX: "auto" }}>
            <Table verticalSpacing="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/users/${u.id}`} fw={600} c="dark.8">
                        {u.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>{roleLabel(u.role)}</Table.Td>
                    <Table.Td>
                      {u.active ? (
                        <Badge variant="light" color="teal" styles={DARK_LABEL}>Active</Badge>
                      ) : (
                        <Badge variant="light" color="gray" styles={DARK_LABEL}>Deactivated</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="lg" radius="lg">
            <Title order={2} size="h4" mb="md">
              Add a user
            </Title>
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="create" />
              <Stack gap="sm">
                <TextInput {...inputProps(getInputProps(fields.name, { type: "text" }))} label="Name" error={fields.name.errors?.[0]} />
                <TextInput {...inputProps(getInputProps(fields.email, { type: "email" }))} label="Email" autoComplete="off" error={fields.email.errors?.[0]} />
                <NativeSelect
                  {...inputProps(getSelectProps(fields.role))}
                  label="Role"
                  data={ROLES.map((r) => ({ value: r.value, label: r.label }))}
                  error={fields.role.errors?.[0]}
                />
                <PasswordInput
                  {...inputProps(getInputProps(fields.password, { type: "password" }))}
                  label="First password"
                  description={`At least ${PASSWORD_MIN} characters; share it with them privately.`}
                  autoComplete="new-password"
                  error={fields.password.errors?.[0]}
                />
                <Button type="submit" loading={navigation.state === "submitting"}>
                  Add user
                </Button>
                <Text size="xs" c="dimmed">
                  Executives see aggregates and briefs; sales leaders read cases without reporter identities.
                </Text>
              </Stack>
            </Form>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
