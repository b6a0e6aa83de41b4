/**
 * The data-plane request pipeline, in the order the real service applies its checks:
 * vault (by host) → injected faults → challenge / token → firewall → throttling → api-version →
 * route (405/404) → name → RBAC or access policy → operation. The challenge comes before any
 * look at path, query or body: SDKs send their first request bodiless and must get a 401 back.
 */
import { randomUUID } from "node:crypto";
import type { CloudRequest, CloudResponse, VerifyAccessToken } from "../types.ts";
import { authorizeRequest, failFirewall, readEffectiveGrants, type VaultScope } from "./access.ts";
import { formatChallenge, parseVaultHost, toVaultResource } from "./clouds.ts";
import { decideFault, toServerErrorCode } from "./faults.ts";
import {
  fail,
  failBadParameter,
  failInvalidName,
  failMethodNotAllowed,
  failThrottled,
  LATEST_API_VERSION,
  MISSING_TOKEN_MESSAGE,
  type Outcome,
} from "./outcome.ts";
import { isSecretRoute, matchRoute, readRouteName } from "./routes.ts";
import { runKeyOperation } from "./key-operations.ts";
import { createVersionId, runOperation } from "./operations.ts";
import { SECRET_NAME_PATTERN } from "./secret-store.ts";
import { admitRequest } from "./throttle.ts";
import type { Vault } from "./vault.ts";

/** Stable versions, the previews of the current spec, and the older 7.x the Azure CLI may still send. */
export const SUPPORTED_API_VERSIONS: ReadonlySet<string> = new Set([
  "2016-10-01",
  "7.0",
  "7.1",
  "7.2",
  "7.3",
  "7.4",
  "7.5",
  "7.6-preview.2",
  "7.6",
  "2025-06-01-preview",
  "2025-07-01",
  "2026-01-01-preview",
  "2026-03-01-preview",
  "2026-04-01",
  "2026-05-01-preview",
  "2026-07-01-preview",
]);

const SERVICE_VERSION = "1.9.2761.1";

export interface DataPlaneContext {
  tenantId: string;
  subscriptionId: string;
  resourceGroup: string;
  defaultLocation: string;
  vaults: Map<string, Vault>;
  verifyAccessToken: VerifyAccessToken;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

function readHeader(req: CloudRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The caller's address as the server reports it; loopback when it does not. */
function readClientAddress(req: CloudRequest): string {
  return readHeader(req, "x-forwarded-for")?.split(",")[0]?.trim() || "127.0.0.1";
}

function createBaseHeaders(req: CloudRequest, region: string): Record<string, string> {
  const headers: Record<string, string> = {
    "Cache-Control": "no-cache",
    Pragma: "no-cache",
    Expires: "-1",
    "Strict-Transport-Security": "max-age=31536000;includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "x-ms-request-id": randomUUID(),
    "x-ms-keyvault-region": region,
    "x-ms-keyvault-service-version": SERVICE_VERSION,
    "x-ms-keyvault-network-info": `conn_type=Ipv4;addr=${readClientAddress(req)};act_addr_fam=InterNetwork;`,
  };
  const clientRequestId = readHeader(req, "x-ms-client-request-id");
  if (clientRequestId !== undefined) headers["x-ms-client-request-id"] = clientRequestId;
  return headers;
}

/** `headers` must be a fresh object: Content-Type is added to it. */
function toCloudResponse(outcome: Outcome, headers: Record<string, string>, operation: string | undefined): CloudResponse {
  const response: CloudResponse = { status: outcome.status, headers };
  if (operation !== undefined) response.operation = operation;
  if (outcome.body !== undefined) {
    response.body = JSON.stringify(outcome.body);
    headers["Content-Type"] = "application/json; charset=utf-8";
  }
  return response;
}

export async function handleDataPlaneRequest(context: DataPlaneContext, req: CloudRequest): Promise<CloudResponse> {
  const response = await answerDataPlaneRequest(context, req);
  // The vault has acted (stored, deleted, refused): only the answer is lost on the way back.
  if (response.dropAfter === true)
    return { status: response.status, destroy: true, ...(response.operation === undefined ? {} : { operation: response.operation }) };
  return response;
}

async function answerDataPlaneRequest(context: DataPlaneContext, req: CloudRequest): Promise<CloudResponse & { dropAfter?: boolean }> {
  const method = req.method.toUpperCase();
  const match = matchRoute(method, req.url.pathname);
  // Named even when the request is refused, so the request log shows attempted writes too.
  const operation = match.kind === "route" ? match.route.operation : undefined;

  const host = parseVaultHost(req.url.hostname);
  const vault = host === undefined ? undefined : context.vaults.get(host.vaultName);
  if (host === undefined || vault === undefined || vault.settings.cloud !== host.cloud) {
    // Real clients would fail DNS resolution; a JSON 404 tells the test what went wrong instead.
    const outcome = fail(404, "VaultNotFound", `No vault answers for host ${req.url.hostname} in the local Azure.`);
    return toCloudResponse(outcome, createBaseHeaders(req, context.defaultLocation), operation);
  }
  const { settings } = vault;
  const region = settings.location ?? context.defaultLocation;
  const headers = createBaseHeaders(req, region);
  const answer = (outcome: Outcome, extra: Record<string, string> = {}): CloudResponse & { dropAfter?: boolean } => {
    const response = toCloudResponse(outcome, { ...headers, ...extra }, operation);
    return fault.kind === "drop-after-write" ? { ...response, dropAfter: true } : response;
  };

  if (settings.faults.latencyMs > 0) await context.sleep(settings.faults.latencyMs);
  const fault = decideFault(settings.faults, vault.random, method);
  // The server drops the socket instead of answering, so this status never reaches the client.
  if (fault.kind === "drop") return { status: 503, destroy: true, ...(operation === undefined ? {} : { operation }) };
  if (fault.kind === "server-error") {
    return answer(
      fail(fault.status, toServerErrorCode(fault.status), "The service encountered an internal error. Please try again later."),
    );
  }

  const challenge = { "WWW-Authenticate": formatChallenge(settings.cloud, context.tenantId) };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(readHeader(req, "authorization") ?? "");
  if (bearer === null) return answer(fail(401, "Unauthorized", MISSING_TOKEN_MESSAGE), challenge);
  const check = context.verifyAccessToken(bearer[1] as string, toVaultResource(settings.cloud));
  if (!check.ok) return answer(fail(401, "Unauthorized", check.message), challenge);
  const { claims } = check;

  const nowMs = context.now();
  const scope: VaultScope = {
    vaultName: settings.name,
    location: region,
    subscriptionId: context.subscriptionId,
    resourceGroup: settings.resourceGroup ?? context.resourceGroup,
  };
  if (settings.firewall) return answer(failFirewall(claims, readClientAddress(req), scope));

  if (!admitRequest(vault.throttle, settings.throttle, operation === "SetSecret", nowMs)) {
    const { retryAfterSeconds } = settings.throttle;
    return answer(failThrottled(), typeof retryAfterSeconds === "number" ? { "Retry-After": String(retryAfterSeconds) } : {});
  }

  const apiVersion = req.url.searchParams.get("api-version");
  if (apiVersion === null) {
    return answer(
      failBadParameter(`The api-version query parameter is required. Consider using the latest supported version (${LATEST_API_VERSION}).`),
    );
  }
  if (!SUPPORTED_API_VERSIONS.has(apiVersion)) {
    return answer(
      failBadParameter(
        `The specified version (${apiVersion}) is not recognized. Consider using the latest supported version (${LATEST_API_VERSION}).`,
      ),
    );
  }

  if (match.kind === "method-not-allowed") return answer(failMethodNotAllowed(method));
  if (match.kind === "not-found")
    return answer(fail(404, "NotFound", `The requested path ${req.url.pathname} does not exist on a key vault.`));
  const { route } = match;
  const name = readRouteName(route);
  if (name !== undefined && !SECRET_NAME_PATTERN.test(name)) return answer(failInvalidName(name));

  const decision = authorizeRequest(settings.accessModel, readEffectiveGrants(vault.access, nowMs), claims, route.operation, scope, name);
  if (!decision.allowed) return answer(decision.outcome);
  if (decision.assignmentId !== undefined) headers["x-ms-keyvault-rbac-assignment-id"] = decision.assignmentId;

  const origin = `https://${req.url.host}`;
  if (!isSecretRoute(route)) {
    return answer(await runKeyOperation(route, { vault, bundle: { origin, settings }, nowMs, body: req.body, createVersionId }));
  }
  return answer(
    runOperation(route, {
      vault,
      bundle: { origin, settings },
      scope,
      tenantId: context.tenantId,
      nowMs,
      url: req.url,
      apiVersion,
      body: req.body,
    }),
  );
}
