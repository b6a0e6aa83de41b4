import { describe, expect, it } from "vitest";
import { CLOUD_NAMES, CLOUDS, findCloudByVaultHost, findCloudName } from "../../src/engine/clouds.ts";

describe("CLOUDS", () => {
  it.each([
    ["public", "https://login.microsoftonline.com", "vault.azure.net", "api://AzureADTokenExchange", "https://vault.azure.net/.default"],
    [
      "usgovernment",
      "https://login.microsoftonline.us",
      "vault.usgovcloudapi.net",
      "api://AzureADTokenExchangeUSGov",
      "https://vault.usgovcloudapi.net/.default",
    ],
    ["china", "https://login.chinacloudapi.cn", "vault.azure.cn", "api://AzureADTokenExchangeChina", "https://vault.azure.cn/.default"],
  ] as const)("%s", (name, authorityHost, vaultSuffix, audience, vaultScope) => {
    expect(CLOUDS[name]).toEqual({ name, authorityHost, vaultSuffix, audience, vaultScope });
  });

  it("lists every cloud once", () => {
    expect([...CLOUD_NAMES].sort()).toEqual(Object.keys(CLOUDS).sort());
  });
});

describe("findCloudByVaultHost", () => {
  it.each([
    ["kv.vault.azure.net", "public"],
    ["KV.VAULT.AZURE.NET", "public"],
    ["kv.vault.usgovcloudapi.net", "usgovernment"],
    ["kv.vault.azure.cn", "china"],
    ["vault.azure.net", undefined],
    ["kv.vault.azure.net.evil.example", undefined],
    ["kv.managedhsm.azure.net", undefined],
  ])("%s -> %s", (host, cloud) => {
    expect(findCloudByVaultHost(host)?.name).toBe(cloud);
  });
});

describe("findCloudName", () => {
  it.each([
    ["public", "public"],
    ["USGovernment", "usgovernment"],
    ["AzureCloud", "public"],
    ["azurecloud", "public"],
    ["AZUREUSGOVERNMENT", "usgovernment"],
    ["AzureChinaCloud", "china"],
    ["AzureStack", undefined],
    ["AzureGermanCloud", undefined],
    ["azure", undefined],
    ["", undefined],
  ])("%j -> %s", (value, cloud) => {
    expect(findCloudName(value)).toBe(cloud);
  });
});
