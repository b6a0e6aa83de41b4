/**
 * The CLI's run: the same engine sync as the Action's (src/engine/sync.ts), with the CLI's own
 * sign-in, messages and notes, and no log groups. Only what is shown differs; that is render.ts's
 * job. Every edge comes in as a dependency.
 */
import type { Agent } from "node:https";
import type { TokenCredential } from "@azure/identity";
import type { ChangeResult } from "../engine/apply.ts";
import { verifySignIn } from "../engine/auth/entra.ts";
import type { EntraCredential } from "../engine/auth/entra.ts";
import { createConnectionAgent } from "../engine/connections.ts";
import { keepHeapSmall } from "../engine/heap-size.ts";
import { explainMissingOidc, hasOidcRequest } from "../engine/auth/missing-oidc.ts";
import type { Env } from "../engine/env.ts";
import { SyncError } from "../engine/errors.ts";
import { syncSecrets } from "../engine/sync.ts";
import type { AuditContext } from "../engine/tags.ts";
import type { KeyVaultOptions } from "../engine/vault/key-vault.ts";
import type { KeyVault } from "../engine/vault/key-vault-interface.ts";
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
  // One pool of kept-alive connections for sign-in and vault, opened at sign-in and closed when the run ends.
  let agent: Agent | undefined;
  try {
    const results = await syncSecrets(() => inputs, {
      readFile: (path) => deps.readFile(path),
      now: () => deps.now(),
      mask: () => {},
      stage: async (_title, work) => work(),
      warning: (message) => deps.warning(message),
      unusedPattern: (unused) => deps.warning(`--${unused.input} pattern ${unused.position} matched no source name.`),
      progress: (message) => deps.progress(message),
      connect: async () => {
        keepHeapSmall();
        agent = await createConnectionAgent(deps.env);
        return { vault: await connect(settings, deps, agent), claims: undefined };
      },
      audit: () => readAuditContext(deps.env),
      noteRefusedValues: (refused) =>
        notes.push(
          `${refused} existing ${refused === 1 ? "value" : "values"} could not be read: the identity may list secrets but not read them, so their items say 'value not compared'. Key Vault Secrets User is enough for a plan that compares values.`,
        ),
    });
    return { results, notes };
  } finally {
    agent?.destroy();
  }
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
