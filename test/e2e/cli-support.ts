/**
 * The CLI as a new user gets it: `npm pack` of this repository, installed from the tarball into
 * an empty directory with no registry (the package has no dependencies: everything is in
 * dist/cli), and its `keyvault-sync` bin run with Node 24 and nothing but the environment given.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { findLeaks } from "../../tools/leak-check.ts";
import type { ActionRun } from "../../tools/run-action.ts";

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface InstalledCli {
  /** The installed bin, node_modules/.bin/keyvault-sync. */
  bin: string;
  /** A scratch directory for projects; removed by dispose(). */
  root: string;
  dispose(): void;
}

const REPOSITORY = resolve(import.meta.dirname, "../..");

export function packAndInstall(): InstalledCli {
  const root = mkdtempSync(join(tmpdir(), "kvs-cli-"));
  const packDir = join(root, "pack");
  const appDir = join(root, "app");
  mkdirSync(packDir);
  mkdirSync(appDir);
  // cwd outside the repository: its .npmrc must not shape the user's install.
  const npm = { cwd: root, stdio: "pipe" as const, env: { ...process.env, npm_config_json: "false", npm_config_update_notifier: "false" } };
  execFileSync("npm", ["pack", REPOSITORY, "--pack-destination", packDir, "--silent"], npm);
  const tarball = readdirSync(packDir).find((file) => file.endsWith(".tgz"));
  if (tarball === undefined) throw new Error("npm pack wrote no tarball");
  execFileSync("npm", ["install", "--no-save", "--offline", "--no-audit", "--no-fund", "--prefix", appDir, join(packDir, tarball)], npm);
  return {
    bin: join(appDir, "node_modules", ".bin", "keyvault-sync"),
    root,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A project directory with these files, inside the scratch root. */
export function makeProject(cli: InstalledCli, name: string, files: Record<string, string>): string {
  const dir = join(cli.root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content, { mode: 0o600 });
  return dir;
}

/**
 * Runs the bin (its `#!/usr/bin/env node` finds this test's Node 24 first on PATH) in `cwd`
 * with only `env` and a PATH: nothing from the test runner's own environment leaks in.
 */
export function runCli(cli: InstalledCli, args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<CliRun> {
  const path = [dirname(process.execPath), ...(process.env["PATH"] ?? "").split(delimiter)].join(delimiter);
  return new Promise((resolvePromise) => {
    execFile(
      cli.bin,
      [...args],
      { cwd: options.cwd, env: { PATH: path, HOME: cli.root, ...options.env }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolvePromise({ exitCode: code, stdout, stderr });
      },
    );
  });
}

/** The Action's leak scan over a CLI run: stdout (table or JSON) and stderr. */
export function findCliLeaks(run: CliRun, values: readonly string[]): ReturnType<typeof findLeaks> {
  const asRun: ActionRun = {
    exitCode: run.exitCode,
    stdout: run.stdout,
    stderr: run.stderr,
    outputs: {},
    summary: "",
    annotations: [],
    masked: [],
    visibleLog: run.stdout,
    referencesFile: undefined,
    timing: { lastOutputMs: 0, exitMs: 0 },
  };
  return findLeaks(asRun, values);
}
