import { Alert, Button, NumberInput, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DEFAULT_SLA, slaTargetsSchema } from "~/domain/queue/sla";
import { TRIAGE_CLASSES, triageValues } from "~/domain/queue/triage";
import { saveSlaTargets, slaTargets, type SlaTable } from "~/models/queue.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/http.server";

// SLA targets per triage class, in business days (defaults: decision 015). Admins only.

export const meta: MetaFunction = () => [{ title: "SLA targets · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  return { targets: await slaTargets() };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "users:manage");
  const form = await readForm(request);
  const entered = Object.fromEntries([...form.entries()].filter(([k]) => k.includes(".")).map(([k, v]) => [k, String(v)]));
  const parsed = slaTargetsSchema.safeParse(entered);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return data({ ok: false as const, errors, entered }, { status: 400 });
  }
  const table = Object.fromEntries(
    triageValues.map((c) => [c, { firstResponseDays: parsed.data[`${c}.firstResponseDays`], diagnosisDays: parsed.data[`${c}.diagnosisDays`] }]),
  ) as SlaTable;
  await saveSlaTargets(table);
  return { ok: true as const, errors: {} as Record<string, string>, entered };
}

export default function SlaPage() {
  const { targets } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const value = (key: string, saved: number) => reply?.entered?.[key] ?? String(saved);
  return (
    <Stack maw={820}>
      <Title order={1}>SLA targets</Title>
      <Text>
        Business days (Monday to Friday) from the day a case arrives. First response: triaged or assigned. Diagnosis: a plan-design signal
        diagnosed, any other case resolved. A case is at risk one business day before its target.
      </Text>
      {reply?.ok ? <Alert color="teal" role="status">Saved.</Alert> : null}
      {reply && !reply.ok ? <Alert color="red" role="alert">Some targets need fixing: see the fields.</Alert> : null}
      <Paper withBorder radius="lg" p="md" style={{ overflowX: "auto" }}>
        <Form method="post">
          <Table miw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Triage class</Table.Th>
                <Table.Th scope="col">First response (days)</Table.Th>
                <Table.Th scope="col">Diagnosis (days)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {TRIAGE_CLASSES.map((t) => {
                const fr = `${t.value}.firstResponseDays`;
                const dg = `${t.value}.diagnosisDays`;
                return (
                  <Table.Tr key={t.value}>
                    <Table.Th scope="row" fw={500}>{t.label}<Text size="xs" c="dark.3">default {DEFAULT_SLA[t.value].firstResponseDays} / {DEFAULT_SLA[t.value].diagnosisDays}</Text></Table.Th>
                    <Table.Td><NumberInput name={fr} aria-label={`${t.label}: first response, business days`} defaultValue={value(fr, targets[t.value].firstResponseDays)} min={1} max={250} error={reply && !reply.ok ? reply.errors[fr] : undefined} /></Table.Td>
                    <Table.Td><NumberInput name={dg} aria-label={`${t.label}: diagnosis, business days`} defaultValue={value(dg, targets[t.value].diagnosisDays)} min={1} max={250} error={reply && !reply.ok ? reply.errors[dg] : undefined} /></Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Button type="submit" mt="md">Save targets</Button>
        </Form>
      </Paper>
    </Stack>
  );
}
