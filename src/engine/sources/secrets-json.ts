import { InputError } from "../errors.ts";
import type { SourceEntry, SourceSpec } from "./source-entry.ts";

const INPUT = "secrets";
const HINT = "Pass a JSON object of name to string value, usually secrets: ${{ toJSON(secrets) }}";

/** The `secrets` source kind: the JSON of the workflow's secrets context, as one batch. */
export function* readSecretsSource(spec: SourceSpec): Generator<SourceEntry[]> {
  if (spec.secretsJson !== undefined) yield parseSecretsJson(spec.secretsJson);
}

/**
 * Parses the `secrets` input: a JSON object of name -> string value. Errors give a line and
 * column, or a key and a type, and never any of the text: the text is full of secret values.
 * Entries keep the object's property order (JavaScript orders integer-like keys first; GitHub
 * secret names cannot start with a digit, so for `toJSON(secrets)` that is insertion order).
 */
export function parseSecretsJson(text: string): SourceEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The engine's own message may quote the text around the error, so it is never used.
    throw new InputError(INPUT, `is not valid JSON ${describeJsonErrorPosition(text)}`, HINT);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InputError(INPUT, `must be a JSON object of name to string value, not ${describeJsonType(parsed)}`, HINT);
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== undefined) {
    // JSON.parse keeps the last of two equal keys without a word; a sync must not guess which
    // value was meant. The position is the rule's core; the name is shown only when it has the
    // shape of a secret name, since a hand-written key could be anything.
    const name = SECRET_NAME_SHAPE.test(duplicate.key) ? ` ('${duplicate.key}')` : "";
    throw new InputError(
      INPUT,
      `has a repeated key: the ${ordinal(duplicate.position)} key${name} repeats the ${ordinal(duplicate.firstPosition)}; each name may appear once`,
      "Remove one of the two entries; JSON would otherwise keep the later value without a word.",
    );
  }
  const entries: SourceEntry[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key === "") throw new InputError(INPUT, "has an entry with an empty name", HINT);
    if (typeof value !== "string") {
      throw new InputError(INPUT, `entry '${key}' is ${describeJsonType(value)}; every value must be a string`, HINT);
    }
    entries.push({ key, value, origin: { kind: "secrets" } });
  }
  return entries;
}

/** GitHub secret names: letters, digits and underscores, not starting with a digit. */
const SECRET_NAME_SHAPE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** "1st", "2nd", "3rd", "4th", "11th", "22nd", … */
export function ordinal(position: number): string {
  const tens = position % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][position % 10] ?? "th");
  return `${position}${suffix}`;
}

/**
 * The first top-level key of a valid JSON object that repeats an earlier one (compared after
 * unescaping, as JSON.parse compares them), with both 1-based positions.
 */
export function findDuplicateKey(text: string): { key: string; position: number; firstPosition: number } | undefined {
  const checker = new JsonChecker(text);
  try {
    checker.skipSpace();
    checker.value(0);
  } catch {
    return undefined;
  }
  const firstPositionOf = new Map<string, number>();
  for (const [index, [start, end]] of checker.topLevelKeys.entries()) {
    const key = JSON.parse(text.slice(start, end)) as string;
    const earlier = firstPositionOf.get(key);
    if (earlier !== undefined) return { key, position: index + 1, firstPosition: earlier };
    firstPositionOf.set(key, index + 1);
  }
  return undefined;
}

function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** "(line L, column C)" of the first syntax error, or "(it ends early)" for truncated text. */
export function describeJsonErrorPosition(text: string): string {
  const offset = findJsonErrorOffset(text);
  if (offset === undefined) return "(position unknown)";
  if (offset >= text.length) return "(it ends early)";
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (text[index] === "\n") {
      line += 1;
      lineStart = index + 1;
    }
  }
  return `(line ${line}, column ${offset - lineStart + 1})`;
}

/**
 * Offset of the first character where `text` stops being JSON (text.length when it ends too
 * early), or undefined when it is valid. A small recursive-descent checker, used only to locate
 * errors: the engine's messages are not stable across versions and sometimes quote the input.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  const checker = new JsonChecker(text);
  try {
    checker.skipSpace();
    checker.value(0);
    checker.skipSpace();
    if (checker.index < text.length) return checker.index;
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxAt) return error.offset;
    if (error instanceof JsonTooDeep) return undefined;
    throw error;
  }
}

class JsonSyntaxAt extends Error {
  readonly offset: number;

  constructor(offset: number) {
    super(`JSON syntax error at offset ${offset}`);
    this.offset = offset;
  }
}

/** Nesting deeper than this is valid JSON but would exhaust the checker's stack. */
class JsonTooDeep extends Error {}

const MAX_DEPTH = 512;

class JsonChecker {
  readonly text: string;
  index = 0;
  /** Start and end offsets of the keys of the outermost object, quotes included. */
  readonly topLevelKeys: Array<[number, number]> = [];

  constructor(text: string) {
    this.text = text;
  }

  fail(): never {
    throw new JsonSyntaxAt(this.index);
  }

  skipSpace(): void {
    while (this.index < this.text.length && " \t\n\r".includes(this.text[this.index] as string)) this.index += 1;
  }

  expect(char: string): void {
    if (this.text[this.index] !== char) this.fail();
    this.index += 1;
  }

  value(depth: number): void {
    if (depth > MAX_DEPTH) throw new JsonTooDeep("JSON nesting too deep to locate the error");
    const char = this.text[this.index];
    if (char === "{") this.object(depth);
    else if (char === "[") this.array(depth);
    else if (char === '"') this.string();
    else if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) this.number();
    else if (!["true", "false", "null"].some((word) => this.literal(word))) this.fail();
  }

  literal(word: string): boolean {
    for (let offset = 0; offset < word.length; offset += 1) {
      if (this.text[this.index + offset] !== word[offset]) {
        if (offset === 0) return false;
        this.index += offset;
        this.fail();
      }
    }
    this.index += word.length;
    return true;
  }

  object(depth: number): void {
    this.expect("{");
    this.skipSpace();
    if (this.text[this.index] === "}") {
      this.index += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      const keyStart = this.index;
      this.string();
      if (depth === 0) this.topLevelKeys.push([keyStart, this.index]);
      this.skipSpace();
      this.expect(":");
      this.skipSpace();
      this.value(depth + 1);
      this.skipSpace();
      if (this.text[this.index] === "}") {
        this.index += 1;
        return;
      }
      this.expect(",");
    }
  }

  array(depth: number): void {
    this.expect("[");
    this.skipSpace();
    if (this.text[this.index] === "]") {
      this.index += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value(depth + 1);
      this.skipSpace();
      if (this.text[this.index] === "]") {
        this.index += 1;
        return;
      }
      this.expect(",");
    }
  }

  string(): void {
    this.expect('"');
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined || char < " ") this.fail();
      if (char === '"') {
        this.index += 1;
        return;
      }
      if (char === "\\") {
        const escape = this.text[this.index + 1];
        if (escape === "u") {
          for (let digit = 2; digit < 6; digit += 1) {
            if (!/^[0-9a-fA-F]$/.test(this.text[this.index + digit] ?? "")) {
              this.index += digit;
              this.fail();
            }
          }
          this.index += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          this.index += 2;
        } else {
          this.index += 1;
          this.fail();
        }
      } else {
        this.index += 1;
      }
    }
  }

  number(): void {
    if (this.text[this.index] === "-") this.index += 1;
    if (this.text[this.index] === "0") this.index += 1;
    else this.digits();
    if (this.text[this.index] === ".") {
      this.index += 1;
      this.digits();
    }
    if (this.text[this.index] === "e" || this.text[this.index] === "E") {
      this.index += 1;
      if (this.text[this.index] === "+" || this.text[this.index] === "-") this.index += 1;
      this.digits();
    }
  }

  digits(): void {
    const start = this.index;
    while (/^[0-9]$/.test(this.text[this.index] ?? "")) this.index += 1;
    if (this.index === start) this.fail();
  }
}
