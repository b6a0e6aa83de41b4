import { describe, expect, it } from "vitest";
import { checkGlob, matchesGlob } from "../src/globs.ts";

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
    ["DB PASS", "has a character that no source name can contain at column 3; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'"],
    ["a/b", "has a character that no source name can contain at column 2; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'"],
    ["{a,b}", "has a character that no source name can contain at column 1; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'"],
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
