import { Group, Stack, Text, Tooltip } from "@mantine/core";

type Bin = { label: string; from: number; count: number | { value: number | null; text: string } };

const countOf = (c: Bin["count"]) => (typeof c === "number" ? c : (c.value ?? 1));
const textOf = (c: Bin["count"]) => (typeof c === "number" ? String(c) : c.text);

/** A small histogram drawn with plain elements: readable without JavaScript, printable. */
export function MiniHistogram({ bins, label }: { bins: Bin[]; label: string }) {
  const max = Math.max(1, ...bins.map((b) => countOf(b.count)));
  return (
    <Stack gap={2}>
      <Group gap={2} align="flex-end" h={64} role="img" aria-label={`${label}: ${bins.map((b) => `${b.label} ${textOf(b.count)}`).join(", ")}`}>
        {bins.map((b) => (
          <Tooltip key={b.label} label={`${b.label}: ${textOf(b.count)} reps`} withArrow>
            <div
              style={{
                width: 10,
                height: `${Math.max(2, (countOf(b.count) / max) * 64)}px`,
                background: b.from >= 100 ? "var(--mantine-color-teal-7)" : "var(--mantine-color-gray-5)",
              }}
            />
          </Tooltip>
        ))}
      </Group>
      <Group justify="space-between" w={bins.length * 12}>
        <Text size="xs" c="dark.3">{bins[0]?.label.split("–")[0]}</Text>
        <Text size="xs" c="dark.3">{bins.at(-1)?.label}</Text>
      </Group>
    </Stack>
  );
}
