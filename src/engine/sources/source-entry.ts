/** Where a source entry came from; dotenv entries keep file and line for annotations. */
export type Origin =
  | { kind: "secrets" }
  | { kind: "dotenv"; file: string; line: number };

/** One key/value pair read from a source, before naming rules are applied. */
export interface SourceEntry {
  key: string;
  value: string;
  origin: Origin;
}
