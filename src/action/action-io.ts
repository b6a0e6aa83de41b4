/**
 * Every line the action prints goes through here, so no text from outside (a source name, a tag
 * read from the vault, an Azure or Entra error message, a token claim) can start a workflow
 * command.
 *
 * The runner reads the step's stdout and stderr line by line (a line ends at \n, \r or \r\n) and
 * treats a line as a command when, after leading whitespace, it starts with `::` and holds a
 * second `::` (`::warning title=x::text`), or when it contains `##[` anywhere followed by `]`
 * (the legacy `##[warning]text`). Command names are matched without regard to case, and
 * `::stop-commands::TOKEN` makes any TOKEN a command, so the name cannot be trusted to be
 * harmless: every line is neutralised whatever the name.
 *
 * Neutralising is visible and keeps text readable:
 * - invisible and control characters (which a culture-aware comparison may skip, letting
 *   `\u200B::warning::` count as `::warning::`) are shown as `\u200B`-style escapes;
 * - a line whose first non-blank characters are `::` gets a `\` before them;
 * - `##[` becomes `##\[`.
 * Annotation data and properties are also escaped by @actions/core (%, \r, \n, and : , in
 * properties), so a message stays one command line; neutralising them too keeps the annotation
 * text free of fake commands.
 */
import * as core from "@actions/core";
import { format } from "node:util";
import { createJobSummary } from "./job-summary.ts";
import type { ActionIO } from "./main.ts";
import { holdUntilTurnEnds } from "./print-batches.ts";

const LINE_BREAK = /\r\n|\r|\n/;
// Controls, format characters (zero-width space, BOM, bidi marks), other default-ignorable code
// points and the Unicode line/paragraph separators. Tab is kept: it is plain whitespace.
const INVISIBLE = /(?!\t)[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;
const LEADING_COMMAND = /^(\s*)::/;

/** One line, unable to start a workflow command. */
export function neutraliseLine(line: string): string {
  return escapeAnywhere(line).replace(LEADING_COMMAND, "$1\\::");
}

/** The part of neutralising that does not depend on where in the line the text stands. */
function escapeAnywhere(text: string): string {
  return text.replace(INVISIBLE, escapeCodePoint).replaceAll("##[", "##\\[");
}

/** Text of any number of lines, each neutralised; line breaks become \n. */
export function neutraliseCommands(text: string): string {
  return text.split(LINE_BREAK).map(neutraliseLine).join("\n");
}

function escapeCodePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * The strings to mask for one value: the value, and each of its lines as neutralising would
 * print it, at the start of a line or within one. The runner masks the printed text, so without
 * these a value holding `##[` or a control character would slip past its mask if it were ever
 * printed.
 */
export function listMaskForms(value: string): string[] {
  const forms = [value];
  for (const line of value.split(LINE_BREAK)) {
    for (const neutral of [escapeAnywhere(line), neutraliseLine(line)]) {
      if (neutral !== line && neutral.trim() !== "" && !forms.includes(neutral)) forms.push(neutral);
    }
  }
  return forms;
}

/** Wraps the toolkit so that every message it prints is neutralised, line by line. */
export function neutraliseIO(toolkit: ActionIO): ActionIO {
  return {
    getInput: (name) => toolkit.getInput(name),
    setSecret: (secret) => {
      for (const form of listMaskForms(secret)) toolkit.setSecret(form);
    },
    setOutput: (name, value) => toolkit.setOutput(name, value),
    setFailed: (message) => toolkit.setFailed(neutraliseCommands(message)),
    isDebug: () => toolkit.isDebug(),
    // The runner drops debug lines unless step debug logging is on: without it, none is made.
    debug: (message) => {
      if (toolkit.isDebug()) toolkit.debug(neutraliseCommands(message));
    },
    info: (message) => toolkit.info(neutraliseCommands(message)),
    warning: (message, properties) => toolkit.warning(neutraliseCommands(message), properties),
    error: (message, properties) => toolkit.error(neutraliseCommands(message), properties),
    notice: (message, properties) => toolkit.notice(neutraliseCommands(message), properties),
    startGroup: (title) => toolkit.startGroup(neutraliseCommands(title)),
    endGroup: () => toolkit.endGroup(),
    summary: toolkit.summary,
  };
}

function batched<A extends unknown[]>(print: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    holdUntilTurnEnds(process.stdout);
    print(...args);
  };
}

/**
 * The Azure SDK's log (stderr, with AZURE_LOG_LEVEL), neutralised like every other line. Called
 * before the SDK is first used; a run that never signs in does not load the logger at all.
 */
export async function neutraliseSdkLog(): Promise<void> {
  const { AzureLogger } = await import("@azure/logger");
  AzureLogger.log = (...args: unknown[]) => {
    process.stderr.write(`${neutraliseCommands(format(...args))}\n`);
  };
}

/** The real toolkit, neutralised. */
export function createActionIO(): ActionIO {
  // Named one by one, not the namespace: the bundle then leaves out the toolkit's parts this
  // action never calls (its OIDC client with undici, its platform probe with child processes).
  // Each function that prints holds stdout until the turn ends (print-batches.ts).
  const toolkit: ActionIO = {
    getInput: core.getInput,
    setSecret: batched(core.setSecret),
    setOutput: core.setOutput,
    setFailed: batched(core.setFailed),
    isDebug: core.isDebug,
    debug: batched(core.debug),
    info: batched(core.info),
    warning: batched(core.warning),
    error: batched(core.error),
    notice: batched(core.notice),
    startGroup: batched(core.startGroup),
    endGroup: batched(core.endGroup),
    summary: createJobSummary(),
  };
  return neutraliseIO(toolkit);
}
