import { NativeSelect, TextInput } from "@mantine/core";
import { createElement as h, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { inProvider, sortAttributes } from "./mantine-markup.test-support";
import { PlainNativeSelect, PlainTextInput } from "./plain-inputs";

// React's ids differ by where the hook sits in the tree, so each id is named by its order of
// appearance; attributes are compared in name order (Mantine passes some, such as required, in
// an order of its own).
function markup(element: ReactElement) {
  const ids = new Map<string, string>();
  const html = inProvider(element).replace(/mantine-R[\w-]*?(?=-label"|")/g, (id) => ids.get(id) ?? (ids.set(id, `id${ids.size}`), `id${ids.size - 1}`));
  return sortAttributes(html);
}

const options = [
  { value: "", label: "All segments" },
  { value: "smb", label: "SMB" },
  { value: "mid-market", label: "Mid-market & growth" },
];

describe("PlainNativeSelect", () => {
  it("renders what Mantine's NativeSelect renders, with the chosen option selected", () => {
    const props = { name: "segment", label: "Segment", data: options, defaultValue: "mid-market", onChange: () => undefined };
    const plain = markup(h(PlainNativeSelect, props));
    expect(plain).toBe(markup(h(NativeSelect, props)));
    expect(plain).toContain('<option selected="" value="mid-market">Mid-market &amp; growth</option>');
    expect(plain).toMatch(/<label [^>]*for="id0" id="id0-label"[^>]*>Segment<\/label>/);
  });

  it("keeps the attributes it is given (a select outside its form)", () => {
    const props = { name: "status", label: "Move ticked cases to", data: options, form: "bulk" };
    expect(markup(h(PlainNativeSelect, props))).toBe(markup(h(NativeSelect, props)));
  });
});

describe("PlainTextInput", () => {
  it.each([
    { name: "q", label: "Search title and complaint", type: "search", defaultValue: "quota", placeholder: "e.g. territory" },
    { name: "from", label: "Raised from", type: "date", defaultValue: "" },
    { name: "name", label: "Name", defaultValue: "Quota relief", size: "xs", style: { flex: 1 }, required: true, maxLength: 120 },
    { name: "caseId", label: "Move a case into this theme (case number)", inputMode: "numeric", size: "xs", required: true },
    { name: "name", label: "New pattern by hand", placeholder: "Name", size: "xs" },
  ] as const)("renders what Mantine's TextInput renders ($name)", (props) => {
    const plain = markup(h(PlainTextInput, props));
    expect(plain).toBe(markup(h(TextInput, props)));
    if ("required" in props) expect(plain).toContain('mantine-TextInput-required"> *</span></label>');
  });
});
