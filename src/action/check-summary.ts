/**
 * The job summary of a `check` run: who signed in, what was checked, and every finding with its
 * fix, errors first. Pure: report in, Markdown out; every text from outside is escaped.
 */
import { countFindings } from "../engine/check/findings.ts";
import type { FailOn, Finding } from "../engine/check/findings.ts";
import type { CheckReport } from "../engine/check/run-check.ts";
import { alert, escapeCell, escapeMarkdown, escapeWithCode, fence, table } from "./markdown.ts";

export interface CheckSummaryContext {
  vaultUrl: string;
  owner: string;
  prefix: string;
  failOn: FailOn;
  failed: boolean;
}

const LEVEL_LABELS: Readonly<Record<Finding["level"], string>> = { error: "❌ error", warning: "⚠️ warning", notice: "ℹ️ notice" };

export function renderCheckSummary(report: CheckReport, context: CheckSummaryContext): string {
  const counts = countFindings(report.findings);
  const verdict = context.failed
    ? `Failed: ${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices (fail-on: ${context.failOn}).`
    : `Passed: ${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices (fail-on: ${context.failOn}).`;
  const lines = [
    "## Key Vault Sync check",
    "",
    ...alert(context.failed ? "CAUTION" : "NOTE", [
      escapeMarkdown(verdict),
      "",
      "Nothing was written: check only reads, and wraps and unwraps random bytes when a key is checked.",
    ]),
    "",
    `- Vault: ${escapeMarkdown(context.vaultUrl)}`,
    `- Owner: ${escapeMarkdown(context.owner)}; prefix: ${context.prefix === "" ? "(none)" : escapeMarkdown(context.prefix)}`,
  ];
  const identity = report.identity;
  if (identity !== undefined) {
    lines.push(
      `- Identity: client ${escapeMarkdown(identity.clientId ?? "unknown")}, object ${escapeMarkdown(identity.objectId ?? "unknown")}, tenant ${escapeMarkdown(identity.tenantId ?? "unknown")}, token audience ${escapeMarkdown(identity.audience ?? "unknown")}`,
    );
  }
  const source = {
    rbac: "role assignments (ARM permissions)",
    "access-policy": "the vault's access policies",
    unknown: "could not be learned",
    "not-checked": "not checked",
  }[report.permissionSource];
  lines.push(`- Effective permissions from: ${source}`, `- Secrets examined for health: ${report.examined}`, "");
  if (report.findings.length === 0) {
    lines.push("No findings.");
  } else {
    lines.push(
      ...table(
        ["Level", "Subject", "Finding", "Fix"],
        report.findings.map((finding) => [
          LEVEL_LABELS[finding.level],
          escapeCell(finding.subject),
          `${escapeCell(finding.message)} (${escapeMarkdown(finding.code)})`,
          escapeCell(finding.fix ?? ""),
        ]),
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The summary of a check that could not run (an invalid input, no OIDC token): what failed and the fix. */
export function renderCheckFailure(message: string, hint: string | undefined): string {
  const lines = ["## Key Vault Sync check", "", ...alert("CAUTION", [`The check could not run: ${escapeWithCode(message)}`]), ""];
  if (hint) lines.push("### How to fix it", "", fence(hint), "");
  return lines.join("\n");
}
