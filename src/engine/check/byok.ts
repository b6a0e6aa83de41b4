/**
 * The BYOK key check: the key a platform wraps its data keys with must exist, be enabled and in
 * its validity period, be RSA, allow wrapKey and unwrapKey, and a wrap → unwrap round trip of
 * random bytes must work with this identity at the vault. Pure: key facts and round-trip outcome
 * in, findings out. No key material is ever part of a finding.
 */
import { summarise } from "../vault/vault-errors.ts";
import type { VaultFailure } from "../vault/vault-errors.ts";
import type { Finding } from "./findings.ts";

export interface KeyId {
  /** `https://VAULT.<suffix>` */
  vaultUrl: string;
  vaultName: string;
  name: string;
  version: string | undefined;
}

const KEY_NAME = /^[0-9A-Za-z-]{1,127}$/;
const KEY_VERSION = /^[0-9A-Za-z]{1,64}$/;

/** `https://VAULT.<vault suffix>/keys/NAME[/VERSION]`, or the rule it breaks (never the text itself). */
export function parseKeyId(text: string, vaultSuffix: string): { ok: true; key: KeyId } | { ok: false; rule: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, rule: "is not a URL: a key identifier looks like https://VAULT.vault.azure.net/keys/NAME[/VERSION]" };
  }
  if (url.protocol !== "https:") return { ok: false, rule: "must be an https URL" };
  if (url.username !== "" || url.password !== "" || url.port !== "" || url.search !== "" || url.hash !== "") {
    return { ok: false, rule: "must have no user, port, query or fragment" };
  }
  if (!url.hostname.endsWith(`.${vaultSuffix}`))
    return { ok: false, rule: `must have a host that ends with .${vaultSuffix} (the selected cloud's vaults)` };
  const vaultName = url.hostname.slice(0, -(vaultSuffix.length + 1));
  const [, kind, name, version, ...rest] = url.pathname.replace(/\/+$/, "").split("/");
  if (
    kind !== "keys" ||
    name === undefined ||
    !KEY_NAME.test(name) ||
    rest.length > 0 ||
    (version !== undefined && !KEY_VERSION.test(version))
  ) {
    return { ok: false, rule: "must have the path /keys/NAME or /keys/NAME/VERSION (letters, digits and hyphens)" };
  }
  return { ok: true, key: { vaultUrl: `https://${vaultName}.${vaultSuffix}`, vaultName, name, version } };
}

/** What the key's properties say (never its material). */
export interface KeyFacts {
  /** The versioned id the vault answered. */
  id: string;
  keyType: string | undefined;
  keyOps: readonly string[] | undefined;
  enabled: boolean;
  notBefore: Date | undefined;
  expiresOn: Date | undefined;
}

export type KeyRead = { kind: "found"; key: KeyFacts } | { kind: "failed"; failure: VaultFailure };

export type RoundTrip =
  | { kind: "worked"; algorithm: string; bytes: number }
  | { kind: "failed"; step: "wrapKey" | "unwrapKey"; failure: VaultFailure }
  /** Unwrap answered, but not with the bytes that were wrapped. */
  | { kind: "mismatch"; algorithm: string }
  | { kind: "not-tried"; reason: string };

export interface KeyCheckContext {
  key: KeyId;
  clientId: string | undefined;
  /** Does the vault use RBAC (true), access policies (false), or is it unknown? */
  rbac: boolean | undefined;
  now: Date;
  expiryWarningDays: number;
}

const RSA_TYPES = new Set(["RSA", "RSA-HSM"]);
const DAY_MS = 24 * 60 * 60 * 1000;

function subjectOf(context: KeyCheckContext): string {
  return `key ${context.key.vaultName}/${context.key.name}${context.key.version ? `/${context.key.version}` : ""}`;
}

function grantFix(context: KeyCheckContext, permissions: string): string {
  const assignee = context.clientId ?? "<client-id>";
  const role =
    `assign 'Key Vault Crypto User' on the key: az role assignment create --role "Key Vault Crypto User" --assignee ${assignee} ` +
    `--scope "$(az keyvault show --name ${context.key.vaultName} --query id -o tsv)/keys/${context.key.name}"`;
  const policy = `add the key permissions to its access policy: az keyvault set-policy --name ${context.key.vaultName} --spn ${assignee} --key-permissions ${permissions}`;
  if (context.rbac === true) return `Grant the identity access: ${role}.`;
  if (context.rbac === false) return `Grant the identity access: ${policy}.`;
  return `Grant the identity access. RBAC vault: ${role}. Access-policy vault: ${policy}.`;
}

function enableFix(context: KeyCheckContext): string {
  return `Enable the key version (az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --enabled true), or point key-id at an enabled version.`;
}

function describeOperation(operation: string): string {
  return operation === "read" ? "read this key" : `${operation} with this key`;
}

/** A refused key call, by Key Vault's inner code: what it means and the fix. */
function explainKeyFailure(failure: VaultFailure, operation: string, context: KeyCheckContext): Finding {
  const subject = subjectOf(context);
  const what = summarise(failure);
  switch (failure.innerCode ?? failure.code) {
    case "ForbiddenByRbac":
      return {
        level: "error",
        code: "key-role-missing",
        subject,
        message: `The identity may not ${describeOperation(operation)}: no role grants it (Key Vault Crypto User is missing). ${what}`,
        fix: grantFix(context, "get wrapKey unwrapKey"),
      };
    case "AccessDenied":
    case "ForbiddenByPolicy":
      return {
        level: "error",
        code: "key-permission-missing",
        subject,
        message: `The vault's access policies do not let the identity ${describeOperation(operation)}. ${what}`,
        fix: grantFix(context, "get wrapKey unwrapKey"),
      };
    case "KeyDisabled":
      return {
        level: "error",
        code: "key-disabled",
        subject,
        message: `The key is disabled: ${operation} is refused. ${what}`,
        fix: enableFix(context),
      };
    case "KeyExpired":
    case "KeyNotYetValid":
      return {
        level: "error",
        code: "key-not-valid-now",
        subject,
        message: `The key is outside its validity period: ${operation} is refused. ${what}`,
        fix: "Rotate to a new key version, or change the key's expiry / not-before dates.",
      };
    case "KeyOperationForbidden":
      return {
        level: "error",
        code: "key-operation-not-allowed",
        subject,
        message: `The key's key_ops do not allow ${operation}. ${what}`,
        fix: `Add it to the key's operations: az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --ops wrapKey unwrapKey (plus the operations the key already allows).`,
      };
    case "KeyNotFound":
      return {
        level: "error",
        code: "key-not-found",
        subject,
        message: `No such key in vault '${context.key.vaultName}'. ${what}`,
        fix: "Check key-id: the vault, the key name and the version (omit the version to use the latest).",
      };
    default:
      return { level: "error", code: "key-call-failed", subject, message: `Failed to ${operation} with the key: ${what}`, fix: undefined };
  }
}

/** Findings about the key's properties: one per problem, or none. */
export function checkKeyProperties(read: KeyRead, context: KeyCheckContext): Finding[] {
  if (read.kind === "failed") return [explainKeyFailure(read.failure, "read", context)];
  const { key } = read;
  const subject = subjectOf(context);
  const findings: Finding[] = [];
  if (key.keyType === undefined || !RSA_TYPES.has(key.keyType)) {
    findings.push({
      level: "error",
      code: "key-not-rsa",
      subject,
      message: `The key type is ${key.keyType ?? "unknown"}; BYOK wrap and unwrap need RSA or RSA-HSM.`,
      fix: "Create an RSA key (az keyvault key create --kty RSA-HSM --size 3072 …) and point key-id at it.",
    });
  }
  if (!key.enabled)
    findings.push({
      level: "error",
      code: "key-disabled",
      subject,
      message: "The key is disabled: every operation with it is refused.",
      fix: enableFix(context),
    });
  const now = context.now.getTime();
  if (key.expiresOn !== undefined && key.expiresOn.getTime() <= now) {
    findings.push({
      level: "error",
      code: "key-expired",
      subject,
      message: `The key expired on ${key.expiresOn.toISOString().slice(0, 10)}: wrapping new keys is refused.`,
      fix: "Rotate to a new key version (az keyvault key rotate) and update the platform's key reference, or extend the expiry.",
    });
  } else if (key.expiresOn !== undefined && key.expiresOn.getTime() - now <= context.expiryWarningDays * DAY_MS) {
    findings.push({
      level: "warning",
      code: "key-expiring",
      subject,
      message: `The key expires on ${key.expiresOn.toISOString().slice(0, 10)}.`,
      fix: "Rotate to a new key version before then (az keyvault key rotate), or extend the expiry.",
    });
  }
  if (key.notBefore !== undefined && key.notBefore.getTime() > now) {
    findings.push({
      level: "error",
      code: "key-not-yet-valid",
      subject,
      message: `The key is not valid before ${key.notBefore.toISOString()}.`,
      fix: "Use a version that is valid now, or change its not-before date.",
    });
  }
  for (const operation of ["wrapKey", "unwrapKey"]) {
    if (key.keyOps !== undefined && !key.keyOps.includes(operation)) {
      findings.push({
        level: "error",
        code: "key-operation-not-allowed",
        subject,
        message: `The key's key_ops (${key.keyOps.join(", ") || "none"}) do not include ${operation}.`,
        fix: `Allow it: az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --ops ${[...new Set([...key.keyOps, "wrapKey", "unwrapKey"])].join(" ")}`,
      });
    }
  }
  return findings;
}

/** The finding for the round trip: it worked (notice), or why it did not (error). */
export function checkRoundTrip(roundTrip: RoundTrip, context: KeyCheckContext): Finding {
  const subject = subjectOf(context);
  switch (roundTrip.kind) {
    case "worked":
      return {
        level: "notice",
        code: "key-round-trip",
        subject,
        message: `A wrap → unwrap round trip of ${roundTrip.bytes} random bytes with ${roundTrip.algorithm} worked at the vault with this identity.`,
        fix: undefined,
      };
    case "mismatch":
      return {
        level: "error",
        code: "key-round-trip-mismatch",
        subject,
        message: `wrapKey and unwrapKey (${roundTrip.algorithm}) both answered, but unwrapping did not give back the wrapped bytes.`,
        fix: "Check that key-id names one key version and that nothing between the runner and the vault rewrites requests.",
      };
    case "not-tried":
      return {
        level: "warning",
        code: "key-round-trip-not-tried",
        subject,
        message: `The wrap → unwrap round trip was not tried: ${roundTrip.reason}.`,
        fix: "Fix the findings above about this key, then run check again.",
      };
    case "failed":
      return explainKeyFailure(roundTrip.failure, roundTrip.step, context);
  }
}
