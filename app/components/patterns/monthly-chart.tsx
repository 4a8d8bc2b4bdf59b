import { Paper, Text, Title } from "@mantine/core";
import { lazy, Suspense, useEffect, useState } from "react";

// The chart library (recharts, ~550 kB before compression) is a chunk of its own, fetched after
// the page has painted and hydrated: no other page, and not this page's first paint, waits for it
// (issue 18). Not gated on scrolling into view: the chart then appeared under a reader's (or a
// test's) pointer mid-scroll and moved what lay below it.
const BarChart = lazy(() => import("@mantine/charts").then((m) => ({ default: m.BarChart })));

const COLOURS = ["teal.7", "blue.7", "orange.7", "grape.7", "red.7", "cyan.7", "lime.8", "indigo.7", "yellow.7", "pink.7", "gray.6", "dark.4"];

type Props = { data: Record<string, string | number | null>[]; series: { name: string; label: string }[] };

// Charts measure the page, so they draw after hydration; the matrices above carry the same
// figures for anyone without JavaScript.
export function MonthlyChart({ data, series }: Props) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const waiting = <Text c="dimmed" size="sm" h={280}>Loading the chart…</Text>;
  return (
    <Paper withBorder radius="lg" p="md">
      <Title order={3} size="h5" mb="xs">Cases per month by cause</Title>
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">No cases in this date range.</Text>
      ) : mounted ? (
        <Suspense fallback={waiting}>
          <BarChart
            h={280}
            data={data}
            dataKey="month"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: "bottom" }}
            series={series.map((s, i) => ({ name: s.name, label: s.label, color: COLOURS[i % COLOURS.length] }))}
          />
        </Suspense>
      ) : (
        waiting
      )}
    </Paper>
  );
}
