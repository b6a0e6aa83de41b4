/**
 * The action's output layer: no text from outside can start a workflow command, and masking
 * still hides every value. Properties run the real @actions/core with stdout captured, and read
 * it back with a model of the runner (runner-model.ts).
 */
import * as core from "@actions/core";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listMaskForms, neutraliseCommands, neutraliseIO, neutraliseLine } from "../../src/action/action-io.ts";
import { readSources } from "../../src/engine/sources/read-sources.ts";
import { findRunnerCommands, parseRunnerCommand, readVisiblePieces, splitRunnerLines } from "../runner-model.ts";

const RUNS = { numRuns: 300 };

/** Runs `act` with process.stdout captured; returns what it wrote. */
function captureStdout(act: () => void): string {
  let written = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  try {
    act();
  } finally {
    spy.mockRestore();
  }
  return written;
}

afterEach(() => {
  process.exitCode = undefined;
  vi.unstubAllEnvs();
});

// Strings built from the pieces that matter to the runner, mixed with arbitrary code points.
const PIECES = [
  "::",
  "##[",
  "\u200b::",
  "#\u00ad#[",
  "]",
  ":",
  "#",
  "[",
  "\r",
  "\n",
  "\r\n",
  " ",
  "\t",
  "\u00a0",
  "\u0085",
  "\u200b",
  "\ufeff",
  "\u2028",
  "\u001b",
  "%",
  "%0A",
  "%25",
  ",",
  "=",
  "warning",
  "add-mask",
  "stop-commands",
  "title=x",
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 24 })
  .map((parts) => parts.join(""));

describe("the runner model", () => {
  // The model must find commands, or the properties below would hold for nothing.
  it.each([
    ["::warning title=T::text", "::", "warning"],
    ["  \t::error::text", "::", "error"],
    ["\u00a0\u3000::notice::text", "::", "notice"],
    ["::WARNING::text", "::", "WARNING"],
    ["::my-token::resumes after stop-commands", "::", "my-token"],
    ["text before ##[warning]legacy", "##[", "warning"],
    ["\u200b::debug::hidden by a culture-aware comparison", "::", "debug"],
    ["#\u200b#[error]likewise", "##[", "error"],
  ])("takes %j for a command", (line, form, name) => {
    expect(parseRunnerCommand(line)).toMatchObject({ form, name });
  });

  it.each([["text ::warning::x"], ["::no end"], ["##[ no bracket"], ["#[warning]x"], [":\\:warning::x"]])("takes %j for text", (line) => {
    expect(parseRunnerCommand(line)).toBeUndefined();
  });

  it("unescapes like the runner", () => {
    expect(parseRunnerCommand("::error title=a%3Ab%2Cc%0Ad::x%0Ay%250A")).toEqual({
      form: "::",
      name: "error",
      properties: { title: "a:b,c\nd" },
      data: "x\ny%0A",
    });
  });
});

describe("neutraliseLine", () => {
  it.each([
    ["::warning title=x::pwned", "\\::warning title=x::pwned"],
    ["   ::error::pwned", "   \\::error::pwned"],
    ["name ##[warning]pwned", "name ##\\[warning]pwned"],
    ["\u200b::debug::pwned", "\\u200B::debug::pwned"],
    ["a\u001b[31mred", "a\\u001B[31mred"],
    [
      "Vault: https://demo-vault.vault.azure.net (public cloud); writing",
      "Vault: https://demo-vault.vault.azure.net (public cloud); writing",
    ],
    ["created       DB-PASSWORD (from DB_PASSWORD): new secret", "created       DB-PASSWORD (from DB_PASSWORD): new secret"],
    ["keeps a\ttab, unicode é 🔑 and text::in the middle", "keeps a\ttab, unicode é 🔑 and text::in the middle"],
  ])("turns %j into %j", (line, expected) => {
    expect(neutraliseLine(line)).toBe(expected);
  });
});

describe("neutraliseCommands (property)", () => {
  it("leaves no line the runner would take for a command, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: hostile, weight: 4 }, { arbitrary: fc.string({ unit: "binary" }), weight: 1 }), (text) => {
        expect(findRunnerCommands(neutraliseCommands(text))).toEqual([]);
      }),
      // Pure and fast: enough runs that a missing rule shows every time.
      { numRuns: 3000 },
    );
  });

  it("changes nothing in text without line breaks, invisible characters, `##[` or a leading `::`", () => {
    const plain = fc
      .string({ unit: fc.constantFrom(...Array.from("abcXYZ019 -_.:/#[](){}*+?^$|\\'\"é🔑")) })
      .filter((text) => !text.includes("##[") && !/^\s*::/.test(text));
    fc.assert(
      fc.property(plain, (text) => {
        expect(neutraliseCommands(text)).toBe(text);
      }),
      RUNS,
    );
  });
});

describe("neutraliseIO over @actions/core (property)", () => {
  const io = neutraliseIO(core);

  it("prints info and debug text that cannot start a command, debug as its one ::debug:: line", () => {
    // Step debug logging on: the runner sets RUNNER_DEBUG, and only then are debug lines made.
    vi.stubEnv("RUNNER_DEBUG", "1");
    fc.assert(
      fc.property(hostile, (text) => {
        expect(findRunnerCommands(captureStdout(() => io.info(text)))).toEqual([]);
        const debug = findRunnerCommands(captureStdout(() => io.debug(text)));
        expect(debug).toEqual([{ form: "::", name: "debug", properties: {}, data: neutraliseCommands(text) }]);
      }),
      RUNS,
    );
  });

  it("makes no debug line at all when step debug logging is off, which the runner would drop unread", () => {
    vi.stubEnv("RUNNER_DEBUG", "");
    expect(io.isDebug()).toBe(false);
    expect(captureStdout(() => io.debug("Key Vault GET /secrets/DB-PASSWORD/ -> 200 (20 ms)"))).toBe("");
    vi.stubEnv("RUNNER_DEBUG", "1");
    expect(io.isDebug()).toBe(true);
    expect(captureStdout(() => io.debug("Key Vault GET /secrets/DB-PASSWORD/ -> 200 (20 ms)"))).toBe(
      "::debug::Key Vault GET /secrets/DB-PASSWORD/ -> 200 (20 ms)\n",
    );
  });

  it("writes each annotation as exactly the one command it means, with message and title intact", () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        fc.constantFrom<"error" | "warning" | "notice">("error", "warning", "notice"),
        (message, title, level) => {
          const stdout = captureStdout(() => io[level](message, { title, file: "app.env", startLine: 3 }));
          expect(splitRunnerLines(stdout)).toHaveLength(1);
          const command = parseRunnerCommand(stdout.replace(/\n$/, ""));
          expect(command?.name).toBe(level);
          expect(command?.data).toBe(neutraliseCommands(message));
          // @actions/core leaves out an empty title.
          expect(command?.properties["title"]).toBe(title === "" ? undefined : title);
          expect(command?.properties["file"]).toBe("app.env");
          expect(command?.properties["line"]).toBe("3");
        },
      ),
      RUNS,
    );
  });

  it("fails the step with one error command and nothing else", () => {
    fc.assert(
      fc.property(hostile, (message) => {
        const commands = findRunnerCommands(captureStdout(() => io.setFailed(message)));
        expect(commands.map((command) => [command.name, command.data])).toEqual([["error", neutraliseCommands(message)]]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("masking through neutraliseIO (property)", () => {
  const io = neutraliseIO(core);
  // Values as the sources may hold them: multi-line, short, regex metacharacters, invisible characters.
  const value = fc
    .array(
      fc.oneof(
        fc.constantFrom(".", "^", "$", "|", "?", "+", "(", ")", "[", "]", "{", "}", "\\", "##[", "::", "\n", "\r\n", "\u200b", "%0A", "%"),
        fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
      ),
      { minLength: 1, maxLength: 10 },
    )
    .map((parts) => parts.join(""))
    .filter((text) => text.trim() !== "");

  /** Pieces of a value a reader must never see: each line, and each 12-character window of a long one. */
  function fragmentsOf(text: string): string[] {
    const fragments: string[] = [];
    for (const line of text.split(/\r\n|\r|\n/)) {
      if (line.trim() === "") continue;
      if (line.length <= 12) fragments.push(line);
      else for (let start = 0; start + 12 <= line.length; start += 1) fragments.push(line.slice(start, start + 12));
    }
    return fragments;
  }

  it("hides every value read from the sources wherever the action prints it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 4 }), async (values) => {
        const secretsJson = JSON.stringify(Object.fromEntries(values.map((text, index) => [`SECRET_${index}`, text])));
        let registered = "";
        await (async () => {
          const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
            registered += String(chunk);
            return true;
          });
          try {
            await readSources(
              { secretsJson, envFiles: [] },
              { readFile: async () => new Uint8Array(), mask: (secret) => io.setSecret(secret), warn: () => undefined },
            );
          } finally {
            spy.mockRestore();
          }
        })();
        const printed = captureStdout(() => {
          for (const text of values) {
            io.info(text);
            io.info(`value: ${text} (end)`);
            io.warning(`the value was ${text}`, { title: "printed" });
            io.debug(text);
          }
        });
        const pieces = readVisiblePieces(registered + printed);
        for (const fragment of values.flatMap(fragmentsOf)) {
          expect(pieces.filter((piece) => piece.includes(fragment))).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("registers the printed form of a value that neutralising would change", () => {
    expect(listMaskForms("plain")).toEqual(["plain"]);
    expect(listMaskForms("a##[b")).toEqual(["a##[b", "a##\\[b"]);
    expect(listMaskForms("::x\nline\u200b")).toEqual(["::x\nline\u200b", "\\::x", "line\\u200B"]);
  });
});
