/**
 * The default world of the local Azure and how partial configurations (JSON file, admin API,
 * `startCloud(config)`) are merged over it. Fixed identifiers keep demos and docs stable.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type {
  AppConfig,
  CloudName,
  FaultConfig,
  FederatedCredentialConfig,
  GitHubOidcConfig,
  ThrottleConfig,
  VaultConfig,
  WorldConfig,
} from "./types.ts";

export type DeepPartial<T> =
  T extends Array<infer U> ? Array<DeepPartial<U>> : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export const DEFAULT_TENANT_ID = "7e57c10d-0a2e-4c1d-9f00-000000000001";
export const DEFAULT_SUBSCRIPTION_ID = "7e57c10d-5b5c-4f00-9000-000000000002";
export const DEFAULT_CLIENT_ID = "7e57c10d-a990-4a00-8000-000000000003";
export const DEFAULT_OBJECT_ID = "7e57c10d-0b1d-4b00-8000-000000000004";
export const DEFAULT_VAULT_NAME = "demo-vault";
/** Resource group of vaults that name none (ARM resource ids, 403 messages). */
export const DEFAULT_RESOURCE_GROUP = "keyvault-sync";
export const DEFAULT_REPOSITORY = "octo-org/octo-repo";
export const DEFAULT_SUBJECT = "repo:octo-org/octo-repo:environment:production";
export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
export const DEFAULT_FIC_AUDIENCE = "api://AzureADTokenExchange";
/** Opaque bearer a runner hands to steps as ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
export const DEFAULT_OIDC_REQUEST_TOKEN = "local-runner-request-token";

export const VAULT_SUFFIXES: Record<CloudName, string> = {
  public: "vault.azure.net",
  usgovernment: "vault.usgovcloudapi.net",
  china: "vault.azure.cn",
};

export const ENTRA_HOSTS: Record<CloudName, string> = {
  public: "login.microsoftonline.com",
  usgovernment: "login.microsoftonline.us",
  china: "login.chinacloudapi.cn",
};

export function createDefaultThrottle(): ThrottleConfig {
  return { enabled: false, writesPerWindow: 300, transactionsPerWindow: 4000, windowMs: 10_000, retryAfterSeconds: null };
}

export function createDefaultFaults(): FaultConfig {
  return { serverErrorRate: 0, serverErrorStatus: 503, dropRate: 0, latencyMs: 0, deleteDelayMs: 0, recoverDelayMs: 0 };
}

/** What a vault named in a config (but not in the defaults) starts from. */
export function createVaultTemplate(name: string): VaultConfig {
  return {
    name,
    cloud: "public",
    roles: [],
    accessModel: "rbac",
    accessPolicies: [],
    firewall: false,
    purgeProtection: false,
    recoverableDays: 90,
    throttle: createDefaultThrottle(),
    faults: createDefaultFaults(),
  };
}

/** What an app named in a config (but not in the defaults) starts from. */
export function createAppTemplate(clientId: string): AppConfig {
  return {
    clientId,
    objectId: randomUUID(),
    displayName: `app-${clientId.slice(0, 8)}`,
    clientSecrets: [],
    federatedCredentials: [],
  };
}

export function createFederatedCredentialTemplate(): FederatedCredentialConfig {
  return { name: "github", issuer: GITHUB_ISSUER, subject: DEFAULT_SUBJECT, audiences: [DEFAULT_FIC_AUDIENCE] };
}

export function createDefaultGitHub(): GitHubOidcConfig {
  return {
    subject: DEFAULT_SUBJECT,
    repository: DEFAULT_REPOSITORY,
    claims: {},
    lifetimeSeconds: 300,
    requestToken: DEFAULT_OIDC_REQUEST_TOKEN,
  };
}

export function createDefaultWorld(): WorldConfig {
  return {
    tenantId: DEFAULT_TENANT_ID,
    subscriptionId: DEFAULT_SUBSCRIPTION_ID,
    apps: [
      {
        clientId: DEFAULT_CLIENT_ID,
        objectId: DEFAULT_OBJECT_ID,
        displayName: "keyvault-sync-deploy",
        clientSecrets: [],
        federatedCredentials: [{ ...createFederatedCredentialTemplate(), name: "octo-repo-production" }],
      },
    ],
    vaults: [{ ...createVaultTemplate(DEFAULT_VAULT_NAME), roles: [{ principal: DEFAULT_CLIENT_ID, role: "Key Vault Secrets Officer" }] }],
    github: createDefaultGitHub(),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars in the patch replace what was there. */
export function mergeDeep<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch) as T;
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = key in out ? mergeDeep(out[key], value as never) : structuredClone(value);
  }
  return out as T;
}

/**
 * Keyed lists (apps by clientId, vaults by name, federated credentials by name) merge item by
 * item, so a config can tweak the default vault without restating it; unknown keys are added,
 * filled from the type's template.
 */
function mergeKeyed<T>(
  base: T[],
  patch: Array<DeepPartial<T>> | undefined,
  keyOf: (item: DeepPartial<T>) => string | undefined,
  template: (key: string) => T,
  mergeItem: (item: T, patch: DeepPartial<T>) => T,
): T[] {
  if (patch === undefined) return structuredClone(base);
  const out = structuredClone(base);
  for (const itemPatch of patch) {
    const key = keyOf(itemPatch);
    if (key === undefined)
      throw new Error("Failed to merge the world config: every app needs a clientId, every vault and federated credential a name");
    const index = out.findIndex((item) => keyOf(item as DeepPartial<T>) === key);
    if (index >= 0) out[index] = mergeItem(out[index] as T, itemPatch);
    else out.push(mergeItem(template(key), itemPatch));
  }
  return out;
}

export function mergeApp(base: AppConfig, patch: DeepPartial<AppConfig>): AppConfig {
  const { federatedCredentials, ...rest } = patch;
  const merged = mergeDeep(base, rest as DeepPartial<AppConfig>);
  merged.federatedCredentials = mergeKeyed(
    base.federatedCredentials,
    federatedCredentials,
    (fic) => fic.name,
    (name) => ({ ...createFederatedCredentialTemplate(), name }),
    (fic, p) => mergeDeep(fic, p),
  );
  return merged;
}

export function mergeWorld(base: WorldConfig, patch: DeepPartial<WorldConfig> | undefined): WorldConfig {
  if (patch === undefined) return structuredClone(base);
  const { apps, vaults, ...rest } = patch;
  const merged = mergeDeep(base, rest as DeepPartial<WorldConfig>);
  merged.apps = mergeKeyed(base.apps, apps, (app) => app.clientId, createAppTemplate, mergeApp);
  merged.vaults = mergeKeyed(
    base.vaults,
    vaults,
    (vault) => vault.name,
    createVaultTemplate,
    (vault, p) => mergeDeep(vault, p),
  );
  return merged;
}

export async function loadWorldConfig(path: string): Promise<DeepPartial<WorldConfig>> {
  const text = await readFile(path, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Failed to read the world config ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!isPlainObject(parsed)) throw new Error(`Failed to read the world config ${path}: the top level must be a JSON object`);
  return parsed;
}

export function toVaultUrl(vault: Pick<VaultConfig, "name" | "cloud">): string {
  return `https://${vault.name}.${VAULT_SUFFIXES[vault.cloud]}`;
}

/** Credentials that model propagation need a creation time; untimed ones start propagating now. */
export function stampFederatedCredentials(app: AppConfig, now: Date): void {
  for (const fic of app.federatedCredentials) {
    if (fic.propagationMs !== undefined && fic.createdAt === undefined) fic.createdAt = now.toISOString();
  }
}
