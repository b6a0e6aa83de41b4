import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeReferenceOutputs } from "../../src/action/references-output.ts";
import type { ChangeResult } from "../../src/engine/apply.ts";
import type { ReportIO } from "../../src/action/report.ts";

const VAULT = "https://shop-kv.vault.azure.net";
const RESULTS: ChangeResult[] = [
  { source: "DB_URL", name: "DB-URL", action: "create", status: "created", reason: "new secret", origin: { kind: "secrets" } },
];

function recordingIO(): { io: ReportIO; outputs: Record<string, string>; warnings: string[] } {
  const outputs: Record<string, string> = {};
  const warnings: string[] = [];
  const io = {
    setOutput: (name: string, value: string) => {
      outputs[name] = value;
    },
    warning: (message: string) => warnings.push(message),
  } as unknown as ReportIO;
  return { io, outputs, warnings };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("writeReferenceOutputs", () => {
  it("sets the three outputs and writes them to a file of their own under RUNNER_TEMP, readable only by the runner user", () => {
    const temp = mkdtempSync(join(tmpdir(), "kvs-refs-"));
    dirs.push(temp);
    const { io, outputs } = recordingIO();
    writeReferenceOutputs(RESULTS, { vaultUrl: VAULT, identity: "system", dryRun: false, tempDir: temp }, io);
    const uri = `${VAULT}/secrets/DB-URL`;
    expect(JSON.parse(outputs["secret-uris"] ?? "")).toEqual({ DB_URL: uri });
    const path = outputs["references-file"] ?? "";
    expect(path.startsWith(join(temp, "keyvault-sync-"))).toBe(true);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({
      "secret-uris": { DB_URL: uri },
      "app-settings": [{ name: "DB_URL", value: `@Microsoft.KeyVault(SecretUri=${uri})`, slotSetting: false }],
      "containerapp-secrets": { secrets: [`db-url=keyvaultref:${uri},identityref:system`], envVars: ["DB_URL=secretref:db-url"] },
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("writes the file as one member per line, each the very text of its output", () => {
    const temp = mkdtempSync(join(tmpdir(), "kvs-refs-"));
    dirs.push(temp);
    const { io, outputs } = recordingIO();
    writeReferenceOutputs(RESULTS, { vaultUrl: VAULT, identity: "system", dryRun: false, tempDir: temp }, io);
    const names = ["secret-uris", "app-settings", "containerapp-secrets"];
    const members = names.map((name) => `  "${name}": ${outputs[name] ?? "missing"}`);
    expect(readFileSync(outputs["references-file"] ?? "", "utf8")).toBe(`{\n${members.join(",\n")}\n}\n`);
  });

  it("points at nothing in a dry run, which wrote nothing", () => {
    const temp = mkdtempSync(join(tmpdir(), "kvs-refs-"));
    dirs.push(temp);
    const { io, outputs } = recordingIO();
    writeReferenceOutputs(RESULTS, { vaultUrl: VAULT, identity: "system", dryRun: true, tempDir: temp }, io);
    expect(outputs).toEqual({
      "secret-uris": "{}",
      "app-settings": "[]",
      "containerapp-secrets": '{"secrets":[],"envVars":[]}',
      "references-file": "",
    });
  });

  it("warns instead of failing the run when the file cannot be written", () => {
    const { io, outputs, warnings } = recordingIO();
    writeReferenceOutputs(
      RESULTS,
      { vaultUrl: VAULT, identity: "system", dryRun: false, tempDir: join(tmpdir(), "kvs-refs-missing", "deeper") },
      io,
    );
    expect(outputs["references-file"]).toBe("");
    expect(outputs["secret-uris"]).toContain("DB-URL");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Failed to write the references file under RUNNER_TEMP: /);
  });
});
