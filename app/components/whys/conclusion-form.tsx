import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Button, NativeSelect, Stack, TextInput } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { GrowingTextarea } from "~/components/growing-textarea";
import { CAUSES, FUNCTIONS } from "~/domain/cases/taxonomy";
import { PAY_FIX } from "~/domain/whys/chain";
import { conclusionSchema } from "~/domain/whys/whys-schema";
import { inputProps } from "../form-props";

type Props = {
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: Record<string, string>;
};

export function ConclusionForm({ version, lastResult, defaultValue }: Props) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "conclusion",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: conclusionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "conclusion";
  const choose = (list: readonly { value: string; label: string }[]) => [{ value: "", label: "Choose…" }, ...list.map((o) => ({ value: o.value, label: o.label }))];

  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="conclusion" />
      <input type="hidden" name="version" value={version} />
      <Stack gap="sm">
        <NativeSelect {...inputProps(getSelectProps(fields.rootCause))} label="Root cause" data={choose(CAUSES)} error={fields.rootCause.errors?.[0]} />
        <GrowingTextarea {...inputProps(getTextareaProps(fields.statement))} label="The root cause in one sentence" minRows={2} error={fields.statement.errors?.[0]} />
        {/* Only plan mechanics needs the case for the plan itself; the box follows the chosen
            root cause (without JavaScript it appears once a plan-mechanics choice comes back). */}
        {/* A refused or already-written justification stays on screen with its message. */}
        {fields.rootCause.value === "plan_mechanics" || fields.justification.errors?.length || fields.justification.value ? (
          <GrowingTextarea
            {...inputProps(getTextareaProps(fields.justification))}
            label="Why the plan itself"
            description="Plan mechanics is the root cause: say why it is not a constraint the plan sits on."
            minRows={2}
            error={fields.justification.errors?.[0]}
          />
        ) : null}
        <GrowingTextarea {...inputProps(getTextareaProps(fields.upstreamFix))} label="The upstream fix" minRows={2} error={fields.upstreamFix.errors?.[0]} />
        <NativeSelect {...inputProps(getSelectProps(fields.fixOwner))} label="Function that owns the fix" data={choose(FUNCTIONS)} error={fields.fixOwner.errors?.[0]} />
        <NativeSelect
          {...inputProps(getSelectProps(fields.payFix))}
          label="Would a change to pay rates fix it?"
          data={choose(PAY_FIX)}
          error={fields.payFix.errors?.[0]}
        />
        <TextInput {...inputProps(getInputProps(fields.payFixWhy, { type: "text" }))} label="Why (or why not)?" error={fields.payFixWhy.errors?.[0]} />
        <Button type="submit" loading={busy}>
          Save conclusion
        </Button>
      </Stack>
    </Form>
  );
}
