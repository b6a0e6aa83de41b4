/**
 * The fault matrix: the bundled action syncs N secrets into a vault that fails in one way at a
 * time, and the vault is read back afterwards. Under every fault each secret is synced or named as
 * failed, a re-run writes only what had not landed, no secret gains a duplicate version, and the
 * process exits promptly after its last output. Then: runs killed with SIGKILL at random points
 * converge on a re-run, and two owners started together on the same names never leave a name
 * silently holding both.
 *
 * `npm test` runs it small; `npm run fault-matrix -- --secrets 1000` runs it at full size
 * (FAULT_MATRIX_SECRETS, FAULT_MATRIX_SEED, FAULT_MATRIX_REPORT set the size, the seed and a file
 * for the figures).
 */
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCloud } from "../../local-azure/index.ts";
import type { Cloud, CloudInfo } from "../../local-azure/index.ts";
import { createSeededRandom } from "../../local-azure/seeded-random.ts";
import { makeCanary } from "../../tools/leak-check.ts";
import { githubContext, runAction } from "../../tools/run-action.ts";
import type { ActionRun } from "../../tools/run-action.ts";
import { cloudEnv } from "../../local-azure/index.ts";
import { createVault, patchVault, readVault, runSync, WRITE_OPERATIONS } from "../../tools/vault-helpers.ts";
import type { AdminSecretView, SyncRun } from "../../tools/vault-helpers.ts";

const SECRETS = Number(process.env["FAULT_MATRIX_SECRETS"] ?? 120);
const SEED = Number(process.env["FAULT_MATRIX_SEED"] ?? 20_261_127);
const KILLS = Number(process.env["FAULT_MATRIX_KILLS"] ?? 3);
/** What the step may take after its last output: the bug this guards against took 60 s. */
const EXIT_AFTER_OUTPUT_MS = 3000;

interface Figures {
  scenario: string;
  secrets: number;
  faultsSeen: number;
  synced: number;
  failedNamed: number;
  writesOnRerun: number;
  duplicateVersions: number;
  seconds: number;
}

const figures: Figures[] = [];
let cloud: Cloud;
let info: CloudInfo;

beforeAll(async () => {
  cloud = await startCloud();
  info = cloud.info;
});

afterAll(async () => {
  await cloud?.stop();
  if (figures.length === 0) return;
  console.log(`\nfault matrix, ${SECRETS} secrets, seed ${SEED}\n${formatFigures(figures)}`);
  const report = process.env["FAULT_MATRIX_REPORT"];
  if (report) writeFileSync(report, `${JSON.stringify({ secrets: SECRETS, seed: SEED, figures }, null, 2)}\n`);
});

function formatFigures(rows: readonly Figures[]): string {
  const header = ["scenario", "faults seen", "synced", "failed (named)", "writes on re-run", "duplicate versions", "time (s)"];
  const lines = rows.map((row) =>
    [row.scenario, row.faultsSeen, row.synced, row.failedNamed, row.writesOnRerun, row.duplicateVersions, row.seconds.toFixed(1)].map(
      String,
    ),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)));
  return [header, ...lines].map((line) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")).join("\n");
}

/** Source name → value; source FM_0001 becomes vault name FM-0001. */
function makeSecrets(label: string, count = SECRETS): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (let index = 1; index <= count; index += 1) secrets[`FM_${String(index).padStart(4, "0")}`] = makeCanary(label);
  return secrets;
}

const toVaultName = (source: string): string => source.replaceAll("_", "-");

function readFailedNames(run: ActionRun): string[] {
  return JSON.parse(run.outputs["failed-names"] ?? "[]") as string[];
}

function expectPromptExit(run: ActionRun): void {
  expect(run.timing.exitMs - run.timing.lastOutputMs, "time from the last output to the exit, in ms").toBeLessThan(EXIT_AFTER_OUTPUT_MS);
}

interface VaultCheck {
  synced: string[];
  duplicates: string[];
}

/** Which sources the vault holds exactly (latest value), and which names hold more than one version. */
function checkVault(stored: readonly AdminSecretView[], secrets: Record<string, string>): VaultCheck {
  const byName = new Map(stored.filter((secret) => secret.state === "active").map((secret) => [secret.name.toLowerCase(), secret]));
  const synced = Object.entries(secrets)
    .filter(([source, value]) => byName.get(toVaultName(source).toLowerCase())?.versions.at(-1)?.value === value)
    .map(([source]) => source);
  const duplicates = stored.filter((secret) => secret.versions.length > 1).map((secret) => secret.name);
  return { synced, duplicates };
}

function countWrites(run: SyncRun): number {
  return run.vaultRequests.filter((entry) => (WRITE_OPERATIONS as readonly string[]).includes(entry.operation)).length;
}

const NO_FAULTS = { faults: { serverErrorRate: 0, dropRate: 0, dropAfterWriteRate: 0, latencyMs: 0 }, throttle: { enabled: false } };

interface FaultKind {
  scenario: string;
  vault: string;
  settings: Record<string, unknown>;
  /** The requests in which the fault showed, so a run that met no fault cannot pass. */
  isFault: (entry: SyncRun["vaultRequests"][number]) => boolean;
}

const FAULT_KINDS: FaultKind[] = [
  {
    scenario: "5xx answers",
    vault: "fm-5xx",
    settings: { faults: { serverErrorRate: 0.05, serverErrorStatus: 503, seed: SEED } },
    isFault: (entry) => entry.status === 503,
  },
  {
    scenario: "dropped connections",
    vault: "fm-drop",
    settings: { faults: { dropRate: 0.05, seed: SEED } },
    isFault: (entry) => entry.status === 0,
  },
  {
    scenario: "answers lost after the write",
    vault: "fm-lost",
    settings: { faults: { dropAfterWriteRate: 0.15, seed: SEED } },
    isFault: (entry) => entry.status === 0 && entry.operation === "SetSecret",
  },
  {
    scenario: "throttling, no Retry-After",
    vault: "fm-429",
    settings: { throttle: { enabled: true, writesPerWindow: 50, transactionsPerWindow: 150, windowMs: 2000, retryAfterSeconds: null } },
    isFault: (entry) => entry.status === 429,
  },
];

const TIMEOUT_MS = Math.max(120_000, SECRETS * 1500);

describe(`the fault matrix, ${SECRETS} secrets`, { timeout: TIMEOUT_MS }, () => {
  it.each(FAULT_KINDS)(
    "$scenario: every secret synced or named, a re-run writes only what had not landed, no duplicate version",
    async (kind) => {
      await createVault(info, kind.vault, "Key Vault Secrets Officer", kind.settings);
      const secrets = makeSecrets(kind.vault);
      const started = performance.now();
      const first = await runSync(info, kind.vault, { secrets: JSON.stringify(secrets) });
      const seconds = (performance.now() - started) / 1000;
      expectPromptExit(first);
      const faultsSeen = first.vaultRequests.filter(kind.isFault).length;
      expect(faultsSeen, "faults the vault injected during the run").toBeGreaterThan(0);

      const failed = readFailedNames(first);
      const afterFirst = checkVault(await readVault(info, kind.vault), secrets);
      const unaccounted = Object.keys(secrets).filter((source) => !afterFirst.synced.includes(source) && !failed.includes(source));
      expect(unaccounted, "neither synced nor named as failed").toEqual([]);
      expect(first.exitCode).toBe(failed.length === 0 ? 0 : 1);

      await patchVault(info, kind.vault, NO_FAULTS);
      const second = await runSync(info, kind.vault, { secrets: JSON.stringify(secrets) });
      expectPromptExit(second);
      expect(second.exitCode).toBe(0);
      const writesOnRerun = countWrites(second);
      expect(writesOnRerun, "the re-run writes exactly what had not landed").toBe(Object.keys(secrets).length - afterFirst.synced.length);
      const afterSecond = checkVault(await readVault(info, kind.vault), secrets);
      expect(afterSecond.synced).toHaveLength(SECRETS);
      expect(afterSecond.duplicates, "names with more than one version").toEqual([]);

      figures.push({
        scenario: kind.scenario,
        secrets: SECRETS,
        faultsSeen,
        synced: afterFirst.synced.length,
        failedNamed: failed.length,
        writesOnRerun,
        duplicateVersions: afterSecond.duplicates.length,
        seconds,
      });
    },
  );

  it(`converges after ${KILLS} runs killed with SIGKILL at seeded random points`, async () => {
    const vault = "fm-kill";
    await createVault(info, vault, "Key Vault Secrets Officer", { faults: { latencyMs: 5 } });
    const secrets = makeSecrets(vault);
    const random = createSeededRandom(SEED);
    const started = performance.now();
    let killed = 0;
    // Until KILLS runs were killed (a run may finish before its kill point), so the last run
    // before the re-run is always a killed one.
    // The kill window starts as a guess at how long a run of this size takes, and shrinks to the
    // measured length of any run that finished before its kill point, so faster code still gets killed.
    let window = 300 + SECRETS * 8;
    for (let attempt = 0; killed < KILLS && attempt < KILLS * 6; attempt += 1) {
      // From just after start-up to about when a run of this size ends.
      const delay = 20 + Math.floor(random() * window);
      const attemptStarted = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const outcome = await runAction({
        inputs: { vault, "tenant-id": info.tenantId, "client-id": info.clientId, secrets: JSON.stringify(secrets) },
        env: { ...cloudEnv(info), ...githubContext() },
        onSpawn: (pid) => (timer = setTimeout(() => process.kill(pid, "SIGKILL"), delay)),
      }).then(
        () => "finished",
        (error: unknown) => (String(error).includes("SIGKILL") ? "killed" : String(error)),
      );
      // A run that finished first must not leave a timer that signals its (reusable) process id.
      clearTimeout(timer);
      expect(["finished", "killed"]).toContain(outcome);
      if (outcome === "killed") killed += 1;
      else window = Math.max(30, Math.min(window, performance.now() - attemptStarted - 20));
    }
    expect(killed, "runs killed before they finished").toBe(KILLS);
    const partial = checkVault(await readVault(info, vault), secrets).synced.length;

    const rerun = await runSync(info, vault, { secrets: JSON.stringify(secrets) });
    expectPromptExit(rerun);
    expect(rerun.exitCode).toBe(0);
    const writesOnRerun = countWrites(rerun);
    expect(writesOnRerun).toBe(SECRETS - partial);
    const converged = await runSync(info, vault, { secrets: JSON.stringify(secrets) });
    expect(countWrites(converged)).toBe(0);
    const after = checkVault(await readVault(info, vault), secrets);
    expect(after.synced).toHaveLength(SECRETS);
    expect(after.duplicates).toEqual([]);
    const seconds = (performance.now() - started) / 1000;
    figures.push({
      scenario: `kill -9 (${killed} runs; 2nd re-run: ${countWrites(converged)} writes)`,
      secrets: SECRETS,
      faultsSeen: killed,
      synced: partial,
      failedNamed: 0,
      writesOnRerun,
      duplicateVersions: after.duplicates.length,
      seconds,
    });
  });

  it("two owners started together on the same names: no name silently holds both", async () => {
    const vault = "fm-race";
    // Latency stretches the runs so that both plan before either has written much.
    await createVault(info, vault, "Key Vault Secrets Officer", { faults: { latencyMs: 20 } });
    const owners = ["octo-org/team-a", "octo-org/team-b"] as const;
    const values = owners.map((owner) => makeSecrets(owner.replace("/", "-")));
    const started = performance.now();
    const runs = await Promise.all(owners.map((owner, index) => runSync(info, vault, { secrets: JSON.stringify(values[index]), owner })));
    const seconds = (performance.now() - started) / 1000;
    for (const run of runs) expectPromptExit(run);

    const failed = runs.map((run) => new Set(readFailedNames(run)));
    const stored = await readVault(info, vault);
    const both = stored.filter((secret) =>
      owners.every((owner) => secret.versions.some((version) => version.tags?.["keyvault-sync-owner"] === owner)),
    );
    expect(both.length, "names both owners wrote (the runs did race)").toBeGreaterThan(0);
    const silent = both.filter((secret) => !failed.some((names) => names.has(secret.name.replaceAll("-", "_"))));
    expect(
      silent.map((secret) => secret.name),
      "names holding both owners' versions that no run reported",
    ).toEqual([]);
    const conflicts = runs.map((run) => (run.stdout.match(/conflict: created, but owner 'octo-org\/team-[ab]'/g) ?? []).length);
    expect(conflicts[0]! + conflicts[1]!).toBeGreaterThanOrEqual(both.length);

    const bothReported = both.length - silent.length;
    figures.push({
      scenario: "two owners at once",
      secrets: SECRETS,
      faultsSeen: both.length,
      synced: SECRETS - both.length,
      failedNamed: bothReported,
      writesOnRerun: 0,
      duplicateVersions: silent.length,
      seconds,
    });
  });
});
