import { Anchor, Paper, Radio, Stack, Text } from "@mantine/core";
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";

type Similar = { id: number; title: string; score: number };

/**
 * While a complaint is typed, the most alike existing cases, so a repeat is linked as a
 * duplicate instead of logged twice. Needs JavaScript; without it the case page offers the
 * same links after saving.
 */
export function SimilarCases({ text, fieldId, error }: { text: string; fieldId: string; error?: string }) {
  const fetcher = useFetcher<{ similar: Similar[] }>();
  const { load } = fetcher;
  // Words typed before the page's scripts started (they start after the first paint, decision
  // 029) are in the field but not in the form's state: read them once, when the page hydrates.
  const [typedEarly, setTypedEarly] = useState("");
  useEffect(() => {
    const field = document.getElementById(fieldId);
    if (field instanceof HTMLTextAreaElement && field.value) setTypedEarly(field.value);
  }, [fieldId]);
  const query = text || typedEarly;
  useEffect(() => {
    if (query.trim().length < 12) return;
    const timer = setTimeout(() => load(`/cases/similar?${new URLSearchParams({ text: query })}`), 350);
    return () => clearTimeout(timer);
  }, [query, load]);
  const similar = query.trim().length < 12 ? [] : (fetcher.data?.similar ?? []);
  if (similar.length === 0 && !error) return null;
  return (
    <Paper withBorder radius="md" p="sm" mt="sm" bg="gray.0" aria-live="polite">
      <Radio.Group name="duplicateOfId" defaultValue="" label="Already logged? These cases read alike" error={error}>
        <Stack gap={6} mt={6}>
          <Radio value="" label="No, this is a new case" />
          {similar.map((s) => (
            <Radio
              key={s.id}
              value={String(s.id)}
              label={
                <Text size="sm" span>
                  Same as{" "}
                  <Anchor component={Link} to={`/cases/${s.id}`} target="_blank">
                    #{s.id} {s.title}
                  </Anchor>
                </Text>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
    </Paper>
  );
}
