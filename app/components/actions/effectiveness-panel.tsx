import { Paper, Table, Text, Title } from "@mantine/core";
import { formatDate } from "../labels";

export type Figures = {
  windows: { days: number; before: { from: string | Date; to: string | Date; count: number; perMonth: number }; after: { from: string | Date; to: string | Date; count: number; perMonth: number } };
  test: { verdict: string; sentence: string };
  recurrencesAfter: number;
  segment: string | null;
  segmentLabel: string | null;
  attainment: { before: Side; after: Side } | null;
};
type Side = { periods: string[]; reps: number; median: number | null; sd: number | null; shareAtQuota: number | null; tooFew: boolean };

const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** The check's figures, before and after, beside the owner's verdict. */
export function EffectivenessPanel({ f }: { f: Figures }) {
  const { before, after } = f.windows;
  return (
    <Paper withBorder radius="lg" p="md">
      <Title order={2} size="h4" mb="xs">Did it work? The figures</Title>
      <Text size="sm" mb="xs">Complaints matching the pattern (its cases, cases flagged as recurring, and any case with the same upstream cause), in two windows of {f.windows.days} days either side of the day the action was done.</Text>
      <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label="Complaints before and after (scrolls sideways)">
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
      <Title order={3} size="h5" mt="md" mb={4}>Attainment{f.segmentLabel ? ` — ${f.segmentLabel}` : ""}</Title>
      {f.attainment ? (
        <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label="Attainment before and after (scrolls sideways)">
          <Table miw={420} aria-label="Attainment before and after">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Period</Table.Th>
                <Table.Th scope="col">Median</Table.Th>
                <Table.Th scope="col">Spread (sd)</Table.Th>
                <Table.Th scope="col">Share at quota</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(["before", "after"] as const).map((k) => {
                const s = f.attainment![k];
                return (
                  <Table.Tr key={k}>
                    <Table.Th scope="row" fw={500}>{k === "before" ? "Before" : "After"}: {s.periods.join(", ") || "no period yet"}</Table.Th>
                    {s.tooFew ? <Table.Td colSpan={3}>{s.reps === 0 ? "No attainment imported" : "Fewer than five reps: not shown"}</Table.Td> : <><Table.Td>{pct(s.median)}</Table.Td><Table.Td>{pct(s.sd)}</Table.Td><Table.Td>{pct(s.shareAtQuota)}</Table.Td></>}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      ) : (
        <Text size="sm">No attainment periods for this segment before and after the change.</Text>
      )}
    </Paper>
  );
}
