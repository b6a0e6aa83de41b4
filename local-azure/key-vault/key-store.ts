/**
 * In-memory keys of one vault (RSA only: what BYOK integrations wrap with). Private keys never
 * leave this module's objects: bundles carry the public modulus and exponent, as Key Vault's do.
 */
import { generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import type { NameIndex } from "./secret-store.ts";

export const KEY_TYPES = ["RSA", "RSA-HSM"] as const;
export type KeyType = (typeof KEY_TYPES)[number];
export const KEY_SIZES = [2048, 3072, 4096] as const;
/** What Key Vault gives an RSA key when the create request names no key_ops, in its order. */
export const ALL_KEY_OPS = ["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"] as const;

export interface KeyVersion {
  version: string;
  kty: KeyType;
  keyOps: string[];
  privateKey: KeyObject;
  /** base64url modulus and exponent of the public key (JWK n, e). */
  n: string;
  e: string;
  enabled: boolean;
  nbf?: number;
  exp?: number;
  created: number;
  updated: number;
  tags?: Record<string, string>;
}

export interface StoredKey {
  /** Spelling of the first create. */
  name: string;
  /** Oldest first; the last is the current version. Never empty. */
  versions: KeyVersion[];
}

export type KeyIndex = NameIndex<StoredKey>;

const generateRsa = promisify(generateKeyPair);

export interface NewKeyVersion {
  version: string;
  kty: KeyType;
  size: number;
  keyOps: string[];
  enabled: boolean;
  nbf?: number;
  exp?: number;
  tags?: Record<string, string>;
  nowSeconds: number;
}

export async function createKeyVersion(request: NewKeyVersion): Promise<KeyVersion> {
  const { privateKey, publicKey } = await generateRsa("rsa", { modulusLength: request.size, publicExponent: 0x10001 });
  const jwk = publicKey.export({ format: "jwk" });
  const version: KeyVersion = {
    version: request.version,
    kty: request.kty,
    keyOps: [...request.keyOps],
    privateKey,
    n: jwk.n as string,
    e: jwk.e as string,
    enabled: request.enabled,
    created: request.nowSeconds,
    updated: request.nowSeconds,
  };
  if (request.nbf !== undefined) version.nbf = request.nbf;
  if (request.exp !== undefined) version.exp = request.exp;
  if (request.tags !== undefined) version.tags = { ...request.tags };
  return version;
}

export function readLatestKeyVersion(key: StoredKey): KeyVersion {
  return key.versions[key.versions.length - 1] as KeyVersion;
}

export function findKeyVersion(key: StoredKey, version: string | undefined): KeyVersion | undefined {
  if (version === undefined) return readLatestKeyVersion(key);
  const wanted = version.toLowerCase();
  return key.versions.find((candidate) => candidate.version === wanted);
}

/** Size in bits of the key's modulus. */
export function readKeySize(version: KeyVersion): number {
  return Buffer.from(version.n, "base64url").length * 8;
}
