// The request log must never carry a reporter's name, a complaint's text, a password or a
// session cookie (issue 19). What to look for, and the scan; run over the end-to-end server's
// log after the whole run (global-teardown.ts), and unit-tested in tests/integration/log-scan.test.ts.
import fs from "node:fs";
import path from "node:path";
import { demoCases } from "../../prisma/seed/demo-cases";

export type LogLine = { reqId: string; method: string; route: string; status: number; durationMs: number; userId: string | null };
export type Needle = { what: string; text: string };

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Passwords typed anywhere in the end-to-end specs (so a new one is looked for too). */
export function passwordsInSpecs(dir: string) {
  const found = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const m of text.matchAll(/password["']?\s*[:,]\s*"([^"]{6,})"|Password"\)\.fill\("([^"]{6,})"\)/g)) found.add(m[1] ?? m[2]);
  }
  return [...found];
}

export function needles(specDir: string): Needle[] {
  const list: Needle[] = [
    // The attack suite's planted reporter (privacy-attack.spec.ts), in the forms it is planted.
    { what: "planted reporter", text: "zebulon" },
    { what: "planted reporter", text: "quistg" },
    { what: "planted reporter email", text: "acme.test" },
    { what: "session cookie", text: "__upstream_session" },
    { what: "a header", text: "cookie" },
    { what: "a header", text: "authorization" },
  ];
  for (const c of demoCases) {
    if (c.reporterName) list.push({ what: "demo reporter", text: c.reporterName });
    list.push({ what: "demo complaint", text: c.complaint.slice(0, 40) });
  }
  for (const p of passwordsInSpecs(specDir)) list.push({ what: "password", text: p });
  return list.map((n) => ({ ...n, text: fold(n.text) }));
}

/**
 * Parses the JSON lines and looks for every needle in what each line says about the request.
 * Ids (random, they could spell anything short) are checked for their shape instead.
 */
export function scanLog(raw: string, list: Needle[]) {
  const problems: string[] = [];
  const lines: LogLine[] = [];
  raw.split("\n").forEach((text, i) => {
    if (!text.trim()) return;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(text) as Record<string, unknown>;
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    if (entry.msg !== "request" && entry.msg !== "request failed") {
      const { time: _t, ...rest } = entry;
      const said = fold(JSON.stringify(rest));
      for (const n of list) if (said.includes(n.text)) problems.push(`line ${i + 1}: ${n.what} "${n.text}"`);
      return;
    }
    const { reqId, userId, time: _time, ...rest } = entry;
    if (typeof reqId !== "string" || !/^[A-Za-z0-9._-]{8,64}$/.test(reqId)) problems.push(`line ${i + 1}: no request id`);
    if (userId !== null && (typeof userId !== "string" || !/^[a-z0-9]{20,40}$/.test(userId))) problems.push(`line ${i + 1}: user id is not an id`);
    const keys = Object.keys(rest).sort().join(",");
    if (!/^durationMs,(error,)?level,method,msg,route,status$/.test(keys)) problems.push(`line ${i + 1}: unexpected fields ${keys}`);
    const said = fold(JSON.stringify(rest));
    for (const n of list) if (said.includes(n.text)) problems.push(`line ${i + 1}: ${n.what} "${n.text}"`);
    lines.push({ reqId: reqId as string, userId: (userId as string | null) ?? null, method: String(rest.method), route: String(rest.route), status: Number(rest.status), durationMs: Number(rest.durationMs) });
  });
  return { lines, problems };
}
