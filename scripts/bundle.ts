/**
 * Builds dist/ (or another directory) from src/ with ncc, then writes the licence notices of
 * every bundled package to licenses.txt and fails when one is missing or not allowed.
 *
 *   node scripts/bundle.ts [out-dir] [--packages <file>]
 *
 * `--packages` also writes the bundled packages as JSON, for the licence test.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkLicenses, listBundledPackageDirs, readBundledPackage, renderLicenses } from "./licenses.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { packages: { type: "string" } } });
const outDir = positionals[0] ?? "dist";
const scratch = mkdtempSync(join(tmpdir(), "kvs-bundle-"));
// ncc adds to the directory; start empty so nothing from an earlier build ships.
rmSync(outDir, { recursive: true, force: true });
try {
  const statsFile = join(scratch, "stats.json");
  const ncc = createRequire(import.meta.url).resolve("@vercel/ncc/dist/ncc/cli.js");
  execFileSync(process.execPath, [ncc, "build", "src/action/index.ts", "-o", outDir, "--quiet", "--stats-out", statsFile], {
    stdio: "inherit",
  });
  // Some packages ship CRLF sources that ncc copies as they are; dist/ is LF throughout (see
  // .gitattributes), and JavaScript reads CRLF and LF alike, even inside template literals.
  for (const file of readdirSync(outDir).filter((name) => name.endsWith(".js"))) {
    const path = join(outDir, file);
    writeFileSync(path, readFileSync(path, "utf8").replaceAll("\r\n", "\n"));
  }
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as Parameters<typeof listBundledPackageDirs>[0];
  const packages = listBundledPackageDirs(stats).map(readBundledPackage);
  const licenses = renderLicenses(packages);
  writeFileSync(join(outDir, "licenses.txt"), licenses);
  if (values.packages !== undefined) writeFileSync(values.packages, JSON.stringify(packages, null, 2) + "\n");
  const problems = checkLicenses(packages, licenses);
  if (problems.length > 0) {
    console.error(`Licence check failed for the bundle:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
