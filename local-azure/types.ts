/**
 * Contracts between the parts of the local Azure (test cloud). The server (`server.ts`) terminates
 * TLS for every host behind the CONNECT proxy, turns each request into a CloudRequest and hands
 * it to the service that owns the host: Key Vault (`key-vault/`), Entra (`entra.ts`), GitHub OIDC
 * (`github-oidc.ts`), ARM (`management.ts`). The admin API (plain HTTP on 127.0.0.1) is mounted
 * by the server and delegates `/vaults…` to Key Vault's admin handler.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { VaultRole } from "./roles.ts";

export type { VaultRole } from "./roles.ts";

export type CloudName = "public" | "usgovernment" | "china";

export interface CloudRequest {
  method: string;
  /** Absolute URL as the client addressed it, e.g. https://demo-vault.vault.azure.net/secrets/x/?api-version=7.6 */
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface CloudResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised body. JSON error bodies are compact, key order code, message, innererror. */
  body?: string | Buffer;
  /** Fault injection: drop the connection instead of answering. */
  destroy?: boolean;
  /** Name of the operation for the request log, e.g. SetSecret, GetSecret, EntraToken, GitHubIdToken. */
  operation?: string;
}

export type Handler = (req: CloudRequest) => Promise<CloudResponse> | CloudResponse;

/** Claims of an access token the local Entra issued (v1-style, like real Key Vault tokens). */
export interface AccessTokenClaims {
  aud: string; // e.g. https://vault.azure.net
  iss: string; // https://sts.windows.net/{tid}/
  tid: string;
  oid: string; // service principal object id
  appid: string; // client id
  iat: number;
  nbf: number;
  exp: number;
}

export type TokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; message: string }; // e.g. "AKV10022: Invalid audience. Expected …, found: …"

/** Provided by Entra to Key Vault: verifies signature, expiry, audience and tenant. */
export type VerifyAccessToken = (token: string, expectedAudience: string) => TokenCheck;

// ---- World configuration (JSON config file of `npm run cloud --config`, and the admin API) ----

export interface ThrottleConfig {
  enabled: boolean;
  /** Secret writes (PUT) per window; Azure: 300 per 10 s. */
  writesPerWindow: number;
  /** All transactions per window; Azure: 4000 per 10 s. */
  transactionsPerWindow: number;
  windowMs: number;
  /** Send Retry-After (seconds) on 429; real Key Vault often does not. */
  retryAfterSeconds: number | null;
}

export interface FaultConfig {
  /** Share (0..1) of requests answered with a 5xx. */
  serverErrorRate: number;
  serverErrorStatus: number;
  /** Share (0..1) of requests whose connection is dropped before the vault acts on them. */
  dropRate: number;
  /**
   * Share (0..1) of changing requests (PUT, PATCH, POST, DELETE) that the vault carries out and
   * whose answer it then drops: the write is stored, the client never hears so. Optional in
   * configs; 0 when left out.
   */
  dropAfterWriteRate?: number;
  /** Added latency per request, in ms. */
  latencyMs: number;
  /** Soft-delete consistency windows, in ms (0 = instantly consistent). */
  deleteDelayMs: number;
  recoverDelayMs: number;
}

export interface VaultConfig {
  name: string; // e.g. demo-vault
  cloud: CloudName;
  /** principal (client id or object id) → role */
  roles: Array<{ principal: string; role: VaultRole }>;
  /** "access-policy" vaults answer 403 AccessDenied instead of ForbiddenByRbac. */
  accessModel: "rbac" | "access-policy";
  /**
   * access-policy vaults: principal → secret permissions (get, list, set, delete, recover, purge)
   * and key permissions (get, list, create, update, wrapKey, unwrapKey, encrypt, decrypt, …).
   */
  accessPolicies: Array<{ principal: string; permissions: string[]; keyPermissions?: string[] }>;
  firewall: boolean; // true: every authenticated request → 403 ForbiddenByFirewall
  purgeProtection: boolean;
  recoverableDays: number; // 7..90, default 90
  throttle: ThrottleConfig;
  faults: FaultConfig;
  /** ARM resource group of the vault (its resource id); default world.ts DEFAULT_RESOURCE_GROUP. */
  resourceGroup?: string;
  /** Azure Policy (deny) assigned to the vault's secrets; null or absent = none. */
  policy?: GovernancePolicyConfig | null;
}

/**
 * The built-in Key Vault secret policies a governed tenant assigns with effect Deny. Denied writes
 * answer 403 ForbiddenByGovernancePolicy naming the assignment (key-vault/policy.ts).
 */
export interface GovernancePolicyConfig {
  /** Policy assignment named in denials, e.g. Enforce-GR-KeyVault (Azure Landing Zones). */
  assignmentName: string;
  /** "Secrets should have content type set" */
  requireContentType: boolean;
  /** "Key Vault secrets should have an expiration date" */
  requireExpiry: boolean;
  /** "Secrets should have the specified maximum validity period" (days after creation); null = not assigned. */
  maxValidityDays: number | null;
  /** Also evaluate property updates (PATCH) against the result; true is the conservative reading. */
  evaluateUpdates: boolean;
}

/** A managed identity the local identity endpoint (IDENTITY_ENDPOINT) hands tokens for. */
export interface ManagedIdentityConfig {
  clientId: string;
  objectId: string;
  /** ARM id of a user-assigned identity (the msi_res_id parameter); absent = system-assigned. */
  resourceId?: string;
}

export interface FederatedCredentialConfig {
  name: string;
  issuer: string; // https://token.actions.githubusercontent.com
  subject: string; // repo:octo-org/octo-repo:environment:production
  audiences: string[]; // ["api://AzureADTokenExchange"]
  /** When the credential was added (ISO time); defaults to when the local Entra first saw it. */
  createdAt?: string;
  /** Entra answers AADSTS70021 for this credential until createdAt + propagationMs (real FICs take minutes to propagate). */
  propagationMs?: number;
}

export interface AppConfig {
  clientId: string;
  objectId: string; // service principal object id
  displayName: string;
  clientSecrets: string[];
  federatedCredentials: FederatedCredentialConfig[];
  /**
   * Lifetime of the access tokens Entra issues to this app, in seconds (a token lifetime policy
   * on its service principal). Left out: 3599, or 86399 for CAE-capable clients, like Entra.
   */
  accessTokenLifetimeSeconds?: number;
}

export interface GitHubOidcConfig {
  subject: string; // repo:octo-org/octo-repo:environment:production
  repository: string; // octo-org/octo-repo
  /** Extra or overriding claims (environment, ref, job_workflow_ref, …). */
  claims: Record<string, string | number | boolean>;
  lifetimeSeconds: number; // default 300
  requestToken: string; // the bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN
}

export interface WorldConfig {
  tenantId: string;
  subscriptionId: string;
  apps: AppConfig[];
  vaults: VaultConfig[];
  github: GitHubOidcConfig;
  /** Identities the managed identity endpoint serves; the first is the system-assigned one. */
  managedIdentities?: ManagedIdentityConfig[];
}

/** First line of stdout of `npm run cloud`, and what `startCloud()` resolves to. */
export interface CloudInfo {
  proxy: string; // http://127.0.0.1:PORT
  caFile: string; // PEM of the test CA
  tenantId: string;
  clientId: string;
  vaultUrl: string; // https://demo-vault.vault.azure.net
  oidcRequestUrl: string; // https://pipelines.actions.githubusercontent.com/…/idtoken?api-version=2.0
  oidcRequestToken: string;
  adminUrl: string; // http://127.0.0.1:PORT
  /** App Service style managed identity endpoint (IDENTITY_ENDPOINT), http on loopback. */
  identityEndpoint: string;
  /** The IDENTITY_HEADER secret that endpoint requires. */
  identityHeader: string;
}
