import { DARK_LABEL } from "~/components/labels";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CaseHistory } from "~/components/case-history";
import { formatDate, formatMoney, SeverityBadge, StatusBadge } from "~/components/labels";
import { can } from "~/domain/auth/permissions";
import { linkDuplicateSchema, statusChangeSchema } from "~/domain/cases/case-schema";
import { allowedNextStatuses } from "~/domain/cases/status";
import {
  behaviourLabel,
  causeLabel,
  channelLabel,
  functionLabel,
  reporterRoleLabel,
  segmentLabel,
  statusLabel,
  type CaseStatus,
} from "~/domain/cases/taxonomy";
import { tenureBandLabel } from "~/domain/cases/tenure";
import { SlaBadge } from "~/components/queue/sla-badge";
import { triageLabel } from "~/domain/queue/triage";
import { slaViews } from "~/models/queue.server";
import { CaseNotes } from "~/components/case-notes";
import { addNoteSchema, editNoteSchema, linkNoteSchema } from "~/domain/notes/note-schema";
import { CaseLinks, RecurrenceAlert } from "~/components/case-links";
import { changeStatus, linkDuplicate } from "~/models/case-commands.server";
import { getCase, getCaseHistory } from "~/models/case-queries.server";
import { similarCases } from "~/models/pattern-insights.server";
import { recurrencesForCase } from "~/models/pattern.server";
import { causeCheckForCase } from "~/models/theme.server";
import { CaseCauseCheck } from "~/components/patterns/case-cause-check";
import { addNote, editNote, listNotes, linkNoteToStep } from "~/models/note.server";
import { listStepSummaries } from "~/models/whys.server";
import { ChainSummary } from "~/components/whys/chain-summary";
import { recordAccess } from "~/models/access-log.server";
import { requirePermission, type CurrentUser } from "~/utils/auth.server";
import { answer, handleIntent, intentsFor, REFERENCE_ANSWERS } from "~/utils/intents.server";
import { errorOf } from "~/utils/reply";
import { caseNotFound, parseId, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `#${data.caseFile.id} ${data.caseFile.title} · Upstream` : "Case · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const id = parseId(params.id);
  const caseFile = await getCase(id, user);
  if (!caseFile) throw caseNotFound(id);
  recordAccess(user, "case", id);
  const canEdit = can(user.role, "case:write");
  const [history, notes, steps, recurrences, similar, causeCheck] = await Promise.all([
    getCaseHistory(id, user),
    listNotes(id, user),
    listStepSummaries(id, user),
    recurrencesForCase(id, user),
    // Alike cases cost a similarity pass: computed here only when asked for without
    // JavaScript (?alike=1); otherwise the panel fetches them after the page shows.
    canEdit && new URL(request.url).searchParams.has("alike") ? similarCases(`${caseFile.title} ${caseFile.complaint}`, id) : null,
    canEdit ? causeCheckForCase(id) : null,
  ]);
  // Ageing against the SLA, for the comp team (issue 16).
  const sla = canEdit ? ((await slaViews([{ ...caseFile, createdAt: new Date(caseFile.createdAt) }])).get(id) ?? null) : null;
  return {
    caseFile,
    recurrences,
    similar,
    causeCheck,
    history,
    notes,
    steps,
    viewerId: user.id,
    canEdit,
    nextStatuses: allowedNextStatuses(caseFile.status as CaseStatus),
    sla,
  };
}

type Ctx = { id: number; user: CurrentUser };
const intent = intentsFor<Ctx>();
const writes = (ctx: Ctx) => can(ctx.user.role, "case:write");
// Each save lands back on the case with a short confirmation (ids only, never case text).
const toCase = (said: string) => (_r: unknown, _v: unknown, { id }: Ctx) => redirectWithToast(`/cases/${id}`, `Case #${id}: ${said}.`);
const toNotes = (said: string) => (_r: unknown, _v: unknown, { id }: Ctx) => redirectWithToast(`/cases/${id}#notes`, `Case #${id}: ${said}.`);

// Sales leaders and the comp team add and edit their own notes; everything else is the comp team's.
const intents = {
  status: intent({
    schema: statusChangeSchema,
    allow: writes,
    run: ({ version, status }, { id, user }) => changeStatus({ id, version, to: status, actorId: user.id }),
    refuse: (r, value, { id }) => {
      switch (r.reason) {
        case "not-found":
          return answer.caseNotFound(id);
        case "not-allowed":
          return answer.invalid(`A case cannot move from ${statusLabel(r.from)} to ${statusLabel(value.status)}.`, "status");
        case "conflict":
          return answer.conflict(`${r.updatedBy ?? "Someone"} changed this case after you opened it. Reload to see their change, then try again.`);
      }
    },
    done: toCase("status changed"),
  }),
  "link-duplicate": intent({
    schema: linkDuplicateSchema,
    allow: writes,
    invalid: "Choose a case to link.",
    run: ({ duplicateOfId }, { id, user }) => linkDuplicate({ id, duplicateOfId, actorId: user.id }),
    refuse: (r, _value, { id }) => (r.reason === "not-found" ? answer.caseNotFound(id) : REFERENCE_ANSWERS[r.reason]),
    done: toCase("duplicate linked"),
  }),
  "add-note": intent({
    schema: addNoteSchema,
    run: ({ kind, body }, { id, user }) => addNote({ caseId: id, authorId: user.id, kind, body }),
    refuse: (_r, _value, { id }) => answer.caseNotFound(id),
    done: toNotes("note added"),
  }),
  "edit-note": intent({
    schema: editNoteSchema,
    run: ({ noteId, version, kind, body }, { id, user }) => editNote({ caseId: id, noteId, authorId: user.id, version, kind, body }),
    refuse: (r) => {
      switch (r.reason) {
        case "not-author":
          return answer.forbidden("Only the author of a note may edit it.");
        case "not-found":
          return answer.notFound("That note does not exist.");
        case "conflict":
          return answer.conflict("This note changed since you opened it. Reload, then edit again.");
      }
    },
    done: toNotes("note saved"),
  }),
  "use-note": intent({
    schema: linkNoteSchema,
    allow: writes,
    run: ({ noteId, stepId }, { id, user }) => linkNoteToStep({ caseId: id, noteId, stepId, actorId: user.id }),
    refuse: (r) => answer.notFound(r.reason === "no-step" ? "That step is not part of this case." : "That note does not exist."),
    done: toNotes("note linked to the step"),
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const id = parseId(params.id);
  return handleIntent(await readForm(request), { id, user }, intents, "status");
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" tt="uppercase" fw={700} c="dark.3">
        {label}
      </Text>
      <Text size="sm">{children || "—"}</Text>
    </div>
  );
}

export default function CaseFilePage() {
  const { caseFile: c, history, notes, steps, viewerId, canEdit, nextStatuses, recurrences, similar, causeCheck, sla } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const statusError = errorOf(actionData, "status", "status") ?? errorOf(actionData, "status");
  const linkError = errorOf(actionData, "link-duplicate") ?? errorOf(actionData, "link-duplicate", "duplicateOfId");
  const tags = c.tags.split(",").filter(Boolean);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        ← All cases
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Text c="dimmed" fw={600}>
              Case #{c.id}
            </Text>
            <StatusBadge status={c.status} />
            <SeverityBadge severity={c.severity} />
            <Badge variant="light" color={c.triageClass === "plan_design" ? "grape" : "gray"} styles={DARK_LABEL} data-testid="triage-class">{triageLabel(c.triageClass)}</Badge>
            {sla ? <SlaBadge sla={sla} /> : null}
          </Group>
          {/* A modest heading: the complaint itself is quoted just below (issue 14). */}
          <Title order={1} size="h2" mt={4}>
            {c.title}
          </Title>
          <Text c="dimmed" size="sm">
            Raised {formatDate(c.raisedOn)} via {channelLabel(c.channel)} · logged by {c.createdBy.name}
          </Text>
        </div>
        {canEdit ? (
          <Group gap="xs">
            <Button component={Link} to={`/cases/${c.id}/triage`} variant="outline">
              Triage and assign
            </Button>
            <Button component={Link} to={`/cases/${c.id}/edit`} variant="outline">
              Edit case
            </Button>
          </Group>
        ) : null}
      </Group>

      <RecurrenceAlert recurrences={recurrences} />
      <CaseCauseCheck caseId={c.id} check={causeCheck} />
      {linkError ? <Alert color="red" variant="light" role="alert"><Text c="red.9">{linkError}</Text></Alert> : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg" radius="lg">
              <Text size="xs" tt="uppercase" fw={700} c="dark.3" mb={6}>
                Behaviour of concern
              </Text>
              <Title order={2} size="h3">
                {behaviourLabel(c.behaviour)}
              </Title>
              {c.behaviourDetail ? <Text mt={4}>{c.behaviourDetail}</Text> : null}
              <Text size="xs" tt="uppercase" fw={700} c="dark.3" mt="lg" mb={6}>
                In their words
              </Text>
              <blockquote className="complaint-quote" style={{ margin: 0 }}>
                {c.complaint}
              </blockquote>
              {c.resolutionNote ? (
                <Text mt="md" size="sm" data-testid="resolution-note"><strong>Resolved at triage:</strong> {c.resolutionNote}</Text>
              ) : null}
            </Paper>

            <Paper withBorder p="lg" radius="lg">
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={2} size="h4" mb="md">
                    Suspected upstream cause
                  </Title>
                  <Text fw={600}>{c.suspectedCause ? causeLabel(c.suspectedCause) : "Not known yet"}</Text>
                  {c.causeDetail ? <Text size="sm">{c.causeDetail}</Text> : null}
                  {c.rootCause ? (
                    <Text size="sm" mt="sm">
                      <strong>Diagnosed root cause:</strong> {causeLabel(c.rootCause)} — {c.rootCauseStatement}
                    </Text>
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

            <CaseLinks caseId={c.id} duplicateOf={c.duplicateOf} duplicates={c.duplicates} similar={similar} canEdit={canEdit} />

            <CaseNotes
              notes={notes}
              steps={steps}
              viewerId={viewerId}
              canUseAsEvidence={canEdit}
              reply={actionData}
            />

            <Paper withBorder p="lg" radius="lg">
              <Title order={2} size="h4" mb="md">
                History
              </Title>
              <CaseHistory events={history} />
            </Paper>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {canEdit && nextStatuses.length > 0 ? (
              <Paper withBorder p="lg" radius="lg">
                <Form method="post">
                  <input type="hidden" name="version" value={c.version} />
                  <Stack gap="sm">
                    <NativeSelect
                      name="status"
                      label="Move status"
                      data={nextStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
                      error={statusError}
                    />
                    <Button type="submit" variant="filled" loading={navigation.state === "submitting"}>
                      Update status
                    </Button>
                  </Stack>
                </Form>
              </Paper>
            ) : null}
            <Paper withBorder p="lg" radius="lg">
              <Title order={2} size="h4" mb="md">
                Who raised it
              </Title>
              {"reporterName" in c ? (
                <Stack gap={4} mb="md">
                  <Fact label="Name">{c.reporterName || "Not recorded"}</Fact>
                  {c.confidential ? (
                    <Alert color="orange" variant="light" p="xs">
                      <Text size="sm" c="dark.8">
                        Confidential: never share this name outside the comp team.
                      </Text>
                    </Alert>
                  ) : null}
                </Stack>
              ) : null}
              <SimpleGrid cols={2} spacing="md">
                <Fact label="Role">{reporterRoleLabel(c.reporterRole)}</Fact>
                <Fact label="Function">{functionLabel(c.reporterFunction)}</Fact>
                <Fact label="Segment">{segmentLabel(c.segment)}</Fact>
                <Fact label="Region">{c.region}</Fact>
                <Fact label="Tenure">{tenureBandLabel(c.tenureMonths)}</Fact>
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="lg" radius="lg">
              <Title order={2} size="h4" mb="md">
                Impact and ownership
              </Title>
              <SimpleGrid cols={2} spacing="md">
                <Fact label="People affected">{c.peopleAffected?.toLocaleString("en-US")}</Fact>
                <Fact label="Revenue at risk">{formatMoney(c.revenueAtRisk)}</Fact>
                <Fact label="Owner">{c.owner?.name ?? "Unassigned"}</Fact>
                <Fact label="Updated">{formatDate(c.updatedAt)}</Fact>
              </SimpleGrid>
              {tags.length ? (
                <Group gap={6} mt="md">
                  {tags.map((t) => (
                    <Badge key={t} variant="default" styles={DARK_LABEL}>
                      {t}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
