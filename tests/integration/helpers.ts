// Calls loaders and actions the way Remix does: a real Request, params, and a context.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "~/domain/auth/permissions";
import type { CaseFormData } from "~/domain/cases/case-schema";
import { createCase } from "~/models/case-commands.server";
import { createUserSession, hashPassword } from "~/utils/auth.server";
import { dataChanged } from "~/utils/data-version.server";
import { db } from "~/utils/db.server";
import { complaintText, rng } from "../../bench/generate.mjs";
import { BEHAVIOUR_PHRASES } from "../../bench/text.mjs";

const BASE = "http://upstream.test";
let counter = 0;

export async function makeUser(role: Role, overrides: { name?: string; email?: string; password?: string } = {}) {
  counter += 1;
  const password = overrides.password ?? "correct horse battery";
  return db.user.create({
    data: {
      name: overrides.name ?? `${role} ${counter}`,
      email: overrides.email ?? `${role}${counter}-${Date.now()}@example.test`,
      role,
      passwordHash: await hashPassword(password),
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** A signed-in Cookie header for the user, made by the real session code. */
export async function cookieFor(userId: string) {
  const response = await createUserSession(userId, "/");
  const setCookie = response.headers.get("Set-Cookie")!;
  return setCookie.split(";")[0];
}

/** A figure as a page shows it (app/domain/privacy/disclosure.ts): a number, or withheld with its text. */
export type Shown = { value: number | null; text: string };
/** A cause × function (or other) matrix as the patterns page's loader sends it. */
export type ShownMatrix = {
  rowAxis: string;
  colAxis: string;
  rows: { value: string; total: Shown }[];
  cols: { value: string; total: Shown }[];
  cells: Shown[][];
  total: Shown;
};

export type Person = { id: string; name: string; cookie: string };

/** A user of this role with a live session: what most tests act as. */
export async function signedIn(role: Role, name = `${role} person`): Promise<Person> {
  const user = await makeUser(role, { name });
  return { id: user.id, name, cookie: await cookieFor(user.id) };
}

export function getRequest(path: string, cookie?: string) {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function postRequest(path: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  }
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

// What Remix's public data() returns, recognised by its class and read through its declared type.
type DataWithInit = ReturnType<typeof data<unknown>>;
const DataWithInitClass = data(null).constructor;
const isDataWithInit = (value: unknown): value is DataWithInit => value instanceof DataWithInitClass;

export type Outcome = { status: number; data: unknown; headers: Headers; location: string | null };

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

/**
 * Runs a loader or action and normalises what Remix would send: a thrown or returned
 * Response, a `data()` result with its status, or plain data (200).
 */
export async function run(
  handler: unknown,
  request: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = { clientAddress: "127.0.0.1" },
): Promise<Outcome> {
  let value: unknown;
  try {
    value = await (handler as Handler)({ request, params, context } as never);
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    const isJson = value.headers.get("Content-Type")?.includes("json");
    return {
      status: value.status,
      data: isJson ? await value.json() : await value.text(),
      headers: value.headers,
      location: value.headers.get("Location"),
    };
  }
  if (isDataWithInit(value)) {
    const d = value;
    return {
      status: d.init?.status ?? 200,
      data: d.data,
      headers: new Headers(d.init?.headers),
      location: null,
    };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value, headers: new Headers(), location: null };
}

export const validCase = {
  complaint: "My patch has no accounts left: the territory was carved up and the whitespace went to the new hires.",
  behaviour: "pipeline_generation",
  reporterRole: "ae",
  reporterFunction: "sales",
  segment: "mid_market",
  channel: "one_on_one",
  region: "EMEA",
  tenureMonths: "18",
  reporterName: "Ingrid Halvorsen-Paz",
  confidential: "on",
  suspectedCause: "territory_imbalance",
  severity: "high",
};

/** The form's Conform result in an action's reply (app/utils/reply.ts), for asserting on its errors. */
export type FormResult = { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
export function formResult(outcome: Outcome): FormResult {
  const data = outcome.data as { result?: FormResult } | FormResult;
  return "result" in data && data.result ? data.result : (data as FormResult);
}

/** A case made by the real command; the test fails if the command refuses it. */
export async function newCase(input: CaseFormData, actorId: string) {
  const made = await createCase({ input, actorId });
  if (!made.ok) throw new Error(`The case was refused: ${made.reason}`);
  return made;
}

export { db };

const PLANTED_CAUSES = ["territory_imbalance", "quota_setting", "data_systems", "plan_mechanics"];

/**
 * Many cases at once, in varied words (the benchmark's phrase banks, seeded), written in one
 * statement: for tests that need volume (themes on a worker, streamed exports), not details.
 */
export async function plantCases(n: number, createdById: string) {
  const r = rng(7);
  const behaviours = Object.keys(BEHAVIOUR_PHRASES);
  const rows = Array.from({ length: n }, (_, i) => {
    const suspectedCause = PLANTED_CAUSES[i % PLANTED_CAUSES.length];
    const behaviour = behaviours[i % behaviours.length];
    const complaint = complaintText(r, suspectedCause, behaviour);
    return {
      title: complaint.slice(0, 60),
      complaint,
      raisedOn: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
      channel: "email",
      reporterRole: "ae",
      reporterFunction: "sales",
      segment: "enterprise",
      behaviour,
      suspectedCause,
      reporterName: `Rep ${i % 300}`,
      createdById,
    };
  });
  await db.case.createMany({ data: rows });
  dataChanged();
}

/**
 * How many turns of the event loop other work got while `work` ran: a step of someone else's,
 * one per turn (setImmediate), counted until `work` settles. Work that never yields gets 0.
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}
