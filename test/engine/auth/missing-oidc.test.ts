import { describe, expect, it } from "vitest";
import { explainMissingOidc, hasOidcRequest } from "../../../src/engine/auth/missing-oidc.ts";
import type { Env } from "../../../src/engine/env.ts";

describe("hasOidcRequest", () => {
  it.each([
    [{ ACTIONS_ID_TOKEN_REQUEST_URL: "https://x", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t" }, true],
    [{ ACTIONS_ID_TOKEN_REQUEST_URL: "https://x" }, false],
    [{ ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t" }, false],
    [{ ACTIONS_ID_TOKEN_REQUEST_URL: "", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t" }, false],
    [{}, false],
  ])("%j → %s", (env, expected) => {
    expect(hasOidcRequest(env)).toBe(expected);
  });
});

describe("explainMissingOidc", () => {
  const base: Env = { GITHUB_ACTIONS: "true", GITHUB_EVENT_PATH: "/event.json", GITHUB_ACTOR: "octocat" };
  const pullRequest = (
    head: unknown,
    base: Record<string, unknown> = { full_name: "octo-org/octo-repo", fork: false },
    user = "octocat",
  ) => ({
    pull_request: { user: { login: user }, head: { repo: head }, base: { repo: base } },
  });
  const sameRepo = { full_name: "octo-org/octo-repo", fork: false };
  const dependabot = { GITHUB_ACTOR: "dependabot[bot]" };

  // Offline validation is right only where GitHub withholds the token by its own rule: a fork's
  // pull request, or a run Dependabot triggers on the events GitHub restricts for it.
  it.each([
    ["outside GitHub Actions", { GITHUB_ACTIONS: undefined }, undefined, "outside-github-actions", false],
    ["a Dependabot pull request", { ...dependabot, GITHUB_EVENT_NAME: "pull_request" }, pullRequest(sameRepo), "dependabot", true],
    ["a Dependabot push", { ...dependabot, GITHUB_EVENT_NAME: "push" }, { ref: "refs/heads/dependabot/npm/x" }, "dependabot", true],
    [
      "a Dependabot run known only from the payload's sender",
      { GITHUB_ACTOR: undefined, GITHUB_EVENT_NAME: "pull_request" },
      { ...pullRequest(sameRepo), sender: { login: "dependabot[bot]" } },
      "dependabot",
      true,
    ],
    [
      "pull_request_target on a Dependabot pull request",
      { ...dependabot, GITHUB_EVENT_NAME: "pull_request_target" },
      pullRequest(sameRepo, undefined, "dependabot[bot]"),
      "dependabot",
      true,
    ],
    [
      "pull_request_target by Dependabot on someone else's pull request",
      { ...dependabot, GITHUB_EVENT_NAME: "pull_request_target" },
      pullRequest(sameRepo),
      "missing-permission",
      false,
    ],
    [
      "Dependabot as actor of an event GitHub does not restrict",
      { ...dependabot, GITHUB_EVENT_NAME: "workflow_run" },
      {},
      "missing-permission",
      false,
    ],
    [
      "a pull request flagged as a fork",
      { GITHUB_EVENT_NAME: "pull_request" },
      pullRequest({ full_name: "someone/octo-repo", fork: true }),
      "fork-pull-request",
      true,
    ],
    [
      "a pull request whose head repository differs",
      { GITHUB_EVENT_NAME: "pull_request" },
      pullRequest({ full_name: "someone/octo-repo" }),
      "fork-pull-request",
      true,
    ],
    [
      "a pull request whose head repository ID differs",
      { GITHUB_EVENT_NAME: "pull_request" },
      pullRequest({ id: 2, full_name: "octo-org/octo-repo" }, { id: 1, full_name: "octo-org/octo-repo" }),
      "fork-pull-request",
      true,
    ],
    [
      "a pull request with only the fork flag",
      { GITHUB_EVENT_NAME: "pull_request" },
      pullRequest({ fork: true }, {}),
      "fork-pull-request",
      true,
    ],
    ["a pull request from a deleted fork", { GITHUB_EVENT_NAME: "pull_request_review" }, pullRequest(null), "fork-pull-request", true],
    [
      "a pull request from a branch of the same repository",
      { GITHUB_EVENT_NAME: "pull_request" },
      pullRequest(sameRepo),
      "missing-permission",
      false,
    ],
    [
      "a pull request between branches of a repository that is itself a fork",
      { GITHUB_EVENT_NAME: "pull_request" },
      pullRequest({ id: 7, full_name: "someone/octo-repo", fork: true }, { id: 7, full_name: "someone/octo-repo", fork: true }),
      "missing-permission",
      false,
    ],
    [
      "pull_request_target from a fork (which does get a token)",
      { GITHUB_EVENT_NAME: "pull_request_target" },
      pullRequest({ full_name: "someone/octo-repo", fork: true }),
      "missing-permission",
      false,
    ],
    ["a push", { GITHUB_EVENT_NAME: "push" }, { ref: "refs/heads/main" }, "missing-permission", false],
    ["a pull request whose payload cannot be read", { GITHUB_EVENT_NAME: "pull_request" }, undefined, "missing-permission", false],
  ])("tells %s apart", (_name, overrides, payload, reason, withheld) => {
    const env = { ...base, ...overrides };
    const explanation = explainMissingOidc(env, () => payload);
    expect(explanation.reason).toBe(reason);
    expect(explanation.withheldByGitHub).toBe(withheld);
  });

  it("gives each cause its own message and fix", () => {
    const fork = explainMissingOidc({ ...base, GITHUB_EVENT_NAME: "pull_request" }, () =>
      pullRequest({ full_name: "someone/octo-repo", fork: true }),
    );
    const bot = explainMissingOidc({ ...base, ...dependabot, GITHUB_EVENT_NAME: "pull_request" }, () => undefined);
    const permission = explainMissingOidc({ ...base, GITHUB_EVENT_NAME: "push" }, () => undefined);
    expect(fork.message).toContain("someone/octo-repo");
    expect(fork.hint).toContain("dry run");
    expect(bot.message).toContain("Dependabot");
    expect(permission.hint).toContain("id-token: write");
    expect(permission.hint).toContain("A dry run needs the token too");
    expect(new Set([fork.hint, bot.hint, permission.hint]).size).toBe(3);
  });
});
