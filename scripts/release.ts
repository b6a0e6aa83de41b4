/**
 * Prepares a release in one command, on a clean work tree:
 *
 *   npm run release -- 1.2.3 | major | minor | patch
 *
 * sets the version in package.json and package-lock.json, turns CHANGELOG.md's "Unreleased"
 * section into the version's section (dated today, UTC) under a new empty "Unreleased", commits,
 * tags `v1.2.3` and moves the major tag `v1` to it, all locally. Pushing is left to the person:
 * the command prints what to push, and the release workflow publishes the release once dist/ and
 * the tests check out.
 *
 *   node scripts/release.ts notes 1.2.3
 *
 * prints the CHANGELOG section of a version: the release notes the workflow publishes.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const unreleasedHeading = /^## \[Unreleased\][ \t]*$/m;

/** The version after `current` for an exact `X.Y.Z` (a leading `v` is allowed) or a bump keyword. */
export function nextVersion(current: string, request: string): string {
  const exact = /^v?(\d+\.\d+\.\d+)$/.exec(request);
  const parts = /^(\d+)\.(\d+)\.(\d+)$/.exec(current)?.slice(1).map(Number);
  if (parts === undefined) throw new Error(`package.json's version ${current} is not X.Y.Z`);
  const [major, minor, patch] = parts as [number, number, number];
  let next: string;
  if (exact?.[1] !== undefined) next = exact[1];
  else if (request === "major") next = `${major + 1}.0.0`;
  else if (request === "minor") next = `${major}.${minor + 1}.0`;
  else if (request === "patch") next = `${major}.${minor}.${patch + 1}`;
  else throw new Error(`The release version must be X.Y.Z, major, minor or patch (got "${request}")`);
  if (compareVersions(next, current) <= 0) throw new Error(`The release version ${next} must be greater than the current ${current}`);
  return next;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number)) as [number[], number[]];
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** CHANGELOG.md with "Unreleased" renamed to the version and date, and a new empty "Unreleased". */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  const heading = unreleasedHeading.exec(changelog);
  if (heading === null) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  if (
    sectionBody(changelog, heading.index)
      .split("\n")
      .every((line) => !/^\s*[-*] /.test(line))
  ) {
    throw new Error('CHANGELOG.md\'s "Unreleased" section lists no change: add the notes before releasing');
  }
  if (new RegExp(`^## \\[${version.replaceAll(".", "\\.")}\\]`, "m").test(changelog)) {
    throw new Error(`CHANGELOG.md already has a section for ${version}`);
  }
  return `${changelog.slice(0, heading.index)}## [Unreleased]\n\n## [${version}] - ${date}${changelog.slice(heading.index + heading[0].length)}`;
}

/** The body of a version's CHANGELOG section: the release notes. */
export function releaseNotes(changelog: string, version: string): string {
  const heading = new RegExp(`^## \\[v?${version.replace(/^v/, "").replaceAll(".", "\\.")}\\].*$`, "m").exec(changelog);
  if (heading === null) throw new Error(`CHANGELOG.md has no section for ${version}`);
  const body = sectionBody(changelog, heading.index).trim();
  if (body === "") throw new Error(`CHANGELOG.md's section for ${version} is empty`);
  return body;
}

/** The text after the `## ` heading at `start`, up to the next `## ` heading. */
function sectionBody(changelog: string, start: number): string {
  const afterHeading = changelog.indexOf("\n", start);
  if (afterHeading < 0) return "";
  const rest = changelog.slice(afterHeading + 1);
  const next = /^## /m.exec(rest);
  return next === null ? rest : rest.slice(0, next.index);
}

function git(...args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function prepareRelease(request: string): void {
  if (git("status", "--porcelain") !== "") throw new Error("The work tree has uncommitted changes: commit or stash them first");
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  const version = nextVersion(manifest.version, request);
  const tag = `v${version}`;
  const major = `v${version.split(".")[0]}`;
  if (git("tag", "--list", tag) !== "") throw new Error(`The tag ${tag} exists already`);

  const changelog = releaseChangelog(readFileSync("CHANGELOG.md", "utf8"), version, new Date().toISOString().slice(0, 10));
  execFileSync("npm", ["version", version, "--no-git-tag-version", "--no-commit-hooks"], { stdio: "ignore" });
  writeFileSync("CHANGELOG.md", changelog);
  git("add", "package.json", "package-lock.json", "CHANGELOG.md");
  git("commit", "--quiet", "-m", `Release ${tag}`);
  git("tag", "-a", tag, "-m", `${tag}\n\n${releaseNotes(changelog, version)}`);
  // The major tag is a plain pointer to the commit, as the release workflow sets it on GitHub.
  git("tag", "--force", major, `${tag}^{commit}`);
  const branch = git("rev-parse", "--abbrev-ref", "HEAD");
  console.log(`Prepared ${tag}: committed on ${branch}, tagged ${tag}, moved ${major} to it (locally).`);
  console.log(`Push it with:  git push origin ${branch} ${tag}`);
  console.log(`The release workflow then checks dist/ and the tests, publishes the release and moves ${major} on GitHub.`);
}

if (import.meta.main) {
  const [command, argument] = process.argv.slice(2);
  try {
    if (command === "notes" && argument !== undefined) console.log(releaseNotes(readFileSync("CHANGELOG.md", "utf8"), argument));
    else if (command !== undefined && argument === undefined) prepareRelease(command);
    else throw new Error("Usage: npm run release -- <X.Y.Z | major | minor | patch>, or: node scripts/release.ts notes <X.Y.Z>");
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
