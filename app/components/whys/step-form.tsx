import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { GrowingTextarea } from "~/components/growing-textarea";
import { FUNCTIONS } from "~/domain/cases/taxonomy";
import { CONFIDENCES } from "~/domain/whys/chain";
import { whyStepSchema } from "~/domain/whys/whys-schema";
import { inputProps } from "../form-props";

type Props = {
  id: string;
  intent: "add-step" | "edit-step";
  version: number;
  stepId?: number;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: Record<string, string>;
  leaders: { id: string; name: string }[];
  submitLabel: string;
  cancel?: ReactNode;
};

export function StepForm({ id, intent, version, stepId, lastResult, defaultValue, leaders, submitLabel, cancel }: Props) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: whyStepSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;

  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {stepId ? <input type="hidden" name="stepId" value={stepId} /> : null}
      <Stack gap="sm">
        {form.errors?.length ? (
          <Alert color="red" variant="light" role="alert">
            <Text c="red.9" size="sm">{form.errors.join(" ")}</Text>
          </Alert>
        ) : null}
        <TextInput {...inputProps(getInputProps(fields.question, { type: "text" }))} label="Why?" error={fields.question.errors?.[0]} />
        <GrowingTextarea
          {...inputProps(getTextareaProps(fields.answer))}
          label="Answer"
          minRows={2}
          description="Leave blank if you put this step to a sales leader."
          error={fields.answer.errors?.[0]}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...inputProps(getInputProps(fields.evidence, { type: "text" }))} label="Evidence" placeholder="e.g. Q3 win/loss review" error={fields.evidence.errors?.[0]} />
          <TextInput {...inputProps(getInputProps(fields.evidenceUrl, { type: "url" }))} label="Evidence link" placeholder="https://…" error={fields.evidenceUrl.errors?.[0]} />
          <NativeSelect
            {...inputProps(getSelectProps(fields.ownerFunction))}
            label="Function that owns this step"
            data={[{ value: "", label: "Choose…" }, ...FUNCTIONS.map((f) => ({ value: f.value, label: f.label }))]}
            error={fields.ownerFunction.errors?.[0]}
          />
          <NativeSelect
            {...inputProps(getSelectProps(fields.confidence))}
            label="Confidence"
            data={CONFIDENCES.map((c) => ({ value: c.value, label: c.label }))}
            error={fields.confidence.errors?.[0]}
          />
        </SimpleGrid>
        {leaders.length > 0 ? (
          <NativeSelect
            {...inputProps(getSelectProps(fields.askLeaderId))}
            label="Or put this question to a sales leader"
            data={[{ value: "", label: "No — we answer it" }, ...leaders.map((l) => ({ value: l.id, label: l.name }))]}
            error={fields.askLeaderId.errors?.[0]}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          {cancel}
        </Group>
      </Stack>
    </Form>
  );
}
