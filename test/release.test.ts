import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nextVersion, releaseChangelog, releaseNotes } from "../scripts/release.ts";

const changelog = `# Changelog

Intro.

## [Unreleased]

### Added

- Sync from dotenv files.

### Fixed

- Retry 429 without Retry-After.

## [0.9.0] - 2026-01-02

- Older.
`;

describe("nextVersion", () => {
  it.each([
    ["0.0.0", "1.0.0", "1.0.0"],
    ["1.2.3", "v1.3.0", "1.3.0"],
    ["1.2.3", "major", "2.0.0"],
    ["1.2.3", "minor", "1.3.0"],
    ["1.2.3", "patch", "1.2.4"],
  ])("%s + %s -> %s", (current, request, next) => {
    expect(nextVersion(current, request)).toBe(next);
  });

  it.each([
    ["1.2.3", "1.2.3", "must be greater than the current 1.2.3"],
    ["1.2.3", "1.0.0", "must be greater"],
    ["1.2.3", "next", "must be X.Y.Z, major, minor or patch"],
  ])("refuses %s + %s", (current, request, message) => {
    expect(() => nextVersion(current, request)).toThrow(message);
  });
});

describe("releaseChangelog and releaseNotes", () => {
  it("turns Unreleased into the version's section under a new empty Unreleased", () => {
    const released = releaseChangelog(changelog, "1.0.0", "2026-11-27");
    expect(released).toContain("## [Unreleased]\n\n## [1.0.0] - 2026-11-27\n\n### Added\n\n- Sync from dotenv files.");
    expect(releaseNotes(released, "1.0.0")).toBe("### Added\n\n- Sync from dotenv files.\n\n### Fixed\n\n- Retry 429 without Retry-After.");
    expect(releaseNotes(released, "v0.9.0")).toBe("- Older.");
  });

  it.each([
    ["no Unreleased section", changelog.replace("## [Unreleased]", "## Next"), "1.0.0", 'no "## [Unreleased]" section'],
    ["an Unreleased section without changes", releaseChangelog(changelog, "1.0.0", "2026-11-27"), "1.1.0", "lists no change"],
    ["a section for the version already", changelog, "0.9.0", "already has a section for 0.9.0"],
  ])("refuses a changelog with %s", (_, text, version, message) => {
    expect(() => releaseChangelog(text, version, "2026-11-27")).toThrow(message);
  });

  it("says when a version has no section", () => {
    expect(() => releaseNotes(changelog, "2.0.0")).toThrow("no section for 2.0.0");
  });

  it("finds the Unreleased section in the project's CHANGELOG.md", () => {
    expect(() => releaseChangelog(readFileSync("CHANGELOG.md", "utf8"), "99.0.0", "2026-11-27")).not.toThrow();
  });
});

// `npm run release` on a scratch repository made of the project's package files and the script.
describe("npm run release on a scratch repository", () => {
  const repo = mkdtempSync(join(tmpdir(), "kvs-release-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Release Test",
    GIT_AUTHOR_EMAIL: "release@example.com",
    GIT_COMMITTER_NAME: "Release Test",
    GIT_COMMITTER_EMAIL: "release@example.com",
  };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, env, encoding: "utf8" }).trim();
  const release = (...args: string[]) =>
    execFileSync(process.execPath, ["scripts/release.ts", ...args], { cwd: repo, env, encoding: "utf8", stdio: "pipe" });
  const version = () => (JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { version: string }).version;
  const lockVersion = () => (JSON.parse(readFileSync(join(repo, "package-lock.json"), "utf8")) as { version: string }).version;

  const note = (line: string) => {
    const path = join(repo, "CHANGELOG.md");
    writeFileSync(path, readFileSync(path, "utf8").replace("## [Unreleased]\n", `## [Unreleased]\n\n### Changed\n\n${line}\n`));
    git("commit", "--quiet", "-am", "Note a change");
  };

  it("commits, tags vX.Y.Z and moves vX for each release", { timeout: 60_000 }, () => {
    mkdirSync(join(repo, "scripts"));
    for (const file of ["package.json", "package-lock.json", ".npmrc", "scripts/release.ts"]) copyFileSync(file, join(repo, file));
    writeFileSync(join(repo, "CHANGELOG.md"), changelog);
    git("init", "--quiet", "--initial-branch=main");
    git("add", ".");
    git("commit", "--quiet", "-m", "Start");
    const start = version();

    const output = release("1.0.0");
    expect(output).toContain("git push origin main v1.0.0");
    expect(version()).toBe("1.0.0");
    expect(lockVersion()).toBe("1.0.0");
    expect(git("status", "--porcelain")).toBe("");
    expect(git("log", "-1", "--format=%s")).toBe("Release v1.0.0");
    expect(git("rev-parse", "v1.0.0^{commit}")).toBe(git("rev-parse", "HEAD"));
    expect(git("rev-parse", "v1^{commit}")).toBe(git("rev-parse", "HEAD"));
    expect(git("show", "HEAD~1:package.json")).toContain(`"version": "${start}"`);
    const notes = release("notes", "1.0.0").trim();
    expect(notes).toBe("### Added\n\n- Sync from dotenv files.\n\n### Fixed\n\n- Retry 429 without Retry-After.");
    expect(git("tag", "-l", "--format=%(contents)", "v1.0.0")).toContain("- Sync from dotenv files.");

    // Nothing noted since: a second release is refused and changes nothing.
    expect(() => release("patch")).toThrow(/lists no change/);
    expect(git("status", "--porcelain")).toBe("");

    note("- Include globs.");
    release("minor");
    expect(git("rev-parse", "v1^{commit}")).toBe(git("rev-parse", "v1.1.0^{commit}"));
    expect(git("rev-parse", "v1.0.0^{commit}")).toBe(git("rev-parse", "HEAD~2"));
    expect(release("notes", "1.1.0").trim()).toBe("### Changed\n\n- Include globs.");

    note("- Remove the `auth` input.");
    release("major");
    expect(git("tag", "--list")).toBe(["v1", "v1.0.0", "v1.1.0", "v2", "v2.0.0"].join("\n"));
    expect(git("rev-parse", "v1^{commit}")).toBe(git("rev-parse", "v1.1.0^{commit}"));
  });

  it("refuses to release from a work tree with uncommitted changes", () => {
    writeFileSync(join(repo, "CHANGELOG.md"), changelog);
    expect(() => release("patch")).toThrow(/uncommitted changes/);
    git("checkout", "--", "CHANGELOG.md");
  });
});
