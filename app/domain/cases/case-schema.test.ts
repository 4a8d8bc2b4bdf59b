import { describe, expect, it } from "vitest";
import {
  COMPLAINT_MAX,
  caseEditSchema,
  caseFormSchema,
  deriveTitle,
  normaliseTags,
  statusChangeSchema,
} from "./case-schema";

const minimal = { complaint: "My territory has no pipeline.", behaviour: "pipeline_generation" };

/** Messages for one field, as the form would show them. */
function messagesFor(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) {
  return (result.error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);
}

describe("caseFormSchema: required fields", () => {
  it("accepts a case with only the complaint and the behaviour", () => {
    const r = caseFormSchema.safeParse(minimal);
    expect(r.success).toBe(true);
  });

  it("asks for the complaint when it is missing", () => {
    const r = caseFormSchema.safeParse({ behaviour: "discounting" });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "complaint")).toEqual(["Write the complaint in the reporter's own words"]);
  });

  it("asks for the complaint when it is only whitespace", () => {
    const r = caseFormSchema.safeParse({ ...minimal, complaint: "   \n\t " });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "complaint")).toEqual(["Write the complaint in the reporter's own words"]);
  });

  it("asks for the behaviour when it is missing", () => {
    const r = caseFormSchema.safeParse({ complaint: "Quota went up 40%" });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "behaviour")).toEqual(["Choose the behaviour or outcome of concern"]);
  });

  it("reports both required fields at once when the form is empty", () => {
    const r = caseFormSchema.safeParse({});
    expect(r.success).toBe(false);
    expect(messagesFor(r, "complaint")).toHaveLength(1);
    expect(messagesFor(r, "behaviour")).toHaveLength(1);
  });

  it("trims the complaint", () => {
    const r = caseFormSchema.safeParse({ ...minimal, complaint: "  Too many accounts.  " });
    expect(r.success && r.data.complaint).toBe("Too many accounts.");
  });
});

describe("caseFormSchema: complaint length", () => {
  it("accepts a complaint of exactly the maximum length", () => {
    const r = caseFormSchema.safeParse({ ...minimal, complaint: "a".repeat(COMPLAINT_MAX) });
    expect(r.success).toBe(true);
  });

  it("refuses a complaint one character over the maximum", () => {
    const r = caseFormSchema.safeParse({ ...minimal, complaint: "a".repeat(COMPLAINT_MAX + 1) });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "complaint")).toEqual(["Keep the complaint under 10,000 characters"]);
  });

  it("refuses a 1 MB complaint with the length message", () => {
    const r = caseFormSchema.safeParse({ ...minimal, complaint: "x".repeat(1024 * 1024) });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "complaint")[0]).toMatch(/^Keep the complaint under /);
  });
});

describe("caseFormSchema: defaults", () => {
  it("fills in the defaults a quick intake relies on", () => {
    const r = caseFormSchema.safeParse(minimal);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.channel).toBe("other");
    expect(r.data.severity).toBe("medium");
    expect(r.data.segment).toBe("other");
    expect(r.data.reporterRole).toBe("other");
    expect(r.data.reporterFunction).toBe("sales");
    expect(r.data.confidential).toBe(false);
  });

  it("turns missing optional text into empty strings and leaves numbers undefined", () => {
    const r = caseFormSchema.safeParse(minimal);
    if (!r.success) throw new Error("expected success");
    expect(r.data).toMatchObject({
      title: "",
      region: "",
      reporterName: "",
      behaviourDetail: "",
      causeDetail: "",
      ownerId: "",
      tags: "",
    });
    expect(r.data.tenureMonths).toBeUndefined();
    expect(r.data.peopleAffected).toBeUndefined();
    expect(r.data.revenueAtRisk).toBeUndefined();
    expect(r.data.raisedOn).toBeUndefined();
    expect(r.data.suspectedCause).toBeUndefined();
  });

  it("keeps chosen values over the defaults", () => {
    const r = caseFormSchema.safeParse({
      ...minimal,
      channel: "exit_interview",
      severity: "critical",
      segment: "enterprise",
      reporterFunction: "customer_success",
      reporterRole: "csm",
      suspectedCause: "territory_imbalance",
    });
    if (!r.success) throw new Error("expected success");
    expect(r.data).toMatchObject({
      channel: "exit_interview",
      severity: "critical",
      segment: "enterprise",
      reporterFunction: "customer_success",
      reporterRole: "csm",
      suspectedCause: "territory_imbalance",
    });
  });
});

describe("caseFormSchema: taxonomies", () => {
  it.each([
    ["behaviour", "Choose the behaviour or outcome of concern"],
    ["segment", "Choose a segment from the list"],
    ["channel", "Choose a channel from the list"],
    ["reporterRole", "Choose a role from the list"],
    ["reporterFunction", "Choose a function from the list"],
    ["severity", "Choose a severity from the list"],
    ["suspectedCause", "Choose a cause from the list"],
  ])("refuses an unknown %s value", (field, message) => {
    const r = caseFormSchema.safeParse({ ...minimal, [field]: "banana" });
    expect(r.success).toBe(false);
    expect(messagesFor(r, field)).toEqual([message]);
  });

  it("refuses a label in place of a value", () => {
    const r = caseFormSchema.safeParse({ ...minimal, channel: "Exit interview" });
    expect(r.success).toBe(false);
  });
});

describe("caseFormSchema: whole numbers", () => {
  it("accepts a tenure typed as a string and stores it as a number", () => {
    const r = caseFormSchema.safeParse({ ...minimal, tenureMonths: "18" });
    expect(r.success && r.data.tenureMonths).toBe(18);
  });

  it("accepts zero months of tenure", () => {
    const r = caseFormSchema.safeParse({ ...minimal, tenureMonths: "0" });
    expect(r.success && r.data.tenureMonths).toBe(0);
  });

  it.each([
    ["abc", "Tenure must be a number"],
    ["-1", "Tenure cannot be negative"],
    ["1.5", "Tenure must be a whole number"],
    ["601", "Tenure is too large"],
  ])("refuses tenure %j", (value, message) => {
    const r = caseFormSchema.safeParse({ ...minimal, tenureMonths: value });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "tenureMonths")).toEqual([message]);
  });

  it("accepts people affected and revenue at risk as whole numbers", () => {
    const r = caseFormSchema.safeParse({ ...minimal, peopleAffected: "12", revenueAtRisk: "250000" });
    if (!r.success) throw new Error("expected success");
    expect(r.data.peopleAffected).toBe(12);
    expect(r.data.revenueAtRisk).toBe(250000);
  });

  it("refuses negative or fractional people affected and revenue at risk", () => {
    expect(messagesFor(caseFormSchema.safeParse({ ...minimal, peopleAffected: "-2" }), "peopleAffected")).toEqual([
      "People affected cannot be negative",
    ]);
    expect(messagesFor(caseFormSchema.safeParse({ ...minimal, revenueAtRisk: "10.50" }), "revenueAtRisk")).toEqual([
      "Revenue at risk must be a whole number",
    ]);
    expect(messagesFor(caseFormSchema.safeParse({ ...minimal, revenueAtRisk: "lots" }), "revenueAtRisk")).toEqual([
      "Revenue at risk must be a number",
    ]);
  });
});

describe("caseFormSchema: date raised", () => {
  it("accepts a real ISO day", () => {
    const r = caseFormSchema.safeParse({ ...minimal, raisedOn: "2026-03-31" });
    expect(r.success && r.data.raisedOn).toBe("2026-03-31");
  });

  it("refuses text that is not a date, with an example of the format", () => {
    const r = caseFormSchema.safeParse({ ...minimal, raisedOn: "not-a-date" });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "raisedOn")).toContain("Use a date like 2026-03-31");
  });

  it("refuses other date formats", () => {
    for (const v of ["31/03/2026", "2026-3-31", "2026-03-31T10:00:00Z"]) {
      const r = caseFormSchema.safeParse({ ...minimal, raisedOn: v });
      expect(r.success, v).toBe(false);
    }
  });

  it("refuses a well-shaped day that cannot exist", () => {
    for (const v of ["2026-13-01", "2026-02-32", "2026-00-10", "2026-02-31", "2025-02-29"]) {
      const r = caseFormSchema.safeParse({ ...minimal, raisedOn: v });
      expect(r.success, v).toBe(false);
      expect(messagesFor(r, "raisedOn"), v).toContain("That is not a real date");
    }
  });
});

describe("caseFormSchema: confidential flag", () => {
  it("treats a ticked checkbox ('on') as confidential", () => {
    const r = caseFormSchema.safeParse({ ...minimal, confidential: "on" });
    expect(r.success && r.data.confidential).toBe(true);
  });

  it("treats 'true' and true as confidential", () => {
    expect(caseFormSchema.parse({ ...minimal, confidential: "true" }).confidential).toBe(true);
    expect(caseFormSchema.parse({ ...minimal, confidential: true }).confidential).toBe(true);
  });

  it("treats an absent checkbox as not confidential", () => {
    const r = caseFormSchema.safeParse(minimal);
    expect(r.success && r.data.confidential).toBe(false);
  });

  it("treats false as not confidential", () => {
    expect(caseFormSchema.parse({ ...minimal, confidential: false }).confidential).toBe(false);
  });
});

describe("caseFormSchema: optional text limits", () => {
  it("trims optional text", () => {
    const r = caseFormSchema.safeParse({ ...minimal, region: "  EMEA  ", reporterName: " Sam " });
    if (!r.success) throw new Error("expected success");
    expect(r.data.region).toBe("EMEA");
    expect(r.data.reporterName).toBe("Sam");
  });

  it("refuses a title over 120 characters with a readable message", () => {
    const r = caseFormSchema.safeParse({ ...minimal, title: "t".repeat(121) });
    expect(messagesFor(r, "title")).toEqual(["The title must be 120 characters or fewer"]);
  });

  it("refuses detail over 2,000 characters", () => {
    const r = caseFormSchema.safeParse({ ...minimal, behaviourDetail: "d".repeat(2001) });
    expect(messagesFor(r, "behaviourDetail")).toEqual(["The detail must be 2,000 characters or fewer"]);
  });
});

describe("caseEditSchema", () => {
  it("requires the version the form was loaded at", () => {
    const r = caseEditSchema.safeParse(minimal);
    expect(r.success).toBe(false);
    expect(messagesFor(r, "version")).toHaveLength(1);
  });

  it("accepts a version sent as a form string", () => {
    const r = caseEditSchema.safeParse({ ...minimal, version: "3" });
    expect(r.success && r.data.version).toBe(3);
  });

  it("refuses a version below 1 or not a whole number", () => {
    for (const v of ["0", "-1", "1.5", "abc"]) {
      expect(caseEditSchema.safeParse({ ...minimal, version: v }).success, v).toBe(false);
    }
  });

  it("still enforces the case form rules", () => {
    const r = caseEditSchema.safeParse({ behaviour: "banana", version: "2" });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "complaint")).toHaveLength(1);
    expect(messagesFor(r, "behaviour")).toHaveLength(1);
  });
});

describe("statusChangeSchema", () => {
  it("accepts a known status and version", () => {
    const r = statusChangeSchema.safeParse({ status: "triaged", version: "4" });
    expect(r.success && r.data).toEqual({ status: "triaged", version: 4 });
  });

  it("refuses an unknown status with the list message", () => {
    const r = statusChangeSchema.safeParse({ status: "archived", version: "1" });
    expect(r.success).toBe(false);
    expect(messagesFor(r, "status")).toEqual(["Choose a status from the list"]);
  });

  it("requires a version", () => {
    expect(statusChangeSchema.safeParse({ status: "closed" }).success).toBe(false);
    expect(statusChangeSchema.safeParse({ status: "closed", version: "0" }).success).toBe(false);
  });
});

describe("normaliseTags", () => {
  it("lowercases, trims and joins with commas", () => {
    expect(normaliseTags(" Quota ,  Territory ")).toBe("quota,territory");
  });

  it("turns inner spaces into dashes", () => {
    expect(normaliseTags("Q3 plan change, west   coast")).toBe("q3-plan-change,west-coast");
  });

  it("drops duplicates after normalising, keeping first-seen order", () => {
    expect(normaliseTags("EMEA, quota, emea, Quota , west coast, West  Coast")).toBe("emea,quota,west-coast");
  });

  it("drops blank tags", () => {
    expect(normaliseTags(", ,quota,,  ,")).toBe("quota");
    expect(normaliseTags("")).toBe("");
    expect(normaliseTags("  ,  ")).toBe("");
  });

  it("caps each tag at 40 characters", () => {
    const out = normaliseTags("a".repeat(60));
    expect(out).toBe("a".repeat(40));
  });
});

describe("deriveTitle", () => {
  it("uses the first sentence of the complaint", () => {
    expect(deriveTitle("My quota doubled. I cannot hit it. Nobody can.")).toBe("My quota doubled.");
  });

  it("splits on question and exclamation marks too", () => {
    expect(deriveTitle("Why was my territory cut? It was fine.")).toBe("Why was my territory cut?");
    expect(deriveTitle("This is unfair! Fix it.")).toBe("This is unfair!");
  });

  it("collapses whitespace and newlines", () => {
    expect(deriveTitle("  Accounts   were\n\nmoved  ")).toBe("Accounts were moved");
  });

  it("keeps a complaint with no sentence end whole when short", () => {
    expect(deriveTitle("no punctuation here")).toBe("no punctuation here");
  });

  it("keeps a first sentence of exactly the maximum length", () => {
    const s = "a".repeat(80);
    expect(deriveTitle(s)).toBe(s);
  });

  it("cuts a long first sentence at a word and adds an ellipsis", () => {
    const complaint =
      "The new segmentation moved every one of my biggest accounts to the enterprise team without any warning at all. Second.";
    const title = deriveTitle(complaint);
    expect(title.endsWith("…")).toBe(true);
    expect(title.length).toBeLessThanOrEqual(81);
    const body = title.slice(0, -1);
    expect(complaint.startsWith(body)).toBe(true);
    // Cut at a word boundary: the next character of the original is a space.
    expect(complaint[body.length]).toBe(" ");
    expect(body).toBe("The new segmentation moved every one of my biggest accounts to the enterprise");
  });

  it("cuts hard at the maximum when there is no late word break", () => {
    const long = "x".repeat(100);
    expect(deriveTitle(long)).toBe(`${"x".repeat(80)}…`);
  });

  it("respects a custom maximum", () => {
    const title = deriveTitle("one two three four five six seven eight nine ten eleven twelve thirteen", 50);
    expect(title).toBe("one two three four five six seven eight nine ten…");
  });
});

describe("caseFormSchema: blank numbers", () => {
  it("reads a spaces-only number field as not recorded, not as zero", () => {
    const r = caseFormSchema.safeParse({ ...minimal, tenureMonths: " ", peopleAffected: "" });
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.tenureMonths).toBeUndefined();
      expect(r.data.peopleAffected).toBeUndefined();
    }
  });
});
