import { Badge, Button, Group, Paper, Text, Title } from "@mantine/core";
import { PlainTextInput } from "~/components/plain-inputs";
import { Form, Link } from "@remix-run/react";
import { axisLabel } from "~/domain/patterns/axes";
import { PATTERN_STATUS_OPTIONS } from "~/domain/patterns/pattern-schema";
import { DARK_LABEL, formatDate } from "../labels";
import css from "../plain-table.module.css";

export type SavedPatternRow = { id: number; name: string; status: string; cause: string | null; updatedAt: string | Date; caseCount: string; recurring: boolean };

/** The named groups the comp team keeps: first on /patterns, since that is what people come back for. */
export function SavedPatterns({ patterns, canWrite }: { patterns: SavedPatternRow[]; canWrite: boolean }) {
  return (
      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="saved">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="saved">Saved patterns</Title>
          {canWrite ? (
            <Form method="post">
              <input type="hidden" name="source" value="manual" />
              <Group gap="xs" align="flex-end">
                <PlainTextInput name="name" label="New pattern by hand" placeholder="Name" size="xs" />
                <Button type="submit" size="xs" variant="default">Create</Button>
              </Group>
            </Form>
          ) : null}
        </Group>
        {patterns.length === 0 ? (
          <Text c="dimmed" size="sm">No saved patterns yet.</Text>
        ) : (
          // Plain table elements: fifty rows on every /patterns view (see plain-table.module.css).
          <div style={{ overflowX: "auto" }}>
            <table className={css.table} style={{ minWidth: 520 }}>
              <thead>
                <tr>
                  <th scope="col">Pattern</th>
                  <th scope="col">Cause</th>
                  <th scope="col">Status</th>
                  <th scope="col">Cases</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {patterns.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/patterns/${p.id}`} className={css.name}>{p.name}</Link>
                      {p.recurring ? (
                        <Badge ml="xs" color="red" variant="light" styles={DARK_LABEL}>Recurring after the fix</Badge>
                      ) : null}
                    </td>
                    <td>{p.cause ? axisLabel("cause", p.cause) : "—"}</td>
                    <td>{PATTERN_STATUS_OPTIONS.find((o) => o.value === p.status)?.label ?? p.status}</td>
                    <td>{p.caseCount}</td>
                    <td>{formatDate(p.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Paper>
  );
}
