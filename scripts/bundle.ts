/**
 * Builds dist/ (or another directory) from src/ with esbuild (scripts/build-bundle.ts): the
 * Action (src/action) into dist/ and the CLI (src/cli) into dist/cli/. Each bundle gets
 * licenses.txt, the licence notices of every package it contains; the build fails when one is
 * missing or not allowed.
 *
 *   node scripts/bundle.ts [out-dir] [--packages <file>]
 *
 * `--packages` also writes the packages of both bundles as JSON, for the licence test.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildActionBundle, buildBundle, listBundledInputs } from "./build-bundle.ts";
import { checkLicenses, packageDirOf, readBundledPackage, renderLicenses } from "./licenses.ts";
import type { BundledPackage } from "./licenses.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { packages: { type: "string" } } });
const outDir = positionals[0] ?? "dist";
// Start empty so nothing from an earlier build ships (chunk names change with their content).
rmSync(outDir, { recursive: true, force: true });
const BUNDLES = [
  { entry: "src/action/index.ts", dir: outDir, build: () => buildActionBundle(outDir) },
  { entry: "src/cli/index.ts", dir: join(outDir, "cli"), build: async () => [await buildBundle("src/cli/index.ts", join(outDir, "cli"))] },
];
const all = new Map<string, BundledPackage>();
for (const bundle of BUNDLES) {
  const metafiles = await bundle.build();
  const dirs = new Set(metafiles.flatMap(listBundledInputs).flatMap((file) => packageDirOf(file) ?? []));
  const packages = [...dirs].sort().map(readBundledPackage);
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
