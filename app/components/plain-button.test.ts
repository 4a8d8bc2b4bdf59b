import { Button, MantineProvider, type ButtonProps } from "@mantine/core";
import { createElement as h, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { theme } from "~/theme";
import { PlainButton, type PlainButtonSize } from "./plain-button";

// Mantine's Button as a plain component (its polymorphic type does not fit createElement).
const MantineButton: ComponentType<ButtonProps & { type?: "submit"; name?: string; value?: string; "aria-label"?: string }> = Button<"button">;

// Mantine's <Button variant="default"> inside the app's provider, its style tags cut off.
const mantine = (size: PlainButtonSize, extra: Record<string, string> = {}) =>
  renderToStaticMarkup(h(MantineProvider, { theme }, h(MantineButton, { variant: "default", size, ...extra }, "Re-file #12 as territory"))).replace(/^(<style[^]*?<\/style>)+/, "");
const plain = (size: PlainButtonSize, extra: Record<string, string> = {}) => renderToStaticMarkup(h(PlainButton, { size, ...extra, children: "Re-file #12 as territory" }));

describe("PlainButton", () => {
  it.each(["xs", "compact-xs"] as const)("renders what Mantine's default Button renders at size %s", (size) => {
    expect(plain(size)).toBe(mantine(size));
  });

  it("keeps the attributes it is given, as a submit button naming its value", () => {
    const extra = { type: "submit", name: "caseId", value: "12", "aria-label": "Re-file case 12" };
    expect(plain("compact-xs", extra)).toBe(mantine("compact-xs", extra));
  });
});
