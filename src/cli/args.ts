/**
 * The command line and the environment → one value per option, with node:util's parseArgs.
 * The command line wins over KEYVAULT_SYNC_* variables. Mistakes are reported by option name
 * and rule only: an option's value may be a secret someone typed in the wrong place.
 */
import { parseArgs } from "node:util";
import { InputError, SyncError } from "../engine/errors.ts";
import type { Env } from "../engine/env.ts";
import { CLI_OPTIONS, COMMANDS, COMMAND_LINE_ONLY, envVariable } from "./options.ts";
import type { CliOption, Command } from "./options.ts";

export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export type ParsedArgs = { kind: "help" } | { kind: "version" } | { kind: "run"; command: Command; values: OptionValues };

const BY_NAME = new Map(CLI_OPTIONS.map((option) => [option.name, option]));
/** Only a name of this shape is repeated in an error; anything else may be a mistyped value. */
const PRINTABLE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** How the CLI names an input or option in messages. */
export const optionLabel = (name: string): string => `option --${name === "secrets" ? "secrets-file" : name}`;

export function parseCommandLine(argv: readonly string[], env: Env): ParsedArgs {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(CLI_OPTIONS.map((option) => [option.name, { type: option.type, multiple: option.multiple ?? false }])),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = BY_NAME.get(token.name);
    const shown = PRINTABLE_NAME.test(token.name) ? `--${token.name}` : "an option";
    if (option === undefined)
      throw new SyncError(
        `Unknown option: ${token.rawName.startsWith("--") ? shown : "a short option"}`,
        "Run keyvault-sync --help for the options.",
      );
    if (option.type === "string" && token.value === undefined)
      throw new InputError(option.name, "needs a value", undefined, optionLabel(option.name));
    if (option.type === "boolean" && token.inlineValue === true) {
      throw new InputError(option.name, "takes no value (write --prune, not --prune=true)", undefined, optionLabel(option.name));
    }
  }
  if (values["help"] === true) return { kind: "help" };
  if (values["version"] === true) return { kind: "version" };
  const [command, ...extra] = positionals;
  if (command === undefined)
    throw new SyncError("No command given", "Run keyvault-sync plan or keyvault-sync apply; keyvault-sync --help lists the options.");
  if (!Object.hasOwn(COMMANDS, command)) {
    throw new SyncError(
      `Unknown command${PRINTABLE_NAME.test(command) ? ` '${command}'` : ""}: the commands are plan and apply`,
      "Run keyvault-sync --help.",
    );
  }
  if (extra.length > 0) throw new SyncError(`Unexpected argument after '${command}': options start with --`, "Run keyvault-sync --help.");
  const merged: Record<string, string | boolean | string[] | undefined> = {};
  for (const option of CLI_OPTIONS) {
    merged[option.name] = values[option.name] ?? (COMMAND_LINE_ONLY.has(option.name) ? undefined : readEnvOption(option, env));
  }
  return { kind: "run", command: command as Command, values: merged };
}

/** KEYVAULT_SYNC_PRUNE=true, KEYVAULT_SYNC_ENV_FILE with one path a line, … */
function readEnvOption(option: CliOption, env: Env): string | boolean | string[] | undefined {
  const variable = envVariable(option);
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (option.type === "boolean") {
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    throw new InputError(option.name, `must be true or false (read from ${variable})`, undefined, optionLabel(option.name));
  }
  if (option.multiple)
    return raw
      .split(/\r?\n/)
      .map((item) => item.trim())
      .filter((item) => item !== "");
  return raw;
}

/** One option as the Action's input text: repeated values become one item per line. */
export function asInputText(value: string | boolean | string[] | undefined): string {
  if (value === undefined || value === false) return "";
  if (value === true) return "true";
  return Array.isArray(value) ? value.join("\n") : value;
}
