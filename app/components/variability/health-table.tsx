import { Anchor, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { DisplayCell, DisplayRow } from "~/domain/plan-health/table";
import type { Direction, Figure } from "~/domain/plan-health/trend";
import { Sparkline } from "./sparkline";

const share = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
const ratio = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}% of target`);

const DIRECTION_COLOUR: Record<Direction, string> = { better: "teal", worse: "red", same: "gray" };

function Travel({ direction }: { direction: Direction | null }) {
  if (!direction) return null;
  return (
    <Badge size="xs" variant="light" color={DIRECTION_COLOUR[direction]} styles={{ label: { color: "var(--mantine-color-dark-8)" } }}>
      {direction}
    </Badge>
  );
}

function Trend({ row, figure, value, format, label }: { row: DisplayRow; figure: Figure; value: (c: DisplayCell) => number | null; format: (v: number) => string; label: string }) {
  const latest = value(row.latest);
  return (
    <Stack gap={2} align="flex-end">
      <Text size="sm" fw={600}>{latest === null ? "—" : format(latest)}</Text>
      {row.cells.length > 1 ? (
        <Group gap={4} wrap="nowrap">
          <Sparkline points={row.cells.map((c) => ({ period: c.period, value: value(c) }))} label={`${label} of ${row.label}`} format={format} />
          <Travel direction={row.trends[figure]} />
        </Group>
      ) : null}
    </Stack>
  );
}

/** Plan health per group beside the group's complaints in the same period (issue 17). */
export function HealthTable({ rows, band }: { rows: DisplayRow[]; band: { low: number; high: number } }) {
  return (
    <Paper withBorder radius="lg" style={{ overflowX: "auto" }} tabIndex={0} aria-label="Plan health by group (scrolls sideways)" role="region">
      <Table verticalSpacing="sm" miw={1150}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Group and what to look at</Table.Th>
            <Table.Th scope="col" ta="right">Reps (people)</Table.Th>
            <Table.Th scope="col" ta="right">At or above quota (band {band.low}–{band.high}%)</Table.Th>
            <Table.Th scope="col" ta="right">Within ±20% of quota</Table.Th>
            <Table.Th scope="col" ta="right">Concentration</Table.Th>
            <Table.Th scope="col" ta="right">Pay curve</Table.Th>
            <Table.Th scope="col">Complaints, same period</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-testid="health-row" style={r.attention ? { background: "var(--mantine-color-red-0)" } : undefined}>
              <Table.Th scope="row" fw={600} maw={340}>
                {r.label} <Text span size="xs" c="dark.4">{r.latest.period}</Text>
                {r.attention ? <Text size="xs" fw={700} c="red.9">Poor health and many complaints: look here first.</Text> : null}
                {r.latest.hidden ? <Text size="xs" c="dark.4">{r.latest.note}</Text> : null}
                {r.latest.flags.map((f) => (
                  <Text key={f} size="xs" c="red.9" fw={500} mt={4}>{f}</Text>
                ))}
              </Table.Th>
              <Table.Td ta="right">{r.latest.reps ?? "—"}</Table.Td>
              <Table.Td ta="right"><Trend row={r} figure="shareAtQuota" value={(c) => c.shareAtQuota} format={(v) => share(v)} label="Share at quota" /></Table.Td>
              <Table.Td ta="right"><Trend row={r} figure="quotaAccuracy" value={(c) => c.quotaAccuracy} format={(v) => share(v)} label="Share within 20% of quota" /></Table.Td>
              <Table.Td ta="right">
                <Trend row={r} figure="gini" value={(c) => c.gini} format={(v) => `Gini ${v.toFixed(2)}`} label="Gini" />
                <Text size="xs" c="dark.4">Top 10% carry {share(r.latest.top10Share)}</Text>
                <Text size="xs" c="dark.4">{r.latest.peaks ? `Two peaks: ${r.latest.peaks}` : r.latest.hidden ? "" : "One peak"}</Text>
              </Table.Td>
              <Table.Td ta="right">
                {r.latest.p90Ratio === null && r.latest.spearman === null ? (
                  <Text size="xs" c="dark.4">No payout imported</Text>
                ) : (
                  <>
                    <Text size="sm">90th percentile: {ratio(r.latest.p90Ratio)}</Text>
                    <Trend row={r} figure="payTracks" value={(c) => c.spearman} format={(v) => `rank corr. ${v.toFixed(2)}`} label="Pay against performance" />
                  </>
                )}
              </Table.Td>
              <Table.Td maw={300}>
                {r.latest.hidden ? null : (
                  <Stack gap={2}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600}>{r.latest.per10 === null ? `${r.latest.complaints} complaints` : `${r.latest.per10.toFixed(1)} per 10 reps`}</Text>
                      <Travel direction={r.trends.complaints} />
                    </Group>
                    {r.latest.per10 !== null ? <Text size="xs" c="dark.4">{r.latest.complaints} complaints</Text> : null}
                    {r.latest.topCauses.length > 0 ? <Text size="xs">Top causes: {r.latest.topCauses.join(", ")}</Text> : null}
                    <Group gap="sm">
                      {r.casesUrl ? <Anchor component={Link} to={r.casesUrl} size="xs" aria-label={`Cases of ${r.label}, ${r.latest.period}`}>Cases</Anchor> : null}
                      <Anchor component={Link} to={r.patternsUrl} size="xs" aria-label={`Patterns of ${r.latest.period}`}>Patterns</Anchor>
                    </Group>
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
