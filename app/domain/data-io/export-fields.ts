// The case columns an export reads, for one viewer: shared by the server's exportRows and the
// export worker (decision 034), so the worker can never read wider than the server would.
import { RECORD_FIELDS } from "../cases/case-record";

/** The importable fields plus the ids; the reporter's name only to scrub with, the confidential flag only for the comp team. */
export const exportSelect = (identity: boolean) => ({ id: true, externalId: true, ...RECORD_FIELDS, ownerId: false, duplicateOfId: false, reporterName: true, confidential: identity }) as const;

export const exportFieldNames = (identity: boolean): string[] =>
  Object.entries(exportSelect(identity))
    .filter(([, on]) => on)
    .map(([name]) => name);
