import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { GrowingTextarea } from "~/components/growing-textarea";
import { editBriefSchema } from "~/domain/briefs/brief-schema";
import { SECTION_KEYS, SECTION_TITLES, type Brief } from "~/domain/briefs/types";
import { inputProps } from "../form-props";

/** The comp team edits any section of the draft; saving keeps it a draft until published. */
export function BriefEditor({ draft, version, lastResult }: { draft: Brief; version: number; lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `brief-editor-${version}`,
    lastResult,
    defaultValue: { title: draft.title, summary: draft.summary, ...draft.sections },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editBriefSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="version" value={version} />
      <Stack gap="sm">
        {form.errors?.length ? <Text c="red.9" size="sm" role="alert">{form.errors.join(" ")}</Text> : null}
        <TextInput {...inputProps(getInputProps(fields.title, { type: "text" }))} label="Title" error={fields.title.errors?.[0]} />
        <GrowingTextarea {...inputProps(getTextareaProps(fields.summary))} label="Summary (one sentence)" minRows={2} error={fields.summary.errors?.[0]} />
        {SECTION_KEYS.map((key) => (
          <GrowingTextarea
            key={key}
            {...inputProps(getTextareaProps(fields[key]))}
            label={SECTION_TITLES[key]}
            minRows={3}
            maxRows={16}
            error={fields[key].errors?.[0]}
          />
        ))}
        <Group>
          <Button type="submit" loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "save"}>Save draft</Button>
        </Group>
      </Stack>
    </Form>
  );
}
