import { MantineProvider } from "@mantine/core";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { cssVariablesResolver, theme } from "~/theme";
import { MANTINE_VARIABLES_CSS, MantineVariables } from "./mantine-variables";

// The provider as root.tsx had it before: its variables (with our resolver) worked out on every render.
const providerOwn = () => renderToStaticMarkup(h(MantineProvider, { theme, cssVariablesResolver, children: h("main") }));

describe("MantineVariables", () => {
  it("writes the style tag Mantine's provider writes for our theme", () => {
    const style = renderToStaticMarkup(h(MantineVariables));
    expect(providerOwn()).toContain(style);
    // Our theme's own variables are in it: the primary colour and the darker dimmed text.
    expect(MANTINE_VARIABLES_CSS).toContain("--mantine-color-dimmed: #495057");
    expect(MANTINE_VARIABLES_CSS).toMatch(/--mantine-primary-color-filled: var\(--mantine-color-\w+-filled\)/);
  });

  it("with the provider's own turned off, the page has the same style tags", () => {
    const styles = (html: string) => (html.match(/<style[^]*?<\/style>/g) ?? []).sort();
    const ours = renderToStaticMarkup(h(MantineProvider, { theme, withCssVariables: false, children: [h(MantineVariables, { key: "v" }), h("main", { key: "m" })] }));
    expect(styles(ours)).toEqual(styles(providerOwn()));
    expect(styles(ours).length).toBeGreaterThan(1);
  });
});
