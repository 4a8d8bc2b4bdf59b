import { Anchor, Paper, Radio, Stack, Text } from "@mantine/core";
import { Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";

type Similar = { id: number; title: string; score: number };

/**
 * While a complaint is typed, the most alike existing cases, so a repeat is linked as a
 * duplicate instead of logged twice. Needs JavaScript; without it the case page offers the
 * same links after saving.
 */
export function SimilarCases({ text, error }: { text: string; error?: string }) {
  const fetcher = useFetcher<{ similar: Similar[] }>();
  const { load } = fetcher;
  useEffect(() => {
    if (text.trim().length < 12) return;
    const timer = setTimeout(() => load(`/cases/similar?${new URLSearchParams({ text })}`), 350);
    return () => clearTimeout(timer);
  }, [text, load]);
  const similar = text.trim().length < 12 ? [] : (fetcher.data?.similar ?? []);
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
