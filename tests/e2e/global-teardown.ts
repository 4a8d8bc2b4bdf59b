import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { needles, scanLog } from "./log-scan";

// After every end-to-end run: the server's JSON request log (LOG_FILE, set in
// playwright.config.ts) holds no reporter name, complaint text, password or cookie. When the
// attack suite was part of the run, the log must also show that run (thousands of requests,
// signed in as several people), so an empty or unwritten log cannot pass.
export default function globalTeardown() {
  const file = process.env.E2E_LOG_FILE;
  if (!file) throw new Error("E2E_LOG_FILE is not set");
  const raw = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  fs.rmSync(file, { force: true });
  const specDir = fileURLToPath(new URL(".", import.meta.url));
  const list = needles(specDir);
  const { lines, problems } = scanLog(raw, list);
  const fail = (message: string) => {
    throw new Error(`request log scan: ${message}`);
  };
  if (problems.length) fail(`${problems.length} problem(s):\n${problems.slice(0, 20).join("\n")}`);
  if (lines.length === 0) fail("the log is empty: the server wrote no request lines");
  if (!list.some((n) => n.what === "password") || !list.some((n) => n.what === "demo reporter")) fail("nothing to look for");

  // The whole attack suite ran when no spec file was named or the attack's was, and nothing
  // narrowed the run to some of its tests (a grep, a shard, the last failures).
  const argv = process.argv.slice(2);
  const narrowed = argv.some((a) => /^(-g|--grep|--grep-invert|--shard|--last-failed|--only-changed)(=|$)/.test(a));
  const files = argv.filter((a) => !a.startsWith("-") && a !== "test");
  const attackRan = !narrowed && (files.length === 0 || files.some((a) => a.includes("privacy-attack")));
  const users = new Set(lines.map((l) => l.userId).filter(Boolean));
  const signIns = lines.filter((l) => l.method === "POST" && l.route === "/login" && l.status === 302).length;
  const caseReads = lines.filter((l) => l.userId && /^\/cases\/\d+(\.data)?$/.test(l.route) && l.status === 200).length;
  if (attackRan) {
    if (lines.length < 1000) fail(`only ${lines.length} request lines: the attack suite alone makes thousands`);
    if (users.size < 3) fail(`requests from ${users.size} signed-in users: the attack signs in as analyst, leader and executive`);
    if (signIns < 4) fail(`${signIns} successful sign-ins logged`);
    if (caseReads < 10) fail(`${caseReads} case reads by signed-in users logged`);
  }
  console.log(
    `request log scan: ${lines.length} lines, ${users.size} users, ${signIns} sign-ins, ${caseReads} case reads; ` +
      `${list.length} names, complaint texts and passwords looked for: none found${attackRan ? "" : " (attack suite not in this run: size checks skipped)"}`,
  );
}
