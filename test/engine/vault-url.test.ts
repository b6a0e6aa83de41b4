import { describe, expect, it } from "vitest";
import { CLOUDS } from "../../src/engine/clouds.ts";
import { parseVault, readVaultName } from "../../src/engine/vault-url.ts";
import type { ParsedVault } from "../../src/engine/vault-url.ts";

describe("parseVault", () => {
  const vault = (name: string, suffix = "vault.azure.net"): ParsedVault => ({ kind: "vault", url: `https://${name}.${suffix}`, name });
  it.each<[string, string, ParsedVault]>([
    ["a name, lower-cased", "My-Vault", vault("my-vault")],
    ["a base URL", "https://my-vault.vault.azure.net", vault("my-vault")],
    ["a base URL with a slash, host lower-cased", "https://MY-VAULT.vault.azure.net/", vault("my-vault")],
    [
      "a name with a double hyphen",
      "my--vault",
      { kind: "invalid", rule: expect.stringContaining("is neither a vault name nor an https URL") as string },
    ],
    ["a name too short", "ab", { kind: "invalid", rule: expect.stringContaining("3 to 24 letters") as string }],
    ["http", "http://my-vault.vault.azure.net", { kind: "invalid", rule: "must be an https URL: Key Vault is only reached over TLS" }],
    ["a path", "https://my-vault.vault.azure.net/secrets/x", { kind: "invalid", rule: "must not have a path: use the vault's base URL" }],
    ["a port", "https://my-vault.vault.azure.net:8443", { kind: "invalid", rule: "must not have a port" }],
    [
      "another cloud",
      "https://my-vault.vault.azure.cn",
      { kind: "invalid", rule: "is a vault in the china cloud (.vault.azure.cn), but cloud is public", hint: "Set cloud: china" },
    ],
    ["a Managed HSM", "https://my-hsm.managedhsm.azure.net", { kind: "invalid", rule: "is a Managed HSM, which holds keys, not secrets" }],
    ["not a URL", "https://", { kind: "invalid", rule: "is not a valid URL" }],
  ])("%s", (_name, value, expected) => {
    expect(parseVault(value, CLOUDS.public)).toEqual(expected);
  });

  it("uses the chosen cloud's suffix", () => {
    expect(parseVault("gov-vault", CLOUDS.usgovernment)).toEqual(vault("gov-vault", "vault.usgovcloudapi.net"));
  });
});

describe("readVaultName", () => {
  it.each([
    ["https://my-vault.vault.azure.net", "my-vault"],
    ["https://gov-vault.vault.usgovcloudapi.net/", "gov-vault"],
    ["not a url", "not a url"],
  ])("%s → %s", (url, name) => {
    expect(readVaultName(url)).toBe(name);
  });
});
