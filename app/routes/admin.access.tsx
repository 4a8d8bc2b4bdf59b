import { DARK_LABEL } from "~/components/labels";
import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { roleLabel } from "~/domain/auth/permissions";
import { ACCESS_ACTIONS, ACCESS_SUBJECTS, accessActionLabel, accessFilterQuery, accessSubjectLabel, parseAccessFilters } from "~/domain/access/access-log";
import { ACCESS_PAGE_SIZE, listAccess } from "~/models/access-log.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Access log · Upstream" }];

// Who read or changed what (issue 19): admins only. Filters live in the URL, so a view can be
// bookmarked and the CSV export carries the same filters.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const filters = parseAccessFilters(new URL(request.url).searchParams);
  const { entries, total } = await listAccess(filters);
  return {
    filters,
    total,
    pages: Math.max(1, Math.ceil(total / ACCESS_PAGE_SIZE)),
    entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

const subjectLink = (subject: string, id: string) =>
  subject === "case" ? `/cases/${id}` : subject === "whys" ? `/cases/${id}/whys` : subject === "brief" ? `/briefs/${id}` : subject === "user" ? `/admin/users/${id}` : null;

export default function AccessLogPage() {
  const { filters, total, pages, entries } = useLoaderData<typeof loader>();
  const query = accessFilterQuery(filters, { page: 1 });
  return (
    <Stack>
      <div>
        <Title order={1}>Access log</Title>
        <Text c="dimmed">
          Every read of a case file, its Five Whys, an export or a brief, and every change of a role or a confidential flag:
          who, when, in which role. It never holds a reporter’s name.
        </Text>
      </div>
      <Paper withBorder p="md" radius="lg">
        <Form method="get">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput name="user" label="Who (email contains)" defaultValue={filters.user ?? ""} />
            <NativeSelect name="action" label="Action" defaultValue={filters.action ?? ""} data={[{ value: "", label: "Any" }, ...ACCESS_ACTIONS]} />
            <NativeSelect name="subject" label="What" defaultValue={filters.subject ?? ""} data={[{ value: "", label: "Anything" }, ...ACCESS_SUBJECTS]} />
            <TextInput name="subjectId" label="Id (case, brief or user)" defaultValue={filters.subjectId ?? ""} />
            <TextInput name="from" type="date" label="From" defaultValue={filters.from ?? ""} />
            <TextInput name="to" type="date" label="To" defaultValue={filters.to ?? ""} />
            <Checkbox name="confidential" value="1" label="Confidential cases only" defaultChecked={filters.confidential ?? false} mt={{ md: 30 }} />
            <Group align="end">
              <Button type="submit">Filter</Button>
              <Button component={Link} to="/admin/access" variant="default">
                Clear
              </Button>
            </Group>
          </SimpleGrid>
        </Form>
      </Paper>
      <Group justify="space-between">
        <Text>
          {total} {total === 1 ? "entry" : "entries"}
        </Text>
        <Button component="a" href={`/admin/access/export${query ? `?${query}` : ""}`} variant="default" size="compact-sm" download>
          Export CSV
        </Button>
      </Group>
      <Paper withBorder radius="lg" style={{ overflowX: "auto" }}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When (UTC)</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">What</Table.Th>
              <Table.Th scope="col">Detail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>Nothing recorded matches these filters.</Table.Td>
              </Table.Tr>
            ) : null}
            {entries.map((e) => {
              const to = subjectLink(e.subject, e.subjectId);
              return (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{e.at.slice(0, 19).replace("T", " ")}</Table.Td>
                  <Table.Td>{e.userEmail}</Table.Td>
                  <Table.Td>{roleLabel(e.role)}</Table.Td>
                  <Table.Td>{accessActionLabel(e.action)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <span>
                        {accessSubjectLabel(e.subject)}{" "}
                        {to ? (
                          <Anchor component={Link} to={to}>
                            {e.subject === "user" ? "(open)" : `#${e.subjectId}`}
                          </Anchor>
                        ) : null}
                      </span>
                      {e.confidential ? (
                        <Badge variant="light" color="red" styles={DARK_LABEL}>
                          Confidential
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{e.detail}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      {pages > 1 ? (
        <Group>
          {filters.page > 1 ? (
            <Anchor component={Link} to={`/admin/access?${accessFilterQuery(filters, { page: filters.page - 1 })}`}>
              Newer
            </Anchor>
          ) : null}
          <Text size="sm">
            Page {filters.page} of {pages}
          </Text>
          {filters.page < pages ? (
            <Anchor component={Link} to={`/admin/access?${accessFilterQuery(filters, { page: filters.page + 1 })}`}>
              Older
            </Anchor>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
