import { describe, expect, it } from "vitest";
import { countResults, writeReport } from "../../src/action/report.ts";
import type { ReportContext } from "../../src/action/report.ts";
import { recordIO, result, CONTEXT } from "./report-fixtures.ts";

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
    await writeReport(
      [result("b", "failed", { source: "B_KEY", reason: "Forbidden" }), result("a", "created", { source: "a" })],
      { ...CONTEXT, dryRun: true },
      io,
    );
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
        result("db-password", "failed", {
          source: "DB_PASSWORD",
          origin: { kind: "dotenv", file: "deploy/production.env", line: 7 },
          reason: "secret exists and is not managed by this action",
        }),
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
      [
        result("empty", "skipped", {
          source: "EMPTY",
          origin: { kind: "dotenv", file: ".env", line: 3 },
          reason: "empty value; not written",
        }),
      ],
      CONTEXT,
      io,
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      { message: "empty: empty value; not written", properties: { title: "Skipped EMPTY", file: ".env", startLine: 3 } },
    ]);
  });

  describe("an offline dry run", () => {
    const offline = (name: string) =>
      result(name, "skipped", { reason: "validated offline only: not compared with the vault, which this run cannot read", offline: true });
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
    await writeReport(
      [result("a", "created")],
      { ...CONTEXT, dryRun: true, dryRunReason: "dry-run: auto, pull_request event", notes: ["No OIDC token: the vault was not read."] },
      io,
    );
    const messages = notices.map((notice) => notice.message);
    expect(messages.some((message) => message.startsWith("Dry run") && message.includes("pull_request event"))).toBe(true);
    expect(messages).toContain("No OIDC token: the vault was not read.");
  });
});
