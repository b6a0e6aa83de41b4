/**
 * `npm run fault-matrix`: the fault matrix of test/e2e/fault-matrix.test.ts at the size you ask
 * for (`npm test` runs it at 120 secrets). Runs the bundled action against the local Azure
 * through 5xx answers, dropped connections, answers lost after the write, throttling without
 * Retry-After, SIGKILL at seeded random points and two owners racing, then prints the figures.
 *
 *   npm run fault-matrix -- --secrets 1000 [--seed 20261127] [--kills 5]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    secrets: { type: "string", default: "1000" },
    seed: { type: "string", default: "20261127" },
    kills: { type: "string", default: "5" },
  },
});
for (const [name, value] of Object.entries(args)) {
  if (!/^[1-9][0-9]*$/.test(value)) {
    console.error(`Invalid option '--${name}': must be a positive whole number`);
    process.exit(2);
  }
}

const scratch = mkdtempSync(join(tmpdir(), "kvs-fault-matrix-"));
const report = join(scratch, "figures.json");
try {
  const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "test/e2e/fault-matrix.test.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      FAULT_MATRIX_SECRETS: args.secrets,
      FAULT_MATRIX_SEED: args.seed,
      FAULT_MATRIX_KILLS: args.kills,
      FAULT_MATRIX_REPORT: report,
    },
  });
  try {
    console.log(`\n${readFileSync(report, "utf8")}`);
  } catch {
    console.error("The fault matrix wrote no figures (see the test output above).");
  }
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
