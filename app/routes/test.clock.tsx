import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { clockIsMovable, DAY_MS, moveClock, now } from "~/utils/clock.server";
import { forbidden, notFound, readForm } from "~/utils/http.server";
import { requireUser } from "~/utils/auth.server";

// POST /test/clock days=90 — moves the server's clock for end-to-end tests of due dates and
// checks. Absent (404) unless the server was started with MOVABLE_CLOCK=1; admins only.
const MoveClock = z.object({ days: z.coerce.number().int().min(-3650).max(3650) });

export const loader = () => {
  throw notFound();
};

export async function action({ request }: ActionFunctionArgs) {
  if (!clockIsMovable()) throw notFound();
  const user = await requireUser(request);
  if (user.role !== "admin") throw forbidden();
  const parsed = MoveClock.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return Response.json({ error: "days must be a whole number" }, { status: 400 });
  moveClock(parsed.data.days * DAY_MS);
  return Response.json({ now: now().toISOString() });
}
