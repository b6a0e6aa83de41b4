import type { CloudResponse } from "./types.ts";

/** A compact JSON answer, the way the Azure services serialise theirs. */
export function toJsonResponse(status: number, body: unknown, operation: string, headers: Record<string, string> = {}): CloudResponse {
  return {
    status,
    operation,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store, no-cache", ...headers },
    body: JSON.stringify(body),
  };
}
