/** The scheduled `check` workflow the README shows, parsed, so tests can lint it and run it. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export interface ReadmeWorkflow {
  text: string;
  on: { schedule?: Array<{ cron: string }> };
  permissions: Record<string, string>;
  step: { uses: string; with: Record<string, string | number | boolean> };
}

export function readCheckWorkflow(): ReadmeWorkflow {
  const readme = readFileSync("README.md", "utf8");
  const block = /```yaml\n(name: keyvault-check\n[\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error("README has no workflow named keyvault-check");
  const parsed = parse(block) as {
    on: ReadmeWorkflow["on"];
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Array<ReadmeWorkflow["step"]> }>;
  };
  const step = Object.values(parsed.jobs)
    .flatMap((job) => job.steps)
    .find((candidate) => candidate.uses?.startsWith("OWNER/keyvault-sync@"));
  if (step === undefined) throw new Error("the keyvault-check workflow has no keyvault-sync step");
  return { text: block, on: parsed.on, permissions: parsed.permissions, step };
}
