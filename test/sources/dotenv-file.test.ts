import dotenv from "dotenv";
import { describe, expect, it } from "vitest";
import { parseDotenv } from "../../src/sources/dotenv-file.ts";

function toMap(text: string): Record<string, string> {
  return Object.fromEntries(parseDotenv(text, "test.env").map((entry) => [entry.key, entry.value]));
}

/** Text, and the map dotenv 18 gives for it, written out so a parser change in either shows. */
const cases: Array<[string, string, Record<string, string>]> = [
  ["plain", "A=1\nB=two", { A: "1", B: "two" }],
  ["empty text", "", {}],
  ["empty value", "EMPTY=", { EMPTY: "" }],
  ["empty value then next line", "EMPTY=\nNEXT=x", { EMPTY: "", NEXT: "x" }],
  ["spaces around =", "  A  =  spaced out  ", { A: "spaced out" }],
  ["tab before =", "A\t=\tb", { A: "b" }],
  ["export prefix", "export A=1\nexport  B=2", { A: "1", B: "2" }],
  ["export as a key", "export=1", { export: "1" }],
  ["export without a separator", "export FOO\nBAR=1", { BAR: "1" }],
  ["export with the separator on the next line", "export FOO\n=bar", { FOO: "bar" }],
  ["exportFOO is one key", "exportFOO=1", { exportFOO: "1" }],
  ["full-line comment", "# A=1\nB=2\n  # C=3", { B: "2" }],
  ["inline comment", "A=value # comment", { A: "value" }],
  ["hash without space is a comment", "A=abc#def", { A: "abc" }],
  ["hash in double quotes", 'A="abc#def" # real comment', { A: "abc#def" }],
  ["hash in single quotes", "A='abc # def'", { A: "abc # def" }],
  ["single quotes keep escapes", "A='a\\nb'", { A: "a\\nb" }],
  ["double quotes expand \\n and \\r", 'A="a\\nb\\rc"', { A: "a\nb\rc" }],
  ["backticks", "A=`it's \"quoted\"`", { A: 'it\'s "quoted"' }],
  ["multi-line double quoted", 'KEY="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1', { KEY: "-----BEGIN-----\nabc\n-----END-----", NEXT: "1" }],
  ["multi-line single quoted", "KEY='line1\nline2'", { KEY: "line1\nline2" }],
  ["multi-line swallows keys inside", 'A="x\nB=2\n"', { A: "x\nB=2\n" }],
  ["unclosed double quote", 'A="abc\nB=2', { A: '"abc', B: "2" }],
  ["unclosed quote closed by a later line", "A='abc\nB=x'", { A: "abc\nB=x" }],
  ["quote not at the end", 'A="abc"def', { A: '"abc"def' }],
  ["text after closing quote", "A='abc' def", { A: "'abc' def" }],
  ["escaped double quote kept", 'A="a\\"b"', { A: 'a\\"b' }],
  ["escaped quote then comment", 'A="abc\\" # x', { A: "abc\\" }],
  ["inner quotes kept", "A='\"inner\"'", { A: '"inner"' }],
  ["spaces inside quotes kept", 'A="  padded  "', { A: "  padded  " }],
  ["CRLF", "A=1\r\nB=2\r\n", { A: "1", B: "2" }],
  ["lone CR", "A=1\rB=2", { A: "1", B: "2" }],
  ["CRLF inside a quoted value", 'A="x\r\ny"', { A: "x\ny" }],
  ["duplicate key, later wins", "A=1\nA=2", { A: "2" }],
  ["colon separator", "A: b", { A: "b" }],
  ["colon needs whitespace after", "A:b\nC=d", { C: "d" }],
  ["colon then newline takes the next line", "A:\nB=1", { A: "B=1" }],
  ["space before colon is no separator", "A : b", {}],
  ["equals on the next line", "A\n=b", { A: "b" }],
  ["quoted value on the next line", "A=\n'b'", { A: "b" }],
  ["dots and dashes in keys", "a.b-c=1", { "a.b-c": "1" }],
  ["key with a space is skipped", "A B=1\nC=2", { C: "2" }],
  ["no separator", "JUSTAWORD\nB=2", { B: "2" }],
  ["equals in the value", "URL=postgres://u:p@h/db?a=b", { URL: "postgres://u:p@h/db?a=b" }],
  ["value of only a comment", "A=# nothing", { A: "" }],
  ["quoted empty", "A=''\nB=\"\"\nC=``", { A: "", B: "", C: "" }],
  ["leading blank lines", "\n\n\nA=1", { A: "1" }],
  ["nbsp around value", "A=\u00a0x\u00a0", { A: "x" }],
  ["U+2028 inside an unquoted value", "A=1\u2028B=2", { A: "1\u2028B=2" }],
  ["U+2028 after a comment starts a line", "# c\u2028B=2", { B: "2" }],
  ["U+2028 after a quoted value", 'A="x"\u2028B=2', { A: "x", B: "2" }],
  ["__proto__ is dropped", "__proto__=x\nA=1", { A: "1" }],
  ["constructor is an ordinary key", "constructor=1", { constructor: "1" }],
  ["unicode value", "A=héllo wörld ✓", { A: "héllo wörld ✓" }],
  ["double-quoted literal backslash n in single-quoted line", "A=\"a\\\\nb\"", { A: "a\\\nb" }],
  ["unquoted value starting with a quote expands escapes", 'A="a\\nb', { A: '"a\nb' }],
];

describe("parseDotenv parity with dotenv.parse", () => {
  it.each(cases)("%s", (_name, text, expected) => {
    expect(dotenv.parse(text)).toEqual(expected);
    expect(toMap(text)).toEqual(expected);
  });
});

/** Small deterministic PRNG (mulberry32), so a failure reproduces from its seed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const KEYS = ["A", "B", "key", "DB_PASS", "a.b", "x-y", "export", "__proto__", "K1", "ConnectionStrings__Db"];
const SEPARATORS = ["=", " = ", "=\t", ":", ": ", ":\t", ":\n", "\n=", " =", "= ", "  "];
const VALUE_PARTS = [
  "v", "value", " ", "  ", "\t", "#", " # c", "'", '"', "`", "\\", "\\n", "\\r", "\\'", '\\"', "\\`",
  "\n", "\r\n", "\r", "=", ":", "export", "\u2028", "\u00a0", "é", "A=1", "\nB=2", "''", '""',
];
const LINE_PREFIXES = ["", "", "", "export ", "  ", "\t", "export\t", "# ", "#", "\n"];

/** Dotenv-shaped text: mostly plausible lines, with quoting and separator edge cases mixed in. */
function generateDotenvText(random: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let line = 0; line < count; line += 1) {
    let value = "";
    const parts = Math.floor(random() * 5);
    for (let part = 0; part < parts; part += 1) value += pick(random, VALUE_PARTS);
    const quote = pick(random, ["", "", "'", '"', "`"]);
    const closing = random() < 0.85 ? quote : "";
    const trailer = pick(random, ["", "", " # trailing", "  ", "x", " y"]);
    lines.push(`${pick(random, LINE_PREFIXES)}${pick(random, KEYS)}${pick(random, SEPARATORS)}${quote}${value}${closing}${trailer}`);
  }
  return lines.join(pick(random, ["\n", "\n", "\r\n", "\n\n", "\r"]));
}

const SOUP = ["A", "b", "_", ".", "-", "=", ":", "#", "'", '"', "`", "\\", "n", " ", "\t", "\n", "\r", "\u2028", "export ", "x"];

/** Character soup over the characters the grammar cares about. */
function generateSoup(random: () => number): string {
  let text = "";
  const length = Math.floor(random() * 40);
  for (let index = 0; index < length; index += 1) text += pick(random, SOUP);
  return text;
}

describe("parseDotenv parity on generated texts", () => {
  it.each([
    { kind: "dotenv-shaped", generate: generateDotenvText, seed: 1, minNonEmpty: 1500 },
    { kind: "dotenv-shaped", generate: generateDotenvText, seed: 2, minNonEmpty: 1500 },
    { kind: "character soup", generate: generateSoup, seed: 3, minNonEmpty: 300 },
    { kind: "character soup", generate: generateSoup, seed: 4, minNonEmpty: 300 },
  ])("$kind texts, seed $seed", ({ generate, seed, minNonEmpty }) => {
    const random = createRandom(seed);
    let nonEmpty = 0;
    for (let round = 0; round < 2500; round += 1) {
      const text = generate(random);
      const expected = dotenv.parse(text);
      if (Object.keys(expected).length > 0) nonEmpty += 1;
      expect(toMap(text), JSON.stringify(text)).toEqual(expected);
    }
    // The generators must exercise the parser, not feed it texts with nothing in them.
    expect(nonEmpty).toBeGreaterThan(minNonEmpty);
  });
});

describe("parseDotenv line numbers", () => {
  it.each([
    ["first line", "A=1", { A: 1 }],
    ["after blank lines and comments", "\n# c\n\nA=1\nB=2", { A: 4, B: 5 }],
    ["after a multi-line value", 'A="x\ny\nz"\nB=2', { A: 1, B: 4 }],
    ["CRLF counts once", "A=1\r\n\r\nB=2", { A: 1, B: 3 }],
    ["lone CR counts as a line", "A=1\rB=2", { A: 1, B: 2 }],
    ["export on its own line: the key's line", "export\nFOO=1", { FOO: 2 }],
    ["separator on the next line: the key's line", "\nFOO\n=bar", { FOO: 2 }],
    ["duplicate: the line of the value that wins", "A=1\nB=2\nA=3", { A: 3, B: 2 }],
    ["leading spaces", "   A=1", { A: 1 }],
  ])("%s", (_name, text, expected) => {
    const lines = Object.fromEntries(
      parseDotenv(text, "x.env").map((entry) => [entry.key, entry.origin.kind === "dotenv" ? entry.origin.line : -1]),
    );
    expect(lines).toEqual(expected);
  });

  it("records the file name in every origin", () => {
    expect(parseDotenv("A=1\nB=2", "deploy/.env").map((entry) => entry.origin)).toEqual([
      { kind: "dotenv", file: "deploy/.env", line: 1 },
      { kind: "dotenv", file: "deploy/.env", line: 2 },
    ]);
  });
});
