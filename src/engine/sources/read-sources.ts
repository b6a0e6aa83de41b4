/**
 * Reading the sources: every kind of source in one list, each in its own module. A new kind
 * (say, a JSON file) is its module, its field in SourceSpec and its place in SOURCE_KINDS.
 */
import { readEnvFileSource } from "./env-file-source.ts";
import { readSecretsSource } from "./secrets-json.ts";
import type { SourceEntry, SourceIO, SourceKind, SourceSpec } from "./source-entry.ts";

/** Every kind of source, in the order they are read. */
export const SOURCE_KINDS: readonly SourceKind[] = [readSecretsSource, readEnvFileSource];

/**
 * Reads every source: the `secrets` JSON first, then each env file in the order given. Each
 * value is masked as soon as its source is parsed, before any other work, so nothing later
 * (an error, a debug log, the SDK) can print it.
 */
export async function readSources(spec: SourceSpec, io: SourceIO): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for (const readKind of SOURCE_KINDS) {
    // One batch per source (one per file): masked as soon as it is parsed, before the next is read.
    for await (const batch of readKind(spec, io)) entries.push(...maskEntries(batch, io));
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
