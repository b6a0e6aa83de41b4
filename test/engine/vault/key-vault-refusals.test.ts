import { describe, expect, it } from "vitest";
import type { TokenCredential } from "@azure/core-auth";
import { createKeyVault } from "../../../src/engine/vault/key-vault.ts";
import { classifyVaultError, VaultError } from "../../../src/engine/vault/vault-errors.ts";
import type { VaultFailureKind } from "../../../src/engine/vault/vault-errors.ts";
import { SyncError } from "../../../src/engine/errors.ts";
import { VAULT_URL, kvError, createTransport, createTestVault } from "./key-vault-fixtures.ts";
import type { Answer } from "./key-vault-fixtures.ts";

describe("failure messages never quote what the SDK received", () => {
  const VALUE = "current-value-of-the-secret-Zq81x";

  it.each<[string, Answer]>([
    ["a GET answer cut short", { status: 200, raw: `{"value":"${VALUE}","id":"${VAULT_URL}/secrets/db/0123` }],
    ["a proxy's HTML error page", { status: 502, raw: `<html><body>upstream said ${VALUE}</body></html>` }],
    ["an error body that is not JSON", { status: 500, raw: `oops ${VALUE}` }],
  ])("%s", async (_case, answer) => {
    const { vault } = createTestVault(() => answer, { retry: { transientRetries: 0 } });
    const failure = await vault.getSecret("db").then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(VaultError);
    const error = failure as VaultError;
    expect(`${error.message}\n${error.hint ?? ""}\n${error.failure.message}`).not.toContain(VALUE);
    expect(error.message).toMatch(/could not be read|unexpected answer/);
  });

  it.each<[string, unknown, string, VaultFailureKind]>([
    [
      "a parse error",
      { code: "PARSE_ERROR", statusCode: 200, message: `occurred while parsing the response body - {"value":"${VALUE}` },
      "Key Vault's answer could not be read (HTTP 200)",
      "other",
    ],
    ["a network error", { code: "ECONNRESET", message: `socket hang up ${VALUE}` }, "the request failed (ECONNRESET)", "transient"],
    [
      "a timeout",
      Object.assign(new Error(`aborted ${VALUE}`), { name: "AbortError" }),
      "no answer within 60 s (request timed out)",
      "transient",
    ],
    [
      "Key Vault's own error",
      {
        statusCode: 404,
        code: "SecretNotFound",
        message: `ignored ${VALUE}`,
        details: { error: { code: "SecretNotFound", message: "A secret with (name/id) db was not found in this key vault." } },
      },
      "A secret with (name/id) db was not found in this key vault.",
      "not-found",
    ],
  ])("classifies %s with a fixed or service-given text", (_case, error, message, kind) => {
    expect(classifyVaultError(error)).toMatchObject({ message, kind });
  });
});

describe("errors the action already explained", () => {
  it("passes a sign-in failure through unchanged, with its hint", async () => {
    const signIn = new SyncError("Failed to sign in to Microsoft Entra ID: subject mismatch", "Create the federated credential.");
    const failing: TokenCredential = { getToken: async () => Promise.reject(signIn) };
    const transport = createTransport(() => ({ status: 200, body: { value: [], nextLink: null } }));
    const vault = createKeyVault(VAULT_URL, failing, {
      httpClient: transport.httpClient,
      writePacing: false,
      retry: { transientRetries: 0 },
    });
    await expect(vault.listSecrets()).rejects.toBe(signIn);
  });
});

describe("403 on a read after the assignment has shown it works", () => {
  const deny = (action: string) => kvError(403, "Forbidden", `Caller is not authorized. Action: '${action}'`, "ForbiddenByRbac");

  it("fails a refused value read at once when a listing already worked (a Reader, not propagation)", async () => {
    const { vault, sleeps } = createTestVault((exchange) =>
      exchange.path === "/secrets"
        ? { status: 200, body: { value: [], nextLink: null } }
        : deny("Microsoft.KeyVault/vaults/secrets/getSecret/action"),
    );
    await vault.listSecrets();
    await expect(vault.getSecret("db")).rejects.toBeInstanceOf(VaultError);
    expect(sleeps).toEqual([]);
  });

  it("still waits for propagation on a refused write after a read worked", async () => {
    const { vault, sleeps } = createTestVault((exchange) =>
      exchange.method === "GET"
        ? { status: 200, body: { value: [], nextLink: null } }
        : deny("Microsoft.KeyVault/vaults/secrets/setSecret/action"),
    );
    await vault.listSecrets();
    await expect(vault.setSecret("db", { value: "v", contentType: undefined, tags: {}, expiresOn: undefined })).rejects.toBeInstanceOf(
      VaultError,
    );
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it("waits for propagation when the very first call is refused", async () => {
    const { vault, sleeps } = createTestVault(() => deny("Microsoft.KeyVault/vaults/secrets/readMetadata/action"));
    await expect(vault.listSecrets()).rejects.toBeInstanceOf(VaultError);
    expect(sleeps.length).toBeGreaterThan(0);
  });
});
