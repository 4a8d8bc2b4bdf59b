import { Group } from "@mantine/core";
import type { Verdict } from "~/domain/patterns/grouping";
import { VerdictBadge } from "./verdict-badge";
import { Form } from "@remix-run/react";
import { ListLink } from "~/components/list-link";
import { PlainButton } from "~/components/plain-button";
import { PlainTextInput } from "~/components/plain-inputs";
import type { ShownCount } from "~/domain/privacy/suppress";
import { formatDate } from "../labels";
import css from "../plain-table.module.css";
import card from "./plain-card.module.css";

type Entry = { value: string; label: string; count: number | ShownCount };
export type SuggestionView = {
  key: string;
  kind: "cause" | "text";
  reason: string;
  count: number | ShownCount;
  cause: string | null;
  functions: Entry[];
  roles: Entry[];
  segments: Entry[];
  tenureBands: Entry[];
  from: string | Date | null;
  to: string | Date | null;
  verdict: Verdict;
  /** Why (comp team and leaders only: it carries exact counts). */
  verdictNote?: string;
  caseIds?: number[];
};

const shown = (n: number | ShownCount) => (typeof n === "number" ? n.toLocaleString("en-US") : n.text);
const when = (d: string | Date | null) => (d == null ? "" : typeof d === "string" && /^\d{4}-\d{2}$/.test(d) ? d : formatDate(d));

function Breakdown({ label, entries }: { label: string; entries: Entry[] }) {
  return (
    <p className={card.line}>
      <span className={card.label}>{label}: </span>
      {entries.map((e) => `${e.label} (${shown(e.count)})`).join(", ") || "—"}
    </p>
  );
}

/** A suggested group; `canSave` adds the form that saves it as a named pattern. */
export function SuggestionCard({ s, canSave, range }: { s: SuggestionView; canSave: boolean; range?: { from?: string; to?: string } }) {
  return (
    <div className={card.card} data-testid="suggestion">
      <div className={card.head}>
        <p className={card.reason}>{s.reason}</p>
        <VerdictBadge verdict={s.verdict} />
      </div>
      {s.verdictNote ? <p className={`${card.line} ${card.note}`}>{s.verdictNote}</p> : null}
      <p className={`${card.line} ${card.size}`}>
        {shown(s.count)} cases{s.from ? ` · ${when(s.from)} – ${when(s.to)}` : ""}
      </p>
      <Breakdown label="Functions" entries={s.functions} />
      <Breakdown label="Roles" entries={s.roles} />
      <Breakdown label="Segments" entries={s.segments} />
      <Breakdown label="Tenure" entries={s.tenureBands} />
      {s.caseIds ? (
        <p className={card.line}>
          <span className={card.label}>Cases: </span>
          {s.caseIds.slice(0, 12).map((id, i) => (
            <span key={id}>
              {i > 0 ? ", " : ""}
              <ListLink to={`/cases/${id}`} className={css.inline}>#{id}</ListLink>
            </span>
          ))}
          {typeof s.count === "number" && s.count > s.caseIds.length ? ` and ${s.count - s.caseIds.length} more` : ""}
        </p>
      ) : null}
      {canSave && s.caseIds ? (
        <Form method="post">
          <input type="hidden" name="intent" value="save-suggestion" />
          <input type="hidden" name="source" value="suggestion" />
          <input type="hidden" name="cause" value={s.cause ?? ""} />
          <input type="hidden" name="suggestionKey" value={s.key} />
          {range?.from ? <input type="hidden" name="from" value={range.from} /> : null}
          {range?.to ? <input type="hidden" name="to" value={range.to} /> : null}
          <Group gap="xs" align="flex-end">
            <PlainTextInput name="name" label="Save as a pattern named" defaultValue={s.reason.slice(0, 120)} size="xs" style={{ flex: 1 }} />
            <PlainButton type="submit" size="xs" variant="primary">Save pattern</PlainButton>
          </Group>
        </Form>
      ) : null}
    </div>
  );
}
