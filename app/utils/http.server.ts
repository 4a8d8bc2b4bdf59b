// Thrown answers (403, 404, 413) are plain Responses with a JSON body: the error boundary
// reads its message; data() is for what a route returns.

export function forbidden(message = "You do not have access to this page.") {
  return Response.json({ message }, { status: 403 });
}

export function notFound(message = "Not found.") {
  return Response.json({ message }, { status: 404 });
}

export const caseNotFound = (id: number) => notFound(`Case #${id} does not exist.`);

/** Route params that name a case: a positive whole number, or a 404 before any query. */
export function parseId(raw: string | undefined, what = "Case"): number {
  if (!raw || !/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw notFound(`${what} not found: "${(raw ?? "").slice(0, 40)}" is not a valid id.`);
  }
  return Number(raw);
}

/** Reads a form body but refuses bodies far larger than any form needs. */
export async function readForm(request: Request, maxBytes = 2_000_000): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > maxBytes) {
    throw Response.json({ message: "That submission is too large." }, { status: 413 });
  }
  return request.formData();
}
