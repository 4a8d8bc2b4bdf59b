import { Alert, Button, Group, Text } from "@mantine/core";
import { Form } from "@remix-run/react";
import { causeLabel } from "~/domain/cases/taxonomy";

/**
 * The cause check on a case page (issue 13): its theme reads like another cause than the one
 * it was filed under. The re-file form posts to /patterns, which comes back here.
 */
export function CaseCauseCheck({ caseId, check }: { caseId: number; check: { themeName: string; cause: string; filedAs: string; sentence: string } | null }) {
  if (!check) return null;
  return (
    // The title in dark ink: Mantine's yellow on its light yellow is 2.6:1 (WCAG AA needs 4.5:1).
    <Alert color="yellow" variant="light" title="Cause check" data-testid="case-cause-check" styles={{ title: { color: "var(--mantine-color-dark-8)" } }}>
      <Text size="sm" c="dark.8">
        This case sits in the theme “{check.themeName}”: filed as {causeLabel(check.filedAs).toLowerCase()}, it reads like {causeLabel(check.cause).toLowerCase()} ({check.sentence}).
      </Text>
      <Form method="post" action="/patterns">
        <input type="hidden" name="intent" value="theme-refile" />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="cause" value={check.cause} />
        <input type="hidden" name="returnTo" value={`/cases/${caseId}`} />
        <Group mt="xs">
          <Button type="submit" size="xs">Re-file as {causeLabel(check.cause).toLowerCase()}</Button>
        </Group>
      </Form>
    </Alert>
  );
}
