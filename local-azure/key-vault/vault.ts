/**
 * One vault at run time: its settings, its secrets, and the state behind throttling, faults and
 * delayed role propagation.
 */
import type { GovernancePolicyConfig, VaultConfig } from "../types.ts";
import { createPolicyTemplate } from "./policy.ts";
import type { AccessState } from "./access.ts";
import { createSeededRandom } from "../seeded-random.ts";
import { DEFAULT_FAULT_SEED, type FaultSettings } from "./faults.ts";
import type { StoredKey } from "./key-store.ts";
import { NameIndex, type StoredSecret } from "./secret-store.ts";
import { createThrottleState, type ThrottleSettings, type ThrottleState } from "./throttle.ts";

/** VaultConfig plus knobs only this Key Vault reads; all optional, so a plain VaultConfig works. */
export interface VaultSettings extends VaultConfig {
  throttle: ThrottleSettings;
  faults: FaultSettings;
  /** Azure region named in 403 messages and x-ms-keyvault-region; default from the service options. */
  location?: string;
  /** Role and access-policy changes made through the admin API take effect after this many ms. */
  accessPropagationMs?: number;
  /** End listings with an extra empty page, as the real service sometimes does. */
  trailingEmptyPage?: boolean;
}

export interface Vault {
  settings: VaultSettings;
  access: AccessState;
  active: NameIndex<StoredSecret>;
  deleted: NameIndex<StoredSecret>;
  keys: NameIndex<StoredKey>;
  throttle: ThrottleState;
  random: () => number;
}

/** A policy given in part (config file, admin PATCH) is completed from the template; null stays off. */
export function normalizePolicy(policy: VaultSettings["policy"]): GovernancePolicyConfig | null {
  return policy === undefined || policy === null ? null : { ...createPolicyTemplate(), ...policy };
}

export function createVault(settings: VaultSettings): Vault {
  settings.policy = normalizePolicy(settings.policy);
  return {
    settings,
    access: { effective: { roles: settings.roles, accessPolicies: settings.accessPolicies } },
    active: new NameIndex(),
    deleted: new NameIndex(),
    keys: new NameIndex(),
    throttle: createThrottleState(),
    random: createSeededRandom(settings.faults.seed ?? DEFAULT_FAULT_SEED),
  };
}

/** "Purgeable" iff purge protection is off; "Customized" iff retention is shorter than the 90-day default. */
export function toRecoveryLevel(settings: Pick<VaultConfig, "purgeProtection" | "recoverableDays">): string {
  const base = settings.recoverableDays < 90 ? "CustomizedRecoverable" : "Recoverable";
  return settings.purgeProtection ? base : `${base}+Purgeable`;
}
