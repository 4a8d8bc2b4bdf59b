import { Text, type TextProps } from "@mantine/core";
import { createElement as h, type ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { inProvider } from "./mantine-markup.test-support";
import { PlainText } from "./plain-text";

type Extra = { span?: boolean; style?: Record<string, string>; role?: string; "data-testid"?: string; children: string };
const MantineText: ComponentType<TextProps & Extra> = (props) => h(Text<"p">, { component: props.span ? "span" : "p", ...props });
const html = inProvider;

// Every combination the case file, its history and its notes use.
const USED: (Omit<Parameters<typeof PlainText>[0], "children"> & Omit<Extra, "children">)[] = [
  { size: "xs", tt: "uppercase", fw: 700, c: "dark.3" },
  { size: "xs", tt: "uppercase", fw: 700, c: "dark.3", mb: 6 },
  { size: "xs", tt: "uppercase", fw: 700, c: "dark.3", mt: "lg", mb: 6 },
  { size: "sm" },
  { size: "sm", c: "dark.8" },
  { size: "sm", c: "dimmed" },
  { size: "sm", c: "dimmed", mb: "md" },
  { size: "sm", mt: "sm" },
  { size: "sm", mt: "md", "data-testid": "resolution-note" },
  { size: "sm", fw: 600 },
  { size: "sm", style: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } },
  { size: "xs", c: "dark.3" },
  { size: "xs", c: "dark.4" },
  { span: true, fw: 600 },
  { span: true, size: "xs", fw: 700 },
  { c: "dimmed" },
  { c: "dimmed", fw: 600 },
  { fw: 600 },
  { mt: 4 },
  { c: "red.9", size: "sm", role: "alert" },
];

describe("PlainText", () => {
  it.each(USED)("renders what Mantine's Text renders for %o", (props) => {
    const plain = html(h(PlainText, { ...props, children: "Quota relief for Q3" }));
    expect(plain).toBe(html(h(MantineText, { ...(props as TextProps & Extra), children: "Quota relief for Q3" })));
    expect(plain).toMatch(props.span ? /^<span / : /^<p /);
  });
});
