import { Badge, Button, Group, NativeSelect, Paper, Table, Text, VisuallyHidden, Alert, Anchor } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { DARK_LABEL, formatDate, SeverityBadge, StatusBadge } from "~/components/labels";
import { SlaBadge } from "~/components/queue/sla-badge";
import { behaviourLabel, causeLabel, functionLabel, reporterRoleLabel, segmentLabel, STATUSES } from "~/domain/cases/taxonomy";
import { tenureBandLabel } from "~/domain/cases/tenure";
import type { SlaView } from "~/domain/queue/sla";
import { triageLabel } from "~/domain/queue/triage";

// The case list's table, with a checkbox per row for the bulk form (issue 16). The checkboxes
// belong to the form by its id, so assigning or moving many cases works without JavaScript.

type Row = {
  id: number;
  title: string;
  raisedOn: string | Date;
  reporterRole: string;
  reporterFunction: string;
  segment: string;
  tenureMonths: number | null;
  behaviour: string;
  suspectedCause: string;
  rootCause: string;
  severity: string;
  status: string;
  triageClass: string;
  owner: { name: string } | null;
  reporterName?: string;
  confidential?: boolean;
};

export function CaseTable({ rows, sla, selectable, dim }: { rows: Row[]; sla: Record<string, SlaView>; selectable: boolean; dim: boolean }) {
  const showReporter = rows.some((r) => "reporterName" in r);
  return (
    <Paper withBorder radius="lg" style={{ overflowX: "auto", opacity: dim ? 0.6 : 1 }}>
      {/* Words stay whole here (the page's "anywhere" wrapping let columns shrink until titles ran
          to nine lines and "Unknown" broke in two); the table scrolls inside its card instead. */}
      <Table striped highlightOnHover verticalSpacing="sm" miw={980} style={{ overflowWrap: "break-word" }}>
            <Table.Thead>
              <Table.Tr>
                {selectable ? <Table.Th scope="col" w={40}><VisuallyHidden>Select</VisuallyHidden></Table.Th> : null}
                <Table.Th scope="col" miw={240}>Case</Table.Th>
                <Table.Th scope="col">Raised</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">Behaviour</Table.Th>
                <Table.Th scope="col">Cause</Table.Th>
                <Table.Th scope="col" w={100}>Severity</Table.Th>
                <Table.Th scope="col" w={120}>Status</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                {selectable ? <Table.Th scope="col">Triage · age</Table.Th> : null}
                {showReporter ? <Table.Th scope="col">Reporter</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  {selectable ? (
                    <Table.Td>
                      <input type="checkbox" name="caseIds" value={r.id} form="bulk" aria-label={`Select case #${r.id}`} style={{ width: 18, height: 18 }} />
                    </Table.Td>
                  ) : null}
                  <Table.Td miw={240} maw={340}>
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
                  {selectable ? (
                    <Table.Td>
                      <Text size="xs">{triageLabel(r.triageClass)}</Text>
                      {sla[r.id] ? <SlaBadge sla={sla[r.id]} /> : null}
                    </Table.Td>
                  ) : null}
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
  );
}

type Reply = { ok: boolean; message: string } | undefined;

/** Assign or move the ticked cases: two submit buttons, each with its own intent. */
export function BulkForm({ owners, reply }: { owners: { id: string; name: string }[]; reply: Reply }) {
  return (
    <Paper withBorder radius="lg" p="sm">
      <Form method="post" action="/cases?index" id="bulk" aria-label="Change the ticked cases">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect name="ownerId" label="Assign ticked cases to" data={[{ value: "", label: "Nobody (unassign)" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]} />
          <Button type="submit" name="intent" value="bulk-assign" variant="default">Assign</Button>
          <NativeSelect name="status" label="Move ticked cases to" data={STATUSES.map((s) => ({ value: s.value, label: s.label }))} />
          <Button type="submit" name="intent" value="bulk-status" variant="default">Move</Button>
        </Group>
        {reply ? (
          <Alert mt="sm" color={reply.ok ? "teal" : "red"} role={reply.ok ? "status" : "alert"} variant="light">
            {reply.message}
          </Alert>
        ) : null}
      </Form>
    </Paper>
  );
}
