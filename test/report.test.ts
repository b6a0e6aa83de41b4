import { describe, expect, it } from "vitest";
import type { ChangeResult, ResultStatus } from "../src/apply.ts";
import { SyncError } from "../src/errors.ts";
import type { PlanAction } from "../src/plan.ts";
import { countResults, writeFailureSummary, writeReport } from "../src/report.ts";
import type { AnnotationProperties, ReportContext, ReportIO } from "../src/report.ts";
import { findStructureProblems, viewSummary } from "./summary-html.ts";

interface Annotation {
  message: string;
  properties: AnnotationProperties | undefined;
}

function recordIO(options: { failSummary?: boolean } = {}) {
  const outputs = new Map<string, string>();
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];
  const notices: Annotation[] = [];
  const infos: string[] = [];
  const written: string[] = [];
  let buffer = "";
  const io: ReportIO = {
    setOutput: (name, value) => void outputs.set(name, value),
    error: (message, properties) => void errors.push({ message, properties }),
    warning: (message, properties) => void warnings.push({ message, properties }),
    notice: (message, properties) => void notices.push({ message, properties }),
    info: (message) => void infos.push(message),
    summary: {
      addRaw(text: string, addEOL?: boolean) {
        buffer += text + (addEOL ? "\n" : "");
        return this;
      },
      async write() {
        if (options.failSummary) throw new Error("Unable to find environment variable for $GITHUB_STEP_SUMMARY");
        written.push(buffer);
        buffer = "";
        return this;
      },
    },
  };
  return { io, outputs, errors, warnings, notices, infos, written };
}

const ACTION_FOR: Record<ResultStatus, PlanAction> = {
  created: "create",
  updated: "update",
  unchanged: "unchanged",
  recovered: "recover",
  deleted: "delete",
  skipped: "skip",
  failed: "fail",
};

function result(name: string, status: ResultStatus, overrides: Partial<ChangeResult> = {}): ChangeResult {
  return {
    source: name.replaceAll("-", "_"),
    name,
    action: ACTION_FOR[status],
    status,
    reason: `reason for ${name}`,
    origin: { kind: "secrets" },
    ...overrides,
  };
}

const CONTEXT: ReportContext = { dryRun: false, vaultUrl: "https://demo-vault.vault.azure.net", notes: [] };

describe("countResults", () => {
  it("counts every status, including the ones that did not occur", () => {
    const counts = countResults([result("a", "created"), result("b", "created"), result("c", "failed"), result("d", "unchanged")]);
    expect(counts).toEqual({ created: 2, updated: 0, unchanged: 1, recovered: 0, deleted: 0, skipped: 0, failed: 1 });
  });
});

describe("writeReport outputs", () => {
  it("sets the counts, the failed names, changed and the plan", async () => {
    const { io, outputs } = recordIO();
    await writeReport(
      [
        result("zeta", "failed"),
        result("Alpha", "created"),
        result("beta", "unchanged"),
        result("old-one", "deleted", { source: undefined, origin: undefined }),
        result("gamma", "failed", { source: "GAMMA" }),
        result("stale", "failed", { source: undefined, action: "delete", origin: undefined }),
      ],
      CONTEXT,
      io,
    );
    expect(Object.fromEntries(outputs)).toMatchObject({
      created: "1",
      updated: "0",
      unchanged: "1",
      recovered: "0",
      deleted: "1",
      skipped: "0",
      failed: "3",
      changed: "true",
    });
    expect(JSON.parse(outputs.get("failed-names")!)).toEqual(["GAMMA", "stale", "zeta"]);
    expect(JSON.parse(outputs.get("plan")!)).toEqual([
      { source: "Alpha", name: "Alpha", action: "create", reason: "reason for Alpha" },
      { source: "beta", name: "beta", action: "unchanged", reason: "reason for beta" },
      { source: "GAMMA", name: "gamma", action: "fail", reason: "reason for gamma" },
      { source: null, name: "old-one", action: "delete", reason: "reason for old-one" },
      { source: null, name: "stale", action: "delete", reason: "reason for stale" },
      { source: "zeta", name: "zeta", action: "fail", reason: "reason for zeta" },
    ]);
  });

  it.each([
    ["nothing changed", [result("a", "unchanged"), result("b", "skipped"), result("c", "failed")], false, "false"],
    ["a recovery", [result("a", "recovered")], false, "true"],
    ["an update", [result("a", "updated")], false, "true"],
    ["a dry run that would create", [result("a", "created")], true, "false"],
  ])("changed is right for %s", async (_name, results, dryRun, expected) => {
    const { io, outputs } = recordIO();
    await writeReport(results, { ...CONTEXT, dryRun }, io);
    expect(outputs.get("changed")).toBe(expected);
  });

  it("reports an empty run", async () => {
    const { io, outputs, errors } = recordIO();
    await writeReport([], CONTEXT, io);
    expect(outputs.get("failed-names")).toBe("[]");
    expect(outputs.get("plan")).toBe("[]");
    expect(outputs.get("changed")).toBe("false");
    expect(errors).toEqual([]);
  });
});

describe("writeReport log", () => {
  it("logs one line per secret in name order and the counts", async () => {
    const { io, infos } = recordIO();
    await writeReport([result("b", "failed", { source: "B_KEY", reason: "Forbidden" }), result("a", "created", { source: "a" })], { ...CONTEXT, dryRun: true }, io);
    expect(infos).toHaveLength(3);
    expect(infos[0]).toMatch(/^would create +a: reason for a$/);
    expect(infos[1]).toMatch(/^failed +b \(from B_KEY\): Forbidden$/);
    expect(infos[2]).toBe("1 would create, 0 would update, 0 unchanged, 0 would recover, 0 would delete, 0 skipped, 1 failed");
  });
});

describe("writeReport annotations", () => {
  it("annotates each failure, with file and line for dotenv entries", async () => {
    const { io, errors } = recordIO();
    await writeReport(
      [
        result("db-password", "failed", { source: "DB_PASSWORD", origin: { kind: "dotenv", file: "deploy/production.env", line: 7 }, reason: "secret exists and is not managed by this action" }),
        result("api-key", "failed", { source: "API_KEY", reason: "Forbidden by RBAC" }),
        result("fine", "created"),
      ],
      CONTEXT,
      io,
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toEqual({ message: "api-key: Forbidden by RBAC", properties: { title: "Failed to sync API_KEY" } });
    expect(errors[1]).toEqual({
      message: "db-password: secret exists and is not managed by this action",
      properties: { title: "Failed to sync DB_PASSWORD", file: "deploy/production.env", startLine: 7 },
    });
  });

  it("shows ten failures individually", async () => {
    const { io, errors } = recordIO();
    const failures = Array.from({ length: 10 }, (_, index) => result(`s${String(index).padStart(2, "0")}`, "failed"));
    await writeReport(failures, CONTEXT, io);
    expect(errors.map((error) => error.message.split(":")[0])).toEqual(failures.map((failure) => failure.name));
  });

  it("beyond ten, shows the first ones and counts the rest in one annotation", async () => {
    const { io, errors } = recordIO();
    const failures = Array.from({ length: 14 }, (_, index) => result(`s${String(index).padStart(2, "0")}`, "failed"));
    await writeReport([...failures].reverse(), CONTEXT, io);
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).map((error) => error.message.split(":")[0])).toEqual(failures.slice(0, 9).map((failure) => failure.name));
    const overflow = errors[9]!;
    expect(overflow.message).toContain("5 more secrets failed");
    for (const failure of failures.slice(9)) expect(overflow.message).toContain(failure.name);
  });

  it("warns about skipped entries where they are", async () => {
    const { io, warnings, errors } = recordIO();
    await writeReport(
      [result("empty", "skipped", { source: "EMPTY", origin: { kind: "dotenv", file: ".env", line: 3 }, reason: "empty value; not written" })],
      CONTEXT,
      io,
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      { message: "empty: empty value; not written", properties: { title: "Skipped EMPTY", file: ".env", startLine: 3 } },
    ]);
  });

  describe("an offline dry run", () => {
    const offline = (name: string) => result(name, "skipped", { reason: "validated offline only: not compared with the vault, which this run cannot read", offline: true });
    const validated = Array.from({ length: 12 }, (_, index) => offline(`s${String(index).padStart(2, "0")}`));
    const empty = result("empty", "skipped", { source: "EMPTY", reason: "the value is empty" });
    const context: ReportContext = { ...CONTEXT, dryRun: true };

    it("counts offline validations in one notice instead of a warning each, so real warnings show", async () => {
      const { io, warnings, notices } = recordIO();
      await writeReport([...validated].reverse().concat(empty), context, io);
      expect(warnings.map((warning) => warning.message)).toEqual(["empty: the value is empty"]);
      const counted = notices.filter((notice) => notice.message.includes("validated offline only"));
      expect(counted).toHaveLength(1);
      expect(counted[0]?.message).toMatch(/^12 secrets validated offline only: s00, s01, .*, s11\. /);
      expect(counted[0]?.properties).toEqual({ title: "12 secrets validated offline only" });
    });

    it("still lists every secret in the summary, the plan output and the counts", async () => {
      const { io, outputs, written } = recordIO();
      await writeReport([...validated, empty], context, io);
      expect(outputs.get("skipped")).toBe("13");
      expect(JSON.parse(outputs.get("plan")!)).toHaveLength(13);
      const rows = written[0]!.split("\n").filter((line) => /^\| (s\d\d|empty) \|/.test(line));
      expect(rows).toHaveLength(13);
    });

    it("posts no such notice when nothing was validated offline", async () => {
      const { io, notices, warnings } = recordIO();
      await writeReport([empty, result("a", "created")], context, io);
      expect(warnings).toHaveLength(1);
      expect(notices.some((notice) => notice.message.includes("validated offline only"))).toBe(false);
    });
  });

  it("posts the notes and a dry-run notice", async () => {
    const { io, notices } = recordIO();
    await writeReport([result("a", "created")], { ...CONTEXT, dryRun: true, dryRunReason: "dry-run: auto, pull_request event", notes: ["No OIDC token: the vault was not read."] }, io);
    const messages = notices.map((notice) => notice.message);
    expect(messages.some((message) => message.startsWith("Dry run") && message.includes("pull_request event"))).toBe(true);
    expect(messages).toContain("No OIDC token: the vault was not read.");
  });
});

describe("writeReport summary", () => {
  it("writes one summary: vault and prefix in the heading, counts, and each section sorted by Key Vault name ignoring case", async () => {
    const { io, written } = recordIO();
    await writeReport(
      [result("b-secret", "updated"), result("C-secret", "failed", { reason: "Forbidden" }), result("A-secret", "created"), result("z", "failed"), result("Y", "unchanged")],
      { ...CONTEXT, settings: { prefix: "app-", owner: "octo-org/octo-repo", prune: false, adopt: false } },
      io,
    );
    expect(written).toHaveLength(1);
    const summary = written[0]!;
    expect(findStructureProblems(summary)).toEqual([]);
    const view = viewSummary(summary);
    expect(view.heading).toBe("Key Vault Sync: demo-vault, prefix app-");
    expect(view.root.querySelector("p")?.text).toBe("2 failed · 1 created · 1 updated · 1 unchanged");
    expect(view.rows("Failed").map((row) => [row[0], row[2]])).toEqual([["C-secret", "Forbidden"], ["z", "reason for z"]]);
    expect(view.rows("Changed").map((row) => [row[0], row[2]])).toEqual([["A-secret", "created"], ["b-secret", "updated"]]);
    expect(view.rows("details").map((row) => row[0])).toEqual(["Y"]);
    expect(summary).not.toMatch(/dry run/i);
  });

  it("orders names that differ only in case, and the same name by source, the same way every time", async () => {
    const { io, written } = recordIO();
    await writeReport(
      [result("db", "failed", { source: "Z" }), result("DB", "failed", { source: "Y" }), result("db", "failed", { source: "A" }), result("Db", "failed", { source: "X" })],
      CONTEXT,
      io,
    );
    expect(viewSummary(written[0]!).rows("Failed").map((row) => `${row[0]} ${row[1]}`)).toEqual(["DB Y", "Db X", "db A", "db Z"]);
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
    const error = new SyncError("Failed to sign in to Microsoft Entra ID as c in tenant t: no federated credential matches", "Create one:\n  az ad app federated-credential create --id c");
    await writeFailureSummary(error, { vaultUrl: "https://demo-vault.vault.azure.net", notes: [] }, io);
    const summary = written[0]!;
    expect(findStructureProblems(summary)).toEqual([]);
    const view = viewSummary(summary);
    expect(view.heading).toBe("Key Vault Sync: demo-vault");
    expect(view.root.querySelector(".markdown-alert-caution")?.text).toContain("No secret was synced. Failed to sign in to Microsoft Entra ID as c in tenant t: no federated credential matches");
    expect(view.section("How to fix it").map((element) => element.text.trim())).toEqual(["Create one:", "az ad app federated-credential create --id c"]);
  });

  it("shows a hint with stray backticks as text, without breaking the page", async () => {
    const { io, written } = recordIO();
    await writeFailureSummary(new SyncError("bad", "use\n```\nthis\n```"), {}, io);
    expect(findStructureProblems(written[0]!)).toEqual([]);
    expect(viewSummary(written[0]!).section("How to fix it").some((element) => element.text.includes("this"))).toBe(true);
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
