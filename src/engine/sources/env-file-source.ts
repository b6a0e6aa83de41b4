/**
 * The `env-file` source kind: each dotenv file in the order given, decoded and parsed whole
 * before any of its values is used.
 */
import { InputError } from "../errors.ts";
import { decodeUtf8File } from "./decode-utf8.ts";
import { parseDotenv } from "./dotenv-file.ts";
import { FileRefusedError } from "./env-file-access.ts";
import type { SourceEntry, SourceIO, SourceSpec } from "./source-entry.ts";

/** One batch of entries per file. */
export async function* readEnvFileSource(spec: SourceSpec, io: SourceIO): AsyncGenerator<SourceEntry[]> {
  for (const [index, path] of spec.envFiles.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(path);
    } catch (error) {
      throw toReadError(error, path, index);
    }
    // Decoding and parsing refuse a broken file before any of its values is masked or used.
    const entries = parseDotenv(decodeUtf8File(bytes, path), path);
    if (entries.length === 0) {
      io.warn(`env-file entry ${index + 1} ('${path}') holds no entries: it is empty or has only comments and blank lines.`);
    }
    yield entries;
  }
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
