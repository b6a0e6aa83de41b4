/**
 * Built-in Azure role definitions the local Azure knows, as Azure publishes them (see
 * local-azure/POLICY-FACTS.md for sources): the control-plane `actions` ARM checks and the
 * `dataActions` Key Vault checks. Key Vault's RBAC (key-vault/access.ts) and ARM's permissions
 * read (management-vaults.ts) both read this one table, so they cannot disagree.
 */

export const VAULT_ROLES = [
  "Key Vault Administrator",
  "Key Vault Secrets Officer",
  "Key Vault Secrets User",
  "Key Vault Reader",
  "Key Vault Crypto Officer",
  "Key Vault Crypto User",
] as const;

export type VaultRole = (typeof VAULT_ROLES)[number];

export interface RoleDefinition {
  /** Role definition GUID, the same in every tenant. */
  id: string;
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

/** Control-plane actions the Key Vault administrative roles share. */
const VAULT_MANAGEMENT_ACTIONS = [
  "Microsoft.Authorization/*/read",
  "Microsoft.Insights/alertRules/*",
  "Microsoft.Resources/deployments/*",
  "Microsoft.Resources/subscriptions/resourceGroups/read",
  "Microsoft.Support/*",
  "Microsoft.KeyVault/checkNameAvailability/read",
  "Microsoft.KeyVault/deletedVaults/read",
  "Microsoft.KeyVault/locations/*/read",
  "Microsoft.KeyVault/vaults/*/read",
  "Microsoft.KeyVault/operations/read",
];

export const ROLE_DEFINITIONS: Record<VaultRole, RoleDefinition> = {
  "Key Vault Administrator": {
    id: "00482a5a-887f-4fb3-b363-3b7fe8e74483",
    actions: VAULT_MANAGEMENT_ACTIONS,
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/*"],
    notDataActions: [],
  },
  "Key Vault Secrets Officer": {
    id: "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
    actions: VAULT_MANAGEMENT_ACTIONS,
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/secrets/*"],
    notDataActions: [],
  },
  "Key Vault Secrets User": {
    id: "4633458b-17de-408a-b874-0445c86b69e6",
    actions: [],
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/secrets/getSecret/action", "Microsoft.KeyVault/vaults/secrets/readMetadata/action"],
    notDataActions: [],
  },
  "Key Vault Reader": {
    id: "21090545-7ca7-4776-b22c-e363652d74d2",
    actions: VAULT_MANAGEMENT_ACTIONS,
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/*/read", "Microsoft.KeyVault/vaults/secrets/readMetadata/action"],
    notDataActions: [],
  },
  "Key Vault Crypto Officer": {
    id: "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
    actions: VAULT_MANAGEMENT_ACTIONS,
    notActions: [],
    dataActions: ["Microsoft.KeyVault/vaults/keys/*", "Microsoft.KeyVault/vaults/keyrotationpolicies/*"],
    notDataActions: [],
  },
  "Key Vault Crypto User": {
    id: "12338af0-0e69-4776-bea7-57ae8d297424",
    actions: [],
    notActions: [],
    dataActions: [
      "Microsoft.KeyVault/vaults/keys/read",
      "Microsoft.KeyVault/vaults/keys/update/action",
      "Microsoft.KeyVault/vaults/keys/backup/action",
      "Microsoft.KeyVault/vaults/keys/encrypt/action",
      "Microsoft.KeyVault/vaults/keys/decrypt/action",
      "Microsoft.KeyVault/vaults/keys/wrap/action",
      "Microsoft.KeyVault/vaults/keys/unwrap/action",
      "Microsoft.KeyVault/vaults/keys/sign/action",
      "Microsoft.KeyVault/vaults/keys/verify/action",
    ],
    notDataActions: [],
  },
};

const patternCache = new Map<string, RegExp>();

/**
 * Azure's action patterns: case-insensitive, a star matches any run of characters (slashes too),
 * and a whole star segment may also match nothing, so "vaults/STAR/read" covers "vaults/read": the
 * Reader-style roles read the vault itself with it (our reading; see POLICY-FACTS.md).
 */
export function matchesActionPattern(pattern: string, action: string): boolean {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    const escape = (part: string): string =>
      part
        .split("*")
        .map((piece) => piece.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
        .join(".*");
    const source = pattern.split("/*/").map(escape).join("/(?:.*/)?");
    regex = new RegExp(`^${source}$`, "i");
    patternCache.set(pattern, regex);
  }
  return regex.test(action);
}

/** Does the role grant this data action (dataActions minus notDataActions)? */
export function roleAllowsDataAction(role: VaultRole, dataAction: string): boolean {
  const definition = ROLE_DEFINITIONS[role];
  return (
    definition.dataActions.some((pattern) => matchesActionPattern(pattern, dataAction)) &&
    !definition.notDataActions.some((pattern) => matchesActionPattern(pattern, dataAction))
  );
}
