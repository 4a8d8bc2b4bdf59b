import { labelSteps, stackedBars, type Row } from "~/domain/charts/stacked-bars";
import classes from "./stacked-bar-chart.module.css";

// A stacked bar chart as plain SVG, drawn on the server (issue 18): it replaced Mantine's
// BarChart (Recharts, ~550 kB of script and a long render on a phone). It paints with the
// page, prints, works without JavaScript and costs next to nothing to hydrate. Each bar piece
// names its figure on hover (<title>); the figures are also in a table beside it.

const PLOT = 220; // px, the bars' full height
const TOP = 8; // px above the plot, so the top tick's label is not cut
const LABELS = 22; // px below it for the slot labels

type Props = {
  data: Row[];
  /** The field of a row that labels its slot (shown under the bar). */
  dataKey: string;
  series: { name: string; label: string; color: string }[];
  /** What the chart shows, for screen readers (its figures are in the table beside it). */
  label: string;
};

export function StackedBarChart({ data, dataKey, series, label }: Props) {
  const { bars, ticks } = stackedBars(data, series.map((s) => s.name), dataKey, PLOT);
  const colour = new Map(series.map((s) => [s.name, s.color]));
  const name = new Map(series.map((s) => [s.name, s.label]));
  // How many slot labels fit: about 16 on a wide card, 8 on a tablet, 4 on a phone.
  const [wide, medium, narrow] = labelSteps(bars.length, [16, 8, 4]);
  return (
    <figure className={classes.chart}>
      <div className={classes.plot} role="img" aria-label={label}>
        <div className={classes.scale} style={{ height: PLOT + TOP }} aria-hidden="true">
          {ticks.map((t) => (
            <span key={t.value} style={{ top: t.y + TOP }}>{t.value}</span>
          ))}
        </div>
        <svg className={classes.svg} width="100%" height={PLOT + TOP + LABELS} aria-hidden="true">
          <g transform={`translate(0 ${TOP})`}>
            {ticks.map((t) => (
              <line key={t.value} x1="0" x2="100%" y1={t.y} y2={t.y} stroke="var(--mantine-color-gray-4)" strokeDasharray={t.value ? "5 5" : undefined} />
            ))}
            {bars.map((bar) => (
              <g key={bar.key}>
                {bar.segments.map((s) => (
                  <rect key={s.series} x={`${bar.x}%`} width={`${bar.width}%`} y={s.y} height={s.height} fill={colour.get(s.series)}>
                    <title>{`${bar.key} · ${name.get(s.series)}: ${s.value}`}</title>
                  </rect>
                ))}
              </g>
            ))}
            {bars.map((bar, i) =>
              wide(i) ? (
                <text key={bar.key} x={`${bar.x + bar.width / 2}%`} y={PLOT + 16} textAnchor="middle" className={!medium(i) ? classes.wideOnly : !narrow(i) ? classes.mediumUp : undefined}>
                  {bar.key}
                </text>
              ) : null,
            )}
          </g>
        </svg>
      </div>
      <ul className={classes.legend}>
        {series.map((s) => (
          <li key={s.name}>
            <span className={classes.swatch} style={{ background: s.color }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
