// The case list's page is kept until case data changes (decision 030): a change made through the
// app shows in the very next view, and one person's page is never another's.
import { beforeAll, describe, expect, it } from "vitest";
import { action as listAction, loader as listLoader } from "~/routes/cases._index";
import { action as newAction } from "~/routes/cases.new";
import { postRequest, getRequest, run, signedIn, validCase, type Person } from "./helpers";

type ListData = { rows: { id: number; status: string; reporterName?: string }[]; total: number };
const view = async (path: string, who: Person) => {
  const res = await run(listLoader, getRequest(path, who.cookie));
  expect(res.status).toBe(200);
  return res.data as ListData;
};

/** A case logged through the intake form, as a person does; its id. */
async function logCase(fields: Record<string, string>, who: Person) {
  const res = await run(newAction, postRequest("/cases/new", { ...validCase, ...fields }, who.cookie));
  const id = Number(/\/cases\/(\d+)/.exec(res.location ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

let analyst: Person;
let other: Person;
let leader: Person;
beforeAll(async () => {
  analyst = await signedIn("analyst", "Ada Analyst");
  other = await signedIn("analyst", "Otto Other");
  leader = await signedIn("sales_leader", "Lena Leader");
});

describe("the case list's kept page", () => {
  it("shows a case logged, and a status changed, in the next view of the same list", async () => {
    const path = "/cases?q=aardvark";
    expect((await view(path, analyst)).total).toBe(0);
    const made = { id: await logCase({ complaint: "The aardvark accelerator pays nothing past quota." }, analyst) };
    const after = await view(path, analyst);
    expect(after.rows.map((r) => r.id)).toEqual([made.id]);
    expect(after.rows[0].status).toBe("new");

    const moved = await run(listAction, postRequest("/cases", { intent: "bulk-status", caseIds: [String(made.id)], status: "triaged" }, analyst.cookie));
    expect(moved.status).toBe(200);
    expect((await view(path, analyst)).rows[0].status).toBe("triaged");
  });

  it("never gives one person's page to another: not the comp team's to a sales leader, not one analyst's cases to another", async () => {
    const path = "/cases?q=okapi";
    const made = { id: await logCase({ complaint: "The okapi kicker moved my quota.", reporterName: "Priya Nakashima-Berg", confidential: "on" }, analyst) };
    const compTeam = await view(path, analyst);
    expect(compTeam.rows[0].reporterName).toBe("Priya Nakashima-Berg");
    const leaders = await view(path, leader);
    expect(leaders.rows.map((r) => r.id)).toEqual([made.id]);
    expect(JSON.stringify(leaders)).not.toContain("Nakashima");

    await run(listAction, postRequest("/cases", { intent: "bulk-assign", caseIds: [String(made.id)], ownerId: analyst.id }, analyst.cookie));
    expect((await view("/cases?view=mine&q=okapi", analyst)).rows.map((r) => r.id)).toEqual([made.id]);
    expect((await view("/cases?view=mine&q=okapi", other)).rows).toEqual([]);
  });
});
