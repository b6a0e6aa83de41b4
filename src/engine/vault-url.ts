/**
 * A vault's own name and URL (not the names of the secrets in it, see secret-names.ts): reading
 * the `vault` setting as a name or an https URL, and the name back from a URL. Pure.
 */
import { findCloudByVaultHost } from "./clouds.ts";
import type { CloudEndpoints } from "./clouds.ts";

const VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;

const VAULT_NAME_RULE =
  'a vault name has 3 to 24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no "--"';

export type ParsedVault = { kind: "vault"; url: string; name: string } | { kind: "invalid"; rule: string; hint?: string };

/** A vault name, or an https URL whose host is NAME.<suffix of `cloud`>, as the vault's base URL and name. */
export function parseVault(value: string, cloud: CloudEndpoints): ParsedVault {
  if (!value.includes("://")) {
    if (!isVaultName(value))
      return { kind: "invalid", rule: `is neither a vault name nor an https URL: ${VAULT_NAME_RULE}; a URL starts with https://` };
    const name = value.toLowerCase();
    return { kind: "vault", url: `https://${name}.${cloud.vaultSuffix}`, name };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: "invalid", rule: "is not a valid URL" };
  }
  const problem = findVaultUrlProblem(url, cloud);
  if (problem !== undefined) return { kind: "invalid", ...problem };
  // URL lower-cases the host, so the name is already canonical.
  const name = url.hostname.slice(0, -(cloud.vaultSuffix.length + 1));
  if (!isVaultName(name)) return { kind: "invalid", rule: `has a host that does not start with a vault name: ${VAULT_NAME_RULE}` };
  return { kind: "vault", url: `https://${name}.${cloud.vaultSuffix}`, name };
}

function isVaultName(value: string): boolean {
  return VAULT_NAME.test(value) && !value.includes("--");
}

function findVaultUrlProblem(url: URL, cloud: CloudEndpoints): { rule: string; hint?: string } | undefined {
  if (url.protocol !== "https:") return { rule: "must be an https URL: Key Vault is only reached over TLS" };
  if (url.username !== "" || url.password !== "") return { rule: "must not contain a user name or password" };
  if (url.port !== "") return { rule: "must not have a port" };
  if (url.pathname !== "/" && url.pathname !== "") return { rule: "must not have a path: use the vault's base URL" };
  if (url.search !== "" || url.hash !== "") return { rule: "must not have a query or fragment" };
  const host = url.hostname;
  if (host.endsWith(`.${cloud.vaultSuffix}`)) return undefined;
  const other = findCloudByVaultHost(host);
  if (other !== undefined) {
    return {
      rule: `is a vault in the ${other.name} cloud (.${other.vaultSuffix}), but cloud is ${cloud.name}`,
      hint: `Set cloud: ${other.name}`,
    };
  }
  if (/\.managedhsm\./.test(host)) return { rule: "is a Managed HSM, which holds keys, not secrets" };
  return { rule: `must have a host that ends with .${cloud.vaultSuffix} (cloud: ${cloud.name})` };
}

/** The vault's name as `az` commands take it: the first label of its host. */
export function readVaultName(vaultUrl: string): string {
  try {
    return new URL(vaultUrl).hostname.split(".")[0] ?? vaultUrl;
  } catch {
    return vaultUrl;
  }
}
