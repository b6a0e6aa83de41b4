/**
 * Addresses of the synced secrets for the step that deploys what reads them (issue 11): never a
 * value. Pure: results in, references out.
 *
 * - `secretUris`: source name → versionless secret URI, so readers pick up every new version.
 * - `appSettings`: the JSON array `az webapp config appsettings set --settings @FILE` reads (the
 *   shape `az webapp config appsettings list` prints): `{name, value, slotSetting}` per setting,
 *   the value an App Service Key Vault reference. The setting name is the source name as written;
 *   `__` stays, since it is how .NET configuration sections are spelled in app settings.
 * - `containerApp`: arguments for `az containerapp secret set --secrets …` (Key Vault references
 *   with the identity Container Apps reads them with) and `az containerapp update
 *   --set-env-vars …` (`ENV=secretref:NAME`). Container Apps secret names allow only lower-case
 *   letters, digits and '-', so each is derived from the Key Vault name; a name that cannot be
 *   formed or collides is left out and reported.
 */
import type { ChangeResult } from "./apply.ts";

/** Results that leave the secret in the vault as the sources say: what readers can point at. */
const SYNCED = new Set<ChangeResult["status"]>(["created", "updated", "unchanged", "recovered"]);

export interface AppSetting {
  name: string;
  value: string;
  slotSetting: boolean;
}

export interface ContainerAppReferences {
  secrets: string[];
  envVars: string[];
}

export interface References {
  secretUris: Record<string, string>;
  appSettings: AppSetting[];
  containerApp: ContainerAppReferences;
  /** Secrets left out of `containerApp`, each with why. */
  problems: string[];
}

export const MAX_CONTAINER_APP_SECRET_NAME = 253;
const CONTAINER_APP_SECRET_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** `https://VAULT.vault.azure.net/secrets/NAME`: no version, so the latest is always read. */
export function buildSecretUri(vaultUrl: string, name: string): string {
  return `${vaultUrl.replace(/\/+$/, "")}/secrets/${name}`;
}

/** The Container Apps secret name for a Key Vault name, or undefined when none can be formed. */
export function toContainerAppSecretName(vaultName: string): string | undefined {
  const name = vaultName
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/^-+|-+$/g, "");
  return name.length <= MAX_CONTAINER_APP_SECRET_NAME && CONTAINER_APP_SECRET_NAME.test(name) ? name : undefined;
}

/** `identity`: a user-assigned identity's resource id, or `system`. */
export function buildReferences(results: readonly ChangeResult[], vaultUrl: string, identity: string): References {
  const synced = results
    .filter((result): result is ChangeResult & { source: string } => result.source !== undefined && SYNCED.has(result.status))
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const secretUris: Record<string, string> = {};
  const appSettings: AppSetting[] = [];
  const containerApp: ContainerAppReferences = { secrets: [], envVars: [] };
  const problems: string[] = [];
  const claimed = new Map<string, string>();
  for (const result of synced) {
    const uri = buildSecretUri(vaultUrl, result.name);
    secretUris[result.source] = uri;
    appSettings.push({ name: result.source, value: `@Microsoft.KeyVault(SecretUri=${uri})`, slotSetting: false });
    const secretName = toContainerAppSecretName(result.name);
    const taken = secretName === undefined ? undefined : claimed.get(secretName);
    if (secretName === undefined) {
      problems.push(
        `'${result.source}': no Container Apps secret name can be formed from '${result.name}' (lower-case letters, digits and '-', at most ${MAX_CONTAINER_APP_SECRET_NAME})`,
      );
    } else if (taken !== undefined) {
      problems.push(`'${result.source}': its Container Apps secret name '${secretName}' is already used for '${taken}'`);
    } else {
      claimed.set(secretName, result.source);
      containerApp.secrets.push(`${secretName}=keyvaultref:${uri},identityref:${identity}`);
      containerApp.envVars.push(`${result.source}=secretref:${secretName}`);
    }
  }
  return { secretUris, appSettings, containerApp, problems };
}
