/**
 * Effective permissions, learned without writing anything: for RBAC vaults from ARM's
 * `Microsoft.Authorization/permissions` at the vault's scope (the caller's own role assignments),
 * for access-policy vaults from the vault's access policies for the identity's object id. Where
 * neither could be read, the answer is "unknown", never a guess. Pure: evidence in, findings out.
 */
import type { Finding } from "./findings.ts";

export type SecretOperation = "list" | "get" | "set" | "update" | "delete" | "recover";
export type KeyOperation = "get" | "wrapKey" | "unwrapKey";

/** One role assignment's permissions, as ARM lists them. */
export interface RolePermissions {
  actions: readonly string[];
  notActions: readonly string[];
  dataActions: readonly string[];
  notDataActions: readonly string[];
}

/** One access policy of the vault resource. */
export interface AccessPolicy {
  objectId: string;
  secrets: readonly string[];
  keys: readonly string[];
}

export type PermissionEvidence =
  /** `inferred`: the vault resource could not be read, so RBAC is assumed from this evidence. */
  | { source: "rbac"; assignments: readonly RolePermissions[]; inferred?: string | undefined }
  | { source: "access-policy"; objectId: string; policies: readonly AccessPolicy[] }
  | { source: "unknown"; reason: string };

const SECRET_DATA_ACTIONS: Readonly<Record<SecretOperation, string>> = {
  list: "Microsoft.KeyVault/vaults/secrets/readMetadata/action",
  get: "Microsoft.KeyVault/vaults/secrets/getSecret/action",
  set: "Microsoft.KeyVault/vaults/secrets/setSecret/action",
  update: "Microsoft.KeyVault/vaults/secrets/update/action",
  delete: "Microsoft.KeyVault/vaults/secrets/delete",
  recover: "Microsoft.KeyVault/vaults/secrets/recover/action",
};

const KEY_DATA_ACTIONS: Readonly<Record<KeyOperation, string>> = {
  get: "Microsoft.KeyVault/vaults/keys/read",
  wrapKey: "Microsoft.KeyVault/vaults/keys/wrap/action",
  unwrapKey: "Microsoft.KeyVault/vaults/keys/unwrap/action",
};

/** Access-policy permission names (a PATCH of properties needs `set`, like a new version). */
const SECRET_POLICY_PERMISSIONS: Readonly<Record<SecretOperation, string>> = {
  list: "list",
  get: "get",
  set: "set",
  update: "set",
  delete: "delete",
  recover: "recover",
};

/** Azure's action patterns: case-insensitive, `*` matches any run of characters. */
export function matchesAction(pattern: string, action: string): boolean {
  const source = pattern
    .split("*")
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "i").test(action);
}

/** Each assignment grants its dataActions minus its notDataActions; assignments add up. */
function rbacAllows(assignments: readonly RolePermissions[], dataAction: string): boolean {
  return assignments.some(
    (entry) =>
      entry.dataActions.some((pattern) => matchesAction(pattern, dataAction)) &&
      !entry.notDataActions.some((pattern) => matchesAction(pattern, dataAction)),
  );
}

function policyAllows(policies: readonly AccessPolicy[], objectId: string, kind: "secrets" | "keys", permission: string): boolean {
  const wanted = permission.toLowerCase();
  return policies
    .filter((policy) => policy.objectId.toLowerCase() === objectId.toLowerCase())
    .some((policy) => policy[kind].some((granted) => granted.toLowerCase() === wanted || granted.toLowerCase() === "all"));
}

/** true / false when the evidence says, undefined when it cannot be known. */
export function allowsSecret(evidence: PermissionEvidence, operation: SecretOperation): boolean | undefined {
  if (evidence.source === "rbac") return rbacAllows(evidence.assignments, SECRET_DATA_ACTIONS[operation]);
  if (evidence.source === "access-policy")
    return policyAllows(evidence.policies, evidence.objectId, "secrets", SECRET_POLICY_PERMISSIONS[operation]);
  return undefined;
}

export function allowsKey(evidence: PermissionEvidence, operation: KeyOperation): boolean | undefined {
  if (evidence.source === "rbac") return rbacAllows(evidence.assignments, KEY_DATA_ACTIONS[operation]);
  if (evidence.source === "access-policy") return policyAllows(evidence.policies, evidence.objectId, "keys", operation);
  return undefined;
}

/** What the configured work needs, and the least-privileged built-in role that covers it. */
export interface Requirement {
  /** "a sync that writes and prunes", "a dry run that compares values", "BYOK wrap and unwrap". */
  purpose: string;
  kind: "secrets" | "keys";
  operations: readonly (SecretOperation | KeyOperation)[];
  role: string;
}

export interface WorkToCheck {
  /** The sync this workflow runs: does it write, does it prune? */
  sync: { dryRun: boolean; prune: boolean } | undefined;
  byok: boolean;
}

export function listRequirements(work: WorkToCheck): Requirement[] {
  const requirements: Requirement[] = [];
  if (work.sync?.dryRun === true) {
    requirements.push({
      purpose: "a dry run that compares values",
      kind: "secrets",
      operations: ["list", "get"],
      role: "Key Vault Secrets User",
    });
  } else if (work.sync !== undefined) {
    const operations: SecretOperation[] = ["list", "get", "set", "update", "recover", ...(work.sync.prune ? (["delete"] as const) : [])];
    requirements.push({
      purpose: work.sync.prune ? "a sync that writes and prunes" : "a sync that writes",
      kind: "secrets",
      operations,
      role: "Key Vault Secrets Officer",
    });
  }
  if (work.byok)
    requirements.push({
      purpose: "BYOK wrap and unwrap",
      kind: "keys",
      operations: ["get", "wrapKey", "unwrapKey"],
      role: "Key Vault Crypto User",
    });
  return requirements;
}

export interface PermissionContext {
  vaultName: string;
  /** For the fix commands; a placeholder when unknown. */
  clientId: string | undefined;
  /** The key the BYOK check uses, for a role assignment scoped to it. */
  keyName: string | undefined;
}

function describeSource(evidence: PermissionEvidence): string {
  if (evidence.source !== "rbac") return "the vault's access policies for the identity's object id";
  const inferred =
    evidence.inferred === undefined ? "" : ` (the vault resource could not be read; RBAC assumed because ${evidence.inferred})`;
  return `the identity's role assignments at the vault (ARM permissions)${inferred}`;
}

function toPolicyPermission(requirement: Requirement, operation: SecretOperation | KeyOperation): string {
  return requirement.kind === "secrets" ? SECRET_POLICY_PERMISSIONS[operation as SecretOperation] : operation;
}

function grantCommand(requirement: Requirement, evidence: PermissionEvidence, context: PermissionContext): string {
  const assignee = context.clientId ?? "<client-id>";
  if (evidence.source === "access-policy") {
    // set-policy replaces the identity's permissions of that kind, so the command lists all that are needed.
    const permissions = [...new Set(requirement.operations.map((operation) => toPolicyPermission(requirement, operation)))];
    return `az keyvault set-policy --name ${context.vaultName} --spn ${assignee} --${requirement.kind === "secrets" ? "secret" : "key"}-permissions ${permissions.join(" ")}`;
  }
  const vaultScope = `$(az keyvault show --name ${context.vaultName} --query id -o tsv)`;
  const scope = requirement.kind === "keys" && context.keyName !== undefined ? `${vaultScope}/keys/${context.keyName}` : vaultScope;
  return `az role assignment create --role "${requirement.role}" --assignee ${assignee} --scope "${scope}"`;
}

/**
 * One finding per requirement: covered (notice), missing operations (error, with the role or
 * access policy that covers them), or not learnable (warning: the check cannot vouch for it).
 */
export function checkPermissions(
  evidence: PermissionEvidence,
  requirements: readonly Requirement[],
  context: PermissionContext,
): Finding[] {
  const subject = `vault ${context.vaultName}`;
  return requirements.map((requirement): Finding => {
    const allows = (operation: SecretOperation | KeyOperation) =>
      requirement.kind === "secrets"
        ? allowsSecret(evidence, operation as SecretOperation)
        : allowsKey(evidence, operation as KeyOperation);
    const code = requirement.kind === "secrets" ? "secret-permissions" : "key-permissions";
    if (evidence.source === "unknown") {
      return {
        level: "warning",
        code: `${code}-unknown`,
        subject,
        message: `Could not learn whether the identity may do ${requirement.purpose} (${requirement.operations.join(", ")}) without trying a write: ${evidence.reason}`,
        fix: `${requirement.role} covers it. To let check read the effective permissions, set subscription-id and resource-group, and give the identity read access to the vault resource (Key Vault Reader) if the vault uses access policies.`,
      };
    }
    const missing = requirement.operations.filter((operation) => allows(operation) !== true);
    if (missing.length === 0) {
      return {
        level: "notice",
        code,
        subject,
        message: `The identity may do ${requirement.purpose} (${requirement.operations.join(", ")}), according to ${describeSource(evidence)}.`,
        fix: undefined,
      };
    }
    const granted = requirement.operations.filter((operation) => allows(operation) === true);
    const has = granted.length === 0 ? "none of them" : `only ${granted.join(", ")}`;
    const missingPermissions = [...new Set(missing.map((operation) => toPolicyPermission(requirement, operation)))];
    const needs =
      evidence.source === "rbac"
        ? `the '${requirement.role}' role`
        : `the ${requirement.kind === "secrets" ? "secret" : "key"} permissions ${missingPermissions.join(", ")} in its access policy`;
    return {
      level: "error",
      code: `${code}-missing`,
      subject,
      message: `The identity lacks ${missing.join(", ")} for ${requirement.purpose}: of ${requirement.operations.join(", ")} it may do ${has}, according to ${describeSource(evidence)}.`,
      fix: `Grant ${needs}: ${grantCommand(requirement, evidence, context)}${evidence.source === "rbac" ? " (role assignments can take a few minutes to apply)" : ""}`,
    };
  });
}
