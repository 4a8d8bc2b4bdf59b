import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { functionLabel } from "~/domain/cases/taxonomy";
import { confidenceLabel } from "~/domain/whys/chain";
import { DARK_LABEL } from "../labels";

export type StepView = {
  id: number;
  position: number;
  question: string;
  answer: string;
  evidence: string;
  evidenceUrl: string;
  ownerFunction: string;
  confidence: string;
  askedLeader: { id: string; name: string } | null;
  answeredBy: { name: string; role: string } | null;
  notes: { id: number; body: string; kind: string; author: { name: string } }[];
};

const CONFIDENCE_COLOURS: Record<string, string> = { possible: "yellow", likely: "blue", confirmed: "teal" };

type Props = {
  step: StepView;
  last: boolean;
  version: number;
  canEdit: boolean;
  viewerId: string;
};

export function StepCard({ step, last, version, canEdit, viewerId }: Props) {
  const waiting = !step.answer && step.askedLeader;
  return (
    <Paper withBorder p="md" radius="lg" id={`step-${step.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text size="xs" tt="uppercase" fw={700} c="dark.3">
              Why {step.position}
            </Text>
            <Text fw={650}>{step.question}</Text>
          </div>
          <Group gap={6} wrap="nowrap">
            {step.confidence ? (
              <Badge variant="light" color={CONFIDENCE_COLOURS[step.confidence] ?? "gray"} styles={DARK_LABEL}>
                {confidenceLabel(step.confidence)}
              </Badge>
            ) : null}
            {step.ownerFunction ? (
              <Badge variant="outline" color="gray" styles={DARK_LABEL}>
                {functionLabel(step.ownerFunction)}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {step.answer ? (
          <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{step.answer}</Text>
        ) : waiting ? (
          // A darker orange than Mantine's darkest (orange.9 is 4.3:1 on white, below WCAG AA's 4.5:1).
          <Text c="#c2410c" size="sm" fw={600}>
            Waiting for {step.askedLeader!.name} (sales leader) to answer.{" "}
            {step.askedLeader!.id === viewerId ? (
              <Anchor component={Link} to="/questions">
                Answer it in Questions for you
              </Anchor>
            ) : null}
          </Text>
        ) : (
          <Text c="dimmed" size="sm">No answer yet.</Text>
        )}
        {step.answeredBy?.role === "sales_leader" ? (
          <Text size="xs" c="dark.4">
            Answered by {step.answeredBy.name}, sales leader
          </Text>
        ) : null}
        {step.evidence || step.evidenceUrl ? (
          <Text size="sm" c="dark.5">
            Evidence: {step.evidence}{" "}
            {step.evidenceUrl ? (
              <Anchor href={step.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow">
                {step.evidenceUrl}
              </Anchor>
            ) : null}
          </Text>
        ) : null}
        {step.notes.map((n) => (
          <Text key={n.id} size="sm" c="dark.5">
            Note used as evidence ({n.author.name}): “{n.body}”
          </Text>
        ))}
        {canEdit ? (
          <Group gap="xs" mt={4}>
            <Button component={Link} to={`?edit=${step.id}#step-${step.id}`} size="compact-sm" variant="default" preventScrollReset>
              Edit
            </Button>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="move-step" />
              <input type="hidden" name="stepId" value={step.id} />
              <input type="hidden" name="version" value={version} />
              <Group gap={4}>
                <Button type="submit" name="direction" value="up" size="compact-sm" variant="default" disabled={step.position === 1} aria-label={`Move why ${step.position} up`}>
                  ↑
                </Button>
                <Button type="submit" name="direction" value="down" size="compact-sm" variant="default" disabled={last} aria-label={`Move why ${step.position} down`}>
                  ↓
                </Button>
              </Group>
            </Form>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="remove-step" />
              <input type="hidden" name="stepId" value={step.id} />
              <input type="hidden" name="version" value={version} />
              <Button type="submit" size="compact-sm" variant="subtle" color="red">
                Remove
              </Button>
            </Form>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
