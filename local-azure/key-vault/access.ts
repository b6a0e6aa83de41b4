/**
 * Who may do what on a vault: Azure RBAC data actions or legacy access policies, plus the
 * firewall. Denials carry the real 403 texts, because the action's triage tells RBAC, access
 * policy and firewall apart by innererror code and shows the message to the user.
 */
import { createHash } from "node:crypto";
import { roleAllowsDataAction } from "../roles.ts";
import type { AccessTokenClaims, VaultConfig } from "../types.ts";
import { fail, type Outcome } from "./outcome.ts";
import type { Operation } from "./routes.ts";

type ObjectKind = "secrets" | "keys";

/** RBAC data action and access-policy permission per operation, and which object kind it touches. */
const REQUIREMENTS: Record<Operation, { kind: ObjectKind; dataAction: string; permission: string }> = {
  GetSecret: { kind: "secrets", dataAction: "getSecret/action", permission: "get" },
  SetSecret: { kind: "secrets", dataAction: "setSecret/action", permission: "set" },
  UpdateSecret: { kind: "secrets", dataAction: "update/action", permission: "set" },
  DeleteSecret: { kind: "secrets", dataAction: "delete", permission: "delete" },
  GetSecrets: { kind: "secrets", dataAction: "readMetadata/action", permission: "list" },
  GetSecretVersions: { kind: "secrets", dataAction: "readMetadata/action", permission: "list" },
  GetDeletedSecrets: { kind: "secrets", dataAction: "readMetadata/action", permission: "list" },
  GetDeletedSecret: { kind: "secrets", dataAction: "readMetadata/action", permission: "get" },
  PurgeDeletedSecret: { kind: "secrets", dataAction: "purge/action", permission: "purge" },
  RecoverDeletedSecret: { kind: "secrets", dataAction: "recover/action", permission: "recover" },
  BackupSecret: { kind: "secrets", dataAction: "backup/action", permission: "backup" },
  RestoreSecret: { kind: "secrets", dataAction: "restore/action", permission: "restore" },
  CreateKey: { kind: "keys", dataAction: "create/action", permission: "create" },
  GetKey: { kind: "keys", dataAction: "read", permission: "get" },
  GetKeys: { kind: "keys", dataAction: "read", permission: "list" },
  GetKeyVersions: { kind: "keys", dataAction: "read", permission: "list" },
  UpdateKey: { kind: "keys", dataAction: "update/action", permission: "update" },
  WrapKey: { kind: "keys", dataAction: "wrap/action", permission: "wrapKey" },
  UnwrapKey: { kind: "keys", dataAction: "unwrap/action", permission: "unwrapKey" },
  Encrypt: { kind: "keys", dataAction: "encrypt/action", permission: "encrypt" },
  Decrypt: { kind: "keys", dataAction: "decrypt/action", permission: "decrypt" },
};

/** The full RBAC data action an operation needs, e.g. Microsoft.KeyVault/vaults/keys/wrap/action. */
export function toDataAction(operation: Operation): string {
  const { kind, dataAction } = REQUIREMENTS[operation];
  return `Microsoft.KeyVault/vaults/${kind}/${dataAction}`;
}

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
function formatResource(scope: VaultScope, kind: ObjectKind, objectName: string | undefined): string {
  const vault = `/subscriptions/${scope.subscriptionId}/resourcegroups/${scope.resourceGroup}/providers/microsoft.keyvault/vaults/${scope.vaultName}`;
  return (objectName === undefined ? vault : `${vault}/${kind}/${objectName}`).toLowerCase();
}

export function authorizeRequest(
  model: VaultConfig["accessModel"],
  grants: AccessGrants,
  claims: AccessTokenClaims,
  operation: Operation,
  scope: VaultScope,
  objectName: string | undefined,
): AccessDecision {
  const { kind, permission } = REQUIREMENTS[operation];
  const dataAction = toDataAction(operation);
  if (model === "access-policy") {
    const allowed = grants.accessPolicies.some(
      (policy) =>
        matchesCaller(policy.principal, claims) &&
        ((kind === "keys" ? policy.keyPermissions : policy.permissions) ?? []).some(
          (granted) => granted.toLowerCase() === permission.toLowerCase(),
        ),
    );
    if (allowed) return { allowed: true };
    const message = `The user, group or application '${formatCaller(claims)}' does not have ${kind} ${permission} permission on key vault '${formatVault(scope)}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`;
    return { allowed: false, outcome: fail(403, "Forbidden", message, "AccessDenied") };
  }
  const assignment = grants.roles.find((entry) => matchesCaller(entry.principal, claims) && roleAllowsDataAction(entry.role, dataAction));
  if (assignment !== undefined) {
    // Stable per assignment, like the real header that names the role assignment that allowed the call.
    const assignmentId = createHash("sha256")
      .update(`${scope.vaultName}|${assignment.principal}|${assignment.role}`)
      .digest("hex")
      .slice(0, 32);
    return { allowed: true, assignmentId };
  }
  const message = [
    "Caller is not authorized to perform action on resource.",
    "If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.",
    `Caller: ${formatCaller(claims)}`,
    `Action: '${dataAction}'`,
    `Resource: '${formatResource(scope, kind, objectName)}'`,
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
