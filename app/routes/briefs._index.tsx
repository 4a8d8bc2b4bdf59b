import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DARK_LABEL, formatDate } from "~/components/labels";
import { can } from "~/domain/auth/permissions";
import { generateBriefSchema } from "~/domain/briefs/brief-schema";
import { createBrief, draftBrief, executiveTitles, listBriefs } from "~/models/brief.server";
import { listPatterns } from "~/models/pattern.server";
import { requirePermission } from "~/utils/auth.server";
import { forbidden, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Briefs · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const canWrite = can(user.role, "case:write");
  // Readers (sales leaders, executives) see published briefs only.
  const [briefs, patterns] = await Promise.all([listBriefs(!canWrite, user), canWrite ? listPatterns(user) : []]);
  // Executives: a brief on fewer than three cases is listed under a title that names no one.
  const titles = user.role === "executive" ? await executiveTitles(briefs) : null;
  return {
    canWrite,
    patterns: patterns.map((p) => ({ id: p.id, name: p.name })),
    briefs: briefs.map((b) => ({
      id: b.id,
      title: titles?.get(b.id) ?? b.title,
      // A case title can name its reporter: readers get no name (and no count: "one case" is one).
      source: b.pattern
        ? { kind: "pattern", id: b.pattern.id, name: b.pattern.name }
        : b.case
          ? canWrite
            ? { kind: "case", id: b.case.id, name: b.case.title }
            : { kind: "case", id: null, name: null }
          : null,
      version: b.versions[0]?.number ?? null,
      publishedAt: b.versions[0]?.publishedAt ?? null,
      draftPending: canWrite && b.hasUnpublishedChanges,
      acks: canWrite ? b._count.acks : null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  if (!can(user.role, "case:write")) throw forbidden();
  const submission = parseWithZod(await readForm(request), { schema: generateBriefSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { source, sourceId } = submission.value;
  const draft = await draftBrief(source, sourceId);
  if (!draft) {
    return data(submission.reply({ formErrors: [source === "pattern" ? "That pattern does not exist or has no cases yet." : "That case does not exist."] }), { status: 404 });
  }
  const brief = await createBrief({ title: draft.title, source, sourceId, draft }, user.id);
  return redirectWithToast(`/briefs/${brief.id}`, `Brief #${brief.id} drafted.`);
}

export default function BriefsPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = reply?.error ? Object.values(reply.error).flat().filter(Boolean) : [];
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Leadership briefs</Title>
        <Text c="dimmed" maw={760}>Plain-language cause and effect, written from the Five Whys of the cases behind a pattern.</Text>
      </div>
      {d.canWrite ? (
        <Paper withBorder radius="lg" p="md">
          <Form method="post">
            <input type="hidden" name="source" value="pattern" />
            <Group align="flex-end">
              <NativeSelect
                name="sourceId"
                label="Write a brief from a saved pattern"
                data={[{ value: "", label: d.patterns.length ? "Choose a pattern…" : "No saved patterns yet" }, ...d.patterns.map((p) => ({ value: String(p.id), label: p.name }))]}
                miw={{ base: "100%", sm: 360 }}
              />
              <Button type="submit" loading={navigation.state === "submitting"}>Write the brief</Button>
            </Group>
          </Form>
          {errors.length ? <Alert color="red" variant="light" mt="sm" role="alert"><Text c="red.9">{errors.join(" ")}</Text></Alert> : null}
          <Text size="xs" c="dark.4" mt="xs">A brief for one diagnosed case starts from that case’s Five Whys page.</Text>
        </Paper>
      ) : null}
      {d.briefs.length === 0 ? (
        <Text c="dimmed">{d.canWrite ? "No briefs yet." : "No published briefs yet."}</Text>
      ) : (
        <Paper withBorder radius="lg" style={{ overflowX: "auto" }}>
          <Table verticalSpacing="sm" miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Brief</Table.Th>
                <Table.Th scope="col">From</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Published</Table.Th>
                {d.canWrite ? <Table.Th scope="col">Read by</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.briefs.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td><Anchor component={Link} to={`/briefs/${b.id}`} fw={600} c="dark.8">{b.title}</Anchor></Table.Td>
                  <Table.Td>{b.source ? (d.canWrite || b.source.kind === "pattern" ? `${b.source.kind === "pattern" ? "Pattern" : "Case"}: ${b.source.name}` : "Fewer than three cases") : "—"}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {b.version ? <Badge variant="light" color="teal" styles={DARK_LABEL}>Published v{b.version}</Badge> : <Badge variant="light" color="gray" styles={DARK_LABEL}>Draft</Badge>}
                      {b.version && b.draftPending ? <Badge variant="outline" color="orange" styles={DARK_LABEL}>Unpublished edits</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{b.publishedAt ? formatDate(b.publishedAt) : "—"}</Table.Td>
                  {d.canWrite ? <Table.Td>{b.acks ?? 0}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
