import { checkReadiness } from "~/utils/health.server";

// GET /readyz — send traffic here only when the database answers and every migration is
// applied (an orchestrator's readiness probe). No session: it says nothing about the data.
export function loader() {
  const result = checkReadiness();
  return Response.json(result.ready ? { status: "ready" } : { status: "not ready", reason: result.reason }, {
    status: result.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
