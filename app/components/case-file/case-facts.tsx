import { Alert, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Title } from "@mantine/core";
import { PlainText } from "~/components/plain-text";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { DARK_LABEL, formatDate, formatMoney } from "~/components/labels";
import { functionLabel, reporterRoleLabel, segmentLabel, statusLabel, type CaseStatus } from "~/domain/cases/taxonomy";
import { tenureBandLabel } from "~/domain/cases/tenure";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <PlainText size="xs" tt="uppercase" fw={700} c="dark.3">
        {label}
      </PlainText>
      <PlainText size="sm">{children || "—"}</PlainText>
    </div>
  );
}

/** The comp team's status move: only the statuses the case may move to are offered. */
export function StatusMoveForm({ version, nextStatuses, error }: { version: number; nextStatuses: readonly CaseStatus[]; error: string | undefined }) {
  const navigation = useNavigation();
  return (
    <Paper withBorder p="lg" radius="lg">
      <Form method="post">
        <input type="hidden" name="version" value={version} />
        <Stack gap="sm">
          <NativeSelect
            name="status"
            label="Move status"
            data={nextStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
            error={error}
          />
          <Button type="submit" variant="filled" loading={navigation.state === "submitting"}>
            Update status
          </Button>
        </Stack>
      </Form>
    </Paper>
  );
}

type ReporterProps = {
  // The name and confidentiality are present only for the comp team (the privacy layer drops them).
  caseFile: {
    reporterName?: string | null;
    confidential?: boolean;
    reporterRole: string;
    reporterFunction: string;
    segment: string;
    region: string;
    tenureMonths: number | null;
  };
};

/** Who raised the case; the name only when the privacy layer left it in. */
export function ReporterFacts({ caseFile: c }: ReporterProps) {
  return (
    <Paper withBorder p="lg" radius="lg">
      <Title order={2} size="h4" mb="md">
        Who raised it
      </Title>
      {"reporterName" in c ? (
        <Stack gap={4} mb="md">
          <Fact label="Name">{c.reporterName || "Not recorded"}</Fact>
          {c.confidential ? (
            <Alert color="orange" variant="light" p="xs">
              <PlainText size="sm" c="dark.8">
                Confidential: never share this name outside the comp team.
              </PlainText>
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
  );
}

type ImpactProps = {
  caseFile: {
    peopleAffected: number | null;
    revenueAtRisk: number | null;
    owner: { name: string } | null;
    updatedAt: string | Date;
    tags: string;
  };
};

/** How much is at stake, who owns the case, and its tags. */
export function ImpactFacts({ caseFile: c }: ImpactProps) {
  const tags = c.tags.split(",").filter(Boolean);
  return (
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
  );
}
