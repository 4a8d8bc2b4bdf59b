import { Badge, MantineProvider, type BadgeProps } from "@mantine/core";
import { createElement as h, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DARK_LABEL } from "./labels";
import { PlainBadge, type BadgeVariant } from "./plain-badge";

// Mantine's Badge as a plain component (its polymorphic type does not fit createElement).
const MantineBadge: ComponentType<BadgeProps & { title?: string; "data-sla"?: string }> = Badge<"div">;

// Mantine's <Badge> inside its provider, with its style tags cut off: what PlainBadge must equal.
const mantine = (variant: BadgeVariant, color: string, dark: boolean, extra: Record<string, string> = {}) =>
  renderToStaticMarkup(h(MantineProvider, null, h(MantineBadge, { variant, color, styles: dark ? DARK_LABEL : undefined, ...extra }, "Label"))).replace(/^(<style[^]*?<\/style>)+/, "");
const plain = (variant: BadgeVariant, color: string, dark: boolean, extra: Record<string, string> = {}) =>
  renderToStaticMarkup(h(PlainBadge, { variant, color, dark, ...extra, children: "Label" }));

describe("PlainBadge", () => {
  // Every colour and variant the app passes it (labels.tsx, sla-badge.tsx, verdict-badge.tsx).
  const used: [BadgeVariant, string, boolean][] = [
    ...["blue", "cyan", "violet", "grape", "teal", "lime", "gray", "orange"].map((c): [BadgeVariant, string, boolean] => ["light", c, true]),
    ...["gray", "yellow", "orange", "red"].map((c): [BadgeVariant, string, boolean] => ["outline", c, true]),
    ...["teal", "yellow", "red", "gray"].map((c): [BadgeVariant, string, boolean] => ["light", c, true]),
    ["filled", "teal.9", false],
    ["outline", "teal.9", true],
  ];
  it.each(used)("renders what Mantine's Badge renders: %s %s", (variant, color, dark) => {
    expect(plain(variant, color, dark)).toBe(mantine(variant, color, dark));
  });

  it("keeps the attributes it is given", () => {
    const extra = { title: "Target: 5 business days", "data-sla": "at_risk" };
    expect(plain("light", "yellow", true, extra)).toBe(mantine("light", "yellow", true, extra));
  });
});
