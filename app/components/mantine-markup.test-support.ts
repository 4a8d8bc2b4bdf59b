import { MantineProvider } from "@mantine/core";
import { createElement as h, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { theme } from "~/theme";

// For the tests that compare a Plain* component with the Mantine component it stands for.

/** The element rendered inside the app's provider, the provider's style tags cut off. */
export const inProvider = (element: ReactElement) => renderToStaticMarkup(h(MantineProvider, { theme }, element)).replace(/^(<style[^]*?<\/style>)+/, "");

/**
 * Each tag's attributes in name order (React writes them in the order given, and Mantine passes
 * some in an order of its own), without `skip` (an attribute one side adds on purpose).
 */
export function sortAttributes(html: string, skip?: string) {
  return html.replace(/<(\w+)((?:\s[\w-]+="[^"]*")*)(\s*\/?)>/g, (_m, tag: string, attrs: string, end: string) => {
    const list = (attrs.match(/[\w-]+="[^"]*"/g) ?? []).filter((a) => !skip || !a.startsWith(`${skip}=`)).sort();
    return `<${tag}${list.map((a) => ` ${a}`).join("")}${end}>`;
  });
}
