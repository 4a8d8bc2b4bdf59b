import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/auth/permissions";
import { parseCaseListQuery } from "~/domain/cases/list-query";
import { caseExportColumns } from "~/domain/data-io/csv-export";
import { exportIds, exportStream } from "~/models/case-export.server";
import { recordExport } from "~/models/access-log.server";
import { requirePermission } from "~/utils/auth.server";
import { acceptsGzip } from "~/utils/gzip-pieces";

// GET /cases/export?format=csv|json&<the list's filters> — the filtered list as a file, with
// only the columns the person may see (no reporter identity outside the comp team), streamed.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "case:read");
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "json" ? "json" : "csv";
  // Read on the export worker: a large export's ids held the loop (decision 044).
  const { ids, anyConfidential } = await exportIds(parseCaseListQuery(url.searchParams), user);
  const columns = caseExportColumns({ seesReporter: can(user.role, "case:see-reporter") });
  recordExport(user, ids, `${format}, ${ids.length} cases`, anyConfidential);
  const stamp = new Date().toISOString().slice(0, 10);
  // Compressed on the export worker where the client takes gzip (decision 044); the server's
  // compression leaves an answer that has its encoding alone. Not for a `.data` request: Remix
  // reads that answer itself.
  const gzip = context.responseAsIs === true && acceptsGzip(request.headers.get("accept-encoding"));
  // Streamed a page at a time (decision 020): the first byte leaves before the rows are read.
  return new Response(exportStream(ids, user, format, columns, { gzip }), {
    headers: {
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
      Vary: "Accept-Encoding",
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="upstream-cases-${stamp}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
