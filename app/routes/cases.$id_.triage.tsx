import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { inputProps } from "~/components/form-props";
import { GrowingTextarea } from "~/components/growing-textarea";
import { SlaBadge } from "~/components/queue/sla-badge";
import { statusLabel } from "~/domain/cases/taxonomy";
import { assignSchema } from "~/domain/queue/assign-schema";
import { PLAN_DESIGN, TRIAGE_CLASSES, triageSchema } from "~/domain/queue/triage";
import { listOwners } from "~/models/case-queries.server";
import { assignCases, caseForTriage, triageCase } from "~/models/queue.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound, parseId, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

// Triage and assignment of one case (issue 16): what kind of case it is, who has it.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Triage case #${data.caseFile.id} · Upstream` : "Triage · Upstream" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "case:write");
  const id = parseId(params.id);
  const caseFile = await caseForTriage(id);
  if (!caseFile) throw notFound(`Case #${id} does not exist.`);
  return { caseFile, owners: await listOwners() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const id = parseId(params.id);
  const form = await readForm(request);
  if (form.get("intent") === "assign") {
    const parsed = assignSchema.safeParse({ ownerId: form.get("ownerId") ?? undefined });
    if (!parsed.success) return data({ intent: "assign" as const, error: "Choose someone from the comp team", result: null }, { status: 400 });
    const assigned = await assignCases({ ids: [id], ownerId: parsed.data.ownerId, actor: user });
    if (!assigned.ok) return data({ intent: "assign" as const, error: "Choose someone from the comp team", result: null }, { status: 400 });
    if (assigned.moved.length === 0 && !(await caseForTriage(id))) throw notFound(`Case #${id} does not exist.`);
    return redirectWithToast(`/cases/${id}/triage`, `Case #${id}: owner saved.`);
  }
  const submission = parseWithZod(form, { schema: triageSchema });
  if (submission.status !== "success") return data({ intent: "triage" as const, error: null, result: submission.reply() }, { status: 400 });
  const { version, ...triage } = submission.value;
  const r = await triageCase(id, version, { ...triage, version }, user.id);
  if (r.ok) return redirectWithToast(`/cases/${id}`, `Case #${id} triaged.`);
  if (r.reason === "not-found") throw notFound(`Case #${id} does not exist.`);
  return data(
    { intent: "triage" as const, error: null, result: submission.reply({ formErrors: ["Someone changed this case while you were triaging it. Nothing is saved; your choices are still below. Reload to see their change."] }) },
    { status: 409 },
  );
}

export default function TriagePage() {
  const { caseFile: c, owners } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: reply?.intent === "triage" ? reply.result : undefined,
    defaultValue: { triageClass: c.triageClass || "", resolutionNote: c.resolutionNote },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: triageSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Stack maw={820}>
      <div>
        <Title order={1}>Triage case #{c.id}</Title>
        <Text c="dimmed">
          <Anchor component={Link} to={`/cases/${c.id}`}>{c.title}</Anchor> · {statusLabel(c.status)}
        </Text>
        <Group gap="xs" mt={6}><SlaBadge sla={c.sla} /></Group>
      </div>
      <Paper withBorder p="lg" radius="lg">
        <Title order={2} size="h4" mb="sm">Assignee</Title>
        <Form method="post" aria-label="Assign the case">
          <input type="hidden" name="intent" value="assign" />
          <Group align="flex-end">
            <NativeSelect name="ownerId" label="Assigned to" defaultValue={c.ownerId ?? ""} data={[{ value: "", label: "Unassigned" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]} error={reply?.intent === "assign" ? reply.error : undefined} />
            <Button type="submit" variant="default">Assign</Button>
          </Group>
        </Form>
      </Paper>
      <Paper withBorder p="lg" radius="lg">
        <Title order={2} size="h4" mb="xs">What kind of case is it?</Title>
        <Text size="sm" c="dimmed" mb="sm">
          Only plan-design signals go on to the Five Whys and the pattern figures. Any other case closes with a note saying how it was resolved,
          unless you send it on anyway.
        </Text>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="triage" />
          {/* The version this page was loaded at (it moves when the case is assigned above). */}
          <input type="hidden" name="version" value={c.version} />
          <Stack gap="sm">
            {form.errors?.length ? <Alert color="red" role="alert">{form.errors[0]}</Alert> : null}
            <NativeSelect
              {...inputProps(getSelectProps(fields.triageClass))}
              label="Triage class"
              data={[{ value: "", label: "Choose…" }, ...TRIAGE_CLASSES.map((t) => ({ value: t.value, label: t.label }))]}
              error={fields.triageClass.errors?.[0]}
            />
            <GrowingTextarea
              {...inputProps(getTextareaProps(fields.resolutionNote))}
              label="Resolution note"
              description="How it was resolved (required when the case closes here)"
              minRows={3}
              error={fields.resolutionNote.errors?.[0]}
            />
            <Checkbox name="toWhys" label="Send it on to the Five Whys anyway (not a plan-design signal, but worth a diagnosis)" />
            <Group>
              <Button type="submit">Save triage</Button>
              {c.triageClass ? <Badge variant="light" color={c.triageClass === PLAN_DESIGN ? "grape" : "gray"}>Now: {TRIAGE_CLASSES.find((t) => t.value === c.triageClass)?.label}</Badge> : null}
            </Group>
          </Stack>
        </Form>
      </Paper>
      <Paper withBorder p="lg" radius="lg">
        <Title order={2} size="h4" mb="xs">The complaint</Title>
        <Text style={{ whiteSpace: "pre-wrap" }}>{c.complaint}</Text>
      </Paper>
    </Stack>
  );
}
