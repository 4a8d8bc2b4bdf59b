import { Alert, Button, Checkbox, List, Paper, Stack, Text, Title } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { formatDate } from "~/components/labels";
import { payFixSentence } from "~/domain/briefs/pay-fix";
import { checkChain, readBack, type Conclusion, type WhyStep } from "~/domain/whys/chain";
import { errorOf, type Reply } from "~/utils/reply";

type Props = {
  caseId: number;
  steps: readonly WhyStep[];
  conclusion: Conclusion | null;
  behaviour: string;
  confirmedAt: string | Date | null;
  version: number;
  canEdit: boolean;
  reply: Reply | undefined;
};

/** The chain read back as one argument, then its confirmation (or the brief once confirmed). */
export function ReadBackPanel({ caseId, steps, conclusion, behaviour, confirmedAt, version, canEdit, reply }: Props) {
  const navigation = useNavigation();
  const check = checkChain(steps, conclusion);
  // What still stands between the chain and a confirmed diagnosis: the server's list after a
  // refused confirm, else the page's own check.
  const refusedConfirm = reply?.intent === "confirm" && reply.problems.length ? reply : undefined;
  const missing = refusedConfirm ? refusedConfirm.problems : check.ok ? [] : check.problems.map((p) => p.message);
  const confirmError = refusedConfirm ? errorOf(refusedConfirm, "confirm") : undefined;

  return (
    <Paper withBorder p="md" radius="lg">
      <Title order={2} size="h4" mb="sm">Read it back</Title>
      {conclusion && steps.length > 0 ? (
        <Text style={{ lineHeight: 1.7 }} data-testid="read-back">{readBack(steps, conclusion, behaviour)}</Text>
      ) : (
        <Text c="dimmed" size="sm">The read-back appears once there is a step and a root cause.</Text>
      )}
      {conclusion?.payFix ? <Text size="sm" mt="sm" fw={600}>{payFixSentence(conclusion.payFix, conclusion.rootCause)}</Text> : null}
      {confirmedAt ? (
        <>
          <Alert color="teal" variant="light" mt="md">
            <Text c="dark.8" size="sm">Diagnosis confirmed on {formatDate(confirmedAt)}.</Text>
          </Alert>
          {canEdit ? (
            <Form method="post" action="/briefs">
              <input type="hidden" name="source" value="case" />
              <input type="hidden" name="sourceId" value={caseId} />
              <Button type="submit" variant="outline" mt="sm">Write a brief from this case</Button>
            </Form>
          ) : null}
        </>
      ) : canEdit ? (
        <>
          {missing.length ? (
            <Alert id="confirm-missing" color="orange" variant="light" mt="md" title="Before this case can be marked diagnosed" styles={{ title: { color: "var(--mantine-color-dark-8)" } }}>
              {confirmError ? <Text size="sm" c="dark.8" role="alert" mb={4}>{confirmError}</Text> : null}
              <List size="sm">
                {missing.map((m) => (
                  <List.Item key={m}><Text size="sm" c="dark.8">{m}</Text></List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="version" value={version} />
            <Stack gap="xs" mt="md">
              <Checkbox name="confirmed" label="I read the chain back and it holds" error={errorOf(reply, "confirm", "confirmed")} disabled={missing.length > 0} />
              {/* Disabled while its list of what is missing is on screen; the server refuses too. */}
              <Button type="submit" variant="filled" disabled={missing.length > 0} aria-describedby={missing.length ? "confirm-missing" : undefined} loading={navigation.formData?.get("intent") === "confirm"}>
                Confirm diagnosis
              </Button>
            </Stack>
          </Form>
        </>
      ) : null}
    </Paper>
  );
}
