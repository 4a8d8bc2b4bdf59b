// Primary suppression now lives in the disclosure-control module (disclosure.ts), which also
// does secondary suppression, linked tables and date ranges. Re-exported for older imports.
export { EXEC_MIN_CELL, showCount, type ShownCount } from "./disclosure";
