/**
 * Glob patterns over source names (`include` / `exclude`). Source names are flat identifiers
 * (GitHub secret names, dotenv keys), so there are no path separators and no `**`: only `*` (any
 * run of characters, possibly empty), `?` (exactly one character) and classes such as `[A-Z]`,
 * `[!0-9]` or `[^_]`. Matching ignores case because GitHub secret names do.
 *
 * The pattern alphabet is limited to the characters a source name can hold plus the wildcards:
 * anything else can never match a name and is far more likely a mistake (a leading `!` meant as
 * negation, a space, a brace expansion) than an intent.
 */

const NAME_CHAR = /^[0-9A-Za-z_.-]$/;

/**
 * A compiled pattern: one token per pattern position. Matching walks tokens and name together
 * (see matchTokens) instead of building a RegExp, because a backtracking regex engine takes
 * exponential time on patterns such as `*a*a*a*…*ab`, and patterns come from workflow inputs.
 */
type Token =
  | { kind: "star" }
  | { kind: "any" }
  | { kind: "char"; char: string }
  | { kind: "class"; negated: boolean; ranges: Array<[string, string]> };

type GlobParse = { ok: true; tokens: Token[] } | { ok: false; problem: string };

/** What is wrong with a pattern (names the position, not the text), or undefined when valid. */
export function checkGlob(pattern: string): string | undefined {
  const parsed = parseGlob(pattern);
  return parsed.ok ? undefined : parsed.problem;
}

/** Whether a source name matches a pattern, ignoring case. Throws for an invalid pattern. */
export function matchesGlob(name: string, pattern: string): boolean {
  return countGlobSteps(name, pattern).matched;
}

/**
 * Matches and counts the steps taken, so tests can hold the matcher to its bound: at most
 * (name length + 1) × (pattern length + 1) steps, whatever the pattern.
 */
export function countGlobSteps(name: string, pattern: string): { matched: boolean; steps: number } {
  const parsed = parseGlob(pattern);
  if (!parsed.ok) throw new Error(`Invalid glob pattern: ${parsed.problem}`);
  return matchTokens(name, parsed.tokens);
}

/**
 * The greedy wildcard match with one saved star: on a mismatch, the most recent `*` takes one
 * more character and matching resumes after it. Earlier stars never need revisiting (a later
 * star can absorb anything they could), so the work is O(name × pattern), never exponential.
 */
function matchTokens(name: string, tokens: readonly Token[]): { matched: boolean; steps: number } {
  let steps = 0;
  let token = 0;
  let char = 0;
  let starToken = -1;
  let starChar = 0;
  while (char < name.length) {
    steps += 1;
    const current = tokens[token];
    if (current !== undefined && current.kind === "star") {
      starToken = token;
      starChar = char;
      token += 1;
    } else if (current !== undefined && matchesToken(current, name[char] as string)) {
      token += 1;
      char += 1;
    } else if (starToken !== -1) {
      token = starToken + 1;
      starChar += 1;
      char = starChar;
    } else {
      return { matched: false, steps };
    }
  }
  while (tokens[token]?.kind === "star") {
    steps += 1;
    token += 1;
  }
  return { matched: token === tokens.length, steps };
}

function matchesToken(token: Exclude<Token, { kind: "star" }>, char: string): boolean {
  if (token.kind === "any") return true;
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  if (token.kind === "char") return token.char === lower || token.char === upper;
  const inClass = token.ranges.some(([low, high]) =>
    [char, lower, upper].some((variant) => variant.length === 1 && variant >= low && variant <= high),
  );
  return inClass !== token.negated;
}

function parseGlob(pattern: string): GlobParse {
  if (pattern === "") return { ok: false, problem: "is empty" };
  if (pattern.startsWith("!")) {
    return { ok: false, problem: "starts with '!'; negation is not supported, use the exclude input instead" };
  }
  const tokens: Token[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    const column = index + 1;
    if (char === "*") {
      // Consecutive stars match what one star matches.
      if (tokens.at(-1)?.kind !== "star") tokens.push({ kind: "star" });
      index += 1;
    } else if (char === "?") {
      tokens.push({ kind: "any" });
      index += 1;
    } else if (char === "[") {
      const parsedClass = parseClass(pattern, index);
      if (!parsedClass.ok) return parsedClass;
      tokens.push(parsedClass.token);
      index = parsedClass.end;
    } else if (char === "]") {
      return { ok: false, problem: `has ']' without a matching '[' at column ${column}` };
    } else if (NAME_CHAR.test(char)) {
      tokens.push({ kind: "char", char: char.toLowerCase() });
      index += 1;
    } else {
      return {
        ok: false,
        problem: `has a character that no source name can contain at column ${column}; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'`,
      };
    }
  }
  return { ok: true, tokens };
}

type ClassParse = { ok: true; token: Token; end: number } | { ok: false; problem: string };

/** Parses `[...]` starting at `start` (the `[`); `end` is the index after the closing `]`. */
function parseClass(pattern: string, start: number): ClassParse {
  let index = start + 1;
  let negated = false;
  if (pattern[index] === "!" || pattern[index] === "^") {
    negated = true;
    index += 1;
  }
  const ranges: Array<[string, string]> = [];
  while (index < pattern.length && pattern[index] !== "]") {
    const low = pattern[index] as string;
    if (!NAME_CHAR.test(low)) {
      return { ok: false, problem: `has a character class with an unsupported character at column ${index + 1}` };
    }
    const high = pattern[index + 2];
    if (pattern[index + 1] === "-" && high !== undefined && high !== "]") {
      if (!NAME_CHAR.test(high)) {
        return { ok: false, problem: `has a character class with an unsupported character at column ${index + 3}` };
      }
      if (low > high) {
        return { ok: false, problem: `has a character range out of order at column ${index + 1}` };
      }
      ranges.push([low, high]);
      index += 3;
    } else {
      ranges.push([low, low]);
      index += 1;
    }
  }
  if (index >= pattern.length) {
    return { ok: false, problem: `has '[' without a closing ']' at column ${start + 1}` };
  }
  if (ranges.length === 0) {
    return { ok: false, problem: `has an empty character class at column ${start + 1}` };
  }
  return { ok: true, token: { kind: "class", negated, ranges }, end: index + 1 };
}

/**
 * How specific a valid pattern is, for choosing between rules that match one name: wildcard
 * tokens (`*`, `?`, a class) and literal characters. Throws for an invalid pattern.
 */
export function measureGlob(pattern: string): { wildcards: number; literals: number } {
  const parsed = parseGlob(pattern);
  if (!parsed.ok) throw new Error(`Invalid pattern: ${parsed.problem}`);
  const literals = parsed.tokens.filter((token) => token.kind === "char").length;
  return { wildcards: parsed.tokens.length - literals, literals };
}
