import { describe, expect, it } from "vitest";
import {
  explainEmptySelection,
  findNameProblem,
  findUnusedPatterns,
  isSelected,
  MAX_VALUE_BYTES,
  nameSecrets,
  transformName,
  type NamingRules,
} from "../../src/engine/naming.ts";
import type { Origin, SourceEntry } from "../../src/engine/sources/source-entry.ts";

const SECRETS: Origin = { kind: "secrets" };
const dotenvAt = (line: number, file = "deploy/.env"): Origin => ({ kind: "dotenv", file, line });
const entry = (key: string, value = `value-of-${key}`, origin: Origin = SECRETS): SourceEntry => ({ key, value, origin });
const rules = (overrides: Partial<NamingRules> = {}): NamingRules => ({
  include: [],
  exclude: [],
  prefix: "",
  transform: "hyphens",
  ...overrides,
});

describe("transformName", () => {
  it.each([
    ["DB_PASS", "hyphens", "DB-PASS"],
    ["ConnectionStrings__Db", "hyphens", "ConnectionStrings--Db"],
    ["a.b", "hyphens", "a-b"],
    ["already-fine-1", "hyphens", "already-fine-1"],
    ["ünï", "hyphens", "-n-"],
    ["emoji😀x", "hyphens", "emoji-x"],
    ["DB_PASS", "none", "DB_PASS"],
    ["a.b", "none", "a.b"],
  ] as const)("%s with %s -> %s", (key, transform, expected) => {
    expect(transformName(key, transform)).toBe(expected);
  });
});

describe("isSelected", () => {
  it.each([
    ["everything by default", "DB_PASS", [], [], true],
    ["github_token never by default", "github_token", [], [], false],
    ["GITHUB_TOKEN in any case", "GITHUB_TOKEN", [], [], false],
    ["github_token not by a wildcard", "github_token", ["*"], [], false],
    ["github_token not by GITHUB_*", "github_token", ["GITHUB_*"], [], false],
    ["github_token when named exactly", "github_token", ["github_token"], [], true],
    ["github_token when named in another case", "github_token", ["GITHUB_TOKEN"], [], true],
    ["github_token named but excluded", "github_token", ["GITHUB_TOKEN"], ["github_*"], false],
    ["a similar name is ordinary", "github_token_2", [], [], true],
    ["included by a pattern", "APP_KEY", ["APP_*"], [], true],
    ["included ignoring case", "app_key", ["APP_*"], [], true],
    ["not included", "DB_PASS", ["APP_*"], [], false],
    ["one of several includes", "DB_PASS", ["APP_*", "DB_*"], [], true],
    ["excluded", "APP_DEBUG", [], ["*_DEBUG"], false],
    ["exclude wins over include", "APP_DEBUG", ["APP_*"], ["APP_DEBUG"], false],
  ])("%s", (_name, key, include, exclude, expected) => {
    expect(isSelected(key, { include, exclude })).toBe(expected);
  });
});

describe("findNameProblem", () => {
  it.each([
    ["db-pass", "hyphens", undefined],
    ["a".repeat(127), "hyphens", undefined],
    ["", "hyphens", "Key Vault names need at least one character"],
    ["a".repeat(128), "hyphens", `Key Vault names are at most 127 characters; '${"a".repeat(128)}' has 128 (prefix included)`],
    ["db_pass", "none", "Key Vault names may contain only letters, digits and hyphens; 'db_pass' has '_' (use name-transform: hyphens)"],
    [
      "a.b_c.d",
      "none",
      "Key Vault names may contain only letters, digits and hyphens; 'a.b_c.d' has '.', '_' (use name-transform: hyphens)",
    ],
    ["a b", "hyphens", "Key Vault names may contain only letters, digits and hyphens; 'a b' has ' '"],
  ] as const)("%j (%s)", (name, transform, problem) => {
    expect(findNameProblem(name, transform)).toBe(problem);
  });
});

describe("nameSecrets", () => {
  it.each([
    ["hyphens by default", [entry("DB_PASS")], rules(), ["DB-PASS"]],
    ["prefix after the transform", [entry("DB_PASS")], rules({ prefix: "shop-" }), ["shop-DB-PASS"]],
    [".NET sections", [entry("ConnectionStrings__Db")], rules(), ["ConnectionStrings--Db"]],
    ["none keeps valid names", [entry("db-pass")], rules({ transform: "none" }), ["db-pass"]],
    ["github_token dropped", [entry("github_token"), entry("A")], rules(), ["A"]],
    ["include filters", [entry("APP_A"), entry("DB_B")], rules({ include: ["app_*"] }), ["APP-A"]],
    ["exclude filters", [entry("APP_A"), entry("DB_B")], rules({ exclude: ["DB_*"] }), ["APP-A"]],
    ["sorted by name ignoring case", [entry("b"), entry("C"), entry("a")], rules(), ["a", "b", "C"]],
  ])("%s", (_name, entries, namingRules, names) => {
    const result = nameSecrets(entries, namingRules);
    expect(result.desired.map((secret) => secret.name)).toEqual(names);
    expect(result.rejected).toEqual([]);
  });

  it("carries source, value and origin through", () => {
    const origin = dotenvAt(7);
    expect(nameSecrets([entry("DB_PASS", "v1", origin)], rules({ prefix: "p-" }))).toEqual({
      desired: [{ source: "DB_PASS", name: "p-DB-PASS", value: "v1", origin }],
      rejected: [],
    });
  });

  it.each([
    [
      "an invalid name with transform none",
      entry("db_pass", "v", dotenvAt(3)),
      rules({ transform: "none" }),
      {
        source: "db_pass",
        name: "db_pass",
        origin: dotenvAt(3),
        status: "failed",
        reason: "Key Vault names may contain only letters, digits and hyphens; 'db_pass' has '_' (use name-transform: hyphens)",
      },
    ],
    [
      "a name made too long by the prefix",
      entry("K".repeat(121)),
      rules({ prefix: "prefix-" }),
      {
        source: "K".repeat(121),
        name: `prefix-${"K".repeat(121)}`,
        origin: SECRETS,
        status: "failed",
        reason: `Key Vault names are at most 127 characters; 'prefix-${"K".repeat(121)}' has 128 (prefix included)`,
      },
    ],
    [
      "an empty value",
      entry("EMPTY", ""),
      rules(),
      {
        source: "EMPTY",
        name: "EMPTY",
        origin: SECRETS,
        status: "skipped",
        reason: "the value is empty; an empty value never overwrites a secret",
      },
    ],
    [
      "a value over 25,600 bytes",
      entry("BIG", "x".repeat(MAX_VALUE_BYTES + 1)),
      rules(),
      {
        source: "BIG",
        name: "BIG",
        origin: SECRETS,
        status: "failed",
        reason: "the value is larger than Key Vault allows (25600 bytes of UTF-8)",
      },
    ],
    [
      "a value under 25,600 characters but over 25,600 UTF-8 bytes",
      entry("WIDE", "é".repeat(12_801)),
      rules(),
      {
        source: "WIDE",
        name: "WIDE",
        origin: SECRETS,
        status: "failed",
        reason: "the value is larger than Key Vault allows (25600 bytes of UTF-8)",
      },
    ],
    [
      "an empty source name",
      entry(""),
      rules(),
      { source: "", name: undefined, origin: SECRETS, status: "failed", reason: "Key Vault names need at least one character" },
    ],
  ])("rejects %s", (_name, sourceEntry, namingRules, rejection) => {
    expect(nameSecrets([sourceEntry], namingRules)).toEqual({ desired: [], rejected: [rejection] });
  });

  it("accepts a name of exactly 127 characters with the prefix", () => {
    const result = nameSecrets([entry("K".repeat(120))], rules({ prefix: "prefix-" }));
    expect(result.desired.map((secret) => secret.name.length)).toEqual([127]);
  });

  it("accepts a value of exactly 25,600 bytes", () => {
    const result = nameSecrets([entry("EDGE", "x".repeat(MAX_VALUE_BYTES))], rules());
    expect(result.desired.map((secret) => secret.name)).toEqual(["EDGE"]);
  });

  it("fails both entries when the same key comes from the secrets JSON and an env file", () => {
    const result = nameSecrets([entry("DB_PASS", "a"), entry("DB_PASS", "b", dotenvAt(3))], rules());
    expect(result.desired).toEqual([]);
    expect(result.rejected).toEqual([
      {
        source: "DB_PASS",
        name: "DB-PASS",
        origin: SECRETS,
        status: "failed",
        reason:
          "Key Vault name 'DB-PASS' collides with 'DB_PASS' (deploy/.env line 3) (Key Vault names ignore case); rename or exclude all but one",
      },
      {
        source: "DB_PASS",
        name: "DB-PASS",
        origin: dotenvAt(3),
        status: "failed",
        reason: "Key Vault name 'DB-PASS' collides with 'DB_PASS' (secrets) (Key Vault names ignore case); rename or exclude all but one",
      },
    ]);
  });

  it("finds collisions that only appear after the transform and ignoring case", () => {
    const result = nameSecrets(
      [entry("DB_PASS"), entry("db-pass", "x", dotenvAt(3)), entry("Db.Pass", "y", dotenvAt(9, "other.env")), entry("KEEP")],
      rules(),
    );
    expect(result.desired.map((secret) => secret.name)).toEqual(["KEEP"]);
    expect(result.rejected.map((rejection) => [rejection.source, rejection.status, rejection.reason])).toEqual([
      [
        "DB_PASS",
        "failed",
        "Key Vault name 'DB-PASS' collides with 'db-pass' (deploy/.env line 3) and 'Db.Pass' (other.env line 9) (Key Vault names ignore case); rename or exclude all but one",
      ],
      [
        "Db.Pass",
        "failed",
        "Key Vault name 'Db-Pass' collides with 'DB_PASS' (secrets) and 'db-pass' (deploy/.env line 3) (Key Vault names ignore case); rename or exclude all but one",
      ],
      [
        "db-pass",
        "failed",
        "Key Vault name 'db-pass' collides with 'DB_PASS' (secrets) and 'Db.Pass' (other.env line 9) (Key Vault names ignore case); rename or exclude all but one",
      ],
    ]);
  });

  it("counts an empty value in a collision: two sources for one name is the mistake", () => {
    const result = nameSecrets([entry("A_B", ""), entry("A.B", "x", dotenvAt(1))], rules());
    expect(result.desired).toEqual([]);
    expect(result.rejected.map((rejection) => rejection.status)).toEqual(["failed", "failed"]);
  });

  it("does not count filtered-out entries in collisions", () => {
    const result = nameSecrets([entry("A_B"), entry("A.B", "x", dotenvAt(1))], rules({ exclude: ["A.B"] }));
    expect(result.desired.map((secret) => [secret.source, secret.name])).toEqual([["A_B", "A-B"]]);
  });

  it("never puts a value into a reason", () => {
    const values = ["s3cret-one", "s3cret-two", "s3cret-three"];
    const result = nameSecrets([entry("X_Y", values[0]), entry("x.y", values[1], dotenvAt(2)), entry("L".repeat(200), values[2])], rules());
    expect(result.rejected).toHaveLength(3);
    for (const rejection of result.rejected) {
      for (const value of values) expect(JSON.stringify(rejection)).not.toContain(value);
    }
  });
});

describe("findUnusedPatterns and explainEmptySelection", () => {
  it.each([
    [["A", "B"], [], [], []],
    [
      ["A", "B"],
      ["A", "C*"],
      ["B", "Z"],
      [
        ["include", 2, "C*"],
        ["exclude", 2, "Z"],
      ],
    ],
    [["db_pass"], ["DB_*"], [], []],
    [
      [],
      ["*"],
      ["X"],
      [
        ["include", 1, "*"],
        ["exclude", 1, "X"],
      ],
    ],
  ])("%j with include %j, exclude %j", (keys, include, exclude, expected) => {
    const unused = findUnusedPatterns(keys, { include, exclude }).map((item) => [item.input, item.position, item.pattern]);
    expect(unused).toEqual(expected);
  });

  it.each([
    [
      ["A"],
      { include: ["B"], exclude: [] },
      "Nothing to sync: the sources hold 1 entry, and include/exclude selected none of them",
      "include pattern 1 ('B') matched no source name.",
    ],
    [
      ["A", "B"],
      { include: [], exclude: ["*"] },
      "Nothing to sync: the sources hold 2 entries, and include/exclude selected none of them",
      "Patterns match",
    ],
    [
      ["GITHUB_TOKEN"],
      { include: [], exclude: [] },
      "Nothing to sync: the sources hold only github_token, which is synced only when include names it exactly",
      "Patterns match",
    ],
  ])("explains %j", (keys, rules, message, hintStart) => {
    const explained = explainEmptySelection(keys, rules);
    expect(explained.message).toBe(message);
    expect(explained.hint.startsWith(hintStart)).toBe(true);
  });
});
