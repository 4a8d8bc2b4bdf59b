import { Paper, Text, Title } from "@mantine/core";
import { ListLink } from "~/components/list-link";
import type { triageSummary } from "~/domain/queue/triage-counts";
import css from "../plain-table.module.css";

/** Cases by triage class: the figures above count plan-design signals (and untriaged cases) only. */
export function TriageCounts({ triage, cellHref }: { triage: ReturnType<typeof triageSummary>; cellHref?: (filter: Record<string, string>) => `/${string}` }) {
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="triage-counts">
      <Title order={2} size="h3" id="triage-counts">Cases by triage class</Title>
      <Text c="dimmed" size="sm" mb="sm">
        The figures above count plan-design signals and cases not triaged yet. {triage.sortedOut.text} cases were sorted out at
        triage as errors, policy questions or exception requests; many of one kind is itself a data or systems signal.
      </Text>
      {/* A plain table (decision 029): Mantine's Table.ScrollContainer brought its ScrollArea and
          floating-ui (~35 kB compressed) to /patterns for two short columns that fit a phone. */}
      <table className={`${css.table} ${css.rowsOnly}`} data-testid="triage-counts">
        <thead>
          <tr>
            <th scope="col">Triage class</th>
            <th scope="col">Cases</th>
          </tr>
        </thead>
        <tbody>
          {triage.rows.map((r) => (
            <tr key={r.value || "none"}>
              <th scope="row">{r.label}</th>
              <td>
                {cellHref && r.count.value ? <ListLink to={cellHref({ triage: r.value || "none" })} className={css.inline}>{r.count.text}</ListLink> : r.count.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Paper>
  );
}
