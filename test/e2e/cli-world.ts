/**
 * The world the CLI's end-to-end tests share: the packed tarball installed in a clean directory,
 * a local Azure with a workload app (AKS and GitLab federated credentials) and a managed
 * identity, and helpers that run the CLI and scan every run for the values used so far.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { adminGet, adminPut, cloudEnv, startCloud } from "../../local-azure/index.ts";
import type { Cloud } from "../../local-azure/index.ts";
import { makeCanary } from "../../tools/leak-check.ts";
import { findCliLeaks, packAndInstall, runCli } from "./cli-support.ts";
import type { CliRun, InstalledCli } from "./cli-support.ts";

export const GITLAB_ISSUER = "https://gitlab.com";
export const GITLAB_SUBJECT = "project_path:octo-org/octo-repo:ref_type:branch:ref:main";
export const AKS_ISSUER = "https://oidc.prod-aks.azure.com/7e57c10d-aaaa-4e70-8000-000000000001/";
export const AKS_SUBJECT = "system:serviceaccount:sync:keyvault-sync";
export const WORKLOAD_APP = "7e57c10d-aa05-4e70-8000-0000000000a1";
export const IDENTITY = { clientId: "7e57c10d-5a5a-4e70-8000-0000000000f1", objectId: "7e57c10d-5a5a-4e70-8000-0000000000f2" };
const OFFICER = "Key Vault Secrets Officer";

export const azPath = (process.env["PATH"] ?? "")
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

/** The running cloud and the installed CLI, once beforeAll has run. */
export const world = {
  get cloud(): Cloud {
    return cloud;
  },
  get cli(): InstalledCli {
    return cli;
  },
};
const allValues: string[] = [];

/** Registers the world's start and stop with the calling test file. */
export function setupCliWorld(): void {
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
}

export function canary(label: string): string {
  const value = makeCanary(label);
  allValues.push(value);
  return value;
}

export async function createVault(name: string, principal: string): Promise<void> {
  await adminPut(cloud.info.adminUrl, `/vaults/${name}`, { roles: [{ principal, role: OFFICER }] });
}

interface VersionView {
  value: string;
  tags?: Record<string, string>;
}

export async function readValues(vault: string): Promise<Record<string, string | undefined>> {
  const { secrets } = await adminGet<{ secrets: Array<{ name: string; versions: VersionView[] }> }>(
    cloud.info.adminUrl,
    `/vaults/${vault}/secrets`,
  );
  return Object.fromEntries(secrets.map((secret) => [secret.name, secret.versions.at(-1)?.value]));
}

export async function countWrites(vault: string): Promise<number> {
  const { requests } = await adminGet<{ requests: Array<{ method: string }> }>(
    cloud.info.adminUrl,
    `/requests?host=${vault}.vault.azure.net`,
  );
  return requests.filter((request) => request.method !== "GET").length;
}

/** Runs the CLI with the cloud's proxy and CA, and checks the run for leaks of every value so far. */
export async function run(args: string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  const result = await runCli(cli, args, { cwd, env: { ...proxyEnv(), ...env } });
  expect(findCliLeaks(result, allValues), "secret values in the CLI's output").toEqual([]);
  return result;
}

/** The proxy and CA only: no GitHub token-request variables, as on a laptop or another CI. */
export function proxyEnv(): Record<string, string> {
  const env = cloudEnv(cloud.info);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("ACTIONS_ID_TOKEN_REQUEST")));
}

export function explain(result: CliRun): string {
  return `exit ${result.exitCode}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
}

export interface JsonPlan {
  changes: number;
  exitCode: number;
  items: Array<{ name: string; action: string; status?: string }>;
}
