import { Button, Text, type ButtonProps, type TextProps } from "@mantine/core";
import { createElement as h, type ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { theme } from "~/theme";
import { inProvider, sortAttributes } from "./mantine-markup.test-support";
import { PlainButton, PlainLinkButton, type PlainButtonSize, type PlainButtonVariant } from "./plain-button";
import { PlainText } from "./plain-text";

// Mantine's Button as a plain component (its polymorphic type does not fit createElement).
type Extra = { type?: "submit"; name?: string; value?: string; "aria-label"?: string; "aria-current"?: "page" };
const MantineButton: ComponentType<ButtonProps & Extra> = Button<"button">;
const MantineLinkButton: ComponentType<ButtonProps & Extra & { component: "a"; href: string }> = (props) => h(Button<"a">, props);

const html = inProvider;
const sortedAttributes = (markup: string) => sortAttributes(markup, "data-list-link");

const label = "Re-file #12 as territory";
const MantineText: ComponentType<TextProps & { span: true; children: string }> = (props) => h(Text<"span">, { component: "span", ...props });
const count = () => h(MantineText, { span: true, size: "xs", fw: 700, children: "1,204" });
const plainCount = () => h(PlainText, { span: true, size: "xs", fw: 700, children: "1,204" });

describe("PlainButton", () => {
  it.each(["xs", "compact-xs"] as const)("renders what Mantine's default Button renders at size %s", (size) => {
    expect(html(h(PlainButton, { size, children: label }))).toBe(html(h(MantineButton, { variant: "default", size }, label)));
  });

  it.each([undefined, "xs"] as const)("renders Mantine's filled Button at size %s, in the theme's colour", (size) => {
    const plain = html(h(PlainButton, { variant: "filled", size, type: "submit", children: "Apply" }));
    expect(plain).toBe(html(h(MantineButton, { variant: "filled", size, type: "submit" }, "Apply")));
    expect(plain).toContain(`--button-bg:var(--mantine-color-${theme.primaryColor}-filled)`);
  });

  it("renders Mantine's Button given no variant (filled by its stylesheet) as the primary variant", () => {
    const plain = html(h(PlainButton, { variant: "primary", size: "xs", type: "submit", children: "Save as a pattern" }));
    expect(plain).toBe(html(h(MantineButton, { size: "xs", type: "submit" }, "Save as a pattern")));
    expect(plain).not.toContain("data-variant");
  });

  it("keeps the attributes it is given, as a submit button naming its value", () => {
    const extra = { type: "submit", name: "caseId", value: "12", "aria-label": "Re-file case 12" } as const;
    expect(html(h(PlainButton, { size: "compact-xs", ...extra, children: label }))).toBe(html(h(MantineButton, { variant: "default", size: "compact-xs", ...extra }, label)));
  });
});

describe("PlainLinkButton", () => {
  it.each<[PlainButtonVariant, PlainButtonSize]>([
    ["default", "compact-sm"],
    ["filled", "compact-sm"],
  ])("renders what Mantine's %s Button as a link renders at size %s, with a count beside its label", (variant, size) => {
    const plain = html(h(PlainLinkButton, { to: "/cases?status=open", variant, size, "aria-current": "page", rightSection: plainCount(), children: "Open" }));
    const mantine = html(h(MantineLinkButton, { component: "a", href: "/cases?status=open", variant, size, "aria-current": "page", rightSection: count() }, "Open"));
    expect(sortedAttributes(plain)).toBe(sortedAttributes(mantine));
    // A ListLink: followed in the app by the document's one listener.
    expect(plain).toMatch(/^<a [^>]*data-list-link=""/);
  });
});
