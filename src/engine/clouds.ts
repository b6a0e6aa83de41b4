/**
 * The Azure clouds the action can sign in to. Entra host, vault DNS suffix and OIDC audience
 * belong together: a federated credential in one cloud cannot reach a vault in another, so the
 * `cloud` input picks all of them at once.
 */
export type CloudName = "public" | "usgovernment" | "china";

export interface CloudEndpoints {
  name: CloudName;
  /** Entra ID authority host, without a trailing slash. */
  authorityHost: string;
  /** DNS suffix of vaults in this cloud, without a leading dot. */
  vaultSuffix: string;
  /** Audience GitHub's OIDC token must carry for the federated credential exchange. */
  audience: string;
  /** OAuth scope of the Key Vault data plane. */
  vaultScope: string;
}

/** The cloud settings sign-in needs: the Entra host, and the audience to name in hints. */
export type CloudSettings = Pick<CloudEndpoints, "name" | "authorityHost" | "audience">;

export const CLOUD_NAMES: readonly CloudName[] = ["public", "usgovernment", "china"];

export const CLOUDS: Readonly<Record<CloudName, CloudEndpoints>> = {
  public: {
    name: "public",
    authorityHost: "https://login.microsoftonline.com",
    vaultSuffix: "vault.azure.net",
    audience: "api://AzureADTokenExchange",
    vaultScope: "https://vault.azure.net/.default",
  },
  usgovernment: {
    name: "usgovernment",
    authorityHost: "https://login.microsoftonline.us",
    vaultSuffix: "vault.usgovcloudapi.net",
    audience: "api://AzureADTokenExchangeUSGov",
    vaultScope: "https://vault.usgovcloudapi.net/.default",
  },
  china: {
    name: "china",
    authorityHost: "https://login.chinacloudapi.cn",
    vaultSuffix: "vault.azure.cn",
    audience: "api://AzureADTokenExchangeChina",
    vaultScope: "https://vault.azure.cn/.default",
  },
};

/**
 * Azure/login's `environment` names for the same clouds, so a workflow can use one spelling for
 * both actions. Azure Stack and Azure Germany (closed in 2021) have no counterpart here.
 */
export const AZURE_LOGIN_CLOUD_NAMES: Readonly<Record<string, CloudName>> = {
  AzureCloud: "public",
  AzureUSGovernment: "usgovernment",
  AzureChinaCloud: "china",
};

/** The cloud a `cloud` input names, in this action's or Azure/login's spelling, ignoring case. */
export function findCloudName(value: string): CloudName | undefined {
  const folded = value.toLowerCase();
  const own = CLOUD_NAMES.find((name) => name === folded);
  if (own !== undefined) return own;
  return Object.entries(AZURE_LOGIN_CLOUD_NAMES).find(([alias]) => alias.toLowerCase() === folded)?.[1];
}

/** The cloud whose vault suffix ends the given host name (case-insensitive), if any. */
export function findCloudByVaultHost(host: string): CloudEndpoints | undefined {
  const lower = host.toLowerCase();
  return CLOUD_NAMES.map((name) => CLOUDS[name]).find((cloud) => lower.endsWith(`.${cloud.vaultSuffix}`));
}
