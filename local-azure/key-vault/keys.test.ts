import { constants, createPublicKey, publicEncrypt, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestVault, PRINCIPALS, type PrincipalName, type TestVault } from "./test-support.ts";

/** Roles for key tests: officer → Crypto Officer, user → Crypto User, reader → Reader, admin → Administrator. */
const KEY_ROLES = [
  { principal: PRINCIPALS.officer.appid, role: "Key Vault Crypto Officer" },
  { principal: PRINCIPALS.user.oid, role: "Key Vault Crypto User" },
  { principal: PRINCIPALS.reader.oid, role: "Key Vault Reader" },
  { principal: PRINCIPALS.admin.oid, role: "Key Vault Administrator" },
] as const;

function createKeyVault(): TestVault {
  return createTestVault({ roles: [...KEY_ROLES] });
}

async function createKey(vault: TestVault, name: string, body: Record<string, unknown> = { kty: "RSA", key_size: 2048 }): Promise<any> {
  const response = await vault.send("POST", `/keys/${name}/create`, { body });
  if (response.status !== 200) throw new Error(`Failed to create key ${name}: ${response.status} ${JSON.stringify(response.json)}`);
  return response.json;
}

function wrap(vault: TestVault, name: string, value: Buffer, alg = "RSA-OAEP-256", as: PrincipalName = "user", version = "") {
  return vault.send("POST", `/keys/${name}/${version}/wrapkey`, { as, body: { alg, value: value.toString("base64url") } });
}

describe("keys data plane", () => {
  it("creates an RSA key with every operation by default and returns its public part only", async () => {
    const vault = createKeyVault();
    const bundle = await createKey(vault, "byok");
    expect(bundle.key).toMatchObject({ kty: "RSA", key_ops: ["encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey"], e: "AQAB" });
    expect(Buffer.from(bundle.key.n, "base64url")).toHaveLength(256);
    expect(bundle.key.kid).toMatch(/^https:\/\/demo-vault\.vault\.azure\.net\/keys\/byok\/[0-9a-f]{32}$/);
    expect(Object.keys(bundle.key).sort()).toEqual(["e", "key_ops", "kid", "kty", "n"]);
    expect(bundle.attributes).toMatchObject({ enabled: true, recoveryLevel: "Recoverable+Purgeable", exportable: false });
  });

  it.each([3072, 4096])("creates RSA-HSM keys of %i bits", async (size) => {
    const bundle = await createKey(createKeyVault(), "hsm", { kty: "RSA-HSM", key_size: size, key_ops: ["wrapKey", "unwrapKey"] });
    expect(bundle.key.kty).toBe("RSA-HSM");
    expect(Buffer.from(bundle.key.n, "base64url").length * 8).toBe(size);
    expect(bundle.key.key_ops).toEqual(["wrapKey", "unwrapKey"]);
  });

  it("rejects unsupported key types and sizes with 400 BadParameter", async () => {
    const vault = createKeyVault();
    expect((await vault.send("POST", "/keys/k/create", { body: { kty: "EC" } })).json.error.code).toBe("BadParameter");
    expect((await vault.send("POST", "/keys/k/create", { body: { kty: "RSA", key_size: 1024 } })).status).toBe(400);
  });

  it("gets the latest or a given version, lists versions, and answers 404 KeyNotFound", async () => {
    const vault = createKeyVault();
    const first = await createKey(vault, "rot");
    const second = await createKey(vault, "rot");
    expect((await vault.send("GET", "/keys/rot/", { as: "user" })).json.key.kid).toBe(second.key.kid);
    const firstVersion = first.key.kid.split("/").pop();
    expect((await vault.send("GET", `/keys/rot/${firstVersion}`, { as: "reader" })).json.key.kid).toBe(first.key.kid);
    const versions = await vault.send("GET", "/keys/rot/versions", { as: "reader" });
    expect(versions.json.value.map((item: { kid: string }) => item.kid)).toEqual([first.key.kid, second.key.kid]);
    const missing = await vault.send("GET", "/keys/nope", { as: "user" });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("KeyNotFound");
    expect(missing.json.error.message).toMatch(/^A key with \(name\/id\) nope was not found in this key vault\./);
  });

  it("wraps and unwraps for real with RSA-OAEP and RSA-OAEP-256", async () => {
    const vault = createKeyVault();
    const bundle = await createKey(vault, "kek");
    const publicKey = createPublicKey({ key: { kty: "RSA", n: bundle.key.n, e: bundle.key.e }, format: "jwk" });
    for (const [alg, oaepHash] of [
      ["RSA-OAEP", "sha1"],
      ["RSA-OAEP-256", "sha256"],
    ] as const) {
      const secret = randomBytes(32);
      const wrapped = await wrap(vault, "kek", secret, alg);
      expect(wrapped.status).toBe(200);
      expect(wrapped.json.kid).toBe(bundle.key.kid);
      expect(Buffer.from(wrapped.json.value, "base64url").equals(secret)).toBe(false);
      const unwrapped = await vault.send("POST", "/keys/kek//unwrapkey", { as: "user", body: { alg, value: wrapped.json.value } });
      expect(Buffer.from(unwrapped.json.value, "base64url").equals(secret)).toBe(true);
      // Wrapped locally with the public key (as the SDK does for RSA-OAEP), unwrapped by the vault.
      const local = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, secret);
      const fromLocal = await vault.send("POST", "/keys/kek//unwrapkey", { as: "user", body: { alg, value: local.toString("base64url") } });
      expect(Buffer.from(fromLocal.json.value, "base64url").equals(secret)).toBe(true);
    }
    const plain = randomBytes(16);
    const encrypted = await vault.send("POST", "/keys/kek//encrypt", {
      as: "user",
      body: { alg: "RSA-OAEP-256", value: plain.toString("base64url") },
    });
    const decrypted = await vault.send("POST", "/keys/kek//decrypt", {
      as: "user",
      body: { alg: "RSA-OAEP-256", value: encrypted.json.value },
    });
    expect(Buffer.from(decrypted.json.value, "base64url").equals(plain)).toBe(true);
    const wrongAlg = await wrap(vault, "kek", plain, "RSA1_5");
    expect(wrongAlg.status).toBe(400);
  });

  it("refuses an operation missing from key_ops with 403 KeyOperationForbidden", async () => {
    const vault = createKeyVault();
    await createKey(vault, "wrap-only", { kty: "RSA", key_ops: ["wrapKey"] });
    const wrapped = await wrap(vault, "wrap-only", randomBytes(32));
    expect(wrapped.status).toBe(200);
    const denied = await vault.send("POST", "/keys/wrap-only//unwrapkey", {
      as: "user",
      body: { alg: "RSA-OAEP-256", value: wrapped.json.value },
    });
    expect(denied.status).toBe(403);
    expect(denied.json).toEqual({
      error: {
        code: "Forbidden",
        message: "Operation unwrapKey is not permitted on this key.",
        innererror: { code: "KeyOperationForbidden" },
      },
    });
  });

  it("refuses a disabled key (403 KeyDisabled) and lets update re-enable it", async () => {
    const vault = createKeyVault();
    const bundle = await createKey(vault, "off");
    const version = bundle.key.kid.split("/").pop();
    const disabled = await vault.send("PATCH", `/keys/off/${version}`, { as: "user", body: { attributes: { enabled: false } } });
    expect(disabled.json.attributes.enabled).toBe(false);
    const denied = await wrap(vault, "off", randomBytes(32));
    expect(denied.status).toBe(403);
    expect(denied.json.error).toEqual({
      code: "Forbidden",
      message: "Operation wrapKey is not allowed on a disabled key.",
      innererror: { code: "KeyDisabled" },
    });
    expect((await vault.send("GET", "/keys/off", { as: "user" })).json.error.innererror.code).toBe("KeyDisabled");
    await vault.send("PATCH", `/keys/off/${version}`, {
      as: "officer",
      body: { attributes: { enabled: true }, key_ops: ["wrapKey", "unwrapKey"] },
    });
    expect((await wrap(vault, "off", randomBytes(32))).status).toBe(200);
  });

  it("refuses wrap with an expired key but still unwraps what it wrapped before", async () => {
    const vault = createKeyVault();
    const nowSeconds = Math.floor(vault.clock.now() / 1000);
    await createKey(vault, "old", { kty: "RSA", attributes: { exp: nowSeconds + 60 } });
    const wrapped = await wrap(vault, "old", randomBytes(32));
    vault.clock.advance(61_000);
    const denied = await wrap(vault, "old", randomBytes(32));
    expect(denied.status).toBe(403);
    expect(denied.json.error.innererror.code).toBe("KeyExpired");
    const unwrapped = await vault.send("POST", "/keys/old//unwrapkey", {
      as: "user",
      body: { alg: "RSA-OAEP-256", value: wrapped.json.value },
    });
    expect(unwrapped.status).toBe(200);
  });
});

describe("keys RBAC", () => {
  const CASES: Array<[PrincipalName, string, boolean]> = [
    ["user", "CreateKey", false],
    ["user", "WrapKey", true],
    ["user", "UnwrapKey", true],
    ["reader", "GetKey", true],
    ["reader", "WrapKey", false],
    ["reader", "UnwrapKey", false],
    ["officer", "CreateKey", true],
    ["officer", "UnwrapKey", true],
    ["admin", "CreateKey", true],
    ["stranger", "GetKey", false],
  ];

  it.each(CASES)("%s → %s allowed: %s", async (principal, operation, allowed) => {
    const vault = createKeyVault();
    const bundle = await createKey(vault, "kek");
    const wrapped = (await wrap(vault, "kek", randomBytes(32))).json.value;
    const requests: Record<string, [string, string, unknown]> = {
      CreateKey: ["POST", "/keys/other/create", { kty: "RSA" }],
      GetKey: ["GET", "/keys/kek", undefined],
      WrapKey: ["POST", "/keys/kek//wrapkey", { alg: "RSA-OAEP", value: randomBytes(16).toString("base64url") }],
      UnwrapKey: ["POST", "/keys/kek//unwrapkey", { alg: "RSA-OAEP-256", value: wrapped }],
    };
    const [method, path, body] = requests[operation] as [string, string, unknown];
    const response = await vault.send(method, path, { as: principal, body });
    expect(response.operation).toBe(operation);
    if (allowed) {
      expect(response.status).toBe(200);
      return;
    }
    expect(response.status).toBe(403);
    expect(response.json.error.innererror.code).toBe("ForbiddenByRbac");
    const action = { CreateKey: "create/action", GetKey: "read", WrapKey: "wrap/action", UnwrapKey: "unwrap/action" }[operation];
    expect(response.json.error.message).toContain(`Action: 'Microsoft.KeyVault/vaults/keys/${action}'`);
    const name = operation === "CreateKey" ? "other" : "kek";
    expect(response.json.error.message).toContain(`/providers/microsoft.keyvault/vaults/demo-vault/keys/${name}'`);
    expect(bundle.key.kid).toContain("/keys/kek/");
  });

  it("a Secrets Officer has no key access at all", async () => {
    const vault = createTestVault({ roles: [{ principal: PRINCIPALS.officer.appid, role: "Key Vault Secrets Officer" }] });
    const denied = await vault.send("POST", "/keys/k/create", { body: { kty: "RSA" } });
    expect(denied.json.error.innererror.code).toBe("ForbiddenByRbac");
  });

  it("access-policy vaults check key permissions apart from secret permissions", async () => {
    const vault = createTestVault({
      accessModel: "access-policy",
      accessPolicies: [
        { principal: PRINCIPALS.officer.appid, permissions: ["get", "list", "set"], keyPermissions: ["create", "get", "wrapKey"] },
      ],
    });
    await createKey(vault, "kek");
    expect((await wrap(vault, "kek", randomBytes(16), "RSA-OAEP", "officer")).status).toBe(200);
    const denied = await vault.send("POST", "/keys/kek//unwrapkey", { body: { alg: "RSA-OAEP", value: "AA" } });
    expect(denied.status).toBe(403);
    expect(denied.json.error.innererror.code).toBe("AccessDenied");
    expect(denied.json.error.message).toContain("does not have keys unwrapKey permission on key vault 'demo-vault;location=");
  });
});
