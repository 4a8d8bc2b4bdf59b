import { Alert, Anchor, Button, Group, Paper, Stack, Title } from "@mantine/core";
import { PlainText } from "~/components/plain-text";
import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";

type Ref = { id: number; title: string };

// Title and links in near-black: red on pale red is below 4.5:1.
const ALERT_INK = { title: { color: "var(--mantine-color-dark-9)" }, message: { color: "var(--mantine-color-dark-9)" } };

export function RecurrenceAlert({ recurrences }: { recurrences: { pattern: { id: number; name: string; status: string } }[] }) {
  if (recurrences.length === 0) return null;
  return (
    <Alert color="red" variant="light" title="Recurring after the fix" styles={ALERT_INK}>
      {recurrences.map((r) => (
        <PlainText key={r.pattern.id} size="sm" c="dark.8">
          This case repeats the pattern <Anchor component={Link} to={`/patterns/${r.pattern.id}`} c="dark.9">{r.pattern.name}</Anchor>, which is {r.pattern.status}.
        </PlainText>
      ))}
    </Alert>
  );
}

/** Duplicate links both ways, and (for the comp team) alike cases to link. */
export function CaseLinks({ caseId, duplicateOf, duplicates, similar: given, canEdit }: { caseId: number; duplicateOf: Ref | null; duplicates: Ref[]; similar: (Ref & { score: number })[] | null; canEdit: boolean }) {
  const fetcher = useFetcher<{ similar: (Ref & { score: number })[] }>();
  const { load } = fetcher;
  useEffect(() => {
    if (canEdit && given == null) load(`/cases/similar?case=${caseId}`);
  }, [canEdit, given, caseId, load]);
  const similar = given ?? fetcher.data?.similar ?? [];
  if (!duplicateOf && duplicates.length === 0 && similar.length === 0 && !(canEdit && given == null)) return null;
  return (
    <Paper withBorder p="lg" radius="lg">
      <Title order={2} size="h4" mb="sm" id="links">Linked and alike cases</Title>
      <Stack gap={6}>
        {canEdit && given == null && !fetcher.data ? (
          <PlainText size="sm">
            <Anchor component={Link} to={`?alike=1#links`} preventScrollReset>Find cases that read alike</Anchor>
          </PlainText>
        ) : null}
        {duplicateOf ? (
          <Group gap="xs">
            <PlainText size="sm">Duplicate of <Anchor component={Link} to={`/cases/${duplicateOf.id}`}>#{duplicateOf.id} {duplicateOf.title}</Anchor></PlainText>
            {canEdit ? (
              <Form method="post">
                <input type="hidden" name="intent" value="link-duplicate" />
                <input type="hidden" name="duplicateOfId" value="" />
                <Button type="submit" size="compact-xs" variant="subtle">Unlink</Button>
              </Form>
            ) : null}
          </Group>
        ) : null}
        {duplicates.map((d) => (
          <PlainText key={d.id} size="sm">Repeated by <Anchor component={Link} to={`/cases/${d.id}`}>#{d.id} {d.title}</Anchor></PlainText>
        ))}
        {similar
          .filter((s) => s.id !== duplicateOf?.id && !duplicates.some((d) => d.id === s.id))
          .map((s) => (
            <Group key={s.id} gap="xs">
              <PlainText size="sm">Reads like <Anchor component={Link} to={`/cases/${s.id}`}>#{s.id} {s.title}</Anchor></PlainText>
              {canEdit && !duplicateOf ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="link-duplicate" />
                  <input type="hidden" name="duplicateOfId" value={s.id} />
                  <Button type="submit" size="compact-xs" variant="default" aria-label={`Mark case #${caseId} as a duplicate of #${s.id}`}>Mark as duplicate</Button>
                </Form>
              ) : null}
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}
