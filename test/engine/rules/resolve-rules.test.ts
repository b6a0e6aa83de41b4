import { describe, expect, it } from "vitest";
import { parseRules } from "../../../src/engine/rules/parse-rules.ts";
import { describeProblem } from "../../../src/engine/rules/rule.ts";
import type { Rule } from "../../../src/engine/rules/rule.ts";
import {
  checkRules,
  compareSpecificity,
  findRuleName,
  measureSpecificity,
  resolveSettings,
} from "../../../src/engine/rules/resolve-rules.ts";
import type { SecretSettings } from "../../../src/engine/rules/resolve-rules.ts";

const DEFAULTS: SecretSettings = { contentType: "text/plain", tags: { env: "prod" }, expiresInSeconds: undefined };

function rulesOf(text: string, origin = "input 'rules'"): Rule[] {
  const { rules, problems } = parseRules(text, origin);
  expect(problems).toEqual([]);
  return rules;
}

function problemsOf(text: string, sources: string[], defaults = DEFAULTS): string[] {
  return checkRules(rulesOf(text), sources, defaults).map(describeProblem);
}

describe("specificity", () => {
  it.each<{ more: string; less: string; why: string }>([
    { more: "API_KEY", less: "API_*", why: "an exact name beats a pattern" },
    { more: "A", less: "*", why: "an exact name beats a pattern, however short" },
    { more: "API_*", less: "A*_*", why: "fewer wildcards" },
    { more: "API_?EY", less: "API*", why: "equal wildcards, more literal characters" },
    { more: "API_K*", less: "API_*", why: "more literal characters" },
    { more: "API_[K]EY", less: "A*_K*Y", why: "a class counts as one wildcard" },
  ])("'$more' is more specific than '$less' ($why)", ({ more, less }) => {
    expect(compareSpecificity(measureSpecificity(more), measureSpecificity(less))).toBeGreaterThan(0);
    expect(compareSpecificity(measureSpecificity(less), measureSpecificity(more))).toBeLessThan(0);
  });

  it.each([
    ["API_*", "*_KEY"],
    ["A?C", "?BC"],
  ])("'%s' and '%s' tie", (a, b) => {
    expect(compareSpecificity(measureSpecificity(a), measureSpecificity(b))).toBe(0);
  });
});

describe("resolveSettings", () => {
  const rules = rulesOf(
    [
      "'*':",
      "  expires-in: 90d",
      "  renew-before: 14d",
      "  tags: { team: platform }",
      "'STRIPE_*':",
      "  update: create-only",
      "  tags: { team: payments, pci: 'yes' }",
      "STRIPE_WEBHOOK:",
      "  content-type: application/x-webhook",
      "  expires-in: 30d",
      "  name: stripe-hook",
      "  enabled: false",
      "  not-before: 1h",
    ].join("\n"),
  );

  it.each<{ source: string; expected: SecretSettings }>([
    {
      source: "DATABASE_URL",
      expected: {
        contentType: "text/plain",
        tags: { env: "prod", team: "platform" },
        expiresInSeconds: 90 * 86400,
        renewBeforeSeconds: 14 * 86400,
      },
    },
    {
      source: "stripe_key",
      expected: {
        contentType: "text/plain",
        tags: { env: "prod", team: "payments", pci: "yes" },
        expiresInSeconds: 90 * 86400,
        renewBeforeSeconds: 14 * 86400,
        update: "create-only",
      },
    },
    {
      source: "STRIPE_WEBHOOK",
      expected: {
        contentType: "application/x-webhook",
        tags: { env: "prod", team: "payments", pci: "yes" },
        expiresInSeconds: 30 * 86400,
        renewBeforeSeconds: 14 * 86400,
        update: "create-only",
        enabled: false,
        notBeforeSeconds: 3600,
      },
    },
  ])("$source: most specific key wins, tags merge over the inputs' tags", ({ source, expected }) => {
    expect(resolveSettings(source, rules, DEFAULTS)).toEqual(expected);
  });

  it("gives the name of the most specific rule that sets one, else none", () => {
    expect(findRuleName("STRIPE_WEBHOOK", rules)).toBe("stripe-hook");
    expect(findRuleName("STRIPE_KEY", rules)).toBeUndefined();
  });

  it("a tag given again in another case replaces the input's tag", () => {
    expect(resolveSettings("A", rulesOf("A:\n  tags: { ENV: staging }\n"), DEFAULTS).tags).toEqual({ ENV: "staging" });
  });
});

describe("checkRules", () => {
  it("accepts rules that each match a source, without ties or conflicting names", () => {
    expect(problemsOf("'*':\n  expires-in: 90d\nAPI_KEY:\n  name: api\n", ["API_KEY", "DB_URL"])).toEqual([]);
  });

  it.each<{ title: string; text: string; sources: string[]; defaults?: SecretSettings; expected: string[] }>([
    {
      title: "a rule that matches no source",
      text: "DB_URL:\n  expires-in: 90d\n'LEGACY_*':\n  enabled: false\n",
      sources: ["DB_URL"],
      expected: [
        "input 'rules' line 3: 'LEGACY_*' matches no source name (rules match source names as written, before prefix and name transform, ignoring case)",
      ],
    },
    {
      title: "a tie",
      text: "'API_*':\n  expires-in: 30d\n'*_KEY':\n  expires-in: 60d\n",
      sources: ["API_KEY"],
      expected: [
        "input 'rules' line 3: ties with 'API_*' (input 'rules' line 1): both match source 'API_KEY' and neither is more specific (exact name > fewer wildcards > more literal characters); make one of them more specific",
      ],
    },
    {
      title: "two rules naming one secret differently",
      text: "'API_*':\n  name: api\nAPI_KEY:\n  name: api-key\n",
      sources: ["API_KEY"],
      expected: [
        "input 'rules' line 4, key 'name': gives source 'API_KEY' a different name than 'API_*' (input 'rules' line 1); one secret can have only one name",
      ],
    },
    {
      title: "renew-before without any expiry",
      text: "A:\n  renew-before: 14d\n",
      sources: ["A"],
      expected: [
        "input 'rules' line 2, key 'renew-before': applies to source 'A', which has no expiry: set expires-in (in a rule or the input)",
      ],
    },
    {
      title: "renew-before as long as the expiry",
      text: "A:\n  renew-before: 2w\n",
      sources: ["A"],
      defaults: { ...DEFAULTS, expiresInSeconds: 14 * 86400 },
      expected: [
        "input 'rules' line 2, key 'renew-before': must be shorter than the expiry of source 'A' (2w), or every run would write a new version",
      ],
    },
    {
      title: "too many tags with the input's",
      text: "A:\n  tags: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }\n",
      sources: ["A"],
      expected: [
        "input 'rules' line 2, key 'tags': gives source 'A' 9 tags with the 'tags' input; at most 8 are allowed (Key Vault allows 15 and the action writes its own)",
      ],
    },
    {
      title: "one name written in two cases",
      text: "API_KEY:\n  expires-in: 30d\napi_key:\n  expires-in: 60d\n",
      sources: ["API_KEY"],
      expected: [
        "input 'rules' line 3: the pattern is also given at 'API_KEY' (input 'rules' line 1); give each source name or pattern once",
      ],
    },
  ])("reports $title", ({ text, sources, defaults, expected }) => {
    expect(problemsOf(text, sources, defaults)).toEqual(expected);
  });

  it("reports a pattern given in both the input and the file", () => {
    const rules = [...rulesOf("A:\n  expires-in: 30d\n"), ...rulesOf("A:\n  expires-in: 60d\n", "rules-file 'r.yml'")];
    expect(checkRules(rules, ["A"], DEFAULTS).map(describeProblem)).toEqual([
      "rules-file 'r.yml' line 1: the pattern is also given at 'A' (input 'rules' line 1); give each source name or pattern once",
    ]);
  });
});
