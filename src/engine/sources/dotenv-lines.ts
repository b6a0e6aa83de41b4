import { InputError } from "../errors.ts";

/**
 * The strict half of dotenv parsing. dotenv reads what it can and skips the rest without a word:
 * a line that is not `KEY=VALUE`, a key with a space, the key `__proto__`. That is the right
 * reading for an application's start-up and the wrong one for a sync, which would then push a
 * different set of secrets than the file's author wrote. Worse, an unquoted multi-line value (a
 * PEM key pasted as is) falls apart into lines dotenv skips and lines it reads as entries of
 * their own: the key's last base64 line `…Q==` becomes a secret whose NAME is a piece of the
 * key, and names are printed and stored unmasked. So a file is refused, before any value is
 * masked or any name is shown, when:
 *
 * - a line is none of: blank, a comment, or part of an entry dotenv reads (its key line, the
 *   lines of a quoted multi-line value, a separator or value dotenv takes from the next line);
 * - an entry's key is `__proto__` (dotenv drops it);
 * - an entry's value opens a PEM block (`-----BEGIN …-----`) that it does not close, which is
 *   what an unquoted PEM leaves behind;
 * - an entry could itself be a piece of such a value: its value is nothing but `=` (base64
 *   padding, which would also mask every `=` in the job's log), its key starts with `-----`
 *   (PEM armour), or its key looks like base64 text and its value is empty.
 *
 * Errors give the file and line and never any text of the line: the text may be a value.
 */

/** One entry as dotenv reads it: its span in the text runs from its line's start to its end. */
export interface ReadEntry {
  key: string;
  value: string;
  line: number;
  start: number;
  end: number;
}

interface Problem {
  line: number;
  rule: string;
  hint: string;
}

const QUOTE_HINT =
  'A value that spans lines must be quoted: KEY="-----BEGIN PRIVATE KEY-----" on the first line, the other lines as they are, and the closing quote after -----END PRIVATE KEY-----. Or write it on one line with \\n between the lines inside double quotes.';
const SKIPPED_HINT =
  "dotenv would skip this line without a word. If it continues a multi-line value from a line above, quote that value; otherwise fix the line or make it a comment (# at its start).";

export function checkDotenvLines(src: string, entries: readonly ReadEntry[], lineOf: (offset: number) => number, file: string): void {
  const problems = [...findSkippedLines(src, entries, lineOf), ...entries.flatMap(findEntryProblem)];
  if (problems.length === 0) return;
  problems.sort((a, b) => a.line - b.line);
  const [first, ...others] = problems as [Problem, ...Problem[]];
  const otherLines = [...new Set(others.map((problem) => problem.line).filter((line) => line !== first.line))];
  const also = otherLines.length === 0 ? "" : `\nLines with other problems: ${formatLines(otherLines)}.`;
  throw new InputError("env-file", `${file} line ${first.line}: ${first.rule}`, `${first.hint}${also}`);
}

function formatLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 10).join(", ");
  return lines.length > 10 ? `${shown} and ${lines.length - 10} more` : shown;
}

/**
 * Lines no entry covers that are neither blank nor comments. Lines here are what dotenv's
 * multiline `^` sees (they start after LF, U+2028 or U+2029); entries come in text order and
 * do not overlap, so one pass over both suffices.
 */
function findSkippedLines(src: string, entries: readonly ReadEntry[], lineOf: (offset: number) => number): Problem[] {
  const problems: Problem[] = [];
  let next = 0;
  let start = 0;
  while (start <= src.length) {
    LINE_BREAK.lastIndex = start;
    const end = LINE_BREAK.exec(src)?.index ?? src.length;
    while (next < entries.length && (entries[next] as ReadEntry).end < start) next += 1;
    const entry = entries[next];
    const covered = entry !== undefined && entry.start <= start;
    const text = src.slice(start, end).trim();
    if (!covered && text !== "" && !text.startsWith("#")) {
      problems.push({ line: lineOf(start), rule: describeSkippedLine(text), hint: SKIPPED_HINT });
    }
    start = end + 1;
  }
  return problems;
}

// A search, not a loop over characters: it runs over the whole file at start-up.
const LINE_BREAK = /[\n\u2028\u2029]/g;

function describeSkippedLine(text: string): string {
  if (text.includes("\u0000")) return "holds a NUL character; dotenv would skip the line";
  const withoutExport = text.replace(/^export\s+/, "");
  const equals = withoutExport.indexOf("=");
  const key = equals === -1 ? "" : withoutExport.slice(0, equals).trim();
  if (/\s/.test(key)) return "has a space in its key; dotenv would skip the line";
  if (key !== "" && !/^[\w.-]+$/.test(key)) {
    return "has a key with a character dotenv does not read (keys use letters, digits, '_', '.' and '-'); dotenv would skip the line";
  }
  return "is not KEY=VALUE, a comment or a blank line; dotenv would skip it";
}

/** A PEM line: `-----BEGIN PRIVATE KEY-----`, `-----END CERTIFICATE-----`, … */
const PEM_BEGIN = /-----BEGIN [^\n]*?-----/g;
const PEM_END = "-----END ";
/**
 * Base64 text as a key: 16 or more letters and digits, mixing upper case, lower case and digits.
 * A few real names fit too (`AzureStorage2Key`), but only an empty value makes it a problem, and
 * an entry with an empty value is never synced, so removing its line loses nothing. (Measuring
 * how often the character class changes does not separate them: DER-encoded keys have long
 * runs such as `AAAA` and change class no more often than camelCase names.)
 */
const BASE64_LIKE = /^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{16,}$/;

function findEntryProblem(entry: ReadEntry): Problem[] {
  if (entry.key === "__proto__") {
    return [{ line: entry.line, rule: "uses the key __proto__, which dotenv ignores", hint: "Rename the key." }];
  }
  if (opensPemWithoutEnd(entry.value)) {
    return [
      {
        line: entry.line,
        rule: "the value opens a PEM block (-----BEGIN …-----) that it does not close; an unquoted multi-line value falls apart into separate lines",
        hint: QUOTE_HINT,
      },
    ];
  }
  const fragment = /^=+$/.test(entry.value) || entry.key.startsWith("-----");
  const emptyBase64Key = entry.value === "" && BASE64_LIKE.test(entry.key);
  if (fragment || emptyBase64Key) {
    return [
      {
        line: entry.line,
        rule: "looks like a piece of an unquoted multi-line value (a line of base64 text or PEM armour read as KEY=VALUE)",
        hint: emptyBase64Key
          ? `${QUOTE_HINT} If the line is a real entry, its value is empty and it is never synced: remove the line.`
          : QUOTE_HINT,
      },
    ];
  }
  return [];
}

/** Whether some `-----BEGIN …-----` in the value has no `-----END ` before the next BEGIN. */
function opensPemWithoutEnd(value: string): boolean {
  const begins = [...value.matchAll(PEM_BEGIN)].map((match) => match.index);
  return begins.some((begin, index) => {
    const end = value.indexOf(PEM_END, begin);
    return end === -1 || end > (begins[index + 1] ?? Infinity);
  });
}
