/**
 * The job summaries a reviewer reads, from real runs of the bundled action against the local
 * Azure, rendered as GitHub renders them and checked as HTML: what needs attention comes first,
 * the rest is folded, fixes are shown once as copyable commands, and the links go where they say.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCloud } from "../../local-azure/index.ts";
import type { Cloud } from "../../local-azure/index.ts";
import { viewSummary } from "../../tools/summary-html.ts";
import { SUMMARY_RUNS } from "../../tools/summary-runs.ts";
import type { SyncRun } from "../../tools/vault-helpers.ts";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const REPOSITORY = "https://github.com/octo-org/octo-repo";

let cloud: Cloud;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(async () => {
  await cloud?.stop();
});

async function runScenario(name: string): Promise<SyncRun> {
  const scenario = SUMMARY_RUNS.find((candidate) => candidate.name === name);
  if (scenario === undefined) throw new Error(`No summary run named ${name}`);
  return scenario.run(cloud.info);
}

function hrefs(view: ReturnType<typeof viewSummary>): Map<string, string> {
  return new Map(view.root.querySelectorAll("a").map((a) => [a.text, a.getAttribute("href") ?? ""]));
}

describe("job summaries of real runs", () => {
  it("a 60-secret sync with 2 changes shows the 2 changes, with links to their lines, and folds the 58 others", async () => {
    const run = await runScenario("sixty-secrets-two-changes");
    expect(run.exitCode, run.stdout).toBe(0);
    const view = viewSummary(run.summary);
    expect(view.heading).toBe("Key Vault Sync: summary-sixty");
    expect(view.order).toEqual(["Changed (2)", "details"]);
    expect(view.rows("Changed").map((row) => row.slice(0, 3))).toEqual([
      ["SETTING-08", "SETTING_08 (deploy/production.env:9)", "updated"],
      ["SETTING-34", "SETTING_34 (deploy/production.env:35)", "updated"],
    ]);
    expect(view.details?.querySelector("summary")?.text).toBe("Unchanged (58)");
    expect(view.rows("details")).toHaveLength(58);
    const links = hrefs(view);
    expect(links.get("deploy/production.env:9")).toBe(`${REPOSITORY}/blob/${SHA}/deploy/production.env#L9`);
    expect(links.get("0123456")).toBe(`${REPOSITORY}/commit/${SHA}`);
    // The log: one group per stage before the per-secret report, each closed. Without prune each
    // secret is read, planned and written in one stage.
    expect(run.stdout.match(/^::group::.*$/gm)).toEqual([
      "::group::Read inputs and sources",
      "::group::Sign in",
      "::group::Read, plan and apply each secret",
    ]);
    expect(run.stdout.match(/^::endgroup::$/gm)).toHaveLength(3);
    expect(links.get("summary-sixty")).toMatch(
      /^https:\/\/portal\.azure\.com\/#blade\/HubsExtension\/ArgQueryBlade\/query\/.*summary-sixty/,
    );
  });

  it("a pull request's plan that deletes warns with the count and names before anything else", async () => {
    const run = await runScenario("plan-that-deletes");
    expect(run.exitCode, run.stdout).toBe(0);
    const view = viewSummary(run.summary);
    expect(view.heading).toBe("Key Vault Sync: summary-deletes, prefix app- (dry run)");
    expect(view.order).toEqual(["Would delete (3)", "Would change (1)", "details"]);
    const warning = view.section("Would delete").find((element) => element.classList.contains("markdown-alert-warning"));
    expect(warning?.text).toContain("This plan deletes 3 secrets from summary-deletes: app-LEGACY-TOKEN, app-OLD-WEBHOOK, app-SERVICE-99.");
    expect(view.rows("Would change").map((row) => row.slice(0, 3))).toEqual([["app-NEW-FEATURE-KEY", "NEW_FEATURE_KEY", "would create"]]);
    expect(view.rows("details")).toHaveLength(20);
    const items = view.root.querySelectorAll("li").map((li) => li.text);
    expect(items.some((item) => item.startsWith("Dry run: nothing was written to the vault (") && item.includes("pull_request"))).toBe(
      true,
    );
    expect(items).toContain("Scope: owner octo-org/octo-repo · prefix app- · prune on · adopt off");
  });

  it("5 failures that share a fix show it once, as a wrapped command, before the unchanged secrets", async () => {
    const run = await runScenario("five-failures-one-fix");
    expect(run.exitCode).toBe(1);
    const view = viewSummary(run.summary);
    expect(view.order).toEqual(["Failed (5)", "How to fix it", "details"]);
    expect(view.rows("Failed").map((row) => row[0])).toEqual([
      "NEW-API-KEY-01",
      "NEW-API-KEY-02",
      "NEW-API-KEY-03",
      "NEW-API-KEY-04",
      "NEW-API-KEY-05",
    ]);
    expect(view.rows("Failed").every((row) => row[2]?.startsWith("Failed to set secret") && row[3] === "1")).toBe(true);
    const fix = view.section("How to fix it");
    expect(fix[0]?.text).toBe("Fix 1, for 5 secrets: NEW-API-KEY-01, NEW-API-KEY-02, NEW-API-KEY-03, NEW-API-KEY-04, NEW-API-KEY-05");
    const commands = fix.filter((element) => element.tagName === "PRE").map((element) => element.text.trimEnd());
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(
      /^az role assignment create \\\n {2}--role "Key Vault Secrets Officer" \\\n {2}--assignee \S+ \\\n {2}--scope "\$\(az keyvault show --name summary-forbidden --query id -o tsv\)"$/,
    );
    expect(view.rows("details")).toHaveLength(8);
  });

  it("a sign-in failure says nothing was synced and shows the credential to create as a command", async () => {
    const run = await runScenario("sign-in-failure");
    expect(run.exitCode).toBe(1);
    const view = viewSummary(run.summary);
    expect(view.heading).toBe("Key Vault Sync: summary-sign-in, prefix shop-");
    expect(view.root.querySelector(".markdown-alert-caution")?.text).toMatch(/No secret was synced\. .*AADSTS700213/s);
    const commands = view
      .section("How to fix it")
      .filter((element) => element.tagName === "PRE")
      .map((element) => element.text);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^az ad app federated-credential create \\\n {2}--id \S+ \\\n {2}--parameters '\{\n/);
    const parameters = JSON.parse(/--parameters '([^']*)'/.exec(commands[0] ?? "")?.[1] ?? "") as Record<string, unknown>;
    expect(parameters).toMatchObject({ subject: "repo:octo-org/octo-repo:environment:staging", audiences: ["api://AzureADTokenExchange"] });
    expect(hrefs(view).get("0123456")).toBe(`${REPOSITORY}/commit/${SHA}`);
  });
});
