import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseForm } from "~/components/case-form";
import { caseEditSchema } from "~/domain/cases/case-schema";
import { getCase, listOwners, UnknownDuplicateError, UnknownOwnerError, updateCase } from "~/models/case.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound, parseId, readForm } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit case #${data.caseFile.id} · Upstream` : "Edit case · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const id = parseId(params.id);
  const caseFile = await getCase(id, user);
  if (!caseFile) throw notFound(`Case #${id} does not exist.`);
  return { caseFile, owners: await listOwners() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const id = parseId(params.id);
  const submission = parseWithZod(await readForm(request), { schema: caseEditSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const { version, ...input } = submission.value;
  try {
    const result = await updateCase(id, version, input, user.id);
    if (result.ok) {
      return redirect(`/cases/${id}`);
    }
    if (result.reason === "not-found") throw notFound(`Case #${id} does not exist.`);
    // Refuse, say who got there first, keep every typed value on screen.
    const who = result.updatedBy ? `${result.updatedBy} saved` : "Someone saved";
    return data(
      {
        result: submission.reply({
          formErrors: [
            `${who} a newer version of this case while you were editing. Your changes are not saved; they are still below.`,
          ],
        }),
        conflict: { currentVersion: result.currentVersion },
      },
      { status: 409 },
    );
  } catch (error) {
    if (error instanceof UnknownDuplicateError) {
      return data({ result: submission.reply({ fieldErrors: { duplicateOfId: [error.message] } }), conflict: null }, { status: 400 });
    }
    if (error instanceof UnknownOwnerError) {
      return data(
        { result: submission.reply({ fieldErrors: { ownerId: [error.message] } }), conflict: null },
        { status: 400 },
      );
    }
    throw error;
  }
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
