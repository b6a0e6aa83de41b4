import { describe, expect, it } from "vitest";
import { explainPolicyDenial, findSatisfyingSetting, readPolicyDenial } from "../../../src/engine/vault/governance-policy.ts";
import { classifyVaultError, createVaultError } from "../../../src/engine/vault/vault-errors.ts";

const MAX_VALIDITY = `Secret 'db-url' was disallowed by policy. policyAssignment: Enforce-GR-KeyVault / "Secrets should have the specified maximum validity period"`;

describe("readPolicyDenial", () => {
  it.each<{ message: string; assignment: string | undefined; definition: string | undefined }>([
    { message: MAX_VALIDITY, assignment: "Enforce-GR-KeyVault", definition: "Secrets should have the specified maximum validity period" },
    {
      message: "Secret 'a' was disallowed by policy. policyAssignment: kv-content-type / 'Secrets should have content type set'.",
      assignment: "kv-content-type",
      definition: "Secrets should have content type set",
    },
    {
      message: "Secret 'a' was disallowed by policy. policyAssignment: only-an-assignment",
      assignment: "only-an-assignment",
      definition: undefined,
    },
    { message: "Secret 'a' was disallowed by policy.", assignment: undefined, definition: undefined },
  ])("reads $assignment / $definition", ({ message, assignment, definition }) => {
    expect(readPolicyDenial(message)).toEqual({ assignment, definition });
  });
});

describe("findSatisfyingSetting", () => {
  it.each<[string | undefined, RegExp | undefined]>([
    ["Secrets should have content type set", /^'content-type'/],
    ["Key Vault secrets should have an expiration date", /^'expires-in' \(/],
    ["Secrets should have the specified maximum validity period", /^'expires-in' no longer than .* 'renew-before'/],
    ["Secrets should have more than the specified number of days before expiration", undefined],
    [undefined, undefined],
  ])("%s", (definition, expected) => {
    const setting = findSatisfyingSetting(definition);
    if (expected === undefined) expect(setting).toBeUndefined();
    else expect(setting).toMatch(expected);
  });
});

describe("a policy denial as a vault failure", () => {
  const sdkError = {
    statusCode: 403,
    code: "Forbidden",
    details: { error: { code: "Forbidden", message: MAX_VALIDITY, innererror: { code: "ForbiddenByGovernancePolicy" } } },
  };

  it("is its own kind, not a forbidden-* kind that role propagation retries", () => {
    expect(classifyVaultError(sdkError).kind).toBe("forbidden-governance");
    // Without innererror, the wording alone still tells it apart.
    const bare = { statusCode: 403, details: { error: { code: "Forbidden", message: MAX_VALIDITY } } };
    expect(classifyVaultError(bare).kind).toBe("forbidden-governance");
  });

  it("names the assignment and the setting that satisfies it", () => {
    const error = createVaultError(classifyVaultError(sdkError), "set", {
      vaultUrl: "https://shop-kv.vault.azure.net",
      secretName: "db-url",
    });
    expect(error.message).toBe(`Failed to set secret 'db-url' in vault 'shop-kv': ${MAX_VALIDITY} (403 ForbiddenByGovernancePolicy)`);
    expect(error.hint).toBe(explainPolicyDenial(MAX_VALIDITY));
    expect(error.hint).toContain(
      "Azure Policy assignment 'Enforce-GR-KeyVault' (\"Secrets should have the specified maximum validity period\")",
    );
    expect(error.hint).toContain("Set 'expires-in' no longer than the policy's maximum validity period");
  });
});
