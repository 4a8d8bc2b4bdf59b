import { Paper, Table, Text, Title } from "@mantine/core";
import { formatDate } from "../labels";

export type Figures = {
  windows: { days: number; before: { from: string | Date; to: string | Date; count: number; perMonth: number }; after: { from: string | Date; to: string | Date; count: number; perMonth: number } };
  test: { verdict: string; sentence: string };
  recurrencesAfter: number;
  /** Each segment and role of the pattern's cases with five reps or more either side. */
  attainment: { kind: "segment" | "role"; value: string; label: string; before: Side; after: Side }[];
};
type Side = { periods: string[]; reps: number; median: number | null; sd: number | null; shareAtQuota: number | null; tooFew: boolean };

const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** The check's figures, before and after, beside the owner's verdict. */
export function EffectivenessPanel({ f }: { f: Figures }) {
  const { before, after } = f.windows;
  return (
    <Paper withBorder radius="lg" p="md">
      <Title order={2} size="h4" mb="xs">Did it work? The figures</Title>
      <Text size="sm" mb="xs">Complaints matching the pattern (its cases, cases flagged as recurring, and other cases with its cause and behaviour in its themes), in two windows of {f.windows.days} days either side of the day the action was done.</Text>
      <div style={{ overflowX: "auto" }}>
        <Table miw={420} aria-label="Complaints before and after">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Window</Table.Th>
              <Table.Th scope="col">Complaints</Table.Th>
              <Table.Th scope="col">Per month</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" fw={500}>Before ({formatDate(before.from)} – {formatDate(before.to)})</Table.Th>
              <Table.Td data-testid="before-count">{before.count}</Table.Td>
              <Table.Td>{before.perMonth}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row" fw={500}>After ({formatDate(after.from)} – {formatDate(after.to)})</Table.Th>
              <Table.Td data-testid="after-count">{after.count}</Table.Td>
              <Table.Td>{after.perMonth}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </div>
      <Text size="sm" mt="xs" fw={600} data-testid="noise-test">{f.test.sentence}</Text>
      <Text size="xs" c="dark.4">How we decide: if nothing had changed, each complaint would be as likely to land after the fix as before it, like a coin toss. We ask how often a fair coin would split them this unevenly (exact binomial test); under 1 in 20 counts as a real change.</Text>
      <Text size="sm" mt="xs">Recurring after the fix: {f.recurrencesAfter === 0 ? "no case flagged since the action was done." : `${f.recurrencesAfter} case${f.recurrencesAfter === 1 ? "" : "s"} flagged since the action was done.`}</Text>
      <Title order={3} size="h5" mt="md" mb={4}>Attainment of the segments and roles these cases come from</Title>
      {f.attainment.length ? (
        <div style={{ overflowX: "auto" }}>
          <Table miw={520} aria-label="Attainment before and after">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Group and period</Table.Th>
                <Table.Th scope="col">Median</Table.Th>
                <Table.Th scope="col">Spread (sd)</Table.Th>
                <Table.Th scope="col">Share at quota</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.attainment.flatMap((g) =>
                (["before", "after"] as const).map((k) => {
                  const s = g[k];
                  return (
                    <Table.Tr key={`${g.kind}-${g.value}-${k}`}>
                      <Table.Th scope="row" fw={500}>{g.label} ({g.kind}), {k}: {s.periods.join(", ")}</Table.Th>
                      <Table.Td>{pct(s.median)}</Table.Td>
                      <Table.Td>{pct(s.sd)}</Table.Td>
                      <Table.Td>{pct(s.shareAtQuota)}</Table.Td>
                    </Table.Tr>
                  );
                }),
              )}
            </Table.Tbody>
          </Table>
        </div>
      ) : (
        <Text size="sm">No segment or role of these cases has attainment for five or more reps in a period on both sides of the change.</Text>
      )}
    </Paper>
  );
}
