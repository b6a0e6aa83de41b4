import { describe, expect, it } from "vitest";
import type { ChangeResult, ResultStatus } from "../../src/engine/apply.ts";
import { buildReferences, toContainerAppSecretName } from "../../src/engine/references.ts";

const VAULT = "https://shop-kv.vault.azure.net";
const IDENTITY = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/web";

function result(source: string | undefined, name: string, status: ResultStatus): ChangeResult {
  return { source, name, action: "create", status, reason: "", origin: { kind: "secrets" } };
}

describe("buildReferences", () => {
  const results = [
    result("DB_URL", "app-DB-URL", "created"),
    result("ConnectionStrings__Main", "app-ConnectionStrings--Main", "updated"),
    result("API_KEY", "app-API-KEY", "unchanged"),
    result("OLD", "app-OLD", "recovered"),
    result("BROKEN", "app-BROKEN", "failed"),
    result("EMPTY", "app-EMPTY", "skipped"),
    result(undefined, "app-GONE", "deleted"),
  ];
  const references = buildReferences(results, VAULT, IDENTITY);

  it("addresses every secret that is in the vault as the sources say, by source name, versionless", () => {
    expect(references.secretUris).toEqual({
      API_KEY: `${VAULT}/secrets/app-API-KEY`,
      ConnectionStrings__Main: `${VAULT}/secrets/app-ConnectionStrings--Main`,
      DB_URL: `${VAULT}/secrets/app-DB-URL`,
      OLD: `${VAULT}/secrets/app-OLD`,
    });
  });

  it("gives App Service settings named as the sources, `__` kept", () => {
    expect(references.appSettings).toEqual([
      { name: "API_KEY", value: `@Microsoft.KeyVault(SecretUri=${VAULT}/secrets/app-API-KEY)`, slotSetting: false },
      {
        name: "ConnectionStrings__Main",
        value: `@Microsoft.KeyVault(SecretUri=${VAULT}/secrets/app-ConnectionStrings--Main)`,
        slotSetting: false,
      },
      { name: "DB_URL", value: `@Microsoft.KeyVault(SecretUri=${VAULT}/secrets/app-DB-URL)`, slotSetting: false },
      { name: "OLD", value: `@Microsoft.KeyVault(SecretUri=${VAULT}/secrets/app-OLD)`, slotSetting: false },
    ]);
  });

  it("gives Container Apps secrets with lower-case names and env vars that refer to them", () => {
    expect(references.containerApp).toEqual({
      secrets: [
        `app-api-key=keyvaultref:${VAULT}/secrets/app-API-KEY,identityref:${IDENTITY}`,
        `app-connectionstrings--main=keyvaultref:${VAULT}/secrets/app-ConnectionStrings--Main,identityref:${IDENTITY}`,
        `app-db-url=keyvaultref:${VAULT}/secrets/app-DB-URL,identityref:${IDENTITY}`,
        `app-old=keyvaultref:${VAULT}/secrets/app-OLD,identityref:${IDENTITY}`,
      ],
      envVars: [
        "API_KEY=secretref:app-api-key",
        "ConnectionStrings__Main=secretref:app-connectionstrings--main",
        "DB_URL=secretref:app-db-url",
        "OLD=secretref:app-old",
      ],
    });
    expect(references.problems).toEqual([]);
  });

  it("is empty when nothing was synced", () => {
    expect(buildReferences([], VAULT, "system")).toEqual({
      secretUris: {},
      appSettings: [],
      containerApp: { secrets: [], envVars: [] },
      problems: [],
    });
  });

  it("leaves out a Container Apps name that cannot be formed, and says why", () => {
    const odd = buildReferences([result("DASH", "-x-", "created"), result("ONLY", "---", "created")], VAULT, "system");
    expect(odd.containerApp.secrets).toEqual([`x=keyvaultref:${VAULT}/secrets/-x-,identityref:system`]);
    expect(odd.problems).toEqual([
      "'ONLY': no Container Apps secret name can be formed from '---' (lower-case letters, digits and '-', at most 253)",
    ]);
  });
});

describe("toContainerAppSecretName", () => {
  it.each<[string, string | undefined]>([
    ["DB-URL", "db-url"],
    ["a1", "a1"],
    ["-lead-and-trail-", "lead-and-trail"],
    ["---", undefined],
    ["x".repeat(253), "x".repeat(253)],
    ["x".repeat(254), undefined],
  ])("%s -> %s", (name, expected) => {
    expect(toContainerAppSecretName(name)).toBe(expected);
  });
});
