import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ListLink, listLinkTarget } from "./list-link";

// A click's target as the browser gives it: an element inside (or being) the anchor.
function clickOn(anchor: Record<string, string> | null, extra: Partial<MouseEvent> = {}) {
  const element = {
    closest: (selector: string) =>
      anchor && selector === "a[data-list-link]" ? { getAttribute: (n: string) => anchor[n] ?? null, hasAttribute: (n: string) => n in anchor } : null,
  };
  return { button: 0, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false, defaultPrevented: false, target: element, ...extra };
}

describe("ListLink", () => {
  it("renders a plain link with its path, its marker and the props given", () => {
    const html = renderToString(h(ListLink, { to: "/cases/7", className: "x", "aria-label": "Case 7" }, "#7"));
    expect(html).toBe('<a href="/cases/7" data-list-link="" class="x" aria-label="Case 7">#7</a>');
  });

  it("follows a plain left click on a list link in the app", () => {
    expect(listLinkTarget(clickOn({ href: "/cases?segment=smb&amp;cause=quota" }))).toBe("/cases?segment=smb&amp;cause=quota");
    expect(listLinkTarget(clickOn({ href: "/cases/12" }))).toBe("/cases/12");
  });

  it("leaves to the browser what a <Link> leaves to it: other buttons, modifier keys, new tabs, downloads, handled clicks", () => {
    const link = { href: "/cases/12" };
    expect(listLinkTarget(clickOn(link, { button: 1 }))).toBeNull();
    for (const key of ["metaKey", "altKey", "ctrlKey", "shiftKey"] as const) expect(listLinkTarget(clickOn(link, { [key]: true }))).toBeNull();
    expect(listLinkTarget(clickOn(link, { defaultPrevented: true }))).toBeNull();
    expect(listLinkTarget(clickOn({ ...link, target: "_blank" }))).toBeNull();
    expect(listLinkTarget(clickOn({ ...link, target: "_self" }))).toBe("/cases/12");
    expect(listLinkTarget(clickOn({ ...link, download: "" }))).toBeNull();
  });

  it("ignores clicks outside list links and paths that are not the app's own", () => {
    expect(listLinkTarget(clickOn(null))).toBeNull();
    expect(listLinkTarget(clickOn({ href: "https://example.com/cases/1" }))).toBeNull();
    expect(listLinkTarget(clickOn({ href: "//example.com/cases/1" }))).toBeNull();
    expect(listLinkTarget(clickOn({ href: "?page=2" }))).toBeNull();
    expect(listLinkTarget({ ...clickOn({ href: "/cases/1" }), target: null })).toBeNull();
  });
});
