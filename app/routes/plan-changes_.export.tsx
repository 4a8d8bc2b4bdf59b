import type { LoaderFunctionArgs } from "@remix-run/node";
import { planChangesToCsv, planChangesToMarkdown } from "~/domain/plan-changes/plan-change";
import { listPlanChanges } from "~/models/plan-change.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";

// GET /plan-changes/export?format=csv|md — the log as a file for a committee pack, as the
// person may read it (scrubbed, and executives' links limited, as on the page).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const md = new URL(request.url).searchParams.get("format") === "md";
  const rows = await listPlanChanges(user);
  const stamp = now().toISOString().slice(0, 10);
  return new Response(md ? planChangesToMarkdown(rows) : planChangesToCsv(rows), {
    headers: {
      "Content-Type": md ? "text/markdown; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="plan-changes-${stamp}.${md ? "md" : "csv"}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
