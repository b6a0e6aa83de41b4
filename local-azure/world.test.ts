import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDelete, adminGet, adminPut, adminRequest, startCloud, type Cloud, type CloudInfo, type WorldConfig } from "./index.ts";
import type { AppConfig } from "./types.ts";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_OBJECT_ID,
  DEFAULT_SUBSCRIPTION_ID,
  DEFAULT_TENANT_ID,
  createDefaultWorld,
  loadWorldConfig,
  mergeWorld,
} from "./world.ts";

describe("default world", () => {
  it("has one tenant, subscription and app whose credential trusts the production environment of octo-org/octo-repo", () => {
    const world = createDefaultWorld();
    expect(world).toMatchObject({ tenantId: DEFAULT_TENANT_ID, subscriptionId: DEFAULT_SUBSCRIPTION_ID });
    expect(world.apps).toEqual([
      expect.objectContaining({
        clientId: DEFAULT_CLIENT_ID,
        objectId: DEFAULT_OBJECT_ID,
        federatedCredentials: [
          expect.objectContaining({
            issuer: "https://token.actions.githubusercontent.com",
            subject: "repo:octo-org/octo-repo:environment:production",
            audiences: ["api://AzureADTokenExchange"],
          }),
        ],
      }),
    ]);
    expect(world.vaults).toEqual([
      {
        name: "demo-vault",
        cloud: "public",
        roles: [{ principal: DEFAULT_CLIENT_ID, role: "Key Vault Secrets Officer" }],
        accessModel: "rbac",
        accessPolicies: [],
        firewall: false,
        purgeProtection: false,
        recoverableDays: 90,
        throttle: { enabled: false, writesPerWindow: 300, transactionsPerWindow: 4000, windowMs: 10_000, retryAfterSeconds: null },
        faults: expect.objectContaining({ serverErrorRate: 0, dropRate: 0, latencyMs: 0 }),
      },
    ]);
    expect(world.github).toMatchObject({
      subject: "repo:octo-org/octo-repo:environment:production",
      repository: "octo-org/octo-repo",
      lifetimeSeconds: 300,
    });
  });
});

describe("mergeWorld", () => {
  it("deep-merges a vault by name and keeps what the patch leaves out", () => {
    const world = mergeWorld(createDefaultWorld(), { vaults: [{ name: "demo-vault", throttle: { enabled: true, retryAfterSeconds: 2 } }] });
    expect(world.vaults).toHaveLength(1);
    expect(world.vaults[0]?.throttle).toEqual({
      enabled: true,
      writesPerWindow: 300,
      transactionsPerWindow: 4000,
      windowMs: 10_000,
      retryAfterSeconds: 2,
    });
    expect(world.vaults[0]?.roles).toEqual([{ principal: DEFAULT_CLIENT_ID, role: "Key Vault Secrets Officer" }]);
  });

  it("adds unknown vaults and apps from their templates, and replaces arrays it is given", () => {
    const world = mergeWorld(createDefaultWorld(), {
      vaults: [
        { name: "gov-vault", cloud: "usgovernment" },
        { name: "demo-vault", roles: [] },
      ],
      apps: [{ clientId: "7e57c10d-0000-4e70-8000-0000000000c1", clientSecrets: ["s"] }],
    });
    expect(world.vaults.map((vault) => [vault.name, vault.cloud, vault.recoverableDays, vault.roles.length])).toEqual([
      ["demo-vault", "public", 90, 0],
      ["gov-vault", "usgovernment", 90, 0],
    ]);
    expect(world.apps[1]).toMatchObject({
      clientId: "7e57c10d-0000-4e70-8000-0000000000c1",
      clientSecrets: ["s"],
      federatedCredentials: [],
    });
  });

  it("merges federated credentials by name, filling new ones with the GitHub defaults", () => {
    const world = mergeWorld(createDefaultWorld(), {
      apps: [
        {
          clientId: DEFAULT_CLIENT_ID,
          federatedCredentials: [{ name: "main-branch", subject: "repo:octo-org/octo-repo:ref:refs/heads/main" }],
        },
      ],
    });
    expect(world.apps[0]?.federatedCredentials.map((fic) => [fic.name, fic.subject, fic.audiences[0]])).toEqual([
      ["octo-repo-production", "repo:octo-org/octo-repo:environment:production", "api://AzureADTokenExchange"],
      ["main-branch", "repo:octo-org/octo-repo:ref:refs/heads/main", "api://AzureADTokenExchange"],
    ]);
  });

  it("never changes the base it merges over", () => {
    const base = createDefaultWorld();
    mergeWorld(base, { tenantId: "x", vaults: [{ name: "demo-vault", firewall: true }] });
    expect(base).toEqual(createDefaultWorld());
  });
});

describe("loadWorldConfig", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cloud-config-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a JSON object and names the file when it is not one", async () => {
    const good = join(dir, "good.json");
    await writeFile(good, JSON.stringify({ github: { lifetimeSeconds: 60 } }));
    expect(await loadWorldConfig(good)).toEqual({ github: { lifetimeSeconds: 60 } });
    const bad = join(dir, "bad.json");
    await writeFile(bad, "[1,2]");
    await expect(loadWorldConfig(bad)).rejects.toThrow(`Failed to read the world config ${bad}: the top level must be a JSON object`);
  });
});

describe("admin API", () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud({ github: { lifetimeSeconds: 120 } });
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it("reports CloudInfo and the world it started with", async () => {
    const info = await adminGet<CloudInfo>(cloud.info.adminUrl, "/info");
    expect(info).toEqual(cloud.info);
    expect(info).toMatchObject({
      tenantId: DEFAULT_TENANT_ID,
      clientId: DEFAULT_CLIENT_ID,
      vaultUrl: "https://demo-vault.vault.azure.net",
    });
    const world = await adminGet<WorldConfig>(cloud.info.adminUrl, "/world");
    expect(world.github.lifetimeSeconds).toBe(120);
  });

  it("creates, replaces, lists and deletes apps", async () => {
    const clientId = "7e57c10d-0000-4e70-8000-0000000000d1";
    const created = await adminRequest<AppConfig>(cloud.info.adminUrl, "PUT", `/apps/${clientId}`, {
      displayName: "first",
      clientSecrets: ["a"],
    });
    expect(created.status).toBe(201);
    const replaced = await adminPut<AppConfig>(cloud.info.adminUrl, `/apps/${clientId}`, { displayName: "second" });
    expect(replaced).toMatchObject({ clientId, displayName: "second", clientSecrets: [], objectId: created.body.objectId });
    const { apps } = await adminGet<{ apps: AppConfig[] }>(cloud.info.adminUrl, "/apps");
    expect(apps.map((app) => app.clientId)).toEqual([DEFAULT_CLIENT_ID, clientId]);
    await adminDelete(cloud.info.adminUrl, `/apps/${clientId}`);
    expect((await adminRequest(cloud.info.adminUrl, "GET", `/apps/${clientId}`)).status).toBe(404);
  });

  it("answers an unknown route with 404 and a broken body with 400", async () => {
    expect((await adminRequest(cloud.info.adminUrl, "GET", "/nothing-here")).status).toBe(404);
    const response = await fetch(new URL("/github", cloud.info.adminUrl), { method: "PATCH", body: "{not json" });
    expect(response.status).toBe(400);
  });

  it("hands /vaults requests to the Key Vault service", async () => {
    const response = await adminRequest(cloud.info.adminUrl, "GET", "/vaults");
    expect(JSON.stringify(response.body)).not.toContain("The admin API has no route");
  });
});
