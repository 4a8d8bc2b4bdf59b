import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseForm } from "~/components/case-form";
import { caseFormSchema } from "~/domain/cases/case-schema";
import { createCase } from "~/models/case-commands.server";
import { listOwners } from "~/models/case-queries.server";
import { handleIntent, intentsFor, REFERENCE_ANSWERS } from "~/utils/intents.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Log a complaint · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "case:write");
  return { owners: await listOwners() };
}

const intent = intentsFor<{ actorId: string }>();
const create = intent({
  schema: caseFormSchema,
  run: (input, { actorId }) => createCase({ input, actorId }),
  refuse: (r) => REFERENCE_ANSWERS[r.reason],
  done: (created) => redirect(`/cases/${created.id}`),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  return handleIntent(await readForm(request), { actorId: user.id }, { create }, "create");
}

// What the selects show before anyone touches them: the same defaults the schema applies.
const INTAKE_DEFAULTS = {
  channel: "other",
  reporterRole: "other",
  reporterFunction: "sales",
  segment: "other",
  severity: "medium",
};

export default function NewCasePage() {
  const { owners } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <Stack maw={980}>
      <div>
        <Title order={1}>Log a complaint</Title>
        <Text c="dimmed">
          Only the behaviour and the complaint are required. Everything else can wait for triage.
        </Text>
      </div>
      <Paper withBorder p="lg" radius="lg">
        <CaseForm
          lastResult={lastResult}
          owners={owners}
          defaultValue={INTAKE_DEFAULTS}
          showSimilar
          submitLabel="Open case file"
          cancel={
            <Button component={Link} to="/cases" variant="subtle">
              Cancel
            </Button>
          }
        />
      </Paper>
      <Anchor component={Link} to="/cases" size="sm">
        ← Back to cases
      </Anchor>
    </Stack>
  );
}
