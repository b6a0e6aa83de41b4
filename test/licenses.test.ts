import { describe, expect, it } from "vitest";
import {
  checkLicenses,
  isAllowedLicense,
  packageDirOf,
  readBundledPackage,
  renderLicenses,
  type BundledPackage,
} from "../scripts/licenses.ts";

// Real installed packages, so the notices are the texts the bundle would carry.
const installed = [
  "node_modules/@actions/core",
  "node_modules/jsonwebtoken",
  "node_modules/semver",
  "node_modules/ecdsa-sig-formatter",
].map((dir) => readBundledPackage(dir));

describe("checkLicenses", () => {
  it("accepts the notices rendered for the packages", () => {
    expect(checkLicenses(installed, renderLicenses(installed))).toEqual([]);
  });

  it("names a package whose section was removed from licenses.txt", () => {
    const withoutOne = renderLicenses(installed.filter((pkg) => pkg.name !== "semver"));
    const semver = installed.find((pkg) => pkg.name === "semver")!;
    expect(checkLicenses(installed, withoutOne)).toEqual([`semver@${semver.version}: no section in licenses.txt`]);
  });

  it("names a package whose section lacks its notice text", () => {
    const jsonwebtoken = installed.find((pkg) => pkg.name === "jsonwebtoken")!;
    const text = renderLicenses(installed).replace(jsonwebtoken.notices[0]!.text, "");
    expect(checkLicenses(installed, text)).toEqual([
      `jsonwebtoken@${jsonwebtoken.version}: its section in licenses.txt lacks the text of LICENSE`,
    ]);
  });

  it.each<[string, Partial<BundledPackage>, string]>([
    ["a licence off the allow list", { license: "GPL-3.0-only" }, "licence GPL-3.0-only is not on the allow list"],
    ["no licence field", { license: undefined }, "licence (none declared) is not on the allow list"],
    ["no notice file", { notices: [] }, "the package ships no LICENSE, LICENCE, COPYING or NOTICE file"],
  ])("fails a package with %s", (_, change, message) => {
    const pkg: BundledPackage = {
      name: "left-pad",
      version: "1.3.0",
      license: "MIT",
      notices: [{ file: "LICENSE", text: "MIT License, (c) someone" }],
      ...change,
    };
    const problems = checkLicenses([pkg], renderLicenses([pkg]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`left-pad@1.3.0: ${message}`);
  });
});

describe("isAllowedLicense", () => {
  it.each<[string | undefined, boolean]>([
    ["MIT", true],
    ["Apache-2.0", true],
    ["(MIT OR GPL-3.0-only)", true],
    ["GPL-3.0-only OR LGPL-2.1-only", false],
    ["MIT AND ISC", true],
    ["MIT AND GPL-2.0-only", false],
    ["(MIT OR ISC) AND GPL-2.0-only", false],
    ["Apache-2.0 WITH LLVM-exception", false],
    ["UNLICENSED", false],
    [undefined, false],
  ])("%s -> %s", (expression, allowed) => {
    expect(isAllowedLicense(expression)).toBe(allowed);
  });
});

describe("packageDirOf", () => {
  it.each<[string, string | undefined]>([
    ["/r/node_modules/@scope/name/lib/a.js", "/r/node_modules/@scope/name"],
    ["/r/node_modules/ms/index.js", "/r/node_modules/ms"],
    ["/r/src/main.ts", undefined],
    ["/r/node_modules/@scope", undefined],
  ])("packageDirOf(%s) = %s", (file, dir) => {
    expect(packageDirOf(file)).toBe(dir);
  });
});
