import { Alert, Button, Grid, Paper, Stack, Text, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImportPreview, type Preview } from "~/components/import/import-preview";
import { JobProgress } from "~/components/import/job-progress";
import { validateAttainmentRows } from "~/domain/data-io/attainment-import";
import type { CaseCheck, ValueChoices } from "~/domain/data-io/case-file";
import type { CaseMapping, ValueMapping } from "~/domain/data-io/case-import";
import { ERRORS_SHOWN } from "~/domain/data-io/case-file";
import { isReadError, MAX_IMPORT_BYTES, normaliseKey } from "~/domain/data-io/import-common";
import { getMapping, importAttainment, saveMapping } from "~/models/attainment.server";
import { checkCaseFile, startCaseFileImport } from "~/models/case-import.server";
import { readUpload, uploadProblem } from "~/models/import.server";
import { requirePermission } from "~/utils/auth.server";
import { getJob, startJob } from "~/utils/jobs.server";
import { discardUpload, dropUpload, keepUpload, readUploadForm, takeUpload, type UploadedFile } from "~/utils/upload-store.server";

export const meta: MetaFunction<typeof loader> = () => [{ title: "Import · Upstream" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const jobId = new URL(request.url).searchParams.get("job");
  const job = jobId ? getJob(jobId, user.id) : null;
  return { job: job ? { state: job.state, kind: job.kind, total: job.total, processed: job.processed, message: job.message, result: job.result } : null };
}

const preview = (uploadId: string, fileName: string, check: CaseCheck): Preview => ({ uploadId, fileName, ...check });

/** The list values remembered from earlier imports, with this form's choices on top. */
async function valuesFrom(formData?: FormData): Promise<ValueChoices> {
  const remembered = (await getMapping<ValueMapping>("case-values")) ?? {};
  const values = structuredClone(remembered);
  for (const [key, field] of formData ?? []) {
    const m = /^value\.(\d+)\.field$/.exec(key);
    const to = m ? String(formData!.get(`value.${m[1]}.to`) ?? "") : "";
    if (!m || !to) continue;
    const text = normaliseKey(String(formData!.get(`value.${m[1]}.text`) ?? ""));
    if (text) (values[String(field)] ??= {})[text] = to;
  }
  return { values, remembered };
}

function mappingFrom(formData: FormData): CaseMapping {
  const mapping: CaseMapping = {};
  for (const [key, value] of formData) {
    const m = /^header\.(\d+)$/.exec(key);
    if (m) mapping[String(value)] = (String(formData.get(`field.${m[1]}`) ?? "") || null) as CaseMapping[string];
  }
  return mapping;
}

type ActionData = { intent: string; error?: string; preview?: Preview; attainmentErrors?: Preview["errors"]; attainmentErrorCount?: number };

/** The form, with an uploaded file written to disk as it arrives (decision 026); null if it did not arrive whole. */
async function readForm(request: Request) {
  if (!/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) return { formData: await request.formData(), file: undefined };
  const read = await readUploadForm(request, MAX_IMPORT_BYTES).catch((error: unknown) => {
    console.error("An upload could not be read:", error instanceof Error ? error.name : "Error");
    return null;
  });
  return read ? { formData: read.formData, file: read.files.get("file") } : null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "case:write");
  const form = await readForm(request);
  if (!form) return data({ intent: "", error: "The file did not arrive whole. Choose it again." } satisfies ActionData, { status: 400 });
  const kept = { file: false };
  try {
    return await act(user.id, form.formData, form.file, kept);
  } finally {
    // Kept for the preview's next steps, or removed now, whatever the outcome.
    if (!kept.file) await discardUpload(form.file);
  }
}

async function act(userId: string, formData: FormData, uploaded: UploadedFile | undefined, kept: { file: boolean }) {
  const intent = String(formData.get("intent") ?? "");
  const fail = (body: ActionData, status = 400) => data(body, { status });

  if (intent === "upload-cases") {
    const problem = uploadProblem(uploaded);
    if (problem || !uploaded) return fail({ intent, error: problem ?? "Choose a file to import." });
    const file = { path: uploaded.path, name: uploaded.name || "the file" };
    // Read and checked on the import's worker: the server's thread keeps answering meanwhile.
    const read = await checkCaseFile(file, { mapping: null, lastMapping: await getMapping<CaseMapping>("cases"), choices: await valuesFrom() });
    if (!read.ok) return fail({ intent, error: read.error });
    const uploadId = keepUpload(userId, { ...uploaded, name: file.name });
    kept.file = true;
    return { intent, preview: preview(uploadId, file.name, read.check) } satisfies ActionData;
  }

  if (intent === "recheck" || intent === "import-cases") {
    const uploadId = String(formData.get("uploadId") ?? "");
    const upload = takeUpload(uploadId, userId);
    if (!upload) return fail({ intent, error: "That upload has expired. Choose the file again." }, 410);
    const file = { path: upload.path, name: upload.name };
    const mapping = mappingFrom(formData);
    const choices = await valuesFrom(formData);
    if (intent === "recheck") {
      const read = await checkCaseFile(file, { mapping, lastMapping: null, choices });
      if (!read.ok) return fail({ intent, error: read.error });
      const shown = preview(uploadId, upload.name, read.check);
      return shown.mappingProblem ? fail({ intent, preview: shown }) : { intent, preview: shown };
    }
    const started = await startCaseFileImport({ file, mapping, choices, validOnly: formData.get("validOnly") === "on", actorId: userId });
    if (!started.ok) return fail({ intent, preview: started.check ? preview(uploadId, upload.name, started.check) : undefined, error: started.error ?? undefined });
    // "Do not import" choices are remembered too (as null), so an excluded column stays excluded.
    await saveMapping("cases", mapping as Record<string, string>);
    await saveMapping("case-values", choices.values); // remembered like the columns
    await dropUpload(uploadId);
    const job = startJob(userId, "cases", started.check.validCount, (j) => started.run((done) => (j.processed = done)));
    return redirect(`/import?job=${job.id}`);
  }

  if (intent === "upload-attainment") {
    const read = await readUpload(uploaded, false);
    if (isReadError(read)) return fail({ intent, error: read.error });
    const result = validateAttainmentRows(read.rows, { headers: read.headers, firstRowNumber: read.firstRowNumber });
    if ("error" in result) return fail({ intent, error: result.error });
    if (result.errors.length > 0) {
      return fail({ intent, error: "Nothing was imported: fix these rows and upload the file again.", attainmentErrors: result.errors.slice(0, ERRORS_SHOWN), attainmentErrorCount: result.errors.length });
    }
    const rows = result.valid.map((v) => ({ ...v.data, region: v.data.region ?? "" }));
    const job = startJob(userId, "attainment", rows.length, (j) => importAttainment(rows, j));
    return redirect(`/import?job=${job.id}`);
  }

  return fail({ intent, error: "Unknown action." });
}

// A plain file input: Mantine's FileInput needs JavaScript to open the file chooser.
function NativeFile({ id, accept }: { id: string; accept: string }) {
  return (
    <div>
      <Text component="label" htmlFor={id} size="sm" fw={500} display="block" mb={4}>
        File
      </Text>
      <input id={id} type="file" name="file" accept={accept} required style={{ maxWidth: "100%" }} />
    </div>
  );
}

export default function ImportPage() {
  const { job } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Import</Title>
        <Text c="dimmed">Bring in cases from a spreadsheet, and quota attainment for the variability figures.</Text>
      </div>
      {job ? <JobProgress job={job} /> : null}
      {a?.error ? <Alert color="red" variant="light" role="alert"><Text c="red.9">{a.error}</Text></Alert> : null}
      {a?.preview ? <ImportPreview p={a.preview} busy={busy("import-cases")} /> : null}
      {a?.attainmentErrors?.length ? (
        <Paper withBorder radius="lg" p="md" data-testid="attainment-errors">
          <Title order={2} size="h4" mb="xs">Attainment rows to fix ({a.attainmentErrorCount})</Title>
          {a.attainmentErrors.map((e, i) => (
            <Text key={i} size="sm">Row {e.rowNumber}, {e.column ?? e.field}: {e.message}</Text>
          ))}
        </Paper>
      ) : null}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="lg" p="lg">
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="upload-cases" />
              <Stack>
                <Title order={2} size="h4">Cases (CSV or JSON)</Title>
                <Text size="sm" c="dimmed">
                  One row per complaint; only the complaint and the behaviour are required. You will match the columns and see
                  every problem before anything is saved. Rows with an External ID update the case they imported before.
                </Text>
                <NativeFile id="case-file" accept=".csv,.json,text/csv,application/json" />
                <Button type="submit" loading={busy("upload-cases")} w="fit-content">Check the file</Button>
              </Stack>
            </Form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder radius="lg" p="lg">
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="upload-attainment" />
              <Stack>
                <Title order={2} size="h4">Quota attainment (CSV)</Title>
                <Text size="sm" c="dimmed">
                  Columns: period, rep pseudonym, role, segment, region, attainment %; optionally payout, target incentive and tenure months (for the pay curve and tenure bands). All rows go in together, or none do.
                  A rep already imported for a period is updated.
                </Text>
                <NativeFile id="attainment-file" accept=".csv,text/csv" />
                <Button type="submit" loading={busy("upload-attainment")} w="fit-content">Import attainment</Button>
              </Stack>
            </Form>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
