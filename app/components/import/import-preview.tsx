import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import type { CaseCheck } from "~/domain/data-io/case-file";
import { plural } from "~/domain/briefs/text";
import { CASE_FIELDS, caseFieldLabel, listOptions, type UnknownValues } from "~/domain/data-io/case-import";

/** What the check of a case file found (domain/data-io/case-file.ts), for the upload it belongs to. */
export type Preview = { uploadId: string; fileName: string } & CaseCheck;

const FIELD_OPTIONS = [{ value: "", label: "Do not import" }, ...CASE_FIELDS.map((f) => ({ value: f.name, label: `${f.label}${f.required ? " (required)" : ""}` }))];

/** The mapping step and the row errors of a case upload, with the choice to import. */
export function ImportPreview({ p, busy }: { p: Preview; busy: boolean }) {
  const blocked = p.mappingProblem != null || p.validCount === 0;
  return (
    <Paper withBorder radius="lg" p="lg">
      <Form method="post">
        <input type="hidden" name="uploadId" value={p.uploadId} />
        <Stack>
          <Title order={2} size="h3">Check {p.fileName}</Title>
          <Text>
            {plural(p.rowCount, "row")}: <strong>{p.validCount.toLocaleString("en-US")} ready</strong>
            {p.errorCount ? `, ${plural(p.errorCount, "problem")}` : ", no problems"}.
          </Text>
          {p.mappingProblem ? (
            <Alert color="red" variant="light" role="alert"><Text c="red.9">{p.mappingProblem}</Text></Alert>
          ) : null}
          <Title order={3} size="h5">Columns</Title>
          <Table maw={720}>
            <Table.Thead>
              <Table.Tr><Table.Th scope="col">Column in the file</Table.Th><Table.Th scope="col">Case field</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.headers.map((h, i) => (
                <Table.Tr key={h}>
                  <Table.Td>{h}</Table.Td>
                  <Table.Td>
                    <input type="hidden" name={`header.${i}`} value={h} />
                    <NativeSelect name={`field.${i}`} aria-label={`Case field for column ${h}`} defaultValue={p.mapping[h] ?? ""} data={FIELD_OPTIONS} size="xs" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {p.unknownValues.length ? <ValueStep unknown={p.unknownValues} /> : null}
          {p.errors.length ? (
            <>
              <Title order={3} size="h5">Problems by row</Title>
              <Table maw={900} data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr><Table.Th scope="col">Row</Table.Th><Table.Th scope="col">Field</Table.Th><Table.Th scope="col">Problem</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.errors.map((e, i) => (
                    <Table.Tr key={`${e.rowNumber}-${e.field}-${i}`}>
                      <Table.Td>{e.rowNumber}</Table.Td>
                      <Table.Td>{e.column ?? e.field}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {p.errorCount > p.errors.length ? <Text size="sm" c="dimmed">and {p.errorCount - p.errors.length} more.</Text> : null}
            </>
          ) : null}
          {p.errorCount > 0 ? (
            <Checkbox name="validOnly" label={`Import only the ${plural(p.validCount, "row")} without problems (otherwise nothing is imported until every row is fixed)`} />
          ) : null}
          <Group>
            {/* The label wraps on a phone instead of being cut off (a Button's label never wraps by itself). */}
            <Button type="submit" name="intent" value="recheck" variant="default" h="auto" mih={36} py={6} styles={{ label: { whiteSpace: "normal" } }}>
              Re-check with these columns and values
            </Button>
            <Button type="submit" name="intent" value="import-cases" disabled={blocked} loading={busy}>Import cases</Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}

/** The value-mapping step: what the file's words in list columns mean (remembered for next time). */
function ValueStep({ unknown }: { unknown: UnknownValues }) {
  let n = 0;
  return (
    <>
      <Title order={3} size="h5">Values</Title>
      <Text size="sm" c="dimmed">Words in list columns that are not in the list. Choose what each means once; the next file with them needs no mapping.</Text>
      <Table maw={720} data-testid="value-mapping">
        <Table.Thead>
          <Table.Tr><Table.Th scope="col">Column</Table.Th><Table.Th scope="col">In the file</Table.Th><Table.Th scope="col">Means</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {unknown.flatMap((u) =>
            u.values.map((v) => {
              const i = n++;
              const options = listOptions(u.field) ?? [];
              return (
                <Table.Tr key={`${u.field}-${v.text}`}>
                  <Table.Td>{u.column} <Text span size="xs" c="dark.3">({caseFieldLabel(u.field)})</Text></Table.Td>
                  <Table.Td>{v.text}</Table.Td>
                  <Table.Td>
                    <input type="hidden" name={`value.${i}.field`} value={u.field} />
                    <input type="hidden" name={`value.${i}.text`} value={v.text} />
                    <NativeSelect name={`value.${i}.to`} aria-label={`What "${v.text}" in ${u.column} means`} defaultValue={v.likely} size="xs"
                      data={[{ value: "", label: "Not mapped (a problem)" }, ...options.map((o) => ({ value: o.value, label: o.label }))]} />
                  </Table.Td>
                </Table.Tr>
              );
            }),
          )}
        </Table.Tbody>
      </Table>
    </>
  );
}
