import { describe, expect, it } from "vitest";
import { checkGlob, countGlobSteps, matchesGlob } from "../../src/engine/globs.ts";
import { createSeededRandom } from "../../local-azure/seeded-random.ts";

describe("matchesGlob", () => {
  it.each([
    ["DB_PASS", "DB_PASS", true],
    ["db_pass", "DB_PASS", true],
    ["DB_PASS", "db_*", true],
    ["DB_PASS", "*", true],
    ["", "*", true],
    ["DB_PASS", "DB_", false],
    ["DB_PASS", "*PASS", true],
    ["DB_PASSWORD", "*PASS", false],
    ["DB_PASS", "*_*", true],
    ["DBPASS", "*_*", false],
    ["A1", "A?", true],
    ["A", "A?", false],
    ["A12", "A?", false],
    ["A1", "A[0-9]", true],
    ["Ax", "A[0-9]", false],
    ["Ax", "A[!0-9]", true],
    ["Ax", "A[^0-9]", true],
    ["A5", "A[!0-9]", false],
    ["Ab", "A[a-c]", true],
    ["AB", "A[a-c]", true],
    ["a.b", "a.b", true],
    ["axb", "a.b", false],
    ["a-b", "a[-_]b", true],
    ["a_b", "a[-_]b", true],
    ["github_token", "GITHUB_*", true],
    ["x\ny", "x*y", true],
    ["aXbXc", "*b*c", true],
    ["abcabd", "*abd", true],
    ["abcabc", "*abd", false],
    ["mississippi", "m*iss*ppi", true],
    ["mississippi", "m*iss*ppx", false],
    ["AB", "***", true],
    ["", "?", false],
    ["ab", "a*?b", false],
    ["axyb", "a*?b", true],
  ])("%j against %j -> %s", (name, pattern, expected) => {
    expect(matchesGlob(name, pattern)).toBe(expected);
  });

  it("throws for an invalid pattern instead of guessing", () => {
    expect(() => matchesGlob("A", "[A")).toThrow("Invalid glob pattern");
  });
});

describe("checkGlob", () => {
  it.each([
    ["DB_*", undefined],
    ["a.b-c?[x-z]", undefined],
    ["", "is empty"],
    ["!DB_*", "starts with '!'; negation is not supported, use the exclude input instead"],
    [
      "DB PASS",
      "has a character that no source name can contain at column 3; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'",
    ],
    [
      "a/b",
      "has a character that no source name can contain at column 2; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'",
    ],
    [
      "{a,b}",
      "has a character that no source name can contain at column 1; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'",
    ],
    ["A[0-9", "has '[' without a closing ']' at column 2"],
    ["A]", "has ']' without a matching '[' at column 2"],
    ["A[]", "has an empty character class at column 2"],
    ["A[!]", "has an empty character class at column 2"],
    ["A[z-a]", "has a character range out of order at column 3"],
    ["A[*]", "has a character class with an unsupported character at column 3"],
  ])("%j -> %s", (pattern, problem) => {
    expect(checkGlob(pattern)).toBe(problem);
  });
});

describe("matchesGlob takes polynomial time", () => {
  // Before: a backtracking RegExp took 17 s on a 36-character name and never finished beyond.
  it.each([
    ["*a*a*a*...*ab over a run of a", `${"*a".repeat(30)}b`, "a".repeat(5000)],
    ["many stars over a near miss", `${"*a".repeat(60)}*b`, `${"a".repeat(3000)}c`],
    ["question marks and stars", `${"?*".repeat(40)}x`, "y".repeat(4000)],
    ["classes and stars", `${"*[a-c]".repeat(40)}[!a-z]`, "abc".repeat(1500)],
  ])("%s stays within (name + 1) x (pattern + 1) steps", (_name, pattern, name) => {
    const { matched, steps } = countGlobSteps(name, pattern);
    expect(matched).toBe(false);
    expect(steps).toBeLessThanOrEqual((name.length + 1) * (pattern.length + 1));
  });
});

/** The reference: what the former regex translation matched, run only on short names. */
function toReferenceRegex(pattern: string): RegExp {
  const source = pattern.replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]").replace(/\[!/g, "[^").replace(/\./g, "\\.");
  return new RegExp(`^${source}$`, "i");
}

describe("matchesGlob agrees with a regex on generated names and patterns", () => {
  it.each([1, 2, 3])("seed %i", (seed) => {
    const random = createSeededRandom(seed);
    const pick = (items: string): string => items[Math.floor(random() * items.length)] as string;
    let matches = 0;
    for (let round = 0; round < 3000; round += 1) {
      let pattern = "";
      for (let index = Math.floor(random() * 7); index >= 0; index -= 1) {
        const part = pick("ab*?[.");
        pattern += part === "[" ? pick(["[ab]", "[!a]", "[a-c]", "[^b]"] as unknown as string) : part;
      }
      let name = "";
      for (let index = Math.floor(random() * 8); index > 0; index -= 1) name += pick("abAB.c");
      const expected = toReferenceRegex(pattern).test(name);
      if (expected) matches += 1;
      expect(matchesGlob(name, pattern), `${name} against ${pattern}`).toBe(expected);
    }
    expect(matches).toBeGreaterThan(200);
  });
});
