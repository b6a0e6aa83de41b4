/**
 * Helpers for the Key Vault unit tests: a service over one vault with a fake clock and a stub
 * token verifier, and a `send` that builds CloudRequests the way the SDK shapes them.
 */
import type { AccessTokenClaims, CloudResponse, TokenCheck, VaultRole } from "../types.ts";
import { createVaultTemplate, mergeDeep, type DeepPartial } from "../world.ts";
import { createKeyVaultService, type KeyVaultService, type KeyVaultServiceOptions, type VaultSettings } from "./index.ts";

export const TENANT_ID = "7e57c10d-0a2e-4c1d-9f00-00000000aaaa";
export const SUBSCRIPTION_ID = "7e57c10d-5b5c-4f00-9000-00000000bbbb";
export const VAULT_HOST = "demo-vault.vault.azure.net";

/** One app per role, so RBAC tests only change the token. appid = client id, oid = object id. */
export const PRINCIPALS = {
  officer: { appid: "00000000-0000-0000-0000-00000000a001", oid: "00000000-0000-0000-0000-00000000b001" },
  user: { appid: "00000000-0000-0000-0000-00000000a002", oid: "00000000-0000-0000-0000-00000000b002" },
  reader: { appid: "00000000-0000-0000-0000-00000000a003", oid: "00000000-0000-0000-0000-00000000b003" },
  admin: { appid: "00000000-0000-0000-0000-00000000a004", oid: "00000000-0000-0000-0000-00000000b004" },
  stranger: { appid: "00000000-0000-0000-0000-00000000a005", oid: "00000000-0000-0000-0000-00000000b005" },
} as const;

export type PrincipalName = keyof typeof PRINCIPALS;

/** Default role assignments: officer by client id, the others by object id, stranger none. */
export const DEFAULT_ROLES: Array<{ principal: string; role: VaultRole }> = [
  { principal: PRINCIPALS.officer.appid, role: "Key Vault Secrets Officer" },
  { principal: PRINCIPALS.user.oid, role: "Key Vault Secrets User" },
  { principal: PRINCIPALS.reader.oid, role: "Key Vault Reader" },
  { principal: PRINCIPALS.admin.oid, role: "Key Vault Administrator" },
];

export function toToken(principal: PrincipalName): string {
  return `token-${principal}`;
}

/** Accepts `token-<principal>` for the vault audience; anything else fails like AKV would. */
export function verifyStubToken(token: string, expectedAudience: string): TokenCheck {
  const principal = /^token-(\w+)$/.exec(token)?.[1] as PrincipalName | undefined;
  if (principal === undefined || !(principal in PRINCIPALS))
    return { ok: false, message: "AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://example.com." };
  const claims: AccessTokenClaims = {
    aud: expectedAudience,
    iss: `https://sts.windows.net/${TENANT_ID}/`,
    tid: TENANT_ID,
    ...PRINCIPALS[principal],
    iat: 0,
    nbf: 0,
    exp: 4_000_000_000,
  };
  return { ok: true, claims };
}

export interface FakeClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function createFakeClock(startMs = 1_760_000_000_000): FakeClock {
  let current = startMs;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

export interface SendOptions {
  body?: unknown;
  /** Raw body bytes; wins over `body`. */
  rawBody?: Buffer;
  /** null: no Authorization header. Default: the officer's token. */
  as?: PrincipalName | null;
  authorization?: string;
  /** null: no api-version. */
  apiVersion?: string | null;
  host?: string;
  headers?: Record<string, string>;
}

export interface SentResponse extends CloudResponse {
  json: any;
}

export interface TestVault {
  service: KeyVaultService;
  clock: FakeClock;
  sleeps: number[];
  send: (method: string, pathAndQuery: string, options?: SendOptions) => Promise<SentResponse>;
  admin: (method: string, path: string, body?: unknown) => Promise<SentResponse>;
}

function toSent(response: CloudResponse): SentResponse {
  const text = response.body === undefined ? "" : response.body.toString();
  return { ...response, json: text === "" ? undefined : JSON.parse(text) };
}

export function createTestVault(vault: DeepPartial<VaultSettings> = {}, options: Partial<KeyVaultServiceOptions> = {}): TestVault {
  const clock = createFakeClock();
  const sleeps: number[] = [];
  const settings = mergeDeep({ ...createVaultTemplate("demo-vault"), roles: DEFAULT_ROLES }, vault);
  const service = createKeyVaultService({
    tenantId: TENANT_ID,
    subscriptionId: SUBSCRIPTION_ID,
    vaults: [settings],
    verifyAccessToken: verifyStubToken,
    now: clock.now,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  const send: TestVault["send"] = async (method, pathAndQuery, opts = {}) => {
    const url = new URL(`https://${opts.host ?? VAULT_HOST}${pathAndQuery}`);
    const apiVersion = opts.apiVersion === undefined ? "2026-04-01" : opts.apiVersion;
    if (apiVersion !== null && !url.searchParams.has("api-version")) url.searchParams.set("api-version", apiVersion);
    const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
    const principal = opts.as === undefined ? "officer" : opts.as;
    if (opts.authorization !== undefined) headers.authorization = opts.authorization;
    else if (principal !== null) headers.authorization = `Bearer ${toToken(principal)}`;
    const body = opts.rawBody ?? (opts.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(opts.body)));
    return toSent(await service.handle({ method, url, headers, body }));
  };
  const admin: TestVault["admin"] = async (method, path, body) => {
    const url = new URL(`http://127.0.0.1:4000${path}`);
    const raw = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
    return toSent(await service.handleAdmin({ method, url, headers: {}, body: raw }));
  };
  return { service, clock, sleeps, send, admin };
}

/** Sets a secret as the officer and returns its bundle. */
export async function putSecret(
  vault: TestVault,
  name: string,
  body: Record<string, unknown> = { value: `value-of-${name}` },
): Promise<any> {
  const response = await vault.send("PUT", `/secrets/${name}`, { body });
  if (response.status !== 200) throw new Error(`Failed to set ${name}: ${response.status} ${JSON.stringify(response.json)}`);
  return response.json;
}
