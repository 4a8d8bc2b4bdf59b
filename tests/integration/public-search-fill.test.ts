// The start-up fill of the scrubbed search text (decision 040): it must still fill every case and
// scrub the reporter's name, while each write stays short enough not to hold the event loop.
import { beforeAll, describe, expect, it } from "vitest";
import { fillPublicSearchText } from "~/models/public-search.server";
import { db, makeUser, plantCases } from "./helpers";

const NAMED = "Philippa Okonkwo-Larsen";
let namedId = 0;

beforeAll(async () => {
  const analyst = await makeUser("analyst");
  await plantCases(240, analyst.id);
  const named = await db.case.findFirstOrThrow({ select: { id: true }, orderBy: { id: "desc" } });
  namedId = named.id;
  await db.case.update({ where: { id: namedId }, data: { reporterName: NAMED, complaint: `${NAMED} says her territory lost its whitespace.` } });
  // As after a scrubber change: nothing has its public text yet.
  await db.$executeRawUnsafe(`UPDATE "Case" SET publicTitle = NULL, publicComplaint = NULL`);
});

const pending = () => db.case.count({ where: { OR: [{ publicTitle: null }, { publicComplaint: null }] } });

describe("fillPublicSearchText", () => {
  it("writes one row at a time when the turn is used up at once, and still fills every case with the name scrubbed", async () => {
    const before = await pending();
    expect(before).toBeGreaterThanOrEqual(240);
    const { filled, writes } = await fillPublicSearchText({ turnMs: 0 });
    expect(filled).toBe(before);
    expect(writes).toBe(before); // each write stopped after its first row: the bound holds
    expect(await pending()).toBe(0);
    const named = await db.case.findUniqueOrThrow({ where: { id: namedId }, select: { publicComplaint: true } });
    expect(named.publicComplaint).toContain("territory lost its whitespace");
    expect(named.publicComplaint).not.toContain("Okonkwo");
  });

  it("puts many rows in one write within the default turn, and finds nothing to do the second time", async () => {
    await db.$executeRawUnsafe(`UPDATE "Case" SET publicTitle = NULL WHERE id % 2 = 0`);
    const before = await pending();
    const { filled, writes } = await fillPublicSearchText();
    expect(filled).toBe(before);
    expect(writes).toBeLessThan(filled);
    expect(await fillPublicSearchText()).toEqual({ filled: 0, writes: 0 });
  });
});
