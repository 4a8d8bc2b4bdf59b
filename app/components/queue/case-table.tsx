import { Alert, Badge, Group, Paper, VisuallyHidden } from "@mantine/core";
import { Form } from "@remix-run/react";
import { ListLink } from "~/components/list-link";
import { PlainButton } from "~/components/plain-button";
import { PlainNativeSelect } from "~/components/plain-inputs";
import { DARK_LABEL, formatDate, SeverityBadge, StatusBadge } from "~/components/labels";
import { SlaBadge } from "~/components/queue/sla-badge";
import { behaviourLabel, causeLabel, functionLabel, reporterRoleLabel, segmentLabel, STATUSES } from "~/domain/cases/taxonomy";
import { tenureBandLabel } from "~/domain/cases/tenure";
import type { SlaView } from "~/domain/queue/sla";
import { triageLabel } from "~/domain/queue/triage";
import css from "./case-table.module.css";

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
          to nine lines and "Unknown" broke in two); the table scrolls inside its card instead.
          Plain elements: see case-table.module.css. */}
      <table className={css.table}>
        <thead>
          <tr>
            {selectable ? <th scope="col" style={{ width: 40 }}><VisuallyHidden>Select</VisuallyHidden></th> : null}
            <th scope="col" style={{ minWidth: 240 }}>Case</th>
            <th scope="col">Raised</th>
            <th scope="col">Who</th>
            <th scope="col">Behaviour</th>
            <th scope="col">Cause</th>
            <th scope="col" style={{ width: 100 }}>Severity</th>
            <th scope="col" style={{ width: 120 }}>Status</th>
            <th scope="col">Owner</th>
            {selectable ? <th scope="col">Triage · age</th> : null}
            {showReporter ? <th scope="col">Reporter</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {selectable ? (
                <td>
                  <input type="checkbox" name="caseIds" value={r.id} form="bulk" aria-label={`Select case #${r.id}`} style={{ width: 18, height: 18 }} />
                </td>
              ) : null}
              <td className={css.title}>
                <ListLink to={`/cases/${r.id}`} className={css.link}>{r.title}</ListLink>
                <span className={css.sub}>#{r.id}</span>
              </td>
              <td className={css.nowrap}>{formatDate(r.raisedOn)}</td>
              <td>
                {reporterRoleLabel(r.reporterRole)} · {functionLabel(r.reporterFunction)}
                <span className={css.sub}>{segmentLabel(r.segment)} · {tenureBandLabel(r.tenureMonths)}</span>
              </td>
              <td>{behaviourLabel(r.behaviour)}</td>
              <td>
                {r.rootCause ? (
                  <>
                    {causeLabel(r.rootCause)}
                    <span className={css.sub}>diagnosed</span>
                  </>
                ) : r.suspectedCause ? (
                  <>
                    {causeLabel(r.suspectedCause)}
                    <span className={css.sub}>suspected</span>
                  </>
                ) : (
                  <span className={css.muted}>Unknown</span>
                )}
              </td>
              <td>
                <SeverityBadge severity={r.severity} />
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{r.owner?.name ?? <span className={css.muted}>—</span>}</td>
              {selectable ? (
                <td>
                  <span style={{ display: "block", fontSize: "var(--mantine-font-size-xs)" }}>{triageLabel(r.triageClass)}</span>
                  {sla[r.id] ? <SlaBadge sla={sla[r.id]} /> : null}
                </td>
              ) : null}
              {showReporter ? (
                <td>
                  {"reporterName" in r && r.reporterName ? String(r.reporterName) : <span className={css.muted}>Anonymous</span>}
                  {"confidential" in r && r.confidential ? (
                    <Badge ml={6} size="xs" color="orange" variant="light" styles={DARK_LABEL}>
                      Confidential
                    </Badge>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
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
          <PlainNativeSelect name="ownerId" label="Assign ticked cases to" data={[{ value: "", label: "Nobody (unassign)" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]} />
          <PlainButton type="submit" name="intent" value="bulk-assign">Assign</PlainButton>
          <PlainNativeSelect name="status" label="Move ticked cases to" data={STATUSES.map((s) => ({ value: s.value, label: s.label }))} />
          <PlainButton type="submit" name="intent" value="bulk-status">Move</PlainButton>
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
