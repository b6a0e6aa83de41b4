/**
 * Backup blobs: opaque to clients, tied to the tenant (real blobs only restore within the same
 * subscription and geography), and rejected when altered. A keyed MAC stands in for Key Vault's
 * encryption; the values inside are not hidden, which is fine for a test cloud.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { SECRET_NAME_PATTERN, type StoredSecret } from "./secret-store.ts";

const FORMAT = "kvsync-secret-backup-1";

const versionSchema = z.object({
  version: z.string().regex(/^[0-9a-f]{32}$/),
  value: z.string(),
  contentType: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  enabled: z.boolean(),
  nbf: z.number().int().optional(),
  exp: z.number().int().optional(),
  created: z.number().int(),
  updated: z.number().int(),
});

const payloadSchema = z.object({
  name: z.string().regex(SECRET_NAME_PATTERN),
  managed: z.boolean(),
  versions: z.array(versionSchema).min(1),
});

const envelopeSchema = z.object({ format: z.literal(FORMAT), payload: z.string(), mac: z.string() });

function sign(payload: string, tenantId: string): Buffer {
  return createHmac("sha256", `key-vault-backup:${tenantId}`).update(payload).digest();
}

export function encodeBackupBlob(secret: StoredSecret, tenantId: string): string {
  const payload = JSON.stringify({ name: secret.name, managed: secret.managed, versions: secret.versions });
  const envelope = { format: FORMAT, payload, mac: sign(payload, tenantId).toString("base64url") };
  return Buffer.from(JSON.stringify(envelope)).toString("base64url");
}

/** The secret a blob holds, or undefined for anything malformed, altered, or from another tenant. */
export function decodeBackupBlob(blob: string, tenantId: string): StoredSecret | undefined {
  try {
    const envelope = envelopeSchema.safeParse(JSON.parse(Buffer.from(blob, "base64url").toString("utf8")));
    if (!envelope.success) return undefined;
    const mac = Buffer.from(envelope.data.mac, "base64url");
    const expected = sign(envelope.data.payload, tenantId);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    const payload = payloadSchema.safeParse(JSON.parse(envelope.data.payload));
    if (!payload.success) return undefined;
    const { name, managed, versions } = payload.data;
    return { name, managed, versions: versions.map((version) => ({ ...version })) };
  } catch {
    return undefined;
  }
}
