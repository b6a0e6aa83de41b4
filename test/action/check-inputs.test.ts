import { describe, expect, it } from "vitest";
import { readCheckInputs } from "../../src/action/check-inputs.ts";
import { CLOUDS } from "../../src/engine/clouds.ts";
import { InputError } from "../../src/engine/errors.ts";
import { gatherEvidence } from "../../src/engine/check/run-check.ts";
import type { AccessIdentity } from "../../src/engine/check/identity.ts";

const read = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  readCheckInputs((name) => inputs[name] ?? "", env, CLOUDS.public);
const SUB = "7e57c10d-5b5c-4f00-9000-000000000002";
const KEY = "https://kv.vault.azure.net/keys/byok";

describe("readCheckInputs", () => {
  it("has defaults that alert on warnings, and checks the key only when one is named", () => {
    expect(read({})).toEqual({
      parts: new Set(["sync", "health"]),
      key: undefined,
      expiryWarningDays: 30,
      maxVersions: 100,
      failOn: "warning",
      resource: undefined,
    });
    expect([...read({ "key-id": KEY }).parts]).toEqual(["sync", "health", "key"]);
  });

  it("reads every input", () => {
    const inputs = read({
      checks: "key\nHEALTH",
      "key-id": KEY,
      "expiry-warning-days": "0",
      "max-versions": "500",
      "fail-on": "Error",
      "resource-group": "rg.1",
      "subscription-id": SUB.toUpperCase(),
    });
    expect(inputs).toEqual({
      parts: new Set(["key", "health"]),
      key: { vaultUrl: "https://kv.vault.azure.net", vaultName: "kv", name: "byok", version: undefined },
      expiryWarningDays: 0,
      maxVersions: 500,
      failOn: "error",
      resource: { subscriptionId: SUB, resourceGroup: "rg.1" },
    });
  });

  it("takes the subscription from AZURE_SUBSCRIPTION_ID", () => {
    expect(read({ "resource-group": "rg" }, { AZURE_SUBSCRIPTION_ID: SUB }).resource).toEqual({ subscriptionId: SUB, resourceGroup: "rg" });
  });

  it.each([
    [{ checks: "sync, keys" }, "checks", /item 2 is not one of sync, health, key/],
    [{ checks: "key" }, "checks", /needs the key-id input/],
    [{ "key-id": "https://kv.vault.azure.net/secrets/x" }, "key-id", /\/keys\/NAME/],
    [{ "expiry-warning-days": "-1" }, "expiry-warning-days", /whole number from 0 to 3650/],
    [{ "max-versions": "0" }, "max-versions", /whole number from 1 to 100000/],
    [{ "fail-on": "fatal" }, "fail-on", /one of error, warning, notice, never/],
    [{ "subscription-id": "my-sub" }, "subscription-id", /must be a GUID/],
    [{ "resource-group": "rg" }, "subscription-id", /required with resource-group/],
    [{ "resource-group": "a b", "subscription-id": SUB }, "resource-group", /1 to 90 letters/],
  ])("%j is refused, naming the input and the rule", (inputs, input, rule) => {
    let error: unknown;
    try {
      read(inputs);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect((error as InputError).message).toMatch(rule);
    for (const value of Object.values(inputs)) if (value.length > 3) expect((error as InputError).message).not.toContain(value);
  });

  it("names every problem at once", () => {
    expect(() => read({ "fail-on": "x", "max-versions": "y" })).toThrow(
      expect.objectContaining({ hint: expect.stringContaining("Also: Invalid input 'fail-on'") }),
    );
  });
});

describe("gatherEvidence", () => {
  const identity: AccessIdentity = {
    objectId: "oid-1",
    clientId: undefined,
    tenantId: undefined,
    audience: undefined,
    issuer: undefined,
    expiresOn: undefined,
  };
  const roles = {
    ok: true as const,
    value: [{ actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/vaults/secrets/*"], notDataActions: [] }],
  };
  const noRoles = { ok: true as const, value: [] };
  const refused = { ok: false as const, reason: "ARM answered 403 AuthorizationFailed" };
  const policies = [{ objectId: "oid-1", secrets: ["get"], keys: [] }];
  const forbidden = (innerCode: string) => ({ status: 403, code: "Forbidden", innerCode, message: "no", kind: "forbidden-rbac" as const });

  it.each([
    ["RBAC vault", { ok: true as const, value: { rbac: true, accessPolicies: [] } }, roles, undefined, true, "rbac"],
    [
      "access-policy vault",
      { ok: true as const, value: { rbac: false, accessPolicies: policies } },
      noRoles,
      undefined,
      true,
      "access-policy",
    ],
    ["vault unreadable, the listing worked and a role grants data actions (Secrets User)", refused, roles, undefined, true, "rbac"],
    ["vault unreadable, RBAC refusal", refused, noRoles, forbidden("ForbiddenByRbac"), false, "rbac"],
    ["vault unreadable, access-policy refusal", refused, noRoles, forbidden("AccessDenied"), false, "unknown"],
    ["nothing readable", refused, refused, undefined, true, "unknown"],
  ] as const)("%s → %s", (_name, resource, permissions, listFailure, listed, expected) => {
    expect(gatherEvidence(resource, permissions, identity, listFailure, listed).source).toBe(expected);
  });

  it("says why it does not know", () => {
    const evidence = gatherEvidence(refused, refused, identity, undefined, true);
    expect(evidence).toEqual({
      source: "unknown",
      reason:
        "could not read the vault resource: ARM answered 403 AuthorizationFailed; the role assignments: ARM answered 403 AuthorizationFailed",
    });
  });
});
