import { Paper, Table, Text } from "@mantine/core";
import type { AttainmentGroup, ExecGroup } from "~/domain/variability/group";
import { MiniHistogram } from "./histogram";

const pct = (v: number | null | undefined, digits = 0) => (v == null ? "—" : `${v.toFixed(digits)}%`);
const share = (v: number | null | undefined) => (v == null ? "—" : `${Math.round(v * 100)}%`);

type Row = ExecGroup | (AttainmentGroup & { hidden: false });

/** Mean, median, spread, top shares and a histogram per group (executives: protected rows). */
export function AttainmentTable({ groups, exec }: { groups: Row[]; exec: boolean }) {
  const d = { groups, exec };
  return (
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
    <Paper withBorder radius="lg" style={{ overflowX: "auto" }} tabIndex={0} aria-label="Attainment by group (scrolls sideways)" role="region">
      <Table verticalSpacing="sm" miw={1280}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Group</Table.Th>
            <Table.Th scope="col" ta="right">Reps (people)</Table.Th>
            <Table.Th scope="col" ta="right">Rep-periods</Table.Th>
            <Table.Th scope="col" ta="right">Mean</Table.Th>
            <Table.Th scope="col" ta="right">Median</Table.Th>
            <Table.Th scope="col" ta="right">Std dev</Table.Th>
            <Table.Th scope="col" ta="right"><abbr title="Coefficient of variation: standard deviation ÷ mean">CV</abbr></Table.Th>
            <Table.Th scope="col" ta="right">Top 10% carry</Table.Th>
            <Table.Th scope="col" ta="right">Top 20% carry</Table.Th>
            <Table.Th scope="col" ta="right">At or above 100%</Table.Th>
            <Table.Th scope="col">Rep-periods by % of quota</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.groups.map((g) =>
            g.hidden ? (
              <Table.Tr key={g.key}>
                <Table.Th scope="row" fw={600}>{g.label}</Table.Th>
                <Table.Td colSpan={10}><Text size="sm" c="dark.4">{g.note}</Text></Table.Td>
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
                <Table.Td ta="right">{g.summary.n}</Table.Td>
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
  );
}

/** What the table's less familiar figures mean, in plain words (issue 14). */
export function AttainmentLegend() {
  return (
    <Text size="sm" c="dark.6" maw={760} data-testid="cv-explained">
      <strong>CV</strong> (coefficient of variation) is the standard deviation divided by the mean: 0.3 means results
      typically land about 30% away from the average. The higher it is, the less a rep can count on the plan paying
      what it promises. <strong>Top 10% carry</strong> is the share of all attainment the best 10% of rep-periods bring in.
    </Text>
  );
}
