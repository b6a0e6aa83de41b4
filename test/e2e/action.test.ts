/**
 * The bundled action, run as the runner runs it, against the local Azure; each test then reads
 * the vault back through the admin API. Every run is also searched for leaked values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDelete, adminGet, adminPatch, adminPut, cloudEnv, startCloud } from "../../local-azure/index.ts";
import type { Cloud } from "../../local-azure/index.ts";
import { findStructureProblems } from "../../tools/summary-html.ts";
import { findLeaks, makeCanary } from "../../tools/leak-check.ts";
import { githubContext, runAction } from "../../tools/run-action.ts";
import type { ActionRun, RunOptions } from "../../tools/run-action.ts";

interface VersionView {
  version: string;
  value: string;
  tags?: Record<string, string>;
}
interface SecretView {
  name: string;
  state: string;
  versions: VersionView[];
}
interface RequestsView {
  counts: Record<string, number>;
}

const WRITE_OPERATIONS = ["SetSecret", "UpdateSecret", "DeleteSecret", "RecoverDeletedSecret", "PurgeDeletedSecret", "RestoreSecret"];

let cloud: Cloud;
/** Every value any test handed to the action; every run is checked against all of them. */
const allValues: string[] = [];

beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(async () => {
  await cloud?.stop();
});

function canary(label: string): string {
  const value = makeCanary(label);
  allValues.push(value);
  return value;
}

async function createVault(name: string): Promise<string> {
  await adminPut(cloud.info.adminUrl, `/vaults/${name}`, {
    roles: [{ principal: cloud.info.clientId, role: "Key Vault Secrets Officer" }],
  });
  return name;
}

async function readVault(name: string): Promise<Map<string, SecretView>> {
  const { secrets } = await adminGet<{ secrets: SecretView[] }>(cloud.info.adminUrl, `/vaults/${name}/secrets`);
  return new Map(secrets.map((secret) => [secret.name, secret]));
}

function latestValue(secret: SecretView | undefined): string | undefined {
  return secret?.versions.at(-1)?.value;
}

async function countRequests(host: string): Promise<Record<string, number>> {
  return (await adminGet<RequestsView>(cloud.info.adminUrl, `/requests?host=${host}`)).counts;
}

async function clearRequests(): Promise<void> {
  await adminDelete(cloud.info.adminUrl, "/requests");
}

function writesIn(counts: Record<string, number>): number {
  return WRITE_OPERATIONS.reduce((sum, operation) => sum + (counts[operation] ?? 0), 0);
}

function baseInputs(vault: string): Record<string, string> {
  return { vault, "tenant-id": cloud.info.tenantId, "client-id": cloud.info.clientId };
}

/** Runs the action with the cloud's environment and checks the run for leaks of any value used so far. */
async function sync(options: RunOptions & { context?: Record<string, string> }): Promise<ActionRun> {
  const run = await runAction({
    ...options,
    env: { ...cloudEnv(cloud.info), ...githubContext(options.context), ...options.env },
  });
  expect(findLeaks(run, allValues), "secret values in the action's output").toEqual([]);
  expect(findStructureProblems(run.summary), "the job summary rendered as GitHub renders it").toEqual([]);
  return run;
}

function describeRun(run: ActionRun): string {
  return `exit ${run.exitCode}\n${run.visibleLog}\n${run.stderr}`;
}

describe("a first sync and the runs after it", () => {
  const vault = "e2e-basic";
  const values = { dbPassword: "", apiKey: "", connection: "", flag: "", certificate: "" };
  let inputs: Record<string, string>;
  let files: Record<string, string>;

  beforeAll(async () => {
    await createVault(vault);
    values.dbPassword = canary("p");
    values.apiKey = canary("k");
    values.connection = canary("c");
    values.flag = canary("f");
    values.certificate = `-----BEGIN KEY-----\n${canary("l1")}\n${canary("l2")}\n-----END KEY-----`;
    inputs = {
      ...baseInputs(vault),
      secrets: JSON.stringify({ DB_PASSWORD: values.dbPassword, API_KEY: values.apiKey, github_token: canary("ghs") }),
      "env-file": "production.env",
    };
    files = {
      "production.env": [
        "# settings for production",
        `ConnectionStrings__Db=${values.connection}`,
        `Feature.Flag=${values.flag}`,
        `TLS_KEY="${values.certificate}"`,
        "",
      ].join("\n"),
    };
  });

  it("creates everything, turning _ and . into -, and never syncs github_token", async () => {
    const run = await sync({ inputs, files });
    expect(run.exitCode, describeRun(run)).toBe(0);
    expect(run.outputs).toMatchObject({ created: "5", updated: "0", unchanged: "0", failed: "0", changed: "true", "failed-names": "[]" });

    const secrets = await readVault(vault);
    expect([...secrets.keys()].sort()).toEqual(["API-KEY", "ConnectionStrings--Db", "DB-PASSWORD", "Feature-Flag", "TLS-KEY"]);
    expect(latestValue(secrets.get("DB-PASSWORD"))).toBe(values.dbPassword);
    expect(latestValue(secrets.get("ConnectionStrings--Db"))).toBe(values.connection);
    expect(latestValue(secrets.get("TLS-KEY"))).toBe(values.certificate);
    const tags = secrets.get("API-KEY")?.versions.at(-1)?.tags ?? {};
    expect(tags).toMatchObject({ "managed-by": "keyvault-sync", "keyvault-sync-owner": "octo-org/octo-repo" });
  });

  it("masks every value and every line of a multi-line value as it reads them", async () => {
    const run = await sync({ inputs, files });
    for (const value of [values.dbPassword, values.apiKey, values.connection, values.flag, values.certificate]) {
      expect(run.masked).toContain(value);
    }
    for (const line of values.certificate.split("\n")) expect(run.masked).toContain(line);
  });

  it("writes nothing on a second run with the same input", async () => {
    await clearRequests();
    const run = await sync({ inputs, files });
    expect(run.exitCode, describeRun(run)).toBe(0);
    expect(run.outputs).toMatchObject({ created: "0", updated: "0", unchanged: "5", changed: "false" });
    const counts = await countRequests(`${vault}.vault.azure.net`);
    expect(writesIn(counts)).toBe(0);
    // Without prune the wanted names are read one by one; the vault is never listed.
    expect(counts["GetSecret"]).toBeGreaterThan(0);
    expect(counts["GetSecrets"] ?? 0).toBe(0);
  });

  it("writes exactly one new version when one value changes", async () => {
    const before = await readVault(vault);
    const newKey = canary("k2");
    await clearRequests();
    const run = await sync({ inputs: { ...inputs, secrets: JSON.stringify({ DB_PASSWORD: values.dbPassword, API_KEY: newKey }) }, files });
    expect(run.exitCode, describeRun(run)).toBe(0);
    expect(run.outputs).toMatchObject({ updated: "1", unchanged: "4", created: "0", changed: "true" });
    expect((await countRequests(`${vault}.vault.azure.net`))["SetSecret"]).toBe(1);

    const after = await readVault(vault);
    expect(after.get("API-KEY")?.versions).toHaveLength((before.get("API-KEY")?.versions.length ?? 0) + 1);
    expect(latestValue(after.get("API-KEY"))).toBe(newKey);
    for (const name of ["DB-PASSWORD", "ConnectionStrings--Db", "Feature-Flag", "TLS-KEY"]) {
      expect(after.get(name)?.versions, name).toHaveLength(before.get(name)?.versions.length ?? -1);
    }
  });
});

describe("entries that cannot be synced", () => {
  it("fails invalid and colliding names alone, with annotations at their dotenv lines", async () => {
    const vault = await createVault("e2e-names");
    const good = canary("g");
    const run = await sync({
      inputs: {
        ...baseInputs(vault),
        "name-transform": "none",
        secrets: JSON.stringify({ "DB-PASS": canary("j") }),
        "env-file": "app.env",
      },
      files: { "app.env": [`GOOD-NAME=${good}`, `BAD_NAME=${canary("b")}`, `db-pass=${canary("d")}`, ""].join("\n") },
    });
    expect(run.exitCode, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ created: "1", failed: "3" });
    expect((JSON.parse(run.outputs["failed-names"] ?? "[]") as string[]).sort()).toEqual(["BAD_NAME", "DB-PASS", "db-pass"]);

    const errors = run.annotations.filter((annotation) => annotation.level === "error");
    const at = (line: string) =>
      errors.find((annotation) => annotation.properties["file"] === "app.env" && annotation.properties["line"] === line);
    expect(at("2")?.message).toMatch(/BAD_NAME/);
    expect(at("3")?.message).toMatch(/collides/i);
    const secrets = await readVault(vault);
    expect([...secrets.keys()]).toEqual(["GOOD-NAME"]);
    expect(latestValue(secrets.get("GOOD-NAME"))).toBe(good);
  });

  it("leaves an unmanaged secret of the same name alone and says how to take it over", async () => {
    const vault = await createVault("e2e-unmanaged");
    const handMade = canary("h");
    await adminPut(cloud.info.adminUrl, `/vaults/${vault}/secrets/API-KEY`, { value: handMade });
    const run = await sync({ inputs: { ...baseInputs(vault), secrets: JSON.stringify({ API_KEY: canary("n"), OTHER: canary("o") }) } });
    expect(run.exitCode, describeRun(run)).toBe(1);
    expect(run.outputs).toMatchObject({ failed: "1", created: "1", "failed-names": '["API_KEY"]' });
    expect(run.visibleLog).toMatch(/adopt/);
    const secrets = await readVault(vault);
    expect(secrets.get("API-KEY")?.versions).toHaveLength(1);
    expect(latestValue(secrets.get("API-KEY"))).toBe(handMade);
  });
});

describe("signing in", () => {
  it("fails a subject mismatch with the presented subject and the credential to create", async () => {
    const vault = await createVault("e2e-subject");
    await adminPatch(cloud.info.adminUrl, "/github", { subject: "repo:octo-org/octo-repo:environment:staging" });
    try {
      await clearRequests();
      const run = await sync({ inputs: { ...baseInputs(vault), secrets: JSON.stringify({ A: canary("a") }) } });
      expect(run.exitCode).toBe(1);
      const shown = `${run.visibleLog}\n${run.summary}`;
      expect(shown).toContain("AADSTS700213");
      expect(shown).toContain("repo:octo-org/octo-repo:environment:staging");
      expect(shown).toMatch(/repo:octo-org@\d+\/octo-repo@\d+:environment:staging/);
      expect(shown).toContain("az ad app federated-credential create");
      expect(await countRequests(`${vault}.vault.azure.net`)).toEqual({});
    } finally {
      await adminPatch(cloud.info.adminUrl, "/github", { subject: "repo:octo-org/octo-repo:environment:production" });
    }
  });

  it("explains a missing id-token permission on a push and writes nothing", async () => {
    const vault = await createVault("e2e-no-permission");
    const run = await sync({
      inputs: { ...baseInputs(vault), secrets: JSON.stringify({ A: canary("a") }) },
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
    });
    expect(run.exitCode).toBe(1);
    expect(`${run.visibleLog}\n${run.summary}`).toContain("id-token: write");
    expect((await readVault(vault)).size).toBe(0);
  });
});

describe("pull-request dry runs", () => {
  it("reads the vault, shows the real plan and writes nothing", async () => {
    const vault = await createVault("e2e-dry-run");
    await adminPut(cloud.info.adminUrl, `/vaults/${vault}/secrets/KEEP`, {
      value: canary("keep"),
      tags: { "managed-by": "keyvault-sync", "keyvault-sync-owner": "octo-org/octo-repo" },
    });
    await clearRequests();
    const run = await sync({
      inputs: { ...baseInputs(vault), secrets: JSON.stringify({ NEW_ONE: canary("n"), KEEP: canary("changed") }) },
      context: { GITHUB_EVENT_NAME: "pull_request", GITHUB_REF: "refs/pull/7/merge" },
    });
    expect(run.exitCode, describeRun(run)).toBe(0);
    const plan = JSON.parse(run.outputs["plan"] ?? "[]") as Array<{ name: string; action: string }>;
    expect(plan.map(({ name, action }) => [name, action])).toEqual([
      ["KEEP", "update"],
      ["NEW-ONE", "create"],
    ]);
    expect(run.summary).toMatch(/dry run/i);
    const counts = await countRequests(`${vault}.vault.azure.net`);
    expect(counts["GetSecret"]).toBeGreaterThan(0);
    expect(writesIn(counts)).toBe(0);
    expect([...(await readVault(vault)).keys()]).toEqual(["KEEP"]);
  });

  // Runs without an OIDC token (fork pull requests, Dependabot, a missing permission): offline.test.ts.
});

describe("no value in any output, with every debug switch on", () => {
  it("keeps values out of a full sync, a failing sync and a dry run under ACTIONS_STEP_DEBUG and AZURE_LOG_LEVEL=verbose", async () => {
    const vault = await createVault("e2e-leak-debug");
    const debug = { ACTIONS_STEP_DEBUG: "true", RUNNER_DEBUG: "1", AZURE_LOG_LEVEL: "verbose" };
    const multiLine = `first ${canary("m1")}\nsecond ${canary("m2")}`;
    await adminPut(cloud.info.adminUrl, `/vaults/${vault}/secrets/TAKEN`, { value: canary("t") });
    const inputs = {
      ...baseInputs(vault),
      secrets: JSON.stringify({ ALPHA: canary("a"), TAKEN: canary("x"), "BAD NAME": canary("bn") }),
      "env-file": "debug.env",
    };
    const files = { "debug.env": `MULTI="${multiLine}"\nBETA=${canary("b")}\n` };

    const first = await sync({ inputs, files, env: debug });
    expect(first.exitCode).toBe(1);
    expect(first.stderr.length + first.stdout.length).toBeGreaterThan(1000); // the debug switches really produced output
    const second = await sync({ inputs: { ...inputs, secrets: JSON.stringify({ ALPHA: canary("a2") }) }, files, env: debug });
    expect(second.exitCode, describeRun(second)).toBe(0);
    const dryRun = await sync({ inputs: { ...inputs, "dry-run": "true" }, files, env: debug });
    expect(dryRun.outputs["plan"]).toBeDefined();
  });
});
