import type { SlaView } from "~/domain/queue/sla";
import { PlainBadge } from "~/components/plain-badge";

const COLORS = { ok: "teal", at_risk: "yellow", breached: "red", met: "gray" } as const;
const WORDS = { ok: "on time", at_risk: "at risk", breached: "breached", met: "SLA met" } as const;

/** "4 business days · first response breached": the age and where the running clock stands. */
export function SlaBadge({ sla }: { sla: SlaView }) {
  const clock = sla.clock === "first_response" ? "first response " : sla.clock === "diagnosis" ? "diagnosis " : "";
  const age = `${sla.ageDays} business day${sla.ageDays === 1 ? "" : "s"}`;
  return (
    <PlainBadge variant="light" color={COLORS[sla.state]} dark data-sla={sla.state} title={sla.targetDays ? `Target: ${sla.targetDays} business days` : undefined}>
      {age} · {sla.state === "met" ? WORDS.met : `${clock}${WORDS[sla.state]}`}
    </PlainBadge>
  );
}
