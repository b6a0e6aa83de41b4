import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/engine/errors.ts";
import { describeJsonErrorPosition, findJsonErrorOffset, ordinal, parseSecretsJson } from "../../../src/engine/sources/secrets-json.ts";

function captureError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("parseSecretsJson", () => {
  it.each([
    [
      "an object of strings",
      '{"DB_PASS":"s3cret","API_KEY":"k"}',
      [
        ["DB_PASS", "s3cret"],
        ["API_KEY", "k"],
      ],
    ],
    ["an empty object", "{}", []],
    ["multi-line values", '{"PEM":"-----BEGIN-----\\nabc\\n-----END-----"}', [["PEM", "-----BEGIN-----\nabc\n-----END-----"]]],
    ["surrounding whitespace", '\n  {"A":"1"}\n', [["A", "1"]]],
    [
      "insertion order kept",
      '{"zeta":"1","alpha":"2","mid":"3"}',
      [
        ["zeta", "1"],
        ["alpha", "2"],
        ["mid", "3"],
      ],
    ],
    ["empty values are entries", '{"EMPTY":""}', [["EMPTY", ""]]],
    [
      "keys that differ only in case (naming reports the collision)",
      '{"A":"1","a":"2"}',
      [
        ["A", "1"],
        ["a", "2"],
      ],
    ],
    ["a repeated key inside a value is not looked at", '{"A":"{\\"x\\":1,\\"x\\":2}"}', [["A", '{"x":1,"x":2}']]],
  ])("reads %s", (_name, text, expected) => {
    const entries = parseSecretsJson(text);
    expect(entries.map((entry) => [entry.key, entry.value])).toEqual(expected);
    expect(entries.every((entry) => entry.origin.kind === "secrets")).toBe(true);
  });

  it.each([
    ["not JSON", '{"A": s3cretvalue}', "Invalid input 'secrets': is not valid JSON (line 1, column 7)"],
    [
      "a syntax error on a later line",
      '{\n  "A": "x",\n  "B": hunter2\n}',
      "Invalid input 'secrets': is not valid JSON (line 3, column 8)",
    ],
    ["a trailing comma", '{"A":"x",}', "Invalid input 'secrets': is not valid JSON (line 1, column 10)"],
    ["truncated text", '{"A":"sec', "Invalid input 'secrets': is not valid JSON (it ends early)"],
    ["an array", '["s3cret"]', "Invalid input 'secrets': must be a JSON object of name to string value, not an array"],
    ["null", "null", "Invalid input 'secrets': must be a JSON object of name to string value, not null"],
    ["a string", '"s3cret"', "Invalid input 'secrets': must be a JSON object of name to string value, not a string"],
    ["a number value", '{"PORT":5432}', "Invalid input 'secrets': entry 'PORT' is a number; every value must be a string"],
    ["an object value", '{"NESTED":{"x":"s3cret"}}', "Invalid input 'secrets': entry 'NESTED' is an object; every value must be a string"],
    ["a null value", '{"GONE":null}', "Invalid input 'secrets': entry 'GONE' is null; every value must be a string"],
    ["an empty name", '{"":"s3cret"}', "Invalid input 'secrets': has an entry with an empty name"],
    [
      "a repeated key",
      '{"A":"s3cret","A":"hunter2"}',
      "Invalid input 'secrets': has a repeated key: the 2nd key ('A') repeats the 1st; each name may appear once",
    ],
    [
      "a repeated key, third",
      '{"A":"1","B":"2","A":"s3cret"}',
      "Invalid input 'secrets': has a repeated key: the 3rd key ('A') repeats the 1st; each name may appear once",
    ],
    [
      "a key repeated with an escape",
      '{"DB_PASS":"s3cret","DB\\u005fPASS":"hunter2"}',
      "Invalid input 'secrets': has a repeated key: the 2nd key ('DB_PASS') repeats the 1st; each name may appear once",
    ],
    [
      "a repeated key that is not a secret name",
      '{"s3cret x":"1","s3cret x":"2"}',
      "Invalid input 'secrets': has a repeated key: the 2nd key repeats the 1st; each name may appear once",
    ],
    [
      "a repeated key before a non-string value",
      '{"A":"1","A":2}',
      "Invalid input 'secrets': has a repeated key: the 2nd key ('A') repeats the 1st; each name may appear once",
    ],
  ])("rejects %s without quoting it", (_name, text, message) => {
    const error = captureError(() => parseSecretsJson(text));
    expect(error.message).toBe(message);
    expect(error.input).toBe("secrets");
    for (const fragment of ["s3cret", "hunter2", "5432"]) {
      expect(error.message).not.toContain(fragment);
      expect(error.hint ?? "").not.toContain(fragment);
    }
  });
});

describe("findJsonErrorOffset", () => {
  it.each([
    ['{"a":"b"}', undefined],
    ['{"a":[1,-2.5e+3,true,false,null,{"b":"\\u00e9\\n"}]}', undefined],
    ["", 0],
    ["{", 1],
    ['{"a" "b"}', 5],
    ['{"a":tru}', 5 + 3],
    ['{"a":01}', 6],
    ['{"a":"b"} x', 10],
    ['{"a":"\\x"}', 7],
    ['{"a":"tab\there"}', 9],
    ["[1,]", 3],
  ])("%j -> %s", (text, offset) => {
    expect(findJsonErrorOffset(text)).toBe(offset);
    // Cross-check against the engine: an offset means JSON.parse must fail, none means it passes.
    expect((): unknown => JSON.parse(text)).toSatisfy((parse: () => unknown) => {
      try {
        parse();
        return offset === undefined;
      } catch {
        return offset !== undefined;
      }
    });
  });

  it.each([
    ['{"a":x}', "(line 1, column 6)"],
    ['{\r\n"a":x}', "(line 2, column 5)"],
    ["[", "(it ends early)"],
  ])("describes the position of %j as %s", (text, description) => {
    expect(describeJsonErrorPosition(text)).toBe(description);
  });
});

describe("ordinal", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [102, "102nd"],
    [111, "111th"],
  ])("%i -> %s", (position, expected) => {
    expect(ordinal(position)).toBe(expected);
  });
});
