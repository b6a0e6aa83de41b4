/**
 * The packed CLI against the local Azure: plan → apply → plan, a changed value, and each way
 * of signing in (a token file, a token in a variable, managed identity, an Azure Pipelines
 * service connection, an `az login` session).
 * Every run's stdout and stderr are searched for the values it synced.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminGet, adminPut, cloudEnv, identityEnv, startCloud, writeFederatedTokenFile } from "../../local-azure/index.ts";
import type { Cloud } from "../../local-azure/index.ts";
import { makeCanary } from "../../tools/leak-check.ts";
import { findCliLeaks, makeProject, packAndInstall, runCli } from "./cli-support.ts";
import type { CliRun, InstalledCli } from "./cli-support.ts";

const GITLAB_ISSUER = "https://gitlab.com";
const GITLAB_SUBJECT = "project_path:octo-org/octo-repo:ref_type:branch:ref:main";
const AKS_ISSUER = "https://oidc.prod-aks.azure.com/7e57c10d-aaaa-4e70-8000-000000000001/";
const AKS_SUBJECT = "system:serviceaccount:sync:keyvault-sync";
const WORKLOAD_APP = "7e57c10d-aa05-4e70-8000-0000000000a1";
const IDENTITY = { clientId: "7e57c10d-5a5a-4e70-8000-0000000000f1", objectId: "7e57c10d-5a5a-4e70-8000-0000000000f2" };
const OFFICER = "Key Vault Secrets Officer";

const azPath = (process.env["PATH"] ?? "")
  .split(delimiter)
  .map((dir) => join(dir, "az"))
  .find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
if (azPath === undefined)
  console.warn("Skipping the CLI's Azure CLI sign-in check: `az` is not on PATH (Debian: apt-get install azure-cli).");

let cloud: Cloud;
let cli: InstalledCli;
const allValues: string[] = [];

beforeAll(async () => {
  cli = packAndInstall();
  cloud = await startCloud({
    apps: [
      {
        clientId: WORKLOAD_APP,
        federatedCredentials: [
          { name: "aks", issuer: AKS_ISSUER, subject: AKS_SUBJECT, audiences: ["api://AzureADTokenExchange"] },
          { name: "gitlab", issuer: GITLAB_ISSUER, subject: GITLAB_SUBJECT, audiences: ["api://AzureADTokenExchange"] },
        ],
      },
    ],
    managedIdentities: [IDENTITY],
    // `az login` keeps the federated token for later commands: a long life keeps a slow machine from AADSTS700024.
    github: { lifetimeSeconds: 3600 },
  });
}, 240_000);

afterAll(async () => {
  await cloud?.stop();
  cli?.dispose();
});

function canary(label: string): string {
  const value = makeCanary(label);
  allValues.push(value);
  return value;
}

async function createVault(name: string, principal: string): Promise<void> {
  await adminPut(cloud.info.adminUrl, `/vaults/${name}`, { roles: [{ principal, role: OFFICER }] });
}

interface VersionView {
  value: string;
  tags?: Record<string, string>;
}

async function readValues(vault: string): Promise<Record<string, string | undefined>> {
  const { secrets } = await adminGet<{ secrets: Array<{ name: string; versions: VersionView[] }> }>(
    cloud.info.adminUrl,
    `/vaults/${vault}/secrets`,
  );
  return Object.fromEntries(secrets.map((secret) => [secret.name, secret.versions.at(-1)?.value]));
}

async function countWrites(vault: string): Promise<number> {
  const { requests } = await adminGet<{ requests: Array<{ method: string }> }>(
    cloud.info.adminUrl,
    `/requests?host=${vault}.vault.azure.net`,
  );
  return requests.filter((request) => request.method !== "GET").length;
}

/** Runs the CLI with the cloud's proxy and CA, and checks the run for leaks of every value so far. */
async function run(args: string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  const result = await runCli(cli, args, { cwd, env: { ...proxyEnv(), ...env } });
  expect(findCliLeaks(result, allValues), "secret values in the CLI's output").toEqual([]);
  return result;
}

/** The proxy and CA only: no GitHub token-request variables, as on a laptop or another CI. */
function proxyEnv(): Record<string, string> {
  const env = cloudEnv(cloud.info);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("ACTIONS_ID_TOKEN_REQUEST")));
}

function explain(result: CliRun): string {
  return `exit ${result.exitCode}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
}

interface JsonPlan {
  changes: number;
  exitCode: number;
  items: Array<{ name: string; action: string; status?: string }>;
}

describe("keyvault-sync from the packed tarball", () => {
  it("prints its version and help without signing in", async () => {
    const dir = makeProject(cli, "help", {});
    const version = await run(["--version"], dir, {});
    expect(version.exitCode, explain(version)).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = await run(["--help"], dir, {});
    expect(help.stdout).toContain("--federated-token-env");
    expect(help.stdout).toContain("KEYVAULT_SYNC_VAULT");
  });

  it("plans, applies, plans nothing; a changed value is exit 2 and then one write (token file)", async () => {
    const vault = "cli-lifecycle";
    await createVault(vault, WORKLOAD_APP);
    const [first, second, changed] = [canary("a"), canary("b"), canary("c")];
    const dir = makeProject(cli, "lifecycle", { ".env": `DB_PASSWORD=${first}\nAPI_KEY=${second}\n` });
    const tokenFile = await writeFederatedTokenFile(await cloud.mintFederatedToken({ issuer: AKS_ISSUER, subject: AKS_SUBJECT }));
    const env = {
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
      AZURE_TENANT_ID: cloud.info.tenantId,
      AZURE_CLIENT_ID: WORKLOAD_APP,
      KEYVAULT_SYNC_VAULT: vault,
    };
    const args = ["--owner", "octo-org/laptop", "--env-file", ".env"];

    const plan = await run(["plan", ...args, "--json"], dir, env);
    expect(plan.exitCode, explain(plan)).toBe(2);
    expect(plan.stderr).toContain("Signing in: token-file (AZURE_FEDERATED_TOKEN_FILE is set)");
    const planned = JSON.parse(plan.stdout) as JsonPlan;
    expect(planned.items.map((item) => `${item.action} ${item.name}`).sort()).toEqual(["create API-KEY", "create DB-PASSWORD"]);
    expect(await readValues(vault)).toEqual({});

    const apply = await run(["apply", ...args], dir, env);
    expect(apply.exitCode, explain(apply)).toBe(0);
    expect(apply.stdout).toContain("Applied to https://cli-lifecycle.vault.azure.net: 2 created.");
    expect(await readValues(vault)).toEqual({ "DB-PASSWORD": first, "API-KEY": second });

    const again = await run(["plan", ...args], dir, env);
    expect(again.exitCode, explain(again)).toBe(0);
    expect(again.stdout).toContain("no changes (2 unchanged).");

    makeProject(cli, "lifecycle", { ".env": `DB_PASSWORD=${changed}\nAPI_KEY=${second}\n` });
    const changedPlan = await run(["plan", ...args], dir, env);
    expect(changedPlan.exitCode, explain(changedPlan)).toBe(2);
    expect(changedPlan.stdout).toMatch(/update\s+DB-PASSWORD/);
    const before = await countWrites(vault);
    const changedApply = await run(["apply", ...args, "--json"], dir, env);
    expect(changedApply.exitCode, explain(changedApply)).toBe(0);
    const applied = JSON.parse(changedApply.stdout) as JsonPlan;
    expect(applied.items.filter((item) => item.status === "updated").map((item) => item.name)).toEqual(["DB-PASSWORD"]);
    expect(await countWrites(vault)).toBe(before + 1);
    expect((await readValues(vault))["DB-PASSWORD"]).toBe(changed);
  }, 180_000);

  it("signs in with a GitLab id_token held in a named variable (--federated-token-env)", async () => {
    const vault = "cli-gitlab";
    await createVault(vault, WORKLOAD_APP);
    const value = canary("g");
    const dir = makeProject(cli, "gitlab", { "secrets.json": JSON.stringify({ SHOP_TOKEN: value }) });
    const token = await cloud.mintFederatedToken({ issuer: GITLAB_ISSUER, subject: GITLAB_SUBJECT });
    const env = {
      AZURE_ID_TOKEN: token,
      KEYVAULT_SYNC_FEDERATED_TOKEN_ENV: "AZURE_ID_TOKEN",
      GITLAB_CI: "true",
      CI_PROJECT_PATH: "octo-org/octo-repo",
    };
    const result = await run(
      [
        "apply",
        "--vault",
        vault,
        "--secrets-file",
        "secrets.json",
        "--owner",
        "gitlab:octo-org/octo-repo",
        "--tenant-id",
        cloud.info.tenantId,
        "--client-id",
        WORKLOAD_APP,
      ],
      dir,
      env,
    );
    expect(result.exitCode, explain(result)).toBe(0);
    expect(result.stderr).toContain("Signing in: token-env");
    expect(result.stdout).not.toContain(token.slice(0, 40));
    expect(result.stderr).not.toContain(token.slice(0, 40));
    expect(await readValues(vault)).toEqual({ "SHOP-TOKEN": value });
  }, 120_000);

  it("signs in as a managed identity through IDENTITY_ENDPOINT and IDENTITY_HEADER", async () => {
    const vault = "cli-managed";
    await createVault(vault, IDENTITY.objectId);
    const value = canary("m");
    const dir = makeProject(cli, "managed", { ".env": `REDIS_URL=${value}\n` });
    const result = await run(["apply", "--vault", vault, "--env-file", ".env", "--owner", "app-service"], dir, identityEnv(cloud.info));
    expect(result.exitCode, explain(result)).toBe(0);
    expect(result.stderr).toContain("Signing in: managed-identity (a managed identity endpoint is set)");
    expect(await readValues(vault)).toEqual({ "REDIS-URL": value });
  }, 120_000);

  it("refuses bad options by option name, without the value", async () => {
    const dir = makeProject(cli, "bad", { ".env": "A=b-value-not-shown\n" });
    const secretish = canary("s");
    const result = await run(
      ["plan", "--vault", "my-vault", "--env-file", ".env", "--owner", "o", "--prefix", `${secretish}_`, "--auth", "azure-cli"],
      dir,
      {},
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("Invalid option --prefix: may contain only letters, digits and hyphens");
    const outside = await run(
      ["plan", "--vault", "my-vault", "--env-file", "/proc/self/environ", "--owner", "o", "--auth", "azure-cli"],
      dir,
      {},
    );
    expect(outside.exitCode).toBe(1);
    expect(outside.stderr).toContain("Invalid option --env-file");
    expect(outside.stderr).toContain("/proc, /sys or /dev");
    const noOwner = await run(["plan", "--vault", "my-vault", "--env-file", ".env", "--auth", "azure-cli"], dir, {
      GITHUB_REPOSITORY: "octo-org/octo-repo",
    });
    expect(noOwner.exitCode).toBe(1);
    expect(noOwner.stderr).toContain("Invalid option --owner: is required");
  }, 60_000);

  it("signs in through an Azure Pipelines service connection (SYSTEM_OIDCREQUESTURI, SYSTEM_ACCESSTOKEN)", async () => {
    const vault = "cli-pipelines";
    await createVault(vault, WORKLOAD_APP);
    const app = cloud.world.apps.find((candidate) => candidate.clientId === WORKLOAD_APP);
    const { issuer, subject, oidcRequestUri, accessToken, serviceConnectionId } = cloud.azureDevOps;
    app?.federatedCredentials.push({ name: "ado", issuer, subject, audiences: ["api://AzureADTokenExchange"] });
    const value = canary("p");
    const dir = makeProject(cli, "pipelines", { "production.env": `QUEUE_KEY=${value}\n` });
    // What an AzureCLI@2 step exports, plus the agent's own variables.
    const env = {
      TF_BUILD: "True",
      SYSTEM_OIDCREQUESTURI: oidcRequestUri,
      SYSTEM_ACCESSTOKEN: accessToken,
      AZURESUBSCRIPTION_SERVICE_CONNECTION_ID: serviceConnectionId,
      AZURESUBSCRIPTION_TENANT_ID: cloud.info.tenantId,
      AZURESUBSCRIPTION_CLIENT_ID: WORKLOAD_APP,
    };
    const result = await run(["apply", "--vault", vault, "--env-file", "production.env", "--owner", "ado:octo-project"], dir, env);
    expect(result.exitCode, explain(result)).toBe(0);
    expect(result.stderr).toContain("Signing in: azure-pipelines (an Azure Pipelines service connection is available)");
    expect(`${result.stdout}${result.stderr}`).not.toContain(accessToken);
    expect(await readValues(vault)).toEqual({ "QUEUE-KEY": value });
  }, 120_000);

  it.skipIf(azPath === undefined)(
    "uses a real `az login --federated-token` session when nothing else is set",
    async () => {
      const vault = "cli-az";
      await createVault(vault, cloud.info.clientId);
      const value = canary("z");
      const configDir = mkdtempSync(join(cli.root, "az-"));
      const azEnv = {
        AZURE_CONFIG_DIR: configDir,
        AZURE_CORE_COLLECT_TELEMETRY: "0",
        AZURE_CORE_SURVEY_MESSAGE: "false",
        AZURE_CORE_ONLY_SHOW_ERRORS: "true",
        LANG: "C.UTF-8",
      };
      const token = await cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" });
      const login = await new Promise<{ code: number; stderr: string }>((resolve) => {
        const args = [
          "login",
          "--service-principal",
          "--username",
          cloud.info.clientId,
          "--tenant",
          cloud.info.tenantId,
          "--federated-token",
          token,
          "--output",
          "none",
        ];
        execFile(
          azPath as string,
          args,
          { env: { PATH: process.env["PATH"] ?? "", HOME: configDir, ...proxyEnv(), ...azEnv }, timeout: 120_000 },
          (error, _stdout, stderr) => {
            resolve({ code: error === null ? 0 : 1, stderr });
          },
        );
      });
      expect(login.code, login.stderr).toBe(0);
      const dir = makeProject(cli, "az", { ".env": `LAPTOP_SECRET=${value}\n` });
      const result = await run(["apply", "--vault", vault, "--env-file", ".env", "--owner", "me@laptop"], dir, {
        ...azEnv,
        HOME: configDir,
      });
      expect(result.exitCode, explain(result)).toBe(0);
      expect(result.stderr).toContain("Signing in: azure-cli (no other sign-in found, using the Azure CLI session)");
      expect(await readValues(vault)).toEqual({ "LAPTOP-SECRET": value });
    },
    240_000,
  );
});
