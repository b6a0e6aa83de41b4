/**
 * What the CLI may read: regular files inside the current directory, judged after every
 * symlink is resolved, never anything under /proc, /sys or /dev — the Action's rules
 * (sources/env-file-access.ts) with the working directory as the only root. A laptop's
 * `--env-file ~/.aws/credentials` or `/proc/self/environ` is refused; cd to the project, or
 * copy the file into it, to sync it.
 */
import { InputError } from "../engine/errors.ts";
import { FileRefusedError, readEnvFile } from "../engine/sources/env-file-access.ts";
import type { FileRoots } from "../engine/sources/env-file-access.ts";
import { decodeUtf8File } from "../engine/sources/decode-utf8.ts";
import { resolve } from "node:path";
import { optionLabel } from "./args.ts";

export function cliFileRoots(cwd: string): FileRoots {
  return { workspace: cwd, temp: undefined, described: "the current directory" };
}

/** A relative path is taken from `cwd`, the directory the CLI was started in. */
export function readCliFile(path: string, cwd: string): Promise<Uint8Array> {
  return readEnvFile(resolve(cwd, path), cliFileRoots(cwd));
}

/** The --secrets-file's text; errors name the option and the rule, never the content. */
export async function readSecretsFile(path: string, cwd: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readCliFile(path, cwd);
  } catch (error) {
    const rule =
      error instanceof FileRefusedError ? error.rule.replace("env-file reads", "the CLI reads") : `cannot be read: ${readCode(error)}`;
    throw new InputError(
      "secrets-file",
      rule,
      "Run keyvault-sync from the directory that holds the file (paths are relative to it).",
      optionLabel("secrets-file"),
    );
  }
  try {
    return decodeUtf8File(bytes, path);
  } catch (error) {
    throw error instanceof InputError
      ? new InputError("secrets-file", error.message.replace(/^Invalid input 'env-file': /, ""), error.hint, optionLabel("secrets-file"))
      : error;
  }
}

function readCode(error: unknown): string {
  return error !== null && typeof error === "object" && "code" in error && typeof error.code === "string" ? error.code : "unknown error";
}
