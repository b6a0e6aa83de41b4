/**
 * `command: check` in the Action: read the inputs, sign in, run the checks (src/engine/check/), and
 * report each finding as an annotation, all of them in the job summary; fail the step when a
 * finding reaches `fail-on`. Nothing is written to the vault.
 */
import { checkVault } from "../engine/check/check-vault.ts";
import { reachesFailLevel } from "../engine/check/findings.ts";
import type { Finding } from "../engine/check/findings.ts";
import type { CheckReport } from "../engine/check/run-check.ts";
import { readCheckInputs } from "./check-inputs.ts";
import { renderCheckFailure, renderCheckSummary } from "./check-summary.ts";
import { explainMissingOidc, hasOidcRequest } from "../engine/auth/missing-oidc.ts";
import { SyncError, errorMessage } from "../engine/errors.ts";
import { readInputs } from "./inputs.ts";
import { readCredentialOptions } from "./sign-in-options.ts";
import type { RunDeps } from "./main.ts";

export async function runCheckCommand(deps: RunDeps): Promise<void> {
  const { io, env } = deps;
  try {
    const inputs = readInputs((name) => io.getInput(name), env);
    const check = readCheckInputs((name) => io.getInput(name), env, inputs.cloud);
    if (inputs.auth === "oidc" && !hasOidcRequest(env)) {
      const missing = explainMissingOidc(env);
      throw new SyncError(missing.message, missing.hint);
    }
    // No shared keep-alive agent: check sends a handful of requests, and nothing must hold the process open.
    const credential = await deps.createCredential(readCredentialOptions(inputs, env, io));
    io.info(
      `Checking vault ${inputs.vaultUrl} (${inputs.cloud.name} cloud) for owner '${inputs.owner}', prefix '${inputs.prefix}': ${[...check.parts].join(", ")}. Nothing is written.`,
    );
    const report = await checkVault(inputs, check, credential, {
      log: (message) => io.info(message),
      debug: (message) => io.debug(message),
      now: () => deps.now(),
    });
    const failed = reachesFailLevel(report.findings, check.failOn);
    annotate(report, deps);
    io.summary.addRaw(
      renderCheckSummary(report, { vaultUrl: inputs.vaultUrl, owner: inputs.owner, prefix: inputs.prefix, failOn: check.failOn, failed }),
      true,
    );
    await io.summary.write();
    if (failed) io.setFailed(describeFailure(report, check.failOn));
    else io.info(`Check passed (fail-on: ${check.failOn}).`);
  } catch (error) {
    const hint = error instanceof SyncError ? error.hint : undefined;
    io.summary.addRaw(renderCheckFailure(errorMessage(error), hint), true);
    await io.summary.write().catch((summaryError: unknown) => io.warning(`Failed to write the job summary: ${errorMessage(summaryError)}`));
    io.setFailed(`${errorMessage(error)}${hint ? `\n${hint}` : ""}`);
  }
}

function annotate(report: CheckReport, deps: RunDeps): void {
  for (const finding of report.findings) {
    const text = `${finding.subject}: ${finding.message}${finding.fix ? `\nFix: ${finding.fix}` : ""}`;
    const properties = { title: `check: ${finding.code}` };
    if (finding.level === "error") deps.io.error(text, properties);
    else if (finding.level === "warning") deps.io.warning(text, properties);
    else deps.io.notice(text, properties);
  }
}

function describeFailure(report: CheckReport, failOn: string): string {
  const counted = (level: Finding["level"]) => report.findings.filter((finding) => finding.level === level).length;
  return `Check failed: ${counted("error")} errors, ${counted("warning")} warnings (fail-on: ${failOn}); each finding is annotated and listed in the job summary.`;
}
