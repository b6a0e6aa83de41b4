import { describe, expect, it } from "vitest";
import { TENANT, CLIENT, BASE, ENV, read, readError } from "./inputs-fixtures.ts";

describe("identity", () => {
  const noIds = { ...BASE, "tenant-id": "", "client-id": "" };
  it.each([
    ["oidc from inputs", { auth: "oidc" }, {}, { tenantId: TENANT, clientId: CLIENT }],
    [
      "oidc from the environment",
      { ...noIds },
      { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT },
      { tenantId: TENANT, clientId: CLIENT },
    ],
    [
      "inputs win over the environment",
      {},
      { AZURE_TENANT_ID: "other.example.com", AZURE_CLIENT_ID: "x" },
      { tenantId: TENANT, clientId: CLIENT },
    ],
    ["GUIDs are lower-cased", { "tenant-id": TENANT.toUpperCase() }, {}, { tenantId: TENANT, clientId: CLIENT }],
    ["managed identity, system-assigned", { ...noIds, auth: "managed-identity" }, {}, { tenantId: undefined, clientId: undefined }],
    [
      "managed identity, user-assigned",
      { ...noIds, auth: "managed-identity", "client-id": CLIENT },
      {},
      { tenantId: undefined, clientId: CLIENT },
    ],
    ["azure-cli ignores client-id", { auth: "azure-cli", "client-id": "not-a-guid" }, {}, { tenantId: TENANT, clientId: undefined }],
    ["azure-cli without ids", { ...noIds, auth: "Azure-CLI" }, {}, { tenantId: undefined, clientId: undefined }],
  ])("%s", (_name, inputs, env, expected) => {
    const inputsRead = read({ ...BASE, ...inputs }, { ...ENV, ...env });
    expect({ tenantId: inputsRead.tenantId, clientId: inputsRead.clientId }).toEqual(expected);
  });

  it.each([
    ["missing tenant with oidc", { ...noIds, "client-id": CLIENT }, {}, "tenant-id", "is required with auth: oidc", "AZURE_TENANT_ID"],
    ["missing client with oidc", { ...noIds, "tenant-id": TENANT }, {}, "client-id", "is required with auth: oidc", "AZURE_CLIENT_ID"],
    [
      "a multi-tenant alias",
      { "tenant-id": "common" },
      {},
      "tenant-id",
      "must name one tenant; common, organizations and consumers are not tenants",
      undefined,
    ],
    [
      "organizations from the environment",
      { ...noIds, "client-id": CLIENT },
      { AZURE_TENANT_ID: "Organizations" },
      "tenant-id",
      "must name one tenant; common, organizations and consumers are not tenants (taken from AZURE_TENANT_ID)",
      undefined,
    ],
    [
      "a tenant that is neither GUID nor domain",
      { "tenant-id": "contoso tenant" },
      {},
      "tenant-id",
      "must be a tenant ID (a GUID) or a domain name such as contoso.onmicrosoft.com",
      undefined,
    ],
    ["a client that is not a GUID", { "client-id": "my-app" }, {}, "client-id", "must be a GUID, the application (client) ID", undefined],
    [
      "a bad client for a user-assigned identity",
      { auth: "managed-identity", "client-id": "12345" },
      {},
      "client-id",
      "must be a GUID, the application (client) ID",
      undefined,
    ],
    ["an unknown auth", { auth: "password" }, {}, "auth", "must be one of oidc, azure-cli, managed-identity", undefined],
  ])("rejects %s", (_name, inputs, env, input, rule, hintMentions) => {
    const error = readError({ ...BASE, ...inputs }, { ...ENV, ...env });
    expect(error.message).toBe(`Invalid input '${input}': ${rule}`);
    if (hintMentions !== undefined) expect(error.hint).toContain(hintMentions);
  });
});

describe("cloud and audience", () => {
  it.each([
    ["", "", "public", "api://AzureADTokenExchange"],
    ["usgovernment", "", "usgovernment", "api://AzureADTokenExchangeUSGov"],
    ["China", "", "china", "api://AzureADTokenExchangeChina"],
    ["china", "api://mine", "china", "api://mine"],
    ["AzureCloud", "", "public", "api://AzureADTokenExchange"],
    ["AzureUSGovernment", "", "usgovernment", "api://AzureADTokenExchangeUSGov"],
    ["azurechinacloud", "", "china", "api://AzureADTokenExchangeChina"],
  ])("cloud %j, audience %j", (cloud, audience, cloudName, expectedAudience) => {
    const inputs = read({ ...BASE, cloud, audience });
    expect([inputs.cloud.name, inputs.audience]).toEqual([cloudName, expectedAudience]);
  });

  it.each([
    [
      { cloud: "germany" },
      "cloud",
      "must be one of public, usgovernment, china, or Azure/login's AzureCloud, AzureUSGovernment, AzureChinaCloud",
    ],
    [
      { cloud: "AzureGermanCloud" },
      "cloud",
      "must be one of public, usgovernment, china, or Azure/login's AzureCloud, AzureUSGovernment, AzureChinaCloud",
    ],
    [{ audience: "api://a b" }, "audience", "must not contain whitespace"],
    [{ audience: "a".repeat(601) }, "audience", "must be at most 600 characters (a federated credential limit)"],
  ])("rejects %j", (inputs, input, rule) => {
    expect(readError({ ...BASE, ...inputs }).message).toBe(`Invalid input '${input}': ${rule}`);
  });
});

describe("dry-run, prune, adopt", () => {
  it.each([
    ["", "pull_request", true, "dry-run: auto, pull_request event"],
    ["auto", "pull_request_target", true, "dry-run: auto, pull_request_target event"],
    ["AUTO", "pull_request_review", true, "dry-run: auto, pull_request_review event"],
    ["auto", "push", false, "dry-run: auto, push event"],
    ["auto", "workflow_dispatch", false, "dry-run: auto, workflow_dispatch event"],
    ["auto", undefined, false, "dry-run: auto, no GITHUB_EVENT_NAME"],
    ["false", "pull_request", false, "dry-run: false"],
    ["true", "push", true, "dry-run: true"],
    ["True", "push", true, "dry-run: true"],
  ])("dry-run %j on %s -> %s", (dryRun, event, expected, reason) => {
    const inputs = read({ ...BASE, "dry-run": dryRun }, { ...ENV, GITHUB_EVENT_NAME: event });
    expect([inputs.dryRun, inputs.dryRunReason]).toEqual([expected, reason]);
  });

  it.each([
    ["", false],
    ["true", true],
    ["True", true],
    ["TRUE", true],
    ["false", false],
    ["False", false],
    ["FALSE", false],
  ])("prune and adopt %j -> %s", (value, expected) => {
    const inputs = read({ ...BASE, prune: value, adopt: value });
    expect([inputs.prune, inputs.adopt]).toEqual([expected, expected]);
  });

  it.each([["yes"], ["1"], ["tRUE"], ["on"]])("rejects boolean %j", (value) => {
    expect(readError({ ...BASE, prune: value }).message).toBe("Invalid input 'prune': must be true or false");
    expect(readError({ ...BASE, adopt: value }).message).toBe("Invalid input 'adopt': must be true or false");
  });

  it("rejects an unknown dry-run", () => {
    expect(readError({ ...BASE, "dry-run": "maybe" }).message).toBe("Invalid input 'dry-run': must be one of auto, true, false");
  });
});

describe("owner, content-type", () => {
  it.each([
    [{}, ENV, "octo/shop"],
    [{ owner: "platform-team" }, ENV, "platform-team"],
    [{ owner: "o".repeat(256) }, ENV, "o".repeat(256)],
  ])("owner from %j", (inputs, env, owner) => {
    expect(read({ ...BASE, ...inputs }, env).owner).toBe(owner);
  });

  it.each([
    [{}, {}, "is required: it marks the secrets this workflow manages"],
    [{ owner: "o".repeat(257) }, ENV, "must be at most 256 characters (it is a tag value)"],
    [{}, { GITHUB_REPOSITORY: "r".repeat(257) }, "must be at most 256 characters (it is a tag value) (taken from GITHUB_REPOSITORY)"],
  ])("rejects owner %#", (inputs, env, rule) => {
    expect(readError({ ...BASE, ...inputs }, env).message).toBe(`Invalid input 'owner': ${rule}`);
  });

  it.each([
    ["", undefined],
    ["application/json", "application/json"],
    ["c".repeat(255), "c".repeat(255)],
  ])("content-type %j", (value, expected) => {
    expect(read({ ...BASE, "content-type": value }).contentType).toBe(expected);
  });

  it("rejects a content-type over 255 characters", () => {
    expect(readError({ ...BASE, "content-type": "c".repeat(256) }).message).toBe(
      "Invalid input 'content-type': must be at most 255 characters (a Key Vault limit); it has 256",
    );
  });
});

describe("tags", () => {
  it.each([
    ["", {}],
    ["team=payments", { team: "payments" }],
    ["  team  =  payments  \r\n\nenv=prod", { team: "payments", env: "prod" }],
    ["empty=", { empty: "" }],
    ["env=prod,team=shop", { env: "prod", team: "shop" }],
    ["env=prod, team=shop,\nowner=me", { env: "prod", team: "shop", owner: "me" }],
    ["url=https://x/?a=b", { url: "https://x/?a=b" }],
    [
      Array.from({ length: 8 }, (_, index) => `t${index}=v`).join("\n"),
      Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`t${index}`, "v"])),
    ],
    [`${"k".repeat(256)}=${"v".repeat(256)}`, { ["k".repeat(256)]: "v".repeat(256) }],
  ])("%j", (tags, expected) => {
    expect(read({ ...BASE, tags }).tags).toEqual(expected);
  });

  it.each([
    ["team", "tag 1 is not key=value (tags are separated by new lines or commas, so a value cannot contain a comma)"],
    ["list=a,b,c", "tag 2 is not key=value (tags are separated by new lines or commas, so a value cannot contain a comma)"],
    ["a=1\n=2", "tag 2 has an empty key"],
    ["a=1,=2", "tag 2 has an empty key"],
    [`${"k".repeat(257)}=v`, "tag 1 has a key longer than 256 characters"],
    [`k=${"v".repeat(257)}`, "tag 1 has a value longer than 256 characters"],
    [
      "a=1\nManaged-By=me",
      "tag 2 uses 'managed-by', a tag the action writes itself (reserved: managed-by, keyvault-sync-owner, keyvault-sync-prefix, keyvault-sync-repository, keyvault-sync-run, keyvault-sync-commit, keyvault-sync-ref)",
    ],
    ["team=a\n\nTEAM=b", "tag 2 repeats the key of tag 1 (tag names ignore case)"],
    ["team=a,TEAM=b", "tag 2 repeats the key of tag 1 (tag names ignore case)"],
    [
      Array.from({ length: 9 }, (_, index) => `t${index}=v`).join(","),
      "allows at most 8 tags (Key Vault allows 15 per secret and the action writes 7 of its own); 9 given",
    ],
    [
      Array.from({ length: 9 }, (_, index) => `t${index}=v`).join("\n"),
      "allows at most 8 tags (Key Vault allows 15 per secret and the action writes 7 of its own); 9 given",
    ],
  ])("rejects %j", (tags, rule) => {
    expect(readError({ ...BASE, tags }).message).toBe(`Invalid input 'tags': ${rule}`);
  });
});

describe("expires-in and concurrency", () => {
  it.each([
    ["", undefined],
    ["1m", 60],
    ["12h", 43_200],
    ["90d", 7_776_000],
    ["2w", 1_209_600],
    ["36500d", 3_153_600_000],
  ])("expires-in %j -> %s seconds", (value, seconds) => {
    expect(read({ ...BASE, "expires-in": value }).expiresInSeconds).toBe(seconds);
  });

  it.each([["90"], ["0d"], ["-1d"], ["1.5d"], ["90D"], ["1y"], ["d"], ["9 d"], ["1d12h"]])("rejects expires-in %j", (value) => {
    expect(readError({ ...BASE, "expires-in": value }).message).toBe(
      "Invalid input 'expires-in': must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d",
    );
  });

  it.each([["36501d"], ["5215w"], ["999999999999m"]])("rejects expires-in %j beyond 100 years", (value) => {
    expect(readError({ ...BASE, "expires-in": value }).message).toBe("Invalid input 'expires-in': must be at most 100 years (36500d)");
  });

  it.each([
    ["", 16],
    ["1", 1],
    ["64", 64],
    ["08", 8],
  ])("concurrency %j -> %s", (value, expected) => {
    expect(read({ ...BASE, concurrency: value }).concurrency).toBe(expected);
  });

  it.each([["0"], ["65"], ["-1"], ["2.5"], ["eight"], ["1e3"], ["1000"]])("rejects concurrency %j", (value) => {
    expect(readError({ ...BASE, concurrency: value }).message).toBe("Invalid input 'concurrency': must be a whole number from 1 to 64");
  });
});

describe("error reporting", () => {
  it("names the first problem in input order and lists the others in the hint", () => {
    const error = readError({ ...BASE, concurrency: "0", vault: "x", prune: "maybe" });
    expect(error.message).toBe(
      `Invalid input 'vault': is neither a vault name nor an https URL: a vault name has 3 to 24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no "--"; a URL starts with https://`,
    );
    expect(error.hint).toBe(
      ["Also invalid: input 'prune': must be true or false", "Also invalid: input 'concurrency': must be a whole number from 1 to 64"].join(
        "\n",
      ),
    );
  });

  it("keeps the first problem's own hint before the list", () => {
    const error = readError({ ...BASE, "tenant-id": "", tags: "x" });
    expect(error.hint?.split("\n")).toEqual([
      "Set tenant-id: ${{ vars.AZURE_TENANT_ID }} (the directory of the app registration), or the AZURE_TENANT_ID environment variable.",
      "Also invalid: input 'tags': tag 1 is not key=value (tags are separated by new lines or commas, so a value cannot contain a comma)",
    ]);
  });

  it("never repeats a given value in the message or the hint", () => {
    const marker = "S3CRETmarker";
    const error = readError(
      {
        vault: `https://${marker}.example.com/${marker}`,
        secrets: marker,
        "env-file": `${marker}\n${marker}`,
        include: `!${marker}`,
        exclude: `${marker} x`,
        prefix: `${marker}_`,
        "name-transform": marker,
        "tenant-id": `${marker} x`,
        "client-id": marker,
        audience: `${marker} x`,
        "dry-run": marker,
        prune: marker,
        adopt: marker,
        owner: marker.repeat(30),
        "content-type": marker.repeat(30),
        tags: `${marker}\n${marker}=${marker.repeat(30)}\nmanaged-by=${marker}`,
        "expires-in": marker,
        concurrency: marker,
      },
      ENV,
    );
    const text = `${error.message}\n${error.hint ?? ""}`;
    // Every input above is invalid, so the report is long; it must still hold none of the text.
    expect(text.split("\n").length).toBeGreaterThan(15);
    expect(text.toLowerCase()).not.toContain(marker.toLowerCase());
  });
});
