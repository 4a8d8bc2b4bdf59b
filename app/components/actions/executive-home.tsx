import { Anchor, Badge, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import { DIRECTION_WORDS, type Direction } from "~/domain/actions/direction";
import { functionLabel } from "~/domain/cases/taxonomy";
import { kindLabel } from "~/domain/plan-changes/plan-change";
import { DARK_LABEL, formatDate } from "../labels";
import { ActionStatusBadge, VerdictBadgeSmall } from "./action-labels";

type Home = {
  briefs: { id: number; title: string; version: number; publishedAt: string | Date }[];
  patterns: { id: number; name: string; direction: Direction }[];
  inFlight: { id: number; title: string; ownerFunction: string; status: string; dueOn: string | Date; progress: string }[];
  results: { id: number; title: string; ownerFunction: string; verdict: string; verdictAt: string | Date | null }[];
  planChanges: { id: number; kind: string; summary: string; effectiveOn: string | Date }[];
};

const ARROW: Record<Direction, string> = { more: "↑", fewer: "↓", same: "→", "too-few": "·" };

function Section({ title, empty, children }: { title: string; empty: string | null; children: React.ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="lg">
      <Title order={2} size="h4" mb="sm">{title}</Title>
      {empty ? <Text size="sm">{empty}</Text> : children}
    </Paper>
  );
}

/** The executive's Monday page: what to read, what is moving, what is being done and what worked. */
export function ExecutiveHome({ home }: { home: Home }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Briefs waiting for you" empty={home.briefs.length ? null : "Nothing waiting: you have read every published brief."}>
          <List spacing={4} listStyleType="none" p={0}>
            {home.briefs.map((b) => (
              <List.Item key={b.id}><Anchor component={Link} to={`/briefs/${b.id}`} fw={600}>{b.title}</Anchor> <Text span size="xs" c="dark.4">version {b.version}, {formatDate(b.publishedAt)}</Text></List.Item>
            ))}
          </List>
        </Section>
        <Section title="Patterns and their direction" empty={home.patterns.length ? null : "No saved patterns yet."}>
          <List spacing={4} listStyleType="none" p={0}>
            {home.patterns.map((p) => (
              <List.Item key={p.id}><Anchor component={Link} to={`/patterns/${p.id}`} fw={600}>{p.name}</Anchor> <Text span size="sm">{ARROW[p.direction]} {DIRECTION_WORDS[p.direction]}</Text></List.Item>
            ))}
          </List>
        </Section>
        <Section title="Actions in flight" empty={home.inFlight.length ? null : "No actions in flight."}>
          <Stack gap={6}>
            {home.inFlight.map((a) => (
              <div key={a.id}>
                <Anchor component={Link} to={`/actions/${a.id}`} fw={600}>{a.title}</Anchor>{" "}
                <ActionStatusBadge status={a.status} />{" "}
                <Badge variant={a.progress === "overdue" ? "filled" : "light"} color={a.progress === "overdue" ? "red.9" : "gray"} styles={a.progress === "overdue" ? undefined : DARK_LABEL}>{a.progress}</Badge>
                <Text size="xs" c="dark.4">{functionLabel(a.ownerFunction)} · due {formatDate(a.dueOn)}</Text>
              </div>
            ))}
          </Stack>
        </Section>
        <Section title="What worked" empty={home.results.length ? null : "No effectiveness checks recorded yet."}>
          <Stack gap={6}>
            {home.results.map((a) => (
              <div key={a.id}>
                <Anchor component={Link} to={`/actions/${a.id}`} fw={600}>{a.title}</Anchor> <VerdictBadgeSmall verdict={a.verdict} />
                <Text size="xs" c="dark.4">{functionLabel(a.ownerFunction)}{a.verdictAt ? ` · checked ${formatDate(a.verdictAt)}` : ""}</Text>
              </div>
            ))}
          </Stack>
        </Section>
      </SimpleGrid>
      <Section title="Plan changes this quarter" empty={home.planChanges.length ? null : "No plan changes this quarter."}>
        <List spacing={4} listStyleType="none" p={0}>
          {home.planChanges.map((c) => (
            <List.Item key={c.id}><Text span size="sm" fw={600}>{formatDate(c.effectiveOn)} · {kindLabel(c.kind)}:</Text> <Text span size="sm">{c.summary}</Text></List.Item>
          ))}
        </List>
        <Anchor component={Link} to="/plan-changes" size="sm">The full log →</Anchor>
      </Section>
    </Stack>
  );
}
