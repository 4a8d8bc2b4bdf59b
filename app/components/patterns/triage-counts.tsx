import { Anchor, Paper, Table, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { triageSummary } from "~/domain/queue/triage-counts";

/** Cases by triage class: the figures above count plan-design signals (and untriaged cases) only. */
export function TriageCounts({ triage, cellHref }: { triage: ReturnType<typeof triageSummary>; cellHref?: (filter: Record<string, string>) => string }) {
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="triage-counts">
      <Title order={2} size="h3" id="triage-counts">Cases by triage class</Title>
      <Text c="dimmed" size="sm" mb="sm">
        The figures above count plan-design signals and cases not triaged yet. {triage.sortedOut.text} cases were sorted out at
        triage as errors, policy questions or exception requests; many of one kind is itself a data or systems signal.
      </Text>
      <Table.ScrollContainer minWidth={320}>
        <Table data-testid="triage-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Triage class</Table.Th>
              <Table.Th scope="col">Cases</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {triage.rows.map((r) => (
              <Table.Tr key={r.value || "none"}>
                <Table.Th scope="row" fw={500}>{r.label}</Table.Th>
                <Table.Td>
                  {cellHref && r.count.value ? <Anchor component={Link} to={cellHref({ triage: r.value || "none" })}>{r.count.text}</Anchor> : r.count.text}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
