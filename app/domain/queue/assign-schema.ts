import { z } from "zod";
import { statusValues } from "../cases/taxonomy";

// Assigning one case (the triage page) or many (the list's bulk form, which works without JS).
export const assignSchema = z.object({
  ownerId: z.string().trim().max(64).optional().transform((v) => v || null),
});

const caseIds = z.preprocess(
  (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive().max(2_000_000_000)).min(1, "Tick at least one case").max(200, "At most 200 cases at a time"),
);

export const bulkSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("bulk-assign"), caseIds, ownerId: z.string().trim().max(64).optional().transform((v) => v || null) }),
  z.object({ intent: z.literal("bulk-status"), caseIds, status: z.enum(statusValues, { message: "Choose a status from the list" }) }),
]);
