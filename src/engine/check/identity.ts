/**
 * Who the vault sees: the non-secret claims of the access token the identity got for the vault
 * (object id, client id, tenant, audience). The token itself never leaves this function; only the
 * payload is decoded, without verifying it (the vault verifies it; we only describe it).
 */

export interface AccessIdentity {
  /** Object id of the service principal or managed identity (`oid`): what access policies name. */
  objectId: string | undefined;
  /** Application (client) id: `appid` in v1 tokens, `azp` in v2 tokens. */
  clientId: string | undefined;
  tenantId: string | undefined;
  /** The resource the token is for (`aud`), e.g. https://vault.azure.net. */
  audience: string | undefined;
  issuer: string | undefined;
  /** When the token expires. */
  expiresOn: Date | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRINTABLE = /^[\x21-\x7e]{1,512}$/;

/** A claim that is safe and useful to print: a GUID, or a short printable string (an audience URL). */
function readClaim(source: Record<string, unknown>, name: string, pattern: RegExp): string | undefined {
  const value = source[name];
  return typeof value === "string" && pattern.test(value) ? value : undefined;
}

/** The identity in an access token; undefined fields where the token does not say (or is not a JWT). */
export function readAccessIdentity(accessToken: string): AccessIdentity {
  const payload = accessToken.split(".")[1];
  let source: Record<string, unknown> = {};
  try {
    const decoded: unknown = payload === undefined ? undefined : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof decoded === "object" && decoded !== null && !Array.isArray(decoded)) source = decoded as Record<string, unknown>;
  } catch {
    // Not a JWT (an opaque token): nothing to describe.
  }
  const aud = source["aud"];
  const audience = Array.isArray(aud)
    ? aud.find((item): item is string => typeof item === "string" && PRINTABLE.test(item))
    : readClaim(source, "aud", PRINTABLE);
  const exp = source["exp"];
  return {
    objectId: readClaim(source, "oid", GUID),
    clientId: readClaim(source, "appid", GUID) ?? readClaim(source, "azp", GUID),
    tenantId: readClaim(source, "tid", GUID),
    audience,
    issuer: readClaim(source, "iss", PRINTABLE),
    expiresOn: typeof exp === "number" && Number.isFinite(exp) ? new Date(exp * 1000) : undefined,
  };
}
