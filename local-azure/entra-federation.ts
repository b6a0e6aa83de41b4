/**
 * How the local Entra matches a federated assertion against an app's credentials, and the error
 * answers it gives, with the real AADSTS codes, OAuth error classes and statuses.
 */
import { randomUUID } from "node:crypto";
import { toJsonResponse } from "./json-response.ts";
import type { JwtClaims } from "./jwt.ts";
import type { AppConfig, CloudResponse, FederatedCredentialConfig } from "./types.ts";

const FIC_DOCS = "https://learn.microsoft.com/entra/workload-id/workload-identity-federation";

export interface EntraFailure {
  status: 400 | 401;
  error: string;
  code: number;
  description: string;
}

function formatEntraTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")}Z`;
}

export function formatAssertionTime(epochSeconds: number | undefined): string {
  return epochSeconds === undefined ? "(none)" : new Date(epochSeconds * 1000).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}

export function toErrorResponse(failure: EntraFailure, host: string, correlationId: string): CloudResponse {
  const traceId = randomUUID();
  const timestamp = formatEntraTimestamp(new Date());
  return toJsonResponse(
    failure.status,
    {
      error: failure.error,
      error_description: `AADSTS${failure.code}: ${failure.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [failure.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://${host}/error?code=${failure.code}`,
    },
    "EntraToken",
    { "client-request-id": correlationId, "x-ms-request-id": traceId, pragma: "no-cache" },
  );
}

export function fail(status: 400 | 401, error: string, code: number, description: string): EntraFailure {
  return { status, error, code, description };
}

function readAudiences(claims: JwtClaims): string[] {
  const aud = claims.aud;
  if (typeof aud === "string") return [aud];
  if (Array.isArray(aud)) return aud.filter((value): value is string => typeof value === "string");
  return [];
}

function isPropagating(fic: FederatedCredentialConfig, nowMs: number): boolean {
  if (fic.propagationMs === undefined || fic.propagationMs <= 0 || fic.createdAt === undefined) return false;
  const created = Date.parse(fic.createdAt);
  return Number.isFinite(created) && nowMs < created + fic.propagationMs;
}

/**
 * Matches a verified GitHub assertion against the app's federated credentials in the order Entra
 * reports problems: issuer, then audience, then subject (exact, case-sensitive).
 */
export function matchFederatedCredential(app: AppConfig, claims: JwtClaims, nowMs: number): EntraFailure | undefined {
  const issuer = typeof claims.iss === "string" ? claims.iss : "";
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const audiences = readAudiences(claims);
  const byIssuer = app.federatedCredentials.filter((fic) => fic.issuer === issuer);
  if (byIssuer.length === 0) {
    return fail(
      401,
      "invalid_client",
      700211,
      `No matching federated identity record found for presented assertion issuer '${issuer}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`,
    );
  }
  const byAudience = byIssuer.filter((fic) => fic.audiences.some((aud) => audiences.includes(aud)));
  if (byAudience.length === 0) {
    return fail(
      401,
      "invalid_client",
      700212,
      `No matching federated identity record found for presented assertion audience '${audiences.join(",")}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`,
    );
  }
  const exact = byAudience.filter((fic) => fic.subject === subject);
  if (exact.some((fic) => !isPropagating(fic, nowMs))) return undefined;
  if (exact.length > 0) {
    // Right after a credential is created Entra does not know it yet; callers are told to retry.
    return fail(
      400,
      "invalid_request",
      70021,
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${issuer}'. Assertion Subject: '${subject}'. Assertion Audience: '${audiences.join(",")}'. ${FIC_DOCS}`,
    );
  }
  const caseOnly = byAudience.find((fic) => fic.subject.toLowerCase() === subject.toLowerCase());
  if (caseOnly !== undefined) {
    return fail(
      401,
      "invalid_client",
      7002138,
      `The presented assertion subject '${subject}' matches the federated identity credential '${caseOnly.name}' subject '${caseOnly.subject}' with case-insensitive comparison, but not with case-sensitive comparison. Federated identity credential matching is case-sensitive. ${FIC_DOCS}`,
    );
  }
  return fail(
    401,
    "invalid_client",
    700213,
    `No matching federated identity record found for presented assertion subject '${subject}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`,
  );
}
