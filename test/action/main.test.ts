/**
 * run(deps) with fakes at every edge: the order of the stages, what reaches the toolkit, and
 * that the step fails the right way — without a network or a bundle.
 */
import { describe, expect, it } from "vitest";
import type { CreateCredentialOptions, EntraCredential } from "../../src/engine/auth/entra.ts";
import { SignInError } from "../../src/engine/auth/sign-in-errors.ts";
import { readAuditContext, run } from "../../src/action/main.ts";
import type { ActionIO, RunDeps } from "../../src/action/main.ts";
import type { KeyVaultOptions } from "../../src/engine/vault/key-vault.ts";
import { createFakeVault } from "../fakes/fake-vault.ts";
import type { FakeVault } from "../fakes/fake-vault.ts";

const VAULT_URL = "https://demo-vault.vault.azure.net";
const OWNER = "octo-org/octo-repo";

function recordIO(inputs: Record<string, string>, stepDebug = true) {
  const record = {
    outputs: new Map<string, string>(),
    masked: [] as string[],
    errors: [] as string[],
    warnings: [] as string[],
    infos: [] as string[],
    failed: [] as string[],
    /** Group starts ("▸ title"), ends ("◂") and debug lines ("debug: …"), in order. */
    log: [] as string[],
    summary: "",
  };
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? "",
    setSecret: (secret) => void record.masked.push(secret),
    setFailed: (message) => void record.failed.push(message),
    isDebug: () => stepDebug,
    debug: (message) => void record.log.push(`debug: ${message}`),
    startGroup: (name) => void record.log.push(`▸ ${name}`),
    endGroup: () => void record.log.push("◂"),
    setOutput: (name, value) => void record.outputs.set(name, value),
    error: (message) => void record.errors.push(message),
    warning: (message) => void record.warnings.push(message),
    notice: () => undefined,
    info: (message) => void record.infos.push(message),
    summary: {
      addRaw(text: string) {
        record.summary += text;
        return this;
      },
      write: async () => undefined,
    },
  };
  return { io, record };
}

function fakeCredential(options: { fail?: Error } = {}): EntraCredential {
  return {
    presentedClaims: { environment: "production", sub: `repo:${OWNER}:environment:production` },
    getToken: async () => {
      if (options.fail) throw options.fail;
      return { token: "access-token", expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

interface Setup {
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  files?: Record<string, string>;
  vault?: FakeVault;
  credential?: EntraCredential;
  now?: () => Date;
  /** Step debug logging on (the default here, so debug lines can be checked). */
  stepDebug?: boolean;
}

function makeDeps(setup: Setup) {
  const { io, record } = recordIO(
    {
      vault: "demo-vault",
      "tenant-id": "contoso.onmicrosoft.com",
      "client-id": "5b1f6f2e-2a53-4c1e-8f0d-6e7a9c3b1d42",
      ...setup.inputs,
    },
    setup.stepDebug ?? true,
  );
  const vault = setup.vault ?? createFakeVault(VAULT_URL);
  const credentialRequests: CreateCredentialOptions[] = [];
  const vaultOptions: KeyVaultOptions[] = [];
  let exitCode: number | undefined;
  const deps: RunDeps = {
    io,
    env: {
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: OWNER,
      GITHUB_EVENT_NAME: "push",
      GITHUB_REF: "refs/heads/main",
      GITHUB_SHA: "abc123",
      GITHUB_RUN_ID: "77",
      GITHUB_SERVER_URL: "https://github.com",
      ACTIONS_ID_TOKEN_REQUEST_URL: "https://pipelines.actions.githubusercontent.com/x/idtoken?api-version=2.0",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token",
      ...setup.env,
    },
    readFile: async (path) => {
      const content = setup.files?.[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return new TextEncoder().encode(content);
    },
    now: setup.now ?? (() => new Date("2026-11-22T12:00:00Z")),
    cwd: () => "/home/runner/work/octo-repo/octo-repo",
    createCredential: (options) => {
      credentialRequests.push(options);
      return setup.credential ?? fakeCredential();
    },
    createKeyVault: (_url, _credential, options) => {
      vaultOptions.push(options);
      return vault;
    },
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  return { deps, record, vault, credentialRequests, vaultOptions, exitCode: () => exitCode };
}

describe("run", () => {
  it("syncs the sources into the vault, masks every value and reports the counts", async () => {
    const { deps, record, vault, exitCode } = makeDeps({
      inputs: { secrets: JSON.stringify({ DB_PASSWORD: "first-secret-value" }), "env-file": "app.env" },
      files: { "app.env": 'TLS_KEY="line-one\nline-two"\n' },
    });
    await run(deps);
    expect(vault.latest("DB-PASSWORD")?.value).toBe("first-secret-value");
    expect(vault.latest("TLS-KEY")?.value).toBe("line-one\nline-two");
    expect(vault.latest("DB-PASSWORD")?.tags).toMatchObject({
      "keyvault-sync-owner": OWNER,
      "keyvault-sync-run": "https://github.com/octo-org/octo-repo/actions/runs/77",
      "keyvault-sync-ref": "environment:production",
    });
    expect(record.masked).toEqual(expect.arrayContaining(["first-secret-value", "line-one\nline-two", "line-one", "line-two"]));
    expect(Object.fromEntries(record.outputs)).toMatchObject({ created: "2", failed: "0", changed: "true" });
    expect(record.failed).toEqual([]);
    expect(exitCode()).toBeUndefined();
  });

  it("fails the step by exit code, not by one more error annotation, when a secret fails", async () => {
    const vault = createFakeVault(VAULT_URL).seed("API-KEY", "hand-made");
    const { deps, record, exitCode } = makeDeps({
      vault,
      inputs: { secrets: JSON.stringify({ API_KEY: "new-value-1", OTHER: "other-value" }) },
    });
    await run(deps);
    expect(exitCode()).toBe(1);
    expect(record.failed).toEqual([]);
    expect(record.errors).toHaveLength(1);
    expect(record.outputs.get("failed-names")).toBe('["API_KEY"]');
    expect(vault.latest("API-KEY")?.value).toBe("hand-made");
  });

  it("stops before the network on a bad input, naming the input, and still writes a summary", async () => {
    const { deps, record, credentialRequests } = makeDeps({ inputs: { secrets: JSON.stringify({ A: "value-a" }), concurrency: "0" } });
    await run(deps);
    expect(credentialRequests).toEqual([]);
    expect(record.failed.join("\n")).toContain("'concurrency'");
    expect(record.summary).toContain("No secret was synced");
  });

  it("validates a Dependabot pull request offline, since GitHub gives it no OIDC token, without signing in", async () => {
    const { deps, record, vault, credentialRequests } = makeDeps({
      inputs: { secrets: JSON.stringify({ GOOD: "good-value" }) },
      env: {
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_ACTOR: "dependabot[bot]",
        ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
      },
    });
    await run(deps);
    expect(credentialRequests).toEqual([]);
    expect(vault.calls).toEqual([]);
    expect(record.failed).toEqual([]);
    expect(record.summary).toMatch(/offline/i);
  });

  it("fails a pull-request plan that lacks the OIDC token only for want of `id-token: write`", async () => {
    const { deps, record, vault, credentialRequests } = makeDeps({
      inputs: { secrets: JSON.stringify({ GOOD: "good-value" }) },
      env: {
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_ACTOR: "octocat",
        ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
      },
    });
    await run(deps);
    expect(credentialRequests).toEqual([]);
    expect(vault.calls).toEqual([]);
    expect(record.failed.join("\n")).toContain("id-token: write");
    expect(record.summary).not.toMatch(/offline/i);
  });

  it("refuses to write without an OIDC token and says why", async () => {
    const { deps, record, credentialRequests } = makeDeps({
      inputs: { secrets: JSON.stringify({ GOOD: "good-value" }) },
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
    });
    await run(deps);
    expect(credentialRequests).toEqual([]);
    expect(record.failed.join("\n")).toContain("id-token: write");
  });

  it("reports a sign-in failure once, with its hint, before any vault call", async () => {
    const failure = new SignInError("Failed to sign in to Microsoft Entra ID: subject mismatch", "Create the federated credential.", {
      code: "AADSTS700213",
    });
    const { deps, record, vault } = makeDeps({
      inputs: { secrets: JSON.stringify({ A: "value-a" }) },
      credential: fakeCredential({ fail: failure }),
    });
    await run(deps);
    expect(vault.calls).toEqual([]);
    expect(record.failed).toEqual(["Failed to sign in to Microsoft Entra ID: subject mismatch\nCreate the federated credential."]);
    expect(record.summary).toContain("Create the federated credential.");
  });
});

describe("the log", () => {
  const groups = (log: readonly string[]) => log.filter((line) => !line.startsWith("debug: "));

  it("without prune, reads, plans and applies each secret in one stage, and logs the plan's counts", async () => {
    const { deps, record } = makeDeps({
      inputs: { secrets: JSON.stringify({ DB_PASSWORD: "first-secret-value", API_KEY: "second-secret-value" }) },
    });
    await run(deps);
    expect(groups(record.log)).toEqual(["▸ Read inputs and sources", "◂", "▸ Sign in", "◂", "▸ Read, plan and apply each secret", "◂"]);
    const debug = record.log.filter((line) => line.startsWith("debug: "));
    expect(debug).toContain("debug: DB-PASSWORD: create -> created");
    expect(record.infos).toContain("Plan: 2 create.");
    expect(debug.join("\n")).not.toMatch(/first-secret-value|second-secret-value/);
  });

  it("gives the vault a per-request debug line only when step debug logging is on", async () => {
    const secrets = JSON.stringify({ DB_PASSWORD: "first-secret-value" });
    const withDebug = makeDeps({ inputs: { secrets } });
    await run(withDebug.deps);
    expect(withDebug.vaultOptions.map((options) => typeof options.debug)).toEqual(["function"]);
    const withoutDebug = makeDeps({ inputs: { secrets }, stepDebug: false });
    await run(withoutDebug.deps);
    expect(withoutDebug.vaultOptions.map((options) => typeof options.debug)).toEqual(["undefined"]);
    expect(withoutDebug.vault.latest("DB-PASSWORD")?.value).toBe("first-secret-value");
  });

  it("with prune, has one group per stage before the report, each closed, and debug lines with names, counts and timings but no value", async () => {
    const { deps, record } = makeDeps({
      inputs: { secrets: JSON.stringify({ DB_PASSWORD: "first-secret-value", API_KEY: "second-secret-value" }), prune: "true" },
    });
    await run(deps);
    expect(groups(record.log)).toEqual([
      "▸ Read inputs and sources",
      "◂",
      "▸ Sign in",
      "◂",
      "▸ Read the vault",
      "◂",
      "▸ Plan",
      "◂",
      "▸ Apply",
      "◂",
    ]);
    const debug = record.log.filter((line) => line.startsWith("debug: "));
    expect(debug).toContain("debug: DB-PASSWORD: create -> created");
    expect(debug).toContain("debug: Vault state: 0 secrets, 0 soft-deleted, 0 values not readable");
    expect(debug).toContain("debug: Plan: 0 ms");
    expect(debug.join("\n")).not.toMatch(/first-secret-value|second-secret-value/);
  });

  it("closes the stage's group when it fails, so the error shows outside it", async () => {
    const failure = new SignInError("Failed to sign in to Microsoft Entra ID: subject mismatch", "Create the federated credential.", {
      code: "AADSTS700213",
    });
    const { deps, record } = makeDeps({
      inputs: { secrets: JSON.stringify({ A: "value-a" }) },
      credential: fakeCredential({ fail: failure }),
    });
    await run(deps);
    expect(groups(record.log)).toEqual(["▸ Read inputs and sources", "◂", "▸ Sign in", "◂"]);
  });

  it("says how far a long apply got every 5 seconds", async () => {
    let clock = Date.parse("2026-11-22T12:00:00Z");
    const secrets = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`S${index}`, `value-number-${index}`]));
    // Each read of the clock is one second later: the apply of 40 secrets takes about 40 s.
    const { deps, record } = makeDeps({ inputs: { secrets: JSON.stringify(secrets) }, now: () => new Date((clock += 1_000)) });
    await run(deps);
    const progress = record.infos.filter((line) => line.startsWith("Applied "));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress[0]).toMatch(/^Applied \d+ of 40 \(0 failed\) …$/);
  });
});

describe("run, when include and exclude select nothing", () => {
  const secrets = JSON.stringify({ APP_KEY: "app-key-value", APP_URL: "app-url-value", github_token: "token-value" });

  it.each([
    [
      "an include pattern no name matches",
      { include: "DATABASE_*" },
      "Nothing to sync: the sources hold 3 entries, and include/exclude selected none of them",
      ["include pattern 1 ('DATABASE_*') matched no source name."],
    ],
    [
      "an exclude pattern that takes everything",
      { exclude: "APP_*" },
      "Nothing to sync: the sources hold 3 entries, and include/exclude selected none of them",
      [],
    ],
    [
      "include and exclude cancelling out",
      { include: "APP_KEY", exclude: "*_KEY,NOPE" },
      "Nothing to sync: the sources hold 3 entries, and include/exclude selected none of them",
      ["exclude pattern 2 ('NOPE') matched no source name."],
    ],
  ])("fails on %s, warning about each unused pattern", async (_name, patterns, message, warnings) => {
    const { deps, record, vault, credentialRequests } = makeDeps({ inputs: { secrets, ...patterns } });
    await run(deps);
    expect(record.failed[0]?.split("\n")[0]).toBe(message);
    expect(record.warnings).toEqual(warnings);
    expect(credentialRequests).toEqual([]);
    expect(vault.calls).toEqual([]);
    expect(record.summary).toContain("No secret was synced");
    expect(record.summary).not.toContain("No secrets in the sources");
  });

  it("fails when the only entry is github_token, which is never synced by default", async () => {
    const { deps, record } = makeDeps({ inputs: { secrets: JSON.stringify({ github_token: "token-value" }) } });
    await run(deps);
    expect(record.failed[0]?.split("\n")[0]).toBe(
      "Nothing to sync: the sources hold only github_token, which is synced only when include names it exactly",
    );
  });

  it("warns about an unused pattern but syncs what the others select", async () => {
    const { deps, record, vault } = makeDeps({ inputs: { secrets, include: "APP_*\nDATABASE_*" } });
    await run(deps);
    expect(record.failed).toEqual([]);
    expect(record.warnings).toEqual(["include pattern 2 ('DATABASE_*') matched no source name."]);
    expect(vault.latest("APP-KEY")?.value).toBe("app-key-value");
  });

  it("passes with empty sources, which hold nothing to select", async () => {
    const { deps, record } = makeDeps({ inputs: { secrets: "{}" } });
    await run(deps);
    expect(record.failed).toEqual([]);
  });
});

describe("run, when reporting fails after the sync", () => {
  it("says what was synced instead of claiming nothing was", async () => {
    const { deps, record, vault } = makeDeps({ inputs: { secrets: JSON.stringify({ A: "value-a" }) } });
    deps.io.setOutput = () => {
      throw new Error("Unable to write GITHUB_OUTPUT");
    };
    await run(deps);
    expect(vault.latest("A")?.value).toBe("value-a");
    expect(record.failed).toHaveLength(1);
    expect(record.failed[0]).toMatch(/^The sync finished \(1 created, .*\) but reporting it failed: Unable to write GITHUB_OUTPUT/);
    expect(record.summary).not.toContain("No secret was synced");
  });
});

describe("readAuditContext", () => {
  it.each([
    [
      "environment from the token",
      { environment: "prod" },
      { GITHUB_RUN_ATTEMPT: "1" },
      "environment:prod",
      "https://github.com/o/r/actions/runs/9",
    ],
    ["ref without an environment", undefined, { GITHUB_RUN_ATTEMPT: "1" }, "refs/heads/main", "https://github.com/o/r/actions/runs/9"],
    ["a re-run attempt", undefined, { GITHUB_RUN_ATTEMPT: "2" }, "refs/heads/main", "https://github.com/o/r/actions/runs/9/attempts/2"],
  ])("%s", (_name, claims, env, ref, runUrl) => {
    const audit = readAuditContext(
      { GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "9", GITHUB_REF: "refs/heads/main", GITHUB_SHA: "abc", ...env },
      claims,
    );
    expect(audit).toEqual({ repository: "o/r", runUrl, commit: "abc", ref });
  });
});
