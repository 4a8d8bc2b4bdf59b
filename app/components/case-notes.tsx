import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Title } from "@mantine/core";
import { PlainText } from "~/components/plain-text";
import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { GrowingTextarea } from "~/components/growing-textarea";
import { roleLabel } from "~/domain/auth/permissions";
import { addNoteSchema, editNoteSchema, NOTE_KINDS, noteKindLabel } from "~/domain/notes/note-schema";
import { inputProps } from "./form-props";
import { DARK_LABEL, formatDateTime } from "./labels";

type Note = {
  id: number;
  kind: string;
  body: string;
  version: number;
  createdAt: string | Date;
  updatedAt: string | Date;
  author: { id: string; name: string; role: string };
  usedByStep: { id: number; position: number } | null;
};

type Props = {
  notes: Note[];
  steps: { id: number; position: number; question: string }[];
  viewerId: string;
  canUseAsEvidence: boolean;
  reply: { intent: string; result: SubmissionResult<string[]> } | undefined;
};

const KIND_COLOURS: Record<string, string> = { context: "blue", evidence: "teal", counterpoint: "orange" };

function NoteForm({ note, lastResult }: { note?: Note; lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const intent = note ? "edit-note" : "add-note";
  const [form, fields] = useForm({
    id: note ? `note-${note.id}` : "add-note",
    lastResult,
    defaultValue: note ? { kind: note.kind, body: note.body } : { kind: "context" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: note ? editNoteSchema : addNoteSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      {note ? (
        <>
          <input type="hidden" name="noteId" value={note.id} />
          <input type="hidden" name="version" value={note.version} />
        </>
      ) : null}
      <Stack gap="xs">
        {form.errors?.length ? <PlainText c="red.9" size="sm" role="alert">{form.errors.join(" ")}</PlainText> : null}
        <NativeSelect {...inputProps(getSelectProps(fields.kind))} label="Kind of note" data={NOTE_KINDS.map((k) => ({ value: k.value, label: k.label }))} error={fields.kind.errors?.[0]} />
        <GrowingTextarea {...inputProps(getTextareaProps(fields.body))} label={note ? "Your note" : "Add context, evidence or a counterpoint"} minRows={3} error={fields.body.errors?.[0]} />
        <Group>
          <Button type="submit" loading={navigation.state === "submitting" && navigation.formData?.get("intent") === intent}>
            {note ? "Save note" : "Add note"}
          </Button>
          {note ? <Button component={Link} to="." variant="subtle" preventScrollReset>Cancel</Button> : null}
        </Group>
      </Stack>
    </Form>
  );
}

export function CaseNotes({ notes, steps, viewerId, canUseAsEvidence, reply }: Props) {
  const [searchParams] = useSearchParams();
  const editing = Number(searchParams.get("note") ?? 0);
  const resultFor = (intent: string) => (reply?.intent === intent ? reply.result : undefined);

  return (
    <Paper withBorder p="lg" radius="lg" id="notes">
      <Title order={2} size="h4">Context from the field</Title>
      <PlainText size="sm" c="dimmed" mb="md">
        Notes from sales leaders and the comp team. They are not verified evidence until the comp team links one to a step of the Five Whys.
      </PlainText>
      <Stack gap="md">
        {notes.length === 0 ? <PlainText size="sm" c="dimmed">No notes yet.</PlainText> : null}
        {notes.map((note) =>
          editing === note.id && note.author.id === viewerId ? (
            <NoteForm key={note.id} note={note} lastResult={resultFor("edit-note")} />
          ) : (
            <div key={note.id} id={`note-${note.id}`}>
              <Group gap={6} mb={4}>
                <Badge variant="light" color={KIND_COLOURS[note.kind] ?? "gray"} styles={DARK_LABEL}>{noteKindLabel(note.kind)}</Badge>
                <PlainText size="sm" fw={600}>{note.author.name}</PlainText>
                <PlainText size="xs" c="dark.4">{roleLabel(note.author.role)} · {formatDateTime(note.createdAt)}</PlainText>
                {note.usedByStep ? <Badge variant="outline" color="teal" styles={DARK_LABEL}>Evidence for why {note.usedByStep.position}</Badge> : null}
              </Group>
              <PlainText size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{note.body}</PlainText>
              <Group gap="xs" mt={4}>
                {note.author.id === viewerId ? (
                  <Anchor component={Link} to={`?note=${note.id}#note-${note.id}`} size="sm" preventScrollReset>Edit</Anchor>
                ) : null}
                {canUseAsEvidence && steps.length > 0 ? (
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="intent" value="use-note" />
                    <input type="hidden" name="noteId" value={note.id} />
                    <Group gap={4}>
                      <NativeSelect
                        name="stepId"
                        size="xs"
                        aria-label={`Use note by ${note.author.name} as evidence for`}
                        defaultValue={note.usedByStep ? String(note.usedByStep.id) : ""}
                        data={[{ value: "", label: "Not used as evidence" }, ...steps.map((s) => ({ value: String(s.id), label: `Evidence for why ${s.position}` }))]}
                      />
                      <Button type="submit" size="compact-sm" variant="default">Link</Button>
                    </Group>
                  </Form>
                ) : null}
              </Group>
            </div>
          ),
        )}
        <NoteForm key={notes.length} lastResult={resultFor("add-note")} />
      </Stack>
    </Paper>
  );
}
