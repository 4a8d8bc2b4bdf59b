import { Alert, Anchor, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { Link, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { plural } from "~/domain/briefs/text";

type JobView = { state: "running" | "done" | "failed"; kind: string; total: number; processed: number; message: string; result: { created: number; updated: number; skipped: number } | null };

/**
 * An import in progress: refreshes itself by script, or without JavaScript by a meta refresh
 * inside <noscript>. (A meta refresh in the head would fire two seconds after the page loaded
 * even when the person had already moved on to another page in the app.)
 */
export function JobProgress({ job }: { job: JobView }) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (job.state !== "running") return;
    const timer = setInterval(() => state === "idle" && revalidate(), 700);
    return () => clearInterval(timer);
  }, [job.state, revalidate, state]);
  const pct = job.total ? Math.round((job.processed / job.total) * 100) : 0;
  const what = job.kind === "cases" ? "cases" : "attainment rows";
  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack>
        <Title order={2} size="h3">{job.state === "running" ? `Importing ${job.total.toLocaleString("en-US")} ${what}…` : job.state === "done" ? "Import finished" : "Import failed"}</Title>
        {job.state === "running" ? (
          <>
            <noscript>
              <meta httpEquiv="refresh" content="2" />
            </noscript>
            <Progress value={pct} size="lg" aria-label="Import progress" striped animated />
            <Text size="sm" role="status">{job.processed.toLocaleString("en-US")} of {plural(job.total, "row")} ({pct}%). Nothing is saved until every row is in.</Text>
          </>
        ) : null}
        {job.state === "done" && job.result ? (
          <Alert color="teal" variant="light" role="status">
            <Text c="dark.8">
              {job.result.created.toLocaleString("en-US")} created, {job.result.updated.toLocaleString("en-US")} updated
              {job.result.skipped ? `, ${job.result.skipped.toLocaleString("en-US")} unchanged` : ""}.{" "}
              {job.kind === "cases" ? <Anchor component={Link} to="/cases?sort=-updatedAt">See the cases</Anchor> : <Anchor component={Link} to="/variability">See the variability</Anchor>}
            </Text>
          </Alert>
        ) : null}
        {job.state === "failed" ? <Alert color="red" variant="light" role="alert"><Text c="red.9">{job.message}</Text></Alert> : null}
      </Stack>
    </Paper>
  );
}
