/**
 * The slice of Azure Resource Manager that `az login` touches: the subscription and tenant lists
 * (and one subscription by id), plus the cloud metadata document. Every call but the metadata
 * one needs an Entra access token whose audience is ARM's.
 */
import { randomUUID } from "node:crypto";
import { ARM_AUDIENCES, type AccessTokenInspection } from "./entra.ts";
import { toJsonResponse } from "./json-response.ts";
import type { VaultDescription } from "./key-vault/index.ts";
import { handleVaultArm, matchVaultPath } from "./management-vaults.ts";
import type { AccessTokenClaims, CloudRequest, CloudResponse, WorldConfig } from "./types.ts";

export const ARM_HOST = "management.azure.com";

export interface ManagementOptions {
  getWorld(): WorldConfig;
  inspectAccessToken(token: string): AccessTokenInspection;
  /** Vaults as Key Vault holds them now (settings changed through the admin API included). */
  describeVault?(name: string): VaultDescription | undefined;
}

function createArmError(
  status: number,
  code: string,
  message: string,
  operation: string,
  tenantId: string,
  wwwAuthenticateError?: string,
): CloudResponse {
  const headers: Record<string, string> = { "x-ms-request-id": randomUUID(), "x-ms-correlation-request-id": randomUUID() };
  if (status === 401) {
    headers["www-authenticate"] =
      `Bearer authorization_uri="https://login.microsoftonline.com/${tenantId}", error="invalid_token", error_description="${wwwAuthenticateError ?? code}"`;
  }
  return toJsonResponse(status, { error: { code, message } }, operation, headers);
}

/** Principals see the subscription when they hold any role in it (here: on one of its vaults). */
function canSeeSubscription(world: WorldConfig, claims: AccessTokenClaims): boolean {
  return world.vaults.some(
    (vault) =>
      vault.roles.some((role) => role.principal === claims.appid || role.principal === claims.oid) ||
      vault.accessPolicies.some((policy) => policy.principal === claims.appid || policy.principal === claims.oid),
  );
}

function describeSubscription(world: WorldConfig): Record<string, unknown> {
  return {
    id: `/subscriptions/${world.subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: world.subscriptionId,
    tenantId: world.tenantId,
    displayName: "Key Vault Sync local subscription",
    state: "Enabled",
    subscriptionPolicies: { locationPlacementId: "Public_2014-09-01", quotaId: "PayAsYouGo_2014-09-01", spendingLimit: "Off" },
  };
}

function describeCloudMetadata(): Record<string, unknown> {
  return {
    portal: "https://portal.azure.com",
    authentication: {
      loginEndpoint: "https://login.microsoftonline.com",
      audiences: ["https://management.core.windows.net/", "https://management.azure.com/"],
      tenant: "common",
      identityProvider: "AAD",
    },
    media: "https://rest.media.azure.net",
    graphAudience: "https://graph.windows.net/",
    graph: "https://graph.windows.net/",
    name: "AzureCloud",
    suffixes: {
      azureDataLakeStoreFileSystem: "azuredatalakestore.net",
      acrLoginServer: "azurecr.io",
      sqlServerHostname: "database.windows.net",
      azureDataLakeAnalyticsCatalogAndJob: "azuredatalakeanalytics.net",
      keyVaultDns: "vault.azure.net",
      storage: "core.windows.net",
      azureFrontDoorEndpointSuffix: "azurefd.net",
    },
    batch: "https://batch.core.windows.net/",
    resourceManager: "https://management.azure.com/",
    activeDirectoryDataLake: "https://datalake.azure.net/",
    sqlManagement: "https://management.core.windows.net:8443/",
    gallery: "https://gallery.azure.com/",
    microsoftGraphResourceId: "https://graph.microsoft.com/",
  };
}

export function createManagement(options: ManagementOptions): (req: CloudRequest) => CloudResponse {
  function authenticate(req: CloudRequest, operation: string): { claims: AccessTokenClaims } | CloudResponse {
    const tenantId = options.getWorld().tenantId;
    const match = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "");
    if (match?.[1] === undefined) {
      return createArmError(
        401,
        "AuthenticationFailed",
        "Authentication failed. The 'Authorization' header is missing.",
        operation,
        tenantId,
        "The authentication failed because of missing 'Authorization' header.",
      );
    }
    const inspection = options.inspectAccessToken(match[1]);
    if (!inspection.ok) {
      if (inspection.reason === "expired" && inspection.claims !== undefined) {
        return createArmError(
          401,
          "ExpiredAuthenticationToken",
          `The access token expiry UTC time '${new Date(inspection.claims.exp * 1000).toUTCString()}' is earlier than current UTC time '${new Date().toUTCString()}'.`,
          operation,
          tenantId,
        );
      }
      if (inspection.reason === "issuer") {
        return createArmError(
          401,
          "InvalidAuthenticationTokenTenant",
          `The access token is from the wrong issuer '${inspection.claims?.iss ?? ""}'. It must match the tenant 'https://sts.windows.net/${tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${tenantId}' to get the token.`,
          operation,
          tenantId,
        );
      }
      return createArmError(401, "InvalidAuthenticationToken", "The access token is invalid.", operation, tenantId);
    }
    if (!ARM_AUDIENCES.includes(inspection.claims.aud)) {
      return createArmError(
        401,
        "InvalidAuthenticationTokenAudience",
        `The access token has been obtained for wrong audience or resource '${inspection.claims.aud}'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES.map((aud) => `'${aud}'`).join(",")}.`,
        operation,
        tenantId,
      );
    }
    return { claims: inspection.claims };
  }

  return function handle(req: CloudRequest): CloudResponse {
    const path = req.url.pathname.replace(/\/+$/, "").toLowerCase();
    const world = options.getWorld();
    if (req.method === "GET" && path === "/metadata/endpoints") return toJsonResponse(200, describeCloudMetadata(), "ArmCloudMetadata");

    const vaultMatch = matchVaultPath(path);
    if (vaultMatch !== undefined && req.method === "GET" && options.describeVault !== undefined) {
      const auth = authenticate(req, vaultMatch.operation);
      if ("status" in auth) return auth;
      if (!req.url.searchParams.has("api-version")) {
        return createArmError(
          400,
          "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.",
          vaultMatch.operation,
          world.tenantId,
        );
      }
      const describeVault = options.describeVault;
      return handleVaultArm(vaultMatch, {
        world,
        claims: auth.claims,
        describeVault,
        fail: (status, code, message, operation) => createArmError(status, code, message, operation, world.tenantId),
      });
    }
    const subscriptionMatch = /^\/subscriptions\/([^/]+)$/.exec(path);
    const operation =
      path === "/tenants"
        ? "ArmTenants"
        : path === "/subscriptions"
          ? "ArmSubscriptions"
          : subscriptionMatch !== null
            ? "ArmSubscription"
            : "ArmUnsupported";
    if (req.method !== "GET" || operation === "ArmUnsupported") {
      return createArmError(
        404,
        "NotFound",
        `The local Azure Resource Manager does not serve ${req.method} ${req.url.pathname}.`,
        "ArmUnsupported",
        world.tenantId,
      );
    }
    const auth = authenticate(req, operation);
    if ("status" in auth) return auth;
    const visible = canSeeSubscription(world, auth.claims);

    if (operation === "ArmTenants") {
      return toJsonResponse(
        200,
        {
          value: [
            {
              id: `/tenants/${world.tenantId}`,
              tenantId: world.tenantId,
              countryCode: "US",
              displayName: "Key Vault Sync local tenant",
              domains: ["keyvaultsync.onmicrosoft.com"],
              tenantCategory: "Home",
              defaultDomain: "keyvaultsync.onmicrosoft.com",
              tenantType: "AAD",
            },
          ],
        },
        operation,
      );
    }
    if (operation === "ArmSubscriptions") {
      const value = visible ? [describeSubscription(world)] : [];
      return toJsonResponse(200, { value, count: { type: "Total", value: value.length } }, operation);
    }
    if (visible && subscriptionMatch?.[1] === world.subscriptionId.toLowerCase())
      return toJsonResponse(200, describeSubscription(world), operation);
    return createArmError(
      404,
      "SubscriptionNotFound",
      `The subscription '${subscriptionMatch?.[1] ?? ""}' could not be found.`,
      operation,
      world.tenantId,
    );
  };
}
