import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Group, TextInput } from "@mantine/core";
import { Form } from "@remix-run/react";
import { inputProps } from "~/components/form-props";
import { bandSchema } from "~/domain/plan-health/band-schema";

/** Admins set the target band for the share of reps at or above quota. Works without JavaScript. */
export function BandForm({ band, lastResult }: { band: { low: number; high: number; version: number }; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "target-band",
    lastResult,
    defaultValue: { bandLow: String(band.low), bandHigh: String(band.high), version: String(band.version) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bandSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="band" />
      <input {...getInputProps(fields.version, { type: "hidden" })} key={fields.version.key} />
      {form.errors?.length ? (
        <Alert color="red" variant="light" mb="xs">{form.errors[0]}</Alert>
      ) : null}
      <Group gap="xs" align="flex-start">
        <TextInput {...inputProps(getInputProps(fields.bandLow, { type: "text" }))} inputMode="numeric" label="Target band: from (%)" w={170} error={fields.bandLow.errors?.[0]} />
        <TextInput {...inputProps(getInputProps(fields.bandHigh, { type: "text" }))} inputMode="numeric" label="to (%)" w={170} error={fields.bandHigh.errors?.[0]} />
        <Button type="submit" variant="default" mt={25}>Save band</Button>
      </Group>
    </Form>
  );
}
