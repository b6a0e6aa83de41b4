/**
 * The rule of each input on its own, as zod transforms that report problems by input name and
 * rule (never the value). inputs.ts puts them together, with the rules that span inputs.
 */
// zod's tree-shakable form: the full API is ~750 KB of bundle, loaded by every run before it
// reads its first input; these schemas use a handful of its functions.
import * as z from "zod/mini";
import { AZURE_LOGIN_CLOUD_NAMES, CLOUD_NAMES, findCloudName, type CloudName } from "../engine/clouds.ts";
import { checkGlob } from "../engine/globs.ts";
import { MAX_NAME_LENGTH } from "../engine/naming.ts";
import { MAX_TAG_LENGTH, MAX_TAGS, MAX_USER_TAGS, RESERVED_TAGS } from "../engine/tags.ts";

export const INPUT_NAMES = [
  "command",
  "vault",
  "secrets",
  "env-file",
  "include",
  "exclude",
  "prefix",
  "name-transform",
  "tenant-id",
  "client-id",
  "auth",
  "cloud",
  "audience",
  "dry-run",
  "prune",
  "adopt",
  "owner",
  "content-type",
  "tags",
  "expires-in",
  "rules",
  "rules-file",
  "identity",
  "concurrency",
] as const;

export type InputName = (typeof INPUT_NAMES)[number];

export const DEFAULT_CONCURRENCY = 16;
export const MAX_CONCURRENCY = 64;
export const MAX_CONTENT_TYPE_LENGTH = 255;
/** Federated credential audiences are at most 600 characters. */
export const MAX_AUDIENCE_LENGTH = 600;
/** A secret that expires a century from now does not need an expiry date. */
export const MAX_EXPIRES_IN_SECONDS = 100 * 365 * 24 * 60 * 60;
export const MAX_PREFIX_LENGTH = MAX_NAME_LENGTH - 1;

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TENANT_DOMAIN = /^[0-9a-zA-Z.-]+$/;
/** Multi-tenant aliases: a federated credential lives in exactly one tenant. */
export const TENANT_ALIASES = new Set(["common", "organizations", "consumers"]);
const TRUE_SPELLINGS = new Set(["true", "True", "TRUE"]);
const FALSE_SPELLINGS = new Set(["false", "False", "FALSE"]);
/** Seconds per unit of `expires-in`. No months or years: their length varies. */
const DURATION_UNITS: Readonly<Record<string, number>> = {
  m: 60,
  h: 60 * 60,
  d: 24 * 60 * 60,
  w: 7 * 24 * 60 * 60,
};

/** What a transform is handed besides the value: the parse so far, whose issues it may add to. */
export type Context = z.core.ParsePayload;

export function report(ctx: Context, input: InputName, rule: string, hint?: string): typeof z.NEVER {
  ctx.issues.push({ code: "custom", path: [input], message: rule, params: hint === undefined ? {} : { hint }, input: ctx.value });
  return z.NEVER;
}

/**
 * A text input whose checks live in `check`, which reports problems and returns the value.
 * Inputs are always strings (readInputs reads them so), so there is no string schema first.
 */
export function text<T>(check: (value: string, ctx: Context) => T) {
  return z.transform((value: string, ctx) => check(value, ctx));
}

/** One of `options`, ignoring case; "" gives `fallback`. */
export function choice<T extends string>(input: InputName, options: readonly T[], fallback: T) {
  return text((value, ctx): T => {
    if (value === "") return fallback;
    return findChoice(value, options) ?? report(ctx, input, `must be one of ${options.join(", ")}`);
  });
}

export function findChoice<T extends string>(value: string, options: readonly T[]): T | undefined {
  const folded = value.toLowerCase();
  return options.find((option) => option === folded);
}

export function flag(input: InputName) {
  return text((value, ctx): boolean => {
    if (value === "" || FALSE_SPELLINGS.has(value)) return false;
    if (TRUE_SPELLINGS.has(value)) return true;
    return report(ctx, input, "must be true or false");
  });
}

/** One item per line, blank lines ignored; with `commas`, commas separate items too. */
export function splitList(value: string, commas: boolean): string[] {
  return value
    .split(commas ? /[\r\n,]+/ : /\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function globList(input: InputName) {
  return text((value, ctx): string[] => {
    const patterns = splitList(value, true);
    patterns.forEach((pattern, index) => {
      const problem = checkGlob(pattern);
      if (problem !== undefined) report(ctx, input, `pattern ${index + 1} ${problem}`);
    });
    return patterns;
  });
}

export const envFiles = text((value, ctx): string[] => {
  const paths = splitList(value, false);
  paths.forEach((path, index) => {
    const earlier = paths.indexOf(path);
    if (earlier !== index) {
      report(ctx, "env-file", `entry ${index + 1} repeats entry ${earlier + 1}; each file may be listed once`);
    }
  });
  return paths;
});

export const prefix = text((value, ctx): string => {
  const bad = value.search(/[^0-9A-Za-z-]/);
  if (bad >= 0) {
    // Say what to write instead without repeating the value: the usual slip is `shop_` for `shop-`.
    const hint = /[_.]/.test(value)
      ? "Write '-' where the prefix has '_' or '.', as source names are converted (DB_PASSWORD becomes DB-PASSWORD), for example prefix: shop-, not shop_."
      : undefined;
    return report(
      ctx,
      "prefix",
      `may contain only letters, digits and hyphens (Key Vault secret names allow nothing else); character ${bad + 1} is none of these`,
      hint,
    );
  }
  if (value.length > MAX_PREFIX_LENGTH) {
    return report(
      ctx,
      "prefix",
      `must be at most ${MAX_PREFIX_LENGTH} characters, to leave room for a name (Key Vault names are at most ${MAX_NAME_LENGTH}); it has ${value.length}`,
    );
  }
  return value;
});

export const cloudChoice = text((value, ctx): CloudName => {
  if (value === "") return "public";
  const aliases = Object.keys(AZURE_LOGIN_CLOUD_NAMES).join(", ");
  return findCloudName(value) ?? report(ctx, "cloud", `must be one of ${CLOUD_NAMES.join(", ")}, or Azure/login's ${aliases}`);
});

export const audience = text((value, ctx): string | undefined => {
  if (value === "") return undefined;
  if (/\s/.test(value)) return report(ctx, "audience", "must not contain whitespace");
  if (value.length > MAX_AUDIENCE_LENGTH) {
    return report(ctx, "audience", `must be at most ${MAX_AUDIENCE_LENGTH} characters (a federated credential limit)`);
  }
  return value;
});

export const contentType = text((value, ctx): string | undefined => {
  if (value === "") return undefined;
  if (value.length > MAX_CONTENT_TYPE_LENGTH) {
    return report(ctx, "content-type", `must be at most ${MAX_CONTENT_TYPE_LENGTH} characters (a Key Vault limit); it has ${value.length}`);
  }
  return value;
});

/**
 * `key=value` items, one per line or comma separated: the same list rule as include/exclude, so
 * `env=prod,team=shop` is two tags. A tag value therefore cannot hold a comma; an item that is
 * left without `=` by a comma (`list=a,b`) is refused rather than guessed at.
 */
export const tags = text((value, ctx): Record<string, string> => {
  const result: Record<string, string> = {};
  const firstTagOf = new Map<string, number>();
  const reserved = new Map(RESERVED_TAGS.map((name) => [name.toLowerCase(), name]));
  const items = splitList(value, true);
  items.forEach((item, index) => {
    const position = `tag ${index + 1}`;
    const equals = item.indexOf("=");
    if (equals === -1) {
      report(ctx, "tags", `${position} is not key=value (tags are separated by new lines or commas, so a value cannot contain a comma)`);
      return;
    }
    const key = item.slice(0, equals).trim();
    const tagValue = item.slice(equals + 1).trim();
    const folded = key.toLowerCase();
    const reservedName = reserved.get(folded);
    const earlier = firstTagOf.get(folded);
    if (key === "") {
      report(ctx, "tags", `${position} has an empty key`);
    } else if (key.length > MAX_TAG_LENGTH) {
      report(ctx, "tags", `${position} has a key longer than ${MAX_TAG_LENGTH} characters`);
    } else if (tagValue.length > MAX_TAG_LENGTH) {
      report(ctx, "tags", `${position} has a value longer than ${MAX_TAG_LENGTH} characters`);
    } else if (reservedName !== undefined) {
      report(ctx, "tags", `${position} uses '${reservedName}', a tag the action writes itself (reserved: ${RESERVED_TAGS.join(", ")})`);
    } else if (earlier !== undefined) {
      report(ctx, "tags", `${position} repeats the key of tag ${earlier} (tag names ignore case)`);
    } else {
      firstTagOf.set(folded, index + 1);
      result[key] = tagValue;
    }
  });
  if (items.length > MAX_USER_TAGS) {
    report(
      ctx,
      "tags",
      `allows at most ${MAX_USER_TAGS} tags (Key Vault allows ${MAX_TAGS} per secret and the action writes ${RESERVED_TAGS.length} of its own); ${items.length} given`,
    );
  }
  return result;
});

export const expiresIn = text((value, ctx): number | undefined => {
  if (value === "") return undefined;
  const match = /^([0-9]{1,12})([a-z])$/.exec(value);
  const unit = match ? DURATION_UNITS[match[2] as string] : undefined;
  const amount = match ? Number(match[1]) : 0;
  if (!match || unit === undefined || amount === 0) {
    return report(
      ctx,
      "expires-in",
      "must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d",
    );
  }
  const seconds = amount * unit;
  if (seconds > MAX_EXPIRES_IN_SECONDS) return report(ctx, "expires-in", "must be at most 100 years (36500d)");
  return seconds;
});

const CONCURRENCY_RULE = `must be a whole number from 1 to ${MAX_CONCURRENCY}`;
export const concurrency = text((value, ctx): number => {
  if (value === "") return DEFAULT_CONCURRENCY;
  const count = /^[0-9]{1,3}$/.test(value) ? Number(value) : Number.NaN;
  return count >= 1 && count <= MAX_CONCURRENCY ? count : report(ctx, "concurrency", CONCURRENCY_RULE);
});

/**
 * The schema, with the raw inputs at hand: `vault` depends on `cloud`, `tenant-id`/`client-id`
 * on `auth`, and `secrets` on `env-file`. Each field reports its own problems (dependents are
 * skipped while what they depend on is invalid), so one run names every problem.
 */
