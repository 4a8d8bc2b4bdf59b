import { DARK_LABEL } from "~/components/labels";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CaseHistory } from "~/components/case-history";
import { formatDate, formatMoney, SeverityBadge, StatusBadge } from "~/components/labels";
import { can } from "~/domain/auth/permissions";
import { statusChangeSchema } from "~/domain/cases/case-schema";
import { allowedNextStatuses } from "~/domain/cases/status";
import {
  behaviourLabel,
  causeLabel,
  channelLabel,
  functionLabel,
  reporterRoleLabel,
  segmentLabel,
  statusLabel,
  type CaseStatus,
} from "~/domain/cases/taxonomy";
import { tenureBandLabel } from "~/domain/cases/tenure";
import { changeStatus, getCase, getCaseHistory } from "~/models/case.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound, parseId, readForm } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `#${data.caseFile.id} ${data.caseFile.title} · Upstream` : "Case · Upstream" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const id = parseId(params.id);
  const caseFile = await getCase(id, user);
  if (!caseFile) throw notFound(`Case #${id} does not exist.`);
  return {
    caseFile,
    history: await getCaseHistory(id, user),
    canEdit: can(user.role, "case:write"),
    nextStatuses: allowedNextStatuses(caseFile.status as CaseStatus),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const id = parseId(params.id);
  const submission = parseWithZod(await readForm(request), { schema: statusChangeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await changeStatus(id, submission.value.version, submission.value.status, user.id);
  if (result.ok) return redirect(`/cases/${id}`);
  if (result.reason === "not-found") throw notFound(`Case #${id} does not exist.`);
  if (result.reason === "not-allowed") {
    return data(
      submission.reply({
        fieldErrors: {
          status: [`A case cannot move from ${statusLabel(result.from)} to ${statusLabel(submission.value.status)}.`],
        },
      }),
      { status: 400 },
    );
  }
  return data(
    submission.reply({
      formErrors: [`${result.updatedBy ?? "Someone"} changed this case after you opened it. Reload to see their change, then try again.`],
    }),
    { status: 409 },
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" tt="uppercase" fw={700} c="dark.3">
        {label}
      </Text>
      <Text size="sm">{children || "—"}</Text>
    </div>
  );
}

export default function CaseFilePage() {
  const { caseFile: c, history, canEdit, nextStatuses } = useLoaderData<typeof loader>();
  const statusResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const statusError = statusResult?.error?.status?.[0] ?? statusResult?.error?.[""]?.[0];
  const tags = c.tags.split(",").filter(Boolean);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        ← All cases
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Text c="dimmed" fw={600}>
              Case #{c.id}
            </Text>
            <StatusBadge status={c.status} />
            <SeverityBadge severity={c.severity} />
          </Group>
          <Title order={1} mt={4}>
            {c.title}
          </Title>
          <Text c="dimmed" size="sm">
            Raised {formatDate(c.raisedOn)} via {channelLabel(c.channel)} · logged by {c.createdBy.name}
          </Text>
        </div>
        {canEdit ? (
          <Button component={Link} to={`/cases/${c.id}/edit`} variant="outline">
            Edit case
          </Button>
        ) : null}
      </Group>

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg" radius="lg">
              <Text size="xs" tt="uppercase" fw={700} c="dark.3" mb={6}>
                Behaviour of concern
              </Text>
              <Title order={2} size="h3">
                {behaviourLabel(c.behaviour)}
              </Title>
              {c.behaviourDetail ? <Text mt={4}>{c.behaviourDetail}</Text> : null}
              <Text size="xs" tt="uppercase" fw={700} c="dark.3" mt="lg" mb={6}>
                In their words
              </Text>
              <blockquote className="complaint-quote" style={{ margin: 0 }}>
                {c.complaint}
              </blockquote>
            </Paper>

            <Paper withBorder p="lg" radius="lg">
              <Title order={2} size="h4" mb="md">
                Suspected upstream cause
              </Title>
              <Text fw={600}>{c.suspectedCause ? causeLabel(c.suspectedCause) : "Not known yet"}</Text>
              {c.causeDetail ? <Text size="sm">{c.causeDetail}</Text> : null}
            </Paper>

            <Paper withBorder p="lg" radius="lg">
              <Title order={2} size="h4" mb="md">
                History
              </Title>
              <CaseHistory events={history} />
            </Paper>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {canEdit && nextStatuses.length > 0 ? (
              <Paper withBorder p="lg" radius="lg">
                <Form method="post">
                  <input type="hidden" name="version" value={c.version} />
                  <Stack gap="sm">
                    <NativeSelect
                      name="status"
                      label="Move status"
                      data={nextStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
                      error={statusError}
                    />
                    <Button type="submit" variant="filled" loading={navigation.state === "submitting"}>
                      Update status
                    </Button>
                  </Stack>
                </Form>
              </Paper>
            ) : null}
            <Paper withBorder p="lg" radius="lg">
              <Title order={2} size="h4" mb="md">
                Who raised it
              </Title>
              {"reporterName" in c ? (
                <Stack gap={4} mb="md">
                  <Fact label="Name">{c.reporterName || "Not recorded"}</Fact>
                  {c.confidential ? (
                    <Alert color="orange" variant="light" p="xs">
                      <Text size="sm" c="dark.8">
                        Confidential: never share this name outside the comp team.
                      </Text>
                    </Alert>
                  ) : null}
                </Stack>
              ) : null}
              <SimpleGrid cols={2} spacing="md">
                <Fact label="Role">{reporterRoleLabel(c.reporterRole)}</Fact>
                <Fact label="Function">{functionLabel(c.reporterFunction)}</Fact>
                <Fact label="Segment">{segmentLabel(c.segment)}</Fact>
                <Fact label="Region">{c.region}</Fact>
                <Fact label="Tenure">{tenureBandLabel(c.tenureMonths)}</Fact>
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="lg" radius="lg">
              <Title order={2} size="h4" mb="md">
                Impact and ownership
              </Title>
              <SimpleGrid cols={2} spacing="md">
                <Fact label="People affected">{c.peopleAffected?.toLocaleString("en-US")}</Fact>
                <Fact label="Revenue at risk">{formatMoney(c.revenueAtRisk)}</Fact>
                <Fact label="Owner">{c.owner?.name ?? "Unassigned"}</Fact>
                <Fact label="Updated">{formatDate(c.updatedAt)}</Fact>
              </SimpleGrid>
              {tags.length ? (
                <Group gap={6} mt="md">
                  {tags.map((t) => (
                    <Badge key={t} variant="default" styles={DARK_LABEL}>
                      {t}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
