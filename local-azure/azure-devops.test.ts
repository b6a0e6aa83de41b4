/**
 * Azure Pipelines' service-connection token endpoint, driven by @azure/identity's own
 * AzurePipelinesCredential through the proxy, as an agent's job would.
 */
import { AzurePipelinesCredential } from "@azure/identity";
import { SecretClient } from "@azure/keyvault-secrets";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminPut, fetchThroughProxy, startCloud, toSdkProxyOptions, trustCloudInProcess, type Cloud } from "./index.ts";

const PIPELINE_APP = "7e57c10d-ad05-4e70-8000-0000000000a2";
let cloud: Cloud;
const savedUri = process.env["SYSTEM_OIDCREQUESTURI"];

beforeAll(async () => {
  cloud = await startCloud({ vaults: [{ name: "demo-vault", roles: [{ principal: PIPELINE_APP, role: "Key Vault Secrets User" }] }] });
  trustCloudInProcess(cloud.info);
  const { issuer, subject } = cloud.azureDevOps;
  await adminPut(cloud.info.adminUrl, `/apps/${PIPELINE_APP}`, {
    federatedCredentials: [{ name: "ado", issuer, subject, audiences: ["api://AzureADTokenExchange"] }],
  });
  await adminPut(cloud.info.adminUrl, "/vaults/demo-vault/secrets/pipeline-secret", { value: "read-by-a-pipeline" });
});

afterEach(() => {
  if (savedUri === undefined) delete process.env["SYSTEM_OIDCREQUESTURI"];
  else process.env["SYSTEM_OIDCREQUESTURI"] = savedUri;
});

afterAll(async () => {
  await cloud?.stop();
});

function credential(accessToken: string, serviceConnectionId = cloud.azureDevOps.serviceConnectionId): AzurePipelinesCredential {
  // The credential reads the request URI from the environment, as on an agent.
  process.env["SYSTEM_OIDCREQUESTURI"] = cloud.azureDevOps.oidcRequestUri;
  return new AzurePipelinesCredential(cloud.info.tenantId, PIPELINE_APP, serviceConnectionId, accessToken, {
    proxyOptions: toSdkProxyOptions(cloud.info),
  });
}

describe("Azure Pipelines service connections", () => {
  it("AzurePipelinesCredential gets the connection's token and the SecretClient reads a secret", async () => {
    const client = new SecretClient(cloud.info.vaultUrl, credential(cloud.azureDevOps.accessToken), {
      proxyOptions: toSdkProxyOptions(cloud.info),
      retryOptions: { maxRetries: 0 },
    });
    expect((await client.getSecret("pipeline-secret")).value).toBe("read-by-a-pipeline");
  });

  it("refuses another job's access token and an unknown service connection", async () => {
    await expect(credential("not-the-job-token").getToken("https://vault.azure.net/.default")).rejects.toThrow(/401/);
    await expect(
      credential(cloud.azureDevOps.accessToken, "7e57c10d-0000-4e70-8000-00000000dead").getToken("https://vault.azure.net/.default"),
    ).rejects.toThrow(/400/);
  });

  it("answers only POST on the job's own path", async () => {
    const get = await fetchThroughProxy(cloud.info, `${cloud.azureDevOps.oidcRequestUri}?api-version=7.1`);
    expect(get.status).toBe(405);
    const other = await fetchThroughProxy(cloud.info, "https://dev.azure.com/octo-org/_apis/other", { method: "POST" });
    expect(other.status).toBe(404);
  });
});
