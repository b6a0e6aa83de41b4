/**
 * The CLI's front door: arguments → settings → the engine's sync → the table or JSON, and an
 * exit code (render.ts). Messages for people go to stderr, the table or JSON to stdout.
 */
import packageJson from "../../package.json" with { type: "json" };
import { SyncError, errorMessage } from "../engine/errors.ts";
import type { Env } from "../engine/env.ts";
import { createKeyVault } from "../engine/vault/key-vault.ts";
import { parseCommandLine } from "./args.ts";
import { readCliFile, readSecretsFile } from "./files.ts";
import { renderHelp } from "./help.ts";
import { exitCodeFor, neutralise, renderError, renderJson, renderTable, useColour } from "./render.ts";
import { readSettings } from "./settings.ts";
import { createCliCredential } from "./sign-in.ts";
import { runSync } from "./sync.ts";
import { runCheck } from "./check.ts";
import type { SyncDeps } from "./sync.ts";

export const VERSION = packageJson.version;

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
}

export type EngineDeps = Pick<SyncDeps, "createCredential" | "createKeyVault" | "now">;

const DEFAULT_DEPS: EngineDeps = { createCredential: createCliCredential, createKeyVault, now: () => new Date() };

export async function main(argv: readonly string[], env: Env, io: CliIO, deps: EngineDeps = DEFAULT_DEPS): Promise<number> {
  const errColour = useColour(env, io.stderrIsTTY);
  // Line by line: a message's own new lines stay, anything else that could steer a terminal is shown.
  const say = (message: string): void => io.stderr(`${message.split("\n").map(neutralise).join("\n")}\n`);
  try {
    const parsed = parseCommandLine(argv, env);
    if (parsed.kind === "help") {
      io.stdout(renderHelp(VERSION));
      return 0;
    }
    if (parsed.kind === "version") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const settings = await readSettings(parsed.command, parsed.values, env, { readSecretsFile: (path) => readSecretsFile(path, io.cwd) });
    if (settings.check !== undefined) {
      const checked = await runCheck(settings, settings.check, { ...deps, env, info: say });
      io.stdout(checked.output);
      return checked.exitCode;
    }
    const outcome = await runSync(settings, {
      ...deps,
      env,
      readFile: (path) => readCliFile(path, io.cwd),
      info: say,
      warning: (message) => say(`Warning: ${message}`),
      progress: say,
    });
    const context = { command: settings.command, vaultUrl: settings.inputs.vaultUrl, notes: outcome.notes };
    io.stdout(settings.json ? renderJson(outcome.results, context) : renderTable(outcome.results, context, useColour(env, io.stdoutIsTTY)));
    return exitCodeFor(settings.command, outcome.results);
  } catch (error) {
    io.stderr(renderError(relabel(errorMessage(error)), error instanceof SyncError ? error.hint : undefined, errColour));
    return 1;
  }
}

/** The engine names its inputs as the Action does ('env-file'); the CLI names its options. */
function relabel(message: string): string {
  return message.replace(
    /^Invalid input '([a-z-]+)'/,
    (_match, name: string) => `Invalid option --${name === "secrets" ? "secrets-file" : name}`,
  );
}
