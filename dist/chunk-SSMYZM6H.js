import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
const { readFileSync } = globalThis.process.getBuiltinModule("node:fs");

// src/engine/auth/missing-oidc.ts


// src/engine/json.ts
function readProperty(value, key) {
  if (typeof value !== "object" || value === null) return void 0;
  return value[key];
}

// src/engine/auth/missing-oidc.ts
var REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
var REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
function hasOidcRequest(env) {
  return Boolean(env[REQUEST_URL]) && Boolean(env[REQUEST_TOKEN]);
}
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);
var DEPENDABOT_EVENTS = /* @__PURE__ */ new Set([...PULL_REQUEST_EVENTS, "push", "create", "deployment", "deployment_status"]);
var DEPENDABOT = "dependabot[bot]";
function explainMissingOidc(env, readEventPayload = readJsonFile) {
  if (env["GITHUB_ACTIONS"] !== "true") {
    return {
      reason: "outside-github-actions",
      withheldByGitHub: false,
      message: "No GitHub OIDC token: this is not running in a GitHub Actions job.",
      hint: "Outside GitHub Actions, sign in with `auth: azure-cli` (after `az login`) or `auth: managed-identity`."
    };
  }
  let payload;
  const readPayload = () => {
    const path = env["GITHUB_EVENT_PATH"];
    payload ??= path ? readEventPayload(path) : void 0;
    return payload;
  };
  const event = env["GITHUB_EVENT_NAME"] ?? "";
  if (isDependabotRun(env, event, readPayload)) {
    return {
      reason: "dependabot",
      withheldByGitHub: true,
      message: "No GitHub OIDC token: GitHub treats runs triggered by Dependabot like fork pull requests and gives them no OIDC token by default.",
      hint: "Let Dependabot pull requests run as dry runs (`dry-run: auto` does this), or skip this step with `if: github.actor != 'dependabot[bot]'`."
    };
  }
  const fork = PULL_REQUEST_EVENTS.has(event) ? findForkHead(readPayload()) : void 0;
  if (fork !== void 0) {
    return {
      reason: "fork-pull-request",
      withheldByGitHub: true,
      message: `No GitHub OIDC token: this is a pull request from the fork ${fork}, and GitHub never grants \`id-token: write\` to pull requests from forks.`,
      hint: "Fork pull requests can only run as offline dry runs (`dry-run: auto` does this). Sync from a workflow that runs in the base repository, e.g. on push after the merge."
    };
  }
  return {
    reason: "missing-permission",
    withheldByGitHub: false,
    message: `No GitHub OIDC token: ${REQUEST_URL} and ${REQUEST_TOKEN} are not set for this job.`,
    hint: "Add `permissions: { id-token: write, contents: read }` to the workflow or to this job. A reusable workflow gets the permission only if its caller grants it as well. A dry run needs the token too: its plan is only worth something once it has read the vault."
  };
}
function isDependabotRun(env, event, readPayload) {
  const actor = env["GITHUB_ACTOR"] ?? readProperty(readProperty(readPayload(), "sender"), "login");
  if (actor !== DEPENDABOT) return false;
  if (DEPENDABOT_EVENTS.has(event)) return true;
  return event === "pull_request_target" && readProperty(readProperty(readProperty(readPayload(), "pull_request"), "user"), "login") === DEPENDABOT;
}
function findForkHead(payload) {
  const pullRequest = readProperty(payload, "pull_request");
  if (pullRequest === void 0) return void 0;
  const headRepo = readProperty(readProperty(pullRequest, "head"), "repo");
  const baseRepo = readProperty(readProperty(pullRequest, "base"), "repo");
  if (headRepo === null) return "(deleted)";
  const headName = readProperty(headRepo, "full_name");
  const isFork = compareKnown(readProperty(headRepo, "id"), readProperty(baseRepo, "id"), "number") ?? compareKnown(headName, readProperty(baseRepo, "full_name"), "string") ?? readProperty(headRepo, "fork") === true;
  if (!isFork) return void 0;
  return typeof headName === "string" ? headName : "(unknown)";
}
function compareKnown(head, base, type) {
  return typeof head === type && typeof base === type ? head !== base : void 0;
}
function readJsonFile(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return void 0;
  }
}

export {
  readProperty,
  REQUEST_URL,
  REQUEST_TOKEN,
  hasOidcRequest,
  explainMissingOidc
};
