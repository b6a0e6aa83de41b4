/**
 * The rules of one run: the `rules` input and the `rules-file` read, parsed and checked against
 * the selected source names, before anything touches the network. Every problem is collected
 * and reported at once, each naming where it is written and the key, never a value.
 */
import { SyncError, errorMessage } from "../errors.ts";
import { FileRefusedError } from "../sources/env-file-access.ts";
import { isSelected, nameSecrets } from "../naming.ts";
import type { DesiredSecret, NamingResult, NamingRules } from "../naming.ts";
import type { SourceEntry } from "../sources/source-entry.ts";
import { describeProblem } from "./rule.ts";
import type { Rule, RuleProblem } from "./rule.ts";
import { checkRules, findRuleName, resolveSettings } from "./resolve-rules.ts";
import type { SecretSettings } from "./resolve-rules.ts";

export interface RuleSources {
  text: string | undefined;
  file: string | undefined;
}

/** Reads both places; the file through the same confinement as env-file. */
export async function readRules(sources: RuleSources, readFile: (path: string) => Promise<Uint8Array>): Promise<Rule[]> {
  const problems: RuleProblem[] = [];
  const rules: Rule[] = [];
  if (sources.text === undefined && sources.file === undefined) return rules;
  // The YAML parser loads only for a run that has rules.
  const { parseRules } = await import("./parse-rules.ts");
  if (sources.text !== undefined) {
    const parsed = parseRules(sources.text, "input 'rules'");
    rules.push(...parsed.rules);
    problems.push(...parsed.problems);
  }
  if (sources.file !== undefined) {
    const text = await readRulesFile(sources.file, readFile);
    const parsed = parseRules(text, `rules-file '${sources.file}'`);
    rules.push(...parsed.rules);
    problems.push(...parsed.problems);
  }
  throwProblems(problems);
  return rules;
}

async function readRulesFile(path: string, readFile: (path: string) => Promise<Uint8Array>): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // The confinement rules are env-file's, worded for it; the same rules hold for rules-file.
    const why =
      error instanceof FileRefusedError
        ? error.rule.replaceAll("env-file", "rules-file")
        : code === "ENOENT"
          ? "no such file"
          : errorMessage(error);
    throw new SyncError(
      `Failed to read rules-file '${path}': ${why}`,
      "rules-file is a path relative to the workspace; check it out first (actions/checkout).",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SyncError(`Failed to read rules-file '${path}': it is not UTF-8 text`);
  }
}

function throwProblems(problems: readonly RuleProblem[]): void {
  if (problems.length === 0) return;
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  throw new SyncError(
    `Invalid per-secret rules (${count}):\n${problems.map((problem) => `- ${describeProblem(problem)}`).join("\n")}`,
    "Rules map source names or patterns to settings; see the README section 'Per-secret rules'.",
  );
}

/** Throws a SyncError listing every problem of the rules against the selected source names. */
export function assertRules(rules: readonly Rule[], sources: readonly string[], defaults: SecretSettings): void {
  throwProblems(checkRules(rules, sources, defaults));
}

/** Each desired secret with its own settings (only when there are rules: otherwise the defaults apply). */
export function attachSettings(desired: readonly DesiredSecret[], rules: readonly Rule[], defaults: SecretSettings): DesiredSecret[] {
  if (rules.length === 0) return [...desired];
  return desired.map((secret) => ({ ...secret, metadata: resolveSettings(secret.source, rules, defaults) }));
}

/**
 * Naming with rules: the rules are checked against the selected source names first (throwing a
 * SyncError listing every problem), a rule's name replaces the transform, and each desired secret
 * carries its own settings. Without rules this is nameSecrets.
 */
export function nameSecretsWithRules(
  entries: readonly SourceEntry[],
  naming: NamingRules,
  rules: readonly Rule[],
  defaults: SecretSettings,
): NamingResult {
  if (rules.length === 0) return nameSecrets(entries, naming);
  const selected = entries.map((entry) => entry.key).filter((key) => isSelected(key, naming));
  assertRules(rules, selected, defaults);
  const named = nameSecrets(entries, { ...naming, nameFor: (key) => findRuleName(key, rules) });
  return { desired: attachSettings(named.desired, rules, defaults), rejected: named.rejected };
}
