import type { LoaderFunctionArgs } from "@remix-run/node";
import { similarCases } from "~/models/pattern-insights.server";
import { requirePermission } from "~/utils/auth.server";

// GET /cases/similar?text=… — the most alike existing cases, for the intake form. Comp team
// only: it returns case titles.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "case:write");
  const url = new URL(request.url);
  const text = (url.searchParams.get("text") ?? "").slice(0, 5_000);
  const exclude = Number(url.searchParams.get("exclude")) || undefined;
  return { similar: await similarCases(text, exclude) };
}
