/**
 * `check`'s report for a terminal or a script (the CLI): one block per finding, and a JSON shape
 * with no token and no value in it. Pure.
 */
import { countFindings } from "./findings.ts";
import type { FailOn } from "./findings.ts";
import type { CheckReport } from "./run-check.ts";

/** Lines for people: a header with the identity, then each finding with its fix, errors first. */
export function renderCheckText(report: CheckReport, context: { vaultUrl: string; failOn: FailOn; failed: boolean }): string {
  const counts = countFindings(report.findings);
  const lines = [
    `check ${context.vaultUrl}: ${context.failed ? "FAILED" : "passed"} (${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices; fail-on ${context.failOn})`,
  ];
  for (const finding of report.findings) {
    lines.push(`${finding.level.padEnd(7)} ${finding.code}  ${finding.subject}: ${finding.message}`);
    if (finding.fix !== undefined) lines.push(`        fix: ${finding.fix}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The report as data for `--json`. */
export function toCheckJson(report: CheckReport, context: { vaultUrl: string; failOn: FailOn; failed: boolean }): Record<string, unknown> {
  const { identity } = report;
  return {
    vaultUrl: context.vaultUrl,
    passed: !context.failed,
    failOn: context.failOn,
    identity:
      identity === undefined
        ? null
        : {
            clientId: identity.clientId ?? null,
            objectId: identity.objectId ?? null,
            tenantId: identity.tenantId ?? null,
            audience: identity.audience ?? null,
          },
    permissionSource: report.permissionSource,
    examined: report.examined,
    findings: report.findings.map((finding) => ({ ...finding, fix: finding.fix ?? null })),
  };
}
