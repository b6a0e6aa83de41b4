/**
 * Small helpers for end-to-end tests that set a vault up through the local Azure's admin API,
 * run the bundled action against it, and then look at what really happened: the vault's full
 * contents (every version, deleted secrets too) and the requests the vault answered.
 */
import { adminGet, adminPatch, adminPut, adminRequest, cloudEnv } from "../local-azure/index.ts";
import type { CloudInfo, RequestLogEntry, RequestLogView } from "../local-azure/index.ts";
import type { AdminSecretView } from "../local-azure/key-vault/index.ts";
import { findStructureProblems } from "./summary-html.ts";
import { findLeaks } from "./leak-check.ts";
import { githubContext, runAction } from "./run-action.ts";
import type { ActionRun } from "./run-action.ts";

export type { AdminSecretView } from "../local-azure/key-vault/index.ts";

export type VaultRole = "Key Vault Secrets Officer" | "Key Vault Secrets User" | "Key Vault Reader" | "Key Vault Administrator";

/** The repository the default world's GitHub context runs in, and so the default owner. */
export const OWNER = "octo-org/octo-repo";

/** The ownership tags the action writes for `owner`. */
export function ownedBy(owner: string = OWNER): Record<string, string> {
  return { "managed-by": "keyvault-sync", "keyvault-sync-owner": owner };
}

export function vaultHost(vault: string): string {
  return `${vault}.vault.azure.net`;
}

/** A fresh, empty vault on which the cloud's app holds `role` ("none": no role at all). */
export async function createVault(
  info: CloudInfo,
  vault: string,
  role: VaultRole | "none" = "Key Vault Secrets Officer",
  settings: Record<string, unknown> = {},
): Promise<void> {
  const roles = role === "none" ? [] : [{ principal: info.clientId, role }];
  await adminPut(info.adminUrl, `/vaults/${vault}`, { roles, ...settings });
}

export async function patchVault(info: CloudInfo, vault: string, settings: Record<string, unknown>): Promise<void> {
  await adminPatch(info.adminUrl, `/vaults/${vault}`, settings);
}

export interface SeedVersion {
  value: string;
  tags?: Record<string, string>;
  contentType?: string;
  enabled?: boolean;
  /** Expiry, in seconds since 1970 (as Key Vault's `exp`). */
  exp?: number;
  /** Certificate-backed. */
  managed?: boolean;
}

/** Adds one version per entry, oldest first, without auth or limits. */
export async function seedSecret(info: CloudInfo, vault: string, name: string, ...versions: SeedVersion[]): Promise<AdminSecretView> {
  let view: AdminSecretView | undefined;
  for (const version of versions) view = await adminPut<AdminSecretView>(info.adminUrl, `/vaults/${vault}/secrets/${name}`, version);
  if (view === undefined) throw new Error(`seedSecret needs at least one version for ${name}`);
  return view;
}

/** Soft-deletes through the admin API: immediately visible among the deleted secrets. */
export async function softDelete(info: CloudInfo, vault: string, name: string): Promise<void> {
  const response = await adminRequest(info.adminUrl, "DELETE", `/vaults/${vault}/secrets/${name}`);
  if (response.status !== 204) throw new Error(`Failed to soft-delete ${name}: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Every secret of the vault, active and deleted, with every version and value. */
export async function readVault(info: CloudInfo, vault: string): Promise<AdminSecretView[]> {
  return (await adminGet<{ secrets: AdminSecretView[] }>(info.adminUrl, `/vaults/${vault}/secrets`)).secrets;
}

export async function readSecret(info: CloudInfo, vault: string, name: string): Promise<AdminSecretView | undefined> {
  const response = await adminRequest<AdminSecretView>(info.adminUrl, "GET", `/vaults/${vault}/secrets/${name}`);
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`Failed to read ${name}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The latest version of a secret the test knows exists. */
export async function readLatest(
  info: CloudInfo,
  vault: string,
  name: string,
): Promise<AdminSecretView["versions"][number] & { state: AdminSecretView["state"]; count: number }> {
  const view = await readSecret(info, vault, name);
  const latest = view?.versions.at(-1);
  if (view === undefined || latest === undefined) throw new Error(`Vault ${vault} has no secret ${name}`);
  return { ...latest, state: view.state, count: view.versions.length };
}

/** A version-by-version fingerprint (ids, values, metadata) to prove nothing was touched. */
export async function snapshotVault(info: CloudInfo, vault: string): Promise<string> {
  return JSON.stringify(await readVault(info, vault));
}

/** Requests one vault answered; tests use one vault each, so these are one test's requests. */
export async function readVaultRequests(info: CloudInfo, vault: string): Promise<RequestLogEntry[]> {
  const view = await adminGet<RequestLogView>(info.adminUrl, `/requests?host=${encodeURIComponent(vaultHost(vault))}`);
  return view.requests;
}

/** Counts per operation over a slice of the vault's log (e.g. only the requests of one run). */
export function countOperations(requests: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of requests) counts[entry.operation] = (counts[entry.operation] ?? 0) + 1;
  return counts;
}

/** Key Vault requests that change a vault: none of these may appear in a dry run. */
export const WRITE_OPERATIONS = [
  "SetSecret",
  "UpdateSecret",
  "DeleteSecret",
  "RecoverDeletedSecret",
  "PurgeDeletedSecret",
  "RestoreSecret",
] as const;

export interface PlanEntry {
  source: string | null;
  name: string;
  action: string;
  reason: string;
}

export function readPlan(run: ActionRun): PlanEntry[] {
  const plan = run.outputs["plan"];
  if (plan === undefined) throw new Error(`The run set no plan output.\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(plan) as PlanEntry[];
}

/** The counts outputs as numbers. */
export function readCounts(
  run: ActionRun,
): Record<"created" | "updated" | "unchanged" | "deleted" | "recovered" | "skipped" | "failed", number> {
  const count = (name: string): number => {
    const raw = run.outputs[name];
    if (raw === undefined) throw new Error(`The run set no '${name}' output.\n${run.stdout}\n${run.stderr}`);
    return Number(raw);
  };
  return {
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    deleted: count("deleted"),
    recovered: count("recovered"),
    skipped: count("skipped"),
    failed: count("failed"),
  };
}

export interface SyncRun extends ActionRun {
  /** The requests this run sent to its vault (the log slice since it started). */
  vaultRequests: RequestLogEntry[];
}

/**
 * Runs the bundled action against one vault of the local Azure as a push job in the production
 * environment; `inputs` add to or override vault, tenant-id and client-id.
 */
export async function runSync(
  info: CloudInfo,
  vault: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  files: Record<string, string> = {},
): Promise<SyncRun> {
  const before = (await readVaultRequests(info, vault)).length;
  const storedBefore = await readStoredValues(info, vault);
  const run = await runAction({
    inputs: { vault, "tenant-id": info.tenantId, "client-id": info.clientId, ...inputs },
    env: { ...cloudEnv(info), ...githubContext(env) },
    files,
  });
  const vaultRequests = (await readVaultRequests(info, vault)).slice(before);
  // Every value the run was given or could have read from the vault must stay out of its output.
  const values = [...readSecretsInput(inputs["secrets"]), ...storedBefore, ...(await readStoredValues(info, vault))];
  const leaks = findLeaks(run, values);
  if (leaks.length > 0) throw new Error(`Secret values leaked into the action's output: ${JSON.stringify(leaks)}`);
  // Every run's summary, rendered as GitHub renders it, must keep its structure.
  const problems = findStructureProblems(run.summary);
  if (problems.length > 0) throw new Error(`The job summary is malformed: ${problems.join("; ")}\n${run.summary}`);
  return { ...run, vaultRequests };
}

function readSecretsInput(secrets: string | undefined): string[] {
  if (secrets === undefined) return [];
  try {
    return Object.values(JSON.parse(secrets) as Record<string, unknown>).filter((value): value is string => typeof value === "string");
  } catch {
    return [];
  }
}

async function readStoredValues(info: CloudInfo, vault: string): Promise<string[]> {
  return (await readVault(info, vault)).flatMap((secret) => secret.versions.map((version) => version.value));
}

/** Everything a reader of the step sees: log, annotations and summary. */
export function visibleText(run: ActionRun): string {
  return [run.visibleLog, run.summary, run.stderr].join("\n");
}
