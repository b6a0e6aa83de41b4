/**
 * The licence notices of everything bundled into dist/. Which packages those are comes from the
 * bundler's metafile (scripts/build-bundle.ts): every source file with code in an output file is
 * traced to the package directory it was read from.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Licences that let the bundle ship with their notice and nothing more. */
export const allowedLicenses: readonly string[] = ["MIT", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "0BSD"];

export interface BundledPackage {
  name: string;
  version: string;
  /** The SPDX expression of package.json's `license` field, or undefined when it has none. */
  license: string | undefined;
  /** The texts of its LICENSE / LICENCE / COPYING / NOTICE files, by file name. */
  notices: { file: string; text: string }[];
}

/** `/x/node_modules/@scope/name/lib/a.js` -> `/x/node_modules/@scope/name` (innermost package). */
export function packageDirOf(file: string): string | undefined {
  const marker = "/node_modules/";
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const parts = file.slice(at + marker.length).split("/");
  const depth = parts[0]?.startsWith("@") ? 2 : 1;
  if (parts.length <= depth) return undefined;
  return file.slice(0, at + marker.length) + parts.slice(0, depth).join("/");
}

const noticeFile = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

/** Name, version, licence field and notice files of one installed package. */
export function readBundledPackage(dir: string): BundledPackage {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: unknown;
  };
  const notices = readdirSync(dir)
    .filter((file) => noticeFile.test(file) && statSync(join(dir, file)).isFile())
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8").replace(/\r\n/g, "\n").trim() }));
  const license = typeof manifest.license === "string" ? manifest.license : undefined;
  return { name: manifest.name, version: manifest.version, license, notices };
}

/** dist/licenses.txt: one section per package, sorted by name. */
export function renderLicenses(packages: readonly BundledPackage[]): string {
  const sections = [...packages]
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.version.localeCompare(b.version, "en"))
    .map((pkg) =>
      [`${pkg.name}@${pkg.version}`, `License: ${pkg.license ?? "(none declared)"}`, ...pkg.notices.map((notice) => notice.text)].join(
        "\n\n",
      ),
    );
  const head =
    "Third-party software bundled into dist/ (the Action) and dist/cli/ (the CLI) by `npm run bundle`, with the licence notice each package ships.";
  return [head, ...sections].join(`\n\n${"-".repeat(78)}\n\n`) + "\n";
}

/**
 * Whether an SPDX expression is acceptable: one allowed licence, alternatives (`OR`) of which
 * one is allowed, or a conjunction (`AND`) of allowed ones. Anything more involved (mixed
 * operators, `WITH` exceptions) is refused so that a person reads it.
 */
export function isAllowedLicense(expression: string | undefined, allowed: readonly string[] = allowedLicenses): boolean {
  if (expression === undefined) return false;
  const bare = expression.trim().replace(/^\((.*)\)$/, "$1");
  const ors = bare.split(/\s+OR\s+/);
  const ands = bare.split(/\s+AND\s+/);
  if (ors.length > 1 && ands.length > 1) return false;
  if (ors.length > 1) return ors.some((id) => allowed.includes(id.trim()));
  return ands.every((id) => allowed.includes(id.trim()));
}

/**
 * What is wrong with the notices shipped for the given packages: one message per package whose
 * licence is not allowed, which ships no notice, or whose notice is missing from `licensesText`.
 * Empty when everything is in order.
 */
export function checkLicenses(packages: readonly BundledPackage[], licensesText: string): string[] {
  const problems: string[] = [];
  for (const pkg of packages) {
    const id = `${pkg.name}@${pkg.version}`;
    if (!isAllowedLicense(pkg.license)) {
      problems.push(`${id}: licence ${pkg.license ?? "(none declared)"} is not on the allow list (${allowedLicenses.join(", ")})`);
    }
    if (pkg.notices.length === 0) {
      problems.push(`${id}: the package ships no LICENSE, LICENCE, COPYING or NOTICE file to reproduce`);
    }
    const section = sectionOf(licensesText, id);
    if (section === undefined) {
      problems.push(`${id}: no section in licenses.txt`);
    } else if (pkg.notices.some((notice) => !section.includes(notice.text))) {
      problems.push(`${id}: its section in licenses.txt lacks the text of ${pkg.notices.map((n) => n.file).join(", ")}`);
    }
  }
  return problems;
}

function sectionOf(licensesText: string, id: string): string | undefined {
  return licensesText
    .replace(/\r\n/g, "\n")
    .split(/\n-{78}\n/)
    .map((section) => section.trim())
    .find((section) => section.split("\n", 1)[0] === id);
}
