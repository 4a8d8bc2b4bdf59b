import { BarChart } from "@mantine/charts";
import { Paper, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";

const COLOURS = ["teal.7", "blue.7", "orange.7", "grape.7", "red.7", "cyan.7", "lime.8", "indigo.7", "yellow.7", "pink.7", "gray.6", "dark.4"];

type Props = { data: Record<string, string | number | null>[]; series: { name: string; label: string }[] };

// Charts measure the page, so they draw after hydration; the matrices above carry the same
// figures for anyone without JavaScript.
export function MonthlyChart({ data, series }: Props) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <Paper withBorder radius="lg" p="md">
      <Title order={3} size="h5" mb="xs">Cases per month by cause</Title>
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">No cases in this date range.</Text>
      ) : mounted ? (
        <BarChart
          h={280}
          data={data}
          dataKey="month"
          type="stacked"
          withLegend
          legendProps={{ verticalAlign: "bottom" }}
          series={series.map((s, i) => ({ name: s.name, label: s.label, color: COLOURS[i % COLOURS.length] }))}
        />
      ) : (
        <Text c="dimmed" size="sm" h={280}>Loading the chart…</Text>
      )}
    </Paper>
  );
}
