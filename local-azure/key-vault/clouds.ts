/**
 * Which cloud a vault host belongs to, and what that cloud's Key Vault puts in its challenge.
 * The suffix and Entra host tables are the world's (`../world.ts`); this module only reads them.
 */
import type { CloudName } from "../types.ts";
import { ENTRA_HOSTS, VAULT_SUFFIXES } from "../world.ts";

export interface VaultHost {
  /** Lowercased first DNS label, e.g. demo-vault. */
  vaultName: string;
  cloud: CloudName;
}

const CLOUDS = Object.keys(VAULT_SUFFIXES) as CloudName[];

/** `demo-vault.vault.azure.net` → { demo-vault, public }; anything else → undefined. */
export function parseVaultHost(hostname: string): VaultHost | undefined {
  const host = hostname.toLowerCase();
  const dot = host.indexOf(".");
  if (dot <= 0) return undefined;
  const suffix = host.slice(dot + 1);
  const cloud = CLOUDS.find((name) => VAULT_SUFFIXES[name] === suffix);
  return cloud === undefined ? undefined : { vaultName: host.slice(0, dot), cloud };
}

/** The token audience Key Vault expects, and the `resource` of its challenge. */
export function toVaultResource(cloud: CloudName): string {
  return `https://${VAULT_SUFFIXES[cloud]}`;
}

/** The challenge the SDKs parse: authority with the tenant (no trailing slash), resource without one. */
export function formatChallenge(cloud: CloudName, tenantId: string): string {
  return `Bearer authorization="https://${ENTRA_HOSTS[cloud]}/${tenantId}", resource="${toVaultResource(cloud)}"`;
}
