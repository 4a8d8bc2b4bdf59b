import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { labelSteps, stackedBars, type Row } from "~/domain/charts/stacked-bars";
import { plotOf, StackedBarChart } from "./stacked-bar-chart";
import classes from "./stacked-bar-chart.module.css";

// The plot as React drew it before it became a string (decision 041): the markup must not change.
function reactPlot(data: Row[], dataKey: string, series: { name: string; label: string; color: string }[]) {
  const { bars, ticks } = stackedBars(data, series.map((s) => s.name), dataKey, 220);
  const [wide, medium, narrow] = labelSteps(bars.length, [16, 8, 4]);
  const colour = new Map(series.map((s) => [s.name, s.color]));
  const name = new Map(series.map((s) => [s.name, s.label]));
  return renderToStaticMarkup(
    h("g", { transform: "translate(0 8)" },
      ticks.map((t) => h("line", { key: t.value, x1: "0", x2: "100%", y1: t.y, y2: t.y, stroke: "var(--mantine-color-gray-4)", strokeDasharray: t.value ? "5 5" : undefined })),
      bars.map((bar) => h("g", { key: bar.key }, bar.segments.map((s) => h("rect", { key: s.series, x: `${bar.x}%`, width: `${bar.width}%`, y: s.y, height: s.height, fill: colour.get(s.series) }, h("title", null, `${bar.key} · ${name.get(s.series)}: ${s.value}`))))),
      bars.map((bar, i) => (wide(i) ? h("text", { key: bar.key, x: `${bar.x + bar.width / 2}%`, y: 236, textAnchor: "middle", className: !medium(i) ? classes.wideOnly : !narrow(i) ? classes.mediumUp : undefined }, bar.key) : null)),
    ),
  );
}

const series = [
  { name: "territory", label: "Territory <imbalance> & \"quotes\"", color: "#0b7a4b" },
  { name: "plan", label: "Plan design", color: "#1f5fbf" },
];
const months = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ month: `2025-${String((i % 12) + 1).padStart(2, "0")}/${i}`, territory: (i * 7) % 13, plan: i % 3 ? null : i }));

describe("StackedBarChart's plot", () => {
  it.each([1, 5, 37])("is the markup React drew, for %i months", (n) => {
    const data = months(n);
    expect(plotOf(data, "month", series).markup).toBe(reactPlot(data, "month", series));
  });

  it("is drawn again for new figures, and kept for the same ones", () => {
    const first = months(6);
    const again = plotOf(first, "month", series);
    expect(plotOf(first, "month", series)).toBe(again);
    const changed = first.map((row, i) => (i === 2 ? { ...row, territory: 99 } : row));
    expect(plotOf(changed, "month", series).markup).not.toBe(again.markup);
    expect(plotOf(changed, "month", series).markup).toContain(": 99</title>");
    // Another colour or label for the same figures is another chart.
    expect(plotOf(first, "month", [{ ...series[0], color: "#000000" }, series[1]]).markup).toContain('fill="#000000"');
  });

  it("puts the plot inside the page's SVG", () => {
    const html = renderToStaticMarkup(h(StackedBarChart, { data: months(3), dataKey: "month", series, label: "Cases per month" }));
    expect(html).toContain(`aria-hidden="true">${plotOf(months(3), "month", series).markup}</svg>`);
  });
});
