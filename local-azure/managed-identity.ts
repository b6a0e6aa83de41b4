/**
 * The managed identity endpoint of an App Service / Functions host, as `@azure/identity`'s
 * ManagedIdentityCredential (through MSAL) calls it when IDENTITY_ENDPOINT and IDENTITY_HEADER are
 * set: `GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=…[&client_id=…|&object_id=…|
 * &mi_res_id=…]` with header `X-IDENTITY-HEADER: {IDENTITY_HEADER}`, answered with
 * `{access_token, expires_on (epoch seconds, a string), resource, token_type, client_id}`.
 * It is plain HTTP on loopback like the real one; the proxy also forwards requests for it, because
 * the SDK sends them through HTTPS_PROXY unless NO_PROXY names the host. Facts: POLICY-FACTS.md.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Entra } from "./entra.ts";
import { toJsonResponse } from "./json-response.ts";
import { closeServer, listenOnLoopback } from "./listen.ts";
import type { RequestLog } from "./request-log.ts";
import type { CloudRequest, CloudResponse, ManagedIdentityConfig, WorldConfig } from "./types.ts";

export const IDENTITY_PATH = "/msi/token";
export const IDENTITY_API_VERSION = "2019-08-01";

export interface ManagedIdentityEndpoint {
  /** http://127.0.0.1:PORT/msi/token */
  url: string;
  /** The IDENTITY_HEADER secret. */
  header: string;
  /** host:port the proxy forwards plain-HTTP requests for. */
  authority: string;
  handle(req: CloudRequest): Promise<CloudResponse>;
  close(): Promise<void>;
}

export interface ManagedIdentityOptions {
  getWorld(): WorldConfig;
  entra: Pick<Entra, "issueTokenFor">;
  log: RequestLog;
  port?: number;
}

/** The App Service endpoint's error shape: statusCode, message, correlationId. */
function failIdentity(status: number, message: string): CloudResponse {
  return toJsonResponse(status, { statusCode: status, message, correlationId: randomUUID() }, "ManagedIdentityToken");
}

function selectIdentity(identities: ManagedIdentityConfig[], query: URLSearchParams): ManagedIdentityConfig | undefined {
  const clientId = query.get("client_id");
  const objectId = query.get("object_id") ?? query.get("principal_id");
  const resourceId = query.get("mi_res_id");
  if (clientId !== null) return identities.find((identity) => identity.clientId.toLowerCase() === clientId.toLowerCase());
  if (objectId !== null) return identities.find((identity) => identity.objectId.toLowerCase() === objectId.toLowerCase());
  if (resourceId !== null) return identities.find((identity) => identity.resourceId?.toLowerCase() === resourceId.toLowerCase());
  // No id: the system-assigned identity, which has no resource id of its own.
  return identities.find((identity) => identity.resourceId === undefined);
}

export function createIdentityHandler(
  options: Pick<ManagedIdentityOptions, "getWorld" | "entra">,
  header: string,
): (req: CloudRequest) => Promise<CloudResponse> {
  return async (req) => {
    if (req.method !== "GET" || req.url.pathname !== IDENTITY_PATH)
      return failIdentity(404, `The local identity endpoint serves GET ${IDENTITY_PATH} only.`);
    const sent = req.headers["x-identity-header"];
    if (sent !== header) return failIdentity(401, "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
    const query = req.url.searchParams;
    if (query.get("api-version") !== IDENTITY_API_VERSION) return failIdentity(400, `The api-version must be ${IDENTITY_API_VERSION}.`);
    const resource = query.get("resource");
    if (resource === null || resource === "") return failIdentity(400, "The resource query parameter is required.");
    const identity = selectIdentity(options.getWorld().managedIdentities ?? [], query);
    if (identity === undefined)
      return failIdentity(400, "No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.");
    const token = await options.entra.issueTokenFor(identity, resource);
    if (token === undefined) return failIdentity(400, `The resource ${resource} is not known to the local Entra.`);
    const expiresOn = Math.floor(Date.now() / 1000) + token.expiresIn;
    return toJsonResponse(
      200,
      { access_token: token.accessToken, expires_on: String(expiresOn), resource, token_type: "Bearer", client_id: identity.clientId },
      "ManagedIdentityToken",
    );
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Answers a plain-HTTP request (on the endpoint's own port, or forwarded by the proxy) and logs it. */
export async function serveHttp(
  handler: (req: CloudRequest) => Promise<CloudResponse>,
  log: RequestLog,
  req: IncomingMessage,
  res: ServerResponse,
  authority: string,
): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${authority}`);
  const response = await handler({ method: req.method ?? "GET", url, headers: req.headers, body: await readBody(req) });
  log.record({
    host: url.hostname,
    method: req.method ?? "GET",
    path: `${url.pathname}${url.search}`,
    status: response.status,
    operation: response.operation ?? "Unrecognized",
  });
  const body = typeof response.body === "string" ? Buffer.from(response.body) : (response.body ?? Buffer.alloc(0));
  res.writeHead(response.status, { ...response.headers, "content-length": body.length });
  res.end(body);
}

export async function startManagedIdentityEndpoint(options: ManagedIdentityOptions): Promise<ManagedIdentityEndpoint> {
  const header = randomBytes(16).toString("hex");
  const handle = createIdentityHandler(options, header);
  let authority = "127.0.0.1";
  const server: Server = createServer((req, res) => void serveHttp(handle, options.log, req, res, authority));
  const port = await listenOnLoopback(server, options.port);
  authority = `127.0.0.1:${port}`;
  return { url: `http://${authority}${IDENTITY_PATH}`, header, authority, handle, close: () => closeServer(server) };
}
