import { z } from "zod";
import { ANSWER_MAX, EVIDENCE_MAX } from "./whys-schema";

/** A sales leader's answer to a step put to them ("Questions for you"). */
export const leaderAnswerSchema = z.object({
  stepId: z.coerce.number({ message: "That question does not exist" }).int().positive("That question does not exist"),
  answer: z
    .string({ message: "Write your answer" })
    .trim()
    .min(1, "Write your answer")
    .max(ANSWER_MAX, `Keep the answer under ${ANSWER_MAX.toLocaleString("en-US")} characters`),
  evidence: z
    .string()
    .trim()
    .max(EVIDENCE_MAX, `Keep the evidence under ${EVIDENCE_MAX.toLocaleString("en-US")} characters`)
    .optional()
    .transform((v) => v ?? ""),
});
