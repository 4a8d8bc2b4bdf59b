// The Markdown download of a brief: the same content as the screen (chain, sections,
// quotes). Every piece of text people typed or edited is escaped, so a complaint or an edit
// cannot inject a link, an image, HTML or a heading into the file.

import { chainSentence, linkWords, supportLabel } from "./chain-merge";
import { FOLLOW_UP_TITLE, followUpText } from "./follow-up";
import { formatDate, upperFirst } from "./text";
import { SECTION_KEYS, SECTION_TITLES, type Brief } from "./types";

// Inline characters with a meaning in CommonMark or GFM: emphasis, code, links and images
// ([ ]), HTML and autolinks (< >), entities (&), tables (|), strikethrough (~).
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;

/**
 * Text as literal Markdown: special characters backslash-escaped, bare URLs and email
 * addresses broken up so GFM does not turn them into links, and a line that would start a
 * heading, quote, list, or thematic break escaped at its start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim() // four leading spaces would start a code block
        .replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
        .replace(/:\/\//g, ":\\/\\/") // http://… is not autolinked once the slashes are escaped
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
        .replace(/@/g, "\\@")
        .replace(/^([#>+=-])/, "\\$1")
        .replace(/^(\d+)([.)])/, "$1\\$2"),
    )
    .join("\n");
}

export type SectionBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

const LIST_ITEM = /^\s*[-*•]\s+(.*)$/;

/**
 * A section's plain text as blocks: paragraphs (split by blank lines) and lists (runs of lines
 * starting with "- ", "* " or "• "), even where an edit put a list right under a line of text.
 * The page and the Markdown download both read it, so both show real lists.
 */
export function sectionBlocks(text: string): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  for (const para of text.split(/\r?\n\s*\r?\n/)) {
    let lines: string[] = [];
    let items: string[] = [];
    const flushLines = () => {
      if (lines.length) blocks.push({ kind: "paragraph", text: lines.join("\n") });
      lines = [];
    };
    const flushItems = () => {
      if (items.length) blocks.push({ kind: "list", items });
      items = [];
    };
    for (const line of para.split(/\r?\n/)) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        flushLines();
        items.push(item[1]);
      } else if (line.trim()) {
        flushItems();
        lines.push(line);
      }
    }
    flushLines();
    flushItems();
  }
  return blocks;
}

/**
 * A section's text as Markdown: paragraphs escaped, lists as Markdown lists set off by a
 * blank line. Everything people typed is escaped; only the list markers are kept.
 */
export function sectionToMarkdown(text: string): string {
  return sectionBlocks(text)
    .map((b) => (b.kind === "list" ? b.items.map((i) => `- ${escapeMarkdown(i)}`).join("\n") : escapeMarkdown(b.text)))
    .join("\n\n")
    .trim();
}

export type MarkdownMeta = { version: number | null; publishedAt: Date | null };

export function briefToMarkdown(brief: Brief, { version, publishedAt }: MarkdownMeta): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(brief.title)}`);
  out.push(
    version != null && publishedAt
      ? `*Version ${version}, published ${formatDate(publishedAt)}*`
      : "*Draft, not yet published*",
  );
  if (brief.summary.trim()) out.push(sectionToMarkdown(brief.summary));

  if (brief.chain.length > 0) {
    out.push("## The chain, from cause to cost");
    out.push(escapeMarkdown(chainSentence(brief.chain)));
    out.push(
      brief.chain
        .map((link, i) => `${i + 1}. ${escapeMarkdown(upperFirst(linkWords(link)))} (${supportLabel(link)})`)
        .join("\n"),
    );
  }

  for (const key of SECTION_KEYS) {
    const text = brief.sections[key] ?? "";
    if (!text.trim()) continue;
    out.push(`## ${SECTION_TITLES[key]}`);
    out.push(sectionToMarkdown(text));
  }
  const followUp = followUpText(brief.followUp);
  if (followUp) {
    out.push(`## ${FOLLOW_UP_TITLE}`);
    out.push(sectionToMarkdown(followUp));
  }
  return `${out.join("\n\n")}\n`;
}
