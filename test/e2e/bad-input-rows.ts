/**
 * The row runner of the bad-input tables: each row runs the bundled action (dist/index.js) as the
 * runner does, against the local Azure, and must fail the step cleanly. Shared by every table of
 * bad inputs (bad-inputs.test.ts here; other tables add rows of their own with the same checks).
 *
 * A row passes when the run
 * - exits non-zero;
 * - shows every text of `expect` in the log the runner shows (the input's name, the rule);
 * - prints no stack trace (no `    at …` frame) on stdout or stderr;
 * - shows no value, whole or in any 12-character piece, in the log, annotations, summary or
 *   outputs: neither the row's own values, nor the base secret, nor the runner's OIDC
 *   request token;
 * - leaves its vault without any secret.
 */
import { expect } from "vitest";
import { adminGet, adminPut, cloudEnv } from "../../local-azure/index.ts";
import type { Cloud } from "../../local-azure/index.ts";
import { findLeaks, makeCanary } from "../../tools/leak-check.ts";
import { githubContext, runAction } from "../../tools/run-action.ts";
import type { ActionRun } from "../../tools/run-action.ts";

export interface BadInputRow {
  name: string;
  /** Inputs over the base inputs (vault, tenant-id, client-id, secrets); "" unsets one. */
  inputs?: Record<string, string>;
  /** Files in the workspace (relative path → content). */
  files?: Record<string, string | Uint8Array>;
  /** Called with the workspace after the files are written (symlinks, pipes, …). */
  prepare?: (workspace: string) => void;
  /** Environment over the cloud's and a push's GitHub context; undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Texts the visible log must contain, such as "Invalid input 'tags'" and the rule. */
  expect: readonly string[];
  /** Values that must never show, besides the base secret and the OIDC request token. */
  values?: readonly string[];
}

/** The secret every row's base inputs carry, so a row that fails elsewhere still proves it hides it. */
export const BASE_SECRET_NAME = "CANARY_SECRET";

export interface BadInputTable {
  /** The base secret's value, for rows that build their own `secrets`. */
  baseSecret: string;
  /** Creates one empty vault per row, with the cloud's client as Secrets Officer. */
  createVaults(count: number): Promise<void>;
  /** Runs row `index` and checks it (see above); returns the run for extra checks. */
  check(row: BadInputRow, index: number): Promise<ActionRun>;
}

/** `prefix` keeps the vaults of two tables in one cloud apart (3–10 letters). */
export function createBadInputTable(cloud: Cloud, prefix: string): BadInputTable {
  const baseSecret = makeCanary("base");
  const vaultName = (index: number): string => `${prefix}-row-${index}`;
  return {
    baseSecret,
    async createVaults(count) {
      for (let index = 0; index < count; index += 1) {
        await adminPut(cloud.info.adminUrl, `/vaults/${vaultName(index)}`, {
          roles: [{ principal: cloud.info.clientId, role: "Key Vault Secrets Officer" }],
        });
      }
    },
    async check(row, index) {
      const vault = vaultName(index);
      const inputs = {
        vault,
        "tenant-id": cloud.info.tenantId,
        "client-id": cloud.info.clientId,
        secrets: JSON.stringify({ [BASE_SECRET_NAME]: baseSecret }),
        ...row.inputs,
      };
      const run = await runAction({
        inputs,
        files: row.files,
        prepare: row.prepare,
        env: { ...cloudEnv(cloud.info), ...githubContext(), ...row.env },
        timeoutMs: 30_000,
      });
      const shown = `exit ${run.exitCode}\n${run.visibleLog}\n${run.stderr}`;
      expect(run.exitCode, shown).not.toBe(0);
      for (const text of row.expect) expect(run.visibleLog, shown).toContain(text);
      expect(`${run.stdout}\n${run.stderr}`, "a stack trace").not.toMatch(/^\s+at \S/m);
      const values = [baseSecret, cloud.info.oidcRequestToken, ...(row.values ?? [])];
      expect(findLeaks(run, values), "values in the action's output").toEqual([]);
      const { secrets } = await adminGet<{ secrets: Array<{ name: string }> }>(cloud.info.adminUrl, `/vaults/${vault}/secrets`);
      expect(
        secrets.map((secret) => secret.name),
        "secrets written",
      ).toEqual([]);
      return run;
    },
  };
}
