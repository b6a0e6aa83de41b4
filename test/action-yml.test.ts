import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHECK_INPUT_NAMES } from "../src/action/check-inputs.ts";
import { INPUT_NAMES } from "../src/action/input-fields.ts";
import { readActionMetadata, renderInputsTable, renderOutputsTable, runReadmeTables, updateReadme } from "../scripts/readme-tables.ts";

const ROOT = join(import.meta.dirname, "..");
const ACTION_TEXT = readFileSync(join(ROOT, "action.yml"), "utf8");
const action = parse(ACTION_TEXT) as {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
  branding?: { icon?: string; color?: string };
};

// The contract users write workflows against: input → default (undefined: none), and the
// outputs. Changing either is a breaking change (README, "Versioning and releases").
const DESIGN_INPUTS: Record<string, string | undefined> = {
  command: "sync",
  vault: undefined,
  secrets: undefined,
  "env-file": undefined,
  include: undefined,
  exclude: undefined,
  prefix: undefined,
  "name-transform": "hyphens",
  "tenant-id": undefined,
  "client-id": undefined,
  auth: "oidc",
  cloud: "public",
  audience: undefined,
  "dry-run": "auto",
  prune: "false",
  adopt: "false",
  owner: undefined,
  "content-type": undefined,
  tags: undefined,
  "expires-in": undefined,
  rules: undefined,
  "rules-file": undefined,
  identity: "system",
  // Raised from the design's 8 with pacing of every request (issue 9): 16 is 31 % faster on 1,000
  // reads, and more would open more connections than 1 per 50 requests.
  concurrency: "16",
  checks: undefined,
  "key-id": undefined,
  "expiry-warning-days": "30",
  "max-versions": "100",
  "fail-on": "warning",
  "subscription-id": undefined,
  "resource-group": undefined,
};
const DESIGN_OUTPUTS = [
  "created",
  "updated",
  "unchanged",
  "deleted",
  "recovered",
  "skipped",
  "failed",
  "failed-names",
  "changed",
  "plan",
  "secret-uris",
  "app-settings",
  "containerapp-secrets",
  "references-file",
];

describe("action.yml", () => {
  it("declares exactly the inputs of the design, with its defaults", () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(DESIGN_INPUTS).sort());
    for (const [name, expected] of Object.entries(DESIGN_INPUTS)) {
      expect({ name, default: action.inputs[name]?.default }).toEqual({ name, default: expected });
    }
  });

  it("requires only vault", () => {
    const required = Object.entries(action.inputs)
      .filter(([, spec]) => spec.required === true)
      .map(([name]) => name);
    expect(required).toEqual(["vault"]);
  });

  it("declares exactly the outputs of the design", () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...DESIGN_OUTPUTS].sort());
  });

  it("describes every input and output", () => {
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect({ name, described: (spec.description ?? "").trim().length > 10 }).toEqual({ name, described: true });
    }
  });

  it("documents the defaults that come from the environment", () => {
    expect(action.inputs["owner"]?.description).toContain("GITHUB_REPOSITORY");
    expect(action.inputs["tenant-id"]?.description).toContain("AZURE_TENANT_ID");
    expect(action.inputs["client-id"]?.description).toContain("AZURE_CLIENT_ID");
  });

  it("has no ${{ }} anywhere, since the runner evaluates it in action metadata and fails to load the action", () => {
    expect(ACTION_TEXT).not.toContain("${{");
  });

  it("runs dist/index.js on node24 and has branding", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
    expect(action.branding?.icon).toBeTruthy();
    expect(action.branding?.color).toBeTruthy();
  });

  it("declares every input the inputs modules read (sync's, then check's), and nothing else", () => {
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES, ...CHECK_INPUT_NAMES]);
  });

  it("declares every input named in a getInput-style call anywhere in src", () => {
    const read = new Set<string>();
    for (const file of listFiles(join(ROOT, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bget(?:Boolean|Multiline)?Input\(\s*["'`]([a-z][a-z0-9-]*)["'`]/g)) read.add(match[1]!);
    }
    for (const name of read) expect({ name, declared: name in action.inputs }).toEqual({ name, declared: true });
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("README tables", () => {
  const metadata = readActionMetadata(`
inputs:
  vault:
    description: Vault name | URL.
    required: true
  dry-run:
    description: >-
      Never write
      when true.
    default: auto
  concurrency:
    description: |
      Parallel requests.

      Second paragraph.
    default: 8
  prefix:
    description: Prepended.
outputs:
  plan:
    description: JSON array.
`);

  it("reads inputs and outputs in file order", () => {
    expect(metadata.inputs.map((input) => [input.name, input.required, input.default])).toEqual([
      ["vault", true, undefined],
      ["dry-run", false, "auto"],
      ["concurrency", false, "8"],
      ["prefix", false, undefined],
    ]);
    expect(metadata.outputs).toEqual([{ name: "plan", description: "JSON array." }]);
  });

  it("renders the inputs table", () => {
    expect(renderInputsTable(metadata.inputs)).toBe(
      [
        "| Input | Default | Description |",
        "| --- | --- | --- |",
        "| `vault` | **required** | Vault name \\| URL. |",
        "| `dry-run` | `auto` | Never write when true. |",
        "| `concurrency` | `8` | Parallel requests.<br><br>Second paragraph. |",
        "| `prefix` |  | Prepended. |",
      ].join("\n"),
    );
  });

  it("renders the outputs table", () => {
    expect(renderOutputsTable(metadata.outputs)).toBe(["| Output | Description |", "| --- | --- |", "| `plan` | JSON array. |"].join("\n"));
  });

  it("replaces only what is between the markers, and is stable", () => {
    const readme =
      "# Title\n\n<!-- inputs:start -->\nold\n<!-- inputs:end -->\n\ntext\n\n<!-- outputs:start -->\n<!-- outputs:end -->\nend\n";
    const once = updateReadme(readme, metadata);
    expect(once).toBe(
      `# Title\n\n<!-- inputs:start -->\n${renderInputsTable(metadata.inputs)}\n<!-- inputs:end -->\n\ntext\n\n` +
        `<!-- outputs:start -->\n${renderOutputsTable(metadata.outputs)}\n<!-- outputs:end -->\nend\n`,
    );
    expect(updateReadme(once, metadata)).toBe(once);
  });

  it("leaves a README without markers alone", () => {
    const readme = "# Title\n\n<!-- inputs:start -->\nno end marker\n";
    expect(updateReadme(readme, metadata)).toBe(readme);
  });

  it("--check fails on a stale README without writing it; a run fixes it", () => {
    const dir = mkdtempSync(join(tmpdir(), "readme-tables-"));
    writeFileSync(join(dir, "action.yml"), ACTION_TEXT);
    const stale = "# X\n<!-- inputs:start -->\n<!-- inputs:end -->\n<!-- outputs:start -->\n<!-- outputs:end -->\n";
    writeFileSync(join(dir, "README.md"), stale);
    const logs: string[] = [];
    expect(runReadmeTables(dir, ["--check"], (message) => logs.push(message))).toBe(1);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(stale);
    expect(runReadmeTables(dir, [], (message) => logs.push(message))).toBe(0);
    const updated = readFileSync(join(dir, "README.md"), "utf8");
    expect(updated).toContain("| `vault` | **required** |");
    expect(updated).toContain("| `plan` |");
    expect(runReadmeTables(dir, ["--check"], (message) => logs.push(message))).toBe(0);
  });

  it("does nothing without a README", () => {
    const dir = mkdtempSync(join(tmpdir(), "readme-tables-"));
    writeFileSync(join(dir, "action.yml"), ACTION_TEXT);
    expect(runReadmeTables(dir, ["--check"], () => {})).toBe(0);
  });
});
