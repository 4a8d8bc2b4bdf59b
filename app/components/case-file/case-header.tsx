import { Badge, Button, Group, Title } from "@mantine/core";
import { PlainText } from "~/components/plain-text";
import { Link } from "@remix-run/react";
import { DARK_LABEL, formatDate, SeverityBadge, StatusBadge } from "~/components/labels";
import { SlaBadge } from "~/components/queue/sla-badge";
import { channelLabel } from "~/domain/cases/taxonomy";
import { triageLabel } from "~/domain/queue/triage";
import type { SlaView } from "~/domain/queue/sla";

type Props = {
  caseFile: {
    id: number;
    status: string;
    severity: string;
    triageClass: string;
    title: string;
    raisedOn: string | Date;
    channel: string;
    createdBy: { name: string };
  };
  sla: SlaView | null;
  canEdit: boolean;
};

/** The case's number, badges, title and provenance, with the comp team's triage and edit links. */
export function CaseHeader({ caseFile: c, sla, canEdit }: Props) {
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Group gap="xs">
          <PlainText c="dimmed" fw={600}>
            Case #{c.id}
          </PlainText>
          <StatusBadge status={c.status} />
          <SeverityBadge severity={c.severity} />
          <Badge variant="light" color={c.triageClass === "plan_design" ? "grape" : "gray"} styles={DARK_LABEL} data-testid="triage-class">{triageLabel(c.triageClass)}</Badge>
          {sla ? <SlaBadge sla={sla} /> : null}
        </Group>
        {/* A modest heading: the complaint itself is quoted just below (issue 14). */}
        <Title order={1} size="h2" mt={4}>
          {c.title}
        </Title>
        <PlainText c="dimmed" size="sm">
          Raised {formatDate(c.raisedOn)} via {channelLabel(c.channel)} · logged by {c.createdBy.name}
        </PlainText>
      </div>
      {canEdit ? (
        <Group gap="xs">
          <Button component={Link} to={`/cases/${c.id}/triage`} variant="outline">
            Triage and assign
          </Button>
          <Button component={Link} to={`/cases/${c.id}/edit`} variant="outline">
            Edit case
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}
