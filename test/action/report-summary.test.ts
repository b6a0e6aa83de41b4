import { describe, expect, it } from "vitest";
import { SyncError } from "../../src/engine/errors.ts";
import { writeFailureSummary, writeReport } from "../../src/action/report.ts";
import { findStructureProblems, viewSummary } from "../../tools/summary-html.ts";
import { recordIO, result, CONTEXT } from "./report-fixtures.ts";

describe("writeReport summary", () => {
  it("writes one summary: vault and prefix in the heading, counts, and each section sorted by Key Vault name ignoring case", async () => {
    const { io, written } = recordIO();
    await writeReport(
      [
        result("b-secret", "updated"),
        result("C-secret", "failed", { reason: "Forbidden" }),
        result("A-secret", "created"),
        result("z", "failed"),
        result("Y", "unchanged"),
      ],
      { ...CONTEXT, settings: { prefix: "app-", owner: "octo-org/octo-repo", prune: false, adopt: false } },
      io,
    );
    expect(written).toHaveLength(1);
    const summary = written[0]!;
    expect(findStructureProblems(summary)).toEqual([]);
    const view = viewSummary(summary);
    expect(view.heading).toBe("Key Vault Sync: demo-vault, prefix app-");
    expect(view.root.querySelector("p")?.text).toBe("2 failed · 1 created · 1 updated · 1 unchanged");
    expect(view.rows("Failed").map((row) => [row[0], row[2]])).toEqual([
      ["C-secret", "Forbidden"],
      ["z", "reason for z"],
    ]);
    expect(view.rows("Changed").map((row) => [row[0], row[2]])).toEqual([
      ["A-secret", "created"],
      ["b-secret", "updated"],
    ]);
    expect(view.rows("details").map((row) => row[0])).toEqual(["Y"]);
    expect(summary).not.toMatch(/dry run/i);
  });

  it("orders names that differ only in case, and the same name by source, the same way every time", async () => {
    const { io, written } = recordIO();
    await writeReport(
      [
        result("db", "failed", { source: "Z" }),
        result("DB", "failed", { source: "Y" }),
        result("db", "failed", { source: "A" }),
        result("Db", "failed", { source: "X" }),
      ],
      CONTEXT,
      io,
    );
    expect(
      viewSummary(written[0]!)
        .rows("Failed")
        .map((row) => `${row[0]} ${row[1]}`),
    ).toEqual(["DB Y", "Db X", "db A", "db Z"]);
  });

  it("says it is a dry run, why, and what would happen", async () => {
    const { io, written } = recordIO();
    await writeReport([result("a", "created")], { ...CONTEXT, dryRun: true, dryRunReason: "dry-run: true" }, io);
    const view = viewSummary(written[0]!);
    expect(view.heading).toMatch(/\(dry run\)$/);
    expect(view.root.querySelectorAll("li").map((li) => li.text)).toContain("Dry run: nothing was written to the vault (dry-run: true)");
    expect(view.rows("Would change")[0]?.[2]).toBe("would create");
  });

  it("shows where dotenv entries come from", async () => {
    const { io, written } = recordIO();
    await writeReport([result("db", "created", { source: "DB", origin: { kind: "dotenv", file: "deploy/.env", line: 12 } })], CONTEXT, io);
    expect(viewSummary(written[0]!).rows("Changed")[0]?.slice(0, 2)).toEqual(["db", "DB (deploy/.env:12)"]);
  });

  it("keeps cell text from breaking the table", async () => {
    const { io, written } = recordIO();
    await writeReport([result("x", "failed", { reason: "bad | worse\nline two <b>" })], CONTEXT, io);
    expect(findStructureProblems(written[0]!)).toEqual([]);
    const row = viewSummary(written[0]!).rows("Failed")[0];
    expect(row).toEqual(["x", "x", "bad | worse\nline two <b>"]);
  });

  it("does not throw when the summary cannot be written, and still sets outputs", async () => {
    const { io, outputs, warnings } = recordIO({ failSummary: true });
    await expect(writeReport([result("a", "failed")], CONTEXT, io)).resolves.toBeUndefined();
    expect(outputs.get("failed")).toBe("1");
    expect(warnings.some((warning) => warning.message.startsWith("Could not write the job summary"))).toBe(true);
  });
});

describe("writeFailureSummary", () => {
  it("explains a failure before planning, with its hint and the command in a code block", async () => {
    const { io, written } = recordIO();
    const error = new SyncError(
      "Failed to sign in to Microsoft Entra ID as c in tenant t: no federated credential matches",
      "Create one:\n  az ad app federated-credential create --id c",
    );
    await writeFailureSummary(error, { vaultUrl: "https://demo-vault.vault.azure.net", notes: [] }, io);
    const summary = written[0]!;
    expect(findStructureProblems(summary)).toEqual([]);
    const view = viewSummary(summary);
    expect(view.heading).toBe("Key Vault Sync: demo-vault");
    expect(view.root.querySelector(".markdown-alert-caution")?.text).toContain(
      "No secret was synced. Failed to sign in to Microsoft Entra ID as c in tenant t: no federated credential matches",
    );
    expect(view.section("How to fix it").map((element) => element.text.trim())).toEqual([
      "Create one:",
      "az ad app federated-credential create --id c",
    ]);
  });

  it("shows a hint with stray backticks as text, without breaking the page", async () => {
    const { io, written } = recordIO();
    await writeFailureSummary(new SyncError("bad", "use\n```\nthis\n```"), {}, io);
    expect(findStructureProblems(written[0]!)).toEqual([]);
    expect(
      viewSummary(written[0]!)
        .section("How to fix it")
        .some((element) => element.text.includes("this")),
    ).toBe(true);
  });

  it("handles errors that are not SyncErrors and never throws", async () => {
    const { io, written } = recordIO();
    await writeFailureSummary(new Error("boom"), { dryRun: true, dryRunReason: "pull request" }, io);
    expect(written[0]).toContain("boom");
    expect(written[0]).toContain("**Dry run:**");
    const failing = recordIO({ failSummary: true });
    await expect(writeFailureSummary("text", {}, failing.io)).resolves.toBeUndefined();
  });
});

describe("how-to-fix hints of failed secrets", () => {
  const hint = "Set 'adopt: true' to take it over, or sync under another name.";

  it("puts the hint in the annotation, the log and a summary section after the failures", async () => {
    const { io, errors, infos, written } = recordIO();
    await writeReport([result("api-key", "failed", { hint }), result("db-pass", "failed"), result("other", "created")], CONTEXT, io);
    expect(errors.find((annotation) => annotation.message.startsWith("api-key:"))?.message).toBe(`api-key: reason for api-key\n${hint}`);
    expect(errors.find((annotation) => annotation.message.startsWith("db-pass:"))?.message).toBe("db-pass: reason for db-pass");
    expect(infos).toContain(`${"".padEnd(13)} how to fix: ${hint}`);
    const view = viewSummary(written.join(""));
    expect(view.order.slice(0, 2)).toEqual(["Failed (2)", "How to fix it"]);
    const fixes = view.section("How to fix").map((element) => element.text);
    expect(fixes).toEqual(["Fix 1, for api-key", hint]);
  });

  it("adds no fixes section when no failure has a hint", async () => {
    const { io, written } = recordIO();
    await writeReport([result("db-pass", "failed"), result("other", "created")], CONTEXT, io);
    expect(viewSummary(written.join("")).order).toEqual(["Failed (1)", "Changed (1)"]);
  });
});
