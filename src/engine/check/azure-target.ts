/**
 * The CheckTarget against Azure: secrets through the action's KeyVault adapter (key-vault.ts),
 * keys through @azure/keyvault-keys, ARM through an Azure SDK pipeline with the same credential.
 * Every call here reads, except wrapKey/unwrapKey of random bytes, which change nothing.
 */
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { TokenCredential } from "@azure/core-auth";
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
} from "@azure/core-rest-pipeline";
import { CryptographyClient, KeyClient } from "@azure/keyvault-keys";
import type { CloudName } from "../clouds.ts";
import { SignInError } from "../auth/sign-in-errors.ts";
import { errorMessage } from "../errors.ts";
import { createKeyVault } from "../vault/key-vault.ts";
import type { KeyVaultOptions } from "../vault/key-vault.ts";
import { classifyVaultError, VaultError } from "../vault/vault-errors.ts";
import { createErrorBodyPolicy, createTimeoutPolicy, REQUEST_TIMEOUT_MS, restoreErrorBody } from "../vault/vault-policies.ts";
import type { ErrorBody } from "../vault/vault-policies.ts";
import type { KeyFacts, KeyRead, RoundTrip } from "./byok.ts";
import { readAccessIdentity } from "./identity.ts";
import type { AccessPolicy, RolePermissions } from "./permissions.ts";
import type { ArmRead, CheckTarget, ReadProbe, VaultResource } from "./run-check.ts";

/** Azure Resource Manager per cloud. */
export const ARM_ENDPOINTS: Readonly<Record<CloudName, string>> = {
  public: "https://management.azure.com",
  usgovernment: "https://management.usgovcloudapi.net",
  china: "https://management.chinacloudapi.cn",
};

const VAULT_API_VERSION = "2023-07-01";
const PERMISSIONS_API_VERSION = "2022-04-01";
/** RSA-OAEP-256: the keys SDK has no local provider for it, so wrap and unwrap both run at the vault. */
const ROUND_TRIP_ALGORITHM = "RSA-OAEP-256";
const ROUND_TRIP_BYTES = 32;

export interface AzureTargetOptions {
  vaultUrl: string;
  cloud: { name: CloudName; vaultScope: string };
  credential: TokenCredential;
  /** Where the vault's ARM resource lives; undefined: ARM is not read. */
  resource: { subscriptionId: string; resourceGroup: string } | undefined;
  vault: KeyVaultOptions;
}

function toFailure(error: unknown, bodies: WeakMap<object, ErrorBody>) {
  return classifyVaultError(restoreErrorBody(error, bodies));
}

function readString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function readStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export function createAzureCheckTarget(options: AzureTargetOptions): CheckTarget {
  const { credential, vaultUrl } = options;
  const vault = createKeyVault(vaultUrl, credential, { ...options.vault, retry: { forbiddenDelaysMs: [], ...options.vault.retry } });
  const bodies = new WeakMap<object, ErrorBody>();
  const sdkPolicies = [
    { position: "perCall" as const, policy: createErrorBodyPolicy(bodies) },
    { position: "perCall" as const, policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) },
  ];
  const keyClients = new Map<string, KeyClient>();
  const armHost = ARM_ENDPOINTS[options.cloud.name];
  const arm = createPipelineFromOptions({ retryOptions: { maxRetries: 2 } });
  arm.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: `${armHost}/.default` }));
  arm.addPolicy(createTimeoutPolicy(REQUEST_TIMEOUT_MS));
  const http = createDefaultHttpClient();

  function keyClient(keyVaultUrl: string): KeyClient {
    let client = keyClients.get(keyVaultUrl);
    if (client === undefined) {
      client = new KeyClient(keyVaultUrl, credential, { additionalPolicies: sdkPolicies, retryOptions: { maxRetries: 2 } });
      keyClients.set(keyVaultUrl, client);
    }
    return client;
  }

  async function readArm(path: string, apiVersion: string): Promise<ArmRead<unknown>> {
    if (options.resource === undefined)
      return { ok: false, reason: "subscription-id and resource-group are not set, so ARM was not asked" };
    const { subscriptionId, resourceGroup } = options.resource;
    const url = `${armHost}/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${new URL(vaultUrl).hostname.split(".")[0]}${path}?api-version=${apiVersion}`;
    try {
      const response = await arm.sendRequest(http, createPipelineRequest({ url, method: "GET" }));
      let body: { error?: { code?: unknown; message?: unknown } } & Record<string, unknown> = {};
      try {
        body = JSON.parse(response.bodyAsText ?? "{}") as typeof body;
      } catch {
        // Not JSON: described by status below.
      }
      if (response.status === 200) return { ok: true, value: body };
      const code = readString(body.error?.code);
      const message = readString(body.error?.message);
      return {
        ok: false,
        reason: `ARM answered ${response.status}${code ? ` ${code}` : ""}${message ? `: ${message.split("\n")[0]}` : ""}`,
      };
    } catch (error) {
      if (error instanceof SignInError) return { ok: false, reason: `no token for ARM: ${error.message}` };
      return { ok: false, reason: `ARM could not be reached: ${errorMessage(error).split("\n")[0]}` };
    }
  }

  return {
    async signIn() {
      const token = await credential.getToken(options.cloud.vaultScope, { enableCae: true });
      if (token === null)
        throw new SignInError("Failed to sign in to Microsoft Entra ID: the credential returned no token", undefined, { code: "no-token" });
      return readAccessIdentity(token.token);
    },
    listSecrets: () => vault.listSecrets(),
    listVersions: (name) => vault.listVersions(name),
    async probeSecretRead(): Promise<ReadProbe> {
      // A name no one uses: Key Vault authorizes before it looks the name up, so 404 means "may read".
      try {
        await vault.getSecret(`keyvault-sync-check-${randomUUID()}`);
        return { allowed: true };
      } catch (error) {
        if (error instanceof VaultError) return { allowed: false, failure: error.failure, hint: error.hint };
        throw error;
      }
    },
    async readVaultResource(): Promise<ArmRead<VaultResource>> {
      const read = await readArm("", VAULT_API_VERSION);
      if (!read.ok) return read;
      const properties = (read.value as { properties?: Record<string, unknown> }).properties ?? {};
      const policies = Array.isArray(properties["accessPolicies"]) ? (properties["accessPolicies"] as unknown[]) : [];
      const accessPolicies = policies.map((entry): AccessPolicy => {
        const policy = (entry ?? {}) as { objectId?: unknown; permissions?: { secrets?: unknown; keys?: unknown } };
        return {
          objectId: readString(policy.objectId) ?? "",
          secrets: readStrings(policy.permissions?.secrets),
          keys: readStrings(policy.permissions?.keys),
        };
      });
      return { ok: true, value: { rbac: properties["enableRbacAuthorization"] === true, accessPolicies } };
    },
    async readPermissions(): Promise<ArmRead<readonly RolePermissions[]>> {
      const read = await readArm("/providers/Microsoft.Authorization/permissions", PERMISSIONS_API_VERSION);
      if (!read.ok) return read;
      const value = (read.value as { value?: unknown }).value;
      const entries = Array.isArray(value) ? value : [];
      return {
        ok: true,
        value: entries.map((entry) => {
          const fields = (entry ?? {}) as Record<string, unknown>;
          return {
            actions: readStrings(fields["actions"]),
            notActions: readStrings(fields["notActions"]),
            dataActions: readStrings(fields["dataActions"]),
            notDataActions: readStrings(fields["notDataActions"]),
          };
        }),
      };
    },
    async readKey(key): Promise<KeyRead> {
      try {
        const found = await keyClient(key.vaultUrl).getKey(key.name, key.version === undefined ? {} : { version: key.version });
        const facts: KeyFacts = {
          id: found.id ?? `${key.vaultUrl}/keys/${key.name}`,
          keyType: found.keyType,
          keyOps: found.keyOperations,
          enabled: found.properties.enabled ?? true,
          notBefore: found.properties.notBefore,
          expiresOn: found.properties.expiresOn,
        };
        return { kind: "found", key: facts };
      } catch (error) {
        if (error instanceof SignInError) throw error;
        return { kind: "failed", failure: toFailure(error, bodies) };
      }
    },
    async roundTrip(keyId): Promise<RoundTrip> {
      const client = new CryptographyClient(keyId, credential, { additionalPolicies: sdkPolicies, retryOptions: { maxRetries: 2 } });
      const plain = randomBytes(ROUND_TRIP_BYTES);
      let wrapped: Uint8Array;
      try {
        wrapped = (await client.wrapKey(ROUND_TRIP_ALGORITHM, plain)).result;
      } catch (error) {
        if (error instanceof SignInError) throw error;
        return { kind: "failed", step: "wrapKey", failure: toFailure(error, bodies) };
      }
      try {
        const unwrapped = (await client.unwrapKey(ROUND_TRIP_ALGORITHM, wrapped)).result;
        const same = unwrapped.length === plain.length && timingSafeEqual(Buffer.from(unwrapped), plain);
        return same
          ? { kind: "worked", algorithm: ROUND_TRIP_ALGORITHM, bytes: ROUND_TRIP_BYTES }
          : { kind: "mismatch", algorithm: ROUND_TRIP_ALGORITHM };
      } catch (error) {
        if (error instanceof SignInError) throw error;
        return { kind: "failed", step: "unwrapKey", failure: toFailure(error, bodies) };
      }
    },
  };
}
