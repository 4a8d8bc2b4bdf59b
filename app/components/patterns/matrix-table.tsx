import { Paper, Text, Title } from "@mantine/core";
import { ListLink } from "~/components/list-link";
import type { ShownMatrix } from "~/domain/patterns/matrix";
import css from "../plain-table.module.css";

// Heat-map shades, palest to strongest; dark text stays above 4.5:1 on every one of them.
const SHADES = ["transparent", "var(--mantine-color-teal-0)", "var(--mantine-color-teal-1)", "var(--mantine-color-teal-2)", "var(--mantine-color-teal-4)", "var(--mantine-color-teal-6)"];

type Props = {
  title: string;
  matrix: ShownMatrix;
  /** Link cells to the filtered case list (not for executives, who do not open cases). */
  cellHref?: (filter: Record<string, string>) => `/${string}`;
};

/** Plain table elements: four of these hold hundreds of cells (see plain-table.module.css). */
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
        <table className={css.table} style={{ minWidth: 120 + matrix.cols.length * 90 }}>
          <caption className="visually-hidden">{title}: number of cases in each combination</caption>
          <thead>
            <tr>
              <th scope="col" />
              {matrix.cols.map((c) => (
                <th key={c.value} scope="col" className={css.center}>{c.label}</th>
              ))}
              <th scope="col" className={css.center}>Total</th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r, ri) => (
              <tr key={r.value}>
                <th scope="row">{r.label}</th>
                {matrix.cells[ri].map((cell, ci) => {
                  const empty = cell.value === 0;
                  return (
                    <td key={matrix.cols[ci].value} className={css.center} style={cell.level ? { background: SHADES[cell.level] } : undefined}>
                      {cellHref && !empty && cell.value != null ? (
                        <ListLink to={cellHref(cell.filter)} className={css.link} aria-label={`${cell.text} cases: ${r.label}, ${matrix.cols[ci].label}`}>{cell.text}</ListLink>
                      ) : (
                        <span className={empty ? css.muted : css.strong}>{empty ? "·" : cell.text}</span>
                      )}
                    </td>
                  );
                })}
                <td className={`${css.center} ${css.strong}`}>{r.total.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </Paper>
  );
}
