/**
 * The strict rules of dotenv-lines.ts, through parseDotenv: files dotenv reads only in part are
 * refused by file and line, and each row also records what dotenv.parse makes of the text, so a
 * change in dotenv shows here. (The generated-text tests in dotenv-file.test.ts hold the parser
 * to the same rules decided from dotenv's own regex.)
 */
import dotenv from "dotenv";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/engine/errors.ts";
import { parseDotenv } from "../../../src/engine/sources/dotenv-file.ts";

function toMap(text: string): Record<string, string> {
  return Object.fromEntries(parseDotenv(text, "test.env").map((entry) => [entry.key, entry.value]));
}

const SKIPPED = "is not KEY=VALUE, a comment or a blank line; dotenv would skip it";
const FRAGMENT = "looks like a piece of an unquoted multi-line value (a line of base64 text or PEM armour read as KEY=VALUE)";
const PEM_OPEN =
  "the value opens a PEM block (-----BEGIN …-----) that it does not close; an unquoted multi-line value falls apart into separate lines";

/**
 * Files dotenv reads only in part: what dotenv.parse gives (so a change in dotenv shows), and the
 * line and rule parseDotenv refuses the file with. MARK stands for text that must not be echoed.
 */
const refused: Array<[string, string, Record<string, string>, number, string]> = [
  ["export without a separator", "export FOO\nBAR=1", { BAR: "1" }, 1, SKIPPED],
  ["a lone quote line after a closed value", 'A="abc"def\nB=2\n"', { A: '"abc"def', B: "2" }, 3, SKIPPED],
  ["colon without whitespace after it", "A:MARK\nC=d", { C: "d" }, 1, SKIPPED],
  ["space before a colon", "A : MARK", {}, 1, SKIPPED],
  ["a key with a space", "A B=MARK\nC=2", { C: "2" }, 1, "has a space in its key; dotenv would skip the line"],
  ["a key with a tab, after export", "export A\tB=MARK", {}, 1, "has a space in its key; dotenv would skip the line"],
  ["a key with a NUL", "A=1\nB\u0000C=MARK", { A: "1" }, 2, "holds a NUL character; dotenv would skip the line"],
  [
    "a key with a character dotenv does not read",
    "A=1\n\nDB$PASS=MARK",
    { A: "1" },
    3,
    "has a key with a character dotenv does not read (keys use letters, digits, '_', '.' and '-'); dotenv would skip the line",
  ],
  [
    "a non-ASCII key",
    "CLÉ=MARK",
    {},
    1,
    "has a key with a character dotenv does not read (keys use letters, digits, '_', '.' and '-'); dotenv would skip the line",
  ],
  ["a word alone", "JUSTAWORD\nB=2", { B: "2" }, 1, SKIPPED],
  ["a word after blank lines and comments", "A=1\n\n# c\n  MARKMARK  \n", { A: "1" }, 4, SKIPPED],
  ["text after U+2028 behind a comment", "A=1 # c\u2028MARK", { A: "1" }, 1, SKIPPED],
  ["CRLF line numbers", "A=1\r\n\r\nMARK\r\n", { A: "1" }, 3, SKIPPED],
  ["__proto__", "__proto__=MARK\nA=1", { A: "1" }, 1, "uses the key __proto__, which dotenv ignores"],
  [
    "an unquoted PEM key (the review's example)",
    "A=1\nTLS_KEY=-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7MARK\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn==\n-----END PRIVATE KEY-----\n",
    { A: "1", TLS_KEY: "-----BEGIN PRIVATE KEY-----", b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn: "=" },
    2,
    PEM_OPEN,
  ],
  [
    "a PEM opened in a quoted value that never ends",
    'CERT="-----BEGIN CERTIFICATE-----"',
    { CERT: "-----BEGIN CERTIFICATE-----" },
    1,
    PEM_OPEN,
  ],
  [
    "a chain whose first block does not end",
    "CERT='-----BEGIN CERTIFICATE-----\nMARK\n-----BEGIN CERTIFICATE-----\nMARK\n-----END CERTIFICATE-----'",
    { CERT: "-----BEGIN CERTIFICATE-----\nMARK\n-----BEGIN CERTIFICATE-----\nMARK\n-----END CERTIFICATE-----" },
    1,
    PEM_OPEN,
  ],
  [
    "a base64 line ending in == without its BEGIN line",
    "A=1\nQ2VydGlmaWNhdGVEYXRhMARK==",
    { A: "1", Q2VydGlmaWNhdGVEYXRhMARK: "=" },
    2,
    FRAGMENT,
  ],
  ["a base64 line ending in one =", "A=1\nQ2VydGlmaWNhdGVEYXRh9x=", { A: "1", Q2VydGlmaWNhdGVEYXRh9x: "" }, 2, FRAGMENT],
  ["a value of only =", "SHORT===", { SHORT: "==" }, 1, FRAGMENT],
  ["PEM armour read as a key", "-----END=MARK", { "-----END": "MARK" }, 1, FRAGMENT],
  ["a repeated key whose first value opens a PEM", "K=-----BEGIN RSA PRIVATE KEY-----\nK=1", { K: "1" }, 1, PEM_OPEN],
];

describe("parseDotenv refuses files dotenv reads only in part", () => {
  it.each(refused)("%s", (_name, text, dotenvReads, line, rule) => {
    expect(dotenv.parse(text)).toEqual(dotenvReads);
    let caught: unknown;
    try {
      parseDotenv(text, "deploy/app.env");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.input).toBe("env-file");
    expect(error.message).toBe(`Invalid input 'env-file': deploy/app.env line ${line}: ${rule}`);
    const shown = `${error.message}\n${error.hint ?? ""}`;
    expect(shown).not.toContain("MARK");
    for (const [key, value] of Object.entries(dotenvReads)) {
      if (key.length > 8 && key !== "TLS_KEY") expect(shown).not.toContain(key);
      if (value.length > 8 && !value.startsWith("-----")) expect(shown).not.toContain(value);
    }
  });

  it("tells that a real entry with an empty value can simply go", () => {
    let caught: unknown;
    try {
      parseDotenv("AzureStorage2Key=\n", "x.env");
    } catch (error) {
      caught = error;
    }
    expect((caught as InputError).message).toBe(`Invalid input 'env-file': x.env line 1: ${FRAGMENT}`);
    expect((caught as InputError).hint).toContain("its value is empty and it is never synced: remove the line");
  });

  it("names the other lines with problems in the hint, never their text", () => {
    const error = (() => {
      try {
        parseDotenv("A=1\nMARK1\nB=2\nMARK2 x\n__proto__=MARK3\n", "x.env");
      } catch (caught) {
        return caught as InputError;
      }
      throw new Error("expected a refusal");
    })();
    expect(error.message).toBe(`Invalid input 'env-file': x.env line 2: ${SKIPPED}`);
    expect(error.hint).toContain("Lines with other problems: 4, 5.");
    expect(`${error.message}${error.hint}`).not.toContain("MARK");
  });

  it.each([
    ["a quoted PEM", 'TLS_KEY="-----BEGIN PRIVATE KEY-----\nMIIE\nQQ==\n-----END PRIVATE KEY-----"', 1],
    ["a one-line PEM with \\n escapes", 'TLS_KEY="-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----"', 1],
    [
      "a quoted chain",
      "C='-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----'",
      1,
    ],
    ["a base64 value with padding", "DATA=Q2VydGlmaWNhdGVEYXRh==", 1],
    ["an empty value", "EMPTY=", 1],
    ["a long upper-case key with an empty value", "CONNECTIONSTRING2DATABASE=", 1],
    ["a long camelCase key without digits and an empty value", "ConnectionStringDatabase=", 1],
    ["a base64-looking key with a value", "Q2VydGlmaWNhdGVEYXRh9x=value", 1],
    ["a value with = inside", "URL=a=b==", 1],
    ["comments and blank lines", "# c\n\n   \n\t# d\nA=1\n", 1],
  ])("accepts %s", (_name, text, count) => {
    expect(parseDotenv(text, "x.env")).toHaveLength(count);
    expect(toMap(text)).toEqual(dotenv.parse(text));
  });
});
