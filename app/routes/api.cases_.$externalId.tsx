import type { LoaderFunctionArgs } from "@remix-run/node";
import { externalIdSchema } from "~/domain/intake/api-schema";
import { caseStatusByExternalId } from "~/models/case-intake.server";
import { apiError, requireIntegration } from "~/utils/api.server";

// GET /api/cases/:externalId: where a case sent by another system stands (status and triage),
// never its content.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const integration = await requireIntegration(request, String(context.clientAddress ?? "unknown"));
  const id = externalIdSchema.safeParse(params.externalId ?? "");
  if (!id.success) return apiError(404, "No case has that externalId.");
  const row = await caseStatusByExternalId(integration, id.data);
  if (!row) return apiError(404, "No case has that externalId.");
  return Response.json({
    externalId: row.externalId,
    id: row.id,
    status: row.status,
    triageClass: row.triageClass || null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}
