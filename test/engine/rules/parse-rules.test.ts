import { describe, expect, it } from "vitest";
import { parseRules } from "../../../src/engine/rules/parse-rules.ts";
import { describeProblem } from "../../../src/engine/rules/rule.ts";

const ORIGIN = "rules-file 'deploy/rules.yml'";

describe("parseRules", () => {
  it("reads every key of a rule, with the line of the rule and of each key", () => {
    const text = [
      "# per-secret settings",
      "DATABASE_URL:",
      "  name: db-url",
      "  content-type: text/plain",
      "  tags: { team: data, tier: 1 }",
      "  expires-in: 90d",
      "  not-before: 1h",
      "  enabled: false",
      "  renew-before: 14d",
      "  update: create-only",
    ].join("\n");
    const { rules, problems } = parseRules(text, ORIGIN);
    expect(problems).toEqual([]);
    expect(rules).toEqual([
      {
        pattern: "DATABASE_URL",
        place: { origin: ORIGIN, line: 2 },
        lines: { name: 3, "content-type": 4, tags: 5, "expires-in": 6, "not-before": 7, enabled: 8, "renew-before": 9, update: 10 },
        name: "db-url",
        contentType: "text/plain",
        tags: { team: "data", tier: "1" },
        expiresInSeconds: 90 * 86400,
        notBeforeSeconds: 3600,
        enabled: false,
        renewBeforeSeconds: 14 * 86400,
        update: "create-only",
      },
    ]);
  });

  it.each([
    { title: "empty text", text: "" },
    { title: "only a comment", text: "# nothing yet\n" },
  ])("accepts $title as no rules", ({ text }) => {
    expect(parseRules(text, ORIGIN)).toEqual({ rules: [], problems: [] });
  });

  it.each<{ title: string; text: string; expected: string[] }>([
    {
      title: "an unknown key",
      text: "A:\n  expires: 90d\n",
      expected: [
        "line 2, key 'expires': is not a rule key; known keys: name, content-type, tags, expires-in, not-before, enabled, renew-before, update",
      ],
    },
    {
      title: "a bad duration",
      text: "A:\n  expires-in: 3 months\n",
      expected: [
        "line 2, key 'expires-in': must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d",
      ],
    },
    {
      title: "a zero renew-before",
      text: "A:\n  renew-before: 0d\n",
      expected: [
        "line 2, key 'renew-before': must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d",
      ],
    },
    { title: "a bad update policy", text: "A:\n  update: never\n", expected: ["line 2, key 'update': must be 'replace' or 'create-only'"] },
    { title: "enabled as text", text: "A:\n  enabled: 'no'\n", expected: ["line 2, key 'enabled': must be true or false"] },
    {
      title: "a name Key Vault cannot hold",
      text: "A:\n  name: db_url\n",
      expected: ["line 2, key 'name': must be a Key Vault name: letters, digits and hyphens (the prefix is added in front)"],
    },
    {
      title: "a reserved tag",
      text: "A:\n  tags:\n    managed-by: me\n",
      expected: [
        "line 3, key 'tags': tag 'managed-by' is one the action writes itself (reserved: managed-by, keyvault-sync-owner, keyvault-sync-prefix, keyvault-sync-repository, keyvault-sync-run, keyvault-sync-commit, keyvault-sync-ref)",
      ],
    },
    { title: "tags as a list", text: "A:\n  tags: [a, b]\n", expected: ["line 2, key 'tags': must be a mapping of tag names to values"] },
    {
      title: "an invalid pattern",
      text: "'!A':\n  enabled: true\n",
      expected: ["line 1: the pattern starts with '!'; negation is not supported, use the exclude input instead"],
    },
    {
      title: "a rule that is not a mapping",
      text: "A: text/plain\n",
      expected: [
        "line 1: the settings of 'A' must be a mapping of keys (name, content-type, tags, expires-in, not-before, enabled, renew-before, update)",
      ],
    },
    { title: "a list at the top", text: "- A\n- B\n", expected: ["line 1: must be a mapping from source names or patterns to settings"] },
    {
      title: "a repeated pattern",
      text: "A:\n  enabled: true\nA:\n  enabled: false\n",
      expected: ["line 3: is not valid YAML (DUPLICATE_KEY)"],
    },
    { title: "broken YAML", text: "A:\n  tags: {team: data\n", expected: ["line 3: is not valid YAML (BAD_INDENT)"] },
  ])("reports $title with its line and key", ({ text, expected }) => {
    const { problems } = parseRules(text, ORIGIN);
    expect(problems.map((problem) => describeProblem(problem).replace(`${ORIGIN} `, ""))).toEqual(expected);
  });

  it("never quotes a value in a problem, even one that looks like a secret", () => {
    const secretish = "hunter2-s3cr3t";
    const texts = [
      `A:\n  expires-in: ${secretish}\n`,
      `A:\n  content-type: [${secretish}]\n`,
      `A:\n  tags: { team: [${secretish}] }\n`,
      `A:\n  name: "${secretish}!"\n`,
      `A:\n  tags: {team: ${secretish}\n`,
      `A: ${secretish}\n  b: c\n`,
    ];
    for (const text of texts) {
      const { problems } = parseRules(text, ORIGIN);
      expect(problems.length, text).toBeGreaterThan(0);
      for (const problem of problems) expect(describeProblem(problem)).not.toContain(secretish);
    }
  });
});
