import type { LoaderFunctionArgs } from "@remix-run/node";
import { casesLike, similarCases } from "~/models/pattern-insights.server";
import { requirePermission } from "~/utils/auth.server";

// GET /cases/similar?text=… — the most alike existing cases, for the intake form. Comp team
// only: it returns case titles.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "case:write");
  const url = new URL(request.url);
  // Either an existing case (its page asks for cases like it) or typed text (intake).
  const caseId = Number(url.searchParams.get("case")) || undefined;
  if (caseId) return { similar: await casesLike(caseId) };
  return { similar: await similarCases((url.searchParams.get("text") ?? "").slice(0, 5_000)) };
}
