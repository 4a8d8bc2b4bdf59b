import { Anchor, Button, Group, Paper, Title } from "@mantine/core";
import { PlainText } from "~/components/plain-text";
import { Link } from "@remix-run/react";
import { ChainSummary } from "~/components/whys/chain-summary";
import { behaviourLabel, causeLabel } from "~/domain/cases/taxonomy";

type ComplaintProps = {
  caseFile: { behaviour: string; behaviourDetail: string; complaint: string; resolutionNote: string | null };
};

/** The behaviour of concern and the complaint in the reporter's words. */
export function CaseComplaint({ caseFile: c }: ComplaintProps) {
  return (
    <Paper withBorder p="lg" radius="lg">
      <PlainText size="xs" tt="uppercase" fw={700} c="dark.3" mb={6}>
        Behaviour of concern
      </PlainText>
      <Title order={2} size="h3">
        {behaviourLabel(c.behaviour)}
      </Title>
      {c.behaviourDetail ? <PlainText mt={4}>{c.behaviourDetail}</PlainText> : null}
      <PlainText size="xs" tt="uppercase" fw={700} c="dark.3" mt="lg" mb={6}>
        In their words
      </PlainText>
      <blockquote className="complaint-quote" style={{ margin: 0 }}>
        {c.complaint}
      </blockquote>
      {c.resolutionNote ? (
        <PlainText mt="md" size="sm" data-testid="resolution-note"><strong>Resolved at triage:</strong> {c.resolutionNote}</PlainText>
      ) : null}
    </Paper>
  );
}

type CauseProps = {
  caseFile: { id: number; suspectedCause: string; causeDetail: string; rootCause: string; rootCauseStatement: string };
  steps: { id: number; position: number; question: string; answer: string }[];
  canEdit: boolean;
};

/**
 * The suspected and diagnosed cause: the comp team gets the way into the Five Whys, everyone
 * else the chain itself.
 */
export function CaseCause({ caseFile: c, steps, canEdit }: CauseProps) {
  return (
    <Paper withBorder p="lg" radius="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4" mb="md">
            Suspected upstream cause
          </Title>
          <PlainText fw={600}>{c.suspectedCause ? causeLabel(c.suspectedCause) : "Not known yet"}</PlainText>
          {c.causeDetail ? <PlainText size="sm">{c.causeDetail}</PlainText> : null}
          {c.rootCause ? (
            <PlainText size="sm" mt="sm">
              <strong>Diagnosed root cause:</strong> {causeLabel(c.rootCause)} — {c.rootCauseStatement}
            </PlainText>
          ) : null}
        </div>
        {canEdit ? (
          <Button component={Link} to={`/cases/${c.id}/whys`} variant="filled">
            {steps.length ? `Five Whys (${steps.length})` : "Start the Five Whys"}
          </Button>
        ) : null}
      </Group>
      {canEdit ? null : (
        <>
          <Title order={3} size="h5" mt="lg" mb="xs">Five Whys</Title>
          <ChainSummary steps={steps} />
          {steps.length ? <Anchor component={Link} to={`/cases/${c.id}/whys`} size="sm" mt="xs" display="inline-block">Evidence and notes for each step</Anchor> : null}
        </>
      )}
    </Paper>
  );
}
