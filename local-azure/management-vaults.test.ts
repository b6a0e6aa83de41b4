import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPatch, fetchThroughProxy, startCloud, type Cloud } from "./index.ts";
import { ROLE_DEFINITIONS } from "./roles.ts";
import { requestEntraToken } from "./test-support.ts";
import { DEFAULT_CLIENT_ID, DEFAULT_OBJECT_ID, DEFAULT_SUBSCRIPTION_ID } from "./world.ts";

const USER_APP = "7e57c10d-0e5e-4e70-8000-0000000000e1";
const CRYPTO_APP = "7e57c10d-c2b7-4e70-8000-0000000000e2";
const POLICY_APP = "7e57c10d-0a11-4e70-8000-0000000000e3";
const APP_SECRET = "local-only-client-secret";
const RG = "keyvault-sync";

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud({
    apps: [USER_APP, CRYPTO_APP, POLICY_APP].map((clientId) => ({ clientId, clientSecrets: [APP_SECRET] })),
    vaults: [
      {
        name: "demo-vault",
        roles: [
          { principal: DEFAULT_CLIENT_ID, role: "Key Vault Secrets Officer" },
          { principal: USER_APP, role: "Key Vault Secrets User" },
          { principal: USER_APP, role: "Key Vault Crypto User" },
          { principal: CRYPTO_APP, role: "Key Vault Crypto Officer" },
        ],
      },
      {
        name: "legacy-vault",
        resourceGroup: "rg-legacy",
        accessModel: "access-policy",
        purgeProtection: true,
        roles: [{ principal: POLICY_APP, role: "Key Vault Reader" }],
        accessPolicies: [
          { principal: DEFAULT_CLIENT_ID, permissions: ["get", "list", "set"], keyPermissions: ["get", "wrapKey", "unwrapKey"] },
        ],
      },
    ],
  });
});

afterAll(async () => {
  await cloud?.stop();
});

async function armToken(clientId: string): Promise<string> {
  const response = await requestEntraToken(cloud.info, {
    clientId,
    clientSecret: APP_SECRET,
    scope: "https://management.azure.com/.default",
  });
  expect(response.status).toBe(200);
  return response.json<{ access_token: string }>().access_token;
}

async function defaultAppToken(): Promise<string> {
  const response = await requestEntraToken(cloud.info, {
    scope: "https://management.azure.com/.default",
    assertion: await cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" }),
  });
  return response.json<{ access_token: string }>().access_token;
}

function vaultPath(vault: string, rg = RG): string {
  return `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${vault}`;
}

function getArm(path: string, token: string) {
  return fetchThroughProxy(cloud.info, `https://management.azure.com${path}`, { headers: { authorization: `Bearer ${token}` } });
}

const PERMISSIONS = "/providers/Microsoft.Authorization/permissions?api-version=2022-04-01";

describe("ARM permissions at a vault's scope", () => {
  it("lists one entry per role the caller holds, with the built-in definitions", async () => {
    const response = await getArm(`${vaultPath("demo-vault")}${PERMISSIONS}`, await armToken(USER_APP));
    expect(response.status).toBe(200);
    const { value } = response.json<{ value: Array<Record<string, string[]>> }>();
    expect(value).toEqual([
      {
        actions: [],
        notActions: [],
        dataActions: ["Microsoft.KeyVault/vaults/secrets/getSecret/action", "Microsoft.KeyVault/vaults/secrets/readMetadata/action"],
        notDataActions: [],
      },
      { actions: [], notActions: [], dataActions: ROLE_DEFINITIONS["Key Vault Crypto User"].dataActions, notDataActions: [] },
    ]);
  });

  it("shows the Secrets Officer's wildcard and nothing for a caller without roles", async () => {
    const officer = await getArm(`${vaultPath("demo-vault")}${PERMISSIONS}`, await defaultAppToken());
    expect(officer.json<{ value: Array<{ dataActions: string[] }> }>().value.map((entry) => entry.dataActions)).toEqual([
      ["Microsoft.KeyVault/vaults/secrets/*"],
    ]);
    const none = await getArm(`${vaultPath("demo-vault")}${PERMISSIONS}`, await armToken(POLICY_APP));
    expect(none.json()).toEqual({ value: [] });
  });

  it("follows role changes made through the admin API", async () => {
    await adminPatch(cloud.info.adminUrl, "/vaults/legacy-vault", { roles: [{ principal: POLICY_APP, role: "Key Vault Administrator" }] });
    const response = await getArm(`${vaultPath("legacy-vault", "rg-legacy")}${PERMISSIONS}`, await armToken(POLICY_APP));
    expect(response.json<{ value: Array<{ dataActions: string[] }> }>().value[0]?.dataActions).toEqual(["Microsoft.KeyVault/vaults/*"]);
    await adminPatch(cloud.info.adminUrl, "/vaults/legacy-vault", { roles: [{ principal: POLICY_APP, role: "Key Vault Reader" }] });
  });

  it("answers 404 for an unknown vault or resource group, 401 without a token", async () => {
    const token = await armToken(USER_APP);
    const missing = await getArm(`${vaultPath("no-such-vault")}${PERMISSIONS}`, token);
    expect(missing.status).toBe(404);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe("ResourceNotFound");
    expect((await getArm(`${vaultPath("demo-vault", "other-rg")}${PERMISSIONS}`, token)).status).toBe(404);
    const anonymous = await fetchThroughProxy(cloud.info, `https://management.azure.com${vaultPath("demo-vault")}${PERMISSIONS}`);
    expect(anonymous.status).toBe(401);
  });
});

describe("ARM vault resource", () => {
  it("describes an access-policy vault with object ids and its permission model", async () => {
    const response = await getArm(`${vaultPath("legacy-vault", "rg-legacy")}?api-version=2023-07-01`, await armToken(POLICY_APP));
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      id: vaultPath("legacy-vault", "rg-legacy"),
      name: "legacy-vault",
      type: "Microsoft.KeyVault/vaults",
      properties: {
        enableRbacAuthorization: false,
        enablePurgeProtection: true,
        vaultUri: "https://legacy-vault.vault.azure.net/",
        accessPolicies: [
          {
            objectId: DEFAULT_OBJECT_ID,
            permissions: { secrets: ["get", "list", "set"], keys: ["get", "wrapKey", "unwrapKey"], certificates: [] },
          },
        ],
      },
    });
  });

  it("needs a control-plane role: a Secrets User gets 403 AuthorizationFailed", async () => {
    const rbac = await getArm(`${vaultPath("demo-vault")}?api-version=2023-07-01`, await defaultAppToken());
    expect(rbac.json()).toMatchObject({ properties: { enableRbacAuthorization: true, accessPolicies: [] } });
    const denied = await getArm(`${vaultPath("demo-vault")}?api-version=2023-07-01`, await armToken(USER_APP));
    expect(denied.status).toBe(403);
    expect(denied.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: "AuthorizationFailed",
      message: expect.stringContaining("'Microsoft.KeyVault/vaults/read'"),
    });
  });
});
