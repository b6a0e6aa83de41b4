/**
 * Helpers shared by the local Azure's own tests: a raw token request through the proxy (to see
 * exact statuses and bodies) and a GitHub OIDC token fetched the way a runner step fetches it.
 */
import { fetchThroughProxy, type ProxyFetchResponse } from "./proxy-fetch.ts";
import type { CloudInfo } from "./types.ts";

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

export interface TokenRequest {
  tenantId?: string;
  clientId?: string;
  scope?: string;
  assertion?: string;
  clientSecret?: string;
  host?: string;
  extra?: Record<string, string>;
}

export function requestEntraToken(info: CloudInfo, request: TokenRequest): Promise<ProxyFetchResponse> {
  const form = new URLSearchParams({
    client_id: request.clientId ?? info.clientId,
    scope: request.scope ?? "https://vault.azure.net/.default",
    grant_type: "client_credentials",
    ...request.extra,
  });
  if (request.assertion !== undefined) {
    form.set("client_assertion", request.assertion);
    form.set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  }
  if (request.clientSecret !== undefined) form.set("client_secret", request.clientSecret);
  return fetchThroughProxy(
    info,
    `https://${request.host ?? "login.microsoftonline.com"}/${request.tenantId ?? info.tenantId}/oauth2/v2.0/token`,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded;charset=utf-8" },
      body: form.toString(),
    },
  );
}

/** What `core.getIDToken(audience)` does: GET the request URL with the runner's bearer. */
export async function fetchGitHubIdToken(info: CloudInfo, audience = "api://AzureADTokenExchange"): Promise<string> {
  const response = await fetchThroughProxy(info, `${info.oidcRequestUrl}&audience=${encodeURIComponent(audience)}`, {
    headers: { authorization: `Bearer ${info.oidcRequestToken}`, accept: "application/json" },
  });
  if (response.status !== 200) throw new Error(`Failed to fetch a GitHub OIDC token: ${response.status} ${response.text}`);
  return response.json<{ value: string }>().value;
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const payload = token.split(".")[1];
  if (payload === undefined) throw new Error("Failed to decode a JWT: it has no payload segment");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}
