import { Alert, Anchor, Grid, Group, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { StatusBadge } from "~/components/labels";
import { ChainSteps } from "~/components/whys/chain-steps";
import { ConclusionPanel } from "~/components/whys/conclusion-panel";
import { ReadBackPanel } from "~/components/whys/read-back-panel";
import { can } from "~/domain/auth/permissions";
import { behaviourLabel } from "~/domain/cases/taxonomy";
import { conclusionOf } from "~/domain/whys/conclusion";
import { conclusionSchema, confirmDiagnosisSchema, moveStepFormSchema, removeStepSchema, whyStepSchema } from "~/domain/whys/whys-schema";
import * as whys from "~/models/whys.server";
import { recordAccess } from "~/models/access-log.server";
import { questionPut } from "~/models/notify-events.server";
import { requirePermission } from "~/utils/auth.server";
import { caseNotFound, parseId, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { refused } from "~/utils/outcome";
import { errorOf } from "~/utils/reply";
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
  const steps = chain.whySteps;
  const behaviour = chain.behaviour === "other" && chain.behaviourDetail ? chain.behaviourDetail : behaviourLabel(chain.behaviour);
  const conclusion = conclusionOf(chain);
  const topError = errorOf(actionData, ["move-step", "remove-step"]);

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
          <ChainSteps
            steps={steps}
            version={chain.whysVersion}
            canEdit={canEdit}
            editing={Number(searchParams.get("edit") ?? 0)}
            viewerId={viewerId}
            leaders={leaders}
            behaviour={behaviour}
            reply={actionData}
          />
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ConclusionPanel stored={chain} conclusion={conclusion} version={chain.whysVersion} canEdit={canEdit} reply={actionData} />
            <ReadBackPanel
              caseId={chain.id}
              steps={steps}
              conclusion={conclusion}
              behaviour={behaviour}
              confirmedAt={chain.diagnosisConfirmedAt}
              version={chain.whysVersion}
              canEdit={canEdit}
              reply={actionData}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
