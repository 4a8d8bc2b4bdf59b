import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { Form } from "@remix-run/react";
import { GrowingTextarea } from "~/components/growing-textarea";
import { createActionSchema } from "~/domain/actions/action-schema";
import { roleLabel } from "~/domain/auth/permissions";
import { FUNCTIONS } from "~/domain/cases/taxonomy";
import { inputProps } from "../form-props";

type Props = {
  lastResult?: SubmissionResult<string[]>;
  defaultValue: Record<string, string | number | undefined>;
  owners: { id: string; name: string; role: string }[];
  patterns: { id: number; name: string }[];
  briefs: { id: number; title: string }[];
};

export function ActionForm({ lastResult, defaultValue, owners, patterns, briefs }: Props) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createActionSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <Stack gap="md">
        {form.errors?.length ? (
          <Alert color="red" variant="light" role="alert">
            <Text c="red.9">{form.errors.join(" ")}</Text>
          </Alert>
        ) : null}
        <TextInput {...inputProps(getInputProps(fields.title, { type: "text" }))} label="What will change" description="One sentence a reader can check later" error={fields.title.errors?.[0]} />
        <GrowingTextarea {...inputProps(getTextareaProps(fields.detail))} label="Detail (optional)" minRows={3} error={fields.detail.errors?.[0]} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect {...inputProps(getSelectProps(fields.ownerFunction))} label="Owning function" data={[{ value: "", label: "Choose…" }, ...FUNCTIONS.map((f) => ({ value: f.value, label: f.label }))]} error={fields.ownerFunction.errors?.[0]} />
          <NativeSelect {...inputProps(getSelectProps(fields.ownerId))} label="Owner" data={[{ value: "", label: "Choose…" }, ...owners.map((o) => ({ value: o.id, label: `${o.name} (${roleLabel(o.role)})` }))]} error={fields.ownerId.errors?.[0]} />
          <TextInput {...inputProps(getInputProps(fields.dueOn, { type: "date" }))} label="Due" error={fields.dueOn.errors?.[0]} />
          <TextInput {...inputProps(getInputProps(fields.checkDays, { type: "number" }))} label="Check whether it worked after (days)" error={fields.checkDays.errors?.[0]} />
          <NativeSelect {...inputProps(getSelectProps(fields.patternId))} label="Pattern" data={[{ value: "", label: "None" }, ...patterns.map((p) => ({ value: String(p.id), label: p.name }))]} error={fields.patternId.errors?.[0]} />
          <NativeSelect {...inputProps(getSelectProps(fields.briefId))} label="Brief" data={[{ value: "", label: "None" }, ...briefs.map((b) => ({ value: String(b.id), label: b.title }))]} error={fields.briefId.errors?.[0]} />
        </SimpleGrid>
        <TextInput {...inputProps(getInputProps(fields.caseRefs, { type: "text" }))} label="Cases (optional)" placeholder="12, #15" error={fields.caseRefs.errors?.[0]} />
        <Button type="submit" w="fit-content">Propose action</Button>
      </Stack>
    </Form>
  );
}
