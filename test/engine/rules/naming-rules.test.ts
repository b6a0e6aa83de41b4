/** The naming hook (issue 11): a rule's name replaces the transform, keeps the prefix, and collides like any name. */
import { describe, expect, it } from "vitest";
import { nameSecrets } from "../../../src/engine/naming.ts";
import type { SourceEntry } from "../../../src/engine/sources/source-entry.ts";
import { parseRules } from "../../../src/engine/rules/parse-rules.ts";
import { findRuleName } from "../../../src/engine/rules/resolve-rules.ts";

function entry(key: string, value = "v"): SourceEntry {
  return { key, value, origin: { kind: "secrets" } };
}

function nameWith(rulesText: string, keys: string[]) {
  const { rules } = parseRules(rulesText, "input 'rules'");
  return nameSecrets(
    keys.map((key) => entry(key)),
    { include: [], exclude: [], prefix: "shop-", transform: "hyphens", nameFor: (key) => findRuleName(key, rules) },
  );
}

describe("nameSecrets with rule names", () => {
  it("uses the rule's name after the prefix, and the transform for the rest", () => {
    const { desired, rejected } = nameWith("DATABASE_URL:\n  name: db-url\n", ["DATABASE_URL", "API_KEY"]);
    expect(rejected).toEqual([]);
    expect(desired.map((secret) => [secret.source, secret.name])).toEqual([
      ["API_KEY", "shop-API-KEY"],
      ["DATABASE_URL", "shop-db-url"],
    ]);
  });

  it("fails every secret that a rule's name makes collide, with another or with a transformed name", () => {
    const { desired, rejected } = nameWith("'DB_*':\n  name: db\nAPI_KEY:\n  name: DB\n", ["DB_MAIN", "DB_REPLICA", "API_KEY", "OTHER"]);
    expect(desired.map((secret) => secret.name)).toEqual(["shop-OTHER"]);
    expect(rejected.map((rejection) => [rejection.source, rejection.status])).toEqual([
      ["API_KEY", "failed"],
      ["DB_MAIN", "failed"],
      ["DB_REPLICA", "failed"],
    ]);
    expect(rejected[0]?.reason).toMatch(/^Key Vault name 'shop-DB' collides with 'DB_MAIN' \(secrets\) and 'DB_REPLICA' \(secrets\)/);
  });

  it("checks the rule's name with the prefix against Key Vault's length limit", () => {
    const { rejected } = nameWith(`A:\n  name: ${"x".repeat(125)}\n`, ["A"]);
    expect(rejected[0]?.reason).toMatch(/^Key Vault names are at most 127 characters; .* has 130 \(prefix included\)$/);
  });
});
