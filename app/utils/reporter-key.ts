import { createHash } from "node:crypto";

// The reporter's opaque key, apart from pattern-case.server so the themes worker (which must
// not open Prisma) computes the same key as the server.

/** The same person (case, accents and spaces folded) gives the same key; "" when unknown. */
export function reporterKeyOf(reporterName: string): string {
  const folded = reporterName.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  return folded ? createHash("sha256").update(folded).digest("hex").slice(0, 16) : "";
}
