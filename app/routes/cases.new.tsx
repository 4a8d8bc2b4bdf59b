import { Alert, Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseForm } from "~/components/case-form";
import { GrowingTextarea } from "~/components/growing-textarea";
import { caseIntakeSchema } from "~/domain/cases/case-schema";
import { pasteSchema, suggestFromMessage } from "~/domain/intake/paste";
import { createCase } from "~/models/case-commands.server";
import { listOwners } from "~/models/case-queries.server";
import { handleIntent, intentsFor, REFERENCE_ANSWERS } from "~/utils/intents.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Log a complaint · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "case:write");
  return { owners: await listOwners() };
}

const intent = intentsFor<{ actorId: string }>();
const create = intent({
  schema: caseIntakeSchema,
  run: (input, { actorId }) => createCase({ input, actorId }),
  refuse: (r) => REFERENCE_ANSWERS[r.reason],
  done: (created) => redirectWithToast(`/cases/${created.id}`, `Case #${created.id} logged.`),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const form = await readForm(request);
  if (form.get("intent") === "suggest") {
    // "Paste a message": nothing is saved; the form comes back filled in, for the analyst to check.
    const pasted = pasteSchema.safeParse({ message: form.get("message") ?? undefined });
    if (!pasted.success) return data({ pasteError: pasted.error.issues[0].message, suggested: null }, { status: 400 });
    return { pasteError: null, suggested: suggestFromMessage(pasted.data.message) };
  }
  return handleIntent(form, { actorId: user.id }, { create }, "create");
}

// What the selects show before anyone touches them: the same defaults the schema applies.
const INTAKE_DEFAULTS = {
  channel: "other",
  reporterFunction: "sales",
  severity: "medium",
};

export default function NewCasePage() {
  const { owners } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const paste = reply && "suggested" in reply ? reply : null;
  const lastResult = reply && "result" in reply ? reply.result : undefined;
  const suggested = paste?.suggested ? Object.fromEntries(Object.entries(paste.suggested).filter(([, v]) => v !== undefined)) : {};
  return (
    <Stack maw={980}>
      <div>
        <Title order={1}>Log a complaint</Title>
        <Text c="dimmed">
          The behaviour, the complaint, and the reporter’s role and segment are required. Everything else can wait for triage.
        </Text>
      </div>
      <Paper withBorder p="md" radius="lg">
        <details open={Boolean(paste?.pasteError)}>
          <summary style={{ cursor: "pointer", fontWeight: 600 }}>Paste a message (chat or email)</summary>
          <Form method="post" aria-label="Paste a message">
            <input type="hidden" name="intent" value="suggest" />
            <Stack gap="xs" mt="sm">
              <GrowingTextarea name="message" label="The message" description="Kept word for word as the complaint; the other fields are suggested for you to check." minRows={4} error={paste?.pasteError ?? undefined} />
              <Button type="submit" variant="default" w="fit-content">Suggest the fields</Button>
            </Stack>
          </Form>
        </details>
        {paste?.suggested ? (
          <Alert mt="sm" color="teal" variant="light" role="status">
            The form below is filled in from the message. Check every field before you open the case file.
          </Alert>
        ) : null}
      </Paper>
      <Paper withBorder p="lg" radius="lg">
        <CaseForm
          key={paste?.suggested ? `suggested-${paste.suggested.complaint.length}-${paste.suggested.complaint.slice(0, 40)}` : "blank"}
          lastResult={lastResult}
          owners={owners}
          defaultValue={{ ...INTAKE_DEFAULTS, ...suggested }}
          showSimilar
          intake
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
