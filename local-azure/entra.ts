/**
 * Microsoft Entra ID as the SDKs and the Azure CLI see it: instance discovery, the tenant's
 * OpenID configuration and keys, and the v2.0 token endpoint for the client-credentials grant
 * with a federated client assertion (GitHub OIDC token) or a client secret. Failures carry the
 * real AADSTS codes, OAuth error classes, HTTP statuses and body shape
 * (docs/azure-facts.md#entra-id-token-requests), because the action maps those codes to hints.
 */
import { randomUUID, type KeyObject } from "node:crypto";
import { toJsonResponse } from "./json-response.ts";
import { formatAssertionTime, toErrorResponse, fail, matchFederatedCredential } from "./entra-federation.ts";
import type { EntraFailure } from "./entra-federation.ts";
import {
  createSigningKey,
  decodeJwt,
  readClockSeconds,
  readNumericClaim,
  signJwt,
  toPublicJwk,
  verifyJwtSignature,
  type DecodedJwt,
  type JwtClaims,
} from "./jwt.ts";
import type { AccessTokenClaims, AppConfig, CloudRequest, CloudResponse, TokenCheck, VerifyAccessToken, WorldConfig } from "./types.ts";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const RESERVED_SCOPES = new Set(["openid", "profile", "offline_access"]);
/** Each served Entra host with the hosts MSAL may treat as its aliases. */
const INSTANCE_METADATA = [
  {
    preferred_network: "login.microsoftonline.com",
    preferred_cache: "login.windows.net",
    aliases: ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"],
  },
  {
    preferred_network: "login.microsoftonline.us",
    preferred_cache: "login.microsoftonline.us",
    aliases: ["login.microsoftonline.us", "login.usgovcloudapi.net"],
  },
  {
    preferred_network: "login.partner.microsoftonline.cn",
    preferred_cache: "login.partner.microsoftonline.cn",
    aliases: ["login.partner.microsoftonline.cn", "login.chinacloudapi.cn"],
  },
];
const ARM_AUDIENCE = "https://management.core.windows.net/";
/** Resource (scope without /.default, trailing slash ignored) → the `aud` Entra puts in the token. */
const KNOWN_RESOURCES = new Map<string, (requested: string) => string>([
  // Vault tokens keep the resource as asked, trailing slash included: that is how real clients end
  // up with "AKV10022: Invalid audience … found: https://vault.azure.net/".
  ["https://vault.azure.net", (requested) => requested],
  ["https://vault.usgovcloudapi.net", (requested) => requested],
  ["https://vault.azure.cn", (requested) => requested],
  ["https://management.core.windows.net", () => ARM_AUDIENCE],
  ["https://management.azure.com", () => ARM_AUDIENCE],
  ["https://graph.microsoft.com", () => "https://graph.microsoft.com"],
]);

export const ARM_AUDIENCES: readonly string[] = [
  ARM_AUDIENCE,
  "https://management.core.windows.net",
  "https://management.azure.com/",
  "https://management.azure.com",
];

export type AccessTokenInspection =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: "malformed" | "signature" | "issuer" | "expired" | "not-yet-valid"; message: string; claims?: AccessTokenClaims };

export interface Entra {
  handle(req: CloudRequest): Promise<CloudResponse>;
  verifyAccessToken: VerifyAccessToken;
  /** Signature, issuer and time checks without the audience (ARM accepts several audiences). */
  inspectAccessToken(token: string): AccessTokenInspection;
  keysByKid: ReadonlyMap<string, KeyObject>;
  /**
   * An access token for a principal that signs in without a client credential (a managed
   * identity), for `resource` (trailing slash and /.default tolerated); undefined for an unknown
   * resource. Same claims and lifetime as the token endpoint's.
   */
  issueTokenFor(
    principal: { clientId: string; objectId: string },
    resource: string,
  ): Promise<{ accessToken: string; expiresIn: number; audience: string } | undefined>;
}

export interface EntraOptions {
  /** Live world: apps, federated credentials and the tenant are read on every request. */
  getWorld(): WorldConfig;
  /** Keys of each trusted assertion issuer (GitHub), by kid. */
  assertionIssuers: ReadonlyMap<string, ReadonlyMap<string, KeyObject>>;
}

function wantsCae(claimsParam: string | null): boolean {
  if (claimsParam === null || claimsParam === "") return false;
  try {
    const parsed = JSON.parse(claimsParam) as { access_token?: { xms_cc?: { values?: unknown } } };
    const values = parsed.access_token?.xms_cc?.values;
    return Array.isArray(values) && values.includes("cp1");
  } catch {
    return false;
  }
}

export async function createEntra(options: EntraOptions): Promise<Entra> {
  const key = await createSigningKey("entra");
  const jwk = toPublicJwk(key);
  const keysByKid = new Map([[key.kid, key.publicKey]]);
  /** Signature-checked claims by token string: Key Vault sees the same token thousands of times. */
  const verified = new Map<string, AccessTokenClaims | null>();

  function readTenant(pathname: string): string {
    return decodeURIComponent(pathname.split("/")[1] ?? "");
  }

  function checkTenant(tenant: string): EntraFailure | undefined {
    const world = options.getWorld();
    if (tenant.toLowerCase() === world.tenantId.toLowerCase()) return undefined;
    if (!/^[0-9a-zA-Z.-]+$/.test(tenant)) {
      return fail(
        400,
        "invalid_request",
        900023,
        `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`,
      );
    }
    return fail(
      400,
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    );
  }

  function serveInstanceDiscovery(req: CloudRequest): CloudResponse {
    const endpoint = req.url.searchParams.get("authorization_endpoint");
    let discoveryHost = req.url.host;
    let tenant = "common";
    if (endpoint !== null) {
      try {
        const parsed = new URL(endpoint);
        discoveryHost = parsed.host;
        tenant = parsed.pathname.split("/")[1] || "common";
      } catch {
        // An unparseable endpoint gets the discovery document of the host that was asked.
      }
    }
    return toJsonResponse(
      200,
      {
        tenant_discovery_endpoint: `https://${discoveryHost}/${tenant}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: INSTANCE_METADATA,
      },
      "EntraInstanceDiscovery",
    );
  }

  function serveOpenIdConfiguration(req: CloudRequest, version: "v1" | "v2"): CloudResponse {
    const tenant = readTenant(req.url.pathname);
    const isAlias = ["common", "organizations", "consumers"].includes(tenant.toLowerCase());
    const failure = isAlias ? undefined : checkTenant(tenant);
    const correlationId = req.headers["client-request-id"]?.toString() ?? randomUUID();
    if (failure !== undefined)
      return { ...toErrorResponse({ ...failure, error: "invalid_tenant" }, req.url.host, correlationId), operation: "EntraOpenIdConfig" };
    const origin = `https://${req.url.host}`;
    const tenantSegment = isAlias ? "{tenantid}" : options.getWorld().tenantId;
    const v = version === "v2" ? "/v2.0" : "";
    return toJsonResponse(
      200,
      {
        token_endpoint: `${origin}/${tenant}/oauth2${v}/token`,
        token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        jwks_uri: `${origin}/${tenant}/discovery${v}/keys`,
        response_modes_supported: ["query", "fragment", "form_post"],
        subject_types_supported: ["pairwise"],
        id_token_signing_alg_values_supported: ["RS256"],
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
        issuer: `${origin}/${tenantSegment}${version === "v2" ? "/v2.0" : "/"}`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${origin}/${tenant}/oauth2${v}/authorize`,
        device_authorization_endpoint: `${origin}/${tenant}/oauth2${v}/devicecode`,
        end_session_endpoint: `${origin}/${tenant}/oauth2${v}/logout`,
        tenant_region_scope: "WW",
        cloud_instance_name: req.url.hostname.replace(/^login\./, ""),
        cloud_graph_host_name: "graph.windows.net",
        msgraph_host: "graph.microsoft.com",
      },
      "EntraOpenIdConfig",
    );
  }

  function resolveScope(form: URLSearchParams, version: "v1" | "v2"): { audience: string } | EntraFailure {
    let resource: string;
    if (version === "v1") {
      const requested = form.get("resource");
      if (!requested) return fail(400, "invalid_request", 900144, "The request body must contain the following parameter: 'resource'.");
      resource = requested;
    } else {
      const scopes = (form.get("scope") ?? "").split(" ").filter((scope) => scope !== "" && !RESERVED_SCOPES.has(scope));
      const scope = scopes[0];
      if (scope === undefined)
        return fail(400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
      if (!scope.endsWith("/.default")) {
        return fail(
          400,
          "invalid_scope",
          1002012,
          `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
        );
      }
      resource = scope.slice(0, -"/.default".length);
    }
    const toAudience = KNOWN_RESOURCES.get(resource.replace(/\/+$/, ""));
    if (toAudience === undefined) {
      return fail(
        400,
        "invalid_resource",
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${options.getWorld().tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
    }
    return { audience: toAudience(resource) };
  }

  function checkAssertion(app: AppConfig, assertion: string, nowMs: number): EntraFailure | undefined {
    const decoded: DecodedJwt | undefined = decodeJwt(assertion);
    if (decoded === undefined) return fail(400, "invalid_request", 50027, "JWT token is invalid or malformed.");
    if (app.federatedCredentials.length === 0) {
      return fail(
        401,
        "invalid_client",
        70025,
        `The client '${app.clientId}'(${app.displayName}) has no configured federated identity credentials.`,
      );
    }
    const issuer = typeof decoded.payload.iss === "string" ? decoded.payload.iss : "";
    if (!app.federatedCredentials.some((fic) => fic.issuer === issuer)) return matchFederatedCredential(app, decoded.payload, nowMs);
    const issuerKeys = options.assertionIssuers.get(issuer);
    if (issuerKeys === undefined || !verifyJwtSignature(decoded, issuerKeys)) {
      return fail(401, "invalid_client", 700027, "Client assertion failed signature validation.");
    }
    const now = Math.floor(nowMs / 1000);
    const nbf = readNumericClaim(decoded.payload, "nbf");
    const exp = readNumericClaim(decoded.payload, "exp");
    if (exp === undefined || exp <= now || (nbf !== undefined && nbf > now)) {
      return fail(
        401,
        "invalid_client",
        700024,
        `Client assertion is not within its valid time range. Current time: ${formatAssertionTime(now)}, assertion valid from ${formatAssertionTime(nbf)}, expiry time of assertion ${formatAssertionTime(exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
      );
    }
    return matchFederatedCredential(app, decoded.payload, nowMs);
  }

  async function issueToken(app: AppConfig, audience: string, cae: boolean): Promise<CloudResponse> {
    const tenantId = options.getWorld().tenantId;
    const now = readClockSeconds();
    const expiresIn = app.accessTokenLifetimeSeconds ?? (cae ? 86399 : 3599);
    const claims: AccessTokenClaims & JwtClaims = {
      aud: audience,
      iss: `https://sts.windows.net/${tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + expiresIn,
      appid: app.clientId,
      appidacr: "2",
      idp: `https://sts.windows.net/${tenantId}/`,
      idtyp: "app",
      oid: app.objectId,
      sub: app.objectId,
      tid: tenantId,
      uti: randomUUID().replaceAll("-", ""),
      ver: "1.0",
      ...(cae ? { xms_cc: ["CP1"] } : {}),
    };
    const accessToken = await signJwt(key, claims, { x5t: jwk.x5t });
    return toJsonResponse(
      200,
      { token_type: "Bearer", expires_in: expiresIn, ext_expires_in: expiresIn, access_token: accessToken },
      "EntraToken",
      { pragma: "no-cache" },
    );
  }

  async function serveToken(req: CloudRequest, version: "v1" | "v2"): Promise<CloudResponse> {
    const form = new URLSearchParams(req.body.toString("utf8"));
    const correlationId =
      form.get("client-request-id") ??
      req.url.searchParams.get("client-request-id") ??
      req.headers["client-request-id"]?.toString() ??
      randomUUID();
    const respondWith = (failure: EntraFailure): CloudResponse => toErrorResponse(failure, req.url.host, correlationId);
    const tenantFailure = checkTenant(readTenant(req.url.pathname));
    if (tenantFailure !== undefined) return respondWith(tenantFailure);

    const grantType = form.get("grant_type");
    if (!grantType)
      return respondWith(fail(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'."));
    if (grantType !== "client_credentials")
      return respondWith(fail(400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grantType}'.`));

    let clientId = form.get("client_id");
    let clientSecret = form.get("client_secret");
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
    if (basic?.[1] !== undefined) {
      const [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
      clientId ??= decodeURIComponent(id ?? "");
      clientSecret ??= decodeURIComponent(secret ?? "");
    }
    if (!clientId)
      return respondWith(fail(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'."));
    const world = options.getWorld();
    const app = world.apps.find((candidate) => candidate.clientId.toLowerCase() === clientId.toLowerCase());
    if (app === undefined) {
      return respondWith(
        fail(
          400,
          "unauthorized_client",
          700016,
          `Application with identifier '${clientId}' was not found in the directory '${world.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
        ),
      );
    }

    const scope = resolveScope(form, version);
    if ("code" in scope) return respondWith(scope);

    const assertion = form.get("client_assertion");
    let failure: EntraFailure | undefined;
    if (assertion !== null) {
      const assertionType = form.get("client_assertion_type");
      failure =
        assertionType !== JWT_BEARER
          ? fail(400, "invalid_request", 50027, `Invalid client_assertion_type '${assertionType ?? ""}'; expected '${JWT_BEARER}'.`)
          : checkAssertion(app, assertion, Date.now());
    } else if (clientSecret !== null) {
      failure = app.clientSecrets.includes(clientSecret)
        ? undefined
        : fail(
            401,
            "invalid_client",
            7000215,
            `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
          );
    } else {
      failure = fail(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    if (failure !== undefined) return respondWith(failure);
    return issueToken(app, scope.audience, wantsCae(form.get("claims")));
  }

  async function handle(req: CloudRequest): Promise<CloudResponse> {
    const path = req.url.pathname.replace(/\/+$/, "");
    const segments = path.split("/").slice(1);
    if (req.method === "GET") {
      if (path === "/common/discovery/instance") return serveInstanceDiscovery(req);
      if (segments.length === 4 && segments[1] === "v2.0" && segments[2] === ".well-known" && segments[3] === "openid-configuration")
        return serveOpenIdConfiguration(req, "v2");
      if (segments.length === 3 && segments[1] === ".well-known" && segments[2] === "openid-configuration")
        return serveOpenIdConfiguration(req, "v1");
      if (
        (segments.length === 4 && segments[1] === "discovery" && segments[2] === "v2.0" && segments[3] === "keys") ||
        (segments.length === 3 && segments[1] === "discovery" && segments[2] === "keys")
      ) {
        return toJsonResponse(200, { keys: [jwk] }, "EntraKeys");
      }
    }
    if (req.method === "POST") {
      if (segments.length === 4 && segments[1] === "oauth2" && segments[2] === "v2.0" && segments[3] === "token")
        return serveToken(req, "v2");
      if (segments.length === 3 && segments[1] === "oauth2" && segments[2] === "token") return serveToken(req, "v1");
    }
    return toJsonResponse(
      404,
      { error: "not_found", error_description: `The local Entra does not serve ${req.method} ${req.url.pathname}.` },
      "EntraUnknown",
    );
  }

  function inspectAccessToken(token: string): AccessTokenInspection {
    let claims = verified.get(token);
    if (claims === undefined) {
      const decoded = decodeJwt(token);
      claims = decoded !== undefined && verifyJwtSignature(decoded, keysByKid) ? (decoded.payload as unknown as AccessTokenClaims) : null;
      // Bounded so a long benchmark cannot grow it without limit; tokens are re-verified after a reset.
      if (verified.size >= 10_000) verified.clear();
      verified.set(token, claims);
    }
    if (claims === null) {
      return decodeJwt(token) === undefined
        ? { ok: false, reason: "malformed", message: "The access token is malformed." }
        : { ok: false, reason: "signature", message: "The access token signature could not be verified." };
    }
    const tenantId = options.getWorld().tenantId;
    const expectedIssuer = `https://sts.windows.net/${tenantId}/`;
    if (claims.iss !== expectedIssuer || claims.tid !== tenantId) {
      return {
        ok: false,
        reason: "issuer",
        claims,
        message: `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${tenantId}/, https://login.microsoftonline.com/${tenantId}/v2.0, found ${claims.iss}.`,
      };
    }
    const now = readClockSeconds();
    if (claims.exp <= now)
      return { ok: false, reason: "expired", claims, message: `The access token expired at ${new Date(claims.exp * 1000).toISOString()}.` };
    if (claims.nbf > now + 300) return { ok: false, reason: "not-yet-valid", claims, message: "The access token is not valid yet." };
    return { ok: true, claims };
  }

  const verifyAccessToken: VerifyAccessToken = (token: string, expectedAudience: string): TokenCheck => {
    const inspection = inspectAccessToken(token);
    if (!inspection.ok) return { ok: false, message: inspection.message };
    if (inspection.claims.aud !== expectedAudience) {
      return { ok: false, message: `AKV10022: Invalid audience. Expected ${expectedAudience}, found: ${inspection.claims.aud}.` };
    }
    return { ok: true, claims: inspection.claims };
  };

  async function issueTokenFor(
    principal: { clientId: string; objectId: string },
    resource: string,
  ): Promise<{ accessToken: string; expiresIn: number; audience: string } | undefined> {
    const requested = resource.replace(/\/\.default$/, "");
    const toAudience = KNOWN_RESOURCES.get(requested.replace(/\/+$/, ""));
    if (toAudience === undefined) return undefined;
    const identity: AppConfig = {
      clientId: principal.clientId,
      objectId: principal.objectId,
      displayName: "managed-identity",
      clientSecrets: [],
      federatedCredentials: [],
    };
    const response = await issueToken(identity, toAudience(requested), false);
    const body = JSON.parse(String(response.body)) as { access_token: string; expires_in: number };
    return { accessToken: body.access_token, expiresIn: body.expires_in, audience: toAudience(requested) };
  }

  return { handle, verifyAccessToken, inspectAccessToken, keysByKid, issueTokenFor };
}
