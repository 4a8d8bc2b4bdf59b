import type { Verdict } from "~/domain/patterns/grouping";
import { PlainBadge } from "../plain-badge";

const LABELS: Record<Verdict, string> = {
  "cross-functional": "Cross-functional pattern",
  "single-function": "Pattern within one function",
  anecdote: "Anecdote",
};

/** The verdict on a group of cases; only a cross-functional pattern is filled. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const cross = verdict === "cross-functional";
  const single = verdict === "single-function";
  return (
    <PlainBadge variant={cross ? "filled" : single ? "outline" : "light"} color={cross ? "teal.9" : single ? "teal.9" : "gray"} dark={!cross}>
      {LABELS[verdict]}
    </PlainBadge>
  );
}
