// Shared by the server (app/utils/toast.server.ts) and the page frame that shows it.
/** A one-time confirmation shown after an action (issue 14): an id so it is shown once, and the words. */
export type Toast = { id: string; message: string };
