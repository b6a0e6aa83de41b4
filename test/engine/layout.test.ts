/**
 * The engine is data in, data out, whichever front door drives it: no module under src/engine
 * imports @actions/core or anything under src/action, and only the vault adapter imports the
 * Key Vault SDK.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ENGINE = join(import.meta.dirname, "../../src/engine");

function listModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listModules(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

function listImports(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gms)].map((match) => match[1] ?? "");
}

const modules = listModules(ENGINE).map((file) => ({ name: relative(ENGINE, file), imports: listImports(file) }));

describe("src/engine", () => {
  it("finds the engine's modules and their imports", () => {
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.find((module) => module.name === "plan-secret.ts")?.imports).toContain("./ownership.ts");
  });

  it.each(modules)("$name imports no front door", ({ imports }) => {
    expect(imports.filter((source) => source.startsWith("@actions/core") || /(^|\/)action\//.test(source))).toEqual([]);
  });

  it("imports the Key Vault SDK only in the vault adapter", () => {
    const importers = modules.filter((module) => module.imports.includes("@azure/keyvault-secrets")).map((module) => module.name);
    expect(importers).toEqual(["vault/key-vault.ts"]);
  });
});

describe("src/cli", () => {
  const cli = listModules(join(import.meta.dirname, "../../src/cli")).map((file) => ({
    name: relative(ENGINE, file),
    imports: listImports(file),
  }));

  it.each(cli)("$name imports neither @actions/core nor the Action's toolkit I/O", ({ imports }) => {
    expect(
      imports.filter((source) => source.startsWith("@actions/core") || /action\/(main|action-io|report|summary)\.ts$/.test(source)),
    ).toEqual([]);
  });
});
