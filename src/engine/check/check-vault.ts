/**
 * One call for any front door (the Action, the CLI): the settings of the configured sync plus
 * check's own, and a credential, in; the report out. It builds the Azure target
 * (azure-target.ts) and runs the checks (run-check.ts); rendering and exit codes are the caller's.
 */
import type { TokenCredential } from "@azure/core-auth";
import type { CloudEndpoints } from "../clouds.ts";
import type { KeyId } from "./byok.ts";
import type { FailOn } from "./findings.ts";
import { createAzureCheckTarget } from "./azure-target.ts";
import { runChecks } from "./run-check.ts";
import type { CheckReport } from "./run-check.ts";

export type CheckPart = "sync" | "health" | "key";
export const CHECK_PARTS: readonly CheckPart[] = ["sync", "health", "key"];

/** What check itself is asked to do (the Action's check inputs, the CLI's check options). */
export interface CheckSettings {
  parts: ReadonlySet<CheckPart>;
  key: KeyId | undefined;
  expiryWarningDays: number;
  maxVersions: number;
  failOn: FailOn;
  /** Where the vault's ARM resource is, for effective permissions; undefined when not given. */
  resource: { subscriptionId: string; resourceGroup: string } | undefined;
}

/** The settings of the sync whose access and managed set are checked. */
export interface SyncSettings {
  vaultUrl: string;
  vaultName: string;
  cloud: CloudEndpoints;
  owner: string;
  prefix: string;
  dryRun: boolean;
  prune: boolean;
  tenantId: string | undefined;
  clientId: string | undefined;
  concurrency: number;
}

export interface CheckHooks {
  log: (message: string) => void;
  debug: (message: string) => void;
  now: () => Date;
}

export async function checkVault(
  sync: SyncSettings,
  check: CheckSettings,
  credential: TokenCredential,
  hooks: CheckHooks,
): Promise<CheckReport> {
  const target = createAzureCheckTarget({
    vaultUrl: sync.vaultUrl,
    cloud: sync.cloud,
    credential,
    resource: check.resource,
    vault: { log: hooks.log, debug: hooks.debug, clientId: sync.clientId },
  });
  return runChecks(target, {
    vaultName: sync.vaultName,
    vaultHost: new URL(sync.vaultUrl).hostname,
    owner: sync.owner,
    prefix: sync.prefix,
    sync: check.parts.has("sync") ? { dryRun: sync.dryRun, prune: sync.prune } : undefined,
    health: check.parts.has("health"),
    key: check.parts.has("key") ? check.key : undefined,
    tenantId: sync.tenantId,
    clientId: sync.clientId,
    expiryWarningDays: check.expiryWarningDays,
    maxVersions: check.maxVersions,
    concurrency: sync.concurrency,
    now: hooks.now(),
    log: hooks.log,
  });
}
