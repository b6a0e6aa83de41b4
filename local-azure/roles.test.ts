import { describe, expect, it } from "vitest";
import { matchesActionPattern, roleAllowsDataAction, VAULT_ROLES, type VaultRole } from "./roles.ts";

describe("action patterns", () => {
  it.each([
    ["Microsoft.KeyVault/vaults/secrets/*", "Microsoft.KeyVault/vaults/secrets/getSecret/action", true],
    ["Microsoft.KeyVault/vaults/secrets/*", "Microsoft.KeyVault/vaults/keys/read", false],
    ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/keys/read", true],
    ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/read", true],
    ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/secrets/getSecret/action", false],
    ["microsoft.keyvault/VAULTS/*", "Microsoft.KeyVault/vaults/keys/wrap/action", true],
    ["Microsoft.KeyVault/vaults/keys/read", "Microsoft.KeyVault/vaults/keys/readX", false],
  ] as const)("%s vs %s → %s", (pattern, action, expected) => {
    expect(matchesActionPattern(pattern, action)).toBe(expected);
  });
});

/** Which role may do what, as a table: the rows BYOK checks and secret syncs depend on. */
const DATA_ACTIONS = {
  getSecret: "Microsoft.KeyVault/vaults/secrets/getSecret/action",
  setSecret: "Microsoft.KeyVault/vaults/secrets/setSecret/action",
  listSecrets: "Microsoft.KeyVault/vaults/secrets/readMetadata/action",
  readKey: "Microsoft.KeyVault/vaults/keys/read",
  createKey: "Microsoft.KeyVault/vaults/keys/create/action",
  wrap: "Microsoft.KeyVault/vaults/keys/wrap/action",
  unwrap: "Microsoft.KeyVault/vaults/keys/unwrap/action",
} as const;

const GRANTS: Record<VaultRole, Array<keyof typeof DATA_ACTIONS>> = {
  "Key Vault Administrator": ["getSecret", "setSecret", "listSecrets", "readKey", "createKey", "wrap", "unwrap"],
  "Key Vault Secrets Officer": ["getSecret", "setSecret", "listSecrets"],
  "Key Vault Secrets User": ["getSecret", "listSecrets"],
  "Key Vault Reader": ["listSecrets", "readKey"],
  "Key Vault Crypto Officer": ["readKey", "createKey", "wrap", "unwrap"],
  "Key Vault Crypto User": ["readKey", "wrap", "unwrap"],
};

describe("built-in roles", () => {
  it.each(VAULT_ROLES.map((role) => [role]))("%s grants exactly its data actions", (role) => {
    const granted = (Object.keys(DATA_ACTIONS) as Array<keyof typeof DATA_ACTIONS>).filter((name) =>
      roleAllowsDataAction(role, DATA_ACTIONS[name]),
    );
    expect(granted).toEqual(GRANTS[role]);
  });
});
