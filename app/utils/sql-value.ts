// Prisma stores DateTime in SQLite as ISO text with "+00:00" and booleans as 0/1; values bound
// by hand (imports, workers, statements run off the server's thread) must read back through
// Prisma exactly like its own. No imports: worker bundles take this file as it is.
export const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
export const sqlValue = (v: unknown) => (v instanceof Date ? sqlDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null));
