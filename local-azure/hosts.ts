/**
 * The real Azure and GitHub host names the local Azure answers for. The proxy lets a CONNECT
 * through only for these, so nothing a client sends ever leaves the machine.
 */
import { GITHUB_ISSUER_HOST, GITHUB_RUNNER_HOST } from "./github-oidc.ts";
import { AZURE_DEVOPS_HOST } from "./azure-devops.ts";
import { ARM_HOST } from "./management.ts";
import { ENTRA_HOSTS, VAULT_SUFFIXES } from "./world.ts";

export type HostService = "key-vault" | "entra" | "github-issuer" | "github-runner" | "arm" | "azure-devops";

/**
 * MSAL's built-in instance metadata sends China-cloud token requests to this alias of
 * login.chinacloudapi.cn (its preferred_network), so Entra must answer there too.
 */
const ENTRA_ALIAS_HOSTS = ["login.partner.microsoftonline.cn"];

const EXACT_HOSTS = new Map<string, HostService>([
  ...[...Object.values(ENTRA_HOSTS), ...ENTRA_ALIAS_HOSTS].map((host): [string, HostService] => [host, "entra"]),
  [GITHUB_ISSUER_HOST, "github-issuer"],
  [GITHUB_RUNNER_HOST, "github-runner"],
  [ARM_HOST, "arm"],
  [AZURE_DEVOPS_HOST, "azure-devops"],
]);

/** One DNS label, as a vault name is; the wildcard certificate covers exactly one. */
const VAULT_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function findHostService(hostname: string): HostService | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const exact = EXACT_HOSTS.get(host);
  if (exact !== undefined) return exact;
  for (const suffix of Object.values(VAULT_SUFFIXES)) {
    if (host.endsWith(`.${suffix}`) && VAULT_LABEL.test(host.slice(0, -suffix.length - 1))) return "key-vault";
  }
  return undefined;
}

/** Subject alternative names of the server certificate. */
export function listCertificateHostNames(): string[] {
  return [...EXACT_HOSTS.keys(), ...Object.values(VAULT_SUFFIXES).map((suffix) => `*.${suffix}`)];
}
