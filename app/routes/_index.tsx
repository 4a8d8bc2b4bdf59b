import { Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { can } from "~/domain/auth/permissions";
import { type ShownCount, WITHHELD_NOTE } from "~/domain/privacy/disclosure";
import { ExecutiveHome } from "~/components/actions/executive-home";
import { executiveHome } from "~/models/executive-home.server";
import { executiveOverview } from "~/models/pattern-insights.server";
import { countQuestionsFor } from "~/models/whys.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Overview · Upstream" }];

// People who work cases start at the list; executives get their Monday page (briefs to read,
// patterns and their direction, actions and what worked, plan changes) and the aggregate overview. Its counts
// are the all-time figures of the patterns page, protected together with them (no count below
// three, and none that the others give away): the function counts are the matrices' totals.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "sales_leader" && (await countQuestionsFor(user.id)) > 0) throw redirect("/questions");
  if (can(user.role, "case:read")) throw redirect("/cases");
  // Signed in through single sign-on without a role yet: nothing to show.
  if (!can(user.role, "pattern:read")) throw redirect("/no-access");
  const [{ byCause, byFunction, byStatus }, home] = await Promise.all([executiveOverview(user), executiveHome(user)]);
  const rows = (list: { label: string; count: ShownCount }[]) => list.map((r) => ({ label: r.label, count: r.count.text }));
  return { home, byCause: rows(byCause), byFunction: rows(byFunction), byStatus: rows(byStatus) };
}

function CountTable({ title, rows }: { title: string; rows: { label: string; count: string }[] }) {
  return (
    <Paper withBorder p="lg" radius="lg">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {r.count}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export default function OverviewPage() {
  const { home, byCause, byFunction, byStatus } = useLoaderData<typeof loader>();
  return (
    <Stack>
      <div>
        <Title order={1}>Overview</Title>
        <Text c="dimmed">
          Complaints about pay, counted by where they come from and what the comp team suspects is upstream. Counts
          below three show as “&lt;3” so no one can be singled out; {WITHHELD_NOTE}.
        </Text>
      </div>
      <ExecutiveHome home={home} />
      <Title order={2} size="h3">Complaints at a glance</Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <CountTable title="By suspected cause" rows={byCause} />
        <CountTable title="By reporting function" rows={byFunction} />
        <CountTable title="By status" rows={byStatus} />
      </SimpleGrid>
    </Stack>
  );
}
