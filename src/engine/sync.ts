/**
 * The order of a sync's stages, once for both front doors: sources → names → sign-in → either
 * name by name (no prune) or vault state → plan → apply, or predict for a dry run. What differs
 * between the Action and the CLI (log lines, log groups, masking, sign-in, notes) comes in as
 * edges, so each front door only says how a stage is shown.
 */
import { applyPlan, predictResults } from "./apply.ts";
import type { ChangeResult } from "./apply.ts";
import type { TokenClaims } from "./auth/github-oidc.ts";
import { SyncError } from "./errors.ts";
import { explainEmptySelection, findUnusedPatterns } from "./naming.ts";
import type { DesiredSecret, NameTransform, Rejection, UnusedPattern } from "./naming.ts";
import { planChanges } from "./plan.ts";
import type { PlanOptions, SecretMetadata } from "./plan-items.ts";
import { createApplyProgress } from "./progress.ts";
import { nameSecretsWithRules, readRules } from "./rules/load-rules.ts";
import { readSources } from "./sources/read-sources.ts";
import { syncByName } from "./sync-by-name.ts";
import type { AuditContext } from "./tags.ts";
import { readVaultState } from "./vault-state.ts";
import type { KeyVault } from "./vault/key-vault-interface.ts";
import { isAccessDenied } from "./vault/vault-errors.ts";

/** What a sync needs of a front door's settings (the Action's inputs satisfy it). */
export interface SyncSettings {
  secretsJson: string | undefined;
  envFiles: string[];
  rules: string | undefined;
  rulesFile: string | undefined;
  include: string[];
  exclude: string[];
  prefix: string;
  nameTransform: NameTransform;
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresInSeconds: number | undefined;
  owner: string;
  prune: boolean;
  adopt: boolean;
  concurrency: number;
  dryRun: boolean;
}

/** A signed-in vault, and the claims of the token that signed in (for the audit tags). */
export interface Connection {
  vault: KeyVault;
  claims: TokenClaims | undefined;
}

export interface SyncEdges<S extends SyncSettings> {
  /** A source or rules file's bytes, under the front door's file rules. */
  readFile(path: string): Promise<Uint8Array>;
  now(): Date;
  /** Hides a value from every later line of output, where the front door can. */
  mask(value: string): void;
  /** Runs one stage: the Action in a log group of that title, the CLI as it is. */
  stage<T>(title: string, work: () => Promise<T> | T): Promise<T>;
  /** Lines about the stages themselves (counts, plan, per-item outcome); the CLI shows none. */
  trace?: { info(message: string): void; debug(message: string): void } | undefined;
  /** A warning about a source, such as a dotenv line; `title` is its kind. */
  warning(message: string, title: string): void;
  unusedPattern(unused: UnusedPattern): void;
  /** The progress line during a long apply. */
  progress(message: string): void;
  /** Signs in and opens the vault; undefined for a dry run validated offline. */
  connect(settings: S): Promise<Connection | undefined>;
  audit(claims: TokenClaims | undefined): AuditContext;
  /** How many existing values the identity could not read; called only when some could not. */
  noteRefusedValues(count: number): void;
}

/**
 * Runs one sync. `settings` is read inside the first stage, so a front door whose settings can
 * fail (the Action's inputs) shows that failure where its sources would have been read.
 */
export async function syncSecrets<S extends SyncSettings>(settings: () => S, edges: SyncEdges<S>): Promise<ChangeResult[]> {
  const { inputs, desired, rejected } = await edges.stage("Read inputs and sources", () => nameSources(settings(), edges));
  const now = edges.now();
  const metadata = readDefaults(inputs);
  const connection = await edges.stage("Sign in", () => edges.connect(inputs));
  const planOptions: PlanOptions = { owner: inputs.owner, prefix: inputs.prefix, prune: inputs.prune, adopt: inputs.adopt, metadata, now };
  const read = { owner: inputs.owner, concurrency: inputs.concurrency, adopt: inputs.adopt, mask: (value: string) => edges.mask(value) };
  const applyOptions = (claims: TokenClaims | undefined, total: number) => {
    const progress = createApplyProgress({ total, now: () => edges.now().getTime(), log: (message) => edges.progress(message) });
    return {
      concurrency: inputs.concurrency,
      audit: edges.audit(claims),
      now,
      onResult: (result: ChangeResult) => {
        edges.trace?.debug(`${result.name}: ${result.action} -> ${result.status}`);
        progress(result);
      },
    };
  };

  // Without prune each name is read, planned and written on its own (sync-by-name.ts), so nothing
  // waits for the whole vault and a big shared vault is never listed.
  if (connection && !inputs.prune) {
    const title = inputs.dryRun ? "Read and plan each secret (dry run: nothing is written)" : "Read, plan and apply each secret";
    return edges.stage(title, async () => {
      const apply = applyOptions(connection.claims, desired.length + rejected.length);
      const synced = await syncByName(connection.vault, { desired, rejected }, { read, plan: planOptions, apply, dryRun: inputs.dryRun });
      if (synced.refusedValues > 0) edges.noteRefusedValues(synced.refusedValues);
      edges.trace?.info(`Plan: ${describeActions(synced.results.map((result) => result.action))}.`);
      return synced.results;
    });
  }
  // With prune the whole vault is read first: what to delete depends on all of it.
  const state = connection
    ? await edges.stage("Read the vault", async () => {
        const state = await readVaultState(connection.vault, desired, read);
        const unread = state.secrets.filter((secret) => secret.value.kind === "failed").length;
        edges.trace?.debug(
          `Vault state: ${state.secrets.length} secrets, ${state.deleted.length} soft-deleted, ${unread} values not readable${state.deletedUnavailable ? ", deleted secrets not listed" : ""}`,
        );
        return state;
      })
    : undefined;
  const refused = (state?.secrets ?? []).filter(
    (secret) => secret.value.kind === "failed" && isAccessDenied(secret.value.failure.kind),
  ).length;
  if (refused > 0) edges.noteRefusedValues(refused);
  const plan = await edges.stage("Plan", () => {
    const plan = planChanges({ desired, rejected, state, options: planOptions });
    edges.trace?.info(`Plan: ${describeActions(plan.items.map((item) => item.action))}.`);
    return plan;
  });
  // The one place a dry run is told apart: it predicts each item's outcome, never calling the vault.
  if (inputs.dryRun) return edges.stage("Apply (dry run: nothing is written)", () => predictResults(plan));
  if (connection === undefined) throw new SyncError("Failed to apply the plan: no vault client, and this is not a dry run");
  return edges.stage("Apply", () => applyPlan(plan, connection.vault, applyOptions(connection.claims, plan.items.length)));
}

/** The settings' metadata: the defaults every rule starts from. */
function readDefaults(inputs: SyncSettings): SecretMetadata {
  return { contentType: inputs.contentType, tags: inputs.tags, expiresInSeconds: inputs.expiresInSeconds };
}

/**
 * Reads the sources and names them with the rules, before any network. Warns about each
 * include/exclude pattern that matched nothing, and fails a run whose sources hold entries but
 * whose patterns selected none: a deploy that syncs nothing must not be green.
 */
async function nameSources<S extends SyncSettings>(
  inputs: S,
  edges: SyncEdges<S>,
): Promise<{ inputs: S; desired: DesiredSecret[]; rejected: Rejection[] }> {
  const entries = await readSources(
    { secretsJson: inputs.secretsJson, envFiles: inputs.envFiles },
    { readFile: (path) => edges.readFile(path), mask: (value) => edges.mask(value), warn: (message) => edges.warning(message, "env-file") },
  );
  const rules = await readRules({ text: inputs.rules, file: inputs.rulesFile }, (path) => edges.readFile(path));
  const naming = { include: inputs.include, exclude: inputs.exclude, prefix: inputs.prefix, transform: inputs.nameTransform };
  const { desired, rejected } = nameSecretsWithRules(entries, naming, rules, readDefaults(inputs));
  const keys = entries.map((entry) => entry.key);
  for (const unused of findUnusedPatterns(keys, inputs)) edges.unusedPattern(unused);
  if (keys.length > 0 && desired.length + rejected.length === 0) {
    const { message, hint } = explainEmptySelection(keys, inputs);
    throw new SyncError(message, hint);
  }
  const skipped = rejected.filter((rejection) => rejection.status === "skipped").length;
  const excluded = entries.length - desired.length - rejected.length;
  edges.trace?.info(
    `Read ${entries.length} source entries: ${desired.length} to sync, ${skipped} empty (skipped), ` +
      `${rejected.length - skipped} failing the naming rules, ${excluded} left out (include/exclude, github_token).`,
  );
  return { inputs, desired, rejected };
}

/** "3 create, 1 delete, 56 unchanged": the actions, with counts. */
function describeActions(actions: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
  return counts.size === 0 ? "nothing to do" : [...counts].map(([action, count]) => `${count} ${action}`).join(", ");
}
