/**
 * What a refused Key Vault call means: the failure read from an SDK error (status, codes, the
 * case it names), the VaultError the rest of the action sees, and the one table of hints. Pure:
 * it reads errors as plain data and never imports the Key Vault SDK.
 */
import { SyncError } from "../errors.ts";
import { readVaultName } from "../vault-url.ts";
import { explainPolicyDenial } from "./governance-policy.ts";
import { REQUEST_TIMEOUT_MS } from "./vault-policies.ts";

// ---- Failures ----

export type VaultFailureKind =
  | "forbidden-rbac"
  | "forbidden-policy"
  | "forbidden-firewall"
  | "forbidden-other"
  /** Azure Policy denied a write (issue 11): fails at once, never waited out as role propagation. */
  | "forbidden-governance"
  | "not-found"
  | "deleted-recoverable"
  | "being-deleted"
  | "being-recovered"
  | "throttled"
  | "managed-by-key-vault"
  | "disabled"
  | "bad-request"
  | "transient"
  | "other";

export interface VaultFailure {
  status: number | undefined;
  code: string | undefined;
  innerCode: string | undefined;
  /** Key Vault's own message (names and caller ids, never values). */
  message: string;
  kind: VaultFailureKind;
}

/**
 * Was the identity refused by the vault's access control? RBAC and access-policy refusals say so;
 * a 403 that names neither nor the firewall counts too, as nothing points at the network. The
 * firewall is not an access denial of the identity: another identity would be refused as well.
 */
export function isAccessDenied(kind: VaultFailureKind): boolean {
  return kind === "forbidden-rbac" || kind === "forbidden-policy" || kind === "forbidden-other";
}

/**
 * Did the refusal name a permission model whose changes propagate (RBAC role assignments, access
 * policies), so that waiting may help? An unexplained 403 names none, so it is not waited on.
 */
export function mayStillBePropagating(kind: VaultFailureKind): boolean {
  return isAccessDenied(kind) && kind !== "forbidden-other";
}

export type VaultOperation = "list" | "list-deleted" | "list-versions" | "get" | "get-deleted" | "set" | "update" | "delete" | "recover";

/** A refused Key Vault call: what failed, for which secret, why, and how to fix it. */
export class VaultError extends SyncError {
  readonly failure: VaultFailure;
  readonly operation: VaultOperation;
  readonly secretName: string | undefined;

  constructor(message: string, hint: string | undefined, failure: VaultFailure, operation: VaultOperation, secretName: string | undefined) {
    // No `cause`: the SDK error holds the request, and a set request's body is the value.
    super(message, hint);
    this.name = "VaultError";
    this.failure = failure;
    this.operation = operation;
    this.secretName = secretName;
  }
}

const NETWORK_CODES = new Set([
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOENT",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
  "REQUEST_SEND_ERROR",
]);

const FORBIDDEN_KINDS: Record<string, VaultFailureKind> = {
  ForbiddenByRbac: "forbidden-rbac",
  AccessDenied: "forbidden-policy",
  ForbiddenByPolicy: "forbidden-policy",
  ForbiddenByFirewall: "forbidden-firewall",
  ForbiddenByGovernancePolicy: "forbidden-governance",
  ForbiddenByConnection: "forbidden-firewall",
  SecretManagedByKeyVault: "managed-by-key-vault",
  SecretDisabled: "disabled",
};

const CONFLICT_KINDS: Record<string, VaultFailureKind> = {
  ObjectIsDeletedButRecoverable: "deleted-recoverable",
  ObjectIsBeingDeleted: "being-deleted",
  ObjectIsBeingRecovered: "being-recovered",
};

/** Read status and codes the way the SDK surfaces them (docs/azure-facts.md#errors-and-how-the-sdk-reports-them) and name the case. */
export function classifyVaultError(error: unknown): VaultFailure {
  const fields = (typeof error === "object" && error !== null ? error : {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    details?: { error?: { code?: unknown; message?: unknown; innerError?: { code?: unknown }; innererror?: { code?: unknown } } };
  };
  const status = typeof fields.statusCode === "number" ? fields.statusCode : undefined;
  const bodyError = fields.details?.error;
  const inner = bodyError?.innerError?.code ?? bodyError?.innererror?.code;
  const innerCode = typeof inner === "string" ? inner : undefined;
  const code = typeof bodyError?.code === "string" ? bodyError.code : typeof fields.code === "string" ? fields.code : undefined;
  const aborted = typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
  const message = describeFailure(status, code, typeof bodyError?.message === "string" ? bodyError.message : undefined, aborted);
  const kind = aborted ? "transient" : pickKind(status, code, innerCode, message);
  return { status, code, innerCode, message, kind };
}

/**
 * The only texts trusted to hold no value are Key Vault's own error messages (names and caller
 * ids) and fixed descriptions. The SDK's `message` is never used: for a response it cannot parse
 * it quotes the body, and the body of a GET is the secret.
 */
function describeFailure(
  status: number | undefined,
  code: string | undefined,
  serviceMessage: string | undefined,
  aborted: boolean,
): string {
  if (serviceMessage !== undefined && status !== undefined && status >= 400) return serviceMessage;
  if (aborted) return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s (request timed out)`;
  if (code === "PARSE_ERROR") return `Key Vault's answer could not be read${status === undefined ? "" : ` (HTTP ${status})`}`;
  if (status === undefined) return code === undefined ? "the request failed" : `the request failed (${code})`;
  return `unexpected answer (HTTP ${status}${code === undefined ? "" : `, ${code}`})`;
}

function pickKind(status: number | undefined, code: string | undefined, innerCode: string | undefined, message: string): VaultFailureKind {
  if (status === undefined) return code !== undefined && NETWORK_CODES.has(code) ? "transient" : "other";
  if (status === 403) {
    const known = innerCode === undefined ? undefined : FORBIDDEN_KINDS[innerCode];
    if (known) return known;
    // Older or proxied answers can lack innererror; the firewall wording is distinctive.
    if (/client address is not authorized|public network access is disabled|not allowed by NSP/i.test(message)) return "forbidden-firewall";
    if (/lifetime is managed by Key Vault/i.test(message)) return "managed-by-key-vault";
    if (/was disallowed by policy/i.test(message)) return "forbidden-governance";
    return "forbidden-other";
  }
  if (status === 409) return (innerCode === undefined ? undefined : CONFLICT_KINDS[innerCode]) ?? "other";
  if (status === 404) return "not-found";
  if (status === 429) return "throttled";
  if (status === 400 || status === 405) return "bad-request";
  if (status === 408 || (status >= 500 && status !== 501 && status !== 505)) return "transient";
  return "other";
}

// ---- The one table of hints ----

interface HintContext {
  operation: VaultOperation;
  /** Key Vault's message (names, never values). */
  message: string;
  vaultName: string;
  secretName: string | undefined;
  clientId: string | undefined;
}

const VERBS: Record<VaultOperation, string> = {
  list: "list secrets",
  "list-deleted": "list deleted secrets",
  "list-versions": "list the versions of",
  get: "read",
  "get-deleted": "read the deleted",
  set: "set",
  update: "update the properties of",
  delete: "delete",
  recover: "recover",
};

/** Least-privileged built-in role that allows each operation. */
const ROLE_FOR: Record<VaultOperation, string> = {
  list: "Key Vault Reader",
  "list-deleted": "Key Vault Reader",
  "list-versions": "Key Vault Reader",
  get: "Key Vault Secrets User",
  "get-deleted": "Key Vault Reader",
  set: "Key Vault Secrets Officer",
  update: "Key Vault Secrets Officer",
  delete: "Key Vault Secrets Officer",
  recover: "Key Vault Secrets Officer",
};

/** Access-policy permission each operation needs. */
const PERMISSION_FOR: Record<VaultOperation, string> = {
  list: "list",
  "list-deleted": "list",
  "list-versions": "list",
  get: "get",
  "get-deleted": "get",
  set: "set",
  update: "set",
  delete: "delete",
  recover: "recover",
};

const HINTS: Partial<Record<VaultFailureKind, (ctx: HintContext) => string>> = {
  "forbidden-rbac": (ctx) =>
    `The identity lacks the '${ROLE_FOR[ctx.operation]}' role on this vault (a sync needs 'Key Vault Secrets Officer'; a dry run needs 'Key Vault Secrets User' to compare values). ` +
    `Grant it: az role assignment create --role "${ROLE_FOR[ctx.operation]}" --assignee ${ctx.clientId ?? "<client-id>"} --scope "$(az keyvault show --name ${ctx.vaultName} --query id -o tsv)". ` +
    "New role assignments can take a few minutes to apply.",
  "forbidden-policy": (ctx) =>
    `The vault uses access policies and the identity lacks the secret '${PERMISSION_FOR[ctx.operation]}' permission. ` +
    `Grant what a sync needs: az keyvault set-policy --name ${ctx.vaultName} --spn ${ctx.clientId ?? "<client-id>"} --secret-permissions get list set delete recover`,
  "forbidden-firewall": (ctx) =>
    `The vault's network rules rejected the runner. Run the job on a self-hosted runner inside the vault's virtual network (private endpoint), ` +
    `or allow the runner's public IP: az keyvault network-rule add --name ${ctx.vaultName} --ip-address <runner-ip> (GitHub-hosted runner addresses change between runs).`,
  "forbidden-governance": (ctx) => explainPolicyDenial(ctx.message),
  "managed-by-key-vault": () => "This secret backs a certificate; change the certificate instead, or sync under another name.",
  disabled: (ctx) =>
    `Enable it (az keyvault secret set-attributes --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"} --enabled true) or remove it from the sources.`,
  "deleted-recoverable": (ctx) =>
    `The name is soft-deleted. Recover it (az keyvault secret recover --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"}) or purge it by hand; keyvault-sync never purges.`,
  "being-deleted": () => "Key Vault is still processing a delete of this name; run the sync again in a minute.",
  "being-recovered": () => "Key Vault is still processing a recovery of this name; run the sync again in a minute.",
  throttled: () => "Key Vault kept throttling after repeated backoff; lower the 'concurrency' input or spread runs that share the vault.",
  transient: () => "Key Vault or the network failed repeatedly; run the job again.",
};

/** First line of the service message, with status, inner code and RBAC action: one readable line. */
export function summarise(failure: VaultFailure): string {
  const firstLine = failure.message.split(/\r?\n/)[0]?.trim() || failure.message;
  // The fixed descriptions ("the request failed (ECONNRESET)") already name their codes.
  const codes = [failure.status, failure.innerCode ?? failure.code]
    .filter((part) => part !== undefined && !new RegExp(`\\b${String(part)}\\b`).test(firstLine))
    .join(" ");
  const action = /Action: '([^']+)'/.exec(failure.message)?.[1];
  const detail = [codes, action ? `action ${action}` : undefined].filter(Boolean).join(", ");
  return detail ? `${firstLine} (${detail})` : firstLine;
}

/** Build the error for a refused call; the fake vault in tests builds its errors here too. */
export function createVaultError(
  failure: VaultFailure,
  operation: VaultOperation,
  context: { vaultUrl: string; secretName?: string | undefined; clientId?: string | undefined },
): VaultError {
  const vaultName = readVaultName(context.vaultUrl);
  const target = context.secretName === undefined ? "" : ` secret '${context.secretName}'`;
  const message = `Failed to ${VERBS[operation]}${target} in vault '${vaultName}': ${summarise(failure)}`;
  const hint = HINTS[failure.kind]?.({
    operation,
    message: failure.message,
    vaultName,
    secretName: context.secretName,
    clientId: context.clientId,
  });
  return new VaultError(message, hint, failure, operation, context.secretName);
}
