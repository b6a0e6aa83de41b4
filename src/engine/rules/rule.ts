/**
 * What a per-secret rule is, and how a problem with one is told, apart from the YAML that
 * writes it: the parser (parse-rules.ts) loads the YAML library, which a run without rules never
 * needs.
 */
export const RULE_KEYS = ["name", "content-type", "tags", "expires-in", "not-before", "enabled", "renew-before", "update"] as const;
export type RuleKey = (typeof RULE_KEYS)[number];
export type UpdatePolicy = "replace" | "create-only";

/** Where a rule or one of its keys is written: "rules-file 'deploy/rules.yml'" or "input 'rules'". */
export interface RulePlace {
  origin: string;
  line: number;
}

export interface Rule {
  pattern: string;
  place: RulePlace;
  /** Line of each key the rule sets. */
  lines: Partial<Record<RuleKey, number>>;
  name?: string;
  contentType?: string;
  tags?: Record<string, string>;
  expiresInSeconds?: number;
  notBeforeSeconds?: number;
  enabled?: boolean;
  renewBeforeSeconds?: number;
  update?: UpdatePolicy;
}

/** One problem with the rules: where, which key (if any), and the rule broken. */
export interface RuleProblem {
  place: RulePlace;
  key: string | undefined;
  rule: string;
}

export function describeProblem(problem: RuleProblem): string {
  const key = problem.key === undefined ? "" : `, key '${problem.key}'`;
  return `${problem.place.origin} line ${problem.place.line}${key}: ${problem.rule}`;
}
