// Disclosure control end to end (issue "Confidentiality by design", item 3): an executive,
// signed in against a fresh database holding the demo cases and attainment, tries the attacks
// a tester found — narrow date ranges, subtraction from totals, neighbouring ranges, parent
// groups, small briefs — and recovers nothing. The attacker is app/domain/privacy/
// disclosure-attacker.ts, written independently of the protection it tests.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { demoCases } from "../../prisma/seed/demo-cases";
import { functionLabel, segmentLabel } from "~/domain/cases/taxonomy";
import { solveBounds, solveLines, type Page, type Shown, type Sum } from "~/domain/privacy/disclosure-attacker";
import { action as briefAction, loader as briefLoader } from "~/routes/briefs.$id";
import { loader as markdownLoader } from "~/routes/briefs.$id_.markdown";
import { action as briefsAction } from "~/routes/briefs._index";
import { loader as patternsLoader } from "~/routes/patterns._index";
import { loader as variabilityLoader } from "~/routes/variability";
import { dataChanged } from "~/utils/data-version.server";
import { ATTAINMENT_SELECT, executiveAttainment } from "~/models/attainment.server";
import { GROUPINGS, protectAttainment } from "~/domain/variability/group";
import { db, getRequest, type Person, postRequest, run, type ShownMatrix, signedIn } from "./helpers";

type Entry = { value: string; count: Shown };
type ExecSuggestion = { key: string; kind: string; cause: string | null; count: Shown; functions: Entry[]; roles: Entry[]; segments: Entry[]; tenureBands: Entry[] };
type PatternsPage = {
  monthly: { data: Record<string, string | number | null>[]; series: { name: string }[] };
  suppress: boolean;
  snapped: boolean;
  range: { from?: string; to?: string };
  total: string;
  causeSources: { diagnosed: string; suspected: string };
  matrices: { title: string; matrix: ShownMatrix }[];
  suggestions: ExecSuggestion[];
};
type VarGroup = { key: string; keys: Record<string, string>; hidden: boolean; reps?: number; summary?: { n: number; mean: number | null; sd: number | null } };

let analyst: Person;
let exec: Person;

const REF = Date.UTC(2026, 10, 26); // the demo's "today"
const DAY = 86_400_000;


beforeAll(async () => {
  analyst = await signedIn("analyst");
  exec = await signedIn("executive");
  // The demo data set: 66 cases over a year, thin in most months.
  for (const c of demoCases) {
    await db.case.create({
      data: {
        title: c.title,
        complaint: c.complaint,
        raisedOn: new Date(REF - c.raisedDaysAgo * DAY),
        channel: c.channel,
        reporterRole: c.reporterRole,
        reporterFunction: c.reporterFunction,
        segment: c.segment,
        region: c.region,
        tenureMonths: c.tenureMonths,
        reporterName: c.reporterName,
        confidential: c.confidential,
        behaviour: c.behaviour,
        suspectedCause: c.suspectedCause,
        severity: c.severity,
        status: c.status,
        rootCause: c.conclusion?.rootCause ?? "",
        createdById: analyst.id,
      },
    });
  }
  // Attainment as in the demo: strategic SDRs are a team of three, beside five strategic AEs.
  const teams = [
    { segment: "smb", role: "ae", reps: 14 },
    { segment: "smb", role: "sdr", reps: 10 },
    { segment: "mid_market", role: "ae", reps: 12 },
    { segment: "mid_market", role: "account_manager", reps: 6 },
    { segment: "enterprise", role: "ae", reps: 10 },
    { segment: "strategic", role: "ae", reps: 5 },
    { segment: "strategic", role: "sdr", reps: 3 },
  ];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = [];
  for (const period of ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]) {
    for (const t of teams) {
      for (let r = 1; r <= t.reps; r++) {
        rows.push({ period, repPseudonym: `${t.segment}-${t.role}-${r}`, role: t.role, segment: t.segment, region: "EMEA", attainmentPct: Math.round((50 + random() * 100) * 10) / 10 });
      }
    }
  }
  await db.attainmentRow.createMany({ data: rows });
  dataChanged();
});

async function patternsPage(who: Person, search = "") {
  const res = await run(patternsLoader, getRequest(`/patterns${search}`, who.cookie));
  expect(res.status).toBe(200);
  return res.data as PatternsPage;
}

const numberOf = (text: string): Shown => (/^[\d,]+$/.test(text) ? { value: Number(text.replace(/,/g, "")), text } : { value: null, text });

// ---------------------------------------------------------------------------------------
// The executive's patterns page as one linked system of figures, for the attacker.
// ---------------------------------------------------------------------------------------

function pageOf(d: PatternsPage): Page & { listed: Set<string> } {
  const shown = new Map<string, Shown>();
  const sums: Sum[] = [];
  const listed = new Set<string>();
  const put = (key: string, s: Shown) => shown.set(key, s);
  for (const { matrix: m } of d.matrices) {
    const rk = (v: string) => `${m.rowAxis}=${v}`;
    const ck = (v: string) => `${m.colAxis}=${v}`;
    const cell = (r: string, c: string) => `${rk(r)}&${ck(c)}`;
    m.rows.forEach((r, ri) => {
      put(rk(r.value), r.total);
      m.cols.forEach((c, ci) => put(cell(r.value, c.value), m.cells[ri][ci]));
      sums.push({ whole: rk(r.value), parts: m.cols.map((c) => cell(r.value, c.value)) });
    });
    m.cols.forEach((c) => {
      put(ck(c.value), c.total);
      sums.push({ whole: ck(c.value), parts: m.rows.map((r) => cell(r.value, c.value)) });
    });
    put("all", m.total);
    sums.push({ whole: "all", parts: m.rows.map((r) => rk(r.value)) }, { whole: "all", parts: m.cols.map((c) => ck(c.value)) });
  }
  // "N cases in range" and the split beside it (the third part is the "Not known yet" row).
  put("all", numberOf(d.total));
  put("source=diagnosed", numberOf(d.causeSources.diagnosed));
  put("source=suspected", numberOf(d.causeSources.suspected));
  if (!shown.has("cause=unknown")) put("cause=unknown", { value: 0, text: "0" });
  sums.push({ whole: "all", parts: ["source=diagnosed", "source=suspected", "cause=unknown"] });
  // The monthly chart: each cause's points add up to its total; a gap may be an empty month.
  const months = d.monthly.data.map((row) => String(row.month));
  for (const { name } of d.monthly.series) {
    const points = months.map((m) => `month=${m}&cause=${name}`);
    d.monthly.data.forEach((row, i) => {
      const v = row[name];
      put(points[i], typeof v === "number" ? { value: v, text: String(v) } : { value: null, text: "gap" });
    });
    if (shown.has(`cause=${name}`)) sums.push({ whole: `cause=${name}`, parts: points });
  }
  // Suggested groups: a cause group is its matrix row; its listed entries are at least 1.
  for (const s of d.suggestions) {
    const whole = s.kind === "cause" && s.cause ? `cause=${s.cause}` : s.key;
    put(whole, s.count);
    for (const [axis, entries] of [["function", s.functions], ["role", s.roles], ["segment", s.segments], ["tenure", s.tenureBands]] as const) {
      for (const e of entries) {
        const key = `${whole}&${axis}=${e.value}`;
        put(key, e.count);
        listed.add(key);
      }
      if (entries.length) sums.push({ whole, parts: entries.map((e) => `${whole}&${axis}=${e.value}`) });
    }
  }
  return { shown, sums, listed, mayBeEmpty: (k) => (k.includes("&") && !listed.has(k)) || k.startsWith("month=") };
}

/** Hidden figures the attacker pins to a value other than zero (an empty cell read "<3"). */
function recovered(page: Page) {
  const hidden = (k: string) => page.shown.get(k)?.value === null;
  return [...solveLines(page), ...solveBounds(page)].filter(([k, v]) => hidden(k) && v !== 0);
}

/** Two views' shared figures, subtracted: what comparing two date ranges gives. */
function differencePage(a: PatternsPage, b: PatternsPage): { page: Page; pa: Page; pb: Page } {
  const pa = pageOf(a);
  const pb = pageOf(b);
  const shown = new Map<string, Shown>();
  const keys = new Set([...pa.shown.keys(), ...pb.shown.keys()]);
  // A figure missing from a view (a row with no case in that range) is a known zero there.
  const valueIn = (p: Page, k: string) => (p.shown.has(k) ? p.shown.get(k)!.value : 0);
  for (const k of keys) {
    const va = valueIn(pa, k);
    const vb = valueIn(pb, k);
    shown.set(k, va === null || vb === null ? { value: null, text: "?" } : { value: vb - va, text: String(vb - va) });
  }
  // The matrices' sums hold for the difference too (over the union of rows and columns).
  const sums: Sum[] = [];
  for (let i = 0; i < a.matrices.length; i++) {
    const m = a.matrices[i].matrix;
    const n = b.matrices[i].matrix;
    const rows = [...new Set([...m.rows, ...n.rows].map((r) => r.value))];
    const cols = [...new Set([...m.cols, ...n.cols].map((c) => c.value))];
    const rk = (v: string) => `${m.rowAxis}=${v}`;
    const ck = (v: string) => `${m.colAxis}=${v}`;
    for (const r of rows) for (const c of cols) if (!shown.has(`${rk(r)}&${ck(c)}`)) shown.set(`${rk(r)}&${ck(c)}`, { value: 0, text: "0" });
    for (const r of rows) if (!shown.has(rk(r))) shown.set(rk(r), { value: 0, text: "0" });
    for (const c of cols) if (!shown.has(ck(c))) shown.set(ck(c), { value: 0, text: "0" });
    for (const r of rows) sums.push({ whole: rk(r), parts: cols.map((c) => `${rk(r)}&${ck(c)}`) });
    for (const c of cols) sums.push({ whole: ck(c), parts: rows.map((r) => `${rk(r)}&${ck(c)}`) });
    sums.push({ whole: "all", parts: rows.map(rk) }, { whole: "all", parts: cols.map(ck) });
  }
  return { page: { shown, sums }, pa, pb };
}

// ---------------------------------------------------------------------------------------

describe("date ranges for executives", () => {
  it("turns a one-day range into whole months, three at least, and says so", async () => {
    const d = await patternsPage(exec, "?from=2026-11-24&to=2026-11-24");
    expect(d.suppress).toBe(true);
    expect(d.range).toEqual({ from: "2026-09-01", to: "2026-11-30" });
    expect(d.snapped).toBe(true);
    const from = new Date(`${d.range.from}T00:00:00Z`);
    const to = new Date(`${d.range.to}T00:00:00Z`);
    expect(from.getUTCDate()).toBe(1);
    expect(new Date(to.getTime() + DAY).getUTCDate()).toBe(1);
    const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;
    expect(months).toBeGreaterThanOrEqual(3);
    // The comp team still gets the day they asked for.
    expect((await patternsPage(analyst, "?from=2026-11-24&to=2026-11-24")).range).toEqual({ from: "2026-11-24", to: "2026-11-24" });
  });

  it("gives the same figures for ends a day apart, so comparing them shows nothing", async () => {
    const a = await patternsPage(exec, "?from=2026-06-01&to=2026-11-19");
    const b = await patternsPage(exec, "?from=2026-06-01&to=2026-11-20");
    expect(b).toEqual(a);
  });
});

describe("the executive's patterns page", () => {
  // Adjacent allowed ranges: three-month windows a month apart, and a window one month longer.
  const RANGES = [
    ["2026-06-01", "2026-08-31"],
    ["2026-07-01", "2026-09-30"],
    ["2026-08-01", "2026-10-31"],
    ["2026-09-01", "2026-11-30"],
    ["2026-08-01", "2026-11-30"],
    ["2026-05-01", "2026-08-31"],
  ] as const;
  const views = new Map<string, PatternsPage>();
  beforeAll(async () => {
    for (const [from, to] of [...RANGES, ["", ""]] as const) {
      views.set(`${from}|${to}`, await patternsPage(exec, from ? `?from=${from}&to=${to}` : ""));
    }
  });

  it("shows no figure of 1 or 2, and the range it used", () => {
    for (const [key, d] of views) {
      const page = pageOf(d);
      for (const [k, s] of page.shown) expect([1, 2], `${key} ${k}`).not.toContain(s.value);
      if (key !== "|") expect(`${d.range.from}|${d.range.to}`).toBe(key);
    }
  });

  it("gives away no hidden figure within a matrix, nor across the page's linked figures", () => {
    let hidden = 0;
    for (const [key, d] of views) {
      for (const { title, matrix } of d.matrices) {
        const one = pageOf({ ...d, matrices: [{ title, matrix }], suggestions: [], monthly: { data: [], series: [] } });
        expect(recovered(one), `${key} ${title}`).toEqual([]);
      }
      const page = pageOf(d);
      hidden += [...page.shown.values()].filter((s) => s.value === null).length;
      expect(recovered(page), key).toEqual([]);
    }
    expect(hidden).toBeGreaterThan(100); // the demo data is thin: there was plenty to hide
  });

  it("keeps the headline figures of a full view (all time: 66 cases, most cause totals)", () => {
    const all = views.get("|")!;
    expect(all.total).toBe("66");
    const causeTotals = all.matrices[0].matrix.rows.map((r) => r.total.value);
    expect(causeTotals.filter((v) => v !== null).length).toBeGreaterThan(causeTotals.length / 2);
  });

  it("gives away no hidden figure by comparing neighbouring ranges", () => {
    const pairs = [
      [RANGES[0], RANGES[1]],
      [RANGES[1], RANGES[2]],
      [RANGES[2], RANGES[3]],
      [RANGES[3], RANGES[4]], // Sep–Nov inside Aug–Nov: differ by August
      [RANGES[0], RANGES[5]], // Jun–Aug inside May–Aug: differ by May
    ];
    for (const [r1, r2] of pairs) {
      const a = views.get(`${r1[0]}|${r1[1]}`)!;
      const b = views.get(`${r2[0]}|${r2[1]}`)!;
      const { page, pa, pb } = differencePage(a, b);
      // Solve the difference table; a solved difference plus one view's shown figure gives the
      // other view's hidden one.
      const diffs = solveLines(page);
      for (const [k, dv] of diffs) {
        const va = pa.shown.get(k)?.value;
        const vb = pb.shown.get(k)?.value;
        if (va === null && vb !== undefined && vb !== null) expect.fail(`${k} hidden in ${r1} recovered as ${vb - dv}`);
        if (vb === null && va !== undefined && va !== null) expect.fail(`${k} hidden in ${r2} recovered as ${va + dv}`);
      }
    }
  });
});

describe("variability for executives", () => {
  const groupings = ["segment", "role", "segment-role", "period", "segment-period"];
  const load = async (who: Person, by: string) => {
    const res = await run(variabilityLoader, getRequest(`/variability?by=${by}`, who.cookie));
    expect(res.status).toBe(200);
    return (res.data as { groups: VarGroup[] }).groups;
  };

  /** Every parent = Σ children relation between the groupings, by group key. */
  function relations(all: Map<string, VarGroup>): Sum[] {
    const list = [...all.values()];
    const of = (f: (g: VarGroup) => boolean) => list.filter(f).map((g) => g.key);
    const dims = (g: VarGroup) => Object.keys(g.keys).sort().join(",");
    const sums: Sum[] = [];
    for (const d of ["segment", "role", "period"]) sums.push({ whole: "all", parts: of((g) => dims(g) === d) });
    for (const p of list) {
      if (dims(p) === "segment") {
        sums.push({ whole: p.key, parts: of((g) => dims(g) === "role,segment" && g.keys.segment === p.keys.segment) });
        sums.push({ whole: p.key, parts: of((g) => dims(g) === "period,segment" && g.keys.segment === p.keys.segment) });
      }
      if (dims(p) === "role") sums.push({ whole: p.key, parts: of((g) => dims(g) === "role,segment" && g.keys.role === p.keys.role) });
      if (dims(p) === "period") sums.push({ whole: p.key, parts: of((g) => dims(g) === "period,segment" && g.keys.period === p.keys.period) });
    }
    return sums.filter((s) => s.parts.length);
  }

  it("the comp team's figures would give the three strategic SDRs away by subtraction (the attack is real)", async () => {
    const seg = await load(analyst, "segment");
    const segRole = await load(analyst, "segment-role");
    const parent = seg.find((g) => g.key === "segment=strategic")!.summary!;
    const ae = segRole.find((g) => g.key === "segment=strategic|role=ae")!.summary!;
    const sdr = segRole.find((g) => g.key === "segment=strategic|role=sdr")!.summary!;
    const n = parent.n - ae.n;
    const mean = (parent.n * parent.mean! - ae.n * ae.mean!) / n;
    const sumSq = parent.n * (parent.sd! ** 2 + parent.mean! ** 2) - ae.n * (ae.sd! ** 2 + ae.mean! ** 2);
    expect(n).toBe(sdr.n);
    expect(mean).toBeCloseTo(sdr.mean!, 6);
    expect(Math.sqrt(sumSq / n - mean ** 2)).toBeCloseTo(sdr.sd!, 6);
  });

  it("is decided once, on a worker, the same as in the server's own thread, for executives arriving together", async () => {
    // A different attainment set than the page's cache holds: the next executive read decides anew.
    await db.attainmentRow.update({ where: { id: (await db.attainmentRow.findFirstOrThrow({ select: { id: true } })).id }, data: { attainmentPct: 77.7 } });
    const failures = vi.spyOn(console, "error");
    const [a, b] = await Promise.all([executiveAttainment(), executiveAttainment()]);
    expect(a).toBe(b); // one decision shared, not two
    expect(failures).not.toHaveBeenCalled(); // the worker answered: no fallback onto the server's thread
    failures.mockRestore();
    const inProcess = protectAttainment(await db.attainmentRow.findMany({ select: ATTAINMENT_SELECT }));
    for (const by of Object.values(GROUPINGS).map((g) => g.by)) expect(a.groupsFor(by)).toEqual(inProcess.groupsFor(by));
    expect(a.groupsFor(["segment", "role"]).find((g) => g.key === "segment=strategic|role=sdr")!.hidden).toBe(true);
  });

  it("hides the small group, and no subtraction of a parent and its visible children yields it", async () => {
    const all = new Map<string, VarGroup>();
    for (const by of groupings) for (const g of await load(exec, by)) all.set(g.key, g);
    expect(all.get("segment=strategic|role=sdr")!.hidden).toBe(true);
    const sums = relations(all);
    // The subtraction needs the parent (n, mean, sd) and every child but one.
    for (const s of sums) {
      if (s.whole === "all") continue;
      const parentShown = !all.get(s.whole)!.hidden;
      const hiddenChildren = s.parts.filter((p) => all.get(p)!.hidden);
      expect(parentShown && hiddenChildren.length === 1, `${s.whole} = ${s.parts.join(" + ")}`).toBe(false);
    }
    // "All reps" is printed nowhere but any complete grouping implies it: the attacker may use
    // every sum at once, on the group sizes (n, Σx and Σx² follow the same sums).
    const shown = new Map<string, Shown>();
    for (const g of all.values()) shown.set(g.key, g.hidden ? { value: null, text: "hidden" } : { value: g.summary!.n, text: String(g.summary!.n) });
    const page: Page = { shown, sums };
    const leaks = [...solveLines(page)].filter(([k]) => shown.get(k)?.value === null);
    expect(leaks).toEqual([]);
    // And the strategic SDRs' mean, from the shown groups, is determined by no sum.
    const direct = sums.filter((s) => s.parts.includes("segment=strategic|role=sdr"));
    for (const s of direct) {
      const unknown = [s.whole, ...s.parts].filter((k) => all.get(k)?.hidden ?? true);
      expect(unknown.length, s.whole).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("a brief on two cases, read by an executive", () => {
  let briefId: number;
  let ids: number[];
  beforeAll(async () => {
    type Who = { raisedOn: Date; reporterFunction: string; reporterRole: string; segment: string; tenureMonths: number; confidential?: boolean; reporterName?: string };
    const mk = async (over: Who) =>
      (
        await db.case.create({
          data: {
            title: "Quota raised on a shrinking book",
            complaint: "My quota went up forty percent while my book of accounts shrank. Nobody can hit this.",
            channel: "one_on_one",
            behaviour: "sandbagging",
            suspectedCause: "quota_setting",
            rootCause: "quota_setting",
            upstreamFix: "Set quotas from each territory's potential.",
            fixOwner: "finance",
            createdById: analyst.id,
            ...over,
          },
          select: { id: true },
        })
      ).id;
    ids = [
      await mk({ raisedOn: new Date("2026-02-10T00:00:00Z"), reporterFunction: "customer_success", reporterRole: "csm", segment: "enterprise", tenureMonths: 30, confidential: true, reporterName: "Imogen Farrow-Beck" }),
      await mk({ raisedOn: new Date("2026-02-20T00:00:00Z"), reporterFunction: "partners", reporterRole: "partner_manager", segment: "enterprise", tenureMonths: 7 }),
    ];
    const pattern = await db.pattern.create({ data: { name: "Quota on shrinking books", createdById: analyst.id, cases: { create: ids.map((caseId) => ({ caseId })) } }, select: { id: true } });
    dataChanged();
    const made = await run(briefsAction, postRequest("/briefs", { source: "pattern", sourceId: String(pattern.id) }, analyst.cookie));
    expect(made.status).toBe(302);
    briefId = Number(made.location!.split("/").pop());
    const draft = (await run(briefLoader, getRequest(`/briefs/${briefId}`, analyst.cookie), { id: String(briefId) })).data as { brief: { draftVersion: number } };
    const published = await run(briefAction, postRequest(`/briefs/${briefId}`, { intent: "publish", version: String(draft.brief.draftVersion) }, analyst.cookie), { id: String(briefId) });
    expect(published.status).toBe(302);
  });

  const profile = () => [
    functionLabel("customer_success"),
    functionLabel("partners"),
    segmentLabel("enterprise"),
    "CSM",
    "Partner manager",
    "Feb 2026",
    "Sandbagging",
    "deals held back",
    "6 to 12 months",
    "2 to 4 years",
  ];

  it("carries no case id, no count of one or two, and no function, segment or month (page and Markdown)", async () => {
    const page = await run(briefLoader, getRequest(`/briefs/${briefId}`, exec.cookie), { id: String(briefId) });
    expect(page.status).toBe(200);
    const md = await run(markdownLoader, getRequest(`/briefs/${briefId}/markdown`, exec.cookie), { id: String(briefId) });
    expect(md.status).toBe(200);
    for (const text of [JSON.stringify(page.data), String(md.data)]) {
      for (const id of ids) expect(text).not.toContain(`#${id}`);
      expect(text).not.toMatch(/\b(1|one) case\b/i);
      expect(text).not.toMatch(/\b(2|two) cases\b/i);
      for (const word of profile()) expect(text.toLowerCase(), word).not.toContain(word.toLowerCase());
    }
    const content = (page.data as { content: { chain: { caseIds: number[] }[] } }).content;
    expect(content.chain.every((l) => l.caseIds.length === 0)).toBe(true);
  });

  it("leaves the comp team's copy as it was published", async () => {
    const page = await run(briefLoader, getRequest(`/briefs/${briefId}?version=1`, analyst.cookie), { id: String(briefId) });
    const text = JSON.stringify(page.data);
    expect(text).toContain("We have 2 cases on this.");
    expect(text).toContain(functionLabel("customer_success"));
    expect(text).toContain(segmentLabel("enterprise"));
  });
});
