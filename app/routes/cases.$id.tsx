import { Alert, Anchor, Grid, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseHeader } from "~/components/case-file/case-header";
import { ImpactFacts, ReporterFacts, StatusMoveForm } from "~/components/case-file/case-facts";
import { CaseCause, CaseComplaint } from "~/components/case-file/case-story";
import { CaseHistory } from "~/components/case-history";
import { CaseLinks, RecurrenceAlert } from "~/components/case-links";
import { CaseNotes } from "~/components/case-notes";
import { CaseCauseCheck } from "~/components/patterns/case-cause-check";
import { can } from "~/domain/auth/permissions";
import { linkDuplicateSchema, statusChangeSchema } from "~/domain/cases/case-schema";
import { statusLabel } from "~/domain/cases/taxonomy";
import { addNoteSchema, editNoteSchema, linkNoteSchema } from "~/domain/notes/note-schema";
import { recordAccess } from "~/models/access-log.server";
import { changeStatus, linkDuplicate } from "~/models/case-commands.server";
import { caseFileFor } from "~/models/case-file.server";
import { addNote, editNote, linkNoteToStep } from "~/models/note.server";
import { requirePermission, type CurrentUser } from "~/utils/auth.server";
import { caseNotFound, parseId, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor, REFERENCE_ANSWERS } from "~/utils/intents.server";
import { errorOf } from "~/utils/reply";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `#${data.caseFile.id} ${data.caseFile.title} · Upstream` : "Case · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const id = parseId(params.id);
  const page = await caseFileFor(id, user, { alike: new URL(request.url).searchParams.has("alike") });
  if (!page) throw caseNotFound(id);
  recordAccess(user, "case", id);
  return page;
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

export default function CaseFilePage() {
  const { caseFile: c, history, notes, steps, viewerId, canEdit, nextStatuses, recurrences, similar, causeCheck, sla } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const statusError = errorOf(actionData, "status", "status") ?? errorOf(actionData, "status");
  const linkError = errorOf(actionData, "link-duplicate") ?? errorOf(actionData, "link-duplicate", "duplicateOfId");

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        ← All cases
      </Anchor>
      <CaseHeader caseFile={c} sla={sla} canEdit={canEdit} />

      <RecurrenceAlert recurrences={recurrences} />
      <CaseCauseCheck caseId={c.id} check={causeCheck} />
      {linkError ? <Alert color="red" variant="light" role="alert"><Text c="red.9">{linkError}</Text></Alert> : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <CaseComplaint caseFile={c} />
            <CaseCause caseFile={c} steps={steps} canEdit={canEdit} />
            <CaseNotes notes={notes} steps={steps} viewerId={viewerId} canUseAsEvidence={canEdit} reply={actionData} />
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
            {canEdit && nextStatuses.length > 0 ? <StatusMoveForm version={c.version} nextStatuses={nextStatuses} error={statusError} /> : null}
            <ReporterFacts caseFile={c} />
            <ImpactFacts caseFile={c} />
            {/* Last in its column: the alike cases arrive after the page shows, and growing here moves nothing below. */}
            <CaseLinks caseId={c.id} duplicateOf={c.duplicateOf} duplicates={c.duplicates} similar={similar} canEdit={canEdit} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
