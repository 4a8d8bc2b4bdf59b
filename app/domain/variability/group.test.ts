import { describe, expect, it } from "vitest";
import {
  attainmentForExecutives,
  decideAttainmentDisclosure,
  EXEC_HIDDEN_NOTE,
  EXEC_MIN_REPS,
  type ExecGroup,
  forExecutives,
  groupAttainment,
  GROUPINGS,
  protectAttainment,
  type AttainmentRow,
} from "./group";
import { FLAG_FEW_CARRY } from "./stats";

function row(segment: string, role: string, rep: string, pct: number, period = "2026-Q1"): AttainmentRow {
  return { period, repPseudonym: rep, role, segment, region: "EMEA", attainmentPct: pct };
}

// Enterprise AEs listed first on purpose: the output must still put SMB first (taxonomy order).
const rows: AttainmentRow[] = [
  row("enterprise", "ae", "e1", 40),
  row("enterprise", "ae", "e2", 60),
  row("enterprise", "ae", "e3", 80),
  row("enterprise", "ae", "e4", 100),
  row("enterprise", "ae", "e5", 320),
  row("smb", "sdr", "s1", 100),
  row("smb", "sdr", "s2", 100),
  row("smb", "ae", "a1", 90),
  row("smb", "ae", "a2", 110),
  row("smb", "ae", "a3", 100),
  row("smb", "ae", "a4", 100),
  row("smb", "ae", "a5", 105),
];

describe("groupAttainment", () => {
  it("groups by segment and role in taxonomy order, with keys and labels", () => {
    const groups = groupAttainment(rows, ["segment", "role"]);
    expect(groups.map((g) => [g.key, g.label, g.reps])).toEqual([
      ["segment=smb|role=ae", "SMB · AE", 5],
      ["segment=smb|role=sdr", "SMB · SDR", 2],
      ["segment=enterprise|role=ae", "Enterprise · AE", 5],
    ]);
    expect(groups[0].keys).toEqual({ segment: "smb", role: "ae" });
    expect(groups[0].labels).toEqual({ segment: "SMB", role: "AE" });
  });

  it("computes each group's figures (Enterprise AEs by hand)", () => {
    // 40 60 80 100 320: sum 600, mean 120, median 80
    // (120 − 80) / 80 = 0.5 > 0.1 → "a few reps carry the number"
    // deviations −80 −60 −40 −20 200 → 6400 + 3600 + 1600 + 400 + 40000 = 52000 / 5 = 10400
    // sd = √10400 ≈ 101.98, cv ≈ 0.8498; top 10% = top 20% = 1 rep → 320 / 600 ≈ 0.5333
    const ent = groupAttainment(rows, ["segment", "role"]).find((g) => g.keys.segment === "enterprise")!;
    expect(ent.summary.n).toBe(5);
    expect(ent.summary.mean).toBe(120);
    expect(ent.summary.median).toBe(80);
    expect(ent.summary.sd).toBeCloseTo(101.98, 2);
    expect(ent.summary.top10Share).toBeCloseTo(320 / 600, 10);
    expect(ent.flags).toContain(FLAG_FEW_CARRY);
    expect(ent.histogram.find((b) => b.label === "200%+")?.count).toBe(1);
  });

  it("ignores the order of `by`", () => {
    const a = groupAttainment(rows, ["segment", "role"]);
    const b = groupAttainment(rows, ["role", "segment"]);
    expect(b).toEqual(a);
  });

  it("gives one 'All reps' group when not grouped", () => {
    const groups = groupAttainment(rows, []);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: "all", label: "All reps", reps: 12, keys: {}, labels: {} });
    expect(groups[0].summary.n).toBe(12);
  });

  it("orders periods chronologically and counts distinct reps across periods", () => {
    const multi = [
      row("smb", "ae", "a1", 100, "2026-Q1"),
      row("smb", "ae", "a1", 80, "2025-Q4"),
      row("smb", "ae", "a2", 90, "2025-Q4"),
    ];
    expect(groupAttainment(multi, ["period"]).map((g) => g.label)).toEqual(["2025-Q4", "2026-Q1"]);
    const bySegment = groupAttainment(multi, ["segment"]);
    expect(bySegment[0].summary.n).toBe(3); // rep-periods
    expect(bySegment[0].reps).toBe(2); // people
  });

  it("puts values outside the taxonomy after it, alphabetically", () => {
    const odd = [row("zeta", "ae", "z", 100), row("alpha", "ae", "y", 100), row("strategic", "ae", "x", 100)];
    expect(groupAttainment(odd, ["segment"]).map((g) => g.keys.segment)).toEqual(["strategic", "alpha", "zeta"]);
  });

  it("returns no groups for no rows", () => {
    expect(groupAttainment([], ["segment"])).toEqual([]);
  });
});

describe("forExecutives", () => {
  const exec = forExecutives(rows, ["segment", "role"]);

  it("hides a group of fewer than five reps, with a note and no figures", () => {
    expect(EXEC_MIN_REPS).toBe(5);
    const sdr = exec.find((g) => g.key === "segment=smb|role=sdr")!;
    expect(sdr).toEqual({
      key: "segment=smb|role=sdr",
      keys: { segment: "smb", role: "sdr" },
      labels: { segment: "SMB", role: "SDR" },
      label: "SMB · SDR",
      hidden: true,
      note: EXEC_HIDDEN_NOTE,
    });
    expect(EXEC_HIDDEN_NOTE).toMatch(/fewer than 5 reps/i);
    expect(JSON.stringify(sdr)).not.toMatch(/100|"n"|reps":/);
  });

  it("does not let a hidden group be worked out from its parent and its other children", () => {
    // Was: SMB · AE (5 reps) shown beside the SMB segment, so SMB · SDR = SMB − SMB · AE. Now
    // a group that would give the hidden one away is withheld too, on whichever grouping it is.
    const bySegment = forExecutives(rows, ["segment"]);
    const smb = bySegment.find((g) => g.key === "segment=smb")!;
    const smbAe = exec.find((g) => g.key === "segment=smb|role=ae")!;
    expect(smb.hidden || smbAe.hidden).toBe(true);
    // And the role grouping, which adds up to the same total, does not reopen it.
    const byRole = forExecutives(rows, ["role"]);
    const shownN = (list: ExecGroup[], key: string) => {
      const g = list.find((x) => x.key === key);
      return g && !g.hidden ? g.summary.n : null;
    };
    const ae = shownN(byRole, "role=ae");
    const entAe = shownN(exec, "segment=enterprise|role=ae");
    const smbAeN = shownN(exec, "segment=smb|role=ae");
    expect([ae, entAe, smbAeN].filter((v) => v === null).length).not.toBe(1);
  });

  it("shows a group with nothing to hide, keeping the order", () => {
    expect(exec.map((g) => g.key)).toEqual(["segment=smb|role=ae", "segment=smb|role=sdr", "segment=enterprise|role=ae"]);
    const ent = forExecutives(rows.filter((r) => r.segment === "enterprise"), ["segment", "role"]);
    expect(ent.map((g) => [g.key, g.hidden])).toEqual([["segment=enterprise|role=ae", false]]);
  });

  it("drops min and max, rounds to whole percents, and shows bins below three (empty ones too) as <3", () => {
    const [ent] = forExecutives(rows.filter((r) => r.segment === "enterprise"), ["segment", "role"]);
    if (ent.hidden) throw new Error("expected the group to be shown");
    expect(ent.summary).not.toHaveProperty("min");
    expect(ent.summary).not.toHaveProperty("max");
    expect(ent.summary.mean).toBe(120);
    expect(ent.summary.sd).toBe(102); // 101.98, to a whole percent
    // Five reps: the top 10% and 20% are one rep, whose own result that would be.
    expect(ent.summary.top10Share).toBeNull();
    expect(ent.summary.top20Share).toBeNull();
    expect(ent.histogram.find((b) => b.label === "200%+")?.count).toEqual({ value: null, text: "<3" });
    expect(ent.histogram.find((b) => b.label === "0–10%")?.count).toEqual({ value: null, text: "<3" });
  });

  it("shows a bin of three or more as it is", () => {
    const smbAe = forExecutives(rows.filter((r) => r.segment === "smb" && r.role === "ae"), ["segment", "role"])[0];
    if (smbAe.hidden) throw new Error("expected the group to be shown");
    // SMB AEs 90 110 100 100 105 → "100–110%" holds 100, 100, 105 = 3 reps
    expect(smbAe.histogram.find((b) => b.label === "100–110%")?.count).toEqual({ value: 3, text: "3" });
  });

  it("counts people, not rep-periods: four reps over two quarters stay hidden", () => {
    const eight = ["r1", "r2", "r3", "r4"].flatMap((rep) => [row("smb", "ae", rep, 100, "2026-Q1"), row("smb", "ae", rep, 100, "2026-Q2")]);
    const [g] = forExecutives(eight, ["segment"]);
    expect(g.hidden).toBe(true);
  });
});

describe("decideAttainmentDisclosure", () => {
  it("is plain data: copied as a worker copies it, it gives executives the same rows", () => {
    const decided = decideAttainmentDisclosure(rows);
    const copied = structuredClone(decided);
    const view = attainmentForExecutives(rows, copied);
    // forExecutives(rows, by) is protectAttainment(rows).groupsFor(by): decided once, not per grouping.
    const direct = protectAttainment(rows);
    for (const by of Object.values(GROUPINGS).map((g) => g.by)) expect(view.groupsFor(by)).toEqual(direct.groupsFor(by));
    expect(view.statusOf("segment=smb|role=sdr")).toBe("small");
    expect(view.isShown("segment=smb|role=sdr")).toBe(false);
  });

  it("reads an undecided group as withheld, never as shown", () => {
    const view = attainmentForExecutives(rows, { status: {}, figures: {} });
    expect(view.groupsFor(["segment"]).every((g) => g.hidden)).toBe(true);
    expect(view.statusOf("segment=smb")).toBe("withheld");
    expect(view.countOf("segment=smb", "atQuota")).toBeNull();
  });
});
