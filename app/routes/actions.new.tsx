import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionForm } from "~/components/actions/action-form";
import { createActionSchema, DEFAULT_CHECK_DAYS } from "~/domain/actions/action-schema";
import { actionDraftFrom, createAction, linkChoices, possibleOwners } from "~/models/action.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { replyFor } from "~/utils/reply";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "New action · Upstream" }];

const idParam = (v: string | null) => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

// /actions/new?briefId=3 (or patternId, caseId): the form starts from that source.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "case:write");
  const url = new URL(request.url);
  const source = { briefId: idParam(url.searchParams.get("briefId")), patternId: idParam(url.searchParams.get("patternId")), caseId: idParam(url.searchParams.get("caseId")) };
  const [draft, owners, links] = await Promise.all([actionDraftFrom(source), possibleOwners(), linkChoices()]);
  return { draft, owners, ...links };
}

type Ctx = { actorId: string };
const create = intentsFor<Ctx>()({
  schema: createActionSchema,
  run: (input, { actorId }) => createAction({ input, actorId }),
  refuse: (r) => {
    switch (r.reason) {
      case "unknown-owner":
        return answer.invalid("Choose an owner from the list", "ownerId");
      case "unknown-pattern":
        return answer.invalid(`There is no pattern #${r.id}`, "patternId");
      case "unknown-brief":
        return answer.invalid(`There is no brief #${r.id}`, "briefId");
      case "unknown-cases":
        return answer.invalid(`No case with number ${r.ids.map((i) => `#${i}`).join(", ")}`, "caseRefs");
    }
  },
  done: (r) => redirectWithToast(`/actions/${r.id}`, `Action #${r.id} created.`),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  return handleIntent(await readForm(request), { actorId: user.id }, { create }, "create");
}

export default function NewActionPage() {
  const { draft, owners, patterns, briefs } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "create");
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/actions" size="sm">← Actions</Anchor>
      <div>
        <Title order={1}>New action</Title>
        <Text c="dimmed">Turn a recommendation into owned work. It starts as proposed; the owner moves it along.</Text>
      </div>
      <Paper withBorder p="lg" radius="lg">
        <ActionForm
          lastResult={lastResult}
          owners={owners}
          patterns={patterns}
          briefs={briefs}
          defaultValue={{ ...draft, patternId: draft.patternId ? String(draft.patternId) : "", briefId: draft.briefId ? String(draft.briefId) : "", checkDays: DEFAULT_CHECK_DAYS }}
        />
      </Paper>
    </Stack>
  );
}
