import { Alert, Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseForm } from "~/components/case-form";
import { caseEditSchema } from "~/domain/cases/case-schema";
import { updateCase } from "~/models/case-commands.server";
import { getCase, listOwners } from "~/models/case-queries.server";
import { answer, handleIntent, intentsFor, REFERENCE_ANSWERS } from "~/utils/intents.server";
import { requirePermission } from "~/utils/auth.server";
import { caseNotFound, parseId, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit case #${data.caseFile.id} · Upstream` : "Edit case · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const id = parseId(params.id);
  const caseFile = await getCase(id, user);
  if (!caseFile) throw caseNotFound(id);
  return { caseFile, owners: await listOwners() };
}

type Ctx = { id: number; actorId: string };
const intent = intentsFor<Ctx>();
const save = intent({
  schema: caseEditSchema,
  run: ({ version, ...input }, { id, actorId }) => updateCase({ id, version, input, actorId }),
  refuse: (r, _value, { id }) => {
    switch (r.reason) {
      case "not-found":
        return answer.caseNotFound(id);
      case "conflict":
        // Refuse, say who got there first, keep every typed value on screen.
        return answer.conflict(
          `${r.updatedBy ? `${r.updatedBy} saved` : "Someone saved"} a newer version of this case while you were editing. Your changes are not saved; they are still below.`,
        );
      default:
        return REFERENCE_ANSWERS[r.reason];
    }
  },
  done: (_result, _value, { id }) => redirectWithToast(`/cases/${id}`, `Case #${id} saved.`),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const id = parseId(params.id);
  return handleIntent(await readForm(request), { id, actorId: user.id }, { save }, "save");
}

const str = (v: string | number | null | undefined) => (v == null ? "" : String(v));

export default function EditCasePage() {
  const { caseFile: c, owners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <Stack maw={980}>
      <div>
        <Title order={1}>Edit case #{c.id}</Title>
        <Text c="dimmed">{c.title}</Text>
      </div>
      <Paper withBorder p="lg" radius="lg">
        <CaseForm
          lastResult={actionData?.result}
          owners={owners}
          submitLabel="Save changes"
          hidden={
            <>
              <input type="hidden" name="version" value={c.version} />
              <input type="hidden" name="duplicateOfId" value={c.duplicateOf?.id ?? ""} />
            </>
          }
          defaultValue={{
            title: c.title,
            complaint: c.complaint,
            raisedOn: new Date(c.raisedOn).toISOString().slice(0, 10),
            channel: c.channel,
            reporterRole: c.reporterRole,
            reporterFunction: c.reporterFunction,
            segment: c.segment,
            region: c.region,
            tenureMonths: str(c.tenureMonths),
            reporterName: c.reporterName ?? "",
            confidential: c.confidential ? "on" : "",
            behaviour: c.behaviour,
            behaviourDetail: c.behaviourDetail,
            suspectedCause: c.suspectedCause,
            causeDetail: c.causeDetail,
            severity: c.severity,
            peopleAffected: str(c.peopleAffected),
            revenueAtRisk: str(c.revenueAtRisk),
            ownerId: c.owner?.id ?? "",
            tags: c.tags.split(",").filter(Boolean).join(", "),
          }}
          formError={
            actionData?.conflict ? (
              <Alert color="orange" variant="light" title="Not saved: this case changed">
                <Text size="sm" c="dark.8">
                  Open the <Anchor component={Link} to={`/cases/${c.id}`} target="_blank">latest version</Anchor>{" "}
                  in a new tab, compare, then{" "}
                  <Anchor component={Link} to={`/cases/${c.id}/edit`} reloadDocument>
                    reload this form
                  </Anchor>{" "}
                  and apply your changes again.
                </Text>
              </Alert>
            ) : null
          }
          cancel={
            <Button component={Link} to={`/cases/${c.id}`} variant="subtle">
              Cancel
            </Button>
          }
        />
      </Paper>
    </Stack>
  );
}
