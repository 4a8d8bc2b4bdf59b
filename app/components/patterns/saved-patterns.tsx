import { Anchor, Badge, Button, Group, Paper, Table, Text, TextInput, Title } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { axisLabel } from "~/domain/patterns/axes";
import { PATTERN_STATUS_OPTIONS } from "~/domain/patterns/pattern-schema";
import { DARK_LABEL, formatDate } from "../labels";

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
                <TextInput name="name" label="New pattern by hand" placeholder="Name" size="xs" />
                <Button type="submit" size="xs" variant="default">Create</Button>
              </Group>
            </Form>
          ) : null}
        </Group>
        {patterns.length === 0 ? (
          <Text c="dimmed" size="sm">No saved patterns yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Pattern</Table.Th>
                <Table.Th scope="col">Cause</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Cases</Table.Th>
                <Table.Th scope="col">Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {patterns.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/patterns/${p.id}`} fw={600} c="dark.8">{p.name}</Anchor>
                    {p.recurring ? (
                      <Badge ml="xs" color="red" variant="light" styles={DARK_LABEL}>Recurring after the fix</Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{p.cause ? axisLabel("cause", p.cause) : "—"}</Table.Td>
                  <Table.Td>{PATTERN_STATUS_OPTIONS.find((o) => o.value === p.status)?.label ?? p.status}</Table.Td>
                  <Table.Td>{p.caseCount}</Table.Td>
                  <Table.Td>{formatDate(p.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
  );
}
