/**
 * Which rules apply to a source name, and what they add up to. Pure.
 *
 * Every rule whose pattern matches a name applies, key by key: a key set by a more specific rule
 * wins over the same key of a less specific one, and the global inputs are the defaults under
 * all of them. Tags merge the same way, tag by tag. "More specific", in order:
 *   1. an exact name (no wildcard) beats any pattern;
 *   2. fewer wildcard tokens (`*`, `?`, a `[...]` class each count one) beat more;
 *   3. more literal characters beat fewer.
 * Two matching rules equal on all three (`API_*` and `*_KEY` for API_KEY, or one name written
 * in two cases) are a tie, and a tie is an error: which one wins would be a guess.
 */
import { matchesGlob, measureGlob } from "../globs.ts";
import { MAX_USER_TAGS } from "../tags.ts";
import { formatDuration } from "./duration.ts";
import type { Rule, RuleProblem, UpdatePolicy } from "./rule.ts";

/** The settings one secret is written with: the global inputs, overridden by its rules. */
export interface SecretSettings {
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresInSeconds: number | undefined;
  notBeforeSeconds?: number | undefined;
  /** false: versions are written disabled. */
  enabled?: boolean | undefined;
  /** Write a new version (same value, fresh expiry) once the expiry is this close. */
  renewBeforeSeconds?: number | undefined;
  update?: UpdatePolicy | undefined;
}

export interface Specificity {
  exact: boolean;
  wildcards: number;
  literals: number;
}

export function measureSpecificity(pattern: string): Specificity {
  const { wildcards, literals } = measureGlob(pattern);
  return { exact: wildcards === 0, wildcards, literals };
}

/** Negative when `a` is less specific than `b`, 0 for a tie. */
export function compareSpecificity(a: Specificity, b: Specificity): number {
  if (a.exact !== b.exact) return a.exact ? 1 : -1;
  if (a.wildcards !== b.wildcards) return b.wildcards - a.wildcards;
  return a.literals - b.literals;
}

/** The rules matching a source name, least specific first. */
export function findMatchingRules(source: string, rules: readonly Rule[]): Rule[] {
  return rules
    .filter((rule) => matchesGlob(source, rule.pattern))
    .sort((a, b) => compareSpecificity(measureSpecificity(a.pattern), measureSpecificity(b.pattern)));
}

/** The Key Vault name (before the prefix) the rules give a source, if any. */
export function findRuleName(source: string, rules: readonly Rule[]): string | undefined {
  return findMatchingRules(source, rules).findLast((rule) => rule.name !== undefined)?.name;
}

/** The settings for one source name: defaults, then each matching rule from least to most specific. */
export function resolveSettings(source: string, rules: readonly Rule[], defaults: SecretSettings): SecretSettings {
  const settings: SecretSettings = { ...defaults, tags: { ...defaults.tags } };
  for (const rule of findMatchingRules(source, rules)) {
    if (rule.contentType !== undefined) settings.contentType = rule.contentType;
    if (rule.tags !== undefined) settings.tags = mergeTags(settings.tags, rule.tags);
    if (rule.expiresInSeconds !== undefined) settings.expiresInSeconds = rule.expiresInSeconds;
    if (rule.notBeforeSeconds !== undefined) settings.notBeforeSeconds = rule.notBeforeSeconds;
    if (rule.enabled !== undefined) settings.enabled = rule.enabled;
    if (rule.renewBeforeSeconds !== undefined) settings.renewBeforeSeconds = rule.renewBeforeSeconds;
    if (rule.update !== undefined) settings.update = rule.update;
  }
  return settings;
}

/** A tag given again under another case replaces the earlier one (tag names ignore case). */
function mergeTags(base: Readonly<Record<string, string>>, over: Readonly<Record<string, string>>): Record<string, string> {
  const folded = new Set(Object.keys(over).map((name) => name.toLowerCase()));
  const kept = Object.entries(base).filter(([name]) => !folded.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...over };
}

function at(rule: Rule, key: keyof Rule["lines"] | undefined, text: string): RuleProblem {
  const line = key === undefined ? rule.place.line : (rule.lines[key] ?? rule.place.line);
  return { place: { origin: rule.place.origin, line }, key, rule: text };
}

function describeRule(rule: Rule): string {
  return `'${rule.pattern}' (${rule.place.origin} line ${rule.place.line})`;
}

/**
 * Checks the rules against the selected source names before anything touches the network:
 * a rule that matches no source, ties, two rules naming one secret differently, too many tags,
 * and a renewal window that the expiry could never leave. Each problem is reported once.
 */
export function checkRules(rules: readonly Rule[], sources: readonly string[], defaults: SecretSettings): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const reported = new Set<string>();
  const once = (id: string, problem: RuleProblem): void => {
    if (reported.has(id)) return;
    reported.add(id);
    problems.push(problem);
  };
  const used = new Set<Rule>();
  rules.forEach((rule, index) => {
    // Only one of two identical patterns can be meant; `findMatchingRules` would call it a tie anyway.
    const first = rules.findIndex((other) => other.pattern.toLowerCase() === rule.pattern.toLowerCase());
    if (first !== index) {
      once(
        `dup:${index}`,
        at(rule, undefined, `the pattern is also given at ${describeRule(rules[first] as Rule)}; give each source name or pattern once`),
      );
    }
  });
  for (const source of sources) {
    const matching = findMatchingRules(source, rules);
    for (const rule of matching) used.add(rule);
    for (let index = 1; index < matching.length; index += 1) {
      const [less, more] = [matching[index - 1] as Rule, matching[index] as Rule];
      if (
        compareSpecificity(measureSpecificity(less.pattern), measureSpecificity(more.pattern)) === 0 &&
        less.pattern.toLowerCase() !== more.pattern.toLowerCase()
      ) {
        once(
          `tie:${less.pattern}:${more.pattern}`,
          at(
            more,
            undefined,
            `ties with ${describeRule(less)}: both match source '${source}' and neither is more specific (exact name > fewer wildcards > more literal characters); make one of them more specific`,
          ),
        );
      }
    }
    const naming = matching.filter((rule) => rule.name !== undefined);
    const names = new Set(naming.map((rule) => rule.name?.toLowerCase()));
    if (names.size > 1) {
      const [first, ...others] = naming as [Rule, ...Rule[]];
      for (const other of others) {
        once(
          `name:${source}:${other.pattern}`,
          at(other, "name", `gives source '${source}' a different name than ${describeRule(first)}; one secret can have only one name`),
        );
      }
    }
    const settings = resolveSettings(source, matching, defaults);
    const tagged = matching.findLast((rule) => rule.tags !== undefined);
    if (tagged !== undefined && Object.keys(settings.tags).length > MAX_USER_TAGS) {
      once(
        `tags:${tagged.pattern}`,
        at(
          tagged,
          "tags",
          `gives source '${source}' ${Object.keys(settings.tags).length} tags with the 'tags' input; at most ${MAX_USER_TAGS} are allowed (Key Vault allows 15 and the action writes its own)`,
        ),
      );
    }
    const renewing = matching.findLast((rule) => rule.renewBeforeSeconds !== undefined);
    if (renewing !== undefined && settings.renewBeforeSeconds !== undefined) {
      if (settings.expiresInSeconds === undefined) {
        once(
          `renew:${renewing.pattern}`,
          at(renewing, "renew-before", `applies to source '${source}', which has no expiry: set expires-in (in a rule or the input)`),
        );
      } else if (settings.renewBeforeSeconds >= settings.expiresInSeconds) {
        once(
          `renew:${renewing.pattern}`,
          at(
            renewing,
            "renew-before",
            `must be shorter than the expiry of source '${source}' (${formatDuration(settings.expiresInSeconds)}), or every run would write a new version`,
          ),
        );
      }
    }
  }
  for (const rule of rules) {
    if (!used.has(rule))
      once(
        `unused:${rule.place.line}:${rule.pattern}`,
        at(
          rule,
          undefined,
          `'${rule.pattern}' matches no source name (rules match source names as written, before prefix and name transform, ignoring case)`,
        ),
      );
  }
  return problems.sort((a, b) => a.place.origin.localeCompare(b.place.origin) || a.place.line - b.place.line);
}
