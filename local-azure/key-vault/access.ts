/**
 * Who may do what on a vault: Azure RBAC data actions or legacy access policies, plus the
 * firewall. Denials carry the real 403 texts, because the action's triage tells RBAC, access
 * policy and firewall apart by innererror code and shows the message to the user.
 */
import { createHash } from "node:crypto";
import type { AccessTokenClaims, VaultConfig, VaultRole } from "../types.ts";
import { fail, type Outcome } from "./outcome.ts";
import type { Operation } from "./routes.ts";

/** RBAC data action (under Microsoft.KeyVault/vaults/secrets/) and access-policy permission per operation. */
const REQUIREMENTS: Record<Operation, { dataAction: string; permission: string }> = {
  GetSecret: { dataAction: "getSecret/action", permission: "get" },
  SetSecret: { dataAction: "setSecret/action", permission: "set" },
  UpdateSecret: { dataAction: "update/action", permission: "set" },
  DeleteSecret: { dataAction: "delete", permission: "delete" },
  GetSecrets: { dataAction: "readMetadata/action", permission: "list" },
  GetSecretVersions: { dataAction: "readMetadata/action", permission: "list" },
  GetDeletedSecrets: { dataAction: "readMetadata/action", permission: "list" },
  GetDeletedSecret: { dataAction: "readMetadata/action", permission: "get" },
  PurgeDeletedSecret: { dataAction: "purge/action", permission: "purge" },
  RecoverDeletedSecret: { dataAction: "recover/action", permission: "recover" },
  BackupSecret: { dataAction: "backup/action", permission: "backup" },
  RestoreSecret: { dataAction: "restore/action", permission: "restore" },
};

/** Data actions of the built-in roles, restricted to secrets; "*" is secrets/* (or all data actions). */
const ROLE_DATA_ACTIONS: Record<VaultRole, ReadonlySet<string> | "*"> = {
  "Key Vault Administrator": "*",
  "Key Vault Secrets Officer": "*",
  "Key Vault Secrets User": new Set(["getSecret/action", "readMetadata/action"]),
  "Key Vault Reader": new Set(["readMetadata/action"]),
};

export interface AccessGrants {
  roles: VaultConfig["roles"];
  accessPolicies: VaultConfig["accessPolicies"];
}

/** Grants changed through the admin API may wait for a propagation delay, like real role assignments. */
export interface AccessState {
  effective: AccessGrants;
  pending?: { grants: AccessGrants; effectiveAtMs: number };
}

export function readEffectiveGrants(state: AccessState, nowMs: number): AccessGrants {
  if (state.pending !== undefined && state.pending.effectiveAtMs <= nowMs) {
    state.effective = state.pending.grants;
    delete state.pending;
  }
  return state.effective;
}

/** A newer change replaces one that has not taken effect yet: the latest configuration wins. */
export function scheduleGrants(state: AccessState, grants: AccessGrants, nowMs: number, delayMs: number): void {
  readEffectiveGrants(state, nowMs);
  if (delayMs <= 0) {
    state.effective = grants;
    delete state.pending;
  } else {
    state.pending = { grants, effectiveAtMs: nowMs + delayMs };
  }
}

/** Where the vault "lives", for the Resource and Vault lines of 403 messages. */
export interface VaultScope {
  vaultName: string;
  location: string;
  subscriptionId: string;
  resourceGroup: string;
}

export type AccessDecision = { allowed: true; assignmentId?: string } | { allowed: false; outcome: Outcome };

function matchesCaller(principal: string, claims: AccessTokenClaims): boolean {
  const wanted = principal.toLowerCase();
  return wanted === claims.oid.toLowerCase() || wanted === claims.appid.toLowerCase();
}

function formatCaller(claims: AccessTokenClaims): string {
  return `appid=${claims.appid};oid=${claims.oid};iss=${claims.iss}`;
}

function formatVault(scope: VaultScope): string {
  return `${scope.vaultName};location=${scope.location}`;
}

/** ARM scopes in Key Vault's messages are lowercase. */
function formatResource(scope: VaultScope, secretName: string | undefined): string {
  const vault = `/subscriptions/${scope.subscriptionId}/resourcegroups/${scope.resourceGroup}/providers/microsoft.keyvault/vaults/${scope.vaultName}`;
  return (secretName === undefined ? vault : `${vault}/secrets/${secretName}`).toLowerCase();
}

export function authorizeRequest(
  model: VaultConfig["accessModel"],
  grants: AccessGrants,
  claims: AccessTokenClaims,
  operation: Operation,
  scope: VaultScope,
  secretName: string | undefined,
): AccessDecision {
  const { dataAction, permission } = REQUIREMENTS[operation];
  if (model === "access-policy") {
    const allowed = grants.accessPolicies.some(
      (policy) => matchesCaller(policy.principal, claims) && policy.permissions.some((granted) => granted.toLowerCase() === permission),
    );
    if (allowed) return { allowed: true };
    const message = `The user, group or application '${formatCaller(claims)}' does not have secrets ${permission} permission on key vault '${formatVault(scope)}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`;
    return { allowed: false, outcome: fail(403, "Forbidden", message, "AccessDenied") };
  }
  const assignment = grants.roles.find((entry) => {
    const actions = ROLE_DATA_ACTIONS[entry.role];
    return matchesCaller(entry.principal, claims) && (actions === "*" || actions.has(dataAction));
  });
  if (assignment !== undefined) {
    // Stable per assignment, like the real header that names the role assignment that allowed the call.
    const assignmentId = createHash("sha256").update(`${scope.vaultName}|${assignment.principal}|${assignment.role}`).digest("hex").slice(0, 32);
    return { allowed: true, assignmentId };
  }
  const message = [
    "Caller is not authorized to perform action on resource.",
    "If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.",
    `Caller: ${formatCaller(claims)}`,
    `Action: 'Microsoft.KeyVault/vaults/secrets/${dataAction}'`,
    `Resource: '${formatResource(scope, secretName)}'`,
    "Assignment: (not found)",
    "DenyAssignmentId: null",
    "DecisionReason: null ",
    `Vault: ${formatVault(scope)}`,
    "",
  ].join("\r\n");
  return { allowed: false, outcome: fail(403, "Forbidden", message, "ForbiddenByRbac") };
}

export function failFirewall(claims: AccessTokenClaims, clientAddress: string, scope: VaultScope): Outcome {
  const message = [
    "Client address is not authorized and caller is not a trusted service.",
    `Client address: ${clientAddress}`,
    `Caller: ${formatCaller(claims)}`,
    `Vault: ${formatVault(scope)}`,
  ].join("\r\n");
  return fail(403, "Forbidden", message, "ForbiddenByFirewall");
}

export function failPurgeProtected(scope: VaultScope): Outcome {
  return fail(
    403,
    "Forbidden",
    `Operation "purge" is not allowed because purge protection is enabled for this vault. Key Vault service will automatically purge it after the retention period has passed. Vault: ${formatVault(scope)}`,
  );
}
