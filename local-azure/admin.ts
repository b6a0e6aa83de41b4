/**
 * The admin API (plain HTTP on 127.0.0.1): lets tests and the demo read and change the world
 * while the cloud runs. Everything under /vaults belongs to the Key Vault service.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenOnLoopback } from "./listen.ts";
import type { KeyVaultService } from "./key-vault/index.ts";
import type { GitHubOidc, MintGitHubTokenOptions } from "./github-oidc.ts";
import type { RequestLog } from "./request-log.ts";
import type { MintFederatedTokenOptions } from "./workload-issuers.ts";
import type { AppConfig, CloudInfo, CloudResponse, GitHubOidcConfig, WorldConfig } from "./types.ts";
import { createAppTemplate, mergeApp, mergeDeep, stampFederatedCredentials, type DeepPartial } from "./world.ts";

export interface AdminOptions {
  port?: number;
  getInfo(): CloudInfo;
  world: WorldConfig;
  github: GitHubOidc;
  keyVault: KeyVaultService;
  log: RequestLog;
  mintFederatedToken?(options: MintFederatedTokenOptions): Promise<string>;
}

export interface AdminServer {
  port: number;
  close(): Promise<void>;
}

class AdminError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function toJsonAnswer(status: number, body: unknown): CloudResponse {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) };
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new AdminError(400, "The request body is not JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new AdminError(400, "The request body must be a JSON object.");
  return parsed as Record<string, unknown>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function readMintOptions(body: Record<string, unknown>): MintGitHubTokenOptions {
  const options: MintGitHubTokenOptions = {};
  const text = (key: string): string | undefined => {
    const value = body[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw new AdminError(400, `'${key}' must be a string.`);
    return value;
  };
  const number = (key: string): number | undefined => {
    const value = body[key];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) throw new AdminError(400, `'${key}' must be a number.`);
    return value;
  };
  options.subject = text("subject");
  options.audience = text("audience");
  options.issuer = text("issuer");
  options.lifetimeSeconds = number("lifetimeSeconds");
  options.issuedAt = number("issuedAt");
  const signature = text("signature");
  if (signature !== undefined && signature !== "valid" && signature !== "invalid")
    throw new AdminError(400, '\'signature\' must be "valid" or "invalid".');
  options.signature = signature;
  if (body.claims !== undefined) {
    if (typeof body.claims !== "object" || body.claims === null || Array.isArray(body.claims))
      throw new AdminError(400, "'claims' must be an object.");
    options.claims = body.claims as Record<string, string | number | boolean>;
  }
  return options;
}

export async function startAdminServer(options: AdminOptions): Promise<AdminServer> {
  const { world } = options;

  async function route(method: string, url: URL, body: Buffer, headers: IncomingMessage["headers"]): Promise<CloudResponse> {
    const path = url.pathname.replace(/\/+$/, "") || "/";
    if (path === "/vaults" || path.startsWith("/vaults/")) {
      return options.keyVault.handleAdmin({ method, url, headers, body });
    }
    if (method === "GET" && path === "/info") return toJsonAnswer(200, options.getInfo());
    if (method === "GET" && path === "/world") return toJsonAnswer(200, world);
    if (method === "GET" && path === "/apps") return toJsonAnswer(200, { apps: world.apps });
    const appMatch = /^\/apps\/([^/]+)$/.exec(path);
    if (appMatch?.[1] !== undefined) {
      const clientId = decodeURIComponent(appMatch[1]);
      const index = world.apps.findIndex((app) => app.clientId.toLowerCase() === clientId.toLowerCase());
      if (method === "GET")
        return index < 0 ? toJsonAnswer(404, { error: `No app with clientId ${clientId}.` }) : toJsonAnswer(200, world.apps[index]);
      if (method === "DELETE") {
        if (index < 0) return toJsonAnswer(404, { error: `No app with clientId ${clientId}.` });
        world.apps.splice(index, 1);
        return { status: 204 };
      }
      if (method === "PUT") {
        // PUT replaces the app; fields left out come from the template (or keep the object id).
        const patch = parseJsonObject(body) as DeepPartial<AppConfig>;
        const previous = index < 0 ? undefined : world.apps[index];
        const template = createAppTemplate(clientId);
        if (previous !== undefined) template.objectId = previous.objectId;
        const app = mergeApp(template, { ...patch, clientId });
        stampFederatedCredentials(app, new Date());
        if (index < 0) world.apps.push(app);
        else world.apps[index] = app;
        return toJsonAnswer(index < 0 ? 201 : 200, app);
      }
    }
    if (method === "PATCH" && path === "/github") {
      const patch = parseJsonObject(body) as DeepPartial<GitHubOidcConfig>;
      world.github = mergeDeep(world.github, patch);
      return toJsonAnswer(200, world.github);
    }
    if (method === "GET" && path === "/github") return toJsonAnswer(200, world.github);
    if (method === "POST" && path === "/github/token") {
      const value = await options.github.mintToken(readMintOptions(parseJsonObject(body)));
      return toJsonAnswer(200, { value });
    }
    if (method === "POST" && path === "/federated/token" && options.mintFederatedToken !== undefined) {
      const request = parseJsonObject(body);
      const { issuer, subject, audience, lifetimeSeconds } = request;
      if (typeof issuer !== "string" || typeof subject !== "string") throw new AdminError(400, "'issuer' and 'subject' must be strings.");
      if (audience !== undefined && typeof audience !== "string") throw new AdminError(400, "'audience' must be a string.");
      if (lifetimeSeconds !== undefined && typeof lifetimeSeconds !== "number")
        throw new AdminError(400, "'lifetimeSeconds' must be a number.");
      try {
        return toJsonAnswer(200, {
          value: await options.mintFederatedToken({
            issuer,
            subject,
            ...(audience === undefined ? {} : { audience }),
            ...(lifetimeSeconds === undefined ? {} : { lifetimeSeconds }),
          }),
        });
      } catch (error) {
        throw new AdminError(400, error instanceof Error ? error.message : String(error));
      }
    }
    if (path === "/requests") {
      if (method === "GET") return toJsonAnswer(200, options.log.view({ host: url.searchParams.get("host") ?? undefined }));
      if (method === "DELETE") {
        options.log.clear();
        return { status: 204 };
      }
    }
    return toJsonAnswer(404, { error: `The admin API has no route ${method} ${url.pathname}.` });
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let response: CloudResponse;
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      response = await route(req.method ?? "GET", url, await readBody(req), req.headers);
    } catch (error) {
      response =
        error instanceof AdminError
          ? toJsonAnswer(error.status, { error: error.message })
          : toJsonAnswer(500, { error: error instanceof Error ? error.message : String(error) });
    }
    const body = response.body === undefined ? undefined : typeof response.body === "string" ? Buffer.from(response.body) : response.body;
    res.writeHead(response.status, { ...response.headers, ...(body === undefined ? {} : { "content-length": body.length }) });
    res.end(body);
  }

  const server: Server = createServer((req, res) => void serve(req, res));
  // Longer than a client keeps an idle connection (fetch: 4 s), so the client always closes it
  // first: with Node's 5 s default, a busy test process could reuse a connection the server was
  // closing at that moment and see ECONNRESET.
  server.keepAliveTimeout = 65_000;
  return { port: await listenOnLoopback(server, options.port), close: () => closeServer(server) };
}
