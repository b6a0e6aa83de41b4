/**
 * Admin API of the test cloud's Key Vault (routes are listed in ./index.ts). No auth, no limits:
 * tests use it to set the world up and to look at what the action really wrote.
 */
import { z } from "zod";
import { VAULT_ROLES } from "../roles.ts";
import type { CloudRequest, CloudResponse } from "../types.ts";
import { createVaultTemplate, mergeDeep, type DeepPartial } from "../world.ts";
import { scheduleGrants } from "./access.ts";
import { createThrottleState } from "./throttle.ts";
import { createSeededRandom } from "../seeded-random.ts";
import { DEFAULT_FAULT_SEED } from "./faults.ts";
import { createVersionId, moveToDeleted, readNameState } from "./operations.ts";
import { SECRET_NAME_PATTERN, type SecretVersion, type StoredSecret } from "./secret-store.ts";
import { decodeSegment } from "./routes.ts";
import { createVault, normalizePolicy, type Vault, type VaultSettings } from "./vault.ts";
import { handleKeyAdmin } from "./key-admin.ts";

export interface AdminContext {
  vaults: Map<string, Vault>;
  now: () => number;
}

const nonNegativeInt = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);

const vaultPatchSchema = z
  .object({
    name: z.string(),
    cloud: z.enum(["public", "usgovernment", "china"]),
    roles: z.array(z.strictObject({ principal: z.string().min(1), role: z.enum(VAULT_ROLES) })),
    accessModel: z.enum(["rbac", "access-policy"]),
    accessPolicies: z.array(
      z.strictObject({ principal: z.string().min(1), permissions: z.array(z.string()), keyPermissions: z.array(z.string()).optional() }),
    ),
    firewall: z.boolean(),
    purgeProtection: z.boolean(),
    recoverableDays: z.number().int().min(7).max(90),
    throttle: z
      .strictObject({
        enabled: z.boolean(),
        writesPerWindow: z.number().int().positive(),
        transactionsPerWindow: z.number().int().positive(),
        windowMs: z.number().int().positive(),
        retryAfterSeconds: nonNegativeInt.nullable(),
        mode: z.enum(["sliding", "fixed"]),
      })
      .partial(),
    faults: z
      .strictObject({
        serverErrorRate: rate,
        serverErrorStatus: z.number().int().min(500).max(599),
        dropRate: rate,
        dropAfterWriteRate: rate,
        latencyMs: nonNegativeInt,
        deleteDelayMs: nonNegativeInt,
        recoverDelayMs: nonNegativeInt,
        seed: z.number().int(),
      })
      .partial(),
    location: z.string().min(1),
    resourceGroup: z.string().regex(/^[-\w._()]{1,90}$/),
    policy: z
      .strictObject({
        assignmentName: z.string().min(1),
        requireContentType: z.boolean(),
        requireExpiry: z.boolean(),
        maxValidityDays: z.number().int().positive().nullable(),
        evaluateUpdates: z.boolean(),
      })
      .partial()
      .nullable(),
    accessPropagationMs: nonNegativeInt,
    trailingEmptyPage: z.boolean(),
  })
  .strict()
  .partial();

type VaultPatch = z.infer<typeof vaultPatchSchema>;

const seedSchema = z.strictObject({
  value: z.string(),
  contentType: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  enabled: z.boolean().optional(),
  nbf: nonNegativeInt.optional(),
  exp: nonNegativeInt.optional(),
  created: nonNegativeInt.optional(),
  updated: nonNegativeInt.optional(),
  managed: z.boolean().optional(),
  version: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});

const VAULT_NAME_PATTERN = /^[a-z0-9](?:-?[a-z0-9])*$/;

export interface AdminSecretView {
  name: string;
  state: "active" | "recovering" | "deleting" | "deleted";
  managed: boolean;
  deletedDate?: number;
  scheduledPurgeDate?: number;
  /** Oldest first, with values. */
  versions: SecretVersion[];
}

function answerJson(status: number, body: unknown): CloudResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify(body) };
}

function answerError(status: number, code: string, message: string): CloudResponse {
  return answerJson(status, { error: { code, message } });
}

function parseBody<T>(req: CloudRequest, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; response: CloudResponse } {
  let json: unknown;
  try {
    json = JSON.parse(req.body.length === 0 ? "{}" : req.body.toString("utf8"));
  } catch {
    return { ok: false, response: answerError(400, "BadRequest", "The body is not valid JSON.") };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, response: answerError(400, "BadRequest", z.prettifyError(parsed.error)) };
}

function toSecretView(secret: StoredSecret, state: AdminSecretView["state"]): AdminSecretView {
  const view: AdminSecretView = { name: secret.name, state, managed: secret.managed, versions: structuredClone(secret.versions) };
  if (secret.deleted !== undefined) {
    view.deletedDate = secret.deleted.deletedDate;
    view.scheduledPurgeDate = secret.deleted.scheduledPurgeDate;
  }
  return view;
}

function listSecretViews(vault: Vault, nowMs: number): AdminSecretView[] {
  const names = [...vault.active.iterateAfter(), ...vault.deleted.iterateAfter()].map(([key]) => key).sort();
  const views: AdminSecretView[] = [];
  for (const name of names) {
    const state = readNameState(vault, name, nowMs);
    if (state.kind !== "missing") views.push(toSecretView(state.secret, state.kind));
  }
  return views;
}

function putVault(context: AdminContext, name: string, req: CloudRequest): CloudResponse {
  const body = parseBody(req, vaultPatchSchema);
  if (!body.ok) return body.response;
  if (body.value.name !== undefined && body.value.name.toLowerCase() !== name) {
    return answerError(400, "BadRequest", `The body names vault '${body.value.name}' but the path names '${name}'.`);
  }
  const existed = context.vaults.has(name);
  const settings = mergeDeep(createVaultTemplate(name) as VaultSettings, { ...body.value, name });
  context.vaults.set(name, createVault(settings));
  return answerJson(existed ? 200 : 201, settings);
}

function patchVault(context: AdminContext, vault: Vault, req: CloudRequest): CloudResponse {
  const body = parseBody(req, vaultPatchSchema);
  if (!body.ok) return body.response;
  const patch: VaultPatch = body.value;
  if (patch.name !== undefined && patch.name.toLowerCase() !== vault.settings.name) {
    return answerError(400, "BadRequest", "A vault cannot be renamed; create a new one with PUT.");
  }
  const settings = mergeDeep(vault.settings, patch as DeepPartial<VaultSettings>);
  settings.policy = normalizePolicy(settings.policy);
  if (patch.roles !== undefined || patch.accessPolicies !== undefined) {
    const grants = { roles: settings.roles, accessPolicies: settings.accessPolicies };
    scheduleGrants(vault.access, grants, context.now(), settings.accessPropagationMs ?? 0);
  }
  // Reconfigured knobs start from a clean slate, so a test's fault or throttle sequence is reproducible.
  if (patch.faults !== undefined) vault.random = createSeededRandom(settings.faults.seed ?? DEFAULT_FAULT_SEED);
  if (patch.throttle !== undefined) vault.throttle = createThrottleState();
  vault.settings = settings;
  return answerJson(200, settings);
}

function seedSecret(context: AdminContext, vault: Vault, name: string, req: CloudRequest): CloudResponse {
  const body = parseBody(req, seedSchema);
  if (!body.ok) return body.response;
  const nowMs = context.now();
  const state = readNameState(vault, name, nowMs);
  if (state.kind === "deleted" || state.kind === "deleting") {
    return answerError(409, "Conflict", `Secret ${name} is deleted; purge it or recover it before seeding a version.`);
  }
  const { value, contentType, tags, enabled, nbf, exp, created, updated, managed, version: versionId } = body.value;
  const createdAt = created ?? Math.floor(nowMs / 1000);
  const version: SecretVersion = {
    version: versionId ?? createVersionId(),
    value,
    enabled: enabled ?? true,
    created: createdAt,
    updated: updated ?? createdAt,
  };
  const isManaged = managed ?? (state.kind === "missing" ? false : state.secret.managed);
  const type = contentType ?? (isManaged ? "application/x-pkcs12" : undefined);
  if (type !== undefined) version.contentType = type;
  if (tags !== undefined) version.tags = tags;
  if (nbf !== undefined) version.nbf = nbf;
  if (exp !== undefined) version.exp = exp;
  let secret: StoredSecret;
  if (state.kind === "missing") {
    secret = { name, managed: isManaged, versions: [version] };
    vault.active.set(name, secret);
  } else {
    secret = state.secret;
    if (secret.versions.some((existing) => existing.version === version.version)) {
      return answerError(409, "Conflict", `Secret ${name} already has version ${version.version}.`);
    }
    secret.managed = isManaged;
    secret.versions.push(version);
  }
  return answerJson(200, toSecretView(secret, state.kind === "missing" ? "active" : state.kind));
}

function removeSecret(context: AdminContext, vault: Vault, name: string, req: CloudRequest): CloudResponse {
  const nowMs = context.now();
  const state = readNameState(vault, name, nowMs);
  if (state.kind === "missing") return answerError(404, "NotFound", `Vault ${vault.settings.name} has no secret ${name}.`);
  if (req.url.searchParams.get("purge") === "true") {
    vault.active.delete(name);
    vault.deleted.delete(name);
  } else if (state.kind === "active" || state.kind === "recovering") {
    // Immediately visible under /deletedsecrets: the admin API plants states, it does not simulate delays.
    moveToDeleted(vault, state.secret, nowMs, 0);
  }
  return { status: 204 };
}

export function handleAdminRequest(context: AdminContext, req: CloudRequest): CloudResponse | Promise<CloudResponse> {
  const method = req.method.toUpperCase();
  const segments = req.url.pathname.split("/").slice(1).map(decodeSegment);
  if (segments[segments.length - 1] === "") segments.pop();
  const [root, rawVaultName, collection, secretName, ...rest] = segments;
  if (root !== "vaults" || rest.length > 0) return answerError(404, "NotFound", `No admin route ${req.url.pathname}.`);
  if (rawVaultName === undefined) {
    if (method !== "GET") return answerError(405, "MethodNotAllowed", `${method} is not allowed on /vaults.`);
    return answerJson(200, { vaults: [...context.vaults.values()].map((vault) => vault.settings) });
  }
  const vaultName = rawVaultName.toLowerCase();
  if (!VAULT_NAME_PATTERN.test(vaultName) || vaultName.length < 3 || vaultName.length > 24) {
    return answerError(400, "BadRequest", `Invalid vault name '${rawVaultName}': 3-24 letters, digits and single hyphens.`);
  }
  if (collection === undefined && method === "PUT") return putVault(context, vaultName, req);
  const vault = context.vaults.get(vaultName);
  if (vault === undefined) return answerError(404, "NotFound", `No vault named ${vaultName}.`);
  if (collection === undefined) {
    if (method === "GET") return answerJson(200, vault.settings);
    if (method === "PATCH") return patchVault(context, vault, req);
    if (method === "DELETE") {
      context.vaults.delete(vaultName);
      return { status: 204 };
    }
    return answerError(405, "MethodNotAllowed", `${method} is not allowed on a vault.`);
  }
  if (collection === "keys") return handleKeyAdmin({ vault, method, name: secretName, body: req.body, nowMs: context.now() });
  if (collection !== "secrets") return answerError(404, "NotFound", `No admin route ${req.url.pathname}.`);
  if (secretName === undefined) {
    if (method !== "GET") return answerError(405, "MethodNotAllowed", `${method} is not allowed on a vault's secrets.`);
    return answerJson(200, { secrets: listSecretViews(vault, context.now()) });
  }
  if (!SECRET_NAME_PATTERN.test(secretName)) return answerError(400, "BadRequest", `Invalid secret name '${secretName}'.`);
  if (method === "GET") {
    const state = readNameState(vault, secretName, context.now());
    if (state.kind === "missing") return answerError(404, "NotFound", `Vault ${vaultName} has no secret ${secretName}.`);
    return answerJson(200, toSecretView(state.secret, state.kind));
  }
  if (method === "PUT") return seedSecret(context, vault, secretName, req);
  if (method === "DELETE") return removeSecret(context, vault, secretName, req);
  return answerError(405, "MethodNotAllowed", `${method} is not allowed on a secret.`);
}
