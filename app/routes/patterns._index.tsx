import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { MatrixTable } from "~/components/patterns/matrix-table";
import { LaterTurn } from "~/components/render-turns";
import { MonthlyChart } from "~/components/patterns/monthly-chart";
import { SavedPatterns } from "~/components/patterns/saved-patterns";
import { SuggestionCard, type SuggestionView } from "~/components/patterns/suggestion-card";
import { ThemeSection, type ThemeSectionData } from "~/components/patterns/theme-list";
import { can } from "~/domain/auth/permissions";
import { isRealDay } from "~/domain/cases/case-schema";
import { caseListSearch } from "~/domain/cases/list-query";
import { createPatternSchema } from "~/domain/patterns/pattern-schema";
import { themeEditSchema } from "~/domain/patterns/theme-edits";
import { snapExecRange, WITHHELD_NOTE } from "~/domain/privacy/disclosure";
import { execPatternCounts, GROUPING_CAP, patternInsights, suggestionByKey } from "~/models/pattern-insights.server";
import { createPattern, listPatterns, unknownCasesMessage } from "~/models/pattern.server";
import { TriageCounts } from "~/components/patterns/triage-counts";
import { runThemeEdit, themeOptions, themePage } from "~/models/theme.server";
import { requirePermission } from "~/utils/auth.server";
import { forbidden, notFound, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor, refusedReply } from "~/utils/intents.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Patterns · Upstream" }];

/** "Sep 2026" from "2026-09-01", read in UTC. */
function monthName(day: string) {
  return new Date(`${day}T00:00:00Z`).toLocaleString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
}

function rangeFrom(url: URL) {
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDay(v) ? v : undefined);
  return { from: day(url.searchParams.get("from")), to: day(url.searchParams.get("to")) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const asked = rangeFrom(new URL(request.url));
  const suppress = user.role === "executive";
  // Executives see whole calendar months, three at least: ranges a day apart give the same
  // figures, and neighbouring ranges differ by a whole month.
  const snapped = suppress ? snapExecRange(asked, new Date()) : null;
  const range = snapped ? { from: snapped.from, to: snapped.to } : asked;
  const url = new URL(request.url);
  const canWrite = can(user.role, "case:write");
  // The one theme whose edit forms are open (the merge list needs every theme's name).
  const editing = canWrite ? (url.searchParams.get("edit") ?? "") : "";
  // The triage counts come with the other figures (one snapshot, on a worker at scale, decision 022).
  const [insights, patterns, themes, options] = await Promise.all([
    patternInsights(range, user),
    listPatterns(user, 50),
    themePage(user, Number(url.searchParams.get("tpage")) || 1),
    editing ? themeOptions() : [],
  ]);
  const counts = suppress ? await execPatternCounts(patterns.map((p) => ({ id: p.id, count: p._count.cases }))) : null;
  return {
    range,
    snapped: snapped?.snapped ?? false,
    suppress,
    canWrite,
    editing,
    themes,
    themeOptions: options,
    canOpenCases: can(user.role, "case:read"),
    ...insights,
    overview: undefined,
    total: insights.total.text,
    causeSources: { diagnosed: insights.causeSources.diagnosed.text, suspected: insights.causeSources.suspected.text },
    // Said only when the cap bit: the figure is exact, so executives do not get it.
    groupedNote: !suppress && insights.grouped >= GROUPING_CAP ? ` Text grouping looks at the ${insights.grouped.toLocaleString("en-US")} most recent cases.` : "",
    grouped: suppress ? null : insights.grouped,
    // Explicit fields: Prisma's _count would carry the exact (unsuppressed) figures.
    patterns: patterns.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      cause: p.cause,
      updatedAt: p.updatedAt,
      caseCount: counts ? counts.get(p.id)!.text : String(p._count.cases),
      recurring: p._count.recurrences > 0,
    })),
  };
}

const create = intentsFor<{ actorId: string }>()({
  schema: createPatternSchema,
  run: ({ source: _, ...input }, { actorId }) => createPattern({ input, actorId }),
  refuse: (r) => answer.invalid(unknownCasesMessage(r.ids), "caseIds"),
  done: (pattern) => redirectWithToast(`/patterns/${pattern.id}`, `Pattern #${pattern.id} saved.`),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  if (!can(user.role, "case:write")) throw forbidden();
  const formData = await readForm(request);
  if (String(formData.get("intent") ?? "").startsWith("theme-")) {
    const parsed = themeEditSchema.safeParse(Object.fromEntries([...formData.keys()].map((k) => [k, formData.getAll(k).length > 1 ? formData.getAll(k) : formData.get(k)])));
    const intent = String(formData.get("intent"));
    if (!parsed.success) return refusedReply(intent, parsed.error.issues[0].message, 400, String(parsed.error.issues[0].path[0] ?? ""));
    const outcome = await runThemeEdit(parsed.data, user.id);
    if (!outcome.ok && outcome.status === 404) throw notFound(outcome.message);
    if (!outcome.ok) return refusedReply(intent, outcome.message, outcome.status === 409 ? 409 : 400, outcome.field);
    const back = String(formData.get("returnTo") ?? "");
    // Only back to a case page (the case page's re-file form); never an arbitrary address.
    return redirectWithToast(outcome.patternId ? `/patterns/${outcome.patternId}` : /^\/cases\/\d+$/.test(back) ? back : "/patterns#themes", outcome.patternId ? `Pattern #${outcome.patternId} saved.` : "Themes updated.");
  }
  // A suggestion is saved by its key: the server takes its cases as they stand now.
  const key = String(formData.get("suggestionKey") ?? "");
  if (key) {
    const suggestion = await suggestionByKey(rangeFrom(new URL(`http://x/?${new URLSearchParams({ from: String(formData.get("from") ?? ""), to: String(formData.get("to") ?? "") })}`)), key);
    if (!suggestion) return refusedReply("save-suggestion", "That suggestion changed as cases came in. Look at it again and save it then.", 409, "caseIds");
    for (const id of suggestion.caseIds) formData.append("caseIds", String(id));
  }
  return handleIntent(formData, { actorId: user.id }, { create, "save-suggestion": create }, "create");
}

const PAGE_SECTIONS = [
  ["#saved", "Saved patterns"],
  ["#counts", "Counts"],
  ["#monthly", "Per month"],
  ["#themes", "Themes"],
  ["#triage-counts", "Triage classes"],
  ["#suggested", "Suggested groups"],
] as const;

export default function PatternsPage() {
  const d = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  // A theme form's refusal shows in the themes section; the others by the saved patterns.
  const themeReply = acted?.intent.startsWith("theme-") ? acted.result : undefined;
  const reply = themeReply ? undefined : acted?.result;
  const cellHref = d.canOpenCases
    ? (filter: Record<string, string>) => `/cases${caseListSearch({ ...filter, from: d.range.from, to: d.range.to })}` as const
    : undefined;
  const errors = reply?.error ? Object.values(reply.error).flat().filter(Boolean) : [];
  const themeError = themeReply?.error ? Object.values(themeReply.error).flat().filter(Boolean).join(" ") : undefined;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Patterns across functions</Title>
          <Text c="dimmed" maw={760}>
            Where anecdotes become a diagnosis. Counts use the diagnosed root cause where a case has one
            ({d.causeSources.diagnosed} cases) and the suspected cause otherwise ({d.causeSources.suspected}).
            {d.suppress ? ` Figures below three show as “<3” so no one can be singled out; ${WITHHELD_NOTE}.` : ""}
          </Text>
          {d.suppress && d.range.to ? (
            <Text size="sm" mt={4} data-testid="exec-range">
              Executives see whole months, three at least: {d.range.from ? `${monthName(d.range.from)} to ` : "everything up to "}
              {monthName(d.range.to)}{d.snapped ? ", widened from the dates asked for." : "."}
            </Text>
          ) : null}
        </div>
        <Form method="get" aria-label="Date range">
          <Group gap="xs" align="flex-end">
            <TextInput type="date" name="from" label="Raised from" defaultValue={d.range.from ?? ""} />
            <TextInput type="date" name="to" label="Raised to" defaultValue={d.range.to ?? ""} />
            <Button type="submit" variant="default">Apply</Button>
          </Group>
        </Form>
      </Group>
      <Text size="sm" fw={600}>
        {d.total} cases in range · {d.crossFunctional} cross-functional groups
      </Text>
      {/* A long page: a short index of its sections, plain anchors (no JavaScript needed). */}
      <nav aria-label="On this page" className="page-index">
        {PAGE_SECTIONS.map(([href, label]) => (
          <Anchor key={href} href={href} size="sm">{label}</Anchor>
        ))}
      </nav>

      <SavedPatterns patterns={d.patterns} canWrite={d.canWrite} />

      {/* A level-2 heading over the tables and the chart (their titles are level 3): headings
          go down one level at a time for screen readers (Lighthouse: heading-order). */}
      <section aria-labelledby="counts">
        <Title order={2} size="h3" id="counts" mb="sm">Counts</Title>
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            {d.matrices.map((m) => (
              <MatrixTable key={m.title} title={m.title} matrix={m.matrix} cellHref={cellHref} />
            ))}
          </SimpleGrid>

          {/* The page's larger parts render in turns of their own (decision 030): ~10-15 ms each at
              100,000 cases instead of ~50 ms in one; few, as under load each turn is a wait. */}
          <LaterTurn>
            <MonthlyChart data={d.monthly.data} series={d.monthly.series} table={d.monthly.table} suppress={d.suppress} />
          </LaterTurn>
        </Stack>
      </section>

      <LaterTurn>
        <ThemeSection d={d.themes as ThemeSectionData} canWrite={d.canWrite} options={d.themeOptions} error={themeError} editing={d.editing} />
      </LaterTurn>

      <LaterTurn>
        <TriageCounts triage={d.triage} cellHref={cellHref} />

        <section aria-labelledby="suggested">
          <Title order={2} size="h3" id="suggested">Suggested groups</Title>
          <Text c="dimmed" size="sm" mb="sm">
            Cases that share a cause or whose complaints are alike, ranked. Cross-functional means three or more cases
            from at least two functions or roles; anything less is still an anecdote.
            {d.groupedNote}
          </Text>
          {errors.length ? <Alert color="red" variant="light" mb="sm"><Text c="red.9">{errors.join(" ")}</Text></Alert> : null}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {d.suggestions.map((s) => (
              <SuggestionCard key={s.key} s={s as SuggestionView} canSave={d.canWrite} range={d.range} />
            ))}
          </SimpleGrid>
          {d.suggestions.length === 0 ? <Text c="dimmed">No groups yet.</Text> : null}
        </section>
      </LaterTurn>

    </Stack>
  );
}

