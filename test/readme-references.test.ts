/**
 * The README's complete "sync, then deploy" workflow must only use inputs and outputs the action
 * declares, and its rules example must pass the rules parser: a new user copies both as they are.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseRules } from "../src/engine/rules/parse-rules.ts";

const readme = readFileSync("README.md", "utf8");
const action = parse(readFileSync("action.yml", "utf8")) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const section = readme.slice(readme.indexOf("## Per-secret rules"), readme.indexOf("## Security"));
const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string);

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  run?: string;
}

describe("the README's rules and references examples", () => {
  it("has a rules example that parses without problems", () => {
    const rulesBlock = blocks.find((block) => block.startsWith("# .github/keyvault-rules.yml"));
    expect(rulesBlock).toBeDefined();
    const { rules, problems } = parseRules(rulesBlock as string, "README");
    expect(problems).toEqual([]);
    expect(rules.map((rule) => rule.pattern)).toEqual(["*", "DATABASE_URL", "STRIPE_*"]);
  });

  it("has a workflow whose sync step uses declared inputs and whose later steps read declared outputs", () => {
    const workflowBlock = blocks.find((block) => block.startsWith("name: deploy"));
    expect(workflowBlock).toBeDefined();
    const workflow = parse(workflowBlock as string) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const sync = steps.find((step) => step.uses?.includes("keyvault-sync"));
    expect(sync?.id).toBe("sync");
    for (const input of Object.keys(sync?.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    const used = steps.flatMap((step) => [...JSON.stringify(step).matchAll(/steps\.sync\.outputs\.([a-z-]+)/g)].map((match) => match[1]));
    expect(used.length).toBeGreaterThan(0);
    for (const output of used) expect(Object.keys(action.outputs)).toContain(output);
    const scripts = steps.map((step) => step.run ?? "").join("\n");
    expect(scripts).toContain("az webapp config appsettings set");
    expect(scripts).toContain('.["app-settings"]');
    expect(scripts).toContain("az containerapp secret set");
    expect(scripts).toContain("--set-env-vars");
  });
});
