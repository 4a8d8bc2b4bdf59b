import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ActionStatusBadge, OverdueBadge, VerdictBadgeSmall } from "~/components/actions/action-labels";
import { formatDate } from "~/components/labels";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, ACTIONS_PER_PAGE, actionListQuery } from "~/domain/actions/action-schema";
import { can } from "~/domain/auth/permissions";
import { FUNCTIONS, functionLabel } from "~/domain/cases/taxonomy";
import { countActions, listActions, usualFunction } from "~/models/action.server";
import { listPatterns } from "~/models/pattern.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Actions · Upstream" }];

const VIEW_LABELS = { all: "All actions", mine: "Mine", function: "My function's", overdue: "Overdue" } as const;

// Filters live in the URL so a list can be bookmarked and pasted. Executives see actions on
// patterns and published briefs only, without owners' names (decision 014).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const url = new URL(request.url);
  const query = actionListQuery.parse(Object.fromEntries(url.searchParams));
  const exec = user.role === "executive";
  const ownerFunction = query.view === "function" ? await usualFunction(user.id) : undefined;
  const viewer = { ...user, ownerFunction };
  const total = await countActions(viewer, query);
  const pages = Math.max(1, Math.ceil(total / ACTIONS_PER_PAGE));
  const page = Math.min(query.page, pages);
  const [actions, patterns] = await Promise.all([listActions(viewer, query, { skip: (page - 1) * ACTIONS_PER_PAGE, take: ACTIONS_PER_PAGE }), listPatterns(user)]);
  // Links to other pages keep the filters: the query string minus the page.
  const params = new URLSearchParams(url.searchParams);
  params.delete("page");
  return {
    query,
    total,
    page,
    pages,
    filterQuery: params.toString(),
    exec,
    noFunction: query.view === "function" && !ownerFunction,
    myFunction: ownerFunction ?? null,
    canCreate: can(user.role, "case:write"),
    patterns: patterns.map((p) => ({ value: String(p.id), label: p.name })),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      ownerFunction: a.ownerFunction,
      owner: exec ? null : a.owner.name,
      status: a.status,
      dueOn: a.dueOn,
      overdue: a.overdue,
      verdict: a.verdict,
      pattern: a.pattern,
    })),
  };
}

const pageHref = (filters: string, page: number) => `?${filters ? `${filters}&` : ""}page=${page}`;

export default function ActionsPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Actions</Title>
          <Text c="dimmed">What will change after a brief, who owns it, by when — and whether it worked.</Text>
        </div>
        {d.canCreate ? <Button component={Link} to="/actions/new">New action</Button> : null}
      </Group>
      <Paper withBorder radius="lg" p="md">
        <Form method="get">
          <Group align="flex-end" wrap="wrap">
            <NativeSelect name="view" label="Show" defaultValue={d.query.view} data={Object.entries(VIEW_LABELS).filter(([v]) => !d.exec || v === "all" || v === "overdue").map(([value, label]) => ({ value, label }))} />
            <NativeSelect name="status" label="Status" defaultValue={d.query.status ?? ""} data={[{ value: "", label: "Any status" }, ...ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))]} />
            <NativeSelect name="fn" label="Owning function" defaultValue={d.query.fn ?? ""} data={[{ value: "", label: "Any function" }, ...FUNCTIONS.map((f) => ({ value: f.value, label: f.label }))]} />
            <NativeSelect name="pattern" label="Pattern" defaultValue={d.query.pattern ? String(d.query.pattern) : ""} data={[{ value: "", label: "Any pattern" }, ...d.patterns]} maw={260} />
            <Button type="submit" variant="default">Filter</Button>
          </Group>
        </Form>
      </Paper>
      {d.noFunction ? <Text size="sm">You do not own any actions yet, so there is no function to show.</Text> : null}
      {/* Accounts carry no function: it is read from the person's own actions (decision 019). */}
      {d.myFunction ? <Text size="sm" data-testid="my-function">Showing {functionLabel(d.myFunction)}: the function most of the actions you own name.</Text> : null}
      {d.actions.length === 0 ? (
        <Text>No actions match.</Text>
      ) : (
        <Paper withBorder radius="lg" style={{ overflowX: "auto" }}>
          <Table verticalSpacing="sm" miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Pattern</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td><Anchor component={Link} to={`/actions/${a.id}`} c="dark.8" fw={600}>#{a.id} {a.title}</Anchor></Table.Td>
                  <Table.Td>{a.owner ? `${a.owner} · ` : ""}{functionLabel(a.ownerFunction)}</Table.Td>
                  <Table.Td>{formatDate(a.dueOn)} {a.overdue ? <OverdueBadge /> : null}</Table.Td>
                  <Table.Td><Group gap={4}><ActionStatusBadge status={a.status} /><VerdictBadgeSmall verdict={a.verdict} /></Group></Table.Td>
                  <Table.Td>{a.pattern ? <Anchor component={Link} to={`/patterns/${a.pattern.id}`} c="dark.8">{a.pattern.name}</Anchor> : "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {d.pages > 1 ? (
        <Group gap="sm" component="nav" aria-label="Action pages">
          {d.page > 1 ? <Anchor component={Link} to={pageHref(d.filterQuery, d.page - 1)}>Previous page</Anchor> : null}
          <Text size="sm" data-testid="action-page">Page {d.page} of {d.pages} ({d.total.toLocaleString("en-US")} actions)</Text>
          {d.page < d.pages ? <Anchor component={Link} to={pageHref(d.filterQuery, d.page + 1)}>Next page</Anchor> : null}
        </Group>
      ) : null}
    </Stack>
  );
}
