/**
 * A plan without an OIDC token, end to end: the bundled action validates offline (green) only
 * when GitHub withholds the token by its own rule — a fork's pull request, a Dependabot run —
 * as the event payload and the actor tell. A job that only lacks `permissions: id-token: write`
 * fails with that hint, dry run or not: a green plan must have read the vault.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudEnv, startCloud } from "../../local-azure/index.ts";
import type { Cloud, CloudInfo } from "../../local-azure/index.ts";
import { findLeaks, makeCanary } from "../../tools/leak-check.ts";
import { githubContext, runAction } from "../../tools/run-action.ts";
import type { ActionRun } from "../../tools/run-action.ts";
import { createVault, readVault, readVaultRequests, runSync } from "../../tools/vault-helpers.ts";

let cloud: Cloud;
let info: CloudInfo;
let eventDir: string;

beforeAll(async () => {
  cloud = await startCloud();
  info = cloud.info;
  eventDir = mkdtempSync(join(tmpdir(), "kvs-event-"));
});

afterAll(async () => {
  await cloud?.stop();
  if (eventDir) rmSync(eventDir, { recursive: true, force: true });
});

/** The webhook payload of a pull request into octo-org/octo-repo from `head`. */
function pullRequestEvent(head: string, author = "octocat"): Record<string, unknown> {
  const repo = (fullName: string, id: number) => ({ id, full_name: fullName, fork: fullName !== "octo-org/octo-repo" });
  return {
    action: "synchronize",
    number: 8,
    sender: { login: author },
    pull_request: {
      number: 8,
      user: { login: author },
      head: { ref: "feature", repo: repo(head, head === "octo-org/octo-repo" ? 100 : 200) },
      base: { ref: "main", repo: repo("octo-org/octo-repo", 100) },
    },
  };
}

interface OfflineCase {
  vault: string;
  context: Record<string, string>;
  event?: Record<string, unknown>;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** Runs the action in a job that has no OIDC token request variables, as GitHub starts such a job. */
async function runWithoutToken(options: OfflineCase): Promise<{ run: ActionRun; value: string }> {
  await createVault(info, options.vault);
  const value = makeCanary("offline");
  const context = { ...options.context };
  if (options.event) {
    const path = join(eventDir, `${options.vault}.json`);
    writeFileSync(path, JSON.stringify(options.event));
    context["GITHUB_EVENT_PATH"] = path;
  }
  const run = await runAction({
    inputs: {
      vault: options.vault,
      "tenant-id": info.tenantId,
      "client-id": info.clientId,
      secrets: JSON.stringify({ API_KEY: value }),
      ...options.inputs,
    },
    env: {
      ...cloudEnv(info),
      ...githubContext(context),
      ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
      ...options.env,
    },
  });
  expect(findLeaks(run, [value]), "secret values in the action's output").toEqual([]);
  return { run, value };
}

/** The Action's code caches under a compile cache directory (Node keeps one folder per version). */
function listCodeCaches(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => /(^|\/)keyvault-sync-[0-9a-f]{16}\.bin$/.test(path))
    .map((path) => join(root, path));
}

const PULL_REQUEST = { GITHUB_EVENT_NAME: "pull_request", GITHUB_REF: "refs/pull/8/merge" };

describe.concurrent("a run without an OIDC token (bundled action against the local Azure)", () => {
  it("fails a same-repository pull request that lacks `id-token: write`, with the permission hint", async () => {
    const { run } = await runWithoutToken({
      vault: "offline-same-repo",
      context: PULL_REQUEST,
      event: pullRequestEvent("octo-org/octo-repo"),
    });
    expect(run.exitCode, run.visibleLog).toBe(1);
    const failure = run.annotations.find((annotation) => annotation.level === "error")?.message ?? "";
    expect(failure).toContain("No GitHub OIDC token");
    expect(failure).toContain("permissions: { id-token: write, contents: read }");
    expect(run.summary).toContain("No secret was synced");
    expect(run.summary).not.toMatch(/validated offline/i);
    expect(run.outputs["plan"]).toBeUndefined();
    expect(await readVaultRequests(info, "offline-same-repo")).toEqual([]);
  });

  it("fails a push with `dry-run: true` and no token, with the permission hint", async () => {
    const { run } = await runWithoutToken({
      vault: "offline-push-dry",
      context: { GITHUB_EVENT_NAME: "push" },
      inputs: { "dry-run": "true" },
    });
    expect(run.exitCode, run.visibleLog).toBe(1);
    expect(
      run.annotations
        .filter((annotation) => annotation.level === "error")
        .map((annotation) => annotation.message)
        .join("\n"),
    ).toContain("id-token: write");
    expect(run.summary).not.toMatch(/validated offline/i);
    expect(await readVaultRequests(info, "offline-push-dry")).toEqual([]);
  });

  it("validates a fork's pull request offline, green, and says why", async () => {
    const { run } = await runWithoutToken({ vault: "offline-fork", context: PULL_REQUEST, event: pullRequestEvent("someone/octo-repo") });
    expect(run.exitCode, run.visibleLog).toBe(0);
    expect(run.annotations.filter((annotation) => annotation.level === "error")).toEqual([]);
    const why = run.annotations.find((annotation) => annotation.level === "notice" && annotation.message.includes("Validated offline"));
    expect(why?.message).toContain("pull request from the fork someone/octo-repo");
    expect(run.summary).toContain("pull request from the fork someone/octo-repo");
    expect(JSON.parse(run.outputs["plan"] ?? "[]")).toEqual([
      expect.objectContaining({ name: "API-KEY", reason: expect.stringMatching(/validated offline only/) }),
    ]);
    expect(await readVaultRequests(info, "offline-fork")).toEqual([]);
    expect(await readVault(info, "offline-fork")).toEqual([]);
  });

  it("loads none of Node's TLS, HTTP, crypto or fs/promises modules to validate offline", async () => {
    // Start-up is most of an offline run: what it does not need, it must not load. (`net` is
    // loaded for stdout, a pipe here as on a runner.)
    const hook = join(eventDir, "record-modules.cjs");
    const list = join(eventDir, "modules.txt");
    writeFileSync(
      hook,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join("\\n")));`,
    );
    const { run } = await runWithoutToken({
      vault: "offline-modules",
      context: PULL_REQUEST,
      event: pullRequestEvent("someone/octo-repo"),
      env: { NODE_OPTIONS: `--require ${hook}` },
    });
    expect(run.exitCode, run.visibleLog).toBe(0);
    expect(run.outputs["skipped"]).toBe("1");
    const loaded = readFileSync(list, "utf8").split("\n");
    expect(loaded).toContain("NativeModule fs");
    const unneeded = ["crypto", "fs/promises", "tls", "https", "http", "zlib", "child_process"].map((name) => `NativeModule ${name}`);
    expect(loaded.filter((entry) => unneeded.includes(entry))).toEqual([]);
  });

  it("keeps the script's code cache in Node's compile cache directory, reuses it, and replaces a damaged one", async () => {
    const cacheRoot = mkdtempSync(join(eventDir, "compile-cache-"));
    const runOffline = async (vault: string, env: Record<string, string> = {}) =>
      (
        await runWithoutToken({
          vault,
          context: PULL_REQUEST,
          event: pullRequestEvent("someone/octo-repo"),
          env: { NODE_COMPILE_CACHE: cacheRoot, ...env },
        })
      ).run;
    const first = await runOffline("offline-cache-first");
    expect(first.exitCode, first.visibleLog).toBe(0);
    const [cache, ...others] = listCodeCaches(cacheRoot);
    expect(others).toEqual([]);
    const made = statSync(cache ?? "");
    // Used as it is: not written again (a write replaces the file, so its inode changes).
    const second = await runOffline("offline-cache-second");
    expect(second.exitCode, second.visibleLog).toBe(0);
    expect(statSync(cache ?? "").ino).toBe(made.ino);
    // V8 refuses a damaged cache; the run compiles the script, succeeds, and writes a good one.
    writeFileSync(cache ?? "", Buffer.alloc(made.size, 7));
    const third = await runOffline("offline-cache-damaged");
    expect(third.exitCode, third.visibleLog).toBe(0);
    expect(third.outputs["skipped"]).toBe("1");
    expect(readFileSync(cache ?? "").equals(Buffer.alloc(made.size, 7))).toBe(false);
    // NODE_DISABLE_COMPILE_CACHE turns it off, as it does Node's own cache.
    const disabledRoot = mkdtempSync(join(eventDir, "compile-cache-off-"));
    const off = await runWithoutToken({
      vault: "offline-cache-off",
      context: PULL_REQUEST,
      event: pullRequestEvent("someone/octo-repo"),
      env: { NODE_COMPILE_CACHE: disabledRoot, NODE_DISABLE_COMPILE_CACHE: "1" },
    });
    expect(off.run.exitCode, off.run.visibleLog).toBe(0);
    expect(listCodeCaches(disabledRoot)).toEqual([]);
  });

  it("takes the code cache of a run that signs in before it changes V8's flags, so the next run uses it", async () => {
    // A cache made under other flags is refused by V8; every run starts with the default ones.
    const cacheRoot = mkdtempSync(join(eventDir, "compile-cache-online-"));
    await createVault(info, "cache-online");
    const online = await runSync(
      info,
      "cache-online",
      { secrets: JSON.stringify({ API_KEY: makeCanary("online") }) },
      { NODE_COMPILE_CACHE: cacheRoot },
    );
    expect(online.exitCode, online.visibleLog).toBe(0);
    expect(online.outputs["created"]).toBe("1");
    const [cache, ...others] = listCodeCaches(cacheRoot);
    expect(others).toEqual([]);
    const made = statSync(cache ?? "").ino;
    const { run: next } = await runWithoutToken({
      vault: "cache-online-next",
      context: PULL_REQUEST,
      event: pullRequestEvent("someone/octo-repo"),
      env: { NODE_COMPILE_CACHE: cacheRoot },
    });
    expect(next.exitCode, next.visibleLog).toBe(0);
    expect(statSync(cache ?? "").ino).toBe(made);
  });

  it("validates a Dependabot pull request offline, green, and says why", async () => {
    const { run } = await runWithoutToken({
      vault: "offline-dependabot",
      context: { ...PULL_REQUEST, GITHUB_ACTOR: "dependabot[bot]" },
      event: pullRequestEvent("octo-org/octo-repo", "dependabot[bot]"),
    });
    expect(run.exitCode, run.visibleLog).toBe(0);
    const why = run.annotations.find((annotation) => annotation.level === "notice" && annotation.message.includes("Validated offline"));
    expect(why?.message).toContain("Dependabot");
    expect(run.summary).toMatch(/validated offline/i);
    expect(await readVaultRequests(info, "offline-dependabot")).toEqual([]);
  });

  it("still refuses to write for a fork's pull request that asks for `dry-run: false`", async () => {
    const { run } = await runWithoutToken({
      vault: "offline-fork-write",
      context: PULL_REQUEST,
      event: pullRequestEvent("someone/octo-repo"),
      inputs: { "dry-run": "false" },
    });
    expect(run.exitCode, run.visibleLog).toBe(1);
    expect(run.annotations.find((annotation) => annotation.level === "error")?.message).toContain("fork someone/octo-repo");
    expect(await readVault(info, "offline-fork-write")).toEqual([]);
  });
});
