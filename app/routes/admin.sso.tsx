import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Code, Grid, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { inputProps } from "~/components/form-props";
import { ROLES, roleLabel } from "~/domain/auth/permissions";
import { ssoMappingSchema } from "~/domain/auth/sso";
import { listGroupRoles, removeGroupRole, setGroupRole } from "~/models/sso.server";
import { requirePermission } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Single sign-on · Upstream" }];

// Which identity-provider group gives which role at a person's first single sign-on. Admins
// only. Without a mapped group a new person gets no access until an admin grants a role.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const { oidc, passwordSignIn } = getEnv();
  return {
    mappings: await listGroupRoles(),
    passwordSignIn,
    sso: oidc ? { issuer: oidc.issuer.href, redirectUrl: oidc.redirectUrl.href, groupsClaim: oidc.groupsClaim, providerName: oidc.providerName } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "users:manage");
  const submission = parseWithZod(await readForm(request), { schema: ssoMappingSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), done: null }, { status: 400 });
  const v = submission.value;
  if (v.intent === "add") {
    await setGroupRole(v.group, v.role);
    return { result: submission.reply({ resetForm: true }), done: `Members of “${v.group}” start as ${roleLabel(v.role)}.` };
  }
  await removeGroupRole(v.group);
  return { result: submission.reply({ resetForm: true }), done: `“${v.group}” no longer gives a role.` };
}

export default function SsoPage() {
  const { mappings, sso, passwordSignIn } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: last?.result,
    defaultValue: { intent: "add", role: "sales_leader" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ssoMappingSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Stack>
      <div>
        <Title order={1}>Single sign-on</Title>
        <Text c="dimmed">
          People sign in with the company’s identity provider (OpenID Connect) and are matched by verified email. At their
          first sign-in, the groups below decide their role; with none of them, they have no access until you grant a role
          on Users.
        </Text>
      </div>
      {last?.done ? (
        <Alert color="teal" variant="light" role="status">
          {last.done}
        </Alert>
      ) : null}
      <Paper withBorder p="lg" radius="lg">
        {sso ? (
          <Text size="sm">
            Set up: “Sign in with {sso.providerName}” through <Code>{sso.issuer}</Code>, answering at <Code>{sso.redirectUrl}</Code>;
            groups read from the <Code>{sso.groupsClaim}</Code> claim. Password sign-in is {passwordSignIn ? "on" : "off"}.
          </Text>
        ) : (
          <Text size="sm">
            Not set up on this server: set <Code>OIDC_ISSUER</Code>, <Code>OIDC_CLIENT_ID</Code>, <Code>OIDC_CLIENT_SECRET</Code> and{" "}
            <Code>OIDC_REDIRECT_URL</Code> (see the README, “Deploying”). You can map groups now.
          </Text>
        )}
      </Paper>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="lg" style={{ overflowX: "auto" }}>
            <Table verticalSpacing="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Group</Table.Th>
                  <Table.Th scope="col">Role at first sign-in</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mappings.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={3}>No group mapped yet: everyone new starts with no access.</Table.Td>
                  </Table.Tr>
                ) : null}
                {mappings.map((m) => (
                  <Table.Tr key={m.group}>
                    <Table.Td style={{ wordBreak: "break-all" }}>{m.group}</Table.Td>
                    <Table.Td>{roleLabel(m.role)}</Table.Td>
                    <Table.Td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="group" value={m.group} />
                        <Button type="submit" variant="default" size="compact-sm" aria-label={`Remove ${m.group}`}>
                          Remove
                        </Button>
                      </Form>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="lg" radius="lg">
            <Title order={2} size="h4" mb="md">
              Map a group
            </Title>
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="add" />
              <Stack gap="sm">
                <TextInput
                  {...inputProps(getInputProps(fields.group, { type: "text" }))}
                  label="Group"
                  description="Exactly as the identity provider sends it (a name or an object id)"
                  error={fields.group.errors?.[0]}
                />
                <NativeSelect {...inputProps(getSelectProps(fields.role))} label="Role" data={ROLES.map((r) => ({ value: r.value, label: r.label }))} error={fields.role.errors?.[0]} />
                <Button type="submit" loading={navigation.state === "submitting"}>
                  Save mapping
                </Button>
              </Stack>
            </Form>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
