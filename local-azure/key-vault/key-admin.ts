/**
 * Admin routes for a vault's keys (no auth, no limits), so tests can plant the key a BYOK check
 * meets — disabled, expired, without unwrapKey — and see what exists. Private key material is
 * never returned.
 *
 *   GET /vaults/{vault}/keys          → 200 {"keys": [{name, versions: AdminKeyVersionView[]}]}
 *   PUT /vaults/{vault}/keys/{name}   body {kty? (RSA | RSA-HSM), keySize? (2048 | 3072 | 4096),
 *                                     keyOps?, enabled?, nbf?, exp? (IntDate), tags?} → 200 the
 *                                     key with the new version last
 */
import { z } from "zod";
import type { CloudResponse } from "../types.ts";
import { ALL_KEY_OPS, createKeyVersion, KEY_SIZES, KEY_TYPES, readKeySize, type StoredKey } from "./key-store.ts";
import { createVersionId } from "./operations.ts";
import { SECRET_NAME_PATTERN } from "./secret-store.ts";
import type { Vault } from "./vault.ts";

export interface KeyAdminRequest {
  vault: Vault;
  method: string;
  name: string | undefined;
  body: Buffer;
  nowMs: number;
}

const keySeedSchema = z.strictObject({
  kty: z.enum(KEY_TYPES).optional(),
  keySize: z.union(KEY_SIZES.map((size) => z.literal(size)) as [z.ZodLiteral<2048>, z.ZodLiteral<3072>, z.ZodLiteral<4096>]).optional(),
  keyOps: z.array(z.enum(ALL_KEY_OPS)).optional(),
  enabled: z.boolean().optional(),
  nbf: z.number().int().nonnegative().optional(),
  exp: z.number().int().nonnegative().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

function answer(status: number, body: unknown): CloudResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify(body) };
}

function toView(key: StoredKey): Record<string, unknown> {
  return {
    name: key.name,
    versions: key.versions.map(({ version, kty, keyOps, enabled, nbf, exp, created, updated, tags }, index) => ({
      version,
      kty,
      keySize: readKeySize(key.versions[index] as StoredKey["versions"][number]),
      keyOps,
      enabled,
      nbf,
      exp,
      created,
      updated,
      tags,
    })),
  };
}

export async function handleKeyAdmin(request: KeyAdminRequest): Promise<CloudResponse> {
  const { vault, method, name } = request;
  if (name === undefined) {
    if (method !== "GET")
      return answer(405, { error: { code: "MethodNotAllowed", message: `${method} is not allowed on a vault's keys.` } });
    return answer(200, { keys: [...vault.keys.iterateAfter()].map(([, key]) => toView(key)) });
  }
  if (!SECRET_NAME_PATTERN.test(name)) return answer(400, { error: { code: "BadRequest", message: `Invalid key name '${name}'.` } });
  if (method === "GET") {
    const key = vault.keys.get(name);
    return key === undefined
      ? answer(404, { error: { code: "NotFound", message: `Vault ${vault.settings.name} has no key ${name}.` } })
      : answer(200, toView(key));
  }
  if (method !== "PUT") return answer(405, { error: { code: "MethodNotAllowed", message: `${method} is not allowed on a key.` } });
  let json: unknown;
  try {
    json = JSON.parse(request.body.length === 0 ? "{}" : request.body.toString("utf8"));
  } catch {
    return answer(400, { error: { code: "BadRequest", message: "The body is not valid JSON." } });
  }
  const parsed = keySeedSchema.safeParse(json);
  if (!parsed.success) return answer(400, { error: { code: "BadRequest", message: z.prettifyError(parsed.error) } });
  const { kty, keySize, keyOps, enabled, ...rest } = parsed.data;
  const version = await createKeyVersion({
    version: createVersionId(),
    kty: kty ?? "RSA",
    size: keySize ?? 2048,
    keyOps: keyOps ?? [...ALL_KEY_OPS],
    enabled: enabled ?? true,
    ...rest,
    nowSeconds: Math.floor(request.nowMs / 1000),
  });
  let key = vault.keys.get(name);
  if (key === undefined) {
    key = { name, versions: [version] };
    vault.keys.set(name, key);
  } else {
    key.versions.push(version);
  }
  return answer(200, toView(key));
}
