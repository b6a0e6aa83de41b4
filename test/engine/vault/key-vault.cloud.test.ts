/**
 * The real adapter (createKeyVault over the real SDK) against the local Azure, reached the way a
 * runner reaches Azure: HTTPS_PROXY, the test CA trusted like any other, a GitHub OIDC token
 * exchanged at the local Entra. Waits are real but scaled down through the injected sleep, since
 * the local vault's throttle windows and consistency delays run on its own clock.
 */
import { ClientAssertionCredential } from "@azure/identity";
import type { TokenCredential } from "@azure/core-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDelete, adminGet, adminPatch, adminPut, startCloud, trustCloudInProcess, type Cloud } from "../../../local-azure/index.ts";
import { fetchGitHubIdToken } from "../../../local-azure/test-support.ts";
import { DEFAULT_CLIENT_ID } from "../../../local-azure/world.ts";
import type { AdminSecretView } from "../../../local-azure/key-vault/index.ts";
import { createKeyVault } from "../../../src/engine/vault/key-vault.ts";
import type { KeyVaultOptions } from "../../../src/engine/vault/key-vault.ts";
import type { KeyVault } from "../../../src/engine/vault/key-vault-interface.ts";
import { VaultError } from "../../../src/engine/vault/vault-errors.ts";
import { readVaultState } from "../../../src/engine/vault-state.ts";
import { planChanges } from "../../../src/engine/plan.ts";
import type { PlanOptions } from "../../../src/engine/plan-items.ts";
import { applyPlan } from "../../../src/engine/apply.ts";
import type { ChangeResult } from "../../../src/engine/apply.ts";
import { sleepFor } from "../../../src/engine/limiter.ts";
import { SyncError } from "../../../src/engine/errors.ts";
import { AUDIT_TAGS, MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG, PREFIX_TAG } from "../../../src/engine/tags.ts";
import type { DesiredSecret } from "../../../src/engine/naming.ts";

const OWNER = "octo-org/octo-repo";
const OURS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: OWNER };
const OFFICER = { principal: DEFAULT_CLIENT_ID, role: "Key Vault Secrets Officer" } as const;
const AUDIT = {
  repository: OWNER,
  runUrl: "https://github.com/octo-org/octo-repo/actions/runs/7",
  commit: "c0ffee",
  ref: "environment:production",
};

let cloud: Cloud;
let credential: TokenCredential;

beforeAll(async () => {
  cloud = await startCloud({
    vaults: [
      { name: "sync-vault", roles: [OFFICER], faults: { deleteDelayMs: 300, recoverDelayMs: 300 } },
      // Windows long enough that a loaded machine still sends the recover inside the delete window.
      { name: "slow-vault", roles: [OFFICER], faults: { deleteDelayMs: 1500, recoverDelayMs: 1500 } },
      // Windows far longer than a request, so the throttle trips even on a slow machine.
      {
        name: "bare-429-vault",
        roles: [OFFICER],
        throttle: { enabled: true, writesPerWindow: 2, windowMs: 1000, retryAfterSeconds: null },
      },
      { name: "after-429-vault", roles: [OFFICER], throttle: { enabled: true, writesPerWindow: 1, windowMs: 1500, retryAfterSeconds: 3 } },
      { name: "reader-vault", roles: [{ principal: DEFAULT_CLIENT_ID, role: "Key Vault Reader" }] },
      { name: "late-role-vault", roles: [] },
      { name: "walled-vault", roles: [OFFICER], firewall: true },
      {
        name: "governed-vault",
        roles: [OFFICER],
        policy: {
          assignmentName: "Enforce-GR-KeyVault",
          requireContentType: true,
          requireExpiry: false,
          maxValidityDays: null,
          evaluateUpdates: true,
        },
      },
      {
        name: "policy-vault",
        roles: [],
        accessModel: "access-policy",
        accessPolicies: [{ principal: DEFAULT_CLIENT_ID, permissions: ["get", "list"] }],
      },
    ],
  });
  trustCloudInProcess(cloud.info);
  // The production path: the SDK and identity pick the proxy up from the environment.
  process.env.HTTPS_PROXY = cloud.info.proxy;
  process.env.NO_PROXY = "";
  credential = new ClientAssertionCredential(cloud.info.tenantId, cloud.info.clientId, () => fetchGitHubIdToken(cloud.info));
});

afterAll(async () => {
  await cloud?.stop();
});

interface TestVault {
  vault: KeyVault;
  /** What the adapter asked to wait, in ms (real waits are scaled down). */
  sleeps: number[];
  logs: string[];
}

function createTestVault(name: string, options: KeyVaultOptions & { timeScale?: number } = {}): TestVault {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const scale = options.timeScale ?? 10;
  const vault = createKeyVault(`https://${name}.vault.azure.net`, credential, {
    sleep: async (ms) => {
      sleeps.push(ms);
      await sleepFor(ms / scale);
    },
    random: () => 0.5,
    log: (message) => logs.push(message),
    clientId: cloud.info.clientId,
    ...options,
    retry: { transientDelayMs: 50, ...options.retry },
  });
  return { vault, sleeps, logs };
}

function vaultLog(name: string): Array<{ operation: string; status: number }> {
  return cloud.requestLog.view({ host: `${name}.vault.azure.net` }).requests.map(({ operation, status }) => ({ operation, status }));
}

function seed(vault: string, name: string, body: Record<string, unknown>): Promise<unknown> {
  return adminPut(cloud.info.adminUrl, `/vaults/${vault}/secrets/${name}`, body);
}

function readSecret(vault: string, name: string): Promise<AdminSecretView> {
  return adminGet<AdminSecretView>(cloud.info.adminUrl, `/vaults/${vault}/secrets/${name}`);
}

function desired(name: string, value: string): DesiredSecret {
  return { source: name.toUpperCase().replaceAll("-", "_"), name, value, origin: { kind: "secrets" } };
}

async function sync(vault: KeyVault, secrets: DesiredSecret[], overrides: Partial<PlanOptions> = {}): Promise<ChangeResult[]> {
  const options: PlanOptions = {
    owner: OWNER,
    prefix: "app-",
    prune: true,
    adopt: false,
    metadata: { contentType: "text/plain", tags: { team: "payments" }, expiresInSeconds: undefined },
    now: new Date(),
    ...overrides,
  };
  const state = await readVaultState(vault, secrets, { owner: OWNER, concurrency: 4, adopt: options.adopt });
  const plan = planChanges({ desired: secrets, rejected: [], state, options });
  return applyPlan(plan, vault, { concurrency: 4, audit: AUDIT, now: options.now });
}

describe("a whole sync against the local Key Vault", () => {
  it("creates, updates, patches, recovers, prunes and refuses what it must, then is idempotent", async () => {
    const ours = { ...OURS, [PREFIX_TAG]: "app-" };
    const plain = { ...ours, team: "payments" };
    await seed("sync-vault", "app-same", { value: "1", tags: plain, contentType: "text/plain" });
    await seed("sync-vault", "app-changed", { value: "old", tags: plain, contentType: "text/plain" });
    await seed("sync-vault", "app-meta", { value: "m", tags: { ...ours, team: "old" }, contentType: "text/plain" });
    await seed("sync-vault", "app-case", { value: "c", tags: plain, contentType: "text/plain" });
    await seed("sync-vault", "app-untagged", { value: "u" });
    await seed("sync-vault", "app-cert", { value: "MIIpfx", managed: true, tags: OURS });
    await seed("sync-vault", "app-stale", { value: "s", tags: plain });
    await seed("sync-vault", "other-stale", { value: "o", tags: plain });
    await seed("sync-vault", "app-deleted", { value: "gone", tags: plain, contentType: "text/plain" });
    await adminDelete(cloud.info.adminUrl, "/vaults/sync-vault/secrets/app-deleted");

    const { vault, logs } = createTestVault("sync-vault", {
      retry: { conflictDelaysMs: [1000, 2000, 4000], recoverWaitDelaysMs: [1000, 2000, 4000, 8000] },
    });
    const secrets = [
      desired("app-same", "1"),
      desired("app-changed", "new"),
      desired("app-meta", "m"),
      desired("APP-CASE", "c2"),
      desired("app-untagged", "u2"),
      desired("app-cert", "x"),
      desired("app-deleted", "back"),
      desired("app-new", "n"),
    ];
    const results = await sync(vault, secrets);
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ["APP-CASE", "updated"],
      ["app-cert", "skipped"],
      ["app-changed", "updated"],
      ["app-deleted", "recovered"],
      ["app-meta", "updated"],
      ["app-new", "created"],
      ["app-same", "unchanged"],
      ["app-stale", "deleted"],
      ["app-untagged", "failed"],
    ]);
    expect(results.find((result) => result.name === "APP-CASE")?.reason).toContain("stored as 'app-case'");
    expect(results.find((result) => result.name === "app-untagged")?.hint).toMatch(/adopt: true/);

    const meta = await readSecret("sync-vault", "app-meta");
    expect(meta.versions).toHaveLength(1);
    expect(meta.versions[0]?.tags).toMatchObject({ ...OURS, team: "payments", [AUDIT_TAGS.run]: AUDIT.runUrl });
    const changed = await readSecret("sync-vault", "app-changed");
    expect(changed.versions.map((version) => version.value)).toEqual(["old", "new"]);
    expect(changed.versions[1]).toMatchObject({
      contentType: "text/plain",
      tags: { ...OURS, team: "payments", [AUDIT_TAGS.commit]: "c0ffee" },
    });
    const recovered = await readSecret("sync-vault", "app-deleted");
    expect(recovered.state).toBe("active");
    expect(recovered.versions.at(-1)?.value).toBe("back");
    expect((await readSecret("sync-vault", "app-stale")).state).toMatch(/^delet/);
    expect((await readSecret("sync-vault", "other-stale")).state).toBe("active");
    expect((await readSecret("sync-vault", "app-untagged")).versions.map((version) => version.value)).toEqual(["u"]);
    expect((await readSecret("sync-vault", "app-cert")).versions).toHaveLength(1);
    for (const message of logs) for (const value of ["new", "back", "c2", "u2"]) expect(message).not.toContain(`'${value}'`);

    const writesBefore = vaultLog("sync-vault").filter((entry) =>
      ["SetSecret", "UpdateSecret", "DeleteSecret", "RecoverDeletedSecret"].includes(entry.operation),
    ).length;
    const again = await sync(vault, secrets);
    expect(again.filter((result) => result.status !== "unchanged").map((result) => [result.name, result.status])).toEqual([
      ["app-cert", "skipped"],
      ["app-untagged", "failed"],
    ]);
    const writesAfter = vaultLog("sync-vault").filter((entry) =>
      ["SetSecret", "UpdateSecret", "DeleteSecret", "RecoverDeletedSecret"].includes(entry.operation),
    ).length;
    expect(writesAfter).toBe(writesBefore);
  });

  it("recovers a secret whose delete is still in flight, riding out 409s and 404s", async () => {
    const { vault } = createTestVault("slow-vault", {
      timeScale: 1,
      retry: { conflictDelaysMs: [500, 1000, 2000, 4000], recoverWaitDelaysMs: [500, 1000, 2000, 4000] },
    });
    await vault.setSecret("flaky", { value: "keep-me", contentType: undefined, tags: OURS, expiresOn: undefined });
    await vault.deleteSecret("flaky");
    await vault.recoverSecret("flaky");
    const read = await vault.getSecret("flaky");
    expect(read).toMatchObject({ found: true, value: "keep-me" });
    const recovers = vaultLog("slow-vault").filter((entry) => entry.operation === "RecoverDeletedSecret" && entry.status !== 401);
    expect(recovers.at(-1)?.status).toBe(200);
    expect(recovers.some((entry) => entry.status === 409 || entry.status === 404)).toBe(true);
  });
});

describe("a name deleted moments before the next run", () => {
  it("is recovered, not failed, when the plan could not see it was soft-deleted", async () => {
    const { vault } = createTestVault("slow-vault", {
      timeScale: 1,
      retry: { conflictDelaysMs: [500, 1000, 2000, 4000], recoverWaitDelaysMs: [500, 1000, 2000, 4000] },
    });
    const overrides = { prefix: "app-", prune: true };
    expect((await sync(vault, [desired("app-keep", "k"), desired("app-back", "v1")], overrides)).map((result) => result.status)).toEqual([
      "created",
      "created",
    ]);
    expect((await sync(vault, [desired("app-keep", "k")], overrides)).map((result) => [result.name, result.status])).toEqual([
      ["app-back", "deleted"],
      ["app-keep", "unchanged"],
    ]);
    // Straight after the prune the delete is still in flight: listed neither as a secret nor as deleted.
    const back = await sync(vault, [desired("app-keep", "k"), desired("app-back", "v2")], overrides);
    expect(back.map((result) => [result.name, result.status])).toEqual([
      ["app-back", "recovered"],
      ["app-keep", "unchanged"],
    ]);
    expect((await readSecret("slow-vault", "app-back")).versions.map((version) => version.value)).toEqual(["v1", "v2"]);
  });
});

describe("throttling", () => {
  it("retries a 429 without Retry-After with backoff until the writes go through", async () => {
    const { vault, sleeps, logs } = createTestVault("bare-429-vault", { writePacing: false, timeScale: 4 });
    for (let i = 0; i < 5; i += 1)
      await vault.setSecret(`burst-${i}`, { value: `v${i}`, contentType: undefined, tags: OURS, expiresOn: undefined });
    const sets = vaultLog("bare-429-vault").filter((entry) => entry.operation === "SetSecret" && entry.status !== 401);
    const throttled = sets.filter((entry) => entry.status === 429).length;
    expect(throttled).toBeGreaterThan(0);
    expect(sets.filter((entry) => entry.status === 200)).toHaveLength(5);
    // Every 429 was ours to wait out: the SDK added no retries of its own.
    expect(sleeps).toHaveLength(throttled);
    expect(sleeps[0]).toBe(1000);
    expect(logs.every((message) => message.includes("no Retry-After"))).toBe(true);
    const written = await adminGet<{ secrets: AdminSecretView[] }>(cloud.info.adminUrl, "/vaults/bare-429-vault/secrets");
    expect(written.secrets.map((secret) => secret.name)).toEqual(["burst-0", "burst-1", "burst-2", "burst-3", "burst-4"]);
  });

  it("honours Retry-After when the vault sends it, without a second round from the SDK", async () => {
    const { vault, sleeps } = createTestVault("after-429-vault", { writePacing: false, timeScale: 2 });
    await vault.setSecret("first", { value: "1", contentType: undefined, tags: {}, expiresOn: undefined });
    await vault.setSecret("second", { value: "2", contentType: undefined, tags: {}, expiresOn: undefined });
    expect(sleeps[0]).toBe(3000);
    const statuses = vaultLog("after-429-vault")
      .filter((entry) => entry.operation === "SetSecret" && entry.status !== 401)
      .map((entry) => entry.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(sleeps.length);
    expect(statuses.at(-1)).toBe(200);
  });
});

describe("403 triage", () => {
  it("a Reader plans from tags, cannot read values, and is told which role to add", async () => {
    await seed("reader-vault", "app-a", { value: "1", tags: OURS });
    await seed("reader-vault", "app-b", { value: "2", tags: OURS });
    const { vault } = createTestVault("reader-vault", { retry: { forbiddenDelaysMs: [100, 200] } });
    const secrets = [desired("app-a", "1"), desired("app-b", "2")];
    const state = await readVaultState(vault, secrets, { owner: OWNER, concurrency: 1 });
    const a = state.secrets.find((secret) => secret.name === "app-a");
    expect(a?.value).toMatchObject({
      kind: "failed",
      failure: { kind: "forbidden-rbac", message: expect.stringContaining("action Microsoft.KeyVault/vaults/secrets/getSecret/action") },
    });
    // The listing worked, so the role is in effect: a refused value read is a missing permission,
    // not propagation, and is not retried — one GET per secret.
    expect(vaultLog("reader-vault").filter((entry) => entry.operation === "GetSecret" && entry.status === 403)).toHaveLength(2);

    const plan = planChanges({
      desired: secrets,
      rejected: [],
      state,
      options: {
        owner: OWNER,
        prefix: "",
        prune: false,
        adopt: false,
        metadata: { contentType: undefined, tags: {}, expiresInSeconds: undefined },
        now: new Date(),
      },
    });
    expect(plan.items.map((item) => [item.action, item.reason.startsWith("value not compared")])).toEqual([
      ["update", true],
      ["update", true],
    ]);
    const error = await vault
      .setSecret("app-a", { value: "1", contentType: undefined, tags: OURS, expiresOn: undefined })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).failure.kind).toBe("forbidden-rbac");
    expect((error as VaultError).hint).toContain(
      `az role assignment create --role "Key Vault Secrets Officer" --assignee ${cloud.info.clientId}`,
    );
  });

  it("retries a 403 while a new role assignment propagates, then succeeds", async () => {
    // Fetch a token first (the credential caches it), so the first write lands inside the window.
    await createTestVault("sync-vault").vault.listSecrets();
    await adminPatch(cloud.info.adminUrl, "/vaults/late-role-vault", { accessPropagationMs: 2000, roles: [OFFICER] });
    const { vault, sleeps } = createTestVault("late-role-vault", { timeScale: 1, retry: { forbiddenDelaysMs: [1500, 3000] } });
    await vault.setSecret("fresh", { value: "v", contentType: undefined, tags: OURS, expiresOn: undefined });
    const sets = vaultLog("late-role-vault")
      .filter((entry) => entry.operation === "SetSecret" && entry.status !== 401)
      .map((entry) => entry.status);
    expect(sets[0]).toBe(403);
    expect(sets.at(-1)).toBe(200);
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it("does not retry the firewall, and the listing failure carries the network hint", async () => {
    const { vault, sleeps } = createTestVault("walled-vault", { retry: { forbiddenDelaysMs: [100, 200] } });
    const error = await readVaultState(vault, [desired("app-a", "1")], { owner: OWNER, concurrency: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toMatch(
      /^Failed to list secrets in vault 'walled-vault': Client address is not authorized.*\(403 ForbiddenByFirewall\)$/,
    );
    expect((error as SyncError).hint).toMatch(/self-hosted runner inside the vault's virtual network/);
    expect(vaultLog("walled-vault").filter((entry) => entry.operation === "GetSecrets" && entry.status === 403)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("names the missing access-policy permission on an access-policy vault", async () => {
    const { vault } = createTestVault("policy-vault", { retry: { forbiddenDelaysMs: [] } });
    const error = await vault
      .setSecret("x", { value: "v", contentType: undefined, tags: {}, expiresOn: undefined })
      .catch((caught: unknown) => caught);
    expect((error as VaultError).failure.kind).toBe("forbidden-policy");
    expect((error as VaultError).hint).toMatch(/lacks the secret 'set' permission.*az keyvault set-policy --name policy-vault/);
  });

  it("fails a write Azure Policy denies at once: no propagation retries, the assignment named", async () => {
    const { vault, sleeps } = createTestVault("governed-vault", { retry: { forbiddenDelaysMs: [100, 200] } });
    const error = await vault
      .setSecret("plain", { value: "v", contentType: undefined, tags: OURS, expiresOn: undefined })
      .catch((caught: unknown) => caught);
    expect((error as VaultError).failure.kind).toBe("forbidden-governance");
    expect((error as VaultError).failure.innerCode).toBe("ForbiddenByGovernancePolicy");
    expect((error as VaultError).hint).toMatch(
      /^Azure Policy assignment 'Enforce-GR-KeyVault' \("Secrets should have content type set"\) denies this write.*Set 'content-type'/,
    );
    expect(vaultLog("governed-vault").filter((entry) => entry.operation === "SetSecret" && entry.status === 403)).toHaveLength(1);
    expect(sleeps).toEqual([]);
    // The same secret with a content type passes.
    await vault.setSecret("plain", { value: "v", contentType: "text/plain", tags: OURS, expiresOn: undefined });
    expect((await readSecret("governed-vault", "plain")).versions).toHaveLength(1);
  });
});
