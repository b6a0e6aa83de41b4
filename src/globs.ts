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

type GlobParse = { ok: true; regex: RegExp } | { ok: false; problem: string };

/** What is wrong with a pattern (names the position, not the text), or undefined when valid. */
export function checkGlob(pattern: string): string | undefined {
  const parsed = parseGlob(pattern);
  return parsed.ok ? undefined : parsed.problem;
}

/** Whether a source name matches a pattern, ignoring case. Throws for an invalid pattern. */
export function matchesGlob(name: string, pattern: string): boolean {
  const parsed = parseGlob(pattern);
  if (!parsed.ok) throw new Error(`Invalid glob pattern: ${parsed.problem}`);
  return parsed.regex.test(name);
}

function parseGlob(pattern: string): GlobParse {
  if (pattern === "") return { ok: false, problem: "is empty" };
  if (pattern.startsWith("!")) {
    return { ok: false, problem: "starts with '!'; negation is not supported, use the exclude input instead" };
  }
  let source = "";
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    const column = index + 1;
    if (char === "*") {
      source += "[\\s\\S]*";
      index += 1;
    } else if (char === "?") {
      source += "[\\s\\S]";
      index += 1;
    } else if (char === "[") {
      const parsedClass = parseClass(pattern, index);
      if (!parsedClass.ok) return parsedClass;
      source += parsedClass.source;
      index = parsedClass.end;
    } else if (char === "]") {
      return { ok: false, problem: `has ']' without a matching '[' at column ${column}` };
    } else if (NAME_CHAR.test(char)) {
      source += escapeForRegex(char);
      index += 1;
    } else {
      return {
        ok: false,
        problem: `has a character that no source name can contain at column ${column}; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'`,
      };
    }
  }
  return { ok: true, regex: new RegExp(`^${source}$`, "i") };
}

type ClassParse = { ok: true; source: string; end: number } | { ok: false; problem: string };

/** Parses `[...]` starting at `start` (the `[`); `end` is the index after the closing `]`. */
function parseClass(pattern: string, start: number): ClassParse {
  let index = start + 1;
  let negated = false;
  if (pattern[index] === "!" || pattern[index] === "^") {
    negated = true;
    index += 1;
  }
  const parts: string[] = [];
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
      parts.push(`${escapeForRegex(low)}-${escapeForRegex(high)}`);
      index += 3;
    } else {
      parts.push(escapeForRegex(low));
      index += 1;
    }
  }
  if (index >= pattern.length) {
    return { ok: false, problem: `has '[' without a closing ']' at column ${start + 1}` };
  }
  if (parts.length === 0) {
    return { ok: false, problem: `has an empty character class at column ${start + 1}` };
  }
  return { ok: true, source: `[${negated ? "^" : ""}${parts.join("")}]`, end: index + 1 };
}

function escapeForRegex(char: string): string {
  return /[0-9A-Za-z_]/.test(char) ? char : `\\${char}`;
}
