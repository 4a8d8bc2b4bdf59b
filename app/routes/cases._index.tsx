import { DARK_LABEL } from "~/components/labels";
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { formatDate, SeverityBadge, StatusBadge } from "~/components/labels";
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
import {
  BEHAVIOURS,
  behaviourLabel,
  CAUSES,
  causeLabel,
  FUNCTIONS,
  functionLabel,
  REPORTER_ROLES,
  reporterRoleLabel,
  SEGMENTS,
  segmentLabel,
  STATUSES,
} from "~/domain/cases/taxonomy";
import { TENURE_BANDS, tenureBandLabel } from "~/domain/cases/tenure";
import { listCases, listOwners } from "~/models/case-queries.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Cases · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const query = parseCaseListQuery(new URL(request.url).searchParams);
  // The page and the status counts of its tabs (capped; they give the list its total too).
  const [list, owners] = await Promise.all([listCases(query, user), listOwners()]);
  return { query, ...list, owners, canWrite: can(user.role, "case:write") };
}

type Option = { readonly value: string; readonly label: string };
const withAll = (list: readonly Option[], all: string) => [{ value: "", label: all }, ...list.map((o) => ({ value: o.value, label: o.label }))];

export default function CasesPage() {
  const { query, rows, total, page, pageCount, prev, next, statusCounts, owners, canWrite } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const submit = useSubmit();
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
  const showReporter = rows.some((r) => "reporterName" in r);

  const filterSelect = (name: keyof CaseListQuery, label: string, data: { value: string; label: string }[]) => (
    <NativeSelect
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

      <nav aria-label="Status">
        <Group gap={6}>
          <StatusTab to={caseListSearch(query, { status: undefined, page: undefined })} active={!query.status} label="All" count={statusTotal} />
          {STATUSES.map((s) => (
            <StatusTab
              key={s.value}
              to={caseListSearch(query, { status: s.value, page: undefined })}
              active={query.status === s.value}
              label={s.label}
              count={statusCounts[s.value] ?? 0}
            />
          ))}
        </Group>
      </nav>

      <Paper withBorder p="md" radius="lg">
        <Form method="get" role="search" aria-label="Filter cases">
          {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4, lg: 6 }} spacing="sm">
            <TextInput
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
            <TextInput name="from" type="date" label="Raised from" defaultValue={query.from ?? ""} />
            <TextInput name="to" type="date" label="Raised to" defaultValue={query.to ?? ""} />
            {filterSelect("sort", "Sort by", SORTS.map((s) => ({ value: s.value, label: s.label })))}
            <Group align="flex-end" gap="xs">
              <Button type="submit" variant="filled">
                Apply
              </Button>
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
        <Paper withBorder radius="lg" style={{ overflowX: "auto", opacity: loading ? 0.6 : 1 }}>
          <Table striped highlightOnHover verticalSpacing="sm" miw={980}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Case</Table.Th>
                <Table.Th scope="col">Raised</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">Behaviour</Table.Th>
                <Table.Th scope="col">Cause</Table.Th>
                <Table.Th scope="col" w={100}>Severity</Table.Th>
                <Table.Th scope="col" w={120}>Status</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                {showReporter ? <Table.Th scope="col">Reporter</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td maw={340}>
                    <Anchor component={Link} to={`/cases/${r.id}`} fw={600} c="dark.8">
                      {r.title}
                    </Anchor>
                    <Text size="xs" c="dark.3">
                      #{r.id}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(r.raisedOn)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {reporterRoleLabel(r.reporterRole)} · {functionLabel(r.reporterFunction)}
                    </Text>
                    <Text size="xs" c="dark.3">
                      {segmentLabel(r.segment)} · {tenureBandLabel(r.tenureMonths)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{behaviourLabel(r.behaviour)}</Table.Td>
                  <Table.Td>
                    {r.rootCause ? (
                      <>
                        {causeLabel(r.rootCause)}
                        <Text size="xs" c="dark.3">diagnosed</Text>
                      </>
                    ) : r.suspectedCause ? (
                      <>
                        {causeLabel(r.suspectedCause)}
                        <Text size="xs" c="dark.3">suspected</Text>
                      </>
                    ) : (
                      <Text span size="sm" c="dark.3">Unknown</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <SeverityBadge severity={r.severity} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>{r.owner?.name ?? <Text span c="dark.3">—</Text>}</Table.Td>
                  {showReporter ? (
                    <Table.Td>
                      {"reporterName" in r && r.reporterName ? String(r.reporterName) : <Text span size="sm" c="dark.3">Anonymous</Text>}
                      {"confidential" in r && r.confidential ? (
                        <Badge ml={6} size="xs" color="orange" variant="light" styles={DARK_LABEL}>
                          Confidential
                        </Badge>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
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

function StatusTab({ to, active, label, count }: { to: string; active: boolean; label: string; count: number }) {
  return (
    <Button
      component={Link}
      to={to || "/cases"}
      size="compact-sm"
      variant={active ? "filled" : "default"}
      aria-current={active ? "page" : undefined}
      rightSection={<Text span size="xs" fw={700}>{countLabel(count)}</Text>}
    >
      {label}
    </Button>
  );
}
