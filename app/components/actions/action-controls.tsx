import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { GrowingTextarea } from "~/components/growing-textarea";
import { actionFormSchema, statusLabel, VERDICT_LABELS, VERDICTS, type ActionStatus } from "~/domain/actions/action-schema";
import { replyFor, type Reply } from "~/utils/reply";
import { formatDateTime } from "../labels";
import { inputProps } from "../form-props";

type MaybeReply = Reply | undefined;
type ActionLike = { version: number; status: string; notes: string; checkDays: number; verdict: string; doneAt: string | Date | null };

function useIntentForm(id: string, intent: string, reply: MaybeReply, defaultValue?: Record<string, string | number>) {
  return useForm({
    id,
    lastResult: replyFor(reply, intent),
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actionFormSchema }),
    shouldValidate: "onSubmit",
  });
}

const FormError = ({ errors }: { errors?: string[] }) => (errors?.length ? <Text c="red.9" size="sm" role="alert">{errors.join(" ")}</Text> : null);

/** What the owner or the comp team can do next: move it along, note progress, record the verdict. */
export function ActionControls({ action, moves, checkReached, reply }: { action: ActionLike; moves: ActionStatus[]; checkReached: boolean; reply: MaybeReply }) {
  const [moveForm, moveFields] = useIntentForm("move", "move", reply);
  const [notesForm, notesFields] = useIntentForm("notes", "notes", reply, { notes: action.notes });
  const [daysForm, daysFields] = useIntentForm("check-days", "check-days", reply, { checkDays: action.checkDays });
  const [verdictForm, verdictFields] = useIntentForm("verdict", "verdict", reply);
  const forward = moves.filter((m) => m !== "rejected");
  return (
    <Stack gap="lg">
      {moves.length ? (
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h4" mb="sm">Move it along</Title>
          <Form method="post" {...getFormProps(moveForm)}>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="version" value={action.version} />
            <Stack gap="xs">
              <FormError errors={moveForm.errors} />
              <FormError errors={moveFields.status.errors} />
              <Group gap="xs">
                {forward.map((s) => (
                  <Button key={s} type="submit" name="status" value={s}>{s === "done" ? "Mark done" : `Mark ${statusLabel(s).toLowerCase()}`}</Button>
                ))}
              </Group>
              {moves.includes("rejected") ? (
                <>
                  <GrowingTextarea {...inputProps(getTextareaProps(moveFields.reason))} label="Reason (to reject)" minRows={2} error={moveFields.reason.errors?.[0]} />
                  <Button type="submit" name="status" value="rejected" variant="outline" color="red.9" w="fit-content">Reject</Button>
                </>
              ) : null}
            </Stack>
          </Form>
        </Paper>
      ) : null}
      <Paper withBorder radius="lg" p="md">
        <Title order={2} size="h4" mb="sm">Notes</Title>
        <Form method="post" {...getFormProps(notesForm)}>
          <input type="hidden" name="intent" value="notes" />
          <input type="hidden" name="version" value={action.version} />
          <Stack gap="xs">
            <FormError errors={notesForm.errors} />
            <GrowingTextarea {...inputProps(getTextareaProps(notesFields.notes))} label="Progress notes" minRows={3} error={notesFields.notes.errors?.[0]} />
            <Button type="submit" variant="default" w="fit-content">Save notes</Button>
          </Stack>
        </Form>
      </Paper>
      {!action.verdict ? (
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h4" mb="sm">When to check</Title>
          <Form method="post" {...getFormProps(daysForm)}>
            <input type="hidden" name="intent" value="check-days" />
            <input type="hidden" name="version" value={action.version} />
            <Group align="flex-end">
              <TextInput {...inputProps(getInputProps(daysFields.checkDays, { type: "number" }))} label="Days after done" error={daysFields.checkDays.errors?.[0] ?? daysForm.errors?.[0]} w={160} />
              <Button type="submit" variant="default">Save</Button>
            </Group>
          </Form>
        </Paper>
      ) : null}
      {action.doneAt && checkReached ? (
        <Paper withBorder radius="lg" p="md">
          <Title order={2} size="h4" mb="sm">{action.verdict ? "Change the verdict" : "Record the verdict"}</Title>
          <Form method="post" {...getFormProps(verdictForm)}>
            <input type="hidden" name="intent" value="verdict" />
            <input type="hidden" name="version" value={action.version} />
            <Stack gap="xs">
              <FormError errors={verdictForm.errors} />
              <NativeSelect {...inputProps(getSelectProps(verdictFields.verdict))} label="Did it work?" data={[{ value: "", label: "Choose…" }, ...VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))]} error={verdictFields.verdict.errors?.[0]} />
              <GrowingTextarea {...inputProps(getTextareaProps(verdictFields.verdictNote))} label="What you saw" minRows={2} error={verdictFields.verdictNote.errors?.[0]} />
              <Text size="xs" c="dark.4">“Not effective” reopens the pattern.</Text>
              <Button type="submit" w="fit-content">Record verdict</Button>
            </Stack>
          </Form>
        </Paper>
      ) : null}
    </Stack>
  );
}

const FIELD_WORDS: Record<string, string> = { created: "Proposed", status: "Status", notes: "Notes", rejectReason: "Reason", doneAt: "Done on", checkDueOn: "Check due", checkDays: "Check after (days)", verdict: "Verdict", verdictNote: "Verdict note", verdictAt: "Verdict on" };
const show = (field: string, v: string) => (field === "status" || field === "created" ? statusLabel(v) : /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v);

export function ActionHistory({ events }: { events: { id: number; at: string | Date; field: string; fromValue: string; toValue: string; actor: string }[] }) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Title order={2} size="h4" mb="xs">History</Title>
      <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label="History (scrolls sideways)">
        <Table miw={480}>
          <Table.Tbody>
            {events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.actor}</Table.Td>
                <Table.Td>{FIELD_WORDS[e.field] ?? e.field}: {e.fromValue ? `${show(e.field, e.fromValue)} → ` : ""}{show(e.field, e.toValue) || "(cleared)"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}
