// `npm run eval:themes`: how well the themes recover labelled true groups, on every set in
// eval/themes/*.json (the tuning set, and the untouched set the lead adds, which is never
// tuned on) and the older fixtures, next to the old suggested groups as a baseline.
// Figures: ARI (a case outside every theme counts as its own cluster), purity, coverage (share
// of cases in a theme) and verdict accuracy (share of true groups whose theme — the one holding
// most of the group's cases, or none — gets the group's expected verdict).
//   npx tsx scripts/eval-themes.ts [--only tuning] [--weights '{"threshold":0.2}']   (EVAL_VERBOSE=1 names wrong verdicts)
//   npx tsx scripts/eval-themes.ts --only tuning --loso   (leave-one-set-out: weights chosen on the other tuning sets, scored on the one left out)
//   npx tsx scripts/eval-themes.ts --only tuning --knob admit=0.2,0.25,0.3   (the same for one knob, the others at the defaults)

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HELD_OUT_COMPLAINTS } from "../app/domain/patterns/fixtures/held-out-complaints";
import { LABELLED_COMPLAINTS } from "../app/domain/patterns/fixtures/labelled-complaints";
import { adjustedRandIndex, purity } from "../app/domain/patterns/cluster-metrics";
import { suggestGroups, verdict, type Verdict } from "../app/domain/patterns/grouping";
import { DEFAULT_THEME_WEIGHTS, partitionThemes, type ThemeCase, type ThemeWeights } from "../app/domain/patterns/theme-partition";

type LabelledSet = {
  name: string;
  cases: (ThemeCase & { trueGroup: string })[];
  expected: Map<string, Verdict> | null;
};

function fromJson(file: string): LabelledSet {
  const raw = JSON.parse(readFileSync(file, "utf8")) as {
    name: string;
    cases: Record<string, unknown>[];
    groups: Record<string, { expectedVerdict: Verdict }>;
  };
  const cases = raw.cases.map((c, i) => ({
    id: i + 1,
    trueGroup: String(c.trueGroup),
    title: String(c.title ?? ""),
    complaint: String(c.complaint ?? ""),
    raisedOn: new Date(`${String(c.raisedOn)}T00:00:00Z`),
    reporterFunction: String(c.reporterFunction ?? ""),
    reporterRole: String(c.reporterRole ?? ""),
    segment: String(c.segment ?? ""),
    region: String(c.region ?? ""),
    tenureMonths: typeof c.tenureMonths === "number" ? c.tenureMonths : null,
    // The domain takes an opaque key, not a name: the same name gives the same key.
    reporterKey: String(c.reporterName ?? "").trim().toLowerCase(),
    behaviour: String(c.behaviour ?? ""),
    suspectedCause: String(c.suspectedCause ?? ""),
    rootCause: String(c.rootCause ?? ""),
    whys: Array.isArray(c.whys) ? c.whys.map(String) : undefined,
    rootCauseStatement: c.rootCauseStatement ? String(c.rootCauseStatement) : undefined,
  }));
  const expected = new Map(Object.entries(raw.groups).map(([k, g]) => [k, g.expectedVerdict]));
  return { name: raw.name || file, cases, expected };
}

function fromFixture(name: string, rows: typeof LABELLED_COMPLAINTS): LabelledSet {
  return {
    name,
    expected: null,
    cases: rows.map((r, i) => ({
      id: i + 1,
      trueGroup: r.group,
      title: "",
      complaint: r.complaint,
      raisedOn: new Date(`${r.raisedOn}T00:00:00Z`),
      reporterFunction: r.reporterFunction,
      reporterRole: r.reporterRole,
      segment: r.segment,
      tenureMonths: r.tenureMonths,
      behaviour: "other",
      suspectedCause: "",
      rootCause: "",
    })),
  };
}

type Scores = { ari: number; purity: number; coverage: number; verdicts: string; right: number; groups: number };

function score(set: LabelledSet, clusters: number[][], quiet = false): Scores {
  const label = new Map<number, string>();
  clusters.forEach((ids, k) => ids.forEach((id) => label.set(id, `k${k}`)));
  const predicted = set.cases.map((c) => label.get(c.id) ?? `alone${c.id}`);
  const truth = set.cases.map((c) => c.trueGroup);
  const covered = set.cases.filter((c) => label.has(c.id)).length;
  let verdicts = "n/a";
  let right = 0;
  if (set.expected) {
    const byId = new Map(set.cases.map((c) => [c.id, c]));
    for (const [group, want] of set.expected) {
      const ids = set.cases.filter((c) => c.trueGroup === group).map((c) => c.id);
      const counts = new Map<string, number>();
      for (const id of ids) if (label.has(id)) counts.set(label.get(id)!, (counts.get(label.get(id)!) ?? 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      // No theme holds any of its cases: the product shows them as no pattern, i.e. an anecdote.
      const got: Verdict = top ? verdict(clusters[Number(top[0].slice(1))].map((id) => byId.get(id)!)) : "anecdote";
      if (got === want) right += 1;
      else if (process.env.EVAL_VERBOSE && !quiet) console.log(`   ${set.name}: ${group} expected ${want}, got ${got}`);
    }
    verdicts = `${((100 * right) / set.expected.size).toFixed(0)}% (${right}/${set.expected.size})`;
  }
  return { ari: adjustedRandIndex(predicted, truth), purity: purity(predicted, truth), coverage: covered / set.cases.length, verdicts, right, groups: set.expected?.size ?? 0 };
}

/** The old page read top-down: each case in the first suggested group that holds it. */
function baseline(set: LabelledSet): number[][] {
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const s of suggestGroups(set.cases)) {
    const ids = s.caseIds.filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    if (ids.length) out.push(ids);
  }
  return out;
}

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const weights: ThemeWeights = { ...DEFAULT_THEME_WEIGHTS, ...(args.includes("--weights") ? JSON.parse(args[args.indexOf("--weights") + 1]) : {}) };

const dir = join(import.meta.dirname, "..", "eval", "themes");
// `--only` filters by file name before a file is read, so tuning never opens the untouched set.
const wanted = (name: string) => !only || name.startsWith(only);
const sets: LabelledSet[] = [
  ...readdirSync(dir).filter((f) => f.endsWith(".json") && wanted(f)).sort().map((f) => fromJson(join(dir, f))),
  ...[
    ["fixture:labelled (lexicon written against it)", LABELLED_COMPLAINTS] as const,
    ["fixture:held-out (text only; read when the concept lexicon was extended)", HELD_OUT_COMPLAINTS] as const,
  ].filter(([name]) => wanted(name)).map(([name, rows]) => fromFixture(name, rows)),
];

const fmt = (s: Scores) => `ARI ${s.ari.toFixed(3)}  purity ${s.purity.toFixed(3)}  coverage ${(100 * s.coverage).toFixed(0)}%  verdicts ${s.verdicts}`;

/** Only sets that may be tuned on take part in a leave-one-set-out check: choosing weights is tuning. */
function tuningSets(flag: string): LabelledSet[] {
  const tuning = sets.filter((s) => s.expected && s.name.startsWith("tuning"));
  if (!only?.startsWith("tuning") || tuning.length < 2) throw new Error(`${flag} needs --only tuning and at least two tuning sets`);
  return tuning;
}
/** What choosing weights maximises: ARI plus half the share of right verdicts. */
const objective = (s: Scores) => s.ari + 0.5 * (s.right / s.groups);

if (args.includes("--knob")) {
  const [knob, list] = args[args.indexOf("--knob") + 1].split("=");
  leaveOneSetOutKnob(tuningSets("--knob"), knob as keyof ThemeWeights, list.split(",").map(Number));
} else if (args.includes("--loso")) {
  leaveOneSetOut(tuningSets("--loso"));
} else {
  console.log(`weights ${JSON.stringify(weights)}`);
  for (const set of sets) {
    const t0 = performance.now();
    const themes = partitionThemes(set.cases, weights);
    const ms = performance.now() - t0;
    console.log(`${set.name} — ${set.cases.length} cases, ${new Set(set.cases.map((c) => c.trueGroup)).size} true groups`);
    console.log(`  themes   ${fmt(score(set, themes.map((t) => t.caseIds)))}  (${themes.length} themes, ${ms.toFixed(0)} ms)`);
    console.log(`  baseline ${fmt(score(set, baseline(set)))}  (old suggested groups, read top-down)`);
  }
}

/**
 * Does a way of choosing weights generalise? For each tuning set, the weights that score best
 * on the others (mean of ARI + half the verdict share) are scored on it. Two grids: the knobs
 * before decision 021 (cause rarity and the core rule off), and with them; the weights outside
 * the grid are the defaults, or those given with --weights.
 */
function leaveOneSetOut(tuning: LabelledSet[]) {
  const grid: Partial<ThemeWeights>[] = [];
  for (const concepts of [0.25, 0.5, 0.75])
    for (const diagnosed of [0.6, 1])
      for (const suspected of [0.3, 0.4])
        for (const threshold of [0.18, 0.2, 0.22])
          for (const causeIdf of [0, 1]) for (const admit of [0, 0.25]) grid.push({ concepts, diagnosed, suspected, threshold, causeIdf, admit });
  const results = grid.map((w) => ({ w, scores: tuning.map((set) => score(set, partitionThemes(set.cases, { ...weights, ...w }).map((t) => t.caseIds), true)) }));
  const value = objective;
  const show = (s: Scores) => `ARI ${s.ari.toFixed(3)} verdicts ${s.right}/${s.groups}`;
  for (const [label, space] of [
    ["before 021 (causeIdf 0, admit 0)", results.filter((r) => !r.w.causeIdf && !r.w.admit)],
    ["with cause rarity and the core rule", results],
  ] as const) {
    console.log(`${label}: ${space.length} weight settings`);
    const held: Scores[] = [];
    tuning.forEach((out, i) => {
      const train = tuning.map((_, j) => j).filter((j) => j !== i);
      const best = space.reduce((a, b) => (mean(train.map((j) => value(b.scores[j]))) > mean(train.map((j) => value(a.scores[j]))) ? b : a));
      held.push(best.scores[i]);
      console.log(`  chosen on ${train.map((j) => tuning[j].name).join(" + ")} → ${out.name}: ${show(best.scores[i])}   ${JSON.stringify(best.w)}`);
      train.forEach((j) => {
        const one = space.reduce((a, b) => (value(b.scores[j]) > value(a.scores[j]) ? b : a));
        console.log(`    chosen on ${tuning[j].name} alone → ${out.name}: ${show(one.scores[i])}`);
      });
    });
    console.log(`  held-out mean ARI ${mean(held.map((s) => s.ari)).toFixed(3)}, verdicts ${held.reduce((n, s) => n + s.right, 0)}/${held.reduce((n, s) => n + s.groups, 0)}`);
  }
}

/**
 * One knob, every other weight as given (the defaults unless --weights): its value is chosen on
 * all tuning sets but one and scored on that one. A new knob is kept only when this beats the
 * default's own figures, which the line for the default value shows (decision 025).
 */
function leaveOneSetOutKnob(tuning: LabelledSet[], knob: keyof ThemeWeights, values: number[]) {
  const value = objective;
  const results = values.map((x) => ({ x, scores: tuning.map((set) => score(set, partitionThemes(set.cases, { ...weights, [knob]: x }).map((t) => t.caseIds), true)) }));
  for (const r of results) console.log(`  ${knob} ${r.x}: ${r.scores.map((s, i) => `${tuning[i].name} ${s.ari.toFixed(3)} ${s.right}/${s.groups}`).join("  ")}`);
  const held: Scores[] = [];
  tuning.forEach((out, i) => {
    const train = tuning.map((_, j) => j).filter((j) => j !== i);
    const best = results.reduce((a, b) => (mean(train.map((j) => value(b.scores[j]))) > mean(train.map((j) => value(a.scores[j]))) ? b : a));
    held.push(best.scores[i]);
    console.log(`  chosen on the others → ${out.name}: ${knob} ${best.x}, ARI ${best.scores[i].ari.toFixed(3)} verdicts ${best.scores[i].right}/${best.scores[i].groups}`);
  });
  console.log(`  held-out mean ARI ${mean(held.map((s) => s.ari)).toFixed(3)}, verdicts ${held.reduce((n, s) => n + s.right, 0)}/${held.reduce((n, s) => n + s.groups, 0)}`);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
