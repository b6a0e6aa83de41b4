import { InputError } from "../errors.ts";
import { decodeUtf8File } from "./decode-utf8.ts";
import { parseDotenv } from "./dotenv-file.ts";
import { FileRefusedError } from "./env-file-access.ts";
import { parseSecretsJson } from "./secrets-json.ts";
import type { SourceEntry } from "./source-entry.ts";

export interface SourceSpec {
  secretsJson: string | undefined;
  envFiles: readonly string[];
}

export interface SourceIO {
  /** The file's bytes; throws FileRefusedError for a path env-file may not read. */
  readFile(path: string): Promise<Uint8Array>;
  /** Registers a value with the runner's log masking (core.setSecret). */
  mask(value: string): void;
  /** A warning annotation (core.warning). */
  warn(message: string): void;
}

/**
 * Reads every source: the `secrets` JSON first, then each env file in the order given. Each
 * value is masked as soon as its source is parsed, before any other work, so nothing later
 * (an error, a debug log, the SDK) can print it.
 */
export async function readSources(spec: SourceSpec, io: SourceIO): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  if (spec.secretsJson !== undefined) {
    entries.push(...maskEntries(parseSecretsJson(spec.secretsJson), io));
  }
  for (const [index, path] of spec.envFiles.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(path);
    } catch (error) {
      throw toReadError(error, path, index);
    }
    // Decoding and parsing refuse a broken file before any of its values is masked or used.
    const fileEntries = parseDotenv(decodeUtf8File(bytes, path), path);
    if (fileEntries.length === 0) {
      io.warn(`env-file entry ${index + 1} ('${path}') holds no entries: it is empty or has only comments and blank lines.`);
    }
    entries.push(...maskEntries(fileEntries, io));
  }
  return entries;
}

function maskEntries(entries: SourceEntry[], io: SourceIO): SourceEntry[] {
  for (const entry of entries) {
    for (const fragment of listMaskFragments(entry.value)) io.mask(fragment);
  }
  return entries;
}

/**
 * The strings to mask for one value: the whole value, and each non-empty line of a multi-line
 * value, because the runner matches masks within a single log line and a multi-line value is
 * printed (by whatever prints it) one line at a time.
 */
export function listMaskFragments(value: string): string[] {
  if (value === "") return [];
  const fragments = [value];
  if (/[\r\n]/.test(value)) {
    for (const line of value.split(/\r\n|\r|\n/)) {
      if (line !== "" && !fragments.includes(line)) fragments.push(line);
    }
  }
  return fragments;
}

function toReadError(error: unknown, path: string, index: number): InputError {
  if (error instanceof FileRefusedError) {
    return new InputError(
      "env-file",
      `entry ${index + 1} ('${path}') ${error.rule}`,
      "Keep the dotenv file in the repository, or have an earlier step write it to $RUNNER_TEMP.",
    );
  }
  const code = readErrorCode(error);
  const hint =
    code === "ENOENT"
      ? "Paths are relative to the job's working directory (usually the repository root); check the path and that the job checks out the repository (actions/checkout)."
      : undefined;
  // Paths are not secret; the file's content (and the OS message, which may echo it) is not used.
  return new InputError("env-file", `cannot read entry ${index + 1} ('${path}'): ${code}`, hint);
}

function readErrorCode(error: unknown): string {
  if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return "unknown error";
}
