import { matchesGlob } from "./globs.ts";
import { locateOrigin } from "./sources/source-entry.ts";
import type { Origin, SourceEntry } from "./sources/source-entry.ts";
import { compareBySecretName } from "./secret-names.ts";
import type { SecretSettings } from "./rules/resolve-rules.ts";

export type NameTransform = "hyphens" | "none";

export interface NamingRules {
  include: readonly string[];
  exclude: readonly string[];
  prefix: string;
  transform: NameTransform;
  /** Rules hook (issue 11): a name from the per-secret rules replaces the transform; the prefix still applies. */
  nameFor?: (key: string) => string | undefined;
}

/** A secret the sources ask for, under its final Key Vault name. */
export interface DesiredSecret {
  source: string;
  name: string;
  value: string;
  origin: Origin;
  /** Rules hook (issue 11): this secret's own settings; absent means the plan's defaults. */
  metadata?: SecretSettings;
}

/** A source entry that will not be written, and why (never containing the value). */
export interface Rejection {
  source: string;
  name: string | undefined;
  origin: Origin;
  status: "skipped" | "failed";
  reason: string;
}

export interface NamingResult {
  desired: DesiredSecret[];
  rejected: Rejection[];
}

export const MAX_NAME_LENGTH = 127;
/**
 * Key Vault documents "25k bytes" per value. We read that as 25 × 1024 bytes of UTF-8 (the Azure
 * CLI refuses above 25,600 too); a value the service still refuses fails on its own at write time.
 */
export const MAX_VALUE_BYTES = 25 * 1024;
/** GitHub puts GITHUB_TOKEN into every `toJSON(secrets)`; it is never meant for a vault. */
export const GITHUB_TOKEN_NAME = "github_token";

const SECRET_NAME = /^[0-9A-Za-z-]+$/;

/**
 * Filter, transform, prefix and validate source entries; find case-insensitive collisions. Pure.
 *
 * - Filtered-out entries (not included, excluded, `github_token`) are dropped without a trace:
 *   with `toJSON(secrets)` most secrets of a repository are usually not meant for this vault.
 * - A name Key Vault cannot hold fails; an empty value is skipped (it never overwrites); a value
 *   over MAX_VALUE_BYTES fails. The name check comes first: it is a configuration mistake.
 * - Every entry with a valid name takes part in collision detection, empty or oversized values
 *   included, because two sources for one secret is an ambiguity to fix whatever their values.
 *   A collision fails every entry involved.
 * - Both lists are sorted by Key Vault name ignoring case (then exactly, then by source name).
 */
export function nameSecrets(entries: readonly SourceEntry[], rules: NamingRules): NamingResult {
  const rejected: Rejection[] = [];
  const named: Array<{ entry: SourceEntry; name: string }> = [];

  for (const entry of entries) {
    if (!isSelected(entry.key, rules)) continue;
    const name = rules.prefix + (rules.nameFor?.(entry.key) ?? transformName(entry.key, rules.transform));
    const problem = findNameProblem(name, rules.transform);
    if (problem !== undefined) {
      rejected.push({ ...describe(entry), name: name === "" ? undefined : name, status: "failed", reason: problem });
    } else {
      named.push({ entry, name });
    }
  }

  const byFoldedName = new Map<string, Array<{ entry: SourceEntry; name: string }>>();
  for (const item of named) {
    const folded = item.name.toLowerCase();
    const group = byFoldedName.get(folded);
    if (group) group.push(item);
    else byFoldedName.set(folded, [item]);
  }

  const desired: DesiredSecret[] = [];
  for (const group of byFoldedName.values()) {
    if (group.length > 1) {
      for (const item of group) {
        const others = group.filter((other) => other !== item).map((other) => describeSource(other.entry));
        rejected.push({
          ...describe(item.entry),
          name: item.name,
          status: "failed",
          reason: `Key Vault name '${item.name}' collides with ${joinList(others)} (Key Vault names ignore case); rename or exclude all but one`,
        });
      }
      continue;
    }
    const [{ entry, name }] = group as [{ entry: SourceEntry; name: string }];
    if (entry.value === "") {
      rejected.push({
        ...describe(entry),
        name,
        status: "skipped",
        reason: "the value is empty; an empty value never overwrites a secret",
      });
    } else if (Buffer.byteLength(entry.value, "utf8") > MAX_VALUE_BYTES) {
      rejected.push({
        ...describe(entry),
        name,
        status: "failed",
        reason: `the value is larger than Key Vault allows (${MAX_VALUE_BYTES} bytes of UTF-8)`,
      });
    } else {
      desired.push({ source: entry.key, name, value: entry.value, origin: entry.origin });
    }
  }

  return {
    desired: desired.sort(compareBySecretName),
    rejected: rejected.sort(compareBySecretName),
  };
}

/** The Key Vault name for a source name under a transform, before the prefix. */
export function transformName(key: string, transform: NameTransform): string {
  return transform === "hyphens" ? key.replace(/[^0-9A-Za-z-]/gu, "-") : key;
}

/** Whether a source name passes include/exclude and the `github_token` rule. */
export function isSelected(key: string, rules: Pick<NamingRules, "include" | "exclude">): boolean {
  const folded = key.toLowerCase();
  if (folded === GITHUB_TOKEN_NAME && !rules.include.some((pattern) => pattern.toLowerCase() === GITHUB_TOKEN_NAME)) {
    return false;
  }
  if (rules.include.length > 0 && !rules.include.some((pattern) => matchesGlob(key, pattern))) return false;
  return !rules.exclude.some((pattern) => matchesGlob(key, pattern));
}

/** An include or exclude pattern that matched no source name (1-based position in its input). */
export interface UnusedPattern {
  input: "include" | "exclude";
  position: number;
  pattern: string;
}

/**
 * Patterns that matched none of the source names: usually a typo or a source that no longer
 * holds what the workflow expects, so each is reported. Both lists are matched against every
 * source name (before transform and prefix), the way the patterns are written.
 */
export function findUnusedPatterns(keys: readonly string[], rules: Pick<NamingRules, "include" | "exclude">): UnusedPattern[] {
  const unused = (input: "include" | "exclude", patterns: readonly string[]): UnusedPattern[] =>
    patterns.flatMap((pattern, index) => (keys.some((key) => matchesGlob(key, pattern)) ? [] : [{ input, position: index + 1, pattern }]));
  return [...unused("include", rules.include), ...unused("exclude", rules.exclude)];
}

/**
 * Why sources that hold entries selected none of them, for a run that must fail rather than
 * pass green having synced nothing. Patterns are not secret (they may hold only name characters
 * and wildcards), so they are quoted.
 */
export function explainEmptySelection(
  keys: readonly string[],
  rules: Pick<NamingRules, "include" | "exclude">,
): { message: string; hint: string } {
  const entries = keys.length === 1 ? "1 entry" : `${keys.length} entries`;
  const onlyToken = keys.every((key) => key.toLowerCase() === GITHUB_TOKEN_NAME);
  const message = onlyToken
    ? `Nothing to sync: the sources hold only ${GITHUB_TOKEN_NAME}, which is synced only when include names it exactly`
    : `Nothing to sync: the sources hold ${entries}, and include/exclude selected none of them`;
  const unused = findUnusedPatterns(keys, rules).map(
    (item) => `${item.input} pattern ${item.position} ('${item.pattern}') matched no source name.`,
  );
  const advice = "Patterns match source names as written in the sources (before prefix and name transform), ignoring case.";
  return { message, hint: [...unused, advice].join("\n") };
}

/** Why Key Vault cannot hold this name, or undefined when it can. Names are not secret. */
export function findNameProblem(name: string, transform: NameTransform): string | undefined {
  if (name === "") return "Key Vault names need at least one character";
  if (name.length > MAX_NAME_LENGTH) {
    return `Key Vault names are at most ${MAX_NAME_LENGTH} characters; '${name}' has ${name.length} (prefix included)`;
  }
  if (!SECRET_NAME.test(name)) {
    const offending = [...new Set(Array.from(name).filter((char) => !SECRET_NAME.test(char)))];
    const shown = offending.map((char) => `'${char}'`).join(", ");
    const advice = transform === "none" ? " (use name-transform: hyphens)" : "";
    return `Key Vault names may contain only letters, digits and hyphens; '${name}' has ${shown}${advice}`;
  }
  return undefined;
}

/** How an entry's origin reads in messages: "secrets", or the file and line ("deploy/.env line 3"). */
export function describeOrigin(origin: Origin): string {
  const location = locateOrigin(origin);
  return location === undefined ? origin.kind : `${location.file} line ${location.line}`;
}

function describeSource(entry: SourceEntry): string {
  return `'${entry.key}' (${describeOrigin(entry.origin)})`;
}

function describe(entry: SourceEntry): { source: string; origin: Origin } {
  return { source: entry.key, origin: entry.origin };
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
