/**
 * The reference outputs (issue 11): `secret-uris`, `app-settings`, `containerapp-secrets`, and
 * all three in one JSON file under RUNNER_TEMP (`references-file`) for syncs too large for
 * outputs. Addresses only, never a value. A dry run writes nothing, so it points at nothing.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChangeResult } from "../engine/apply.ts";
import { errorMessage } from "../engine/errors.ts";
import { buildReferences } from "../engine/references.ts";
import type { ReportIO } from "./report.ts";

export interface ReferenceSettings {
  vaultUrl: string;
  identity: string;
  dryRun: boolean;
  /** RUNNER_TEMP; without it no file is written. */
  tempDir: string | undefined;
}

export function writeReferenceOutputs(results: readonly ChangeResult[], settings: ReferenceSettings, io: ReportIO): void {
  const references = buildReferences(settings.dryRun ? [] : results, settings.vaultUrl, settings.identity);
  const containerApp = { secrets: references.containerApp.secrets, envVars: references.containerApp.envVars };
  // Each JSON text is made once, for its output and the file: for thousands of secrets these are
  // megabytes, and a second, indented copy of all three would be the run's largest allocation.
  const json = {
    "secret-uris": JSON.stringify(references.secretUris),
    "app-settings": JSON.stringify(references.appSettings),
    "containerapp-secrets": JSON.stringify(containerApp),
  };
  for (const [name, text] of Object.entries(json)) io.setOutput(name, text);
  for (const problem of references.problems) io.warning(`Left out of containerapp-secrets: ${problem}.`, { title: "containerapp-secrets" });
  if (settings.tempDir === undefined || settings.dryRun) {
    io.setOutput("references-file", "");
    return;
  }
  try {
    // A directory of its own: two steps of one job must not overwrite each other's file. The
    // calls are synchronous so that no run loads fs/promises (with streams and readline) for one
    // file: the offline dry run never writes it, and that start-up is measured in milliseconds.
    const directory = mkdtempSync(join(settings.tempDir, "keyvault-sync-"));
    const path = join(directory, "references.json");
    // One member per line, each the compact text its output holds.
    const members = Object.entries(json).map(([name, text]) => `  ${JSON.stringify(name)}: ${text}`);
    writeFileSync(path, `{\n${members.join(",\n")}\n}\n`, { mode: 0o600 });
    io.setOutput("references-file", path);
  } catch (error) {
    io.setOutput("references-file", "");
    io.warning(`Failed to write the references file under RUNNER_TEMP: ${errorMessage(error)}`, { title: "references-file" });
  }
}
