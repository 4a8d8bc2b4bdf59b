import { Box, Group, Stack, Text } from "@mantine/core";

type Bin = { label: string; from: number; count: number | { value: number | null; text: string } };

const countOf = (c: Bin["count"]) => (typeof c === "number" ? c : (c.value ?? 1));
const textOf = (c: Bin["count"]) => (typeof c === "number" ? String(c) : c.text);

const BAR = 10;
const GAP = 2;
const HEIGHT = 64;

/**
 * A small histogram drawn with plain elements: readable without JavaScript, printable. Axes
 * (issue 14): the count scale on the left (0 to the tallest bar), % of quota along the bottom
 * with 100% marked, since bars at or past quota are coloured.
 */
export function MiniHistogram({ bins, label }: { bins: Bin[]; label: string }) {
  const max = Math.max(1, ...bins.map((b) => countOf(b.count)));
  const width = bins.length * (BAR + GAP);
  const quotaAt = bins.findIndex((b) => b.from >= 100);
  return (
    <Group gap={4} align="flex-start" wrap="nowrap">
      <Stack gap={0} justify="space-between" h={HEIGHT} aria-hidden="true" style={{ textAlign: "right", whiteSpace: "nowrap" }}>
        <Text size="xs" c="dark.4" lh={1}>{max}</Text>
        <Text size="xs" c="dark.4" lh={1}>0</Text>
      </Stack>
      <Stack gap={2}>
        <Group gap={GAP} align="flex-end" h={HEIGHT} wrap="nowrap" role="img" style={{ borderLeft: "1px solid var(--mantine-color-gray-5)", borderBottom: "1px solid var(--mantine-color-gray-5)" }}
          aria-label={`${label}, rep-periods by % of quota: ${bins.map((b) => `${b.label} ${textOf(b.count)}`).join(", ")}`}>
          {/* A bar's figure in its title, not a Mantine Tooltip: a tooltip per bar was a third of the page's render (issue 18); the group's aria-label reads every bar. */}
          {bins.map((b) => (
            <div
              key={b.label}
              title={`${b.label} of quota: ${textOf(b.count)} rep-periods`}
              style={{
                width: BAR,
                height: `${Math.max(2, (countOf(b.count) / max) * HEIGHT)}px`,
                background: b.from >= 100 ? "var(--mantine-color-teal-7)" : "var(--mantine-color-gray-5)",
              }}
            />
          ))}
        </Group>
        <Box pos="relative" w={width} h={16} aria-hidden="true">
          <Text size="xs" c="dark.4" pos="absolute" left={0} top={0}>{bins[0]?.label.split("–")[0]}{bins[0]?.label.includes("%") && !bins[0]?.label.split("–")[0].includes("%") ? "%" : ""}</Text>
          {quotaAt > 0 ? (
            <Text size="xs" c="dark.4" pos="absolute" top={0} left={quotaAt * (BAR + GAP)} style={{ transform: "translateX(-50%)" }}>100%</Text>
          ) : null}
          <Text size="xs" c="dark.4" pos="absolute" right={0} top={0}>{bins.at(-1)?.label}</Text>
        </Box>
      </Stack>
    </Group>
  );
}
