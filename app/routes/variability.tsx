import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DARK_LABEL } from "~/components/labels";
import { MiniHistogram } from "~/components/variability/histogram";
import { can } from "~/domain/auth/permissions";
import { WITHHELD_NOTE } from "~/domain/privacy/disclosure";
import { GROUPINGS } from "~/domain/variability/group";
import { attainmentGroups, executiveAttainment } from "~/models/attainment.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Performance variability · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const requested = new URL(request.url).searchParams.get("by") ?? "segment";
  const grouping = Object.hasOwn(GROUPINGS, requested) ? requested : "segment";
  const exec = user.role === "executive";
  const { rows, groups } = await attainmentGroups(grouping, GROUPINGS[grouping].by);
  return {
    grouping,
    exec,
    rowCount: exec ? null : rows,
    canImport: can(user.role, "case:write"),
    // Executives: disclosure control across every grouping (domain/variability/group.ts
    // protectAttainment) — no group of fewer than five reps, none that a parent and its other
    // children would give away, no one rep's min or max.
    groups: exec ? (await executiveAttainment()).groupsFor(GROUPINGS[grouping].by) : groups.map((g) => ({ ...g, hidden: false as const })),
  };
}

const pct = (v: number | null | undefined, digits = 0) => (v == null ? "—" : `${v.toFixed(digits)}%`);
const share = (v: number | null | undefined) => (v == null ? "—" : `${Math.round(v * 100)}%`);

export default function VariabilityPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Performance variability</Title>
          <Text c="dimmed" maw={760}>
            Modelling pay on the average rep hides fragility. The mean shows the broad direction, the median what a typical
            rep experiences, the spread how concentrated the risk is.
          </Text>
        </div>
        <Form method="get">
          <Group gap="xs" align="flex-end">
            <NativeSelect name="by" label="Group by" defaultValue={d.grouping} data={Object.entries(GROUPINGS).map(([value, g]) => ({ value, label: g.label }))} />
            <Button type="submit" variant="default">Show</Button>
          </Group>
        </Form>
      </Group>

      {d.groups.length === 0 ? (
        <Alert color="blue" variant="light">
          <Text c="dark.8">
            No attainment data yet.{" "}
            {d.canImport ? <Anchor component={Link} to="/import">Import a CSV</Anchor> : "The comp team imports it."}
          </Text>
        </Alert>
      ) : (
        // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
        <Paper withBorder radius="lg" style={{ overflowX: "auto" }} tabIndex={0} aria-label="Attainment by group (scrolls sideways)" role="region">
          <Table verticalSpacing="sm" miw={1100}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Group</Table.Th>
                <Table.Th scope="col" ta="right">Reps</Table.Th>
                <Table.Th scope="col" ta="right">Mean</Table.Th>
                <Table.Th scope="col" ta="right">Median</Table.Th>
                <Table.Th scope="col" ta="right">Std dev</Table.Th>
                <Table.Th scope="col" ta="right">CV</Table.Th>
                <Table.Th scope="col" ta="right">Top 10% carry</Table.Th>
                <Table.Th scope="col" ta="right">Top 20% carry</Table.Th>
                <Table.Th scope="col" ta="right">At or above 100%</Table.Th>
                <Table.Th scope="col">Distribution</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.groups.map((g) =>
                g.hidden ? (
                  <Table.Tr key={g.key}>
                    <Table.Th scope="row" fw={600}>{g.label}</Table.Th>
                    <Table.Td colSpan={9}><Text size="sm" c="dark.4">{g.note}</Text></Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={g.key}>
                    <Table.Th scope="row" fw={600} maw={280}>
                      {g.label}
                      {g.flags.map((f) => (
                        <Text key={f} size="xs" c="red.9" fw={500} mt={4}>{f}</Text>
                      ))}
                    </Table.Th>
                    <Table.Td ta="right">{g.reps}</Table.Td>
                    <Table.Td ta="right">{pct(g.summary.mean, d.exec ? 0 : 1)}</Table.Td>
                    <Table.Td ta="right">{pct(g.summary.median, d.exec ? 0 : 1)}</Table.Td>
                    <Table.Td ta="right">{pct(g.summary.sd, d.exec ? 0 : 1)}</Table.Td>
                    <Table.Td ta="right">{g.summary.cv == null ? "—" : g.summary.cv.toFixed(2)}</Table.Td>
                    <Table.Td ta="right">{share(g.summary.top10Share)}</Table.Td>
                    <Table.Td ta="right">{share(g.summary.top20Share)}</Table.Td>
                    <Table.Td ta="right">{share(g.summary.shareAtOrAbove100)}</Table.Td>
                    <Table.Td><MiniHistogram bins={g.histogram} label={`Attainment of ${g.label}`} /></Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {d.exec && d.groups.length > 0 ? (
        <Text size="xs" c="dark.4">
          Groups of fewer than five reps are not shown, nor a group whose figures would let one be worked out from the
          others. Histogram bars of fewer than three reps show as “&lt;3”; {WITHHELD_NOTE}. Averages are whole percents.
        </Text>
      ) : null}
      {d.rowCount != null ? (
        <Group gap="xs">
          <Badge variant="light" color="gray" styles={DARK_LABEL}>{d.rowCount.toLocaleString("en-US")} rep-periods</Badge>
          <Text size="xs" c="dark.4">Executives see only groups of five reps or more, without minimums or maximums.</Text>
        </Group>
      ) : null}
    </Stack>
  );
}
