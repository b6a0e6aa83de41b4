import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileRefusedError, listFileRoots, readEnvFile, type FileRoots } from "../../../src/engine/sources/env-file-access.ts";

/**
 * A real directory tree: base/workspace (the checkout), base/temp (RUNNER_TEMP), base/outside,
 * and a symlink to the workspace, so every rule runs against the file system it is about.
 */
let base: string;
let roots: FileRoots;
const at = (...parts: string[]): string => join(base, ...parts);

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), "kvs-access-")));
  for (const dir of ["workspace/deploy", "temp", "outside"]) mkdirSync(at(dir), { recursive: true });
  writeFileSync(at("workspace/deploy/app.env"), "A=1");
  writeFileSync(at("temp/generated.env"), "T=1");
  writeFileSync(at("outside/secret.env"), "S=1");
  symlinkSync(at("outside/secret.env"), at("workspace/escape.env"));
  symlinkSync(at("outside"), at("workspace/linked-dir"));
  symlinkSync(at("workspace/deploy/app.env"), at("workspace/inside-link.env"));
  symlinkSync("/proc/self/environ", at("workspace/environ.env"));
  symlinkSync("/dev/null", at("workspace/null.env"));
  symlinkSync(at("workspace"), at("workspace-link"));
  execFileSync("mkfifo", [at("workspace/pipe.env")]);
  roots = { workspace: at("workspace"), temp: at("temp") };
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const OUTSIDE =
  "resolves (after following symlinks) to a file outside the workspace (GITHUB_WORKSPACE) and the runner's temporary directory (RUNNER_TEMP); env-file reads only files inside them";
const SPECIAL = "resolves into /proc, /sys or /dev; env-file reads only regular files in the workspace or RUNNER_TEMP";
const NOT_REGULAR = "is not a regular file (a directory, device, pipe or socket); env-file reads only regular files";

describe("readEnvFile", () => {
  it.each([
    ["a file in the workspace", () => at("workspace/deploy/app.env"), "A=1"],
    ["a path with ../ that stays inside", () => at("workspace/deploy/../deploy/app.env"), "A=1"],
    ["a symlink to a file inside", () => at("workspace/inside-link.env"), "A=1"],
    ["a file in RUNNER_TEMP", () => at("temp/generated.env"), "T=1"],
  ])("reads %s", async (_name, path, content) => {
    expect(new TextDecoder().decode(await readEnvFile(path(), roots))).toBe(content);
  });

  it("reads through a workspace that is itself reached by a symlink", async () => {
    const linked = { workspace: at("workspace-link"), temp: undefined };
    expect(new TextDecoder().decode(await readEnvFile(at("workspace-link/deploy/app.env"), linked))).toBe("A=1");
  });

  it.each([
    ["../ out of the workspace", () => at("workspace/../outside/secret.env"), OUTSIDE],
    ["an absolute path elsewhere", () => at("outside/secret.env"), OUTSIDE],
    ["a symlink pointing outside", () => at("workspace/escape.env"), OUTSIDE],
    ["a file under a symlinked directory pointing outside", () => at("workspace/linked-dir/secret.env"), OUTSIDE],
    ["/proc/self/environ", () => "/proc/self/environ", SPECIAL],
    ["a symlink to /proc/self/environ", () => at("workspace/environ.env"), SPECIAL],
    ["a symlink to /dev/null", () => at("workspace/null.env"), SPECIAL],
    ["/etc/passwd", () => "/etc/passwd", OUTSIDE],
    ["a directory", () => at("workspace/deploy"), NOT_REGULAR],
    ["the workspace itself", () => at("workspace"), NOT_REGULAR],
    ["a named pipe (without hanging)", () => at("workspace/pipe.env"), NOT_REGULAR],
  ])("refuses %s", async (_name, path, rule) => {
    const error = await readEnvFile(path(), roots).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileRefusedError);
    expect((error as FileRefusedError).rule).toBe(rule);
  });

  it("refuses /proc even when a root lies inside it", async () => {
    const error = await readEnvFile("/proc/self/environ", { workspace: "/proc/self", temp: undefined }).catch((caught: unknown) => caught);
    expect((error as FileRefusedError).rule).toBe(SPECIAL);
  });

  it("passes the file system's error code through for a missing file", async () => {
    const error = await readEnvFile(at("workspace/missing.env"), roots).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(FileRefusedError);
    expect((error as { code?: string }).code).toBe("ENOENT");
  });
});

describe("listFileRoots", () => {
  it.each([
    [
      { GITHUB_WORKSPACE: "/w", RUNNER_TEMP: "/t" },
      { workspace: "/w", temp: "/t" },
    ],
    [
      { GITHUB_WORKSPACE: " /w ", RUNNER_TEMP: "" },
      { workspace: "/w", temp: undefined },
    ],
    [{}, { workspace: "/cwd", temp: undefined }],
    [{ GITHUB_WORKSPACE: "" }, { workspace: "/cwd", temp: undefined }],
  ])("%j -> %j", (env, expected) => {
    expect(listFileRoots(env, "/cwd")).toEqual(expected);
  });
});
