/**
 * The order of `check`, and nothing else: sign in → reach the vault → effective permissions →
 * health of the managed set → the BYOK key. Every Azure call goes through a CheckTarget, so the
 * logic runs the same against the real adapter (azure-target.ts) and against test doubles. It
 * writes nothing and reads no secret value.
 */
import { SyncError, errorMessage } from "../errors.ts";
import type { SecretInfo } from "../vault/key-vault-interface.ts";
import { mapWithConcurrency } from "../limiter.ts";
import { summarise, VaultError } from "../vault/vault-errors.ts";
import type { VaultFailure } from "../vault/vault-errors.ts";
import { checkKeyProperties, checkRoundTrip } from "./byok.ts";
import type { KeyCheckContext, KeyId, KeyRead, RoundTrip } from "./byok.ts";
import type { Finding } from "./findings.ts";
import { sortFindings } from "./findings.ts";
import { checkHealth, selectForHealth } from "./health.ts";
import type { SecretHealthInput } from "./health.ts";
import type { AccessIdentity } from "./identity.ts";
import { checkPermissions, listRequirements } from "./permissions.ts";
import type { AccessPolicy, PermissionEvidence, RolePermissions } from "./permissions.ts";
import { describeSignInFailure, explainVaultFailure } from "./reach.ts";

/** An ARM read: the answer, or why there is none (in words fit for a finding). */
export type ArmRead<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface VaultResource {
  rbac: boolean;
  accessPolicies: readonly AccessPolicy[];
}

/** A GET of a secret that does not exist: allowed (404) or refused, and no value is ever read. */
export type ReadProbe = { allowed: true } | { allowed: false; failure: VaultFailure; hint: string | undefined };

/** Everything `check` asks Azure; each method reads, none writes. */
export interface CheckTarget {
  /** Signs in for the vault and describes the token. Throws SyncError when sign-in fails. */
  signIn(): Promise<AccessIdentity>;
  /** Throws VaultError. */
  listSecrets(): Promise<SecretInfo[]>;
  listVersions(name: string): Promise<SecretInfo[]>;
  probeSecretRead(): Promise<ReadProbe>;
  readVaultResource(): Promise<ArmRead<VaultResource>>;
  readPermissions(): Promise<ArmRead<readonly RolePermissions[]>>;
  readKey(key: KeyId): Promise<KeyRead>;
  /** Wraps random bytes and unwraps them, both at the vault. */
  roundTrip(keyId: string): Promise<RoundTrip>;
}

export interface CheckOptions {
  vaultName: string;
  vaultHost: string;
  owner: string;
  prefix: string;
  /** The sync whose permissions to check (undefined: none). */
  sync: { dryRun: boolean; prune: boolean } | undefined;
  health: boolean;
  key: KeyId | undefined;
  /** The tenant the inputs name (a GUID or a domain), to compare with the token's. */
  tenantId: string | undefined;
  clientId: string | undefined;
  expiryWarningDays: number;
  maxVersions: number;
  concurrency: number;
  now: Date;
  log?: (message: string) => void;
}

export interface CheckReport {
  identity: AccessIdentity | undefined;
  permissionSource: PermissionEvidence["source"] | "not-checked";
  /** Secrets whose health was checked. */
  examined: number;
  findings: Finding[];
}

export async function runChecks(target: CheckTarget, options: CheckOptions): Promise<CheckReport> {
  const log = options.log ?? (() => {});
  const findings: Finding[] = [];
  const report = (permissionSource: CheckReport["permissionSource"], identity: AccessIdentity | undefined, examined = 0): CheckReport => ({
    identity,
    permissionSource,
    examined,
    findings: sortFindings(findings),
  });

  let identity: AccessIdentity;
  try {
    identity = await target.signIn();
  } catch (error) {
    findings.push(describeSignInFailure(errorMessage(error), error instanceof SyncError ? error.hint : undefined));
    return report("not-checked", undefined);
  }
  findings.push(...describeIdentity(identity, options));
  log(
    `Signed in: client ${identity.clientId ?? "unknown"}, object ${identity.objectId ?? "unknown"}, tenant ${identity.tenantId ?? "unknown"}, audience ${identity.audience ?? "unknown"}.`,
  );

  const [resource, permissions] = await Promise.all([target.readVaultResource(), target.readPermissions()]);

  let listed: SecretInfo[] | undefined;
  let listFailure: VaultError | undefined;
  try {
    listed = await target.listSecrets();
    log(`The vault answered: ${listed.length} secrets listed.`);
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    listFailure = error;
    findings.push(explainVaultFailure(error.failure, error.hint, { vaultName: options.vaultName, vaultHost: options.vaultHost }));
  }
  // A refusal by permission still means the vault answered; no answer or the firewall means it did not.
  const reachable =
    listFailure === undefined || (listFailure.failure.status !== undefined && listFailure.failure.kind !== "forbidden-firewall");

  const evidence = gatherEvidence(resource, permissions, identity, listFailure?.failure, listed !== undefined);
  const requirements = listRequirements({ sync: options.sync, byok: options.key !== undefined });
  findings.push(
    ...checkPermissions(evidence, requirements, {
      vaultName: options.vaultName,
      clientId: options.clientId ?? identity.clientId,
      keyName: options.key?.name,
    }),
  );
  if (evidence.source === "unknown" && listed !== undefined && options.sync !== undefined) {
    const probe = await target.probeSecretRead();
    if (!probe.allowed) {
      findings.push({
        level: "error",
        code: "secret-get-refused",
        subject: `vault ${options.vaultName}`,
        message: `The identity may list secrets but not read their values: ${summarise(probe.failure)}`,
        fix: probe.hint,
      });
    }
  }

  let examined = 0;
  if (options.health && listed !== undefined) {
    const selected = selectForHealth(listed, options.owner, options.prefix);
    examined = selected.length;
    const inputs = await mapWithConcurrency(selected, options.concurrency, async (latest): Promise<SecretHealthInput> => {
      try {
        return { latest, versions: await target.listVersions(latest.name) };
      } catch (error) {
        return { latest, versions: undefined, versionsError: errorMessage(error) };
      }
    });
    findings.push(
      ...checkHealth(inputs, {
        owner: options.owner,
        prefix: options.prefix,
        now: options.now,
        expiryWarningDays: options.expiryWarningDays,
        maxVersions: options.maxVersions,
        vaultName: options.vaultName,
      }),
    );
    log(`Health: ${examined} secrets of owner '${options.owner}' or inside prefix '${options.prefix}' checked.`);
  }

  if (options.key !== undefined) {
    const sameVault = options.key.vaultName === options.vaultName;
    const context: KeyCheckContext = {
      key: options.key,
      clientId: options.clientId ?? identity.clientId,
      rbac: evidence.source === "unknown" ? undefined : evidence.source === "rbac",
      now: options.now,
      expiryWarningDays: options.expiryWarningDays,
    };
    if (sameVault && !reachable) {
      findings.push(checkRoundTrip({ kind: "not-tried", reason: "the vault did not answer (see the network finding)" }, context));
    } else {
      findings.push(...(await checkKey(target, context)));
    }
  }
  return report(evidence.source, identity, examined);
}

async function checkKey(target: CheckTarget, context: KeyCheckContext): Promise<Finding[]> {
  const read = await target.readKey(context.key);
  const findings = checkKeyProperties(read, context);
  if (read.kind === "failed") return findings;
  const blocking = findings.filter((finding) => finding.level === "error");
  const roundTrip: RoundTrip =
    blocking.length > 0
      ? { kind: "not-tried", reason: `the key's properties refuse it (${blocking.map((finding) => finding.code).join(", ")})` }
      : await target.roundTrip(read.key.id);
  return [...findings, checkRoundTrip(roundTrip, context)];
}

/** The identity the token names; a tenant other than the one configured is an error. */
function describeIdentity(identity: AccessIdentity, options: CheckOptions): Finding[] {
  const findings: Finding[] = [
    {
      level: "notice",
      code: "signed-in",
      subject: "sign-in",
      message: `Signed in as client ${identity.clientId ?? "(unknown)"}, object ${identity.objectId ?? "(unknown)"}, in tenant ${identity.tenantId ?? "(unknown)"}; the token's audience is ${identity.audience ?? "(unknown)"}.`,
      fix: undefined,
    },
  ];
  const configured = options.tenantId?.toLowerCase();
  if (
    configured !== undefined &&
    /^[0-9a-f-]{36}$/.test(configured) &&
    identity.tenantId !== undefined &&
    identity.tenantId.toLowerCase() !== configured
  ) {
    findings.push({
      level: "error",
      code: "tenant-mismatch",
      subject: "sign-in",
      message: `The token is from tenant ${identity.tenantId}, not the configured ${configured}.`,
      fix: "Set tenant-id to the directory that holds the vault and the app registration.",
    });
  }
  return findings;
}

/**
 * Which permissions apply, from the best evidence at hand. The vault resource says whether the
 * vault uses RBAC; when it cannot be read (roles without control-plane read), a data-plane refusal
 * names the model (ForbiddenByRbac / AccessDenied), and a listing that worked while the role
 * assignments grant it points at RBAC too. Otherwise: unknown, with the reasons.
 */
export function gatherEvidence(
  resource: ArmRead<VaultResource>,
  permissions: ArmRead<readonly RolePermissions[]>,
  identity: AccessIdentity,
  listFailure: VaultFailure | undefined,
  listed: boolean,
): PermissionEvidence {
  let rbac: boolean | undefined;
  let inferred: string | undefined;
  if (resource.ok) rbac = resource.value.rbac;
  else if (listFailure?.innerCode === "ForbiddenByRbac") [rbac, inferred] = [true, "Key Vault refused the listing with ForbiddenByRbac"];
  else if (listFailure?.innerCode === "AccessDenied") rbac = false;
  else if (listed && permissions.ok && permissions.value.some((entry) => entry.dataActions.length > 0))
    [rbac, inferred] = [true, "the listing worked and the identity's roles grant data actions"];

  if (rbac === true) {
    return permissions.ok
      ? { source: "rbac", assignments: permissions.value, inferred }
      : { source: "unknown", reason: `the role assignments could not be read: ${permissions.reason}` };
  }
  if (rbac === false) {
    if (!resource.ok)
      return { source: "unknown", reason: `the vault uses access policies, and they could not be read: ${resource.reason}` };
    if (identity.objectId === undefined)
      return { source: "unknown", reason: "the access token names no object id (oid) to find the identity's access policy by" };
    return { source: "access-policy", objectId: identity.objectId, policies: resource.value.accessPolicies };
  }
  const reasons = [
    resource.ok ? undefined : `the vault resource: ${resource.reason}`,
    permissions.ok ? undefined : `the role assignments: ${permissions.reason}`,
  ].filter(Boolean);
  return {
    source: "unknown",
    reason: reasons.length > 0 ? `could not read ${reasons.join("; ")}` : "the vault's permission model could not be learned",
  };
}
