/**
 * Links the job summary offers: the vault in the Azure portal, the commit, and each dotenv
 * entry's file and line at that commit. Pure: built from the runner's environment and names.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { CloudName } from "../engine/clouds.ts";
import type { Env } from "../engine/env.ts";

/** Where the workflow's files live, as the runner describes it; undefined outside a runner. */
export interface RepositoryLinks {
  serverUrl: string;
  repository: string;
  sha: string;
  /** GITHUB_WORKSPACE, the repository's checkout: file links are relative to it. */
  workspace: string;
  /** Where relative dotenv paths were read from (the action runs in the workspace). */
  cwd: string;
}

export function readRepositoryLinks(env: Env, cwd: string): RepositoryLinks | undefined {
  const repository = env["GITHUB_REPOSITORY"];
  const sha = env["GITHUB_SHA"];
  if (!repository || !sha || !/^[0-9a-f]{7,64}$/i.test(sha) || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined;
  const serverUrl = (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/+$/, "");
  return { serverUrl, repository, sha, workspace: env["GITHUB_WORKSPACE"] || cwd, cwd };
}

export function linkCommit(links: RepositoryLinks): string {
  return `${links.serverUrl}/${links.repository}/commit/${links.sha}`;
}

/** The file and line at the commit, or undefined for a file outside the workspace (not in the repository). */
export function linkFileLine(links: RepositoryLinks, file: string, line: number): string | undefined {
  const fileUrl = linkFile(links, file);
  return fileUrl === undefined ? undefined : `${fileUrl}#L${line}`;
}

// Every row of a dotenv file links into the same file: its path is resolved once per file.
const fileLinks = new WeakMap<RepositoryLinks, Map<string, string | undefined>>();

function linkFile(links: RepositoryLinks, file: string): string | undefined {
  const known = fileLinks.get(links) ?? new Map<string, string | undefined>();
  fileLinks.set(links, known);
  if (known.has(file)) return known.get(file);
  const inRepository = relative(resolve(links.workspace), resolve(links.cwd, file));
  const outside = inRepository === "" || inRepository === ".." || inRepository.startsWith(`..${sep}`) || isAbsolute(inRepository);
  const url = outside
    ? undefined
    : `${links.serverUrl}/${links.repository}/blob/${links.sha}/${inRepository.split(sep).map(encodeURIComponent).join("/")}`;
  known.set(file, url);
  return url;
}

const PORTAL_HOSTS: Readonly<Record<CloudName, string>> = {
  public: "https://portal.azure.com",
  usgovernment: "https://portal.azure.us",
  china: "https://portal.azure.cn",
};

/**
 * The vault in the Azure portal. A resource link needs the subscription and resource group,
 * which the action never learns (it only talks to the vault's data plane), so this opens the
 * portal's Resource Graph Explorer with a query for the vault by name: its result row links
 * to the vault in whichever subscription the reader can see it. Microsoft's own docs link
 * Resource Graph queries this way, in all three clouds.
 */
export function linkVaultInPortal(cloud: CloudName, vaultName: string): string {
  // Vault names are letters, digits and dashes; anything else is not put in a query.
  if (!/^[A-Za-z0-9-]{1,64}$/.test(vaultName)) return `${PORTAL_HOSTS[cloud]}/#browse/Microsoft.KeyVault%2Fvaults`;
  const query = `Resources\n| where type =~ 'microsoft.keyvault/vaults' and name =~ '${vaultName}'\n| project name, resourceGroup, subscriptionId, location`;
  return `${PORTAL_HOSTS[cloud]}/#blade/HubsExtension/ArgQueryBlade/query/${encodeURIComponent(query)}`;
}
