import { json } from "@remix-run/node";
import { integrationForToken, type Integration } from "~/models/integration-token.server";
import { apiRetryAfter, badTokenRetryAfter, recordBadToken } from "./rate-limit.server";

// The intake API's door: a bearer token (no cookie, so the cross-site guard in server.mjs,
// which looks at Origin and Sec-Fetch-Site, lets server-to-server calls through), then the
// token's rate limit. Every answer is JSON.

export const apiError = (status: number, error: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) =>
  json({ error, ...extra }, { status, headers });

export async function requireIntegration(request: Request, clientAddress: string): Promise<Integration> {
  const waitBad = await badTokenRetryAfter(clientAddress);
  if (waitBad) throw apiError(429, "Too many requests with a wrong token from this address.", {}, { "Retry-After": String(waitBad) });
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const integration = match ? await integrationForToken(match[1]) : null;
  if (!integration) {
    await recordBadToken(clientAddress);
    throw apiError(401, match ? "That token is not valid (unknown or revoked)." : 'Send "Authorization: Bearer <token>".', {}, { "WWW-Authenticate": 'Bearer realm="upstream"' });
  }
  const wait = await apiRetryAfter(integration.id);
  if (wait) throw apiError(429, "Too many requests: slow down.", { retryAfterSeconds: wait }, { "Retry-After": String(wait) });
  return integration;
}

/** A JSON body up to `maxBytes`, or a 4xx answer. */
export async function readJson(request: Request, maxBytes = 200_000): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get("Content-Type") ?? "")) {
    throw apiError(415, 'Send the case as JSON with "Content-Type: application/json".');
  }
  const text = await request.text();
  if (text.length > maxBytes) throw apiError(413, "That body is too large for one case.");
  try {
    return JSON.parse(text);
  } catch {
    throw apiError(400, "The body is not valid JSON.");
  }
}
