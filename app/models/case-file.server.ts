// Everything the case file page shows about one case, read for one viewer. Each part goes
// through its own model, which applies the privacy layer (decision 008) for that viewer.
import { can } from "~/domain/auth/permissions";
import { allowedNextStatuses } from "~/domain/cases/status";
import type { CaseStatus } from "~/domain/cases/taxonomy";
import type { CurrentUser } from "~/utils/auth.server";
import { getCase, getCaseHistory } from "./case-queries.server";
import { listNotes } from "./note.server";
import { similarCases } from "./pattern-insights.server";
import { recurrencesForCase } from "./pattern.server";
import { slaViews } from "./queue.server";
import { causeCheckForCase } from "./theme.server";
import { listStepSummaries } from "./whys.server";

/** The case file for `user`, or null when there is no such case. */
export async function caseFileFor(id: number, user: CurrentUser, { alike }: { alike: boolean }) {
  const caseFile = await getCase(id, user);
  if (!caseFile) return null;
  const canEdit = can(user.role, "case:write");
  const [history, notes, steps, recurrences, similar, causeCheck] = await Promise.all([
    getCaseHistory(id, user),
    listNotes(id, user),
    listStepSummaries(id, user),
    recurrencesForCase(id, user),
    // Alike cases cost a similarity pass: computed here only when asked for without
    // JavaScript (?alike=1); otherwise the panel fetches them after the page shows.
    canEdit && alike ? similarCases(`${caseFile.title} ${caseFile.complaint}`, id) : null,
    canEdit ? causeCheckForCase(id) : null,
  ]);
  // Ageing against the SLA, for the comp team (issue 16).
  const sla = canEdit ? ((await slaViews([{ ...caseFile, createdAt: new Date(caseFile.createdAt) }])).get(id) ?? null) : null;
  return {
    caseFile,
    recurrences,
    similar,
    causeCheck,
    history,
    notes,
    steps,
    viewerId: user.id,
    canEdit,
    nextStatuses: allowedNextStatuses(caseFile.status as CaseStatus),
    sla,
  };
}
