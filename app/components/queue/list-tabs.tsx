import { Group } from "@mantine/core";
import { PlainLinkButton } from "~/components/plain-button";
import { PlainText } from "~/components/plain-text";
import { caseListSearch, countLabel, QUEUE_VIEWS, type CaseListQuery } from "~/domain/cases/list-query";
import { STATUSES } from "~/domain/cases/taxonomy";

// The case list's queue views and status tabs: links that look like buttons, the one for the
// page shown marked current. Plain links (PlainLinkButton): a dozen Mantine Buttons around
// Remix Links were ~1.3 ms of the server's thread on every list page (issue 18).

const toList = (search: string) => (search ? (`/cases${search}` as const) : "/cases");

export function QueueViewTabs({ query }: { query: CaseListQuery }) {
  return (
    <nav aria-label="Queue">
      <Group gap={6}>
        {QUEUE_VIEWS.map((v) => {
          const current = query.view === v.value;
          return (
            <PlainLinkButton key={v.value} to={toList(caseListSearch(query, { view: current ? undefined : v.value, page: undefined }))} size="compact-sm" variant={current ? "filled" : "default"} aria-current={current ? "page" : undefined}>
              {v.label}
            </PlainLinkButton>
          );
        })}
      </Group>
    </nav>
  );
}

export function StatusTabs({ query, counts, total }: { query: CaseListQuery; counts: Partial<Record<string, number>>; total: number }) {
  return (
    <nav aria-label="Status">
      <Group gap={6}>
        <StatusTab to={toList(caseListSearch(query, { status: undefined, page: undefined }))} active={!query.status} label="All" count={total} />
        {STATUSES.map((s) => (
          <StatusTab key={s.value} to={toList(caseListSearch(query, { status: s.value, page: undefined }))} active={query.status === s.value} label={s.label} count={counts[s.value] ?? 0} />
        ))}
      </Group>
    </nav>
  );
}

function StatusTab({ to, active, label, count }: { to: `/${string}`; active: boolean; label: string; count: number }) {
  return (
    <PlainLinkButton to={to} size="compact-sm" variant={active ? "filled" : "default"} aria-current={active ? "page" : undefined} rightSection={<PlainText span size="xs" fw={700}>{countLabel(count)}</PlainText>}>
      {label}
    </PlainLinkButton>
  );
}
