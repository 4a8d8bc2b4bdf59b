import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionStatusBadge, OverdueBadge, VerdictBadgeSmall } from "~/components/actions/action-labels";
import { ActionControls, ActionHistory } from "~/components/actions/action-controls";
import { EffectivenessPanel } from "~/components/actions/effectiveness-panel";
import { DARK_LABEL, formatDate } from "~/components/labels";
import { checkDaysSchema, moveActionSchema, nextStatuses, notesSchema, verdictSchema } from "~/domain/actions/action-schema";
import { NOISE_WORDS } from "~/domain/actions/effectiveness";
import { checkReached, isCheckDue, isOverdue } from "~/domain/actions/timing";
import { isCompTeam } from "~/domain/auth/permissions";
import { functionLabel } from "~/domain/cases/taxonomy";
import { effectivenessFigures, getAction, updateAction, type UpdateResult } from "~/models/action.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { forbidden, notFound, parseId, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.action.title ?? "Action"} · Actions · Upstream` }];

// Executives read an action on a pattern or published brief: what, the owning function, status
// and the check's outcome in words — no owner name, no cases, no counts (decision 014).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const id = parseId(params.id, "Action");
  const a = await getAction(id, user);
  if (!a) throw notFound(`Action #${id} does not exist.`);
  const exec = user.role === "executive";
  const at = now();
  const who = { compTeam: isCompTeam(user.role), owner: a.owner.id === user.id };
  const figures = await effectivenessFigures(a);
  return {
    action: {
      id: a.id,
      title: a.title,
      detail: a.detail,
      ownerFunction: a.ownerFunction,
      owner: exec ? null : a.owner.name,
      status: a.status,
      rejectReason: a.rejectReason,
      notes: exec ? "" : a.notes,
      dueOn: a.dueOn,
      doneAt: a.doneAt,
      checkDays: a.checkDays,
      checkDueOn: a.checkDueOn,
      verdict: a.verdict,
      verdictNote: a.verdictNote,
      verdictAt: a.verdictAt,
      version: a.version,
      pattern: a.pattern,
      brief: a.brief && (a.brief.publishedCount > 0 || !exec) ? { id: a.brief.id, title: a.brief.title } : null,
      cases: exec ? [] : a.cases.map((c) => c.case),
      createdBy: exec ? null : a.createdBy.name,
    },
    overdue: isOverdue(a, at),
    checkDue: isCheckDue(a, at),
    checkReached: checkReached(a, at),
    figures: exec ? null : figures,
    outcomeWords: figures ? NOISE_WORDS[figures.test.verdict] : null,
    moves: exec ? [] : nextStatuses(a.status, who),
    canEdit: !exec && (who.compTeam || who.owner),
    history: exec ? [] : a.events.map((e) => ({ id: e.id, at: e.at, field: e.field, fromValue: e.fromValue, toValue: e.toValue, actor: e.actor.name })),
  };
}

type Ctx = { id: number; actor: { id: string; compTeam: boolean } };
const intent = intentsFor<Ctx>();
const refuse = (r: Extract<UpdateResult, { ok: false }>, _v: unknown, { id }: Ctx) => {
  switch (r.reason) {
    case "not-found":
      return answer.notFound(`Action #${id} does not exist.`);
    case "not-yours":
      return answer.forbidden("Only the action's owner and the comp team may change it.");
    case "conflict":
      return answer.conflict("Someone changed this action while you were working. Reload to see their change; what you typed is still here.");
    case "move-not-open":
      return answer.invalid("That move is not open to you from here. Reload to see the action as it is now.", "status");
    case "check-not-due":
      return answer.invalid("The check is not due yet: record the verdict on or after the check date.", "verdict");
    case "already-checked":
      return answer.invalid("The check is already recorded.", "checkDays");
  }
};
const back = (_r: unknown, _v: unknown, { id }: Ctx) => redirect(`/actions/${id}`);
const intents = {
  move: intent({ schema: moveActionSchema, run: ({ version, status, reason }, { id, actor }) => updateAction({ id, version, actor, change: { intent: "move", status, reason } }), refuse, done: back }),
  notes: intent({ schema: notesSchema, run: ({ version, notes }, { id, actor }) => updateAction({ id, version, actor, change: { intent: "notes", notes } }), refuse, done: back }),
  "check-days": intent({ schema: checkDaysSchema, run: ({ version, checkDays }, { id, actor }) => updateAction({ id, version, actor, change: { intent: "check-days", checkDays } }), refuse, done: back }),
  verdict: intent({ schema: verdictSchema, run: ({ version, verdict, verdictNote }, { id, actor }) => updateAction({ id, version, actor, change: { intent: "verdict", verdict, verdictNote } }), refuse, done: back }),
};

// Executives read; the owner and the comp team act (the model checks which moves are whose).
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  if (user.role === "executive") throw forbidden();
  const ctx = { id: parseId(params.id, "Action"), actor: { id: user.id, compTeam: isCompTeam(user.role) } };
  return handleIntent(await readForm(request), ctx, intents);
}

export default function ActionPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const a = d.action;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/actions" size="sm">← Actions</Anchor>
      <div>
        <Group gap="xs">
          <ActionStatusBadge status={a.status} />
          {d.overdue ? <OverdueBadge /> : null}
          {d.checkDue ? <Badge color="yellow" variant="light" styles={DARK_LABEL}>Check due</Badge> : null}
          <VerdictBadgeSmall verdict={a.verdict} />
        </Group>
        <Title order={1} mt={4}>{a.title}</Title>
        <Text c="dimmed">
          Owned by {a.owner ? `${a.owner}, ` : ""}{functionLabel(a.ownerFunction)} · due {formatDate(a.dueOn)}{a.createdBy ? ` · proposed by ${a.createdBy}` : ""}
        </Text>
        {a.detail ? <Text mt="sm" maw={760} style={{ whiteSpace: "pre-wrap" }}>{a.detail}</Text> : null}
      </div>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: d.canEdit ? 7 : 12 }}>
          <Stack gap="lg">
            <Paper withBorder radius="lg" p="md">
              <Title order={2} size="h4" mb="xs">Where it comes from</Title>
              <Text size="sm">Pattern: {a.pattern ? <Anchor component={Link} to={`/patterns/${a.pattern.id}`}>{a.pattern.name}</Anchor> : "none"}</Text>
              <Text size="sm">Brief: {a.brief ? <Anchor component={Link} to={`/briefs/${a.brief.id}`}>{a.brief.title}</Anchor> : "none"}</Text>
              {a.cases.length ? <Text size="sm">Cases: {a.cases.map((c, i) => <span key={c.id}>{i ? ", " : ""}<Anchor component={Link} to={`/cases/${c.id}`}>#{c.id} {c.title}</Anchor></span>)}</Text> : null}
              {a.status === "rejected" ? <Text size="sm" mt="xs"><strong>Rejected because:</strong> {a.rejectReason}</Text> : null}
              {a.notes ? <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}><strong>Notes:</strong> {a.notes}</Text> : null}
            </Paper>
            <Paper withBorder radius="lg" p="md">
              <Title order={2} size="h4" mb="xs">Effectiveness check</Title>
              {a.doneAt ? (
                <Text size="sm">Done {formatDate(a.doneAt)}; the check falls due {a.checkDueOn ? formatDate(a.checkDueOn) : "—"} ({a.checkDays} days later).</Text>
              ) : (
                <Text size="sm">Scheduled {a.checkDays} days after the action is done.</Text>
              )}
              {d.outcomeWords ? <Text size="sm" mt="xs" fw={600}>{d.outcomeWords}</Text> : null}
              {a.verdict ? (
                <Text size="sm" mt="xs" data-testid="verdict">
                  <strong>Owner’s verdict:</strong> {a.verdict === "effective" ? "Effective" : a.verdict === "not_effective" ? "Not effective" : "Inconclusive"}{a.verdictAt ? ` (${formatDate(a.verdictAt)})` : ""} — {a.verdictNote}
                </Text>
              ) : null}
            </Paper>
            {d.figures ? <EffectivenessPanel f={d.figures} /> : null}
            {d.history.length ? <ActionHistory events={d.history} /> : null}
          </Stack>
        </Grid.Col>
        {d.canEdit ? (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ActionControls action={a} moves={d.moves} checkReached={d.checkReached} reply={actionData} />
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}
