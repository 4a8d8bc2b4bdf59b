import { Blockquote, Paper, Stack, Text, Title } from "@mantine/core";
import { SECTION_TITLES, type Brief } from "~/domain/briefs/types";
import { FOLLOW_UP_TITLE, followUpText } from "~/domain/briefs/follow-up";
import { chainSentence } from "~/domain/briefs/chain-merge";
import { coreChain } from "~/domain/briefs/sections";
import { sectionBlocks } from "~/domain/briefs/markdown";
import { functionLabel, reporterRoleLabel, segmentLabel } from "~/domain/cases/taxonomy";
import { ChainDiagram } from "./chain-diagram";

const ORDER = ["whatWeSee", "whyItHappens", "whatItCosts", "payChange", "recommendedFix"] as const;

/** Plain-text section: paragraphs, and "- " lines as a real list (sectionBlocks). */
function SectionText({ text }: { text: string }) {
  return (
    <Stack gap="xs">
      {sectionBlocks(text).map((block, i) =>
        block.kind === "list" ? (
          <ul key={i} style={{ margin: 0, paddingLeft: 20 }}>
            {block.items.map((item, j) => <li key={j}><Text span>{item}</Text></li>)}
          </ul>
        ) : (
          <Text key={i} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{block.text}</Text>
        ),
      )}
    </Stack>
  );
}

/** A brief as leadership reads it: on screen and, through the print stylesheet, on paper. */
export function BriefView({ brief }: { brief: Brief }) {
  // Leadership reads the links most cases share; every link stays one click away.
  const caseCount = Math.max(1, ...brief.chain.map((l) => l.support));
  const core = coreChain(brief.chain, caseCount);
  return (
    <Stack gap="lg" className="brief-document">
      <div>
        <Title order={1}>{brief.title}</Title>
        {brief.summary ? <Text size="lg" mt="xs" fw={500}>{brief.summary}</Text> : null}
      </div>
      <Paper withBorder radius="lg" p="md" className="brief-chain">
        <Title order={2} size="h4" mb="xs">Cause and effect</Title>
        <Text fw={600} mb="sm">{chainSentence(core)}</Text>
        <ChainDiagram links={core} />
        {core.length < brief.chain.length ? (
          <details className="no-print" style={{ marginTop: 8 }}>
            <summary style={{ cursor: "pointer", fontSize: 14 }}>Every link from every case ({brief.chain.length})</summary>
            <ChainDiagram links={brief.chain} />
          </details>
        ) : null}
        <Text size="xs" c="dark.4" mt="xs">Each box says how many cases support it; dashed boxes are leads, not yet findings (seen in one case; in an executive's copy, in fewer than three).</Text>
      </Paper>
      {ORDER.map((key) =>
        brief.sections[key] ? (
          <section key={key} className="brief-section">
            <Title order={2} size="h4" mb="xs">{SECTION_TITLES[key]}</Title>
            <SectionText text={brief.sections[key]} />
          </section>
        ) : null,
      )}
      {brief.sections.quotes ? (
        <section className="brief-section">
          <Title order={2} size="h4" mb="xs">{SECTION_TITLES.quotes}</Title>
          <SectionText text={brief.sections.quotes} />
        </section>
      ) : brief.quotes.length ? (
        <section className="brief-section">
          <Title order={2} size="h4" mb="xs">{SECTION_TITLES.quotes}</Title>
          {brief.quotes.map((q, i) => (
            <Blockquote key={i} color="teal" p="sm" mb="xs" cite={`— ${reporterRoleLabel(q.role)}, ${functionLabel(q.function)}, ${segmentLabel(q.segment)}`}>
              {q.text}
            </Blockquote>
          ))}
        </section>
      ) : null}
      {brief.followUp?.items.length ? (
        <section className="brief-section" data-testid="follow-up">
          <Title order={2} size="h4" mb="xs">{FOLLOW_UP_TITLE}</Title>
          <SectionText text={followUpText(brief.followUp)} />
        </section>
      ) : null}
    </Stack>
  );
}
