/**
 * The Action's front door: inputs → the engine's sync (src/engine/sync.ts, each stage in a log
 * group) → report. Every edge (toolkit I/O, files, clock, credential, vault) comes in as a
 * dependency so tests can run the whole flow with fakes.
 */
import type { Agent } from "node:https";
import type { TokenCredential } from "@azure/identity";
import { createActionIO, neutraliseSdkLog } from "./action-io.ts";
import type { ChangeResult } from "../engine/apply.ts";
import type { CreateCredentialOptions, EntraCredential } from "../engine/auth/entra.ts";
import { explainMissingOidc, hasOidcRequest } from "../engine/auth/missing-oidc.ts";
import type { TokenClaims } from "../engine/auth/github-oidc.ts";
import { SyncError, errorMessage } from "../engine/errors.ts";
import { readInputs } from "./inputs.ts";
import type { Inputs } from "./inputs.ts";
import { createConnectionAgent } from "../engine/connections.ts";
import { keepHeapSmall } from "../engine/heap-size.ts";
import type { KeyVaultOptions } from "../engine/vault/key-vault.ts";
import type { KeyVault } from "../engine/vault/key-vault-interface.ts";
import { writeReferenceOutputs } from "./references-output.ts";
import { readCredentialOptions } from "./sign-in-options.ts";
import { countResults, writeFailureSummary, writeReport } from "./report.ts";
import type { ReportIO } from "./report.ts";
import { listFileRoots, readEnvFile } from "../engine/sources/env-file-access.ts";
import { readRepositoryLinks } from "./summary-links.ts";
import { syncSecrets as runSync } from "../engine/sync.ts";
import type { Connection } from "../engine/sync.ts";
import type { AuditContext } from "../engine/tags.ts";
import type { Env } from "../engine/env.ts";

/**
 * The toolkit functions the action uses; `@actions/core` itself satisfies it. The action gets it
 * wrapped by action-io.ts, so that no message can start a workflow command.
 */
export interface ActionIO extends ReportIO {
  getInput(name: string): string;
  setSecret(secret: string): void;
  setFailed(message: string): void;
  /** Whether the runner shows debug lines (step debug logging on); it drops them otherwise. */
  isDebug(): boolean;
  debug(message: string): void;
  /** One collapsible section of the log per stage. */
  startGroup(name: string): void;
  endGroup(): void;
}

export interface RunDeps {
  io: ActionIO;
  env: Env;
  /** An env-file's bytes, within the paths env-file may read (sources/env-file-access.ts). */
  readFile(path: string): Promise<Uint8Array>;
  now(): Date;
  /** Where relative paths are read from, for links to dotenv lines. */
  cwd(): string;
  createCredential(options: CreateCredentialOptions): EntraCredential | Promise<EntraCredential>;
  createKeyVault(vaultUrl: string, credential: TokenCredential, options: KeyVaultOptions): KeyVault | Promise<KeyVault>;
  /** Fails the step without another annotation: each failed secret already has its own. */
  setExitCode(code: number): void;
  /**
   * Called once, just before a run that goes online changes V8's flags (keepHeapSmall). The
   * loader (index.ts) takes its code cache there: V8 refuses a cache made under other flags,
   * and every run starts with the default ones.
   */
  beforeFlagsChange?: () => void;
}

export function createDefaultDeps(): RunDeps {
  return {
    io: createActionIO(),
    env: process.env,
    readFile: (path) => readEnvFile(path, listFileRoots(process.env, process.cwd())),
    now: () => new Date(),
    cwd: () => process.cwd(),
    // The Azure SDK is loaded only when a run signs in: an offline dry run never compiles it.
    // Every SDK client is made after the credential, so its log is neutralised from the start.
    createCredential: async (options) => {
      await neutraliseSdkLog();
      return (await import("../engine/auth/entra.ts")).createCredential(options);
    },
    createKeyVault: async (vaultUrl, credential, options) =>
      (await import("../engine/vault/key-vault.ts")).createKeyVault(vaultUrl, credential, options),
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
  // Loaded only for check, so a sync starts without the keys SDK and ARM client.
  if (deps.io.getInput("command").trim().toLowerCase() === "check") return (await import("./check-command.ts")).runCheckCommand(deps);
  const context: RunContext = { inputs: undefined, notes: [], results: undefined };
  try {
    await runAndReport(deps, context);
  } finally {
    context.agent?.destroy();
  }
}

async function runAndReport(deps: RunDeps, context: RunContext): Promise<void> {
  const links = readRepositoryLinks(deps.env, deps.cwd());
  try {
    const results = await syncSecrets(deps, context);
    context.results = results;
    const inputs = context.inputs as Inputs;
    const report = { ...describeRun(inputs), notes: context.notes, links };
    // Not in a group: the per-secret outcome and the counts are what the log is read for.
    await writeReport(results, report, deps.io);
    // Reference outputs hook (issue 11).
    writeReferenceOutputs(results, { ...inputs, tempDir: deps.env["RUNNER_TEMP"] || undefined }, deps.io);
    failOnFailedResults(results, deps);
  } catch (error) {
    if (context.results !== undefined) {
      const counts = countResults(context.results);
      const done = Object.entries(counts)
        .map(([status, count]) => `${count} ${status}`)
        .join(", ");
      deps.io.setFailed(`The sync finished (${done}) but reporting it failed: ${describeFatal(error)}`);
      return;
    }
    const settings = context.inputs === undefined ? {} : describeRun(context.inputs);
    await writeFailureSummary(error, { ...settings, notes: context.notes, links }, deps.io).catch((summaryError: unknown) =>
      deps.io.warning(`Failed to write the job summary: ${errorMessage(summaryError)}`),
    );
    deps.io.setFailed(describeFatal(error));
  }
}

/** What the report says about the run's settings; the same for a finished and a failed run. */
function describeRun(inputs: Inputs) {
  const { vaultUrl, dryRun, dryRunReason, prefix, owner, prune, adopt } = inputs;
  return { vaultUrl, dryRun, dryRunReason, settings: { prefix, owner, prune, adopt } };
}

/**
 * Runs one stage inside a log group, with its duration as a debug line. A stage that throws
 * closes its group too, so the error shows outside it.
 */
async function inStage<T>(deps: RunDeps, title: string, work: () => Promise<T> | T): Promise<T> {
  const started = deps.now().getTime();
  deps.io.startGroup(title);
  try {
    return await work();
  } finally {
    deps.io.endGroup();
    deps.io.debug(`${title}: ${deps.now().getTime() - started} ms`);
  }
}

async function syncSecrets(deps: RunDeps, context: RunContext): Promise<ChangeResult[]> {
  const { io, env } = deps;
  return runSync(() => readAndDescribeInputs(deps, context), {
    readFile: (path) => deps.readFile(path),
    now: () => deps.now(),
    mask: (value) => io.setSecret(value),
    stage: (title, work) => inStage(deps, title, work),
    trace: { info: (message) => io.info(message), debug: (message) => io.debug(message) },
    warning: (message, title) => io.warning(message, { title }),
    unusedPattern: (unused) =>
      io.warning(`${unused.input} pattern ${unused.position} ('${unused.pattern}') matched no source name.`, {
        title: `Unused ${unused.input} pattern`,
      }),
    progress: (message) => io.info(message),
    connect: (inputs) => connect(inputs, deps, context),
    audit: (claims) => readAuditContext(env, claims),
    noteRefusedValues: (refused) =>
      context.notes.push(
        `${refused} existing ${refused === 1 ? "value" : "values"} could not be read: the identity may list secrets but not read them ` +
          "(Key Vault Reader, or an access policy without 'get'), so their items say 'value not compared'. " +
          "Key Vault Secrets User is enough for a dry run that compares values.",
      ),
  });
}

/** Reads the inputs (inside the first stage, so a bad input fails there) and logs what the run will do. */
function readAndDescribeInputs(deps: RunDeps, context: RunContext): Inputs {
  const { io } = deps;
  const inputs = readInputs((name) => io.getInput(name), deps.env);
  context.inputs = inputs;
  io.info(`Vault: ${inputs.vaultUrl} (${inputs.cloud.name} cloud); ${inputs.dryRun ? "dry run" : "writing"} — ${inputs.dryRunReason}`);
  io.debug(
    `Settings: auth ${inputs.auth}, prefix '${inputs.prefix}', owner '${inputs.owner}', prune ${inputs.prune}, adopt ${inputs.adopt}, ` +
      `concurrency ${inputs.concurrency}, ${inputs.envFiles.length} env files, ${inputs.include.length} include and ${inputs.exclude.length} exclude patterns`,
  );
  return inputs;
}

/**
 * Signs in and opens the vault, or returns undefined for a dry run to which GitHub withholds the
 * OIDC token by its own rule (fork pull requests, Dependabot): those are validated offline and
 * the report says why. Any other missing token fails: a green plan must have read the vault.
 */
async function connect(inputs: Inputs, deps: RunDeps, context: RunContext): Promise<Connection | undefined> {
  const { io, env } = deps;
  if (inputs.auth === "oidc" && !hasOidcRequest(env)) {
    const missing = explainMissingOidc(env);
    if (!inputs.dryRun || !missing.withheldByGitHub) throw new SyncError(missing.message, missing.hint);
    context.notes.push(`Validated offline, without reading the vault. ${missing.message}`);
    return undefined;
  }
  deps.beforeFlagsChange?.();
  keepHeapSmall();
  // One pool of kept-alive connections for sign-in and vault: a handshake per host, not per request.
  const agent = await createConnectionAgent(env);
  context.agent = agent;
  const credential = await deps.createCredential({ ...readCredentialOptions(inputs, env, io), agent });
  const { verifySignIn } = await import("../engine/auth/entra.ts");
  await verifySignIn(credential, inputs.cloud.vaultScope);
  io.info(`Signed in to Microsoft Entra ID${inputs.clientId ? ` as ${inputs.clientId}` : ""}.`);
  const vault = await deps.createKeyVault(inputs.vaultUrl, credential, {
    log: (message) => io.info(message),
    // A line per request is work on every request; without step debug the runner drops it unread.
    debug: io.isDebug() ? (message) => io.debug(message) : undefined,
    clientId: inputs.clientId,
    agent,
  });
  return { vault, claims: credential.presentedClaims };
}

/** Who wrote a version, from the runner's environment; the environment name only the OIDC token knows. */
export function readAuditContext(env: Env, claims: TokenClaims | undefined): AuditContext {
  const repository = env["GITHUB_REPOSITORY"];
  const runId = env["GITHUB_RUN_ID"];
  const serverUrl = env["GITHUB_SERVER_URL"] ?? "https://github.com";
  const attempt = env["GITHUB_RUN_ATTEMPT"];
  const runUrl =
    repository && runId
      ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}`
      : undefined;
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
