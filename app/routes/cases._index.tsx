import {
  Button,
  Group,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useRef } from "react";
import { PlainButton } from "~/components/plain-button";
import { PlainNativeSelect, PlainTextInput } from "~/components/plain-inputs";
import { BulkForm, CaseTable } from "~/components/queue/case-table";
import { QueueViewTabs, StatusTabs } from "~/components/queue/list-tabs";
import { can } from "~/domain/auth/permissions";
import {
  activeFilterCount,
  caseListSearch,
  COUNT_CAP,
  countLabel,
  PAGE_SIZE,
  parseCaseListQuery,
  SORTS,
  type CaseListQuery,
} from "~/domain/cases/list-query";
import { bulkSchema } from "~/domain/queue/assign-schema";
import { TRIAGE_CLASSES } from "~/domain/queue/triage";
import { useSubmitChangesMadeBeforeHydration } from "~/utils/changes-before-hydration";
import {
  BEHAVIOURS,
  CAUSES,
  FUNCTIONS,
  REPORTER_ROLES,
  SEGMENTS,
} from "~/domain/cases/taxonomy";
import { TENURE_BANDS } from "~/domain/cases/tenure";
import { listCasesCached } from "~/models/case-list-cache.server";
import { listOwners } from "~/models/case-queries.server";
import { assignCases, bulkStatus, slaViews } from "~/models/queue.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Cases · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const query = parseCaseListQuery(new URL(request.url).searchParams);
  // The page and the status counts of its tabs (capped; they give the list its total too).
  const [list, owners] = await Promise.all([listCasesCached(query, user), listOwners()]);
  const canWrite = can(user.role, "case:write");
  // Ageing against the SLA, for the comp team who work the queue.
  const sla = canWrite ? Object.fromEntries(await slaViews(list.rows)) : {};
  return { query, ...list, owners, canWrite, sla };
}

/** Bulk assign or bulk status from the list's checkboxes (a plain form: works without JS). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const form = await readForm(request);
  const parsed = bulkSchema.safeParse({ intent: form.get("intent"), caseIds: form.getAll("caseIds"), ownerId: form.get("ownerId") ?? undefined, status: form.get("status") ?? undefined });
  if (!parsed.success) return data({ ok: false as const, message: parsed.error.issues[0]?.message ?? "Check the form" }, { status: 400 });
  const v = parsed.data;
  if (v.intent === "bulk-assign") {
    const assigned = await assignCases({ ids: v.caseIds, ownerId: v.ownerId, actor: user });
    if (!assigned.ok) return data({ ok: false as const, message: "Choose someone from the comp team" }, { status: 400 });
    const { moved } = assigned;
    return { ok: true as const, message: `${moved.length} case${moved.length === 1 ? "" : "s"} ${v.ownerId ? "assigned" : "unassigned"}.` };
  }
  const r = await bulkStatus(v.caseIds, v.status, user.id);
  const left = r.left.length ? ` ${r.left.length} could not move there from where they are (${r.left.map((id) => `#${id}`).join(", ")}).` : "";
  return { ok: true as const, message: `${r.moved.length} case${r.moved.length === 1 ? "" : "s"} moved.${left}` };
}

type Option = { readonly value: string; readonly label: string };
const withAll = (list: readonly Option[], all: string) => [{ value: "", label: all }, ...list.map((o) => ({ value: o.value, label: o.label }))];

export default function CasesPage() {
  const { query, rows, total, page, pageCount, prev, next, statusCounts, owners, canWrite, sla } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const filterForm = useRef<HTMLFormElement>(null);
  useSubmitChangesMadeBeforeHydration(filterForm, (form) => submit(form, { replace: true }));
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/cases";
  const first = rows.length === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = first + rows.length - 1;
  // Each count past the cap reads "10,000+", and so does their sum.
  const statusTotal = Math.min(COUNT_CAP + 1, Object.values(statusCounts).reduce((a, b) => a + b, 0));
  // Next and previous follow the keyset cursors where the order has them; page numbers jump.
  const pageLink = (target: number) =>
    (target === page + 1 && next
      ? caseListSearch(query, { page: target, after: next })
      : target === page - 1 && prev && target > 1
        ? caseListSearch(query, { page: target, before: prev })
        : caseListSearch(query, { page: target })) || "?";

  const filterSelect = (name: keyof CaseListQuery, label: string, data: { value: string; label: string }[]) => (
    <PlainNativeSelect
      name={name}
      label={label}
      data={data}
      defaultValue={String(query[name] ?? "")}
      onChange={(e) => submit(e.currentTarget.form, { replace: true })}
    />
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={1}>Cases</Title>
          <Text c="dimmed">Every “the comp plan is broken”, as a case file.</Text>
        </div>
        {canWrite ? (
          <Button component={Link} to="/cases/new">
            Log a complaint
          </Button>
        ) : null}
      </Group>

      {canWrite ? <QueueViewTabs query={query} /> : null}
      <StatusTabs query={query} counts={statusCounts} total={statusTotal} />

      <Paper withBorder p="md" radius="lg">
        <Form ref={filterForm} method="get" role="search" aria-label="Filter cases">
          {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
          {query.view ? <input type="hidden" name="view" value={query.view} /> : null}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4, lg: 6 }} spacing="sm">
            <PlainTextInput
              name="q"
              label="Search title and complaint"
              type="search"
              defaultValue={query.q ?? ""}
              placeholder="e.g. territory"
            />
            {filterSelect("function", "Function", withAll(FUNCTIONS, "All functions"))}
            {filterSelect("role", "Role", withAll(REPORTER_ROLES, "All roles"))}
            {filterSelect("segment", "Segment", withAll(SEGMENTS, "All segments"))}
            {filterSelect("tenure", "Tenure", withAll(TENURE_BANDS, "Any tenure"))}
            {filterSelect("behaviour", "Behaviour", withAll(BEHAVIOURS, "All behaviours"))}
            {filterSelect("cause", "Cause (diagnosed, else suspected)", withAll(CAUSES, "All causes"))}
            {filterSelect("owner", "Owner", [
              { value: "", label: "Anyone" },
              { value: "none", label: "Unassigned" },
              ...owners.map((o) => ({ value: o.id, label: o.name })),
            ])}
            <PlainTextInput name="from" type="date" label="Raised from" defaultValue={query.from ?? ""} />
            <PlainTextInput name="to" type="date" label="Raised to" defaultValue={query.to ?? ""} />
            {filterSelect("triage", "Triage class", [{ value: "", label: "Any class" }, { value: "none", label: "Unclassified" }, ...TRIAGE_CLASSES.map((t) => ({ value: t.value, label: t.label }))])}
            {filterSelect("sort", "Sort by", SORTS.map((s) => ({ value: s.value, label: s.label })))}
            <Group align="flex-end" gap="xs">
              <PlainButton type="submit" variant="filled">
                Apply
              </PlainButton>
              {activeFilterCount(query) > 0 ? (
                <Button component={Link} to="/cases" variant="subtle">
                  Clear
                </Button>
              ) : null}
            </Group>
          </SimpleGrid>
        </Form>
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {total === 0
            ? "No cases match these filters."
            : rows.length === 0
              ? `No cases on this page (${countLabel(total)} in all).`
              : `Showing ${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${countLabel(total)} cases`}
        </Text>
        {total > 0 ? (
          <Group gap="xs">
            <Button component="a" href={`/cases/export${caseListSearch(query, { page: undefined }) || "?"}&format=csv`} variant="default" size="compact-sm" download>
              Export CSV
            </Button>
            <Button component="a" href={`/cases/export${caseListSearch(query, { page: undefined }) || "?"}&format=json`} variant="default" size="compact-sm" download>
              Export JSON
            </Button>
          </Group>
        ) : null}
      </Group>

      {rows.length > 0 ? (
        <>
          {canWrite ? <BulkForm owners={owners} reply={reply} /> : null}
          <CaseTable rows={rows} sla={sla} selectable={canWrite} dim={loading} />
        </>
      ) : null}

      {pageCount > 1 ? (
        <Group justify="center">
          <Pagination
            total={pageCount}
            value={page}
            getItemProps={(p) => ({ component: Link, "aria-label": `Page ${p}`, to: pageLink(p) })}
            getControlProps={(control) => {
              const target = control === "first" ? 1 : control === "last" ? pageCount : control === "next" ? page + 1 : page - 1;
              const label = { first: "First page", last: "Last page", next: "Next page", previous: "Previous page" }[control];
              return {
                component: Link,
                "aria-label": label,
                to: pageLink(Math.min(pageCount, Math.max(1, target))),
              };
            }}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
