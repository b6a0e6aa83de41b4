/**
 * Where a source entry came from. Entries of a file-backed kind keep file and line, so
 * annotations and the summary can point at them whatever the file's format.
 */
export type Origin = { kind: "secrets" } | { kind: "dotenv"; file: string; line: number };

/** The place in a file an entry was read from, for an origin of any file-backed kind. */
export interface FileLocation {
  file: string;
  line: number;
}

/** The file and line of a file-backed origin; undefined for an origin that is not a file. */
export function locateOrigin(origin: Origin | undefined): FileLocation | undefined {
  return origin !== undefined && "file" in origin ? { file: origin.file, line: origin.line } : undefined;
}

/** One key/value pair read from a source, before naming rules are applied. */
export interface SourceEntry {
  key: string;
  value: string;
  origin: Origin;
}

/** What the sources are: one field per kind of source. */
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

/** One kind of source: its part of the spec as batches of entries (one per file, for files). */
export type SourceKind = (spec: SourceSpec, io: SourceIO) => AsyncIterable<SourceEntry[]> | Iterable<SourceEntry[]>;
