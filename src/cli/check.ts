/**
 * `keyvault-sync check`: the Action's `command: check` for a terminal or a script. Signs in like
 * plan and apply, runs check's engine (engine/check/check-vault.ts) and prints its text or JSON
 * rendering, neutralised. Writes nothing and reads no secret value.
 */
import type { EntraCredential } from "../engine/auth/entra.ts";
import { verifySignIn } from "../engine/auth/entra.ts";
import { checkVault } from "../engine/check/check-vault.ts";
import type { CheckSettings } from "../engine/check/check-vault.ts";
import { reachesFailLevel } from "../engine/check/findings.ts";
import { renderCheckText, toCheckJson } from "../engine/check/report-text.ts";
import type { Env } from "../engine/env.ts";
import { neutralise } from "./render.ts";
import type { CliSettings } from "./settings.ts";
import { checkSignInEnvironment } from "./sign-in.ts";
import type { SignInSettings } from "./sign-in.ts";

export interface CheckDeps {
  env: Env;
  now(): Date;
  createCredential(settings: SignInSettings, env: Env, log: (message: string) => void, agent: undefined): EntraCredential;
  info(message: string): void;
}

/** The report for stdout and the exit code: 1 when a finding reaches --fail-on, else 0. */
export async function runCheck(settings: CliSettings, check: CheckSettings, deps: CheckDeps): Promise<{ output: string; exitCode: 0 | 1 }> {
  const { inputs, signIn } = settings;
  checkSignInEnvironment(signIn, deps.env);
  deps.info(`Signing in: ${signIn.auth} (${settings.authReason}).`);
  // No shared keep-alive agent, as in the Action: check sends a handful of requests.
  const credential = deps.createCredential(signIn, deps.env, (message) => deps.info(message), undefined);
  await verifySignIn(credential, inputs.cloud.vaultScope);
  deps.info(
    `Checking ${inputs.vaultUrl} for owner '${inputs.owner}', prefix '${inputs.prefix}': ${[...check.parts].join(", ")}. Nothing is written.`,
  );
  const report = await checkVault(inputs, check, credential, {
    log: (message) => deps.info(message),
    debug: () => {},
    now: () => deps.now(),
  });
  const failed = reachesFailLevel(report.findings, check.failOn);
  const context = { vaultUrl: inputs.vaultUrl, failOn: check.failOn, failed };
  const output = settings.json
    ? `${JSON.stringify(toCheckJson(report, context), null, 2).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`
    : renderCheckText(report, context).split("\n").map(neutralise).join("\n");
  return { output, exitCode: failed ? 1 : 0 };
}
