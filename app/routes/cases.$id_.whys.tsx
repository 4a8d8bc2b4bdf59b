import { Alert, Anchor, Button, Checkbox, Grid, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { StatusBadge, formatDate } from "~/components/labels";
import { ConclusionForm } from "~/components/whys/conclusion-form";
import { StepCard } from "~/components/whys/step-card";
import { StepForm } from "~/components/whys/step-form";
import { can } from "~/domain/auth/permissions";
import { behaviourLabel } from "~/domain/cases/taxonomy";
import { payFixSentence } from "~/domain/briefs/pay-fix";
import { canAddStep, checkChain, defaultQuestion, looksStructural, readBack, upstreamPrompt } from "~/domain/whys/chain";
import { conclusionOf } from "~/domain/whys/conclusion";
import { conclusionSchema, confirmDiagnosisSchema, moveStepFormSchema, removeStepSchema, whyStepSchema } from "~/domain/whys/whys-schema";
import * as whys from "~/models/whys.server";
import { recordAccess } from "~/models/access-log.server";
import { questionPut } from "~/models/notify-events.server";
import { requirePermission } from "~/utils/auth.server";
import { caseNotFound, parseId, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { refused } from "~/utils/outcome";
import { errorOf, replyFor } from "~/utils/reply";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Five Whys · #${data.chain.id} · Upstream` : "Five Whys · Upstream" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const id = parseId(params.id);
  const chain = await whys.getChain(id, user);
  if (!chain) throw caseNotFound(id);
  recordAccess(user, "whys", id);
  const canEdit = can(user.role, "case:write");
  return { chain, canEdit, viewerId: user.id, leaders: canEdit ? await whys.listLeaders() : [] };
}

const CONFLICT = "Someone changed this chain while you were working. Reload to see their change; your text is still here.";

type Ctx = { id: number; actorId: string };
const intent = intentsFor<Ctx>();
// Each change to the chain lands back on it with a short confirmation (ids only).
const back = (said: string) => (_r: unknown, _v: unknown, { id }: Ctx) => redirectWithToast(`/cases/${id}/whys`, `Case #${id}: ${said}.`);

/** How a refused change to the chain is told, the same for every form on the page. */
function refusal(r: whys.ChainResult & { ok: false }, id: number) {
  switch (r.reason) {
    case "not-found":
      return answer.caseNotFound(id);
    case "too-many-steps":
      return answer.invalid("A chain has at most nine steps. Write the conclusion, or edit a step instead.");
    case "no-step":
      return answer.invalid("That step is no longer in the chain. Reload the page.");
    case "not-a-leader":
      return answer.invalid("Choose an active sales leader.", "askLeaderId");
    case "incomplete":
      return answer.invalid("The diagnosis cannot be confirmed yet: finish what is listed first.", undefined, r.problems.map((p) => p.message));
    case "conflict":
    case "already-answered":
      return answer.conflict(CONFLICT);
  }
}

/** A step put to a sales leader tells them (issue 16); questionPut does nothing for an answered step. */
async function notifyAsked<O extends { ok: boolean; stepId?: number }>(outcome: O): Promise<O> {
  if (outcome.ok && outcome.stepId) await questionPut(outcome.stepId);
  return outcome;
}

const intents = {
  "add-step": intent({
    schema: whyStepSchema,
    run: async ({ version, stepId: _, ...step }, { id, actorId }) => notifyAsked(await whys.addStep({ caseId: id, version, step, actorId })),
    refuse: (r, _v, { id }) => refusal(r, id),
    done: (r, v, ctx) => back(v.askLeaderId ? "question sent to the sales leader" : "step added")(r, v, ctx),
  }),
  "edit-step": intent({
    schema: whyStepSchema,
    run: async ({ version, stepId, ...step }, { id, actorId }) =>
      stepId ? notifyAsked(await whys.editStep({ caseId: id, version, stepId, step, actorId })) : refused("no-step"),
    refuse: (r, _v, { id }) => refusal(r, id),
    done: back("step saved"),
  }),
  "move-step": intent({
    schema: moveStepFormSchema,
    invalid: "Choose a step and a direction.",
    run: ({ version, stepId, direction }, { id, actorId }) => whys.moveStep({ caseId: id, version, stepId, direction, actorId }),
    refuse: (r, _v, { id }) => refusal(r, id),
    done: back("step moved"),
  }),
  "remove-step": intent({
    schema: removeStepSchema,
    invalid: "Choose a step and a direction.",
    run: ({ version, stepId }, { id, actorId }) => whys.removeStep({ caseId: id, version, stepId, actorId }),
    refuse: (r, _v, { id }) => refusal(r, id),
    done: back("step removed"),
  }),
  conclusion: intent({
    schema: conclusionSchema,
    run: (conclusion, { id, actorId }) => whys.saveConclusion({ caseId: id, conclusion, actorId }),
    refuse: (r, _v, { id }) => refusal(r, id),
    done: back("conclusion saved"),
  }),
  confirm: intent({
    schema: confirmDiagnosisSchema,
    run: ({ version }, { id, actorId }) => whys.confirmDiagnosis({ caseId: id, version, actorId }),
    refuse: (r, _v, { id }) => refusal(r, id),
    done: back("diagnosis confirmed"),
  }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const id = parseId(params.id);
  return handleIntent(await readForm(request), { id, actorId: user.id }, intents);
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
  const resultFor = (intent: string) => replyFor(actionData, intent);
  const topError = errorOf(actionData, ["move-step", "remove-step"]);
  // What still stands between the chain and a confirmed diagnosis: the server's list after a
  // refused confirm, else the page's own check.
  const missing = actionData?.intent === "confirm" && actionData.problems.length ? actionData.problems : check.ok ? [] : check.problems.map((p) => p.message);
  const confirmError = actionData?.intent === "confirm" && actionData.problems.length ? errorOf(actionData, "confirm") : undefined;

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
                  defaultValue={{ question: defaultQuestion(last ? { answer: last.answer } : null, behaviour), confidence: "likely" }}
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
                  {missing.length ? (
                    <Alert id="confirm-missing" color="orange" variant="light" mt="md" title="Before this case can be marked diagnosed" styles={{ title: { color: "var(--mantine-color-dark-8)" } }}>
                      {confirmError ? <Text size="sm" c="dark.8" role="alert" mb={4}>{confirmError}</Text> : null}
                      <List size="sm">
                        {missing.map((m) => (
                          <List.Item key={m}><Text size="sm" c="dark.8">{m}</Text></List.Item>
                        ))}
                      </List>
                    </Alert>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="confirm" />
                    <input type="hidden" name="version" value={chain.whysVersion} />
                    <Stack gap="xs" mt="md">
                      <Checkbox name="confirmed" label="I read the chain back and it holds" error={errorOf(actionData, "confirm", "confirmed")} disabled={missing.length > 0} />
                      {/* Disabled while its list of what is missing is on screen; the server refuses too. */}
                      <Button type="submit" variant="filled" disabled={missing.length > 0} aria-describedby={missing.length ? "confirm-missing" : undefined} loading={navigation.formData?.get("intent") === "confirm"}>
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
