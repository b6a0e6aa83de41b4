/**
 * The packed CLI against the local Azure: version and help, plan → apply → plan, a changed value
 * (signed in with a token file), bad options. Every run is searched for the values it synced.
 */
import { expect, it, describe } from "vitest";
import { writeFederatedTokenFile } from "../../local-azure/index.ts";
import { makeProject } from "./cli-support.ts";
import {
  AKS_ISSUER,
  AKS_SUBJECT,
  WORKLOAD_APP,
  canary,
  countWrites,
  createVault,
  explain,
  readValues,
  run,
  setupCliWorld,
  world,
} from "./cli-world.ts";
import type { JsonPlan } from "./cli-world.ts";

setupCliWorld();

describe("keyvault-sync from the packed tarball", () => {
  it("prints its version and help without signing in", async () => {
    const dir = makeProject(world.cli, "help", {});
    const version = await run(["--version"], dir, {});
    expect(version.exitCode, explain(version)).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = await run(["--help"], dir, {});
    expect(help.stdout).toContain("--federated-token-env");
    expect(help.stdout).toContain("KEYVAULT_SYNC_VAULT");
  });

  it("plans, applies, plans nothing; a changed value is exit 2 and then one write (token file)", async () => {
    const vault = "cli-lifecycle";
    await createVault(vault, WORKLOAD_APP);
    const [first, second, changed] = [canary("a"), canary("b"), canary("c")];
    const dir = makeProject(world.cli, "lifecycle", { ".env": `DB_PASSWORD=${first}\nAPI_KEY=${second}\n` });
    const tokenFile = await writeFederatedTokenFile(await world.cloud.mintFederatedToken({ issuer: AKS_ISSUER, subject: AKS_SUBJECT }));
    const env = {
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
      AZURE_TENANT_ID: world.cloud.info.tenantId,
      AZURE_CLIENT_ID: WORKLOAD_APP,
      KEYVAULT_SYNC_VAULT: vault,
    };
    const args = ["--owner", "octo-org/laptop", "--env-file", ".env"];

    const plan = await run(["plan", ...args, "--json"], dir, env);
    expect(plan.exitCode, explain(plan)).toBe(2);
    expect(plan.stderr).toContain("Signing in: token-file (AZURE_FEDERATED_TOKEN_FILE is set)");
    const planned = JSON.parse(plan.stdout) as JsonPlan;
    expect(planned.items.map((item) => `${item.action} ${item.name}`).sort()).toEqual(["create API-KEY", "create DB-PASSWORD"]);
    expect(await readValues(vault)).toEqual({});

    const apply = await run(["apply", ...args], dir, env);
    expect(apply.exitCode, explain(apply)).toBe(0);
    expect(apply.stdout).toContain("Applied to https://cli-lifecycle.vault.azure.net: 2 created.");
    expect(await readValues(vault)).toEqual({ "DB-PASSWORD": first, "API-KEY": second });

    const again = await run(["plan", ...args], dir, env);
    expect(again.exitCode, explain(again)).toBe(0);
    expect(again.stdout).toContain("no changes (2 unchanged).");

    makeProject(world.cli, "lifecycle", { ".env": `DB_PASSWORD=${changed}\nAPI_KEY=${second}\n` });
    const changedPlan = await run(["plan", ...args], dir, env);
    expect(changedPlan.exitCode, explain(changedPlan)).toBe(2);
    expect(changedPlan.stdout).toMatch(/update\s+DB-PASSWORD/);
    const before = await countWrites(vault);
    const changedApply = await run(["apply", ...args, "--json"], dir, env);
    expect(changedApply.exitCode, explain(changedApply)).toBe(0);
    const applied = JSON.parse(changedApply.stdout) as JsonPlan;
    expect(applied.items.filter((item) => item.status === "updated").map((item) => item.name)).toEqual(["DB-PASSWORD"]);
    expect(await countWrites(vault)).toBe(before + 1);
    expect((await readValues(vault))["DB-PASSWORD"]).toBe(changed);

    // check: the same sign-in, check's own engine, no write; its exit code follows --fail-on.
    const writes = await countWrites(vault);
    const check = await run(["check", ...args, "--json", "--fail-on", "error"], dir, env);
    const report = JSON.parse(check.stdout) as { passed: boolean; vaultUrl: string; findings: Array<{ level: string }> };
    expect(report.vaultUrl).toBe(`https://${vault}.vault.azure.net`);
    expect(check.exitCode, explain(check)).toBe(report.passed ? 0 : 1);
    expect(report.findings.filter((finding) => finding.level === "error")).toEqual([]);
    const text = await run(["check", ...args], dir, env);
    expect(text.stdout).toContain(`check https://${vault}.vault.azure.net: `);
    expect(await countWrites(vault)).toBe(writes);
  }, 180_000);

  it("refuses bad options by option name, without the value", async () => {
    const dir = makeProject(world.cli, "bad", { ".env": "A=b-value-not-shown\n" });
    const secretish = canary("s");
    const result = await run(
      ["plan", "--vault", "my-vault", "--env-file", ".env", "--owner", "o", "--prefix", `${secretish}_`, "--auth", "azure-cli"],
      dir,
      {},
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("Invalid option --prefix: may contain only letters, digits and hyphens");
    const outside = await run(
      ["plan", "--vault", "my-vault", "--env-file", "/proc/self/environ", "--owner", "o", "--auth", "azure-cli"],
      dir,
      {},
    );
    expect(outside.exitCode).toBe(1);
    expect(outside.stderr).toContain("Invalid option --env-file");
    expect(outside.stderr).toContain("/proc, /sys or /dev");
    const noOwner = await run(["plan", "--vault", "my-vault", "--env-file", ".env", "--auth", "azure-cli"], dir, {
      GITHUB_REPOSITORY: "octo-org/octo-repo",
    });
    expect(noOwner.exitCode).toBe(1);
    expect(noOwner.stderr).toContain("Invalid option --owner: is required");
  }, 60_000);
});
