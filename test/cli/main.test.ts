/**
 * The CLI's front door with the engine's edges faked: a fake vault, a fake credential and a
 * clock that moves. Checks what goes to stdout and stderr, the exit code, and that no value is
 * printed anywhere.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EntraCredential } from "../../src/engine/auth/entra.ts";
import { SignInError } from "../../src/engine/auth/sign-in-errors.ts";
import { main } from "../../src/cli/main.ts";
import type { EngineDeps } from "../../src/cli/main.ts";
import { createFakeVault } from "../fakes/fake-vault.ts";
import type { FakeVault } from "../fakes/fake-vault.ts";

const dir = mkdtempSync(join(tmpdir(), "kvs-cli-main-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VALUES = Array.from({ length: 30 }, (_, index) => `value-${index}-c4n4ry-${index * 7919}`);
writeFileSync(join(dir, ".env"), VALUES.map((value, index) => `SECRET_${index}=${value}`).join("\n"));

const credential: EntraCredential = {
  presentedClaims: undefined,
  getToken: () => Promise.resolve({ token: "access", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

async function runMain(argv: string[], vault: FakeVault, options: { credential?: EntraCredential; stepMs?: number } = {}) {
  let clock = 0;
  const out: string[] = [];
  const err: string[] = [];
  const deps: EngineDeps = {
    createCredential: () => options.credential ?? credential,
    createKeyVault: () => vault,
    now: () => new Date(1_800_000_000_000 + (clock += options.stepMs ?? 0)),
  };
  const code = await main(
    argv,
    {},
    { stdout: (text) => out.push(text), stderr: (text) => err.push(text), stdoutIsTTY: false, stderrIsTTY: false, cwd: dir },
    deps,
  );
  const stdout = out.join("");
  const stderr = err.join("");
  for (const value of VALUES) expect(`${stdout}${stderr}`).not.toContain(value.slice(0, 14));
  return { code, stdout, stderr };
}

const ARGS = ["--vault", "demo-vault", "--owner", "me", "--env-file", ".env", "--auth", "azure-cli"];

describe("keyvault-sync main", () => {
  it("plans without writing (exit 2), applies with progress lines on stderr (exit 0), then plans nothing (exit 0)", async () => {
    const vault = createFakeVault("https://demo-vault.vault.azure.net");
    const plan = await runMain(["plan", ...ARGS], vault);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain("Plan for https://demo-vault.vault.azure.net: 30 changes (30 to create, 0 unchanged).");
    expect(plan.stderr).toContain("Signing in: azure-cli (--auth)");
    expect(vault.writeCalls()).toEqual([]);

    const apply = await runMain(["apply", ...ARGS, "--concurrency", "1"], vault, { stepMs: 2_000 });
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain("30 created.");
    expect(apply.stderr).toMatch(/Applied \d+ of 30 \(0 failed\) …/);
    expect(vault.latest("SECRET-7")?.value).toBe(VALUES[7]);

    const again = await runMain(["plan", ...ARGS, "--json"], vault);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ command: "plan", changes: 0, exitCode: 0 });
  });

  it("fails with exit 1 and the write's hint when a write is refused", async () => {
    const vault = createFakeVault("https://demo-vault.vault.azure.net").failNext("set", "SECRET-3", "forbidden-rbac");
    const result = await runMain(["apply", ...ARGS], vault);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/failed\s+SECRET-3/);
    expect(result.stdout).toContain("hint:");
  });

  it("explains a sign-in failure with its hint, on stderr, exit 1", async () => {
    const failing: EntraCredential = {
      presentedClaims: undefined,
      getToken: () =>
        Promise.reject(new SignInError("Failed to sign in: not logged in", "Run az login.", { code: "azure-cli-not-signed-in" })),
    };
    const result = await runMain(["plan", ...ARGS], createFakeVault(), { credential: failing });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Error: Failed to sign in: not logged in\nHint: Run az login.");
  });

  it("applies --rules-file as the Action applies rules-file: a rule's content type on its secret only", async () => {
    writeFileSync(join(dir, "rules.yml"), "SECRET_1:\n  content-type: text/plain\n");
    const vault = createFakeVault("https://demo-vault.vault.azure.net");
    const result = await runMain(["apply", ...ARGS, "--rules-file", "rules.yml"], vault);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(vault.latest("SECRET-1")?.contentType).toBe("text/plain");
    expect(vault.latest("SECRET-2")?.contentType).toBeUndefined();
    const outside = await runMain(["plan", ...ARGS, "--rules-file", "/etc/hostname"], vault);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain("outside the current directory");
  });
});
