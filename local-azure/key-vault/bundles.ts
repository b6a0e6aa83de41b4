/**
 * Wire shapes: SecretBundle, DeletedSecretBundle, SecretItem, DeletedSecretItem. Unset fields are
 * omitted (never null), `value` appears only where the operation returns it, and ids are built
 * from the host the client addressed so the SDK's vaultUrl points back at us.
 */
import type { SecretVersion, StoredSecret } from "./secret-store.ts";
import { readLatestVersion } from "./secret-store.ts";
import { toRecoveryLevel, type VaultSettings } from "./vault.ts";

export interface BundleContext {
  /** https://{host}, no port for 443. */
  origin: string;
  settings: VaultSettings;
}

function toAttributes(context: BundleContext, version: SecretVersion): Record<string, unknown> {
  const attributes: Record<string, unknown> = { enabled: version.enabled };
  if (version.nbf !== undefined) attributes.nbf = version.nbf;
  if (version.exp !== undefined) attributes.exp = version.exp;
  attributes.created = version.created;
  attributes.updated = version.updated;
  attributes.recoveryLevel = toRecoveryLevel(context.settings);
  attributes.recoverableDays = context.settings.recoverableDays;
  return attributes;
}

function toSecretId(context: BundleContext, secret: StoredSecret, version?: SecretVersion): string {
  const base = `${context.origin}/secrets/${secret.name}`;
  return version === undefined ? base : `${base}/${version.version}`;
}

/** Fields shared by bundles and items, in the order the service writes them. */
function toCommonFields(context: BundleContext, secret: StoredSecret, version: SecretVersion, id: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (version.contentType !== undefined) fields.contentType = version.contentType;
  fields.id = id;
  if (secret.managed) fields.managed = true;
  fields.attributes = toAttributes(context, version);
  if (version.tags !== undefined) fields.tags = { ...version.tags };
  return fields;
}

/** The certificate's key has the same name and version as its secret. */
function toKid(context: BundleContext, secret: StoredSecret, version: SecretVersion): string {
  return `${context.origin}/keys/${secret.name}/${version.version}`;
}

export function toSecretBundle(
  context: BundleContext,
  secret: StoredSecret,
  version: SecretVersion,
  withValue: boolean,
): Record<string, unknown> {
  const bundle: Record<string, unknown> = withValue ? { value: version.value } : {};
  Object.assign(bundle, toCommonFields(context, secret, version, toSecretId(context, secret, version)));
  if (secret.managed) bundle.kid = toKid(context, secret, version);
  return bundle;
}

function toDeletedFields(context: BundleContext, secret: StoredSecret): Record<string, unknown> {
  return {
    recoveryId: `${context.origin}/deletedsecrets/${secret.name}`,
    deletedDate: secret.deleted?.deletedDate,
    scheduledPurgeDate: secret.deleted?.scheduledPurgeDate,
  };
}

/** Delete, get-deleted: the current version's metadata, never its value. */
export function toDeletedSecretBundle(context: BundleContext, secret: StoredSecret): Record<string, unknown> {
  return { ...toDeletedFields(context, secret), ...toSecretBundle(context, secret, readLatestVersion(secret), false) };
}

/** List items: base id for /secrets and /deletedsecrets, versioned id for /versions. */
export function toSecretItem(
  context: BundleContext,
  secret: StoredSecret,
  version: SecretVersion,
  versionedId: boolean,
): Record<string, unknown> {
  return toCommonFields(context, secret, version, toSecretId(context, secret, versionedId ? version : undefined));
}

export function toDeletedSecretItem(context: BundleContext, secret: StoredSecret): Record<string, unknown> {
  return { ...toDeletedFields(context, secret), ...toSecretItem(context, secret, readLatestVersion(secret), false) };
}
