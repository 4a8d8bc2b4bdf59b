import { Paper, Text, Title } from "@mantine/core";
import css from "../plain-table.module.css";
import { StackedBarChart } from "../stacked-bar-chart";

// One hue family per cause, each dark enough for 3:1 against white (WCAG non-text contrast):
// the old palette had teal and cyan side by side, which read as one blue.
const COLOURS = [
  "#0b7a4b", // green
  "#1f5fbf", // blue
  "#c2410c", // orange
  "#7e3aa8", // purple
  "#b91c1c", // red
  "#8a5a00", // brown
  "#be185d", // magenta
  "#4d7c0f", // olive
  "#1e3a8a", // navy
  "#0f766e", // teal
  "#57606a", // grey
  "#1f2328", // near-black
];

type Props = {
  data: Record<string, string | number | null>[];
  series: { name: string; label: string }[];
  table: { month: string; cells: string[] }[];
  /** Executives: points under three are left out of the chart and read "<3" in the table. */
  suppress: boolean;
};

/** Months and causes as a table: the chart's figures for screen readers, no JavaScript, and "<3". */
function MonthTable({ series, table, colour }: Pick<Props, "series" | "table"> & { colour: (i: number) => string }) {
  return (
    // A scroll region on a phone: focusable, so it scrolls from the keyboard too (axe).
    <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label="Cases per month by cause, as a table (scrolls sideways)">
      <table className={`${css.table} ${css.small} ${css.framed}`} data-testid="monthly-table" style={{ minWidth: Math.max(360, 160 + table.length * 64) }}>
        <thead>
          <tr>
            <th scope="col">Cause</th>
            {table.map((t) => (
              <th key={t.month} scope="col" className={css.right}>{t.month}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s, i) => (
            <tr key={s.name}>
              <th scope="row">
                <span className={css.swatch} style={{ background: colour(i) }} aria-hidden="true" />
                {s.label}
              </th>
              {table.map((t) => (
                <td key={t.month} className={t.cells[i] === "0" ? `${css.right} ${css.muted}` : css.right}>{t.cells[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The chart is SVG drawn on the server (no chart library in the browser, issue 18); the table
// carries the same figures as text, and the "<3" an executive's chart leaves out.
export function MonthlyChart({ data, series, table, suppress }: Props) {
  const colour = (i: number) => COLOURS[i % COLOURS.length];
  return (
    <Paper withBorder radius="lg" p="md">
      <Title order={2} size="h4" mb="xs" id="monthly">Cases per month by cause</Title>
      {suppress ? (
        <Text size="sm" mb="xs">
          Every month is on the axis. A bar is drawn only where a cause reached three cases in a month; the
          table below shows the others as “&lt;3” (none, one or two — not told apart, so no one can be singled out)
          or “x” (withheld so that a small figure cannot be worked out).
        </Text>
      ) : null}
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">No cases in this date range.</Text>
      ) : (
        <>
          <StackedBarChart
            data={data}
            dataKey="month"
            series={series.map((s, i) => ({ name: s.name, label: s.label, color: colour(i) }))}
            label="Cases per month, a bar per month stacked by cause; the same figures are in the table below."
          />
          <details open={suppress} className="monthly-details">
            <summary>
              <Text span size="sm" fw={600}>The same figures month by month</Text>
            </summary>
            <MonthTable series={series} table={table} colour={colour} />
          </details>
        </>
      )}
    </Paper>
  );
}
