import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Form, Link } from "@remix-run/react";
import { ListLink } from "~/components/list-link";
import { PlainButton } from "~/components/plain-button";
import { PlainTextInput } from "~/components/plain-inputs";
import { causeLabel } from "~/domain/cases/taxonomy";
import type { Verdict } from "~/domain/patterns/grouping";
import type { ShownCount } from "~/domain/privacy/disclosure";
import { DARK_LABEL, formatDate } from "../labels";
import css from "../plain-table.module.css";
import card from "./plain-card.module.css";
import { VerdictBadge } from "./verdict-badge";

// The themes section of /patterns (issue 13): every theme, ranked and paged; the comp team's
// edit forms (each a plain POST, so they work without JavaScript) for the one theme opened with
// "Edit this theme" (?edit=<id>): twenty themes' forms were most of a 1.5 MB page at 100,000
// cases (issue 18, decision 028).

type Day = string | Date;
export type ThemeCardData = {
  id: string;
  name: string;
  verdict: Verdict;
  dominantCause: string;
  from: Day;
  to: Day;
  count: number | ShownCount;
  verdictNote?: string;
  caseIds?: number[];
  terms?: string[];
  typical?: { id: number; title: string; complaint: string } | null;
  causes?: { cause: string; cases: number; diagnosed: number }[];
  causeChecks?: { sentence: string; cause: string; caseIds: number[] }[];
  dismissed?: boolean;
  edited?: boolean;
};

export type ThemeSectionData = {
  themes: ThemeCardData[];
  page: number;
  pages: number;
  count: number;
  updating: boolean;
  coverage: { share: number; total: number } | null;
};

const CASES_SHOWN = 12;
const shown = (n: number | ShownCount) => (typeof n === "number" ? n.toLocaleString("en-US") : n.text);

type SectionProps = { d: ThemeSectionData; canWrite: boolean; options: { id: string; name: string }[]; error?: string; editing?: string };

export function ThemeSection({ d, canWrite, options, error, editing }: SectionProps) {
  const pageHref = (p: number) => `?tpage=${p}#themes`;
  const editHref = (id: string) => `?${new URLSearchParams({ tpage: String(d.page), edit: id })}#theme-${id}`;
  return (
    <section aria-labelledby="themes">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="themes">Themes</Title>
        {d.updating ? <Badge color="yellow.9" variant="light" styles={DARK_LABEL} data-testid="themes-updating">Updating</Badge> : null}
      </Group>
      <Text c="dimmed" size="sm" mb="sm">
        Each case in at most one theme, from its complaint, Five Whys and causes. Cross-functional patterns first, then the most independent
        reports, then the most recent; anecdotes after patterns.
        {d.coverage ? ` ${Math.round(d.coverage.share * 100)}% of ${d.coverage.total.toLocaleString("en-US")} cases are in a theme.` : ""}
      </Text>
      {error ? <Text c="red.9" role="alert" mb="sm">{error}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {d.themes.map((t) => (
          <ThemeCard key={t.id} t={t} canWrite={canWrite} options={options} editing={editing === t.id} editHref={editHref(t.id)} />
        ))}
      </SimpleGrid>
      {d.themes.length === 0 ? <Text c="dimmed">No themes yet.</Text> : null}
      {d.pages > 1 ? (
        <Group gap="xs" mt="sm" component="nav" aria-label="Theme pages">
          {d.page > 1 ? <Anchor component={Link} to={pageHref(d.page - 1)}>Previous</Anchor> : null}
          <Text size="sm">Page {d.page} of {d.pages} ({d.count} themes)</Text>
          {d.page < d.pages ? <Anchor component={Link} to={pageHref(d.page + 1)}>Next</Anchor> : null}
        </Group>
      ) : null}
    </section>
  );
}

function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

type CardProps = { t: ThemeCardData; canWrite: boolean; options: { id: string; name: string }[]; editing: boolean; editHref: string };

function ThemeCard({ t, canWrite, options, editing, editHref }: CardProps) {
  const others = options.filter((o) => o.id !== t.id);
  return (
    // data-case-ids: the members' ids as sent (all of them up to a hundred), for tests and tools.
    <div className={card.card} id={`theme-${t.id}`} data-testid="theme" data-theme-id={t.id} data-case-ids={t.caseIds?.join(" ")}>
      <div className={card.head}>
        <p className={card.reason} data-testid="theme-name">{t.name}</p>
        <VerdictBadge verdict={t.verdict} />
      </div>
      {t.dismissed ? <p className={`${card.line} ${card.note}`}>Dismissed: not a pattern.</p> : null}
      {t.verdictNote ? <p className={`${card.line} ${card.note}`}>{t.verdictNote}</p> : null}
      <p className={`${card.line} ${card.size}`}>
        {shown(t.count)} cases · {formatDate(t.from)} – {formatDate(t.to)}
        {t.dominantCause ? ` · cause: ${causeLabel(t.dominantCause)}` : ""}
      </p>
      {t.terms?.length ? <p className={card.line}><span className={card.label}>Distinctive terms: </span>{t.terms.join(", ")}</p> : null}
      {t.causes?.length ? (
        <p className={card.line}><span className={card.label}>Causes: </span>{t.causes.map((c) => `${causeLabel(c.cause)} (${c.cases}${c.diagnosed ? `, ${c.diagnosed} diagnosed` : ""})`).join(", ")}</p>
      ) : null}
      {t.typical ? (
        <p className={card.line} data-testid="theme-typical">
          <span className={card.label}>Most typical: </span>
          <ListLink to={`/cases/${t.typical.id}`} className={card.link}>{t.typical.title || `Case #${t.typical.id}`}</ListLink> — “{t.typical.complaint.slice(0, 220)}”
        </p>
      ) : null}
      {t.causeChecks?.map((m) => (
        <div key={m.cause} className={card.check} data-testid="cause-check">
          <p className={`${card.line} ${card.strong}`}>{m.sentence}</p>
          {canWrite ? (
            // One form, a submit button per case: the button pressed sends its case's id.
            <Form method="post" className={card.buttons}>
              <Hidden fields={{ intent: "theme-refile", cause: t.dominantCause }} />
              {m.caseIds.map((id) => (
                <PlainButton key={id} type="submit" size="compact-xs" name="caseId" value={id}>Re-file #{id} as {causeLabel(t.dominantCause).toLowerCase()}</PlainButton>
              ))}
            </Form>
          ) : null}
        </div>
      ))}
      {t.caseIds ? (
        <p className={card.line}>
          <span className={card.label}>Cases: </span>
          {t.caseIds.slice(0, CASES_SHOWN).map((id, i) => (
            <span key={id}>{i > 0 ? ", " : ""}<ListLink to={`/cases/${id}`} className={css.inline}>#{id}</ListLink></span>
          ))}
          {typeof t.count === "number" && t.count > CASES_SHOWN ? ` and ${(t.count - CASES_SHOWN).toLocaleString("en-US")} more` : ""}
        </p>
      ) : null}
      {canWrite && t.caseIds && editing ? <ThemeEdits t={t} others={others} /> : null}
      {canWrite && t.caseIds && !editing ? (
        <Link to={editHref} className={`${card.line} ${card.link} ${card.strong}`} preventScrollReset>Edit this theme</Link>
      ) : null}
    </div>
  );
}

function ThemeEdits({ t, others }: { t: ThemeCardData; others: { id: string; name: string }[] }) {
  const ids = t.caseIds ?? [];
  return (
    <details open>
      <summary style={{ cursor: "pointer", fontSize: 14, fontWeight: 600 }}>Edit this theme</summary>
      <Stack gap="xs" mt="xs">
        <Form method="post">
          <Hidden fields={{ intent: "theme-save", themeId: t.id }} />
          <PlainButton type="submit" size="xs" variant="primary">Save as a pattern</PlainButton>
        </Form>
        <Form method="post">
          <Hidden fields={{ intent: "theme-rename", themeId: t.id }} />
          <Group gap="xs" align="flex-end">
            <PlainTextInput name="name" label="Name" defaultValue={t.name} size="xs" style={{ flex: 1 }} required maxLength={120} />
            <PlainButton type="submit" size="xs">Rename</PlainButton>
          </Group>
        </Form>
        {others.length ? (
          <Form method="post">
            <Hidden fields={{ intent: "theme-merge", themeId: t.id }} />
            <Group gap="xs" align="flex-end">
              <NativeSelect name="otherId" label="Merge in another theme" data={others.map((o) => ({ value: o.id, label: o.name }))} size="xs" style={{ flex: 1, minWidth: 0 }} />
              <PlainButton type="submit" size="xs">Merge</PlainButton>
            </Group>
          </Form>
        ) : null}
        <Form method="post">
          <Hidden fields={{ intent: "theme-move", themeId: t.id }} />
          <Group gap="xs" align="flex-end">
            <PlainTextInput name="caseId" label="Move a case into this theme (case number)" inputMode="numeric" size="xs" style={{ flex: 1 }} required />
            <PlainButton type="submit" size="xs">Move in</PlainButton>
          </Group>
        </Form>
        <Group gap={4}>
          {ids.slice(0, CASES_SHOWN).map((id) => (
            <Form method="post" key={id}>
              <Hidden fields={{ intent: "theme-move", caseId: id, themeId: "" }} />
              <Button type="submit" size="compact-xs" variant="subtle" aria-label={`Move case #${id} out of this theme`}>Move #{id} out</Button>
            </Form>
          ))}
        </Group>
        {ids.length > 1 ? (
          <Form method="post">
            <Hidden fields={{ intent: "theme-split", themeId: t.id }} />
            <Text size="xs" fw={600}>Split off into a new theme</Text>
            <Group gap="xs">
              {ids.slice(0, CASES_SHOWN).map((id) => (
                <Checkbox key={id} name="caseIds" value={id} label={`#${id}`} size="xs" />
              ))}
            </Group>
            <Group gap="xs" align="flex-end" mt={4}>
              <PlainTextInput name="name" label="New theme's name" size="xs" style={{ flex: 1 }} required maxLength={120} />
              <PlainButton type="submit" size="xs">Split</PlainButton>
            </Group>
          </Form>
        ) : null}
        {!t.dismissed ? (
          <Form method="post">
            <Hidden fields={{ intent: "theme-dismiss", themeId: t.id }} />
            <Button type="submit" size="xs" variant="subtle" color="red.9">Dismiss: not a pattern</Button>
          </Form>
        ) : null}
      </Stack>
    </details>
  );
}
