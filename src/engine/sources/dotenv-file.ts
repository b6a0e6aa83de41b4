import { InputError } from "../errors.ts";
import { checkDotenvLines, type ReadEntry } from "./dotenv-lines.ts";
import type { SourceEntry } from "./source-entry.ts";

/**
 * A dotenv parser that yields exactly the key/value map of the `dotenv` package's `parse` (its
 * default, regex-based mode) and also remembers the line each key starts on. Users already have
 * files that dotenv reads; a sync that read them differently would push different secrets than
 * their application sees, so parity (quirks included) is the contract for valid files, checked
 * by the parity and fuzz tests in test/sources/dotenv-file.test.ts. There is no variable
 * expansion. A file dotenv would read only in part (a line it skips, a key it ignores, an
 * unquoted multi-line value) is refused instead: see dotenv-lines.ts.
 *
 * What dotenv does, restated as a scanner:
 * - CRLF and lone CR become LF first. Entries begin only at the start of a line, where a line
 *   starts after LF, U+2028 or U+2029 (JavaScript's multiline `^`).
 * - Leading whitespace, including blank lines, is skipped; then an optional `export` followed by
 *   whitespace; then a key of `[A-Za-z0-9_.-]`. If `export KEY` does not form an entry, `export`
 *   itself is tried as the key.
 * - The separator is `=` after optional whitespace (which may cross lines), or `:` directly
 *   after the key followed by exactly one whitespace character (which may be a newline).
 * - A value that starts (after whitespace) with `'`, `"` or a backtick runs to a matching quote
 *   that is followed only by whitespace and an optional `#` comment up to a line end; backslash
 *   quote does not close it. Such a value may span lines. If no quote qualifies, the value is the
 *   rest of the line up to `#`.
 * - The value is trimmed, one pair of surrounding quotes is removed, and when it started with `"`
 *   the two-character sequences `\n` and `\r` become newline and carriage return.
 * - A later duplicate key replaces the earlier value. (The key `__proto__`, which dotenv drops
 *   because it stores into a plain object, is refused by dotenv-lines.ts.)
 *
 * One reading of dotenv's is refused instead of reproduced: a value that opens a quote which
 * never closes. dotenv then keeps only the rest of the opening line and reads each following
 * line as an entry of its own, so the lines of an intended multi-line value (a key, a password)
 * would become key names, which are printed unmasked, or separate secrets. Refused is a value
 * whose first non-space character is a quote when no closing quote qualifies (above) and the
 * quote's own line holds no other unescaped quote of that kind. A line that does, such as
 * `A="abc"def`, was closed by its author, and dotenv's reading of it (`"abc"def`) stays on that
 * line, so it is kept. The error names the file, the key and the key's line, never the value.
 *
 * Line numbers count LF after the CR normalisation (so CRLF and lone CR files number as editors
 * do); U+2028/U+2029 start entries but are not counted as lines.
 */
export function parseDotenv(text: string, file: string): SourceEntry[] {
  const src = text.replace(/\r\n?/g, "\n");
  const lines = new LineCounter(src);
  const found = new Map<string, SourceEntry>();
  // Every entry dotenv reads, duplicates and __proto__ included, for the checks of dotenv-lines.ts.
  const read: ReadEntry[] = [];
  let position = 0;
  while (position <= src.length) {
    const lineStart = findLineStart(src, position);
    if (lineStart === undefined) break;
    const attempt = readEntryAt(src, lineStart);
    if (attempt.ok && attempt.unclosedQuote !== undefined) {
      throw unclosedQuoteError(file, lines.lineOf(attempt.keyStart), attempt.key, attempt.unclosedQuote);
    }
    if (attempt.ok) {
      read.push({ key: attempt.key, value: attempt.value, line: lines.lineOf(attempt.keyStart), start: lineStart, end: attempt.end });
      if (attempt.key !== "__proto__") {
        const entry: SourceEntry = {
          key: attempt.key,
          value: attempt.value,
          origin: { kind: "dotenv", file, line: lines.lineOf(attempt.keyStart) },
        };
        const earlier = found.get(attempt.key);
        if (earlier) Object.assign(earlier, entry);
        else found.set(attempt.key, entry);
      }
      position = Math.max(attempt.end, lineStart + 1);
    } else {
      // Every line start between here and the failed key would fail on that same key.
      position = attempt.retryFrom;
    }
  }
  checkDotenvLines(src, read, (offset) => lines.lineOf(offset), file);
  return [...found.values()];
}

type Attempt =
  | { ok: true; key: string; keyStart: number; value: string; end: number; unclosedQuote: string | undefined }
  | { ok: false; retryFrom: number };

function unclosedQuoteError(file: string, line: number, key: string, quote: string): InputError {
  // The key is the author's name for the value, not part of it; nothing after the `=` is quoted.
  return new InputError(
    "env-file",
    `${file} line ${line}: the value of ${key} opens a ${quote} quote that never closes; dotenv would read the lines after it as separate entries`,
    "Close the value with the same quote. A multi-line value may close on a later line, with nothing but spaces or a # comment after the closing quote.",
  );
}

// The scans below run on every byte of the file, in a process that has just started and runs
// them once: as sticky or global regexes they run in V8's regex engine instead of the bytecode
// interpreter, character by character. Without the `u` flag each matches UTF-16 code units, as
// indexing the string does.
const KEY_RUN = /[\w.-]*/y;
const SPACE_RUN = /\s*/y;
const UNQUOTED_VALUE_END = /[#\n\r]/g;
const QUOTES = new Set(["'", '"', "`"]);

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /^\s$/.test(char);
}

function isLineTerminator(char: string | undefined): boolean {
  return char === "\n" || char === "\r" || char === "\u2028" || char === "\u2029";
}

/** The end of the run of `pattern` (a sticky regex) that starts at `from`. */
function endOfRun(pattern: RegExp, src: string, from: number): number {
  pattern.lastIndex = from;
  return from + (pattern.exec(src)?.[0].length ?? 0);
}

function skipSpaces(src: string, from: number): number {
  return endOfRun(SPACE_RUN, src, from);
}

/** The first position at or after `from` where a line starts, if any. */
function findLineStart(src: string, from: number): number | undefined {
  for (let index = from; index <= src.length; index += 1) {
    if (index === 0 || isLineTerminator(src[index - 1])) return index;
  }
  return undefined;
}

function readEntryAt(src: string, lineStart: number): Attempt {
  const start = skipSpaces(src, lineStart);
  const failure: Attempt = { ok: false, retryFrom: start + 1 };
  if (src.startsWith("export", start) && isSpace(src[start + 6])) {
    const afterExport = readKeyAndValue(src, skipSpaces(src, start + 6));
    if (afterExport) return afterExport;
  }
  return readKeyAndValue(src, start) ?? failure;
}

function readKeyAndValue(src: string, keyStart: number): Attempt | undefined {
  const keyEnd = endOfRun(KEY_RUN, src, keyStart);
  if (keyEnd === keyStart) return undefined;

  let valueStart: number;
  const equals = skipSpaces(src, keyEnd);
  if (src[equals] === "=") valueStart = equals + 1;
  else if (src[keyEnd] === ":" && isSpace(src[keyEnd + 1])) valueStart = keyEnd + 2;
  else return undefined;

  const { raw, end, unclosedQuote } = readRawValue(src, valueStart);
  return { ok: true, key: src.slice(keyStart, keyEnd), keyStart, value: cleanValue(raw), end, unclosedQuote };
}

interface RawValue {
  raw: string;
  end: number;
  /** The opening quote, when the value opens one that never closes (see the rule above). */
  unclosedQuote: string | undefined;
}

/** The value as dotenv captures it, before trimming and unquoting, and where it ends. */
function readRawValue(src: string, valueStart: number): RawValue {
  const open = skipSpaces(src, valueStart);
  const quote = src[open];
  let unclosedQuote: string | undefined;
  if (quote !== undefined && QUOTES.has(quote)) {
    for (const close of listClosingQuotes(src, open, quote)) {
      if (endsEntry(src, close + 1)) return { raw: src.slice(valueStart, close + 1), end: close + 1, unclosedQuote: undefined };
    }
    if (!hasUnescapedQuoteOnLine(src, open, quote)) unclosedQuote = quote;
  }
  UNQUOTED_VALUE_END.lastIndex = valueStart;
  const end = UNQUOTED_VALUE_END.exec(src)?.index ?? src.length;
  return { raw: src.slice(valueStart, end), end, unclosedQuote };
}

/**
 * Whether the line of the opening quote at `open` holds another `quote` not preceded by a
 * backslash. The line runs to LF: dotenv's single-line reading runs past U+2028 and U+2029, and
 * only the lines after an LF become entries of their own.
 */
function hasUnescapedQuoteOnLine(src: string, open: number, quote: string): boolean {
  for (let index = open + 1; index < src.length && src[index] !== "\n"; index += 1) {
    if (src[index] === quote && src[index - 1] !== "\\") return true;
  }
  return false;
}

/**
 * Candidate closing quotes in the order dotenv's backtracking tries them: the first quote not
 * preceded by a backslash, then each backslash-escaped quote before it, last one first.
 */
function listClosingQuotes(src: string, open: number, quote: string): number[] {
  const escaped: number[] = [];
  let index = open + 1;
  while (index < src.length) {
    if (src[index] === "\\" && src[index + 1] === quote) {
      escaped.push(index + 1);
      index += 2;
    } else if (src[index] !== quote) {
      index += 1;
    } else {
      return [index, ...escaped.reverse()];
    }
  }
  return escaped.reverse();
}

/** Whether only whitespace, then a `#` comment, a line end or the end of text follow. */
function endsEntry(src: string, from: number): boolean {
  let index = from;
  while (isSpace(src[index])) {
    if (isLineTerminator(src[index])) return true;
    index += 1;
  }
  return index === src.length || src[index] === "#";
}

// Multiline flag on purpose: dotenv strips quotes per line for values holding U+2028/U+2029.
const SURROUNDING_QUOTES = /^(['"`])([\s\S]*)\1$/gm;

function cleanValue(raw: string): string {
  const trimmed = raw.trim();
  const unquoted = trimmed.replace(SURROUNDING_QUOTES, "$2");
  if (trimmed[0] !== '"') return unquoted;
  return unquoted.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
}

/** 1-based line numbers for offsets, counting LF. */
class LineCounter {
  private readonly starts: number[] = [0];

  constructor(src: string) {
    for (let index = src.indexOf("\n"); index !== -1; index = src.indexOf("\n", index + 1)) this.starts.push(index + 1);
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}
