/**
 * The keys operations of the local Key Vault: create, get, list, update and the RSA crypto
 * operations (wrapKey/unwrapKey, encrypt/decrypt with RSA-OAEP and RSA-OAEP-256), done for real
 * with node:crypto. Error texts: local-azure/POLICY-FACTS.md ("Keys").
 */
import { constants, privateDecrypt, publicEncrypt } from "node:crypto";
import type { BundleContext } from "./bundles.ts";
import { fail, failBadParameter, type Outcome } from "./outcome.ts";
import {
  ALL_KEY_OPS,
  createKeyVersion,
  findKeyVersion,
  KEY_SIZES,
  KEY_TYPES,
  readLatestKeyVersion,
  type KeyType,
  type KeyVersion,
  type StoredKey,
} from "./key-store.ts";
import type { KeyRoute } from "./routes.ts";
import { toRecoveryLevel, type Vault } from "./vault.ts";

export interface KeyOperationContext {
  vault: Vault;
  bundle: BundleContext;
  nowMs: number;
  body: Buffer;
  createVersionId: () => string;
}

const RECOVERY_HINT =
  "If you recently deleted this key you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182";

export function failKeyNotFound(id: string): Outcome {
  return fail(404, "KeyNotFound", `A key with (name/id) ${id} was not found in this key vault. ${RECOVERY_HINT}`);
}

/** Crypto operations by route, with the key_ops entry they need and their name in messages. */
const CRYPTO = {
  WrapKey: { keyOp: "wrapKey", usesPublicKey: true },
  UnwrapKey: { keyOp: "unwrapKey", usesPublicKey: false },
  Encrypt: { keyOp: "encrypt", usesPublicKey: true },
  Decrypt: { keyOp: "decrypt", usesPublicKey: false },
} as const;

const OAEP_HASH: Record<string, string> = { "RSA-OAEP": "sha1", "RSA-OAEP-256": "sha256" };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseBody(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isIntDate(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

interface KeyProperties {
  keyOps?: string[];
  enabled?: boolean;
  nbf?: number;
  exp?: number;
  tags?: Record<string, string>;
}

function parseKeyProperties(body: Record<string, unknown>): { ok: true; value: KeyProperties } | { ok: false; outcome: Outcome } {
  const value: KeyProperties = {};
  const { key_ops: keyOps, attributes, tags } = body;
  if (keyOps !== undefined && keyOps !== null) {
    if (!Array.isArray(keyOps) || keyOps.some((op) => typeof op !== "string" || !(ALL_KEY_OPS as readonly string[]).includes(op))) {
      return { ok: false, outcome: failBadParameter(`Property 'key_ops' must list operations among ${ALL_KEY_OPS.join(", ")}.`) };
    }
    value.keyOps = keyOps as string[];
  }
  if (attributes !== undefined && attributes !== null) {
    if (!isObject(attributes)) return { ok: false, outcome: failBadParameter("Property 'attributes' must be an object.") };
    if (attributes.enabled !== undefined && attributes.enabled !== null) {
      if (typeof attributes.enabled !== "boolean")
        return { ok: false, outcome: failBadParameter("Property 'attributes.enabled' must be a boolean.") };
      value.enabled = attributes.enabled;
    }
    for (const key of ["nbf", "exp"] as const) {
      const time = attributes[key];
      if (time === undefined || time === null) continue;
      if (!isIntDate(time))
        return {
          ok: false,
          outcome: failBadParameter(`Property 'attributes.${key}' must be an IntDate (whole seconds since 1970-01-01).`),
        };
      value[key] = time;
    }
  }
  if (tags !== undefined && tags !== null) {
    if (!isObject(tags) || Object.values(tags).some((tag) => typeof tag !== "string"))
      return { ok: false, outcome: failBadParameter("Property 'tags' must be an object of string values.") };
    value.tags = tags as Record<string, string>;
  }
  return { ok: true, value };
}

function toKid(context: KeyOperationContext, key: StoredKey, version?: KeyVersion): string {
  const base = `${context.bundle.origin}/keys/${key.name}`;
  return version === undefined ? base : `${base}/${version.version}`;
}

function toAttributes(context: KeyOperationContext, version: KeyVersion): Record<string, unknown> {
  const attributes: Record<string, unknown> = { enabled: version.enabled };
  if (version.nbf !== undefined) attributes.nbf = version.nbf;
  if (version.exp !== undefined) attributes.exp = version.exp;
  attributes.created = version.created;
  attributes.updated = version.updated;
  attributes.recoveryLevel = toRecoveryLevel(context.bundle.settings);
  attributes.recoverableDays = context.bundle.settings.recoverableDays;
  attributes.exportable = false;
  return attributes;
}

function toKeyBundle(context: KeyOperationContext, key: StoredKey, version: KeyVersion): Record<string, unknown> {
  const bundle: Record<string, unknown> = {
    key: { kid: toKid(context, key, version), kty: version.kty, key_ops: [...version.keyOps], n: version.n, e: version.e },
    attributes: toAttributes(context, version),
  };
  if (version.tags !== undefined) bundle.tags = { ...version.tags };
  return bundle;
}

function toKeyItem(context: KeyOperationContext, key: StoredKey, version: KeyVersion, versionedId: boolean): Record<string, unknown> {
  const item: Record<string, unknown> = {
    kid: toKid(context, key, versionedId ? version : undefined),
    attributes: toAttributes(context, version),
  };
  if (version.tags !== undefined) item.tags = { ...version.tags };
  return item;
}

async function createKey(context: KeyOperationContext, name: string): Promise<Outcome> {
  const body = parseBody(context.body);
  if (body === undefined) return failBadParameter("The request body is missing or is not valid JSON.");
  const kty = body.kty;
  if (typeof kty !== "string" || !(KEY_TYPES as readonly string[]).includes(kty)) {
    return failBadParameter(`The key type '${String(kty)}' is not supported by the local Key Vault; use one of ${KEY_TYPES.join(", ")}.`);
  }
  const size = body.key_size ?? 2048;
  if (!(KEY_SIZES as readonly unknown[]).includes(size)) {
    // size is whatever JSON the client sent; the message shows it as text, as Key Vault does.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above
    return failBadParameter(`The key size ${String(size)} is not supported; use one of ${KEY_SIZES.join(", ")}.`);
  }
  const properties = parseKeyProperties(body);
  if (!properties.ok) return properties.outcome;
  const { keyOps, enabled, ...times } = properties.value;
  const version = await createKeyVersion({
    version: context.createVersionId(),
    kty: kty as KeyType,
    size: size as number,
    keyOps: keyOps ?? [...ALL_KEY_OPS],
    enabled: enabled ?? true,
    ...times,
    nowSeconds: Math.floor(context.nowMs / 1000),
  });
  let key = context.vault.keys.get(name);
  if (key === undefined) {
    key = { name, versions: [version] };
    context.vault.keys.set(name, key);
  } else {
    key.versions.push(version);
  }
  return { status: 200, body: toKeyBundle(context, key, version) };
}

function findKey(
  context: KeyOperationContext,
  name: string,
  versionId: string | undefined,
): { key: StoredKey; version: KeyVersion } | Outcome {
  const key = context.vault.keys.get(name);
  const version = key === undefined ? undefined : findKeyVersion(key, versionId);
  if (key === undefined || version === undefined) return failKeyNotFound(versionId === undefined ? name : `${name}/${versionId}`);
  return { key, version };
}

export function failKeyDisabled(operation: string): Outcome {
  return fail(403, "Forbidden", `Operation ${operation} is not allowed on a disabled key.`, "KeyDisabled");
}

function getKey(context: KeyOperationContext, name: string, versionId: string | undefined): Outcome {
  const found = findKey(context, name, versionId);
  if ("status" in found) return found;
  if (!found.version.enabled) return failKeyDisabled("get");
  return { status: 200, body: toKeyBundle(context, found.key, found.version) };
}

function updateKey(context: KeyOperationContext, name: string, versionId: string | undefined): Outcome {
  const body = parseBody(context.body);
  if (body === undefined) return failBadParameter("The request body is missing or is not valid JSON.");
  const properties = parseKeyProperties(body);
  if (!properties.ok) return properties.outcome;
  const found = findKey(context, name, versionId);
  if ("status" in found) return found;
  const { version } = found;
  const { keyOps, enabled, nbf, exp, tags } = properties.value;
  if (keyOps !== undefined) version.keyOps = [...keyOps];
  if (enabled !== undefined) version.enabled = enabled;
  if (nbf !== undefined) version.nbf = nbf;
  if (exp !== undefined) version.exp = exp;
  if (tags !== undefined) version.tags = { ...tags };
  version.updated = Math.floor(context.nowMs / 1000);
  return { status: 200, body: toKeyBundle(context, found.key, version) };
}

function listKeys(context: KeyOperationContext): Outcome {
  const value = [...context.vault.keys.iterateAfter()].map(([, key]) => toKeyItem(context, key, readLatestKeyVersion(key), false));
  return { status: 200, body: { value, nextLink: null } };
}

function listKeyVersions(context: KeyOperationContext, name: string): Outcome {
  const key = context.vault.keys.get(name);
  const value = key === undefined ? [] : key.versions.map((version) => toKeyItem(context, key, version, true));
  return { status: 200, body: { value, nextLink: null } };
}

function runCrypto(context: KeyOperationContext, operation: keyof typeof CRYPTO, name: string, versionId: string | undefined): Outcome {
  const { keyOp, usesPublicKey } = CRYPTO[operation];
  const found = findKey(context, name, versionId);
  if ("status" in found) return found;
  const { key, version } = found;
  if (!version.enabled) return failKeyDisabled(keyOp);
  const now = Math.floor(context.nowMs / 1000);
  // Expiry and not-before stop the operations that protect new data; unwrap and decrypt of old data go on.
  if (usesPublicKey && version.exp !== undefined && now >= version.exp)
    return fail(403, "Forbidden", `Operation ${keyOp} is not allowed on an expired key.`, "KeyExpired");
  if (usesPublicKey && version.nbf !== undefined && now < version.nbf)
    return fail(403, "Forbidden", `Operation ${keyOp} is not allowed on a key that is not yet valid.`, "KeyNotYetValid");
  if (!version.keyOps.includes(keyOp))
    return fail(403, "Forbidden", `Operation ${keyOp} is not permitted on this key.`, "KeyOperationForbidden");
  const body = parseBody(context.body);
  if (body === undefined) return failBadParameter("The request body is missing or is not valid JSON.");
  const { alg, value } = body;
  const oaepHash = typeof alg === "string" ? OAEP_HASH[alg] : undefined;
  if (oaepHash === undefined)
    return failBadParameter(`The algorithm '${String(alg)}' is not supported by the local Key Vault; use RSA-OAEP or RSA-OAEP-256.`);
  if (typeof value !== "string") return failBadParameter("Property 'value' is required and must be a base64url string.");
  const input = Buffer.from(value, "base64url");
  const padding = constants.RSA_PKCS1_OAEP_PADDING;
  let output: Buffer;
  try {
    output = usesPublicKey
      ? publicEncrypt({ key: version.privateKey, padding, oaepHash }, input)
      : privateDecrypt({ key: version.privateKey, padding, oaepHash }, input);
  } catch {
    return failBadParameter(
      usesPublicKey ? "The value is too long for this key and algorithm." : "The value could not be decrypted with this key and algorithm.",
    );
  }
  return { status: 200, body: { kid: toKid(context, key, version), value: output.toString("base64url") } };
}

export async function runKeyOperation(route: KeyRoute, context: KeyOperationContext): Promise<Outcome> {
  switch (route.operation) {
    case "CreateKey":
      return createKey(context, route.name);
    case "GetKey":
      return getKey(context, route.name, route.version);
    case "UpdateKey":
      return updateKey(context, route.name, route.version);
    case "GetKeys":
      return listKeys(context);
    case "GetKeyVersions":
      return listKeyVersions(context, route.name);
    case "WrapKey":
    case "UnwrapKey":
    case "Encrypt":
    case "Decrypt":
      return runCrypto(context, route.operation, route.name, route.version);
  }
}
