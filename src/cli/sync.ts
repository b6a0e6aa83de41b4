/**
 * The CLI's run, stage by stage like the Action's (src/action/main.ts): sources → names →
 * sign-in → vault state → plan → apply or predict, with the same engine functions and rules.
 * Only what is shown differs; that is render.ts's job. Every edge comes in as a dependency.
 */
import type { Agent } from "node:https";
import type { TokenCredential } from "@azure/identity";
import { applyPlan, predictResults } from "../engine/apply.ts";
import type { ChangeResult } from "../engine/apply.ts";
import { verifySignIn } from "../engine/auth/entra.ts";
import type { EntraCredential } from "../engine/auth/entra.ts";
import { createConnectionAgent } from "../engine/connections.ts";
import { explainMissingOidc, hasOidcRequest } from "../engine/auth/missing-oidc.ts";
import type { Env } from "../engine/env.ts";
import { SyncError } from "../engine/errors.ts";
import { explainEmptySelection, findUnusedPatterns } from "../engine/naming.ts";
import type { DesiredSecret, Rejection } from "../engine/naming.ts";
import type { SecretMetadata } from "../engine/plan-items.ts";
import { nameSecretsWithRules, readRules } from "../engine/rules/load-rules.ts";
import { planChanges } from "../engine/plan.ts";
import { createApplyProgress } from "../engine/progress.ts";
import { readSources } from "../engine/sources/read-sources.ts";
import { syncByName } from "../engine/sync-by-name.ts";
import type { AuditContext } from "../engine/tags.ts";
import { readVaultState } from "../engine/vault-state.ts";
import type { KeyVaultOptions } from "../engine/vault/key-vault.ts";
import type { KeyVault } from "../engine/vault/key-vault-interface.ts";
import { isAccessDenied } from "../engine/vault/vault-errors.ts";
import type { CliSettings } from "./settings.ts";
import { checkSignInEnvironment } from "./sign-in.ts";
import type { SignInSettings } from "./sign-in.ts";

export interface SyncDeps {
  env: Env;
  /** A source file's bytes, under the CLI's file rules (files.ts). */
  readFile(path: string): Promise<Uint8Array>;
  now(): Date;
  createCredential(settings: SignInSettings, env: Env, log: (message: string) => void, agent: Agent | undefined): EntraCredential;
  createKeyVault(vaultUrl: string, credential: TokenCredential, options: KeyVaultOptions): KeyVault;
  /** A line for people, on stderr. */
  info(message: string): void;
  warning(message: string): void;
  /** The progress line during a long apply. */
  progress(message: string): void;
}

export interface SyncOutcome {
  results: ChangeResult[];
  /** Notes for the whole run, such as values that could not be compared. */
  notes: string[];
}

export async function runSync(settings: CliSettings, deps: SyncDeps): Promise<SyncOutcome> {
  const { inputs } = settings;
  const notes: string[] = [];
  deps.info(`Vault: ${inputs.vaultUrl} (${inputs.cloud.name} cloud); ${inputs.dryRun ? "plan only, nothing is written" : "applying"}.`);
  const entries = await readSources(
    { secretsJson: inputs.secretsJson, envFiles: inputs.envFiles },
    {
      readFile: (path) => deps.readFile(path),
      mask: () => {},
      warn: (message) => deps.warning(message),
    },
  );
  // Per-secret rules: read and checked against the selected names before any network, as in the Action.
  const rules = await readRules({ text: inputs.rules, file: inputs.rulesFile }, (path) => deps.readFile(path));
  const naming = { include: inputs.include, exclude: inputs.exclude, prefix: inputs.prefix, transform: inputs.nameTransform };
  const defaults = { contentType: inputs.contentType, tags: inputs.tags, expiresInSeconds: inputs.expiresInSeconds };
  const { desired, rejected } = nameSecretsWithRules(entries, naming, rules, defaults);
  const keys = entries.map((entry) => entry.key);
  for (const unused of findUnusedPatterns(keys, inputs))
    deps.warning(`--${unused.input} pattern ${unused.position} matched no source name.`);
  if (keys.length > 0 && desired.length + rejected.length === 0) {
    const { message, hint } = explainEmptySelection(keys, inputs);
    throw new SyncError(message, hint);
  }

  // One pool of kept-alive connections for sign-in and vault, closed when the run ends.
  const agent = createConnectionAgent(deps.env);
  try {
    const vault = await connect(settings, deps, agent);
    return await syncVault(vault, { desired, rejected, defaults, notes }, settings, deps);
  } finally {
    agent?.destroy();
  }
}

/**
 * The Action's two paths: without prune each name is read, planned and written on its own
 * (sync-by-name.ts); with prune the whole vault is read first, because what to delete depends
 * on all of it. Either way plan predicts each item's outcome and never writes.
 */
async function syncVault(
  vault: KeyVault,
  run: { desired: DesiredSecret[]; rejected: Rejection[]; defaults: SecretMetadata; notes: string[] },
  settings: CliSettings,
  deps: SyncDeps,
): Promise<SyncOutcome> {
  const { inputs } = settings;
  const { desired, rejected, defaults, notes } = run;
  const now = deps.now();
  const progress = createApplyProgress({
    total: desired.length + rejected.length,
    now: () => deps.now().getTime(),
    log: (message) => deps.progress(message),
  });
  const read = { owner: inputs.owner, concurrency: inputs.concurrency, adopt: inputs.adopt, mask: () => {} };
  const planOptions = { owner: inputs.owner, prefix: inputs.prefix, prune: inputs.prune, adopt: inputs.adopt, metadata: defaults, now };
  const apply = { concurrency: inputs.concurrency, audit: readAuditContext(deps.env), now, onResult: progress };
  const noteRefused = (refused: number): void => {
    if (refused === 0) return;
    notes.push(
      `${refused} existing ${refused === 1 ? "value" : "values"} could not be read: the identity may list secrets but not read them, so their items say 'value not compared'. Key Vault Secrets User is enough for a plan that compares values.`,
    );
  };
  if (!inputs.prune) {
    const synced = await syncByName(vault, { desired, rejected }, { read, plan: planOptions, apply, dryRun: inputs.dryRun });
    noteRefused(synced.refusedValues);
    return { results: synced.results, notes };
  }
  const state = await readVaultState(vault, desired, read);
  noteRefused(state.secrets.filter((secret) => secret.value.kind === "failed" && isAccessDenied(secret.value.failure.kind)).length);
  const plan = planChanges({ desired, rejected, state, options: planOptions });
  if (inputs.dryRun) return { results: predictResults(plan), notes };
  return { results: await applyPlan(plan, vault, apply), notes };
}

async function connect(settings: CliSettings, deps: SyncDeps, agent: Agent | undefined): Promise<KeyVault> {
  const { signIn, inputs } = settings;
  if (signIn.auth === "oidc" && !hasOidcRequest(deps.env)) {
    const missing = explainMissingOidc(deps.env);
    throw new SyncError(
      missing.message,
      "--auth oidc works only inside a GitHub Actions job with permissions: id-token: write; elsewhere leave --auth out.",
    );
  }
  checkSignInEnvironment(signIn, deps.env);
  deps.info(`Signing in: ${signIn.auth} (${settings.authReason}).`);
  const credential = deps.createCredential(signIn, deps.env, (message) => deps.info(message), agent);
  await verifySignIn(credential, inputs.cloud.vaultScope);
  deps.info(`Signed in to Microsoft Entra ID${signIn.clientId ? ` as ${signIn.clientId}` : ""}.`);
  return deps.createKeyVault(inputs.vaultUrl, credential, {
    log: (message) => deps.info(message),
    debug: () => {},
    clientId: signIn.clientId,
    ...(agent === undefined ? {} : { agent }),
  });
}

/**
 * Who wrote a version, from the CI's own variables: GitHub Actions, GitLab CI or Azure
 * Pipelines; on a laptop none (the owner tag still says who manages the secret).
 */
export function readAuditContext(env: Env): AuditContext {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === "" ? undefined : value;
  };
  if (get("GITHUB_ACTIONS") === "true") {
    const repository = get("GITHUB_REPOSITORY");
    const runId = get("GITHUB_RUN_ID");
    const server = get("GITHUB_SERVER_URL") ?? "https://github.com";
    return {
      repository,
      runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined,
      commit: get("GITHUB_SHA"),
      ref: get("GITHUB_REF"),
    };
  }
  if (get("GITLAB_CI") === "true") {
    return { repository: get("CI_PROJECT_PATH"), runUrl: get("CI_JOB_URL"), commit: get("CI_COMMIT_SHA"), ref: get("CI_COMMIT_REF_NAME") };
  }
  if (get("TF_BUILD") === "True") {
    const collection = get("SYSTEM_COLLECTIONURI");
    const project = get("SYSTEM_TEAMPROJECT");
    const buildId = get("BUILD_BUILDID");
    const runUrl =
      collection && project && buildId ? `${collection}${encodeURIComponent(project)}/_build/results?buildId=${buildId}` : undefined;
    return { repository: get("BUILD_REPOSITORY_NAME"), runUrl, commit: get("BUILD_SOURCEVERSION"), ref: get("BUILD_SOURCEBRANCH") };
  }
  return { repository: undefined, runUrl: undefined, commit: undefined, ref: undefined };
}
