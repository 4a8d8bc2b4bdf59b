import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/labels";
import { PlanChangeForm } from "~/components/plan-change-form";
import { can } from "~/domain/auth/permissions";
import { kindLabel, planChangeSchema, repeatedExceptions } from "~/domain/plan-changes/plan-change";
import { createPlanChange, listPlanChanges, planChangeLinkChoices } from "~/models/plan-change.server";
import { requirePermission } from "~/utils/auth.server";
import { forbidden, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { replyFor } from "~/utils/reply";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Plan changes · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const rows = await listPlanChanges(user);
  const canWrite = can(user.role, "case:write");
  return { rows, repeated: repeatedExceptions(rows), canWrite, choices: canWrite ? await planChangeLinkChoices() : null };
}

type Ctx = { actorId: string };
const log = intentsFor<Ctx>()({
  schema: planChangeSchema,
  run: (input, { actorId }) => createPlanChange({ input, actorId }),
  refuse: (r) => {
    switch (r.reason) {
      case "unknown-pattern":
        return answer.invalid(`There is no pattern #${r.id}`, "patternId");
      case "unknown-brief":
        return answer.invalid(`There is no brief #${r.id}`, "briefId");
      case "unknown-action":
        return answer.invalid(`There is no action #${r.id}`, "actionId");
    }
  },
  done: () => redirectWithToast("/plan-changes", "Plan change logged."),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  if (!can(user.role, "case:write")) throw forbidden();
  return handleIntent(await readForm(request), { actorId: user.id }, { log }, "log");
}

export default function PlanChangesPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "log");
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Plan changes</Title>
          <Text c="dimmed">What changed in the plan or its inputs, why, who approved it and from when — and the exceptions granted.</Text>
        </div>
        <Group gap="xs">
          <Button component="a" href="/plan-changes/export?format=csv" variant="default" download>Export CSV</Button>
          <Button component="a" href="/plan-changes/export?format=md" variant="default" download>Export Markdown</Button>
        </Group>
      </Group>
      {d.repeated.length ? (
        <Alert color="yellow" variant="light" title="Make it a plan change" styles={{ title: { color: "var(--mantine-color-dark-9)" }, message: { color: "var(--mantine-color-dark-9)" } }}>
          {d.repeated.map((r) => <Text key={r.key} size="sm">{r.label}: granted {r.times} times. An exception granted this often is a rule — write it into the plan.</Text>)}
        </Alert>
      ) : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: d.canWrite ? 8 : 12 }}>
          {d.rows.length === 0 ? <Text>No plan changes logged yet.</Text> : (
            <Paper withBorder radius="lg" style={{ overflowX: "auto" }}>
              <Table verticalSpacing="sm" miw={680}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">From</Table.Th>
                    <Table.Th scope="col">What changed</Table.Th>
                    <Table.Th scope="col">Why</Table.Th>
                    <Table.Th scope="col">Approved by</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(r.effectiveOn)}</Table.Td>
                      <Table.Td><Text size="sm" fw={600}>{kindLabel(r.kind)}: {r.summary}</Text>{r.exceptionKey ? <Text size="xs" c="dark.4">Exception: {r.exceptionKey}</Text> : null}</Table.Td>
                      <Table.Td>
                        {r.reason ? <Text size="sm">{r.reason}</Text> : null}
                        {r.pattern ? <Text size="xs">Pattern: <Anchor component={Link} to={`/patterns/${r.pattern.id}`}>{r.pattern.name}</Anchor></Text> : null}
                        {r.brief ? <Text size="xs">Brief: <Anchor component={Link} to={`/briefs/${r.brief.id}`}>{r.brief.title}</Anchor></Text> : null}
                        {r.action ? <Text size="xs">Action: <Anchor component={Link} to={`/actions/${r.action.id}`}>{r.action.title}</Anchor></Text> : null}
                      </Table.Td>
                      <Table.Td>{r.approvedBy}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Grid.Col>
        {d.canWrite && d.choices ? (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder radius="lg" p="md">
              <Title order={2} size="h4" mb="sm">Log a change or exception</Title>
              <PlanChangeForm lastResult={lastResult} {...d.choices} />
            </Paper>
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}
