import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/auth/permissions";
import { briefToMarkdown } from "~/domain/briefs/markdown";
import type { Brief } from "~/domain/briefs/types";
import { executiveCopy, getBrief } from "~/models/brief.server";
import { recordAccess } from "~/models/access-log.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound, parseId } from "~/utils/http.server";

// GET /briefs/:id/markdown[?version=N] — the same content as the page, as a Markdown file.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "pattern:read");
  const id = parseId(params.id, "Brief");
  const brief = await getBrief(id, user);
  const canWrite = can(user.role, "case:write");
  if (!brief || (!canWrite && brief.publishedCount === 0)) throw notFound(`Brief #${id} does not exist.`);
  const asked = new URL(request.url).searchParams.get("version");
  const version = asked ? brief.versions.find((v) => v.number === Number(asked)) : canWrite ? null : brief.versions[0];
  if (asked && !version) throw notFound("That version of the brief does not exist.");
  recordAccess(user, "brief", id, { detail: `markdown, ${version ? `version ${version.number}` : "draft"}` });
  const stored = JSON.parse(version ? version.contentJson : brief.draftJson) as Brief;
  // Executives get the copy derived for them (see the brief page), never the stored snapshot.
  const content = user.role === "executive" ? await executiveCopy(stored, { patternId: brief.pattern?.id ?? null, caseId: brief.case?.id ?? null }) : stored;
  const markdown = briefToMarkdown(content, { version: version?.number ?? null, publishedAt: version?.publishedAt ?? null });
  const slug = content.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "brief";
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}${version ? `-v${version.number}` : "-draft"}.md"`,
      "Cache-Control": "private, no-store",
    },
  });
}
