import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS_EXPORT_COLUMNS, parseAccessFilters } from "~/domain/access/access-log";
import { toCsv } from "~/domain/data-io/csv-export";
import { exportAccess } from "~/models/access-log.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";

// GET /admin/access/export?<the log's filters> — the matching entries as CSV, admins only.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const entries = await exportAccess(parseAccessFilters(new URL(request.url).searchParams));
  const rows = entries.map((e) => ({ ...e, at: e.at.toISOString(), confidential: e.confidential ? "yes" : "no" }));
  return new Response(toCsv(rows, ACCESS_EXPORT_COLUMNS, { bom: true }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="upstream-access-log-${now().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
