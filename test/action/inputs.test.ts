import { describe, expect, it } from "vitest";
import { CLOUDS } from "../../src/engine/clouds.ts";
import { splitList } from "../../src/action/input-fields.ts";
import { type Inputs } from "../../src/action/inputs.ts";
import { TENANT, CLIENT, BASE, read, readError } from "./inputs-fixtures.ts";

describe("readInputs defaults", () => {
  it("fills every default from a minimal set of inputs", () => {
    expect(read(BASE)).toEqual({
      command: "sync",
      vaultUrl: "https://my-vault.vault.azure.net",
      vaultName: "my-vault",
      cloud: CLOUDS.public,
      secretsJson: '{"A":"1"}',
      envFiles: [],
      include: [],
      exclude: [],
      prefix: "",
      nameTransform: "hyphens",
      tenantId: TENANT,
      clientId: CLIENT,
      auth: "oidc",
      audience: "api://AzureADTokenExchange",
      dryRun: false,
      dryRunReason: "dry-run: auto, push event",
      prune: false,
      adopt: false,
      owner: "octo/shop",
      contentType: undefined,
      tags: {},
      expiresInSeconds: undefined,
      rules: undefined,
      rulesFile: undefined,
      identity: "system",
      concurrency: 16,
    } satisfies Inputs);
  });

  it("reads every input when all are set", () => {
    const inputs = read({
      vault: "https://Shop-KV.vault.usgovcloudapi.net/",
      secrets: "{}",
      "env-file": "deploy/a.env\n\n  deploy/b.env  \n",
      include: "APP_*, DB_*\nAPI_KEY",
      exclude: "*_DEBUG",
      prefix: "shop-",
      "name-transform": "none",
      "tenant-id": "contoso.onmicrosoft.com",
      "client-id": CLIENT.toUpperCase(),
      auth: "oidc",
      cloud: "usgovernment",
      audience: "api://custom",
      "dry-run": "true",
      prune: "True",
      adopt: "TRUE",
      owner: "team-a",
      "content-type": "text/plain",
      tags: "team = payments\ncost-center=42=x",
      "expires-in": "90d",
      concurrency: "16",
    });
    expect(inputs).toEqual({
      command: "sync",
      vaultUrl: "https://shop-kv.vault.usgovcloudapi.net",
      vaultName: "shop-kv",
      cloud: CLOUDS.usgovernment,
      secretsJson: "{}",
      envFiles: ["deploy/a.env", "deploy/b.env"],
      include: ["APP_*", "DB_*", "API_KEY"],
      exclude: ["*_DEBUG"],
      prefix: "shop-",
      nameTransform: "none",
      tenantId: "contoso.onmicrosoft.com",
      clientId: CLIENT,
      auth: "oidc",
      audience: "api://custom",
      dryRun: true,
      dryRunReason: "dry-run: true",
      prune: true,
      adopt: true,
      owner: "team-a",
      contentType: "text/plain",
      tags: { team: "payments", "cost-center": "42=x" },
      expiresInSeconds: 90 * 86400,
      rules: undefined,
      rulesFile: undefined,
      identity: "system",
      concurrency: 16,
    } satisfies Inputs);
  });
});

describe("vault", () => {
  it.each([
    ["my-vault", "", "https://my-vault.vault.azure.net", "my-vault"],
    ["My-Vault", "", "https://my-vault.vault.azure.net", "my-vault"],
    ["abc", "", "https://abc.vault.azure.net", "abc"],
    ["a".repeat(24), "", `https://${"a".repeat(24)}.vault.azure.net`, "a".repeat(24)],
    ["kv1", "china", "https://kv1.vault.azure.cn", "kv1"],
    ["kv1", "usgovernment", "https://kv1.vault.usgovcloudapi.net", "kv1"],
    ["https://my-vault.vault.azure.net", "", "https://my-vault.vault.azure.net", "my-vault"],
    ["https://my-vault.vault.azure.net/", "", "https://my-vault.vault.azure.net", "my-vault"],
    ["https://MY-VAULT.Vault.Azure.Net", "", "https://my-vault.vault.azure.net", "my-vault"],
    ["https://my-vault.vault.azure.net:443/", "", "https://my-vault.vault.azure.net", "my-vault"],
    ["https://kv1.vault.azure.cn", "china", "https://kv1.vault.azure.cn", "kv1"],
  ])("%s (cloud %j) -> %s", (vault, cloud, url, name) => {
    const inputs = read({ ...BASE, vault, cloud });
    expect([inputs.vaultUrl, inputs.vaultName]).toEqual([url, name]);
  });

  const nameRule =
    'a vault name has 3 to 24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no "--"';
  it.each([
    ["", "", "is required: a Key Vault name or its https URL"],
    ["ab", "", `is neither a vault name nor an https URL: ${nameRule}; a URL starts with https://`],
    ["a".repeat(25), "", `is neither a vault name nor an https URL: ${nameRule}; a URL starts with https://`],
    ["1vault", "", `is neither a vault name nor an https URL: ${nameRule}; a URL starts with https://`],
    ["vault-", "", `is neither a vault name nor an https URL: ${nameRule}; a URL starts with https://`],
    ["my--vault", "", `is neither a vault name nor an https URL: ${nameRule}; a URL starts with https://`],
    ["my_vault", "", `is neither a vault name nor an https URL: ${nameRule}; a URL starts with https://`],
    ["my-vault.vault.azure.net", "", `is neither a vault name nor an https URL: ${nameRule}; a URL starts with https://`],
    ["http://my-vault.vault.azure.net", "", "must be an https URL: Key Vault is only reached over TLS"],
    ["https://", "", "is not a valid URL"],
    ["https://u:p@my-vault.vault.azure.net", "", "must not contain a user name or password"],
    ["https://my-vault.vault.azure.net:8443", "", "must not have a port"],
    ["https://my-vault.vault.azure.net/secrets", "", "must not have a path: use the vault's base URL"],
    ["https://my-vault.vault.azure.net/?x=1", "", "must not have a query or fragment"],
    [
      "https://my-vault.vault.usgovcloudapi.net",
      "",
      "is a vault in the usgovernment cloud (.vault.usgovcloudapi.net), but cloud is public",
    ],
    ["https://my-vault.vault.azure.net", "china", "is a vault in the public cloud (.vault.azure.net), but cloud is china"],
    ["https://my-hsm.managedhsm.azure.net", "", "is a Managed HSM, which holds keys, not secrets"],
    ["https://example.com", "", "must have a host that ends with .vault.azure.net (cloud: public)"],
    ["https://a.b.vault.azure.net", "", `has a host that does not start with a vault name: ${nameRule}`],
    ["https://my--vault.vault.azure.net", "", `has a host that does not start with a vault name: ${nameRule}`],
  ])("rejects %j (cloud %j)", (vault, cloud, rule) => {
    const error = readError({ ...BASE, vault, cloud });
    expect(error.input).toBe("vault");
    expect(error.message).toBe(`Invalid input 'vault': ${rule}`);
  });

  it("says which cloud to set for another cloud's vault", () => {
    expect(readError({ ...BASE, vault: "https://kv1.vault.azure.cn" }).hint).toBe("Set cloud: china");
  });
});

describe("sources", () => {
  it.each([
    ["secrets only", { secrets: "{}" }, "{}", []],
    ["env-file only", { secrets: "", "env-file": "a.env" }, undefined, ["a.env"]],
    ["CRLF lines and blanks", { secrets: "", "env-file": "a.env\r\n\r\nb c.env\r\n" }, undefined, ["a.env", "b c.env"]],
    ["commas are part of a path", { secrets: "", "env-file": "a,b.env" }, undefined, ["a,b.env"]],
  ])("%s", (_name, inputs, secretsJson, envFiles) => {
    const read1 = read({ ...BASE, ...inputs });
    expect([read1.secretsJson, read1.envFiles]).toEqual([secretsJson, envFiles]);
  });

  it.each([
    [{ secrets: "" }, "secrets", "is empty, and so is 'env-file': the action needs at least one source"],
    [{ secrets: "", "env-file": " \n \n" }, "secrets", "is empty, and so is 'env-file': the action needs at least one source"],
    [{ "env-file": "a.env\nb.env\na.env" }, "env-file", "entry 3 repeats entry 1; each file may be listed once"],
  ])("rejects %j", (inputs, input, rule) => {
    expect(readError({ ...BASE, ...inputs }).message).toBe(`Invalid input '${input}': ${rule}`);
  });
});

describe("splitList", () => {
  it.each([
    ["", true, []],
    ["A", true, ["A"]],
    ["A, B ,C", true, ["A", "B", "C"]],
    ["A\nB,C\r\n\n D ", true, ["A", "B", "C", "D"]],
    [",,A,,", true, ["A"]],
    ["a,b\nc", false, ["a,b", "c"]],
  ])("%j (commas %s) -> %j", (text, commas, items) => {
    expect(splitList(text, commas)).toEqual(items);
  });
});

describe("include / exclude / prefix / name-transform", () => {
  it.each([
    [{ include: "[A", exclude: "" }, "include", "pattern 1 has '[' without a closing ']' at column 1"],
    [{ include: "A_*, !B_*" }, "include", "pattern 2 starts with '!'; negation is not supported, use the exclude input instead"],
    [
      { exclude: "A B" },
      "exclude",
      "pattern 1 has a character that no source name can contain at column 2; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'",
    ],
    [
      { prefix: "shop_" },
      "prefix",
      "may contain only letters, digits and hyphens (Key Vault secret names allow nothing else); character 5 is none of these",
    ],
    [
      { prefix: "my app-" },
      "prefix",
      "may contain only letters, digits and hyphens (Key Vault secret names allow nothing else); character 3 is none of these",
    ],
    [
      { prefix: "p".repeat(127) },
      "prefix",
      "must be at most 126 characters, to leave room for a name (Key Vault names are at most 127); it has 127",
    ],
    [{ "name-transform": "underscores" }, "name-transform", "must be one of hyphens, none"],
  ])("rejects %j", (inputs, input, rule) => {
    expect(readError({ ...BASE, ...inputs }).message).toBe(`Invalid input '${input}': ${rule}`);
  });

  it.each([
    [
      "shop_",
      "Write '-' where the prefix has '_' or '.', as source names are converted (DB_PASSWORD becomes DB-PASSWORD), for example prefix: shop-, not shop_.",
    ],
    [
      "app.v2-",
      "Write '-' where the prefix has '_' or '.', as source names are converted (DB_PASSWORD becomes DB-PASSWORD), for example prefix: shop-, not shop_.",
    ],
    ["my app-", undefined],
  ])("says what to write instead of prefix %j", (prefix, hint) => {
    expect(readError({ ...BASE, prefix }).hint).toBe(hint);
  });

  it.each([
    ["p".repeat(126), "p".repeat(126)],
    ["Shop-1-", "Shop-1-"],
  ])("accepts prefix %j", (prefix, expected) => {
    expect(read({ ...BASE, prefix }).prefix).toBe(expected);
  });

  it.each([
    ["", "hyphens"],
    ["NONE", "none"],
    ["Hyphens", "hyphens"],
  ])("name-transform %j -> %s", (value, expected) => {
    expect(read({ ...BASE, "name-transform": value }).nameTransform).toBe(expected);
  });
});
