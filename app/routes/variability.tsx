import { Alert, Anchor, Badge, Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DARK_LABEL } from "~/components/labels";
import { AttainmentLegend, AttainmentTable } from "~/components/variability/attainment-table";
import { BandForm } from "~/components/variability/band-form";
import { HealthTable } from "~/components/variability/health-table";
import { can } from "~/domain/auth/permissions";
import { bandSchema } from "~/domain/plan-health/band-schema";
import { displayRows, execDisplayRows, execHealthTable } from "~/domain/plan-health/table";
import { WITHHELD_NOTE } from "~/domain/privacy/disclosure";
import { GROUPINGS, HEALTH_GROUPINGS } from "~/domain/variability/group";
import { attainmentGroups, attainmentPeriods, executiveAttainment } from "~/models/attainment.server";
import { periodSpan } from "~/domain/variability/period";
import { getBand, planHealthTableForPage, saveBand } from "~/models/plan-health.server";
import { requirePermission } from "~/utils/auth.server";
import { forbidden, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { replyFor } from "~/utils/reply";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Performance variability · Upstream" }];

const pick = <T,>(options: Record<string, T>, requested: string | null, fallback: string) => (requested && Object.hasOwn(options, requested) ? requested : fallback);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const params = new URL(request.url).searchParams;
  const exec = user.role === "executive";
  const grouping = pick(GROUPINGS, params.get("by"), "segment");
  // Executives get the plan-health groupings that are protected with the rest (group.ts).
  const healthOptions = Object.entries(HEALTH_GROUPINGS).filter(([, g]) => !exec || g.exec);
  const health = pick(Object.fromEntries(healthOptions), params.get("health"), "segment");
  const band = await getBand();
  const [{ rows, groups }, { rows: table, updating }, periods] = await Promise.all([
    attainmentGroups(grouping, GROUPINGS[grouping].by),
    planHealthTableForPage(HEALTH_GROUPINGS[health].by, band),
    attainmentPeriods(),
  ]);
  // Executives: disclosure control across every grouping (domain/variability/group.ts
  // protectAttainment) — no group of fewer than five reps, none that a parent and its other
  // children would give away, no one rep's min or max; complaint counts protected too.
  const protection = exec ? await executiveAttainment() : null;
  return {
    grouping,
    health,
    span: periodSpan(periods),
    healthOptions: healthOptions.map(([value, g]) => ({ value, label: g.label })),
    band,
    exec,
    rowCount: exec ? null : rows,
    canImport: can(user.role, "case:write"),
    canEditBand: can(user.role, "plan:settings"),
    healthUpdating: updating,
    healthRows: protection ? execDisplayRows(execHealthTable(table, protection, band)) : displayRows(table),
    groups: protection ? protection.groupsFor(GROUPINGS[grouping].by) : groups.map((g) => ({ ...g, hidden: false as const })),
  };
}

type Ctx = { userId: string; back: string };
const intent = intentsFor<Ctx>();
const intents = {
  band: intent({
    schema: bandSchema,
    run: ({ bandLow, bandHigh, version }, { userId }) => saveBand({ band: { low: bandLow, high: bandHigh }, version, userId }),
    refuse: () => answer.conflict("Someone changed the band while you were editing. Reload to see theirs; your figures are still here."),
    done: (_r, _v, { back }) => redirectWithToast(back, "Target band saved."),
  }),
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  if (!can(user.role, "plan:settings")) throw forbidden();
  const url = new URL(request.url);
  return handleIntent(await readForm(request), { userId: user.id, back: url.pathname + url.search }, intents);
}

export default function VariabilityPage() {
  const d = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>(), "band");
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Performance variability</Title>
        <Text c="dimmed" maw={760}>
          Modelling pay on the average rep hides fragility. The mean shows the broad direction, the median what a typical
          rep experiences, the spread how concentrated the risk is.
        </Text>
        {d.span ? (
          <Text maw={760} mt="xs" data-testid="figures-cover">
            <strong>Figures cover {d.span}.</strong> “Reps” counts people. Percentages and histograms count rep-periods:
            one rep’s result in one period, so a rep measured in four periods counts four times.
          </Text>
        ) : null}
      </div>

      {d.groups.length === 0 ? (
        <Alert color="blue" variant="light">
          <Text c="dark.8">
            No attainment data yet.{" "}
            {d.canImport ? <Anchor component={Link} to="/import">Import a CSV</Anchor> : "The comp team imports it."}
          </Text>
        </Alert>
      ) : (
        <>
          <Group justify="space-between" align="flex-end">
            <div>
              <Group gap="xs">
                <Title order={2} size="h3">Plan health beside the complaints</Title>
                {d.healthUpdating ? (
                  <Badge color="yellow.9" variant="light" styles={DARK_LABEL} data-testid="health-updating" title="Counting the latest complaints: reload in a moment for the new figures">
                    Updating
                  </Badge>
                ) : null}
              </Group>
              <Text c="dimmed" size="sm" maw={760}>
                What a comp committee reviews each period: how many reps reach quota against the target band, how many
                finish near it, whether results have two peaks, how concentrated they are, what pay does — and the
                complaints the same group raised in the same period. Groups in poor health with many complaints come first.
              </Text>
            </div>
            <Form method="get">
              <input type="hidden" name="by" value={d.grouping} />
              <Group gap="xs" align="flex-end">
                <NativeSelect name="health" label="Health by" defaultValue={d.health} data={d.healthOptions} />
                <Button type="submit" variant="default">See health</Button>
              </Group>
            </Form>
          </Group>
          {d.canEditBand ? <BandForm band={d.band} lastResult={lastResult} /> : null}
          <HealthTable rows={d.healthRows} band={d.band} />
          {d.exec ? (
            <Text size="xs" c="dark.4">
              Region and tenure-band groupings stay with the comp team. A figure resting on one or two reps (a peak, the top
              10%, the 90th-percentile rep) is not shown; complaint counts below three read “&lt;3”.
            </Text>
          ) : null}

          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h3">Attainment by group</Title>
            <Form method="get">
              <input type="hidden" name="health" value={d.health} />
              <Group gap="xs" align="flex-end">
                <NativeSelect name="by" label="Group by" defaultValue={d.grouping} data={Object.entries(GROUPINGS).map(([value, g]) => ({ value, label: g.label }))} />
                <Button type="submit" variant="default">Show</Button>
              </Group>
            </Form>
          </Group>
          <AttainmentTable groups={d.groups} exec={d.exec} />
          <AttainmentLegend />
        </>
      )}
      {d.exec && d.groups.length > 0 ? (
        <Text size="xs" c="dark.4">
          Groups of fewer than five reps are not shown, nor a group whose figures would let one be worked out from the
          others. Histogram bars of fewer than three reps show as “&lt;3”; {WITHHELD_NOTE}. Averages are whole percents.
        </Text>
      ) : null}
      {d.rowCount != null ? (
        <Group gap="xs">
          <Badge variant="light" color="gray" styles={DARK_LABEL}>{d.rowCount.toLocaleString("en-US")} rep-periods</Badge>
          <Text size="xs" c="dark.4">Executives see only groups of five reps or more, without minimums or maximums.</Text>
        </Group>
      ) : null}
    </Stack>
  );
}
