import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLicenses, type BundledPackage } from "../scripts/licenses.ts";

/** Every file under `dir`, as paths relative to it: dist/ holds the Action and dist/cli/ the CLI. */
function listFiles(dir: string, under = ""): string[] {
  return readdirSync(join(dir, under))
    .flatMap((name) => (statSync(join(dir, under, name)).isDirectory() ? listFiles(dir, join(under, name)) : [join(under, name)]))
    .sort();
}

// dist/ is what the runner executes and dist/cli/ what npx runs; both must be exactly what
// `npm run bundle` makes of src/.
describe("dist/", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kvs-dist-"));
  const fresh = join(scratch, "dist");
  const packagesFile = join(scratch, "packages.json");
  let packages: BundledPackage[] = [];
  beforeAll(() => {
    execFileSync(process.execPath, ["scripts/bundle.ts", fresh, "--packages", packagesFile], { stdio: "pipe" });
    packages = JSON.parse(readFileSync(packagesFile, "utf8")) as BundledPackage[];
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("matches a fresh bundle of src/", () => {
    const committed = listFiles("dist");
    expect(committed).toEqual(expect.arrayContaining(["index.js", "licenses.txt", join("cli", "index.js"), join("cli", "licenses.txt")]));
    expect(committed).toEqual(listFiles(fresh));
    const stale = committed.filter((file) => !readFileSync(join("dist", file)).equals(readFileSync(join(fresh, file))));
    expect(stale, "stale files in dist/: run `npm run bundle` and commit dist/").toEqual([]);
  });

  it("has LF line endings only, and git knows it as generated with LF endings", () => {
    expect(listFiles("dist").filter((file) => readFileSync(join("dist", file), "utf8").includes("\r"))).toEqual([]);
    const attributes = execFileSync("git", ["check-attr", "linguist-generated", "eol", "--", "dist/index.js"], { encoding: "utf8" });
    expect(attributes).toBe("dist/index.js: linguist-generated: true\ndist/index.js: eol: lf\n");
  });

  it("carries the notice of every package the bundle contains, each under an allowed licence", () => {
    expect(packages.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(["@actions/core", "@azure/identity", "jsonwebtoken", "zod"]));
    expect(checkLicenses(packages, readFileSync("dist/licenses.txt", "utf8") + readFileSync("dist/cli/licenses.txt", "utf8"))).toEqual([]);
  });

  it("gives the CLI its own notices, a shebang, and no @actions/core (only the Action imports it)", () => {
    const cli = readFileSync("dist/cli/index.js", "utf8");
    expect(cli.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(readFileSync("dist/cli/licenses.txt", "utf8")).toContain("@azure/identity");
    expect(readFileSync("dist/cli/licenses.txt", "utf8")).not.toContain("@actions/core@");
  });

  it("ships no browser sign-in helpers: no `open` package and no executable script", () => {
    expect(packages.map((pkg) => pkg.name)).not.toContain("open");
    expect(listFiles("dist").filter((file) => !/\.(c?js|json|txt)$/.test(file))).toEqual([]);
    const mentions = listFiles("dist").filter((file) => readFileSync(join("dist", file), "utf8").includes("xdg-open"));
    expect(mentions).toEqual([]);
  });
});
