import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { Form } from "@remix-run/react";
import { GrowingTextarea } from "~/components/growing-textarea";
import { PLAN_CHANGE_KINDS, planChangeSchema } from "~/domain/plan-changes/plan-change";
import { inputProps } from "./form-props";

type Choice = { id: number; name?: string; title?: string };
const options = (list: Choice[]) => [{ value: "", label: "None" }, ...list.map((c) => ({ value: String(c.id), label: `#${c.id} ${c.name ?? c.title ?? ""}` }))];

export function PlanChangeForm({ lastResult, patterns, briefs, actions }: { lastResult?: SubmissionResult<string[]>; patterns: Choice[]; briefs: Choice[]; actions: Choice[] }) {
  const [form, fields] = useForm({
    id: "plan-change",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planChangeSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <Stack gap="sm">
        {form.errors?.length ? <Alert color="red" variant="light" role="alert"><Text c="red.9">{form.errors.join(" ")}</Text></Alert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect {...inputProps(getSelectProps(fields.kind))} label="What changed" data={[{ value: "", label: "Choose…" }, ...PLAN_CHANGE_KINDS.map((k) => ({ value: k.value, label: k.label }))]} error={fields.kind.errors?.[0]} />
          <TextInput {...inputProps(getInputProps(fields.effectiveOn, { type: "date" }))} label="Applies from" error={fields.effectiveOn.errors?.[0]} />
        </SimpleGrid>
        <TextInput {...inputProps(getInputProps(fields.summary, { type: "text" }))} label="The change (or the exception granted)" error={fields.summary.errors?.[0]} />
        <GrowingTextarea {...inputProps(getTextareaProps(fields.reason))} label="Why" minRows={2} error={fields.reason.errors?.[0]} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...inputProps(getInputProps(fields.approvedBy, { type: "text" }))} label="Approved by" error={fields.approvedBy.errors?.[0]} />
          <TextInput {...inputProps(getInputProps(fields.exceptionKey, { type: "text" }))} label="Exception name (exceptions only)" description="Use the same name each time it is granted" error={fields.exceptionKey.errors?.[0]} />
          <NativeSelect {...inputProps(getSelectProps(fields.patternId))} label="Pattern" data={options(patterns)} error={fields.patternId.errors?.[0]} />
          <NativeSelect {...inputProps(getSelectProps(fields.briefId))} label="Brief" data={options(briefs)} error={fields.briefId.errors?.[0]} />
          <NativeSelect {...inputProps(getSelectProps(fields.actionId))} label="Action" data={options(actions)} error={fields.actionId.errors?.[0]} />
        </SimpleGrid>
        <Button type="submit" w="fit-content">Log it</Button>
      </Stack>
    </Form>
  );
}
