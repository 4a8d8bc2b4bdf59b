import { List, Text } from "@mantine/core";

type Step = { id: number; position: number; question: string; answer: string };

/** The Five Whys as read on the case page by those who do not edit them (issue 14: not behind a button). */
export function ChainSummary({ steps }: { steps: Step[] }) {
  if (steps.length === 0) return <Text size="sm" c="dark.5">The comp team has not started the Five Whys yet.</Text>;
  return (
    <List type="ordered" spacing="xs" size="sm" data-testid="chain-summary">
      {steps.map((s) => (
        <List.Item key={s.id}>
          <Text size="sm" fw={600} span>{s.question}</Text>{" "}
          <Text size="sm" c={s.answer ? "dark.8" : "dark.5"} span>{s.answer || "Waiting for an answer."}</Text>
        </List.Item>
      ))}
    </List>
  );
}
