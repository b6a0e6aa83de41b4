/**
 * The part of ARM a `check` reads about a vault, writing nothing: the vault resource (its
 * permission model and access policies) and the caller's effective permissions at the vault's
 * scope (`Microsoft.Authorization/permissions`), derived from the roles the world assigns and the
 * built-in role definitions in roles.ts. Facts: POLICY-FACTS.md ("ARM").
 */
import type { VaultDescription } from "./key-vault/index.ts";
import { toJsonResponse } from "./json-response.ts";
import { ROLE_DEFINITIONS, matchesActionPattern } from "./roles.ts";
import type { AccessTokenClaims, CloudResponse, WorldConfig } from "./types.ts";
import { toVaultUrl } from "./world.ts";

const VAULT_PATH =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.keyvault\/vaults\/([^/]+)(\/providers\/microsoft\.authorization\/permissions)?$/;

export interface VaultArmContext {
  world: WorldConfig;
  claims: AccessTokenClaims;
  describeVault(name: string): VaultDescription | undefined;
  fail(status: number, code: string, message: string, operation: string): CloudResponse;
}

export type VaultArmMatch = {
  operation: "ArmGetVault" | "ArmVaultPermissions";
  subscriptionId: string;
  resourceGroup: string;
  vaultName: string;
};

/** Lowercased path → a vault route, or undefined when the path is not about a vault. */
export function matchVaultPath(path: string): VaultArmMatch | undefined {
  const match = VAULT_PATH.exec(path);
  if (match === null) return undefined;
  const [, subscriptionId = "", resourceGroup = "", vaultName = "", permissions] = match;
  return { operation: permissions === undefined ? "ArmGetVault" : "ArmVaultPermissions", subscriptionId, resourceGroup, vaultName };
}

function isCaller(principal: string, claims: AccessTokenClaims): boolean {
  const wanted = principal.toLowerCase();
  return wanted === claims.oid.toLowerCase() || wanted === claims.appid.toLowerCase();
}

/** Access policies name object ids; the world may name an app by its client id. */
function toObjectId(world: WorldConfig, principal: string): string {
  const wanted = principal.toLowerCase();
  const identities = [...world.apps, ...(world.managedIdentities ?? [])];
  return identities.find((identity) => identity.clientId.toLowerCase() === wanted)?.objectId ?? principal;
}

function toVaultId(world: WorldConfig, vault: VaultDescription): string {
  return `/subscriptions/${world.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault.settings.name}`;
}

function describeVaultResource(world: WorldConfig, vault: VaultDescription): Record<string, unknown> {
  const { settings, grants } = vault;
  const properties: Record<string, unknown> = {
    sku: { family: "A", name: "standard" },
    tenantId: world.tenantId,
    accessPolicies: grants.accessPolicies.map((policy) => ({
      tenantId: world.tenantId,
      objectId: toObjectId(world, policy.principal),
      permissions: { keys: policy.keyPermissions ?? [], secrets: policy.permissions, certificates: [] },
    })),
    enabledForDeployment: false,
    enabledForDiskEncryption: false,
    enabledForTemplateDeployment: false,
    enableSoftDelete: true,
    softDeleteRetentionInDays: settings.recoverableDays,
    enableRbacAuthorization: settings.accessModel === "rbac",
    vaultUri: `${toVaultUrl(settings)}/`,
    provisioningState: "Succeeded",
    publicNetworkAccess: "Enabled",
    networkAcls: { bypass: "AzureServices", defaultAction: settings.firewall ? "Deny" : "Allow", ipRules: [], virtualNetworkRules: [] },
  };
  if (settings.purgeProtection) properties.enablePurgeProtection = true;
  return {
    id: toVaultId(world, vault),
    name: settings.name,
    type: "Microsoft.KeyVault/vaults",
    location: vault.location,
    tags: {},
    properties,
  };
}

/** One entry per role assignment the caller holds at (or, here, only at) the vault's scope. */
function listPermissions(vault: VaultDescription, claims: AccessTokenClaims): Array<Record<string, string[]>> {
  return vault.grants.roles
    .filter((assignment) => isCaller(assignment.principal, claims))
    .map(({ role }) => {
      const { actions, notActions, dataActions, notDataActions } = ROLE_DEFINITIONS[role];
      return { actions: [...actions], notActions: [...notActions], dataActions: [...dataActions], notDataActions: [...notDataActions] };
    });
}

export function handleVaultArm(match: VaultArmMatch, context: VaultArmContext): CloudResponse {
  const { world, claims, fail } = context;
  const { operation } = match;
  if (match.subscriptionId !== world.subscriptionId.toLowerCase()) {
    return fail(404, "SubscriptionNotFound", `The subscription '${match.subscriptionId}' could not be found.`, operation);
  }
  const vault = context.describeVault(match.vaultName);
  if (vault === undefined || vault.resourceGroup.toLowerCase() !== match.resourceGroup) {
    return fail(
      404,
      "ResourceNotFound",
      `The Resource 'Microsoft.KeyVault/vaults/${match.vaultName}' under resource group '${match.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      operation,
    );
  }
  const permissions = listPermissions(vault, claims);
  if (operation === "ArmVaultPermissions") return toJsonResponse(200, { value: permissions }, operation);
  // Reading the resource needs the control-plane action Microsoft.KeyVault/vaults/read.
  const canRead = permissions.some((entry) =>
    (entry.actions ?? []).some((pattern) => matchesActionPattern(pattern, "Microsoft.KeyVault/vaults/read")),
  );
  if (!canRead) {
    const scope = toVaultId(world, vault);
    return fail(
      403,
      "AuthorizationFailed",
      `The client '${claims.oid}' with object id '${claims.oid}' does not have authorization to perform action 'Microsoft.KeyVault/vaults/read' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      operation,
    );
  }
  return toJsonResponse(200, describeVaultResource(world, vault), operation);
}
