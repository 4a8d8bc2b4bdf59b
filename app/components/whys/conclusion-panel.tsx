import { Paper, Stack, Text, Title } from "@mantine/core";
import type { Conclusion } from "~/domain/whys/chain";
import type { StoredConclusion } from "~/domain/whys/conclusion";
import { replyFor, type Reply } from "~/utils/reply";
import { ConclusionForm } from "./conclusion-form";

type Props = {
  stored: StoredConclusion;
  conclusion: Conclusion | null;
  version: number;
  canEdit: boolean;
  reply: Reply | undefined;
};

/** The chain's conclusion: a form for the comp team, the statement and fix for everyone else. */
export function ConclusionPanel({ stored, conclusion, version, canEdit, reply }: Props) {
  return (
    <Paper withBorder p="md" radius="lg">
      <Title order={2} size="h4" mb="sm">Conclusion</Title>
      {canEdit ? (
        <ConclusionForm
          key={version}
          version={version}
          lastResult={replyFor(reply, "conclusion")}
          defaultValue={{
            rootCause: stored.rootCause,
            statement: stored.rootCauseStatement,
            justification: stored.rootCauseJustification,
            upstreamFix: stored.upstreamFix,
            fixOwner: stored.fixOwner,
            payFix: stored.payFix,
            payFixWhy: stored.payFixWhy,
          }}
        />
      ) : conclusion ? (
        <Stack gap={4}>
          <Text fw={650}>{conclusion.statement}</Text>
          <Text size="sm">Fix: {conclusion.upstreamFix}</Text>
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">Not written yet.</Text>
      )}
    </Paper>
  );
}
