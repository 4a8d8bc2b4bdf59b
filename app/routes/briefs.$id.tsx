import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BriefEditor } from "~/components/briefs/brief-editor";
import { ActionsPanel } from "~/components/actions/actions-panel";
import { BriefView } from "~/components/briefs/brief-view";
import { DARK_LABEL, formatDate, formatDateTime } from "~/components/labels";
import { can, roleLabel } from "~/domain/auth/permissions";
import { acknowledgeBriefSchema, editBriefSchema, publishBriefSchema } from "~/domain/briefs/brief-schema";
import type { Brief } from "~/domain/briefs/types";
import { diffBriefs } from "~/domain/briefs/version-diff";
import { actionsFor } from "~/models/action.server";
import { briefPublished } from "~/models/notify-events.server";
import { acknowledge, executiveCopy, getBrief, hasAcked, listAcks, publishBrief, saveDraft } from "~/models/brief.server";
import { recordAccess } from "~/models/access-log.server";
import { requirePermission, type CurrentUser } from "~/utils/auth.server";
import { notFound, parseId, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { refused } from "~/utils/outcome";
import { errorOf, replyFor } from "~/utils/reply";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.brief.title ?? "Brief"} · Upstream` }];

const parse = (json: string) => JSON.parse(json) as Brief;
/** What a brief rests on is for deriving the executive's copy, not for any page. */
const withoutBasis = ({ basis: _basis, ...brief }: Brief): Brief => brief;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const id = parseId(params.id, "Brief");
  const brief = await getBrief(id, user);
  const canWrite = can(user.role, "case:write");
  // Readers never learn that an unpublished brief exists.
  if (!brief || (!canWrite && brief.publishedCount === 0)) throw notFound(`Brief #${id} does not exist.`);
  const url = new URL(request.url);
  const asked = Number(url.searchParams.get("version"));
  const published = brief.versions.find((v) => v.number === asked) ?? brief.versions[0] ?? null;
  const showDraft = canWrite && (!url.searchParams.get("version") || !published);
  recordAccess(user, "brief", id, { detail: showDraft ? "draft" : `version ${published!.number}` });
  // Executives read a copy derived at read time (no case ids, no figure of one or two, no
  // profile behind a brief on fewer than three cases); the stored versions stay as published.
  const source = { patternId: brief.pattern?.id ?? null, caseId: brief.case?.id ?? null };
  const reader = async (json: string) => (user.role === "executive" ? executiveCopy(parse(json), source) : parse(json));
  const content = showDraft ? parse(brief.draftJson) : await reader(published!.contentJson);
  const previous = published ? brief.versions.find((v) => v.number === published.number - 1) : undefined;
  const changes = !showDraft && previous && url.searchParams.get("compare") ? diffBriefs(await reader(previous.contentJson), content) : null;
  const shown = withoutBasis(content);
  return {
    brief: {
      id: brief.id,
      title: user.role === "executive" ? shown.title : brief.title,
      draftVersion: brief.draftVersion,
      publishedCount: brief.publishedCount,
      hasUnpublishedChanges: brief.hasUnpublishedChanges,
    },
    canWrite,
    showing: showDraft ? ("draft" as const) : published!.number,
    content: shown,
    draft: canWrite ? withoutBasis(parse(brief.draftJson)) : null,
    versions: brief.versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt, by: v.publishedBy.name })),
    changes,
    acked: published && !showDraft ? await hasAcked(id, published.number, user.id) : false,
    acks: canWrite ? await listAcks(id) : [],
    // What became of the recommendation, live, beside the version's frozen account of it.
    actions: (await actionsFor({ briefId: id, patternId: brief.pattern?.id }, user)).map((a) => ({ id: a.id, title: a.title, ownerFunction: a.ownerFunction, status: a.status, dueOn: a.dueOn, overdue: a.overdue, verdict: a.verdict, verdictNote: a.verdictNote })),
  };
}

type Ctx = { id: number; user: CurrentUser };
const intent = intentsFor<Ctx>();
const writes = ({ user }: Ctx) => can(user.role, "case:write");
const CONFLICT = "Someone changed this brief while you were working. Reload to see their version; your text is still here.";
const briefAnswer = (reason: "not-found" | "conflict", id: number) =>
  reason === "not-found" ? answer.notFound(`Brief #${id} does not exist.`) : answer.conflict(CONFLICT);

const intents = {
  acknowledge: intent({
    schema: acknowledgeBriefSchema,
    run: ({ version }, { id, user }) => acknowledge({ briefId: id, versionNumber: version, userId: user.id }),
    refuse: () => answer.notFound("That version of the brief does not exist."),
    done: (_r, { version }, { id }) => redirect(`/briefs/${id}?version=${version}`),
  }),
  save: intent({
    schema: editBriefSchema,
    allow: writes,
    run: async ({ version, title, summary, ...sections }, { id, user }) => {
      const brief = await getBrief(id, user);
      if (!brief) return refused("not-found");
      const draft: Brief = { ...parse(brief.draftJson), title, summary, sections };
      return saveDraft({ id, version, title, draft });
    },
    refuse: (r, _v, { id }) => briefAnswer(r.reason, id),
    done: (_r, _v, { id }) => redirect(`/briefs/${id}`),
  }),
  publish: intent({
    schema: publishBriefSchema,
    allow: writes,
    run: async ({ version }, { id, user }) => {
      const published = await publishBrief({ id, version, actorId: user.id });
      // Its readers outside the comp team are told (issue 16).
      if (published.ok && published.number) await briefPublished(id, published.number);
      return published;
    },
    refuse: (r, _v, { id }) => briefAnswer(r.reason, id),
    done: (r, _v, { id }) => redirect(`/briefs/${id}?version=${r.number}`),
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  return handleIntent(await readForm(request), { id: parseId(params.id, "Brief"), user }, intents);
}

export default function BriefPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const formError = errorOf(a, ["acknowledge", "save", "publish"]);
  const versionParam = d.showing === "draft" ? "" : `?version=${d.showing}`;
  return (
    <Stack gap="lg">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to="/briefs" size="sm">← Briefs</Anchor>
        <Group gap="xs">
          {d.showing === "draft" ? <Badge variant="light" color="orange" styles={DARK_LABEL}>Draft</Badge> : <Badge variant="light" color="teal" styles={DARK_LABEL}>Version {d.showing}</Badge>}
          <Button component="a" href={`/briefs/${d.brief.id}/markdown${versionParam}`} variant="default" size="compact-sm">Markdown</Button>
          <Text size="xs" c="dark.4">Print or save as PDF from your browser for a clean document.</Text>
        </Group>
      </Group>
      {formError ? <Alert color="red" variant="light" role="alert" className="no-print"><Text c="red.9">{formError}</Text></Alert> : null}
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: d.canWrite ? 7 : 9 }}>
          {d.changes ? (
            <Paper withBorder radius="lg" p="md" mb="lg" className="no-print" data-testid="changes">
              <Title order={2} size="h4" mb="xs">What changed since version {Number(d.showing) - 1}</Title>
              {d.changes.length === 0 ? <Text size="sm">Nothing in the text.</Text> : null}
              {d.changes.map((c) => (
                <Text key={c.section} size="sm" mb="xs">
                  <strong>{c.title}: </strong>
                  {c.parts.map((p, i) => (
                    <span key={i} style={p.added ? { background: "#d3f9d8" } : p.removed ? { background: "#ffe3e3", textDecoration: "line-through" } : undefined}>{p.value}</span>
                  ))}
                </Text>
              ))}
            </Paper>
          ) : null}
          <BriefView brief={d.content} />
          <div style={{ marginTop: "var(--mantine-spacing-lg)" }} className="no-print">
            <ActionsPanel title="Actions today" actions={d.actions} newHref={d.canWrite ? `/actions/new?briefId=${d.brief.id}` : null} />
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: d.canWrite ? 5 : 3 }} className="no-print">
          <Stack gap="lg">
            {d.showing !== "draft" ? (
              <Paper withBorder radius="lg" p="md">
                {d.acked ? (
                  <Text size="sm" fw={600}>You acknowledged version {d.showing}.</Text>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="acknowledge" />
                    <input type="hidden" name="version" value={d.showing} />
                    <Button type="submit" fullWidth>I have read this brief</Button>
                  </Form>
                )}
              </Paper>
            ) : null}
            <Paper withBorder radius="lg" p="md">
              <Title order={2} size="h5" mb="xs">Versions</Title>
              {d.canWrite ? <Text size="sm"><Anchor component={Link} to={`/briefs/${d.brief.id}`}>Working draft</Anchor>{d.brief.hasUnpublishedChanges ? " (unpublished edits)" : ""}</Text> : null}
              {d.versions.map((v) => (
                <Text key={v.number} size="sm">
                  <Anchor component={Link} to={`/briefs/${d.brief.id}?version=${v.number}`}>Version {v.number}</Anchor> · {formatDate(v.publishedAt)} by {v.by}
                  {v.number > 1 ? <> · <Anchor component={Link} to={`/briefs/${d.brief.id}?version=${v.number}&compare=1`}>what changed</Anchor></> : null}
                </Text>
              ))}
              {d.versions.length === 0 ? <Text size="sm" c="dimmed">Not published yet.</Text> : null}
            </Paper>
            {d.canWrite && d.draft ? (
              <>
                <Paper withBorder radius="lg" p="md">
                  <Form method="post">
                    <input type="hidden" name="intent" value="publish" />
                    <input type="hidden" name="version" value={d.brief.draftVersion} />
                    <Stack gap="xs">
                      <Text size="sm">Publishing freezes the draft as version {d.brief.publishedCount + 1}. Executives and sales leaders read published versions only.</Text>
                      <Button type="submit" disabled={!d.brief.hasUnpublishedChanges}>Publish version {d.brief.publishedCount + 1}</Button>
                    </Stack>
                  </Form>
                </Paper>
                <Paper withBorder radius="lg" p="md">
                  <Title order={2} size="h5" mb="xs">Edit the draft</Title>
                  <BriefEditor key={d.brief.draftVersion} draft={d.draft} version={d.brief.draftVersion} lastResult={replyFor(a, "save")} />
                </Paper>
                <Paper withBorder radius="lg" p="md">
                  <Title order={2} size="h5" mb="xs">Read by</Title>
                  {d.acks.length === 0 ? <Text size="sm" c="dimmed">Nobody yet.</Text> : null}
                  {d.acks.map((k, i) => (
                    <Text key={i} size="sm">{k.user.name} ({roleLabel(k.user.role)}) · version {k.versionNumber} · {formatDateTime(k.at)}</Text>
                  ))}
                </Paper>
              </>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
