/**
 * The GitHub side of workload identity federation: is an OIDC token available in this job, how
 * to get one (with retries the toolkit's getIDToken lacks), and which of its claims are safe to
 * show (why there is none: missing-oidc.ts). The token itself is a credential: it is handed to a `mask` function the moment
 * it is read and never appears in a message.
 */
import { SyncError } from "../errors.ts";
import type { Env } from "../env.ts";
import { readProperty } from "../json.ts";
import { sleepFor } from "../limiter.ts";
import { REQUEST_TOKEN, REQUEST_URL, explainMissingOidc } from "./missing-oidc.ts";

export interface HttpResponse {
  status: number;
  body: string;
}

/** One GET with a per-request timeout; rejects on network errors and timeouts, resolves on any status. */
export type HttpGet = (url: string, headers: Readonly<Record<string, string>>, timeoutMs: number) => Promise<HttpResponse>;

export interface FetchIdTokenOptions {
  httpGet?: HttpGet;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  timeoutMs?: number;
  /** Registers a string with the log masker (core.setSecret); called before anything else sees it. */
  mask?: (secret: string) => void;
}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 10_000;
const FIRST_BACKOFF_MS = 1_000;

/**
 * GitHub's OIDC token for `audience`. Network errors and 5xx answers are retried with backoff;
 * 4xx answers are not, since asking again with the same request token cannot change them.
 */
export async function fetchGitHubIdToken(audience: string, env: Env, options: FetchIdTokenOptions = {}): Promise<string> {
  const requestUrl = env[REQUEST_URL];
  const requestToken = env[REQUEST_TOKEN];
  if (!requestUrl || !requestToken) {
    const { message, hint } = explainMissingOidc(env);
    throw new SyncError(message, hint);
  }
  const mask = options.mask ?? (() => {});
  mask(requestToken);
  const httpGet = options.httpGet ?? getWithToolkitClient;
  const sleep = options.sleep ?? sleepFor;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_ATTEMPTS);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // The runner's URL already carries `?api-version=…`; append rather than rebuild it.
  const url = `${requestUrl}${requestUrl.includes("?") ? "&" : "?"}audience=${encodeURIComponent(audience)}`;
  const headers = { Authorization: `Bearer ${requestToken}`, Accept: "application/json" };

  let lastProblem = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await sleep(FIRST_BACKOFF_MS * 2 ** (attempt - 2));
    let response: HttpResponse;
    try {
      response = await httpGet(url, headers, timeoutMs);
    } catch (error) {
      lastProblem = describeNetworkError(error);
      continue;
    }
    if (response.status >= 500) {
      lastProblem = `the token service answered HTTP ${response.status}`;
      continue;
    }
    if (response.status !== 200) {
      throw new SyncError(
        `Failed to get a GitHub OIDC token: the token service answered HTTP ${response.status}${describeErrorBody(response.body)}`,
        response.status === 401 || response.status === 403
          ? "The job's token request was refused. Check `permissions: id-token: write` on the workflow or job."
          : "Re-run the job; if it persists, check https://www.githubstatus.com.",
      );
    }
    const token = readTokenValue(response.body);
    if (token === undefined) {
      throw new SyncError(
        "Failed to get a GitHub OIDC token: the token service's answer holds no token",
        "Re-run the job; if it persists, check https://www.githubstatus.com.",
      );
    }
    mask(token);
    return token;
  }
  throw new SyncError(
    `Failed to get a GitHub OIDC token after ${maxAttempts} attempts: ${lastProblem}`,
    "Check that the runner can reach the token service (and its proxy settings: HTTPS_PROXY, NO_PROXY), then re-run the job.",
  );
}

function readTokenValue(body: string): string | undefined {
  try {
    const value = readProperty(JSON.parse(body), "value");
    return typeof value === "string" && value !== "" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The service's own error message, if it sent one; JWT-shaped text is removed first. */
function describeErrorBody(body: string): string {
  let message: unknown;
  try {
    message = readProperty(JSON.parse(body), "message");
  } catch {
    return "";
  }
  if (typeof message !== "string" || message === "") return "";
  return ` (${redactJwts(message).slice(0, 200)})`;
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = readProperty(error, "code");
    return typeof code === "string" && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** Replaces anything shaped like a JWT, so error text from a service can be shown safely. */
export function redactJwts(text: string): string {
  return text.replace(JWT_PATTERN, "[token]");
}

/**
 * The default transport: @actions/http-client, the toolkit's own client. Unlike Node's global
 * fetch it honours https_proxy / no_proxy, which self-hosted runners behind a proxy rely on.
 * It loads when a token is first asked for: an offline run never needs it (nor its undici).
 */
const getWithToolkitClient: HttpGet = async (url, headers, timeoutMs) => {
  const { HttpClient } = await import("@actions/http-client");
  const client = new HttpClient("keyvault-sync", undefined, { socketTimeout: timeoutMs, allowRetries: false, keepAlive: false });
  try {
    const response = await client.get(url, { ...headers });
    const body = await response.readBody();
    return { status: response.message.statusCode ?? 0, body };
  } finally {
    client.dispose();
  }
};

// ---- Claims ----

/** The claims worth showing when sign-in fails; none of them is secret. */
export interface TokenClaims {
  iss?: string;
  sub?: string;
  aud?: string;
  environment?: string;
  job_workflow_ref?: string;
  ref?: string;
  repository?: string;
  repository_id?: string;
  repository_owner?: string;
  repository_owner_id?: string;
  event_name?: string;
  exp?: number;
  iat?: number;
}

const STRING_CLAIMS = [
  "iss",
  "sub",
  "environment",
  "job_workflow_ref",
  "ref",
  "repository",
  "repository_id",
  "repository_owner",
  "repository_owner_id",
  "event_name",
] as const;

/** Decodes (does not verify) a JWT's payload and keeps only the non-secret claims. */
export function readTokenClaims(jwt: string): TokenClaims {
  const payload = jwt.split(".")[1];
  let decoded: unknown;
  try {
    decoded = payload === undefined ? undefined : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) {
    throw new SyncError(
      "Failed to read the GitHub OIDC token: it is not a JWT",
      "Re-run the job; if it persists, check https://www.githubstatus.com.",
    );
  }
  const source = decoded as Record<string, unknown>;
  const claims: TokenClaims = {};
  for (const name of STRING_CLAIMS) {
    const value = source[name];
    // GitHub sends IDs as strings; accept numbers too so a template change cannot drop them.
    if (typeof value === "string" || typeof value === "number") claims[name] = String(value);
  }
  const aud = source["aud"];
  if (typeof aud === "string") claims.aud = aud;
  else if (Array.isArray(aud)) claims.aud = aud.filter((item) => typeof item === "string").join(", ");
  if (typeof source["exp"] === "number") claims.exp = source["exp"];
  if (typeof source["iat"] === "number") claims.iat = source["iat"];
  return claims;
}
