import { describe, expect, it } from "vitest";
import type { ChangeResult } from "../../src/engine/apply.ts";
import { exitCodeFor, neutralise, renderError, renderJson, renderTable, useColour } from "../../src/cli/render.ts";

function result(
  name: string,
  action: ChangeResult["action"],
  status: ChangeResult["status"],
  extra: Partial<ChangeResult> = {},
): ChangeResult {
  return {
    source: name.replaceAll("-", "_"),
    name,
    action,
    status,
    reason: `${action} reason`,
    origin: { kind: "dotenv", file: ".env", line: 1 },
    ...extra,
  };
}

// eslint-disable-next-line no-control-regex -- what must never reach a terminal
const UNSAFE_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

const context = { command: "plan" as const, vaultUrl: "https://v.vault.azure.net", notes: [] };

describe("exit codes", () => {
  it.each([
    ["plan", [result("a", "unchanged", "unchanged")], 0],
    ["plan", [result("a", "create", "created")], 2],
    ["plan", [result("a", "delete", "deleted"), result("b", "skip", "skipped")], 2],
    ["plan", [result("a", "create", "created"), result("b", "fail", "failed")], 1],
    ["apply", [result("a", "create", "created")], 0],
    ["apply", [result("a", "update", "failed")], 1],
    ["plan", [], 0],
  ] as const)("%s %j → %i", (command, results, code) => {
    expect(exitCodeFor(command, results)).toBe(code);
  });
});

describe("the table", () => {
  it("lists changes, folds unchanged items into the count and shows a failure's hint", () => {
    const text = renderTable(
      [
        result("API-KEY", "create", "created"),
        result("OLD", "unchanged", "unchanged"),
        result("BAD", "fail", "failed", { hint: "rename it" }),
      ],
      context,
      false,
    );
    expect(text).toContain("ACTION  NAME     SOURCE       REASON");
    expect(text).toContain("create  API-KEY  .env line 1  create reason");
    expect(text).toContain("hint: rename it");
    expect(text).not.toContain("OLD");
    expect(text).toContain(
      "Plan for https://v.vault.azure.net: 1 change (1 to create, 1 failing, 1 unchanged). Fix the failing items first",
    );
    expect(text).not.toContain("\u001b");
  });

  it("colours only when asked, and never lets a name or reason carry a terminal sequence", () => {
    const hostile = result("X", "create", "created", { reason: "\u001b]0;owned\u0007\u001b[2Jgone\u009b31m\u202eevil" });
    const plain = renderTable([hostile], context, false);
    expect(plain).toContain("\\u001b]0;owned\\u0007\\u001b[2Jgone\\u009b31m\\u202eevil");
    expect(plain).not.toMatch(UNSAFE_EXCEPT_NEWLINE);
    const coloured = renderTable([hostile], context, true);
    expect(coloured).toContain("\u001b[32mcreate");
    expect(neutralise("a\nb\tc")).toBe("a\\u000ab\\u0009c");
  });

  it("follows NO_COLOR and FORCE_COLOR over the terminal check", () => {
    expect(useColour({}, true)).toBe(true);
    expect(useColour({}, false)).toBe(false);
    expect(useColour({ NO_COLOR: "1" }, true)).toBe(false);
    expect(useColour({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(useColour({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(useColour({ TERM: "dumb" }, true)).toBe(false);
  });

  it("prints errors with their hints, neutralised", () => {
    expect(renderError("Failed\u001b[2J", "Do this\nor that", false)).toBe("Error: Failed\\u001b[2J\nHint: Do this\nHint: or that\n");
  });
});

describe("--json", () => {
  it("carries names, actions, reasons and the exit code, valid JSON even with hostile text", () => {
    const json = renderJson(
      [result("A", "create", "created", { reason: "x\u009by\u001bz" }), result("B", "unchanged", "unchanged")],
      context,
    );
    expect(json).not.toMatch(UNSAFE_EXCEPT_NEWLINE);
    const body = JSON.parse(json) as { changes: number; exitCode: number; items: Array<{ name: string; reason: string; status?: string }> };
    expect(body.changes).toBe(1);
    expect(body.exitCode).toBe(2);
    expect(body.items[0]).toMatchObject({ name: "A", reason: "x\u009by\u001bz" });
    expect(body.items[0]?.status).toBeUndefined();
  });
});
