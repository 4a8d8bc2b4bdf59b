import { Anchor, Paper, Table, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { ShownMatrix } from "~/domain/patterns/matrix";

// Heat-map shades, palest to strongest; dark text stays above 4.5:1 on every one of them.
const SHADES = ["transparent", "var(--mantine-color-teal-0)", "var(--mantine-color-teal-1)", "var(--mantine-color-teal-2)", "var(--mantine-color-teal-4)", "var(--mantine-color-teal-6)"];

type Props = {
  title: string;
  matrix: ShownMatrix;
  /** Link cells to the filtered case list (not for executives, who do not open cases). */
  cellHref?: (filter: Record<string, string>) => string;
};

export function MatrixTable({ title, matrix, cellHref }: Props) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {matrix.rows.length === 0 ? (
        <Text c="dimmed" size="sm">No cases in this date range.</Text>
      ) : (
        // A scroll region on a phone: focusable, so it scrolls from the keyboard too (axe).
        <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={`${title} (scrolls sideways)`}>
        <Table withColumnBorders fz="sm" miw={120 + matrix.cols.length * 90}>
          <caption className="visually-hidden">{title}: number of cases in each combination</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" />
              {matrix.cols.map((c) => (
                <Table.Th key={c.value} scope="col" ta="center" style={{ fontWeight: 600 }}>
                  {c.label}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="center">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {matrix.rows.map((r, ri) => (
              <Table.Tr key={r.value}>
                <Table.Th scope="row" style={{ fontWeight: 500, whiteSpace: "nowrap" }}>
                  {r.label}
                </Table.Th>
                {matrix.cells[ri].map((cell, ci) => {
                  const empty = cell.value === 0;
                  const content =
                    cellHref && !empty && cell.value != null ? (
                      <Anchor component={Link} to={cellHref(cell.filter)} c="dark.9" fw={700} aria-label={`${cell.text} cases: ${r.label}, ${matrix.cols[ci].label}`}>
                        {cell.text}
                      </Anchor>
                    ) : (
                      <Text span fw={empty ? 400 : 700} c={empty ? "dark.3" : "dark.9"}>
                        {empty ? "·" : cell.text}
                      </Text>
                    );
                  return (
                    <Table.Td key={matrix.cols[ci].value} ta="center" style={{ background: SHADES[cell.level] }}>
                      {content}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="center" fw={700}>{r.total.text}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </div>
      )}
    </Paper>
  );
}
