/**
 * Whether a job can ask GitHub for an OIDC token, and if not why, told apart so each case gets
 * its own fix: outside GitHub Actions, Dependabot, a fork's pull request (GitHub withholds the
 * token by its own rule), or a workflow without `id-token: write`.
 */
import { readFileSync } from "node:fs";
import type { Env } from "../env.ts";
import { readProperty } from "../json.ts";

export const REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
export const REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

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
      message:
        "No GitHub OIDC token: GitHub treats runs triggered by Dependabot like fork pull requests and gives them no OIDC token by default.",
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
  return (
    event === "pull_request_target" &&
    readProperty(readProperty(readProperty(readPayload(), "pull_request"), "user"), "login") === DEPENDABOT
  );
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

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}
