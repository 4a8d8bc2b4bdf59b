import type { LoaderFunctionArgs } from "@remix-run/node";
import { similarCases } from "~/models/pattern-insights.server";
import { requirePermission } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

// GET /cases/similar?text=… — the most alike existing cases, for the intake form. Comp team
// only: it returns case titles.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "case:write");
  const url = new URL(request.url);
  // Either typed text (intake) or an existing case (its page asks for cases like it).
  const caseId = Number(url.searchParams.get("case")) || undefined;
  const subject = caseId ? await db.case.findUnique({ where: { id: caseId }, select: { title: true, complaint: true } }) : null;
  const text = subject ? `${subject.title} ${subject.complaint}` : (url.searchParams.get("text") ?? "").slice(0, 5_000);
  return { similar: await similarCases(text, caseId) };
}
