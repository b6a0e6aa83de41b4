/**
 * Federated credentials from issuers other than GitHub (GitLab, AKS): a token written to a file
 * and read by @azure/identity's WorkloadIdentityCredential, as AKS workload identity does.
 */
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { WorkloadIdentityCredential } from "@azure/identity";
import { SecretClient } from "@azure/keyvault-secrets";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminPost, adminPut, startCloud, toSdkProxyOptions, trustCloudInProcess, writeFederatedTokenFile, type Cloud } from "./index.ts";
import { requestEntraToken } from "./test-support.ts";

const AKS_ISSUER = "https://oidc.prod-aks.azure.com/7e57c10d-aaaa-4e70-8000-000000000001/";
const AKS_SUBJECT = "system:serviceaccount:sync:keyvault-sync";
const GITLAB_ISSUER = "https://gitlab.com";
const GITLAB_SUBJECT = "project_path:octo-org/octo-repo:ref_type:branch:ref:main";
const WORKLOAD_APP = "7e57c10d-aa05-4e70-8000-0000000000a1";

let cloud: Cloud;
const files: string[] = [];

beforeAll(async () => {
  cloud = await startCloud({
    apps: [
      {
        clientId: WORKLOAD_APP,
        federatedCredentials: [
          { name: "aks", issuer: AKS_ISSUER, subject: AKS_SUBJECT, audiences: ["api://AzureADTokenExchange"] },
          { name: "gitlab", issuer: GITLAB_ISSUER, subject: GITLAB_SUBJECT, audiences: ["api://AzureADTokenExchange"] },
        ],
      },
    ],
    vaults: [{ name: "demo-vault", roles: [{ principal: WORKLOAD_APP, role: "Key Vault Secrets User" }] }],
  });
  trustCloudInProcess(cloud.info);
  await adminPut(cloud.info.adminUrl, "/vaults/demo-vault/secrets/workload-secret", { value: "read-by-a-pod" });
});

afterEach(async () => {
  await Promise.all(files.splice(0).map((file) => rm(dirname(file), { recursive: true, force: true })));
});

afterAll(async () => {
  await cloud?.stop();
});

async function tokenFile(issuer: string, subject: string): Promise<string> {
  const file = await writeFederatedTokenFile(await cloud.mintFederatedToken({ issuer, subject }));
  files.push(file);
  return file;
}

describe("federated tokens from other issuers", () => {
  it("WorkloadIdentityCredential reads an AKS token file and the SecretClient reads a secret", async () => {
    const credential = new WorkloadIdentityCredential({
      tenantId: cloud.info.tenantId,
      clientId: WORKLOAD_APP,
      tokenFilePath: await tokenFile(AKS_ISSUER, AKS_SUBJECT),
      proxyOptions: toSdkProxyOptions(cloud.info),
    });
    const client = new SecretClient(cloud.info.vaultUrl, credential, {
      proxyOptions: toSdkProxyOptions(cloud.info),
      retryOptions: { maxRetries: 0 },
    });
    expect((await client.getSecret("workload-secret")).value).toBe("read-by-a-pod");
  });

  it("WorkloadIdentityCredential takes everything from AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID, AZURE_CLIENT_ID", async () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        AZURE_FEDERATED_TOKEN_FILE: await tokenFile(GITLAB_ISSUER, GITLAB_SUBJECT),
        AZURE_TENANT_ID: cloud.info.tenantId,
        AZURE_CLIENT_ID: WORKLOAD_APP,
      });
      const credential = new WorkloadIdentityCredential({ proxyOptions: toSdkProxyOptions(cloud.info) });
      const client = new SecretClient(cloud.info.vaultUrl, credential, {
        proxyOptions: toSdkProxyOptions(cloud.info),
        retryOptions: { maxRetries: 0 },
      });
      expect((await client.getSecret("workload-secret")).value).toBe("read-by-a-pod");
    } finally {
      process.env = saved;
    }
  });

  it("accepts a GitLab token by issuer, audience and exact subject; Entra names what does not match", async () => {
    const ok = await requestEntraToken(cloud.info, {
      clientId: WORKLOAD_APP,
      assertion: await cloud.mintFederatedToken({ issuer: GITLAB_ISSUER, subject: GITLAB_SUBJECT }),
    });
    expect(ok.status).toBe(200);
    const wrongSubject = await requestEntraToken(cloud.info, {
      clientId: WORKLOAD_APP,
      assertion: await cloud.mintFederatedToken({ issuer: GITLAB_ISSUER, subject: "project_path:octo-org/other:ref_type:branch:ref:main" }),
    });
    expect(wrongSubject.json<{ error_codes: number[] }>().error_codes).toEqual([700213]);
    const unknownIssuer = await requestEntraToken(cloud.info, {
      clientId: WORKLOAD_APP,
      assertion: await cloud.mintFederatedToken({ issuer: "https://gitlab.example.com", subject: GITLAB_SUBJECT }),
    });
    expect(unknownIssuer.json<{ error_codes: number[] }>().error_codes).toEqual([700211]);
  });

  it("mints through the admin API too, and refuses a non-https issuer", async () => {
    const { value } = await adminPost<{ value: string }>(cloud.info.adminUrl, "/federated/token", {
      issuer: AKS_ISSUER,
      subject: AKS_SUBJECT,
    });
    expect((await requestEntraToken(cloud.info, { clientId: WORKLOAD_APP, assertion: value })).status).toBe(200);
    await expect(adminPost(cloud.info.adminUrl, "/federated/token", { issuer: "http://insecure", subject: "x" })).rejects.toThrow(
      /https URL/,
    );
  });
});
