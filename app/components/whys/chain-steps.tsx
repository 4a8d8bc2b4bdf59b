import { Alert, Button, Paper, Stack, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { canAddStep, defaultQuestion, looksStructural, upstreamPrompt } from "~/domain/whys/chain";
import { replyFor, type Reply } from "~/utils/reply";
import { StepCard, type StepView } from "./step-card";
import { StepForm } from "./step-form";

type Props = {
  steps: (StepView & { askedLeaderId: string | null })[];
  version: number;
  canEdit: boolean;
  /** The step open for editing (?edit=id), 0 for none. */
  editing: number;
  viewerId: string;
  leaders: { id: string; name: string }[];
  /** The behaviour of concern in words: the first why starts from it. */
  behaviour: string;
  reply: Reply | undefined;
};

/** The chain's steps, one open for editing, and the form for the next why. */
export function ChainSteps({ steps, version, canEdit, editing, viewerId, leaders, behaviour, reply }: Props) {
  const last = steps.at(-1);
  return (
    <Stack gap="md">
      {steps.length === 0 ? <Text c="dimmed">No steps yet. Start with the first why below.</Text> : null}
      {steps.map((step, i) =>
        canEdit && editing === step.id ? (
          <Paper withBorder p="md" radius="lg" key={step.id} id={`step-${step.id}`}>
            <Text size="xs" tt="uppercase" fw={700} c="dark.3" mb="xs">Editing why {step.position}</Text>
            <StepForm
              id={`edit-step-${step.id}`}
              intent="edit-step"
              version={version}
              stepId={step.id}
              lastResult={replyFor(reply, "edit-step")}
              leaders={leaders}
              submitLabel="Save step"
              defaultValue={{
                question: step.question,
                answer: step.answer,
                evidence: step.evidence,
                evidenceUrl: step.evidenceUrl,
                ownerFunction: step.ownerFunction,
                confidence: step.confidence,
                askLeaderId: step.askedLeaderId ?? "",
              }}
              cancel={<Button component={Link} to="." variant="subtle">Cancel</Button>}
            />
          </Paper>
        ) : (
          <StepCard key={step.id} step={step} last={i === steps.length - 1} version={version} canEdit={canEdit} viewerId={viewerId} />
        ),
      )}

      {canEdit && canAddStep(steps) && !editing ? (
        <Paper withBorder p="md" radius="lg" bg="teal.0">
          <Text size="xs" tt="uppercase" fw={700} c="dark.4">Why {steps.length + 1}</Text>
          <Text size="sm" mb="sm" c="dark.7">{upstreamPrompt(steps.length, last?.answer)}</Text>
          {last && looksStructural(last.answer) ? (
            <Alert color="teal" variant="light" mb="sm" p="xs">
              <Text size="sm" c="dark.8">That answer looks structural. You can stop here and write the conclusion.</Text>
            </Alert>
          ) : null}
          <StepForm
            key={`add-${steps.length}-${version}`}
            id="add-step"
            intent="add-step"
            version={version}
            lastResult={replyFor(reply, "add-step")}
            leaders={leaders}
            submitLabel="Add this why"
            defaultValue={{ question: defaultQuestion(last ? { answer: last.answer } : null, behaviour), confidence: "likely" }}
          />
        </Paper>
      ) : null}
      {canEdit && !canAddStep(steps) ? <Text c="dimmed" size="sm">Nine steps is the limit: time for the conclusion.</Text> : null}
    </Stack>
  );
}
