/**
 * An in-memory KeyVault for unit tests of the state reader, the planner and the applier. It keeps
 * versions, soft-deleted secrets, disabled and certificate-backed secrets, refuses what Key Vault
 * refuses (set on a soft-deleted name, get of a disabled secret, set of a certificate-backed
 * secret), records every call and the highest number of calls in flight, and can be told to fail.
 * `restore` and `seed` change it behind the action's back, as another client would.
 */
import type {
  DeletedSecretInfo,
  KeyVault,
  PropertiesUpdate,
  SecretInfo,
  SecretRead,
  SecretWrite,
} from "../../src/engine/vault/key-vault-interface.ts";
import { createVaultError } from "../../src/engine/vault/vault-errors.ts";
import type { VaultFailure, VaultFailureKind, VaultOperation } from "../../src/engine/vault/vault-errors.ts";

export interface FakeVersion {
  version: string;
  value: string;
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresOn: Date | undefined;
  createdOn: Date;
}

interface FakeSecret {
  name: string;
  managed: boolean;
  enabled: boolean;
  versions: FakeVersion[];
  deletedOn: Date | undefined;
}

export interface SeedOptions {
  tags?: Record<string, string>;
  contentType?: string;
  expiresOn?: Date;
  enabled?: boolean;
  managed?: boolean;
  createdOn?: Date;
}

export interface FakeCall {
  operation: VaultOperation;
  name: string | undefined;
}

export interface FakeVault extends KeyVault {
  /** Adds a version (creating the secret if needed). */
  seed(name: string, value: string, options?: SeedOptions): FakeVault;
  /** Recovers a soft-deleted secret without recording a call: someone else's recovery. */
  restore(name: string): FakeVault;
  /** Adds a secret and soft-deletes it. */
  seedDeleted(name: string, value: string, options?: SeedOptions & { deletedOn?: Date }): FakeVault;
  /** The next `times` calls of `operation` (for `name`, or any name) fail with `kind`. */
  failNext(operation: VaultOperation, name: string | undefined, kind: VaultFailureKind, times?: number): FakeVault;
  latest(name: string): FakeVersion | undefined;
  versions(name: string): FakeVersion[];
  isDeleted(name: string): boolean;
  exists(name: string): boolean;
  readonly calls: FakeCall[];
  writeCalls(): FakeCall[];
  readonly maxInFlight: number;
}

const STATUS_FOR: Record<VaultFailureKind, number | undefined> = {
  "forbidden-rbac": 403,
  "forbidden-policy": 403,
  "forbidden-firewall": 403,
  "forbidden-other": 403,
  "forbidden-governance": 403,
  "not-found": 404,
  "deleted-recoverable": 409,
  "being-deleted": 409,
  "being-recovered": 409,
  throttled: 429,
  "managed-by-key-vault": 403,
  disabled: 403,
  "bad-request": 400,
  transient: 503,
  other: 500,
};

const INNER_CODE_FOR: Partial<Record<VaultFailureKind, string>> = {
  "forbidden-rbac": "ForbiddenByRbac",
  "forbidden-policy": "AccessDenied",
  "forbidden-firewall": "ForbiddenByFirewall",
  "forbidden-governance": "ForbiddenByGovernancePolicy",
  "deleted-recoverable": "ObjectIsDeletedButRecoverable",
  "being-deleted": "ObjectIsBeingDeleted",
  "being-recovered": "ObjectIsBeingRecovered",
  "managed-by-key-vault": "SecretManagedByKeyVault",
  disabled: "SecretDisabled",
};

const WRITES: readonly VaultOperation[] = ["set", "update", "delete", "recover"];

export function createFakeVault(vaultUrl = "https://fake-vault.vault.azure.net"): FakeVault {
  const secrets = new Map<string, FakeSecret>();
  const calls: FakeCall[] = [];
  const failures: Array<{ operation: VaultOperation; name: string | undefined; kind: VaultFailureKind; left: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let versionCounter = 0;
  let clock = Date.parse("2026-01-01T00:00:00Z");

  function nextVersion(): string {
    versionCounter += 1;
    return versionCounter.toString(16).padStart(32, "0");
  }

  function refuse(operation: VaultOperation, name: string | undefined, kind: VaultFailureKind, message: string): never {
    const failure: VaultFailure = {
      status: STATUS_FOR[kind],
      code: kind === "not-found" ? "SecretNotFound" : "Forbidden",
      innerCode: INNER_CODE_FOR[kind],
      message,
      kind,
    };
    throw createVaultError(failure, operation, { vaultUrl, secretName: name });
  }

  async function call<T>(operation: VaultOperation, name: string | undefined, work: () => T): Promise<T> {
    calls.push({ operation, name });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      // Yield a few turns so concurrent callers really overlap.
      for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      const injected = failures.find(
        (entry) =>
          entry.left > 0 && entry.operation === operation && (entry.name === undefined || entry.name.toLowerCase() === name?.toLowerCase()),
      );
      if (injected) {
        injected.left -= 1;
        refuse(operation, name, injected.kind, `injected ${injected.kind} failure`);
      }
      return work();
    } finally {
      inFlight -= 1;
    }
  }

  function find(name: string): FakeSecret | undefined {
    return secrets.get(name.toLowerCase());
  }

  function live(name: string): FakeSecret | undefined {
    const secret = find(name);
    return secret && secret.deletedOn === undefined ? secret : undefined;
  }

  function infoOf(secret: FakeSecret, version: FakeVersion): SecretInfo {
    return {
      name: secret.name,
      version: version.version,
      enabled: secret.enabled,
      managed: secret.managed,
      contentType: version.contentType,
      tags: { ...version.tags },
      expiresOn: version.expiresOn,
      createdOn: version.createdOn,
      updatedOn: version.createdOn,
      recoverableDays: 90,
    };
  }

  function latestOf(secret: FakeSecret): FakeVersion {
    const version = secret.versions.at(-1);
    if (version === undefined) throw new Error(`fake vault: ${secret.name} has no versions`);
    return version;
  }

  function addVersion(name: string, value: string, options: SeedOptions): FakeVersion {
    clock += 1000;
    const secret = find(name) ?? { name, managed: options.managed ?? false, enabled: true, versions: [], deletedOn: undefined };
    if (options.enabled !== undefined) secret.enabled = options.enabled;
    const version: FakeVersion = {
      version: nextVersion(),
      value,
      contentType: options.contentType,
      tags: { ...(options.tags ?? {}) },
      expiresOn: options.expiresOn,
      createdOn: options.createdOn ?? new Date(clock),
    };
    secret.versions.push(version);
    secrets.set(name.toLowerCase(), secret);
    return version;
  }

  const vault: FakeVault = {
    vaultUrl,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
    writeCalls: () => calls.filter((entry) => WRITES.includes(entry.operation)),
    seed(name, value, options = {}) {
      addVersion(name, value, options);
      return vault;
    },
    seedDeleted(name, value, options = {}) {
      addVersion(name, value, options);
      const secret = find(name);
      if (secret) secret.deletedOn = options.deletedOn ?? new Date(clock);
      return vault;
    },
    restore(name) {
      const secret = find(name);
      if (secret) secret.deletedOn = undefined;
      return vault;
    },
    failNext(operation, name, kind, times = 1) {
      failures.push({ operation, name, kind, left: times });
      return vault;
    },
    latest: (name) => {
      const secret = find(name);
      return secret ? latestOf(secret) : undefined;
    },
    versions: (name) => [...(find(name)?.versions ?? [])],
    isDeleted: (name) => find(name)?.deletedOn !== undefined,
    exists: (name) => live(name) !== undefined,

    listSecrets: async (onPage) => {
      const listed = await call("list", undefined, () =>
        [...secrets.values()].filter((secret) => secret.deletedOn === undefined).map((secret) => infoOf(secret, latestOf(secret))),
      );
      // Pages of 25, as Key Vault sends them, each a turn later than the one before.
      for (let start = 0; start < listed.length; start += 25) {
        onPage?.(listed.slice(start, start + 25));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return listed;
    },
    listDeletedSecrets: () =>
      call("list-deleted", undefined, () =>
        [...secrets.values()]
          .filter((secret) => secret.deletedOn !== undefined)
          .map((secret): DeletedSecretInfo => ({
            ...infoOf(secret, latestOf(secret)),
            deletedOn: secret.deletedOn,
            scheduledPurgeDate: undefined,
          })),
      ),
    getSecret: (name) =>
      call("get", name, (): SecretRead => {
        const secret = live(name);
        if (secret === undefined) return { found: false };
        if (!secret.enabled) refuse("get", name, "disabled", "Operation get is not allowed on a disabled secret.");
        const version = latestOf(secret);
        return { found: true, value: version.value, properties: infoOf(secret, version) };
      }),
    getDeletedSecret: (name) =>
      call("get-deleted", name, (): DeletedSecretInfo | undefined => {
        const secret = find(name);
        if (secret?.deletedOn === undefined) return undefined;
        return { ...infoOf(secret, latestOf(secret)), deletedOn: secret.deletedOn, scheduledPurgeDate: undefined };
      }),
    listVersions: (name) =>
      call("list-versions", name, () => (live(name)?.versions ?? []).map((version) => infoOf(live(name) as FakeSecret, version))),
    setSecret: (name, write: SecretWrite) =>
      call("set", name, () => {
        const secret = find(name);
        if (secret?.deletedOn !== undefined)
          refuse("set", name, "deleted-recoverable", `Secret ${name} is currently in a deleted but recoverable state.`);
        if (secret?.managed)
          refuse("set", name, "managed-by-key-vault", `Operation "set" is not allowed as this object's lifetime is managed by Key Vault.`);
        const version = addVersion(name, write.value, { tags: write.tags, contentType: write.contentType, expiresOn: write.expiresOn });
        return infoOf(find(name) as FakeSecret, version);
      }),
    updateProperties: (name, versionId, update: PropertiesUpdate) =>
      call("update", name, () => {
        const secret = live(name);
        const version = secret?.versions.find((candidate) => candidate.version === versionId);
        if (secret === undefined || version === undefined)
          refuse("update", name, "not-found", `A secret with (name/id) ${name}/${versionId} was not found in this key vault.`);
        // Like Key Vault's PATCH: tags are replaced as a whole, unset fields are left alone.
        version.tags = { ...update.tags };
        if (update.contentType !== undefined) version.contentType = update.contentType;
        if (update.expiresOn !== undefined) version.expiresOn = update.expiresOn;
        return infoOf(secret, version);
      }),
    deleteSecret: (name) =>
      call("delete", name, () => {
        const secret = live(name);
        if (secret === undefined) refuse("delete", name, "not-found", `A secret with (name/id) ${name} was not found in this key vault.`);
        clock += 1000;
        secret.deletedOn = new Date(clock);
      }),
    recoverSecret: (name) =>
      call("recover", name, () => {
        const secret = find(name);
        // Like the SDK's recover poller, which reads the secret first: a name that already exists
        // (someone else recovered it) counts as recovered, and nothing is recovered.
        if (secret !== undefined && secret.deletedOn === undefined) return;
        if (secret?.deletedOn === undefined) refuse("recover", name, "not-found", `Deleted Secret not found: ${name}`);
        secret.deletedOn = undefined;
      }),
  };
  return vault;
}
