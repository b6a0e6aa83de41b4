/**
 * The GitHub side of workload identity federation: is an OIDC token available in this job, why
 * not, how to get one (with retries the toolkit's getIDToken lacks), and which of its claims are
 * safe to show. The token itself is a credential: it is handed to a `mask` function the moment
 * it is read and never appears in a message.
 */
import { readFileSync } from "node:fs";
import { HttpClient } from "@actions/http-client";
import { SyncError } from "../errors.ts";

export type Env = Readonly<Record<string, string | undefined>>;

const REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
const REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

/** True when the runner gave this job what it needs to ask GitHub for an OIDC token. */
export function hasOidcRequest(env: Env): boolean {
  return Boolean(env[REQUEST_URL]) && Boolean(env[REQUEST_TOKEN]);
}

export type MissingOidcReason = "outside-github-actions" | "dependabot" | "fork-pull-request" | "missing-permission";

export interface MissingOidcExplanation {
  reason: MissingOidcReason;
  /**
   * True when GitHub withholds the token by its own rule (fork pull requests, Dependabot), so no
   * workflow change can provide one: only then may a dry run validate offline.
   */
  withheldByGitHub: boolean;
  message: string;
  hint: string;
}

/** Reads and parses the webhook payload at GITHUB_EVENT_PATH; undefined when it cannot. */
export type ReadEventPayload = (path: string) => unknown;

// Events whose runs GitHub starts with the fork's reduced permissions when the head is a fork.
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);
// Events GitHub treats as coming from a fork when Dependabot triggers them (its "Restrictions when
// Dependabot triggers events"); pull_request_target only for a pull request Dependabot opened.
const DEPENDABOT_EVENTS = new Set([...PULL_REQUEST_EVENTS, "push", "create", "deployment", "deployment_status"]);
const DEPENDABOT = "dependabot[bot]";

/**
 * Why the job has no OIDC token request variables. Each cause has its own fix, so telling a fork
 * pull request from a missing `permissions:` entry matters: the second is fixable, the first is not.
 */
export function explainMissingOidc(env: Env, readEventPayload: ReadEventPayload = readJsonFile): MissingOidcExplanation {
  if (env["GITHUB_ACTIONS"] !== "true") {
    return {
      reason: "outside-github-actions",
      withheldByGitHub: false,
      message: "No GitHub OIDC token: this is not running in a GitHub Actions job.",
      hint: "Outside GitHub Actions, sign in with `auth: azure-cli` (after `az login`) or `auth: managed-identity`.",
    };
  }
  let payload: unknown;
  const readPayload = (): unknown => {
    const path = env["GITHUB_EVENT_PATH"];
    payload ??= path ? readEventPayload(path) : undefined;
    return payload;
  };
  const event = env["GITHUB_EVENT_NAME"] ?? "";
  if (isDependabotRun(env, event, readPayload)) {
    return {
      reason: "dependabot",
      withheldByGitHub: true,
      message: "No GitHub OIDC token: GitHub treats runs triggered by Dependabot like fork pull requests and gives them no OIDC token by default.",
      hint:
        "Let Dependabot pull requests run as dry runs (`dry-run: auto` does this), " +
        "or skip this step with `if: github.actor != 'dependabot[bot]'`.",
    };
  }
  const fork = PULL_REQUEST_EVENTS.has(event) ? findForkHead(readPayload()) : undefined;
  if (fork !== undefined) {
    return {
      reason: "fork-pull-request",
      withheldByGitHub: true,
      message:
        `No GitHub OIDC token: this is a pull request from the fork ${fork}, ` +
        "and GitHub never grants `id-token: write` to pull requests from forks.",
      hint:
        "Fork pull requests can only run as offline dry runs (`dry-run: auto` does this). " +
        "Sync from a workflow that runs in the base repository, e.g. on push after the merge.",
    };
  }
  return {
    reason: "missing-permission",
    withheldByGitHub: false,
    message: `No GitHub OIDC token: ${REQUEST_URL} and ${REQUEST_TOKEN} are not set for this job.`,
    hint:
      "Add `permissions: { id-token: write, contents: read }` to the workflow or to this job. " +
      "A reusable workflow gets the permission only if its caller grants it as well. " +
      "A dry run needs the token too: its plan is only worth something once it has read the vault.",
  };
}

/** GitHub's rule: the run's actor is Dependabot, on an event it restricts for Dependabot. */
function isDependabotRun(env: Env, event: string, readPayload: () => unknown): boolean {
  const actor = env["GITHUB_ACTOR"] ?? readProperty(readProperty(readPayload(), "sender"), "login");
  if (actor !== DEPENDABOT) return false;
  if (DEPENDABOT_EVENTS.has(event)) return true;
  return event === "pull_request_target" && readProperty(readProperty(readProperty(readPayload(), "pull_request"), "user"), "login") === DEPENDABOT;
}

/**
 * The fork's full name when the payload describes a pull request whose head is another
 * repository. `head.repo.fork` alone is not enough: a pull request between two branches of a
 * repository that is itself a fork has it set, and gets a token. So the repositories are
 * compared, by ID, else by name, and the flag decides only when neither is known.
 */
function findForkHead(payload: unknown): string | undefined {
  const pullRequest = readProperty(payload, "pull_request");
  if (pullRequest === undefined) return undefined;
  const headRepo = readProperty(readProperty(pullRequest, "head"), "repo");
  const baseRepo = readProperty(readProperty(pullRequest, "base"), "repo");
  // A deleted fork leaves `head.repo` null; it was still a fork.
  if (headRepo === null) return "(deleted)";
  const headName = readProperty(headRepo, "full_name");
  const isFork =
    compareKnown(readProperty(headRepo, "id"), readProperty(baseRepo, "id"), "number") ??
    compareKnown(headName, readProperty(baseRepo, "full_name"), "string") ??
    readProperty(headRepo, "fork") === true;
  if (!isFork) return undefined;
  return typeof headName === "string" ? headName : "(unknown)";
}

/** True when both are of the type and differ, false when both are and match, else undefined. */
function compareKnown(head: unknown, base: unknown, type: "number" | "string"): boolean | undefined {
  return typeof head === type && typeof base === type ? head !== base : undefined;
}

function readProperty(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as Record<string, unknown>)[key];
}

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

// ---- Fetching the token ----

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
  const sleep = options.sleep ?? wait;
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
 */
const getWithToolkitClient: HttpGet = async (url, headers, timeoutMs) => {
  const client = new HttpClient("keyvault-sync", undefined, { socketTimeout: timeoutMs, allowRetries: false, keepAlive: false });
  try {
    const response = await client.get(url, { ...headers });
    const body = await response.readBody();
    return { status: response.message.statusCode ?? 0, body };
  } finally {
    client.dispose();
  }
};

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

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
    throw new SyncError("Failed to read the GitHub OIDC token: it is not a JWT", "Re-run the job; if it persists, check https://www.githubstatus.com.");
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
