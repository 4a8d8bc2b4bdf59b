import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Badge, Button, Code, Grid, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { inputProps } from "~/components/form-props";
import { DARK_LABEL } from "~/components/labels";
import { tokenActionSchema } from "~/domain/intake/token-schema";
import { createIntegrationToken, listIntegrationTokens, revokeIntegrationToken } from "~/models/integration-token.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/http.server";

// Admins make and revoke the tokens other systems use for the intake API (README, "Intake API").

export const meta: MetaFunction = () => [{ title: "Integrations · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  return { tokens: await listIntegrationTokens() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const submission = parseWithZod(await readForm(request), { schema: tokenActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  if (submission.value.intent === "revoke") {
    const revoked = await revokeIntegrationToken(submission.value.tokenId);
    if (!revoked) return data({ result: submission.reply({ formErrors: ["That token does not exist or is already revoked."] }), created: null }, { status: 404 });
    return { result: submission.reply({ resetForm: true }), created: null };
  }
  const made = await createIntegrationToken(submission.value.name, admin.id);
  // Shown once, in this answer only: only its hash is kept.
  return { result: submission.reply({ resetForm: true }), created: { name: made.name, token: made.token } };
}

export default function IntegrationsPage() {
  const { tokens } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: reply?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: tokenActionSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Stack>
      <Title order={1}>Integrations</Title>
      <Text>
        Other systems send cases to <Code>POST /api/cases</Code> with a token from this page (see the README for the format).
      </Text>
      {reply?.created ? (
        <Alert color="teal" title={`Token for ${reply.created.name}`} role="status">
          <Text size="sm" mb="xs">Copy it now: it is shown only this once.</Text>
          <Code block data-testid="new-token" style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }}>{reply.created.token}</Code>
        </Alert>
      ) : null}
      {form.errors?.length ? <Alert color="red" role="alert">{form.errors[0]}</Alert> : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="lg" style={{ overflowX: "auto" }}>
            <Table verticalSpacing="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">System</Table.Th>
                  <Table.Th scope="col">Token ends</Table.Th>
                  <Table.Th scope="col">Last used</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.length === 0 ? (
                  <Table.Tr><Table.Td colSpan={4}>No tokens yet.</Table.Td></Table.Tr>
                ) : null}
                {tokens.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td><Code>…{t.hint}</Code></Table.Td>
                    <Table.Td>{t.lastUsedAt ? new Date(t.lastUsedAt).toISOString().slice(0, 16).replace("T", " ") : "never"}</Table.Td>
                    <Table.Td>
                      {t.revokedAt ? (
                        <Badge variant="light" color="gray" styles={DARK_LABEL}>Revoked</Badge>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="tokenId" value={t.id} />
                          <Button type="submit" size="xs" variant="light" color="red" aria-label={`Revoke the token for ${t.name}`}>Revoke</Button>
                        </Form>
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
            <Title order={2} size="h4" mb="md">New token</Title>
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="create" />
              <Stack gap="sm">
                <TextInput {...inputProps(getInputProps(fields.name, { type: "text" }))} label="System" description="e.g. Zendesk, the HR portal" error={fields.name.errors?.[0]} />
                <Button type="submit">Make a token</Button>
              </Stack>
            </Form>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
