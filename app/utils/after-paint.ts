// The markers the server puts on the page's scripts so that they wait for its first paint
// (decision 029): app/utils/scripts-after-paint.server.ts writes them, the starter script in
// app/components/start-scripts-after-paint.tsx reads them.

/** A `<link rel="modulepreload">` made inert: `<link data-after-paint="modulepreload" href=…>`. */
export const INERT_PRELOAD = "data-after-paint";
/** Remix's inline module script made inert: a data block of this type, run after the paint. */
export const INERT_MODULE_TYPE = "text/x-module-after-paint";
