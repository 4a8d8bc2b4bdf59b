import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import { functionLabel } from "~/domain/cases/taxonomy";
import { formatDate } from "../labels";
import { ActionStatusBadge, OverdueBadge, VerdictBadgeSmall } from "./action-labels";

export type PanelAction = { id: number; title: string; ownerFunction: string; status: string; dueOn: string | Date; overdue: boolean; verdict: string; verdictNote: string };

/** "What we did and whether it worked": a pattern's or brief's actions and their checks. */
export function ActionsPanel({ actions, newHref, title = "What we did and whether it worked" }: { actions: PanelAction[]; newHref: string | null; title?: string }) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">{title}</Title>
        {newHref ? <Button component={Link} to={newHref} size="xs" variant="default">Turn into an action</Button> : null}
      </Group>
      {actions.length === 0 ? (
        <Text size="sm">No actions yet.</Text>
      ) : (
        <Stack gap="xs">
          {actions.map((a) => (
            <div key={a.id}>
              <Group gap={6}>
                <Anchor component={Link} to={`/actions/${a.id}`} fw={600} c="dark.8">{a.title}</Anchor>
                <ActionStatusBadge status={a.status} />
                {a.overdue ? <OverdueBadge /> : null}
                <VerdictBadgeSmall verdict={a.verdict} />
              </Group>
              <Text size="xs" c="dark.4">{functionLabel(a.ownerFunction)} · due {formatDate(a.dueOn)}{a.verdictNote ? ` · ${a.verdictNote}` : ""}</Text>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
