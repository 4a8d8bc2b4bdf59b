import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Anchor, Button, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { inputProps } from "~/components/form-props";
import { GrowingTextarea } from "~/components/growing-textarea";
import { formatDate } from "~/components/labels";
import { behaviourLabel } from "~/domain/cases/taxonomy";
import { leaderAnswerSchema } from "~/domain/whys/leader-answer-schema";
import { questionAnswered } from "~/models/notify-events.server";
import { answeredStep, answerAsLeader, listQuestionsFor } from "~/models/whys.server";
import { requireUser } from "~/utils/auth.server";
import { forbidden, readForm } from "~/utils/http.server";
import { answer, handleIntent, intentsFor } from "~/utils/intents.server";
import { replyFor } from "~/utils/reply";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Questions for you · Upstream" }];

// Only sales leaders are asked questions; everyone else has nothing to answer here.
async function requireLeader(request: Request) {
  const user = await requireUser(request);
  if (user.role !== "sales_leader") throw forbidden("Questions for you are for sales leaders.");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLeader(request);
  // After "Send answer" the page says where the answer went, with or without JavaScript.
  const answered = Number(new URL(request.url).searchParams.get("answered"));
  const [questions, sent] = await Promise.all([listQuestionsFor(user), Number.isSafeInteger(answered) && answered > 0 ? answeredStep(answered, user) : null]);
  return { questions, sent };
}

const answerStep = intentsFor<{ leaderId: string; leaderName: string }>()({
  schema: leaderAnswerSchema,
  run: async ({ stepId, answer, evidence }, { leaderId, leaderName }) => {
    const answered = await answerAsLeader({ stepId, leaderId, answer, evidence });
    // The case's assignee is told (issue 16).
    if (answered.ok) await questionAnswered(stepId, leaderName);
    return answered;
  },
  refuse: (r) =>
    r.reason === "already-answered" ? answer.conflict("This question was already answered.") : answer.notFound("That question is not one put to you."),
  done: (_r, { stepId }) => redirectWithToast(`/questions?answered=${stepId}`, "Answer sent. The comp team has been told."),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireLeader(request);
  return handleIntent(await readForm(request), { leaderId: user.id, leaderName: user.name }, { answer: answerStep }, "answer");
}

function AnswerForm({ stepId, lastResult }: { stepId: number; lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: `answer-${stepId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: leaderAnswerSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="stepId" value={stepId} />
      <Stack gap="xs">
        {form.errors?.length ? <Text c="red.9" size="sm" role="alert">{form.errors.join(" ")}</Text> : null}
        <GrowingTextarea {...inputProps(getTextareaProps(fields.answer))} label="Your answer" minRows={3} error={fields.answer.errors?.[0]} />
        <TextInput {...inputProps(getInputProps(fields.evidence, { type: "text" }))} label="Evidence (optional)" error={fields.evidence.errors?.[0]} />
        <Button type="submit" w="fit-content" loading={navigation.state === "submitting" && Number(navigation.formData?.get("stepId")) === stepId}>
          Send answer
        </Button>
      </Stack>
    </Form>
  );
}

export default function QuestionsPage() {
  const { questions, sent: delivered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The reply belongs to the form whose step was sent (every form, if the step was unreadable).
  const sent = replyFor(actionData, "answer");
  const sentStep = sent?.initialValue?.stepId;
  const resultFor = (stepId: number) => (sent && (sentStep === String(stepId) || typeof sentStep !== "string") ? sent : undefined);
  return (
    <Stack maw={820}>
      <Title order={1}>Questions for you</Title>
      <Text c="dimmed">
        The comp team is tracing complaints back to their cause and asked for your view on these steps. Your answer
        goes into the chain, marked as yours.
      </Text>
      {delivered ? (
        <Alert color="teal" variant="light" role="status" data-testid="answer-sent">
          <Text c="dark.8">
            Answer sent to {delivered.sentTo}. It is why {delivered.position} of{" "}
            <Anchor component={Link} to={`/cases/${delivered.caseId}/whys`}>case #{delivered.caseId}’s Five Whys</Anchor>, marked as yours.
          </Text>
        </Alert>
      ) : null}
      {questions.length === 0 ? (
        <Alert color="teal" variant="light">
          <Text c="dark.8">Nothing waiting for you. <Anchor component={Link} to="/cases">Browse the cases</Anchor>.</Text>
        </Alert>
      ) : null}
      {questions.map((q) => (
        <Paper key={q.id} withBorder p="lg" radius="lg">
          <Text size="xs" tt="uppercase" fw={700} c="dark.3">
            Case #{q.case.id} · why {q.position} · asked {formatDate(q.createdAt)}
          </Text>
          <Anchor component={Link} to={`/cases/${q.case.id}/whys`} fw={600} c="dark.8">
            {q.case.title}
          </Anchor>
          <Text size="sm" c="dark.5" mb="sm">Behaviour of concern: {behaviourLabel(q.case.behaviour)}</Text>
          {q.before.length > 0 ? (
            <div>
              <Text size="sm" fw={600} c="dark.6">The chain so far</Text>
              <List type="ordered" size="sm" mb="sm" spacing={4}>
                {q.before.map((s) => (
                  <List.Item key={s.id}>
                    <Text size="sm" c="dark.8" span>{s.question}</Text>{" "}
                    <Text size="sm" c="dark.6" span>{s.answer ? `— ${s.answer}` : "— not answered yet"}</Text>
                  </List.Item>
                ))}
              </List>
            </div>
          ) : null}
          <Text size="sm" fw={600} c="dark.6">Why {q.position}, for you</Text>
          <Text fw={650} mb="sm">{q.question}</Text>
          <AnswerForm stepId={q.id} lastResult={resultFor(q.id)} />
        </Paper>
      ))}
    </Stack>
  );
}
