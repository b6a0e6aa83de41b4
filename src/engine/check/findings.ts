/**
 * What `check` reports: a list of findings, each with a level, a stable code, the thing it is
 * about, what is wrong and how to fix it. Pure data; the Action turns them into annotations and a
 * summary, the CLI into lines or JSON.
 */

export type FindingLevel = "error" | "warning" | "notice";

/** `fail-on`: the lowest level that fails the run; `never` only reports. */
export type FailOn = FindingLevel | "never";

export const FAIL_ON_CHOICES: readonly FailOn[] = ["error", "warning", "notice", "never"];

export interface Finding {
  level: FindingLevel;
  /** Stable, kebab-case: `key-unwrap-not-allowed`, `secret-expiring`. Scripts may match on it. */
  code: string;
  /** What the finding is about: the vault, the key id, a secret name, the identity. */
  subject: string;
  message: string;
  /** How to fix it; undefined for findings that need no action (an all-good notice). */
  fix: string | undefined;
}

const RANK: Readonly<Record<FindingLevel, number>> = { error: 3, warning: 2, notice: 1 };

/** Does any finding reach the `fail-on` level? */
export function reachesFailLevel(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return findings.some((finding) => RANK[finding.level] >= RANK[failOn]);
}

/** Errors first, then warnings, then notices; within a level by subject, then code: stable output. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => RANK[b.level] - RANK[a.level] || a.subject.localeCompare(b.subject, "en") || a.code.localeCompare(b.code, "en"),
  );
}

export function countFindings(findings: readonly Finding[]): Record<FindingLevel, number> {
  const counts: Record<FindingLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.level] += 1;
  return counts;
}
