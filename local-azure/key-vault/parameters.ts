/**
 * Request bodies of set, update and restore, checked against Key Vault's documented limits.
 * Limits (docs/azure-facts.md#limits): value 25 KB, read as 25 × 1024 = 25,600 bytes of
 * UTF-8 (the size the Azure CLI enforces too); contentType 255 characters; at most 15 tags;
 * tag names and values 256 characters, the stricter of the two documented figures.
 */
import { failBadParameter, type Outcome } from "./outcome.ts";

export const MAX_VALUE_BYTES = 25_600;
export const MAX_CONTENT_TYPE_LENGTH = 255;
export const MAX_TAGS = 15;
export const MAX_TAG_LENGTH = 256;

export interface SecretProperties {
  contentType?: string;
  tags?: Record<string, string>;
  enabled?: boolean;
  nbf?: number;
  exp?: number;
}

export interface SetParameters extends SecretProperties {
  value: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; outcome: Outcome };

function reject<T>(message: string): Parsed<T> {
  return { ok: false, outcome: failBadParameter(message) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJsonObject(body: Buffer): Parsed<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return reject("The request body is missing or is not valid JSON.");
  }
  return isObject(parsed) ? { ok: true, value: parsed } : reject("The request body must be a JSON object.");
}

function isIntDate(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** contentType, tags and attributes, shared by set and update; null counts as not given. */
function parseProperties(body: Record<string, unknown>): Parsed<SecretProperties> {
  const properties: SecretProperties = {};
  const { contentType, tags, attributes } = body;
  if (contentType !== undefined && contentType !== null) {
    if (typeof contentType !== "string") return reject("Property 'contentType' must be a string.");
    if (contentType.length > MAX_CONTENT_TYPE_LENGTH) {
      return reject(`Property 'contentType' is ${contentType.length} characters long; the maximum is ${MAX_CONTENT_TYPE_LENGTH}.`);
    }
    properties.contentType = contentType;
  }
  if (tags !== undefined && tags !== null) {
    if (!isObject(tags)) return reject("Property 'tags' must be an object of string values.");
    const entries = Object.entries(tags);
    if (entries.length > MAX_TAGS) return reject(`Too many tags: ${entries.length}. A secret can have at most ${MAX_TAGS} tags.`);
    for (const [name, value] of entries) {
      if (typeof value !== "string") return reject(`Tag '${name}' must have a string value.`);
      if (name.length > MAX_TAG_LENGTH) return reject(`A tag name is ${name.length} characters long; the maximum is ${MAX_TAG_LENGTH}.`);
      // The value may be sensitive, so only its length is echoed.
      if (value.length > MAX_TAG_LENGTH)
        return reject(`The value of tag '${name}' is ${value.length} characters long; the maximum is ${MAX_TAG_LENGTH}.`);
    }
    properties.tags = Object.fromEntries(entries) as Record<string, string>;
  }
  if (attributes !== undefined && attributes !== null) {
    if (!isObject(attributes)) return reject("Property 'attributes' must be an object.");
    const { enabled, nbf, exp } = attributes;
    if (enabled !== undefined && enabled !== null) {
      if (typeof enabled !== "boolean") return reject("Property 'attributes.enabled' must be a boolean.");
      properties.enabled = enabled;
    }
    for (const [key, time] of [
      ["nbf", nbf],
      ["exp", exp],
    ] as const) {
      if (time === undefined || time === null) continue;
      if (!isIntDate(time)) return reject(`Property 'attributes.${key}' must be an IntDate (whole seconds since 1970-01-01).`);
      properties[key] = time;
    }
  }
  return { ok: true, value: properties };
}

export function parseSetParameters(body: Buffer): Parsed<SetParameters> {
  const json = parseJsonObject(body);
  if (!json.ok) return json;
  const { value } = json.value;
  if (typeof value !== "string") return reject("Property 'value' is required and must be a string.");
  const bytes = Buffer.byteLength(value, "utf8");
  if (bytes > MAX_VALUE_BYTES) return reject(`The secret value is ${bytes} bytes long; the maximum is ${MAX_VALUE_BYTES} bytes.`);
  const properties = parseProperties(json.value);
  return properties.ok ? { ok: true, value: { ...properties.value, value } } : properties;
}

export function parseUpdateParameters(body: Buffer): Parsed<SecretProperties> {
  const json = parseJsonObject(body);
  return json.ok ? parseProperties(json.value) : json;
}

/** Restore: `{"value": "<base64url blob>"}`; the blob itself is checked by the caller. */
export function parseRestoreParameters(body: Buffer): Parsed<string> {
  const json = parseJsonObject(body);
  if (!json.ok) return json;
  const { value } = json.value;
  return typeof value === "string" ? { ok: true, value } : reject("Property 'value' is required and must be a string.");
}
