import { describe, expect, it } from "vitest";
import { fitsDefinition, patternDefinition } from "./matching";

const m = (behaviour: string, suspectedCause: string, rootCause = "") => ({ behaviour, suspectedCause, rootCause });
const members = [m("attrition_morale", "role_definition"), m("attrition_morale", "role_definition"), m("sandbagging", "quota_setting")];

describe("matching the pattern for the effectiveness check", () => {
  it("defines the pattern by its cause, its cases' usual behaviour and their themes", () => {
    expect(patternDefinition(members, "", ["t1", "t2"])).toEqual({ cause: "role_definition", behaviour: "attrition_morale", themeIds: new Set(["t1", "t2"]) });
    // The cause set on the pattern wins over its cases' most common one.
    expect(patternDefinition(members, "quota_setting", []).cause).toBe("quota_setting");
    expect(patternDefinition([m("sandbagging", "")], "", []).cause).toBeNull();
  });

  it("counts a case only when cause, behaviour and theme all fit", () => {
    const d = patternDefinition(members, "", ["t1"]);
    expect(fitsDefinition({ ...m("attrition_morale", "role_definition"), themeId: "t1" }, d)).toBe(true);
    // A diagnosed cause counts over the suspected one.
    expect(fitsDefinition({ ...m("attrition_morale", "quota_setting", "role_definition"), themeId: "t1" }, d)).toBe(true);
    expect(fitsDefinition({ ...m("sandbagging", "role_definition"), themeId: "t1" }, d)).toBe(false); // same cause, other behaviour
    expect(fitsDefinition({ ...m("attrition_morale", "quota_setting"), themeId: "t1" }, d)).toBe(false); // other cause
    expect(fitsDefinition({ ...m("attrition_morale", "role_definition"), themeId: "t9" }, d)).toBe(false); // another theme
    // Not placed by the themes yet (new since the last recompute): cause and behaviour decide.
    expect(fitsDefinition({ ...m("attrition_morale", "role_definition"), themeId: null }, d)).toBe(true);
  });

  it("counts no outside case for a pattern without a known cause", () => {
    const d = patternDefinition([m("sandbagging", "")], "", []);
    expect(fitsDefinition({ ...m("sandbagging", ""), themeId: null }, d)).toBe(false);
  });
});
