/**
 * The order of the stages, and nothing else: inputs → sources → names → sign-in → vault state →
 * plan → apply → report. Every edge (toolkit I/O, files, clock, credential, vault) comes in as
 * a dependency so tests can run the whole flow with fakes.
 */
import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import type { Agent } from "node:https";
import type { TokenCredential } from "@azure/identity";
import { applyPlan } from "./apply.ts";
import type { ChangeResult } from "./apply.ts";
import type { CreateCredentialOptions, EntraCredential } from "./auth/entra.ts";
import { explainMissingOidc, hasOidcRequest } from "./auth/github-oidc.ts";
import type { TokenClaims } from "./auth/github-oidc.ts";
import { SyncError, errorMessage } from "./errors.ts";
import { readInputs } from "./inputs.ts";
import type { Inputs } from "./inputs.ts";
import { createConnectionAgent } from "./connections.ts";
import type { KeyVault, KeyVaultOptions } from "./key-vault.ts";
import { nameSecrets } from "./naming.ts";
import { planChanges } from "./plan.ts";
import type { SecretMetadata } from "./plan.ts";
import { countResults, writeFailureSummary, writeReport } from "./report.ts";
import type { ReportIO } from "./report.ts";
import { readSources } from "./sources/read-sources.ts";
import type { AuditContext } from "./tags.ts";
import { syncByName } from "./sync-by-name.ts";
import { readVaultState } from "./vault-state.ts";
import type { VaultState } from "./vault-state.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** The toolkit functions the action uses; `@actions/core` itself satisfies it. */
export interface ActionIO extends ReportIO {
  getInput(name: string): string;
  setSecret(secret: string): void;
  setFailed(message: string): void;
  debug(message: string): void;
}

export interface RunDeps {
  io: ActionIO;
  env: Env;
  readFile(path: string): Promise<string>;
  now(): Date;
  createCredential(options: CreateCredentialOptions): EntraCredential | Promise<EntraCredential>;
  createKeyVault(vaultUrl: string, credential: TokenCredential, options: KeyVaultOptions): KeyVault | Promise<KeyVault>;
  /** Fails the step without another annotation: each failed secret already has its own. */
  setExitCode(code: number): void;
}

export function createDefaultDeps(): RunDeps {
  return {
    io: core,
    env: process.env,
    readFile: (path) => readFile(path, "utf8"),
    now: () => new Date(),
    // The Azure SDK is loaded only when a run signs in: an offline dry run never compiles it.
    createCredential: async (options) => (await import("./auth/entra.ts")).createCredential(options),
    createKeyVault: async (vaultUrl, credential, options) => (await import("./key-vault.ts")).createKeyVault(vaultUrl, credential, options),
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}

/** What the report needs to know about a run that stopped early. */
interface RunContext {
  inputs: Inputs | undefined;
  notes: string[];
  /** Set once the plan was applied: a failure after that must not claim nothing was synced. */
  results: ChangeResult[] | undefined;
  /** The run's kept-alive connections, closed when the run ends so nothing holds the process open. */
  agent?: Agent | undefined;
}

export async function run(deps: RunDeps = createDefaultDeps()): Promise<void> {
  const context: RunContext = { inputs: undefined, notes: [], results: undefined };
  try {
    await runAndReport(deps, context);
  } finally {
    context.agent?.destroy();
  }
}

async function runAndReport(deps: RunDeps, context: RunContext): Promise<void> {
  try {
    const results = await syncSecrets(deps, context);
    context.results = results;
    const inputs = context.inputs as Inputs;
    await writeReport(results, { dryRun: inputs.dryRun, dryRunReason: inputs.dryRunReason, vaultUrl: inputs.vaultUrl, notes: context.notes }, deps.io);
    failOnFailedResults(results, deps);
  } catch (error) {
    if (context.results !== undefined) {
      const counts = countResults(context.results);
      const done = Object.entries(counts).map(([status, count]) => `${count} ${status}`).join(", ");
      deps.io.setFailed(`The sync finished (${done}) but reporting it failed: ${describeFatal(error)}`);
      return;
    }
    await writeFailureSummary(
      error,
      { vaultUrl: context.inputs?.vaultUrl, dryRun: context.inputs?.dryRun, dryRunReason: context.inputs?.dryRunReason, notes: context.notes },
      deps.io,
    ).catch((summaryError: unknown) => deps.io.warning(`Failed to write the job summary: ${errorMessage(summaryError)}`));
    deps.io.setFailed(describeFatal(error));
  }
}

async function syncSecrets(deps: RunDeps, context: RunContext): Promise<ChangeResult[]> {
  const { io, env } = deps;
  const inputs = readInputs((name) => io.getInput(name), env);
  context.inputs = inputs;
  io.info(`Vault: ${inputs.vaultUrl} (${inputs.cloud.name} cloud); ${inputs.dryRun ? "dry run" : "writing"} — ${inputs.dryRunReason}`);

  const entries = await readSources({ secretsJson: inputs.secretsJson, envFiles: inputs.envFiles }, { readFile: deps.readFile, mask: (value) => io.setSecret(value) });
  const { desired, rejected } = nameSecrets(entries, { include: inputs.include, exclude: inputs.exclude, prefix: inputs.prefix, transform: inputs.nameTransform });
  const skipped = rejected.filter((rejection) => rejection.status === "skipped").length;
  const excluded = entries.length - desired.length - rejected.length;
  io.info(
    `Read ${entries.length} source entries: ${desired.length} to sync, ${skipped} empty (skipped), ` +
      `${rejected.length - skipped} failing the naming rules, ${excluded} left out (include/exclude, github_token).`,
  );

  const now = deps.now();
  const metadata: SecretMetadata = { contentType: inputs.contentType, tags: inputs.tags, expiresInSeconds: inputs.expiresInSeconds };
  const connection = await connect(inputs, deps, context);
  const planOptions = { owner: inputs.owner, prefix: inputs.prefix, prune: inputs.prune, adopt: inputs.adopt, metadata, now };
  const applyOptions = { concurrency: inputs.concurrency, dryRun: inputs.dryRun, audit: readAuditContext(env, connection?.claims), now };
  if (connection && !inputs.prune) {
    const readOptions = { owner: inputs.owner, concurrency: inputs.concurrency, adopt: inputs.adopt, mask: (value: string) => io.setSecret(value) };
    const synced = await syncByName(connection.vault, { desired, rejected }, { read: readOptions, plan: planOptions, apply: applyOptions });
    noteRefusedValues(synced.refusedValues, context);
    return synced.results;
  }
  const state = connection
    ? await readVaultState(connection.vault, desired, { owner: inputs.owner, concurrency: inputs.concurrency, adopt: inputs.adopt, mask: (value) => io.setSecret(value) })
    : undefined;
  if (state) noteUnreadableValues(state, context);
  const plan = planChanges({ desired, rejected, state, options: planOptions });
  return applyPlan(plan, connection?.vault, applyOptions);
}

/**
 * Signs in and opens the vault, or returns undefined for a dry run that has no OIDC token (fork
 * pull requests, Dependabot): those are validated offline and the report says why.
 */
async function connect(inputs: Inputs, deps: RunDeps, context: RunContext): Promise<{ vault: KeyVault; claims: TokenClaims | undefined } | undefined> {
  const { io, env } = deps;
  if (inputs.auth === "oidc" && !hasOidcRequest(env)) {
    const missing = explainMissingOidc(env);
    if (!inputs.dryRun) throw new SyncError(missing.message, missing.hint);
    context.notes.push(`Validated offline, without reading the vault. ${missing.message}`);
    return undefined;
  }
  // One pool of kept-alive connections for sign-in and vault: a handshake per host, not per request.
  const agent = createConnectionAgent(env);
  context.agent = agent;
  const credential = await deps.createCredential({
    agent,
    auth: inputs.auth,
    tenantId: inputs.tenantId,
    clientId: inputs.clientId,
    cloud: inputs.cloud,
    audience: inputs.audience,
    env,
    log: (message) => io.info(message),
    mask: (secret) => io.setSecret(secret),
  });
  const { verifySignIn } = await import("./auth/entra.ts");
  await verifySignIn(credential, inputs.cloud.vaultScope);
  io.info(`Signed in to Microsoft Entra ID${inputs.clientId ? ` as ${inputs.clientId}` : ""}.`);
  const vault = await deps.createKeyVault(inputs.vaultUrl, credential, { log: (message) => io.info(message), clientId: inputs.clientId, agent });
  return { vault, claims: credential.presentedClaims };
}

/** A plan that could not compare values (a Reader identity) must say so once, not only per item. */
function noteUnreadableValues(state: VaultState, context: RunContext): void {
  const refused = state.secrets.filter(
    (secret) => secret.value.kind === "failed" && (secret.value.failure.kind === "forbidden-rbac" || secret.value.failure.kind === "forbidden-policy"),
  ).length;
  noteRefusedValues(refused, context);
}

function noteRefusedValues(refused: number, context: RunContext): void {
  if (refused > 0) {
    context.notes.push(
      `${refused} existing ${refused === 1 ? "value" : "values"} could not be read: the identity may list secrets but not read them ` +
        "(Key Vault Reader, or an access policy without 'get'), so their items say 'value not compared'. " +
        "Key Vault Secrets User is enough for a dry run that compares values.",
    );
  }
}

/** Who wrote a version, from the runner's environment; the environment name only the OIDC token knows. */
export function readAuditContext(env: Env, claims: TokenClaims | undefined): AuditContext {
  const repository = env["GITHUB_REPOSITORY"];
  const runId = env["GITHUB_RUN_ID"];
  const serverUrl = env["GITHUB_SERVER_URL"] ?? "https://github.com";
  const attempt = env["GITHUB_RUN_ATTEMPT"];
  const runUrl = repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}` : undefined;
  return {
    repository,
    runUrl,
    commit: env["GITHUB_SHA"],
    ref: claims?.environment ? `environment:${claims.environment}` : env["GITHUB_REF"],
  };
}

/**
 * GitHub shows at most 10 error annotations a step and the reporter uses them all for the failed
 * secrets, so the step's own failure is a log line and an exit code, not an 11th annotation.
 */
function failOnFailedResults(results: readonly ChangeResult[], deps: RunDeps): void {
  const failed = countResults(results).failed;
  if (failed > 0) {
    deps.io.info(`${failed} of ${results.length} secrets could not be synced; each failure is annotated and listed in the job summary.`);
    deps.setExitCode(1);
  }
}

function describeFatal(error: unknown): string {
  const hint = error instanceof SyncError && error.hint ? `\n${error.hint}` : "";
  return `${errorMessage(error)}${hint}`;
}
