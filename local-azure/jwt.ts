/**
 * RS256 JSON Web Tokens for the local Entra and GitHub issuers. Signing goes through the async
 * form of crypto.sign so minting many tokens does not block the event loop; verification is the
 * cheap public-key operation and callers cache its result.
 */
import { createHash, createPublicKey, generateKeyPair, sign, verify, type KeyObject } from "node:crypto";
import { promisify } from "node:util";

const generateKeyPairAsync = promisify(generateKeyPair);
const signAsync = promisify(sign);

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface PublicJwk {
  kty: "RSA";
  use: "sig";
  alg: "RS256";
  kid: string;
  x5t: string;
  n: string;
  e: string;
}

export type JwtClaims = Record<string, unknown>;

export interface DecodedJwt {
  header: { alg?: unknown; kid?: unknown; typ?: unknown };
  payload: JwtClaims;
  signingInput: string;
  signature: Buffer;
}

export async function createSigningKey(kidPrefix: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPairAsync("rsa", { modulusLength: 2048 });
  const spki = publicKey.export({ type: "spki", format: "der" });
  const kid = `${kidPrefix}-${createHash("sha256").update(spki).digest("base64url").slice(0, 16)}`;
  return { kid, privateKey, publicKey };
}

export function toPublicJwk(key: SigningKey): PublicJwk {
  const jwk = key.publicKey.export({ format: "jwk" });
  const spki = key.publicKey.export({ type: "spki", format: "der" });
  return {
    kty: "RSA",
    use: "sig",
    alg: "RS256",
    kid: key.kid,
    x5t: createHash("sha1").update(spki).digest("base64url"),
    n: String(jwk.n),
    e: String(jwk.e),
  };
}

export function toPublicKey(jwk: PublicJwk): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: "jwk" });
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export async function signJwt(
  key: Pick<SigningKey, "kid" | "privateKey">,
  payload: JwtClaims,
  extraHeader: Record<string, unknown> = {},
): Promise<string> {
  const signingInput = `${encodeSegment({ typ: "JWT", alg: "RS256", kid: key.kid, ...extraHeader })}.${encodeSegment(payload)}`;
  const signature = await signAsync("sha256", Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${signature.toString("base64url")}`;
}

/** Parses without verifying; undefined when the string is not a well-formed JWS compact token. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  try {
    const header: unknown = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8"));
    const payload: unknown = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
    if (typeof header !== "object" || header === null || typeof payload !== "object" || payload === null || Array.isArray(payload))
      return undefined;
    return {
      header: header,
      payload: payload as JwtClaims,
      signingInput: `${headerPart}.${payloadPart}`,
      signature: Buffer.from(signaturePart, "base64url"),
    };
  } catch {
    return undefined;
  }
}

/** True when the token is RS256 and signed by the key its `kid` names. */
export function verifyJwtSignature(decoded: DecodedJwt, keysByKid: ReadonlyMap<string, KeyObject>): boolean {
  if (decoded.header.alg !== "RS256" || typeof decoded.header.kid !== "string") return false;
  const key = keysByKid.get(decoded.header.kid);
  if (key === undefined) return false;
  return verify("sha256", Buffer.from(decoded.signingInput), key, decoded.signature);
}

export function readNumericClaim(claims: JwtClaims, name: string): number | undefined {
  const value = claims[name];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function readClockSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
