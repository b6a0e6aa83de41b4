/**
 * Builds dist/ (or another directory) from src/ with ncc: the Action (src/action) into dist/
 * and the CLI (src/cli) into dist/cli/. Each bundle gets licenses.txt, the licence notices of
 * every package it contains; the build fails when one is missing or not allowed.
 *
 *   node scripts/bundle.ts [out-dir] [--packages <file>]
 *
 * `--packages` also writes the packages of both bundles as JSON, for the licence test.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkLicenses, listBundledPackageDirs, readBundledPackage, renderLicenses } from "./licenses.ts";
import type { BundledPackage } from "./licenses.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { packages: { type: "string" } } });
const outDir = positionals[0] ?? "dist";
const scratch = mkdtempSync(join(tmpdir(), "kvs-bundle-"));
// ncc adds to the directory; start empty so nothing from an earlier build ships.
rmSync(outDir, { recursive: true, force: true });
const BUNDLES = [
  { entry: "src/action/index.ts", dir: outDir },
  { entry: "src/cli/index.ts", dir: join(outDir, "cli") },
];
try {
  const ncc = createRequire(import.meta.url).resolve("@vercel/ncc/dist/ncc/cli.js");
  const all = new Map<string, BundledPackage>();
  for (const [index, bundle] of BUNDLES.entries()) {
    const statsFile = join(scratch, `stats-${index}.json`);
    execFileSync(process.execPath, [ncc, "build", bundle.entry, "-o", bundle.dir, "--quiet", "--stats-out", statsFile], {
      stdio: "inherit",
    });
    // Some packages ship CRLF sources that ncc copies as they are; dist/ is LF throughout (see
    // .gitattributes), and JavaScript reads CRLF and LF alike, even inside template literals.
    for (const file of readdirSync(bundle.dir).filter((name) => name.endsWith(".js"))) {
      const path = join(bundle.dir, file);
      writeFileSync(path, readFileSync(path, "utf8").replaceAll("\r\n", "\n"));
    }
    const stats = JSON.parse(readFileSync(statsFile, "utf8")) as Parameters<typeof listBundledPackageDirs>[0];
    const packages = listBundledPackageDirs(stats).map(readBundledPackage);
    const licenses = renderLicenses(packages);
    writeFileSync(join(bundle.dir, "licenses.txt"), licenses);
    for (const pkg of packages) all.set(`${pkg.name}@${pkg.version}`, pkg);
    const problems = checkLicenses(packages, licenses);
    if (problems.length > 0) {
      console.error(`Licence check failed for ${bundle.entry}:\n${problems.map((p) => `  ${p}`).join("\n")}`);
      process.exitCode = 1;
    }
  }
  if (values.packages !== undefined) writeFileSync(values.packages, JSON.stringify([...all.values()], null, 2) + "\n");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
