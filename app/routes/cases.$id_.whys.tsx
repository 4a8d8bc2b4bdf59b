import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Button, Checkbox, Grid, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { StatusBadge, formatDate } from "~/components/labels";
import { ConclusionForm } from "~/components/whys/conclusion-form";
import { StepCard } from "~/components/whys/step-card";
import { StepForm } from "~/components/whys/step-form";
import { can } from "~/domain/auth/permissions";
import { behaviourLabel } from "~/domain/cases/taxonomy";
import { canAddStep, checkChain, defaultQuestion, looksStructural, payFixSentence, readBack, upstreamPrompt } from "~/domain/whys/chain";
import { conclusionOf } from "~/domain/whys/conclusion";
import { conclusionSchema, confirmDiagnosisSchema, moveStepSchema, whyStepSchema } from "~/domain/whys/whys-schema";
import * as whys from "~/models/whys.server";
import { recordAccess } from "~/models/access-log.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound, parseId, readForm } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Five Whys · #${data.chain.id} · Upstream` : "Five Whys · Upstream" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const id = parseId(params.id);
  const chain = await whys.getChain(id, user);
  if (!chain) throw notFound(`Case #${id} does not exist.`);
  recordAccess(user, "whys", id);
  const canEdit = can(user.role, "case:write");
  return { chain, canEdit, viewerId: user.id, leaders: canEdit ? await whys.listLeaders() : [] };
}

const CONFLICT = "Someone changed this chain while you were working. Reload to see their change; your text is still here.";
const MESSAGES: Record<string, string> = {
  "too-many-steps": "A chain has at most nine steps. Write the conclusion, or edit a step instead.",
  "no-step": "That step is no longer in the chain. Reload the page.",
  "not-a-leader": "Choose an active sales leader.",
  conflict: CONFLICT,
};
const versionSchema = z.object({ version: z.coerce.number().int().min(0) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const id = parseId(params.id);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const back = redirect(`/cases/${id}/whys`);
  const fail = (result: unknown, status: number) => data({ intent, result, problems: [] as string[] }, { status });

  if (intent === "add-step" || intent === "edit-step") {
    const submission = parseWithZod(formData, { schema: whyStepSchema });
    if (submission.status !== "success") return fail(submission.reply(), 400);
    const { version, stepId, ...rest } = submission.value;
    if (intent === "edit-step" && !stepId) return fail(submission.reply({ formErrors: [MESSAGES["no-step"]] }), 400);
    const result =
      intent === "add-step"
        ? await whys.addStep(id, version, { ...rest, version }, user.id)
        : await whys.editStep(id, version, stepId!, { ...rest, version }, user.id);
    if (result.ok) return back;
    if (result.reason === "not-found") throw notFound(`Case #${id} does not exist.`);
    if (result.reason === "not-a-leader") return fail(submission.reply({ fieldErrors: { askLeaderId: [MESSAGES[result.reason]] } }), 400);
    return fail(submission.reply({ formErrors: [MESSAGES[result.reason] ?? CONFLICT] }), result.reason === "conflict" ? 409 : 400);
  }

  if (intent === "move-step" || intent === "remove-step") {
    const parsed = moveStepSchema.partial({ direction: true }).and(versionSchema).safeParse(Object.fromEntries(formData));
    if (!parsed.success || (intent === "move-step" && !parsed.data.direction)) return fail({ formErrors: ["Choose a step and a direction."] }, 400);
    const stepId = parsed.data.stepId;
    const result =
      intent === "move-step"
        ? await whys.moveStep(id, parsed.data.version, stepId, parsed.data.direction!, user.id)
        : await whys.removeStep(id, parsed.data.version, stepId, user.id);
    if (result.ok) return back;
    if (result.reason === "not-found") throw notFound(`Case #${id} does not exist.`);
    return fail({ formErrors: [MESSAGES[result.reason] ?? CONFLICT] }, result.reason === "conflict" ? 409 : 400);
  }

  if (intent === "conclusion") {
    const submission = parseWithZod(formData, { schema: conclusionSchema });
    if (submission.status !== "success") return fail(submission.reply(), 400);
    const result = await whys.saveConclusion(id, submission.value, user.id);
    if (result.ok) return back;
    if (result.reason === "not-found") throw notFound(`Case #${id} does not exist.`);
    return fail(submission.reply({ formErrors: [CONFLICT] }), 409);
  }

  if (intent === "confirm") {
    const submission = parseWithZod(formData, { schema: confirmDiagnosisSchema });
    if (submission.status !== "success") return fail(submission.reply(), 400);
    const result = await whys.confirmDiagnosis(id, submission.value.version, user.id);
    if (result.ok) return back;
    if (result.reason === "not-found") throw notFound(`Case #${id} does not exist.`);
    if (result.reason === "incomplete") {
      return data({ intent, result: submission.reply(), problems: result.problems.map((p) => p.message) }, { status: 400 });
    }
    return fail(submission.reply({ formErrors: [CONFLICT] }), 409);
  }

  return fail({ formErrors: ["Unknown action."] }, 400);
}

export default function WhysPage() {
  const { chain, canEdit, viewerId, leaders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const editing = Number(searchParams.get("edit") ?? 0);
  const steps = chain.whySteps;
  const behaviour = chain.behaviour === "other" && chain.behaviourDetail ? chain.behaviourDetail : behaviourLabel(chain.behaviour);
  const conclusion = conclusionOf(chain);
  const check = checkChain(steps, conclusion);
  const last = steps.at(-1);
  // Each form reads the action's reply only when the reply is for it.
  const reply = actionData?.result as unknown as { formErrors?: string[]; error?: Record<string, string[]> } | undefined;
  const resultFor = (intent: string) => (actionData?.intent === intent ? (reply as never) : undefined);
  const topError = actionData && ["move-step", "remove-step"].includes(actionData.intent) ? reply?.formErrors?.[0] : null;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/cases/${chain.id}`} size="sm">
        ← Case #{chain.id}
      </Anchor>
      <div>
        <Group gap="xs">
          <Text c="dimmed" fw={600}>Five Whys</Text>
          <StatusBadge status={chain.status} />
        </Group>
        <Title order={1}>{chain.title}</Title>
        <Text c="dimmed">
          Starting from the behaviour of concern: <strong>{behaviour}</strong>
        </Text>
      </div>
      {topError ? <Alert color="red" variant="light" role="alert"><Text c="red.9">{topError}</Text></Alert> : null}

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {steps.length === 0 ? <Text c="dimmed">No steps yet. Start with the first why below.</Text> : null}
            {steps.map((step, i) =>
              canEdit && editing === step.id ? (
                <Paper withBorder p="md" radius="lg" key={step.id} id={`step-${step.id}`}>
                  <Text size="xs" tt="uppercase" fw={700} c="dark.3" mb="xs">Editing why {step.position}</Text>
                  <StepForm
                    id={`edit-step-${step.id}`}
                    intent="edit-step"
                    version={chain.whysVersion}
                    stepId={step.id}
                    lastResult={resultFor("edit-step")}
                    leaders={leaders}
                    submitLabel="Save step"
                    defaultValue={{
                      question: step.question,
                      answer: step.answer,
                      evidence: step.evidence,
                      evidenceUrl: step.evidenceUrl,
                      ownerFunction: step.ownerFunction,
                      confidence: step.confidence,
                      askLeaderId: step.askedLeaderId ?? "",
                    }}
                    cancel={<Button component={Link} to="." variant="subtle">Cancel</Button>}
                  />
                </Paper>
              ) : (
                <StepCard key={step.id} step={step} last={i === steps.length - 1} version={chain.whysVersion} canEdit={canEdit} viewerId={viewerId} />
              ),
            )}

            {canEdit && canAddStep(steps) && !editing ? (
              <Paper withBorder p="md" radius="lg" bg="teal.0">
                <Text size="xs" tt="uppercase" fw={700} c="dark.4">Why {steps.length + 1}</Text>
                <Text size="sm" mb="sm" c="dark.7">{upstreamPrompt(steps.length, last?.answer)}</Text>
                {last && looksStructural(last.answer) ? (
                  <Alert color="teal" variant="light" mb="sm" p="xs">
                    <Text size="sm" c="dark.8">That answer looks structural. You can stop here and write the conclusion.</Text>
                  </Alert>
                ) : null}
                <StepForm
                  key={`add-${steps.length}-${chain.whysVersion}`}
                  id="add-step"
                  intent="add-step"
                  version={chain.whysVersion}
                  lastResult={resultFor("add-step")}
                  leaders={leaders}
                  submitLabel="Add this why"
                  defaultValue={{ question: defaultQuestion(last ? { answer: last.answer || last.question } : null, behaviour), confidence: "likely" }}
                />
              </Paper>
            ) : null}
            {canEdit && !canAddStep(steps) ? <Text c="dimmed" size="sm">Nine steps is the limit: time for the conclusion.</Text> : null}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="lg">
              <Title order={2} size="h4" mb="sm">Conclusion</Title>
              {canEdit ? (
                <ConclusionForm
                  key={chain.whysVersion}
                  version={chain.whysVersion}
                  lastResult={resultFor("conclusion")}
                  defaultValue={{
                    rootCause: chain.rootCause,
                    statement: chain.rootCauseStatement,
                    justification: chain.rootCauseJustification,
                    upstreamFix: chain.upstreamFix,
                    fixOwner: chain.fixOwner,
                    payFix: chain.payFix,
                    payFixWhy: chain.payFixWhy,
                  }}
                />
              ) : conclusion ? (
                <Stack gap={4}>
                  <Text fw={650}>{conclusion.statement}</Text>
                  <Text size="sm">Fix: {conclusion.upstreamFix}</Text>
                </Stack>
              ) : (
                <Text c="dimmed" size="sm">Not written yet.</Text>
              )}
            </Paper>

            <Paper withBorder p="md" radius="lg">
              <Title order={2} size="h4" mb="sm">Read it back</Title>
              {conclusion && steps.length > 0 ? (
                <Text style={{ lineHeight: 1.7 }} data-testid="read-back">{readBack(steps, conclusion, behaviour)}</Text>
              ) : (
                <Text c="dimmed" size="sm">The read-back appears once there is a step and a root cause.</Text>
              )}
              {conclusion?.payFix ? <Text size="sm" mt="sm" fw={600}>{payFixSentence(conclusion.payFix, conclusion.rootCause)}</Text> : null}
              {chain.diagnosisConfirmedAt ? (
                <>
                  <Alert color="teal" variant="light" mt="md">
                    <Text c="dark.8" size="sm">Diagnosis confirmed on {formatDate(chain.diagnosisConfirmedAt)}.</Text>
                  </Alert>
                  {canEdit ? (
                    <Form method="post" action="/briefs">
                      <input type="hidden" name="source" value="case" />
                      <input type="hidden" name="sourceId" value={chain.id} />
                      <Button type="submit" variant="outline" mt="sm">Write a brief from this case</Button>
                    </Form>
                  ) : null}
                </>
              ) : canEdit ? (
                <>
                  {(actionData?.problems?.length ? actionData.problems : check.ok ? [] : check.problems.map((p) => p.message)).length ? (
                    <Alert color="orange" variant="light" mt="md" title="Before this case can be marked diagnosed">
                      <List size="sm">
                        {(actionData?.problems?.length ? actionData.problems : check.problems.map((p) => p.message)).map((m) => (
                          <List.Item key={m}><Text size="sm" c="dark.8">{m}</Text></List.Item>
                        ))}
                      </List>
                    </Alert>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="confirm" />
                    <input type="hidden" name="version" value={chain.whysVersion} />
                    <Stack gap="xs" mt="md">
                      <Checkbox name="confirmed" label="I read the chain back and it holds" error={actionData?.intent === "confirm" ? reply?.error?.confirmed?.[0] : undefined} />
                      <Button type="submit" variant="filled" loading={navigation.formData?.get("intent") === "confirm"}>
                        Confirm diagnosis
                      </Button>
                    </Stack>
                  </Form>
                </>
              ) : null}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
