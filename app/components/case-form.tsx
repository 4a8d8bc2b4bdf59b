import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { GrowingTextarea } from "~/components/growing-textarea";
import { caseFormSchema, caseIntakeSchema, COMPLAINT_MAX, type CaseFormInput } from "~/domain/cases/case-schema";
import {
  BEHAVIOURS,
  CAUSES,
  CHANNELS,
  FUNCTIONS,
  REPORTER_ROLES,
  SEGMENTS,
  SEVERITIES,
} from "~/domain/cases/taxonomy";
import { inputProps } from "./form-props";
import { SimilarCases } from "./similar-cases";

type Option = { readonly value: string; readonly label: string };
const options = (list: readonly Option[], placeholder?: string) => [
  ...(placeholder ? [{ value: "", label: placeholder }] : []),
  ...list.map((o) => ({ value: o.value, label: o.label })),
];

type Props = {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: Partial<Record<keyof CaseFormInput, string>>;
  owners: { id: string; name: string }[];
  submitLabel: string;
  /** Hidden inputs such as the version an edit was loaded at. */
  hidden?: ReactNode;
  cancel?: ReactNode;
  formError?: ReactNode;
  /** Intake: show existing cases that read alike as the complaint is typed. */
  showSimilar?: boolean;
  /** Intake: role and segment start at "Choose…" and must be chosen (caseIntakeSchema). */
  intake?: boolean;
};

export function CaseForm({ lastResult, defaultValue, owners, submitLabel, hidden, cancel, formError, showSimilar, intake }: Props) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: intake ? caseIntakeSchema : caseFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting";

  return (
    <Form method="post" {...getFormProps(form)}>
      {hidden}
      <Stack gap="lg">
        {formError}
        {form.errors?.length ? (
          <Alert color="red" variant="light" role="alert" id={form.errorId}>
            <Text c="red.9">{form.errors.join(" ")}</Text>
          </Alert>
        ) : null}

        <Fieldset legend="What specific behaviour or outcome are we concerned about?">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              {...inputProps(getSelectProps(fields.behaviour))}
              label="Behaviour or outcome"
              withAsterisk
              data={options(BEHAVIOURS, "Choose one…")}
              error={fields.behaviour.errors?.[0]}
            />
            <TextInput
              {...inputProps(getInputProps(fields.behaviourDetail, { type: "text" }))}
              label="In a few words (optional)"
              placeholder="e.g. 30% discounts in the last week of the quarter"
              error={fields.behaviourDetail.errors?.[0]}
            />
          </SimpleGrid>
          <GrowingTextarea
            {...inputProps(getTextareaProps(fields.complaint))}
            mt="md"
            label="The complaint, in the reporter's own words"
            withAsterisk
            minRows={4}
            maxRows={14}
            description={`Quote them as closely as you can (up to ${COMPLAINT_MAX.toLocaleString("en-US")} characters).`}
            error={fields.complaint.errors?.[0]}
          />
          {showSimilar ? <SimilarCases text={String(fields.complaint.value ?? "")} fieldId={fields.complaint.id} error={fields.duplicateOfId.errors?.[0]} /> : null}
        </Fieldset>

        <Fieldset legend="Who raised it">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <NativeSelect
              {...inputProps(getSelectProps(fields.reporterRole))}
              label="Role"
              withAsterisk={intake}
              data={options(REPORTER_ROLES, intake ? "Choose…" : undefined)}
              error={fields.reporterRole.errors?.[0]}
            />
            <NativeSelect
              {...inputProps(getSelectProps(fields.reporterFunction))}
              label="Function"
              data={options(FUNCTIONS)}
              error={fields.reporterFunction.errors?.[0]}
            />
            <NativeSelect
              {...inputProps(getSelectProps(fields.segment))}
              label="Segment"
              withAsterisk={intake}
              data={options(SEGMENTS, intake ? "Choose…" : undefined)}
              error={fields.segment.errors?.[0]}
            />
            <TextInput
              {...inputProps(getInputProps(fields.region, { type: "text" }))}
              label="Region"
              placeholder="e.g. EMEA"
              error={fields.region.errors?.[0]}
            />
            <TextInput
              {...inputProps(getInputProps(fields.tenureMonths, { type: "number" }))}
              label="Tenure (months)"
              inputMode="numeric"
              error={fields.tenureMonths.errors?.[0]}
            />
            <TextInput
              {...inputProps(getInputProps(fields.reporterName, { type: "text" }))}
              label="Name (optional)"
              autoComplete="off"
              error={fields.reporterName.errors?.[0]}
            />
          </SimpleGrid>
          <Checkbox
            {...inputProps(getInputProps(fields.confidential, { type: "checkbox" }))}
            mt="md"
            label="Confidential: only the comp team may ever see who raised this"
            error={fields.confidential.errors?.[0]}
          />
        </Fieldset>

        <Fieldset legend="Context">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput
              {...inputProps(getInputProps(fields.raisedOn, { type: "date" }))}
              label="Date raised"
              description="Blank means today"
              error={fields.raisedOn.errors?.[0]}
            />
            <NativeSelect
              {...inputProps(getSelectProps(fields.channel))}
              label="Channel"
              data={options(CHANNELS)}
              error={fields.channel.errors?.[0]}
            />
            <NativeSelect
              {...inputProps(getSelectProps(fields.severity))}
              label="Severity"
              data={options(SEVERITIES)}
              error={fields.severity.errors?.[0]}
            />
            <NativeSelect
              {...inputProps(getSelectProps(fields.suspectedCause))}
              label="Suspected upstream cause"
              data={options(CAUSES, "Not known yet")}
              error={fields.suspectedCause.errors?.[0]}
            />
            <TextInput
              {...inputProps(getInputProps(fields.causeDetail, { type: "text" }))}
              label="Why we suspect it"
              error={fields.causeDetail.errors?.[0]}
            />
            <NativeSelect
              {...inputProps(getSelectProps(fields.ownerId))}
              label="Owner"
              data={[{ value: "", label: "Unassigned" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
              error={fields.ownerId.errors?.[0]}
            />
            <TextInput
              {...inputProps(getInputProps(fields.peopleAffected, { type: "number" }))}
              label="People affected"
              inputMode="numeric"
              error={fields.peopleAffected.errors?.[0]}
            />
            <TextInput
              {...inputProps(getInputProps(fields.revenueAtRisk, { type: "number" }))}
              label="Revenue at risk (USD)"
              inputMode="numeric"
              error={fields.revenueAtRisk.errors?.[0]}
            />
            <TextInput
              {...inputProps(getInputProps(fields.tags, { type: "text" }))}
              label="Tags"
              description="Separate with commas"
              error={fields.tags.errors?.[0]}
            />
          </SimpleGrid>
          <TextInput
            {...inputProps(getInputProps(fields.title, { type: "text" }))}
            mt="md"
            label="Title"
            description="Blank: the first sentence of the complaint"
            error={fields.title.errors?.[0]}
          />
        </Fieldset>

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

