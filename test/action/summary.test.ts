/**
 * The job summary rendered as GitHub renders it (GFM with alerts) and checked as HTML: what a
 * reviewer sees first, what is folded away, links, fixes and escaping.
 */
import { describe, expect, it } from "vitest";
import { countResults } from "../../src/action/report.ts";
import { renderFailureSummary, renderSummary } from "../../src/action/summary.ts";
import type { ChangeResult } from "../../src/engine/apply.ts";
import type { SummaryContext } from "../../src/action/summary.ts";
import { findStructureProblems, viewSummary } from "../../tools/summary-html.ts";
import { CLIENT_ID, SHA, context, fiveFailuresOneFix, planThatDeletes, result, sixtyWithTwoUpdates } from "./summary-scenarios.ts";

function render(results: ChangeResult[], overrides: Partial<SummaryContext> = {}): string {
  return renderSummary(results, countResults(results), context(overrides));
}

describe("what a reviewer sees first", () => {
  it("puts the 2 updates of a 60-secret run above the fold and the 58 unchanged rows inside <details>", () => {
    const markdown = render(sixtyWithTwoUpdates());
    const view = viewSummary(markdown);
    expect(findStructureProblems(markdown)).toEqual([]);
    expect(view.order).toEqual(["Changed (2)", "details"]);
    expect(view.rows("Changed").map((row) => [row[0], row[2]])).toEqual([
      ["SECRET-08", "updated"],
      ["SECRET-34", "updated"],
    ]);
    expect(view.details?.querySelector("summary")?.text).toBe("Unchanged (58)");
    expect(view.rows("details")).toHaveLength(58);
    expect(view.rows("details").every((row) => row[2] === "unchanged")).toBe(true);
    expect(view.root.querySelector("p")?.text).toBe("2 updated · 58 unchanged");
  });

  it("says in a warning callout that a plan deletes, with the count and the names, before the changes", () => {
    const markdown = render(planThatDeletes(), {
      dryRun: true,
      dryRunReason: "dry-run: auto, pull_request event",
      settings: { prefix: "app-", owner: "octo-org/octo-repo", prune: true, adopt: false },
    });
    const view = viewSummary(markdown);
    expect(findStructureProblems(markdown)).toEqual([]);
    expect(view.heading).toBe("Key Vault Sync: demo-vault, prefix app- (dry run)");
    expect(view.order).toEqual(["Would delete (3)", "Would change (1)", "details"]);
    const warning = view.section("Would delete").find((element) => element.classList.contains("markdown-alert-warning"));
    expect(warning?.text).toContain("This plan deletes 3 secrets from demo-vault: APP-05-OLD, LEGACY-TOKEN, ZZ-UNUSED.");
    expect(view.rows("Would delete").map((row) => row[0])).toEqual(["APP-05-OLD", "LEGACY-TOKEN", "ZZ-UNUSED"]);
    expect(view.rows("Would change")).toEqual([["APP-NEW", "APP_NEW", "would create", "new secret"]]);
  });

  it("shows failures first and one fix for five failures that share it, as a wrapped shell command", () => {
    const markdown = render([...fiveFailuresOneFix(), result("NEW-ONE", "created")]);
    const view = viewSummary(markdown);
    expect(findStructureProblems(markdown)).toEqual([]);
    expect(view.order).toEqual(["Failed (5)", "How to fix it", "Changed (1)", "details"]);
    expect(view.rows("Failed").map((row) => [row[0], row[3]])).toEqual(
      ["API-01", "API-02", "API-03", "API-04", "API-05"].map((name) => [name, "1"]),
    );
    expect(view.rows("Failed")[0]?.[2]).toBe(
      "Failed to set secret 'API-01' in vault 'demo-vault': Caller is not authorized to perform action on resource. (403 ForbiddenByRbac)",
    );
    const fix = view.section("How to fix");
    expect(fix.filter((element) => element.tagName === "PRE")).toHaveLength(1);
    expect(fix[0]?.text).toBe("Fix 1, for 5 secrets: API-01, API-02, API-03, API-04, API-05");
    expect(fix.map((element) => element.text).join("\n")).toContain("Grant it: the command below.");
    const command = fix.find((element) => element.tagName === "PRE")?.querySelector("code");
    expect(command?.getAttribute("class")).toBe("language-sh");
    const lines = (command?.text ?? "").trimEnd().split("\n");
    expect(lines[0]).toBe("az role assignment create \\");
    expect(lines.slice(1, -1).every((line) => line.startsWith("  --") && line.endsWith(" \\"))).toBe(true);
    expect(lines.at(-1)).toBe('  --scope "$(az keyvault show --name demo-vault --query id -o tsv)"');
    expect(lines.join(" ")).toContain(`--assignee ${CLIENT_ID}`);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
  });

  it("numbers distinct fixes and lists a failure without a fix without one", () => {
    const disabled =
      "Enable it (az keyvault secret set-attributes --vault-name demo-vault --name OFF --enabled true) or remove it from the sources.";
    const markdown = render([result("OFF", "failed", { hint: disabled }), result("BAD", "failed"), ...fiveFailuresOneFix()]);
    const view = viewSummary(markdown);
    expect(view.order.slice(0, 2)).toEqual(["Failed (7)", "How to fix them"]);
    expect(view.rows("Failed").map((row) => [row[0], row[3]])).toEqual([
      ["OFF", "1"],
      ["BAD", "–"],
      ["API-01", "2"],
      ["API-02", "2"],
      ["API-03", "2"],
      ["API-04", "2"],
      ["API-05", "2"],
    ]);
    const texts = view.section("How to fix").map((element) => element.text);
    expect(texts).toContain("Enable it (the command below) or remove it from the sources.");
    expect(texts.filter((text) => text.startsWith("Fix "))).toEqual([
      "Fix 1, for OFF",
      "Fix 2, for 5 secrets: API-01, API-02, API-03, API-04, API-05",
    ]);
  });

  it("says so when there is nothing to sync", () => {
    const view = viewSummary(render([]));
    expect(view.root.text).toContain("No secrets in the sources.");
    expect(view.details).toBeUndefined();
  });
});

describe("context and links", () => {
  it("links the vault in the portal of its cloud, by a Resource Graph query for its name", () => {
    for (const [vaultUrl, portal] of [
      ["https://demo-vault.vault.azure.net", "https://portal.azure.com/"],
      ["https://demo-vault.vault.usgovcloudapi.net", "https://portal.azure.us/"],
      ["https://demo-vault.vault.azure.cn", "https://portal.azure.cn/"],
    ] as const) {
      const anchor = viewSummary(render([result("A", "created")], { vaultUrl }))
        .root.querySelectorAll("a")
        .find((a) => a.text === "demo-vault");
      const href = anchor?.getAttribute("href") ?? "";
      expect(href.startsWith(`${portal}#blade/HubsExtension/ArgQueryBlade/query/`)).toBe(true);
      expect(decodeURIComponent(href.split("/query/")[1] ?? "")).toContain(
        "where type =~ 'microsoft.keyvault/vaults' and name =~ 'demo-vault'",
      );
    }
  });

  it("links the commit and each dotenv origin to its file and line at that commit", () => {
    const results = [
      result("DB", "created", { source: "DB", origin: { kind: "dotenv", file: "deploy/prod env/.env", line: 12 } }),
      result("OUT", "created", { source: "OUT", origin: { kind: "dotenv", file: "/tmp/generated.env", line: 1 } }),
    ];
    const view = viewSummary(render(results));
    const hrefs = view.root.querySelectorAll("a").map((a) => [a.text, a.getAttribute("href")]);
    expect(hrefs).toContainEqual(["0123456", `https://github.com/octo-org/octo-repo/commit/${SHA}`]);
    expect(hrefs).toContainEqual([
      "deploy/prod env/.env:12",
      `https://github.com/octo-org/octo-repo/blob/${SHA}/deploy/prod%20env/.env#L12`,
    ]);
    // A file outside the workspace is not in the repository: named, not linked.
    expect(view.rows("Changed")[1]).toEqual(["OUT", "OUT (/tmp/generated.env:1)", "created", "reason for OUT"]);
  });

  it("shows owner, prefix, prune, adopt and why it is a dry run", () => {
    const markdown = render([result("A", "created")], {
      dryRun: true,
      dryRunReason: "dry-run: auto, pull_request event",
      settings: { prefix: "shop-", owner: "octo-org/shop", prune: true, adopt: true },
    });
    const items = viewSummary(markdown)
      .root.querySelectorAll("li")
      .map((li) => li.text);
    expect(items).toContain("Dry run: nothing was written to the vault (dry-run: auto, pull_request event)");
    expect(items).toContain("Scope: owner octo-org/shop · prefix shop- · prune on · adopt on");
  });
});

describe("escaping", () => {
  const hostile = [
    "_PRIVATE_KEY_",
    "**bold**",
    "`tick`",
    "a|b",
    "<script>alert(1)</script>",
    "[x](https://evil.example)",
    "back\\slash\\|",
    "> quote",
    "# heading",
    "~~gone~~",
    "![img](x.png)",
    "&amp; &lt;",
    "- item",
    "1. item",
    "</details><b>",
    ":smile: @octocat",
  ];

  it.each(hostile)("shows %j literally as a source, a name and a reason", (text) => {
    const markdown = render([result(text, "failed", { source: text, reason: `because ${text}\n${text}` }), result("FINE", "unchanged")]);
    expect(findStructureProblems(markdown)).toEqual([]);
    const view = viewSummary(markdown);
    expect(view.rows("Failed")[0]?.slice(0, 2)).toEqual([text, text]);
    const reason = view.section("Failed")[0]?.querySelectorAll("td")[2];
    expect(reason?.querySelectorAll("br")).toHaveLength(1);
    expect(reason?.text).toBe(`because ${text}\n${text}`);
    expect(view.details?.querySelectorAll("tr")).toHaveLength(2);
  });

  it("keeps a hostile dotenv path a plain, correct link label", () => {
    const view = viewSummary(
      render([result("A", "created", { source: "A", origin: { kind: "dotenv", file: "a_b_/[x](y).env", line: 3 } })]),
    );
    const anchor = view.root.querySelectorAll("a").find((a) => a.text.startsWith("a_b_"));
    expect(anchor?.text).toBe("a_b_/[x](y).env:3");
    expect(anchor?.getAttribute("href")).toBe(`https://github.com/octo-org/octo-repo/blob/${SHA}/a_b_/%5Bx%5D%28y%29.env#L3`);
  });
});

describe("renderFailureSummary", () => {
  it("explains a sign-in failure with the command to run, in a code block", () => {
    const hint = [
      "The subject must match exactly: it changes with the environment, branch, tag or pull-request trigger of the job.",
      "GitHub presented the subject: repo:octo-org/octo-repo:environment:staging",
      "Create a federated credential with issuer https://token.actions.githubusercontent.com, subject repo:octo-org/octo-repo:environment:staging and audience api://AzureADTokenExchange:",
      `  az ad app federated-credential create --id ${CLIENT_ID} --parameters '{"name":"github-octo-repo-environment-staging","subject":"repo:octo-org/octo-repo:environment:staging"}'`,
      "For a user-assigned managed identity, use `az identity federated-credential create` with the same issuer, subject and audience.",
    ].join("\n");
    const markdown = renderFailureSummary(
      "Failed to sign in: no federated credential matches the presented subject (AADSTS700213)",
      hint,
      context({ settings: undefined }),
    );
    expect(findStructureProblems(markdown)).toEqual([]);
    const view = viewSummary(markdown);
    expect(view.heading).toBe("Key Vault Sync: demo-vault");
    const caution = view.root.querySelector(".markdown-alert-caution");
    expect(caution?.text).toContain(
      "No secret was synced. Failed to sign in: no federated credential matches the presented subject (AADSTS700213)",
    );
    const code = view.section("How to fix it").find((element) => element.tagName === "PRE")?.text ?? "";
    expect(code).toMatch(/^az ad app federated-credential create \\\n {2}--id 5b1f6f2e-\S+ \\\n {2}--parameters '\{\n/);
    // The JSON is spread over lines inside its single quotes: the same argument, readable.
    expect(JSON.parse(/--parameters '([^']*)'/.exec(code)?.[1] ?? "")).toEqual({
      name: "github-octo-repo-environment-staging",
      subject: "repo:octo-org/octo-repo:environment:staging",
    });
    const prose = view.section("How to fix it").map((element) => element.text);
    expect(prose).not.toContain("the command below");
    expect(prose).toContain(
      "For a user-assigned managed identity, use az identity federated-credential create with the same issuer, subject and audience.",
    );
    expect(view.root.querySelectorAll("a").some((a) => a.getAttribute("href")?.endsWith(`/commit/${SHA}`))).toBe(true);
  });

  it("needs nothing but the error when the inputs could not be read", () => {
    const markdown = renderFailureSummary("Input 'vault' is required", undefined, {
      vaultUrl: undefined,
      dryRun: undefined,
      dryRunReason: undefined,
      notes: [],
      settings: undefined,
      links: undefined,
    });
    expect(findStructureProblems(markdown)).toEqual([]);
    expect(viewSummary(markdown).heading).toBe("Key Vault Sync");
  });
});

describe("size", () => {
  it("shows at most 500 rows a table, says where the rest are, and stays far under GitHub's 1 MiB for 5,000 secrets", () => {
    const results = Array.from({ length: 5_000 }, (_, index) =>
      result(`SECRET-${String(index).padStart(4, "0")}`, index % 2 === 0 ? "created" : "unchanged", {
        origin: { kind: "dotenv", file: "deploy/production.env", line: index + 1 },
      }),
    );
    const markdown = render(results);
    const view = viewSummary(markdown);
    expect(view.rows("Changed")).toHaveLength(500);
    expect(view.rows("details")).toHaveLength(500);
    expect(view.root.text).toContain(
      "2000 more not shown here (a job summary is limited in size); the log and the plan output list every secret.",
    );
    expect(Buffer.byteLength(markdown)).toBeLessThan(512 * 1024);
  });

  it("shows at most 20 distinct fixes and says where the others are", () => {
    const results = Array.from({ length: 30 }, (_, index) =>
      result(`OFF-${index + 10}`, "failed", {
        hint: `Enable it (az keyvault secret set-attributes --vault-name demo-vault --name OFF-${index + 10} --enabled true) or remove it.`,
      }),
    );
    const view = viewSummary(render(results));
    const section = view.section("How to fix");
    expect(section.filter((element) => element.tagName === "PRE")).toHaveLength(20);
    expect(section.at(-1)?.text).toBe("10 more fixes not shown here; the log lists each failure with its fix.");
  });
});
