import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { afterEach, describe, expect, it } from "vitest";
import { createJobSummary } from "../../src/action/job-summary.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function summaryFile(content = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "kvs-summary-"));
  dirs.push(dir);
  const path = join(dir, "step-summary");
  writeFileSync(path, content);
  return path;
}

describe("createJobSummary", () => {
  it("appends what was added, each write only what was added since the last", async () => {
    const path = summaryFile("from an earlier step\n");
    const summary = createJobSummary({ GITHUB_STEP_SUMMARY: path });
    summary.addRaw("## Key Vault Sync", true).addRaw("| a | b |");
    await summary.write();
    summary.addRaw("second", true);
    await summary.write();
    expect(readFileSync(path, "utf8")).toBe("from an earlier step\n## Key Vault Sync\n| a | b |second\n");
  });

  it("writes the very bytes the toolkit's summary writes for the same calls", async () => {
    const ours = summaryFile("x\n");
    const theirs = summaryFile("x\n");
    const text = "## Synced ✓\n\n| name | status |\n|---|---|\n| `A-B` | created |";
    const summary = createJobSummary({ GITHUB_STEP_SUMMARY: ours });
    summary.addRaw(text, true);
    await summary.write();
    const saved = process.env["GITHUB_STEP_SUMMARY"];
    process.env["GITHUB_STEP_SUMMARY"] = theirs;
    try {
      await core.summary.addRaw(text, true).write();
    } finally {
      if (saved === undefined) delete process.env["GITHUB_STEP_SUMMARY"];
      else process.env["GITHUB_STEP_SUMMARY"] = saved;
    }
    expect(readFileSync(ours, "utf8")).toBe(readFileSync(theirs, "utf8"));
  });

  it("fails with the toolkit's message when the runner names no summary file", async () => {
    await expect(createJobSummary({}).addRaw("text").write()).rejects.toThrow(
      "Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.",
    );
  });

  it("fails with the toolkit's message, and creates nothing, when the named file is missing", async () => {
    const missing = join(summaryFile(), "..", "absent");
    await expect(createJobSummary({ GITHUB_STEP_SUMMARY: missing }).addRaw("text").write()).rejects.toThrow(
      `Unable to access summary file: '${missing}'. Check if the file has correct read/write permissions.`,
    );
    expect(() => readFileSync(missing)).toThrow(/ENOENT/);
  });
});
