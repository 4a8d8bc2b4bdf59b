import type { ActionFunctionArgs } from "@remix-run/node";
import { parseApiCase } from "~/domain/intake/api-schema";
import { upsertApiCase } from "~/models/case-intake.server";
import { apiError, readJson, requireIntegration } from "~/utils/api.server";

// POST /api/cases: another system sends one case (README, "Intake API"). The same externalId
// again updates that case, never a copy.

export async function loader() {
  return apiError(405, "POST a case here; GET /api/cases/<externalId> for its status.", {}, { Allow: "POST" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return apiError(405, "Only POST.", {}, { Allow: "POST" });
  const integration = await requireIntegration(request, String(context.clientAddress ?? "unknown"));
  const parsed = parseApiCase(await readJson(request));
  if (!parsed.ok) return apiError(400, "The case has errors.", { fieldErrors: parsed.fieldErrors, formErrors: parsed.formErrors });
  const r = await upsertApiCase(parsed.value, parsed.sent, integration);
  if (!r.ok) return apiError(409, "Someone changed this case at the same moment: send it again.");
  return Response.json(
    { externalId: parsed.value.externalId, id: r.caseId, status: r.status, outcome: r.outcome },
    { status: r.outcome === "created" ? 201 : 200 },
  );
}
