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

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${({ "&": "amp", "<": "lt", ">": "gt", '"': "quot" })[c]};`);

/**
 * The plot's SVG (grid lines, a rect per bar piece, slot labels) as markup: ~1,300 elements at
 * 100,000 cases that React rendered on every view of /patterns. Written as a string, once per
 * `data` object: the page's figures are cached per data version (decision 028), so the chart
 * of the same figures is the same string until a write makes new figures (decision 041).
 */
type Plot = { markup: string; ticks: { value: number; y: number }[] };
const plots = new WeakMap<readonly Row[], Map<string, Plot>>();

export function plotOf(data: readonly Row[], dataKey: string, series: Props["series"]): Plot {
  const key = JSON.stringify([dataKey, series]);
  const known = plots.get(data)?.get(key);
  if (known !== undefined) return known;
  const { bars, ticks } = stackedBars(data, series.map((s) => s.name), dataKey, PLOT);
  const colour = new Map(series.map((s) => [s.name, s.color]));
  const name = new Map(series.map((s) => [s.name, s.label]));
  // How many slot labels fit: about 16 on a wide card, 8 on a tablet, 4 on a phone.
  const [wide, medium, narrow] = labelSteps(bars.length, [16, 8, 4]);
  let out = `<g transform="translate(0 ${TOP})">`;
  for (const t of ticks) out += `<line x1="0" x2="100%" y1="${t.y}" y2="${t.y}" stroke="var(--mantine-color-gray-4)"${t.value ? ' stroke-dasharray="5 5"' : ""}></line>`;
  for (const bar of bars) {
    out += "<g>";
    for (const s of bar.segments) {
      out += `<rect x="${bar.x}%" width="${bar.width}%" y="${s.y}" height="${s.height}" fill="${escape(colour.get(s.series) ?? "")}"><title>${escape(`${bar.key} · ${name.get(s.series)}: ${s.value}`)}</title></rect>`;
    }
    out += "</g>";
  }
  bars.forEach((bar, i) => {
    if (!wide(i)) return;
    const cls = !medium(i) ? classes.wideOnly : !narrow(i) ? classes.mediumUp : undefined;
    out += `<text x="${bar.x + bar.width / 2}%" y="${PLOT + 16}" text-anchor="middle"${cls ? ` class="${cls}"` : ""}>${escape(bar.key)}</text>`;
  });
  out += "</g>";
  const plot = { markup: out, ticks };
  if (!plots.has(data)) plots.set(data, new Map());
  plots.get(data)!.set(key, plot);
  return plot;
}

export function StackedBarChart({ data, dataKey, series, label }: Props) {
  const { markup, ticks } = plotOf(data, dataKey, series);
  return (
    <figure className={classes.chart}>
      <div className={classes.plot} role="img" aria-label={label}>
        <div className={classes.scale} style={{ height: PLOT + TOP }} aria-hidden="true">
          {ticks.map((t) => (
            <span key={t.value} style={{ top: t.y + TOP }}>{t.value}</span>
          ))}
        </div>
        <svg className={classes.svg} width="100%" height={PLOT + TOP + LABELS} aria-hidden="true" dangerouslySetInnerHTML={{ __html: markup }} />
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
