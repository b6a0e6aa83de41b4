/**
 * Key Vault (secrets and keys data plane, Azure Policy on secrets) of the local Azure. The server hands it every request for
 * `*.vault.azure.net`, `*.vault.usgovcloudapi.net` and `*.vault.azure.cn`; the vault is the
 * first DNS label, and the suffix must be the vault's cloud. An unknown vault answers 404
 * `VaultNotFound` (real clients would fail DNS; a JSON 404 tells the test what is wrong).
 * Behaviour follows docs/azure-facts.md; see data-plane.ts for the order of checks.
 *
 * Admin API (plain HTTP, no auth; bodies and answers are JSON; errors `{"error":{code,message}}`):
 *
 *   GET    /vaults                          → 200 {"vaults": VaultSettings[]}
 *   PUT    /vaults/{vault}                  body: VaultSettings fields, all optional (defaults of
 *                                           world.ts createVaultTemplate) → 201 created / 200
 *                                           replaced (a replaced vault starts empty)
 *   GET    /vaults/{vault}                  → 200 VaultSettings
 *   PATCH  /vaults/{vault}                  body: any VaultSettings fields but name; objects
 *                                           (throttle, faults) merge, arrays (roles,
 *                                           accessPolicies) replace → 200 VaultSettings.
 *                                           Roles/policies apply after accessPropagationMs
 *                                           (default 0 = at once); new faults restart the
 *                                           seeded generator, a new throttle its windows.
 *   DELETE /vaults/{vault}                  → 204
 *   GET    /vaults/{vault}/secrets          → 200 {"secrets": AdminSecretView[]} sorted by name:
 *                                           active and deleted, every version with its value
 *   GET    /vaults/{vault}/secrets/{name}   → 200 AdminSecretView | 404
 *   PUT    /vaults/{vault}/secrets/{name}   body {value, contentType?, tags?, enabled?, nbf?,
 *                                           exp?, created?, updated? (IntDate seconds),
 *                                           managed? (certificate-backed; contentType defaults
 *                                           to application/x-pkcs12), version? (32 hex)}
 *                                           → 200 AdminSecretView. Adds a version without auth
 *                                           or limits; 409 if the name is deleted.
 *   DELETE /vaults/{vault}/secrets/{name}   soft-delete, immediately visible (no delete window);
 *          ?purge=true                      or remove for good, whatever its state → 204
 *   GET|PUT /vaults/{vault}/keys[/{name}]   keys, see key-admin.ts
 *
 * VaultSettings also take `policy` (Azure Policy on secrets, policy.ts; null = off; a partial
 * object is completed from policy.ts createPolicyTemplate), `resourceGroup`, and
 * `accessPolicies[].keyPermissions`.
 */
import type { CloudRequest, CloudResponse, VaultConfig, VerifyAccessToken } from "../types.ts";
import { DEFAULT_RESOURCE_GROUP, DEFAULT_SUBSCRIPTION_ID } from "../world.ts";
import { readEffectiveGrants, type AccessGrants } from "./access.ts";
import { handleAdminRequest } from "./admin.ts";
import { handleDataPlaneRequest, type DataPlaneContext } from "./data-plane.ts";
import { createVault, type Vault, type VaultSettings } from "./vault.ts";

export type { AdminSecretView } from "./admin.ts";
export type { VaultSettings } from "./vault.ts";
export { SUPPORTED_API_VERSIONS } from "./data-plane.ts";
export { MAX_CONTENT_TYPE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, MAX_VALUE_BYTES } from "./parameters.ts";

export interface KeyVaultService {
  /** Requests to *.vault.azure.net, *.vault.usgovcloudapi.net, *.vault.azure.cn. */
  handle(req: CloudRequest): Promise<CloudResponse>;
  /** Admin API requests under /vaults (path relative to the admin root, e.g. /vaults/demo-vault/secrets). */
  handleAdmin(req: CloudRequest): Promise<CloudResponse>;
  /** A vault's live settings and the grants in effect now (ARM describes vaults with these). */
  describeVault(name: string): VaultDescription | undefined;
}

export interface VaultDescription {
  settings: VaultSettings;
  grants: AccessGrants;
  resourceGroup: string;
  location: string;
}

export interface KeyVaultServiceOptions {
  tenantId: string;
  /** Plain VaultConfigs work; VaultSettings adds optional knobs (throttle mode, fault seed, …). */
  vaults: Array<VaultConfig | VaultSettings>;
  verifyAccessToken: VerifyAccessToken;
  /** For the Resource line of RBAC denials; default world.ts DEFAULT_SUBSCRIPTION_ID. */
  subscriptionId?: string;
  resourceGroup?: string;
  /** Region of vaults without their own location; default westus. */
  location?: string;
  /** Clock in ms for timestamps, soft-delete windows, throttling and role propagation; default Date.now. */
  now?: () => number;
  /** How injected latency waits; default a timer. */
  sleep?: (ms: number) => Promise<void>;
}

export function createKeyVaultService(options: KeyVaultServiceOptions): KeyVaultService {
  const vaults = new Map<string, Vault>();
  for (const config of options.vaults) {
    const settings = structuredClone(config) as VaultSettings;
    settings.name = settings.name.toLowerCase();
    vaults.set(settings.name, createVault(settings));
  }
  const context: DataPlaneContext = {
    tenantId: options.tenantId,
    subscriptionId: options.subscriptionId ?? DEFAULT_SUBSCRIPTION_ID,
    resourceGroup: options.resourceGroup ?? DEFAULT_RESOURCE_GROUP,
    defaultLocation: options.location ?? "westus",
    vaults,
    verifyAccessToken: options.verifyAccessToken,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  return {
    handle: (req) => handleDataPlaneRequest(context, req),
    handleAdmin: async (req) => await handleAdminRequest(context, req),
    describeVault(name) {
      const vault = vaults.get(name.toLowerCase());
      if (vault === undefined) return undefined;
      const { settings } = vault;
      return {
        settings,
        grants: readEffectiveGrants(vault.access, context.now()),
        resourceGroup: settings.resourceGroup ?? context.resourceGroup,
        location: settings.location ?? context.defaultLocation,
      };
    },
  };
}
