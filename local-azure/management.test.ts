import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchThroughProxy, startCloud, type Cloud } from "./index.ts";
import { requestEntraToken } from "./test-support.ts";
import { DEFAULT_SUBSCRIPTION_ID, DEFAULT_TENANT_ID } from "./world.ts";

const ROLELESS_APP = "7e57c10d-0000-4e70-8000-0000000000b1";

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud({ apps: [{ clientId: ROLELESS_APP, federatedCredentials: [{ name: "github" }] }] });
});

afterAll(async () => {
  await cloud?.stop();
});

async function issueToken(scope: string, clientId = cloud.info.clientId): Promise<string> {
  const response = await requestEntraToken(cloud.info, {
    clientId,
    scope,
    assertion: await cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" }),
  });
  expect(response.status).toBe(200);
  return response.json<{ access_token: string }>().access_token;
}

function getArm(path: string, token?: string) {
  return fetchThroughProxy(cloud.info, `https://management.azure.com${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

describe("ARM (what az login reads)", () => {
  it.each(["https://management.core.windows.net//.default", "https://management.azure.com/.default"])(
    "lists the subscription for a token from scope %s",
    async (scope) => {
      const response = await getArm("/subscriptions?api-version=2022-12-01", await issueToken(scope));
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({
        value: [
          {
            id: `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}`,
            subscriptionId: DEFAULT_SUBSCRIPTION_ID,
            tenantId: DEFAULT_TENANT_ID,
            state: "Enabled",
          },
        ],
      });
    },
  );

  it("lists the tenant and reads the subscription by id", async () => {
    const token = await issueToken("https://management.azure.com/.default");
    const tenants = await getArm("/tenants?api-version=2022-12-01", token);
    expect(tenants.json()).toMatchObject({ value: [{ id: `/tenants/${DEFAULT_TENANT_ID}`, tenantId: DEFAULT_TENANT_ID }] });
    const subscription = await getArm(`/subscriptions/${DEFAULT_SUBSCRIPTION_ID}?api-version=2022-12-01`, token);
    expect(subscription.json()).toMatchObject({ subscriptionId: DEFAULT_SUBSCRIPTION_ID });
  });

  it("shows no subscription to an app without any role in it", async () => {
    const response = await getArm(
      "/subscriptions?api-version=2022-12-01",
      await issueToken("https://management.azure.com/.default", ROLELESS_APP),
    );
    expect(response.json()).toMatchObject({ value: [] });
  });

  it("rejects a Key Vault token with 401 InvalidAuthenticationTokenAudience", async () => {
    const response = await getArm("/subscriptions?api-version=2022-12-01", await issueToken("https://vault.azure.net/.default"));
    expect(response.status).toBe(401);
    expect(response.headers["www-authenticate"]).toMatch(/^Bearer authorization_uri="https:\/\/login\.microsoftonline\.com\//);
    expect(response.json()).toMatchObject({
      error: { code: "InvalidAuthenticationTokenAudience", message: expect.stringContaining("'https://vault.azure.net'") },
    });
  });

  it("rejects a missing or forged token with 401", async () => {
    expect((await getArm("/tenants?api-version=2022-12-01")).json()).toMatchObject({ error: { code: "AuthenticationFailed" } });
    const token = await issueToken("https://management.azure.com/.default");
    const forged = `${token.slice(0, token.lastIndexOf("."))}.${Buffer.from("not a signature").toString("base64url")}`;
    const response = await getArm("/tenants?api-version=2022-12-01", forged);
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: "InvalidAuthenticationToken" } });
  });

  it("serves cloud metadata without a token, and 404 for what it does not model", async () => {
    const metadata = await getArm("/metadata/endpoints?api-version=2019-05-01");
    expect(metadata.json()).toMatchObject({ name: "AzureCloud", suffixes: { keyVaultDns: "vault.azure.net" } });
    const other = await getArm(
      `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups?api-version=2021-04-01`,
      await issueToken("https://management.azure.com/.default"),
    );
    expect(other.status).toBe(404);
  });
});
