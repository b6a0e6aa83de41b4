/**
 * Results of typical runs, for the summary tests: built like apply builds them, with hints
 * from the action's own hint tables, so the summary is tested on what it will really show.
 */
import type { ChangeResult, ResultStatus } from "../../src/engine/apply.ts";
import { createVaultError } from "../../src/engine/vault/vault-errors.ts";
import type { PlanAction } from "../../src/engine/plan-items.ts";
import type { SummaryContext } from "../../src/action/summary.ts";

export const VAULT_URL = "https://demo-vault.vault.azure.net";
export const SHA = "0123456789abcdef0123456789abcdef01234567";
export const CLIENT_ID = "5b1f6f2e-2a53-4c1e-8f0d-6e7a9c3b1d42";

const ACTION_FOR: Record<ResultStatus, PlanAction> = {
  created: "create",
  updated: "update",
  unchanged: "unchanged",
  recovered: "recover",
  deleted: "delete",
  skipped: "skip",
  failed: "fail",
};

export function result(name: string, status: ResultStatus, overrides: Partial<ChangeResult> = {}): ChangeResult {
  return {
    source: name.replaceAll("-", "_"),
    name,
    action: ACTION_FOR[status],
    status,
    reason: `reason for ${name}`,
    origin: { kind: "secrets" },
    ...overrides,
  };
}

export function context(overrides: Partial<SummaryContext> = {}): SummaryContext {
  return {
    vaultUrl: VAULT_URL,
    dryRun: false,
    dryRunReason: "dry-run: auto, push event",
    notes: [],
    settings: { prefix: "", owner: "octo-org/octo-repo", prune: false, adopt: false },
    links: {
      serverUrl: "https://github.com",
      repository: "octo-org/octo-repo",
      sha: SHA,
      workspace: "/runner/work/octo-repo",
      cwd: "/runner/work/octo-repo",
    },
    ...overrides,
  };
}

const names = (count: number, stem = "SECRET") =>
  Array.from({ length: count }, (_, index) => `${stem}-${String(index + 1).padStart(2, "0")}`);

/** 60 secrets from a dotenv file, 2 of them updated (rows 8 and 34 in name order). */
export function sixtyWithTwoUpdates(): ChangeResult[] {
  return names(60).map((name, index) =>
    result(name, index === 7 || index === 33 ? "updated" : "unchanged", {
      origin: { kind: "dotenv", file: "deploy/production.env", line: index + 2 },
      reason: index === 7 || index === 33 ? "value changed: a new version was written" : "value and metadata match",
    }),
  );
}

/** A pull request's plan with prune on: 3 deletes among 20 unchanged secrets and 1 create. */
export function planThatDeletes(): ChangeResult[] {
  const kept = names(20, "APP").map((name) => result(name, "unchanged", { reason: "value and metadata match" }));
  const deleted = ["APP-05-OLD", "LEGACY-TOKEN", "ZZ-UNUSED"].map((name) =>
    result(name, "deleted", {
      source: undefined,
      origin: undefined,
      reason: "managed by this owner under this prefix and in no source: pruned",
    }),
  );
  return [...kept, ...deleted, result("APP-NEW", "created", { reason: "new secret" })];
}

/** Five writes refused by RBAC (one fix for all), among 10 secrets. */
export function fiveFailuresOneFix(): ChangeResult[] {
  const failed = names(5, "API").map((name) => {
    const error = createVaultError(
      {
        kind: "forbidden-rbac",
        status: 403,
        code: "Forbidden",
        innerCode: "ForbiddenByRbac",
        message: "Caller is not authorized to perform action on resource.",
      },
      "set",
      { vaultUrl: VAULT_URL, secretName: name, clientId: CLIENT_ID },
    );
    return result(name, "failed", { action: "create", reason: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) });
  });
  return [...failed, ...names(5, "DB").map((name) => result(name, "unchanged"))];
}
