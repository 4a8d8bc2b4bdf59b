import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Badge, Button, Grid, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { inputProps } from "~/components/form-props";
import { GrowingTextarea } from "~/components/growing-textarea";
import { DARK_LABEL, formatDate, StatusBadge } from "~/components/labels";
import { PatternLifeBadge } from "~/components/actions/action-labels";
import { ActionsPanel } from "~/components/actions/actions-panel";
import { VerdictBadge } from "~/components/patterns/verdict-badge";
import { can } from "~/domain/auth/permissions";
import { functionLabel, reporterRoleLabel, segmentLabel } from "~/domain/cases/taxonomy";
import { axisLabel } from "~/domain/patterns/axes";
import { effectiveCause } from "~/domain/patterns/effective-cause";
import { breakdown } from "~/domain/patterns/grouping";
import { addCasesSchema, editPatternSchema, PATTERN_STATUS_OPTIONS, removeCaseSchema } from "~/domain/patterns/pattern-schema";
import { protectGroup } from "~/domain/patterns/suppress-groups";
import { type ShownCount, WITHHELD_NOTE, WITHHELD_TEXT } from "~/domain/privacy/disclosure";
import { actionsFor, lifeOfPatterns } from "~/models/action.server";
import { addCasesToPattern, getPattern, removeCaseFromPattern, unknownCasesMessage, updatePattern } from "~/models/pattern.server";
import { requirePermission } from "~/utils/auth.server";
import { forbidden, notFound, parseId, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { replyFor } from "~/utils/reply";
import { redirectWithToast } from "~/utils/toast.server";

// Title and links in near-black: red on pale red is below 4.5:1.
const ALERT_INK = { title: { color: "var(--mantine-color-dark-9)" }, message: { color: "var(--mantine-color-dark-9)" } };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.pattern.name ?? "Pattern"} · Patterns · Upstream` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const id = parseId(params.id, "Pattern");
  const pattern = await getPattern(id, user);
  if (!pattern) throw notFound(`Pattern #${id} does not exist.`);
  const members = pattern.cases.map((c) => c.case);
  const suppress = user.role === "executive";
  const figures = {
    count: members.length,
    functions: breakdown(members, "function"),
    roles: breakdown(members, "role"),
    segments: breakdown(members, "segment"),
    tenureBands: breakdown(members, "tenure"),
    sources: null,
  };
  // Executives: the size and every breakdown protected together (the same protection the
  // pattern list uses), so no entry is the size minus the others.
  const shown = suppress ? protectGroup(figures) : null;
  const text = (entries: { label: string; count: number | ShownCount }[]) =>
    entries.map((e) => `${e.label} (${typeof e.count === "number" ? e.count.toLocaleString("en-US") : e.count.text})`).join(", ");
  const [life, actions] = await Promise.all([lifeOfPatterns([id]), actionsFor({ patternId: id }, user)]);
  return {
    life: life.get(id) ?? "open",
    actions: actions.map((a) => ({ id: a.id, title: a.title, ownerFunction: a.ownerFunction, status: a.status, dueOn: a.dueOn, overdue: a.overdue, verdict: a.verdict, verdictNote: a.verdictNote })),
    pattern: { id: pattern.id, name: pattern.name, description: pattern.description, status: pattern.status, cause: pattern.cause, version: pattern.version, createdBy: pattern.createdBy.name, updatedAt: pattern.updatedAt },
    count: shown ? shown.count.text : members.length.toLocaleString("en-US"),
    summary: {
      functions: text(shown?.functions ?? figures.functions),
      roles: text(shown?.roles ?? figures.roles),
      segments: text(shown?.segments ?? figures.segments),
      tenure: text(shown?.tenureBands ?? figures.tenureBands),
    },
    verdict: pattern.verdict,
    // The sentence carries exact counts: not for executives.
    verdictNote: suppress ? null : pattern.verdictNote,
    // Executives see the shape of a pattern, never its cases.
    cases: suppress ? null : members.map(({ complaint: _c, ...m }) => ({ ...m, cause: effectiveCause(m) })),
    // Executives learn that a pattern recurs, not how many (or which) new cases it took.
    recurring: pattern.recurrences.length > 0,
    recurrences: suppress ? [] : pattern.recurrences,
    canWrite: can(user.role, "case:write"),
  };
}

type Ctx = { id: number };
const intent = intentsFor<Ctx>();
const back = (said: string) => (_r: unknown, _v: unknown, { id }: Ctx) => redirectWithToast(`/patterns/${id}`, `Pattern #${id}: ${said}.`);
const patternNotFound = (id: number) => answer.notFound(`Pattern #${id} does not exist.`);

const intents = {
  edit: intent({
    schema: editPatternSchema,
    run: ({ version, ...input }, { id }) => updatePattern({ id, version, input }),
    refuse: (r, _v, { id }) =>
      r.reason === "not-found" ? patternNotFound(id) : answer.conflict("Someone changed this pattern while you were editing. Reload; your text is still here."),
    done: back("saved"),
  }),
  "add-cases": intent({
    schema: addCasesSchema,
    run: ({ caseIds }, { id }) => addCasesToPattern({ id, caseIds }),
    refuse: (r, _v, { id }) => (r.reason === "not-found" ? patternNotFound(id) : answer.invalid(unknownCasesMessage(r.ids), "caseRefs")),
    done: back("cases added"),
  }),
  "remove-case": intent({
    schema: removeCaseSchema,
    run: ({ caseId }, { id }) => removeCaseFromPattern({ id, caseId }),
    refuse: (_r, _v, { id }) => patternNotFound(id),
    done: back("case removed"),
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  if (!can(user.role, "case:write")) throw forbidden();
  return handleIntent(await readForm(request), { id: parseId(params.id, "Pattern") }, intents);
}

export default function PatternPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = (intent: string) => replyFor(actionData, intent);
  const [editForm, editFields] = useForm({
    id: "edit-pattern",
    lastResult: reply("edit"),
    defaultValue: { name: d.pattern.name, description: d.pattern.description, status: d.pattern.status },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editPatternSchema }),
    shouldValidate: "onSubmit",
  });
  const [addForm, addFields] = useForm({
    id: "add-cases",
    lastResult: reply("add-cases"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addCasesSchema }),
    shouldValidate: "onSubmit",
  });
  const recurrences = d.recurrences;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/patterns" size="sm">← Patterns</Anchor>
      <div>
        <Group gap="xs">
          <VerdictBadge verdict={d.verdict} />
          <PatternLifeBadge life={d.life} />
          <Badge variant="outline" color="gray" styles={DARK_LABEL}>{PATTERN_STATUS_OPTIONS.find((o) => o.value === d.pattern.status)?.label}</Badge>
          {d.recurring ? <Badge color="red" variant="light" styles={DARK_LABEL}>Recurring after the fix</Badge> : null}
        </Group>
        <Title order={1} mt={4}>{d.pattern.name}</Title>
        <Text c="dimmed">
          {d.count === WITHHELD_TEXT ? "Number of cases withheld" : `${d.count} cases`}{d.pattern.cause ? ` · ${axisLabel("cause", d.pattern.cause)}` : ""} · saved by {d.pattern.createdBy} · updated {formatDate(d.pattern.updatedAt)}
        </Text>
        {d.pattern.description ? <Text mt="sm" maw={760} style={{ whiteSpace: "pre-wrap" }}>{d.pattern.description}</Text> : null}
      </div>

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: d.canWrite ? 8 : 12 }}>
          <Stack gap="lg">
            <Paper withBorder radius="lg" p="md">
              <Title order={2} size="h4" mb="xs">Who is reporting it</Title>
              {d.verdictNote ? <Text size="sm" mb="xs">{d.verdictNote}</Text> : null}
              <Text size="sm"><strong>Functions:</strong> {d.summary.functions || "—"}</Text>
              <Text size="sm"><strong>Roles:</strong> {d.summary.roles || "—"}</Text>
              <Text size="sm"><strong>Segments:</strong> {d.summary.segments || "—"}</Text>
              <Text size="sm"><strong>Tenure:</strong> {d.summary.tenure || "—"}</Text>
              {d.cases === null ? <Text size="xs" c="dark.4" mt="xs">Counts below three show as “&lt;3”; {WITHHELD_NOTE}.</Text> : null}
            </Paper>
            <ActionsPanel actions={d.actions} newHref={d.canWrite ? `/actions/new?patternId=${d.pattern.id}` : null} />
            {recurrences.length ? (
              <Alert color="red" variant="light" title="Recurring after the fix" styles={ALERT_INK}>
                {recurrences.map((r) => (
                  <Text key={r.case.id} size="sm" c="dark.8">
                    <Anchor component={Link} to={`/cases/${r.case.id}`} c="dark.9">#{r.case.id} {r.case.title}</Anchor> — raised {formatDate(r.case.raisedOn)}, similarity {r.score.toFixed(2)}
                  </Text>
                ))}
              </Alert>
            ) : null}
            {d.cases ? (
              <Paper withBorder radius="lg" style={{ overflowX: "auto", position: "relative" }}>
                <Table verticalSpacing="sm" miw={720}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Case</Table.Th>
                      <Table.Th scope="col">Who</Table.Th>
                      <Table.Th scope="col">Cause</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      {d.canWrite ? <Table.Th scope="col"><span className="visually-hidden">Remove</span></Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.cases.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td><Anchor component={Link} to={`/cases/${c.id}`} c="dark.8" fw={600}>#{c.id} {c.title}</Anchor></Table.Td>
                        <Table.Td>{reporterRoleLabel(c.reporterRole)} · {functionLabel(c.reporterFunction)} · {segmentLabel(c.segment)}</Table.Td>
                        <Table.Td>{axisLabel("cause", c.cause.cause)} <Text span size="xs" c="dark.3">({c.cause.source})</Text></Table.Td>
                        <Table.Td><StatusBadge status={c.status} /></Table.Td>
                        {d.canWrite ? (
                          <Table.Td>
                            <Form method="post">
                              <input type="hidden" name="intent" value="remove-case" />
                              <input type="hidden" name="caseId" value={c.id} />
                              <Button type="submit" size="compact-xs" variant="subtle" color="red" aria-label={`Remove case #${c.id} from this pattern`}>Remove</Button>
                            </Form>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
        {d.canWrite ? (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <Paper withBorder radius="lg" p="md">
                <Form method="post" action="/briefs">
                  <input type="hidden" name="source" value="pattern" />
                  <input type="hidden" name="sourceId" value={d.pattern.id} />
                  <Button type="submit" fullWidth>Write a leadership brief</Button>
                </Form>
              </Paper>
              <Paper withBorder radius="lg" p="md">
                <Title order={2} size="h4" mb="sm">Add cases</Title>
                <Form method="post" {...getFormProps(addForm)}>
                  <input type="hidden" name="intent" value="add-cases" />
                  <Stack gap="xs">
                    <TextInput {...inputProps(getInputProps(addFields.caseRefs, { type: "text" }))} label="Case numbers" placeholder="12, #15 20" error={addFields.caseRefs.errors?.[0]} />
                    <Button type="submit" variant="default">Add</Button>
                  </Stack>
                </Form>
              </Paper>
              <Paper withBorder radius="lg" p="md">
                <Title order={2} size="h4" mb="sm">Name, description, status</Title>
                <Form method="post" {...getFormProps(editForm)}>
                  <input type="hidden" name="intent" value="edit" />
                  <input type="hidden" name="version" value={d.pattern.version} />
                  <Stack gap="xs">
                    {editForm.errors?.length ? <Text c="red.9" size="sm" role="alert">{editForm.errors.join(" ")}</Text> : null}
                    <TextInput {...inputProps(getInputProps(editFields.name, { type: "text" }))} label="Name" error={editFields.name.errors?.[0]} />
                    <GrowingTextarea {...inputProps(getTextareaProps(editFields.description))} label="Description" minRows={3} error={editFields.description.errors?.[0]} />
                    <NativeSelect {...inputProps(getSelectProps(editFields.status))} label="Status" data={PATTERN_STATUS_OPTIONS.map((o) => ({ value: o.value, label: o.label }))} error={editFields.status.errors?.[0]} />
                    <Button type="submit">Save</Button>
                  </Stack>
                </Form>
              </Paper>
            </Stack>
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}
