import { describe, expect, it } from "vitest";
import { createTestVault, putSecret } from "./test-support.ts";

const VERSION = /^[0-9a-f]{32}$/;
const BASE = "https://demo-vault.vault.azure.net";

describe("SetSecret and GetSecret", () => {
  it("sets a secret: 200 SecretBundle with value, versioned id, full attributes, no unset fields", async () => {
    const vault = createTestVault();
    const nowSeconds = Math.floor(vault.clock.now() / 1000);
    const response = await vault.send("PUT", "/secrets/db-password", { body: { value: "s3cret", attributes: {} } });
    expect(response.status).toBe(200);
    expect(response.operation).toBe("SetSecret");
    const bundle = response.json;
    expect(Object.keys(bundle)).toEqual(["value", "id", "attributes"]);
    expect(bundle.value).toBe("s3cret");
    expect(bundle.id).toMatch(new RegExp(`^${BASE}/secrets/db-password/[0-9a-f]{32}$`));
    expect(bundle.attributes).toEqual({
      enabled: true,
      created: nowSeconds,
      updated: nowSeconds,
      recoveryLevel: "Recoverable+Purgeable",
      recoverableDays: 90,
    });
  });

  it("stores contentType, tags and attributes as given", async () => {
    const vault = createTestVault();
    const body = {
      value: "v",
      contentType: "text/plain",
      tags: { "managed-by": "keyvault-sync" },
      attributes: { enabled: true, nbf: 1_700_000_000, exp: 1_900_000_000 },
    };
    const bundle = await putSecret(vault, "with-meta", body);
    expect(bundle.contentType).toBe("text/plain");
    expect(bundle.tags).toEqual({ "managed-by": "keyvault-sync" });
    expect(bundle.attributes).toMatchObject({ nbf: 1_700_000_000, exp: 1_900_000_000 });
    const read = await vault.send("GET", "/secrets/with-meta/");
    expect(read.json).toEqual(bundle);
  });

  it.each([
    ["/secrets/app-key", "no slash"],
    ["/secrets/app-key/", "trailing slash"],
  ])("GET %s (%s) returns the latest version", async (path) => {
    const vault = createTestVault();
    await putSecret(vault, "app-key", { value: "one" });
    vault.clock.advance(5_000);
    const second = await putSecret(vault, "app-key", { value: "two" });
    const response = await vault.send("GET", path);
    expect(response.status).toBe(200);
    expect(response.operation).toBe("GetSecret");
    expect(response.json).toEqual(second);
  });

  it("returns an older version by id, and 404 with name/version for an unknown one", async () => {
    const vault = createTestVault();
    const first = await putSecret(vault, "rotating", { value: "one" });
    await putSecret(vault, "rotating", { value: "two" });
    const version = first.id.split("/").pop();
    expect((await vault.send("GET", `/secrets/rotating/${version}`)).json.value).toBe("one");
    const missing = await vault.send("GET", "/secrets/rotating/0123456789abcdef0123456789abcdef");
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toMatch(
      /^A secret with \(name\/id\) rotating\/0123456789abcdef0123456789abcdef was not found in this key vault\./,
    );
  });

  it("answers a missing secret with 404 SecretNotFound and the long message", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets/nothing-here/");
    expect(response.status).toBe(404);
    expect(response.body).toBe(
      '{"error":{"code":"SecretNotFound","message":"A secret with (name/id) nothing-here was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182"}}',
    );
  });

  it("treats names case-insensitively and keeps the first spelling in ids", async () => {
    const vault = createTestVault();
    await putSecret(vault, "Mixed-Case", { value: "one" });
    const second = await putSecret(vault, "MIXED-case", { value: "two" });
    expect(second.id).toMatch(new RegExp(`^${BASE}/secrets/Mixed-Case/`));
    expect((await vault.send("GET", "/secrets/mixed-case/")).json.value).toBe("two");
    expect((await vault.send("GET", "/secrets/mixed-case/versions")).json.value).toHaveLength(2);
  });

  it("builds ids from the host the client used, port included", async () => {
    const vault = createTestVault();
    const bundle = await putSecret(vault, "ported");
    expect(bundle.id.startsWith(`${BASE}/`)).toBe(true);
    const withPort = await vault.send("GET", "/secrets/ported/", { host: "demo-vault.vault.azure.net:8443" });
    expect(withPort.json.id).toMatch(/^https:\/\/demo-vault\.vault\.azure\.net:8443\/secrets\/ported\/[0-9a-f]{32}$/);
  });

  it("gives every version a fresh 32-hex id", async () => {
    const vault = createTestVault();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await putSecret(vault, "many", { value: String(i) })).id.split("/").pop());
    expect(ids.size).toBe(5);
    for (const id of ids) expect(id).toMatch(VERSION);
  });

  it("does not inherit tags or contentType from the previous version", async () => {
    const vault = createTestVault();
    await putSecret(vault, "fresh", { value: "one", tags: { a: "b" }, contentType: "text/plain" });
    const second = await putSecret(vault, "fresh", { value: "two" });
    expect(second).not.toHaveProperty("tags");
    expect(second).not.toHaveProperty("contentType");
  });

  it("accepts an empty value", async () => {
    const vault = createTestVault();
    expect((await putSecret(vault, "empty", { value: "" })).value).toBe("");
  });
});

describe("names and routes", () => {
  it.each(["My_Azure_Secret", "dots.in.name", "x".repeat(128), "sp ace", "ümlaut"])(
    "rejects the name %j with 400 BadParameter",
    async (name) => {
      const vault = createTestVault();
      const response = await vault.send("PUT", `/secrets/${encodeURIComponent(name)}`, { body: { value: "v" } });
      expect(response.status).toBe(400);
      expect(response.body).toBe(
        JSON.stringify({ error: { code: "BadParameter", message: `The request URI contains an invalid name: ${name}` } }),
      );
    },
  );

  it("accepts a 127-character name", async () => {
    const vault = createTestVault();
    expect((await vault.send("PUT", `/secrets/${"a".repeat(127)}`, { body: { value: "v" } })).status).toBe(200);
  });

  it("answers PUT /secrets/ (empty name) with 405", async () => {
    const vault = createTestVault();
    const response = await vault.send("PUT", "/secrets/", { body: { value: "v" } });
    expect(response.status).toBe(405);
    expect(response.body).toBe('{"error":{"code":"MethodNotAllowed","message":"HTTP PUT not allowed"}}');
  });

  it.each(["/secrets/x", "/secrets/x/"])("answers PATCH %s (no version) with 405", async (path) => {
    const vault = createTestVault();
    await putSecret(vault, "x");
    expect((await vault.send("PATCH", path, { body: { tags: {} } })).status).toBe(405);
  });

  it("answers an unknown path with a JSON 404", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/certificates/x");
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe("NotFound");
    expect(response.operation).toBeUndefined();
  });

  it("lets a secret be called restore, backup or versions", async () => {
    const vault = createTestVault();
    for (const name of ["restore", "backup", "versions"]) {
      await putSecret(vault, name, { value: name });
      expect((await vault.send("GET", `/secrets/${name}`)).json.value).toBe(name);
    }
  });
});

describe("SetSecret body and limits", () => {
  it.each([
    ["no body", undefined, "The request body is missing or is not valid JSON."],
    ["no value", { tags: {} }, "Property 'value' is required and must be a string."],
    ["a numeric value", { value: 5 }, "Property 'value' is required and must be a string."],
    [
      "a non-integer nbf",
      { value: "v", attributes: { nbf: 1.5 } },
      "Property 'attributes.nbf' must be an IntDate (whole seconds since 1970-01-01).",
    ],
    ["a string enabled", { value: "v", attributes: { enabled: "yes" } }, "Property 'attributes.enabled' must be a boolean."],
    ["a non-string tag value", { value: "v", tags: { a: 1 } }, "Tag 'a' must have a string value."],
  ])("rejects %s with 400 BadParameter", async (_case, body, message) => {
    const vault = createTestVault();
    const response = await vault.send("PUT", "/secrets/x", { body });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: { code: "BadParameter", message } });
  });

  it("accepts a value of exactly 25,600 bytes and rejects one byte more", async () => {
    const vault = createTestVault();
    expect((await vault.send("PUT", "/secrets/big", { body: { value: "a".repeat(25_600) } })).status).toBe(200);
    const tooBig = await vault.send("PUT", "/secrets/big", { body: { value: "a".repeat(25_601) } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.json.error).toEqual({
      code: "BadParameter",
      message: "The secret value is 25601 bytes long; the maximum is 25600 bytes.",
    });
  });

  it("measures the value in UTF-8 bytes, not characters", async () => {
    const vault = createTestVault();
    const response = await vault.send("PUT", "/secrets/wide", { body: { value: "é".repeat(12_801) } });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain("25602 bytes");
  });

  it("limits contentType to 255 characters", async () => {
    const vault = createTestVault();
    expect((await vault.send("PUT", "/secrets/ct", { body: { value: "v", contentType: "t".repeat(255) } })).status).toBe(200);
    const response = await vault.send("PUT", "/secrets/ct", { body: { value: "v", contentType: "t".repeat(256) } });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toBe("Property 'contentType' is 256 characters long; the maximum is 255.");
  });

  it("limits a secret to 15 tags", async () => {
    const vault = createTestVault();
    const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, "v"]));
    expect((await vault.send("PUT", "/secrets/tagged", { body: { value: "v", tags: tags(15) } })).status).toBe(200);
    const response = await vault.send("PUT", "/secrets/tagged", { body: { value: "v", tags: tags(16) } });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toBe("Too many tags: 16. A secret can have at most 15 tags.");
  });

  it("limits tag names and values to 256 characters without echoing the value", async () => {
    const vault = createTestVault();
    expect((await vault.send("PUT", "/secrets/t", { body: { value: "v", tags: { ["k".repeat(256)]: "v".repeat(256) } } })).status).toBe(
      200,
    );
    const longName = await vault.send("PUT", "/secrets/t", { body: { value: "v", tags: { ["k".repeat(257)]: "v" } } });
    expect(longName.json.error.message).toBe("A tag name is 257 characters long; the maximum is 256.");
    const longValue = await vault.send("PUT", "/secrets/t", { body: { value: "v", tags: { owner: "S".repeat(257) } } });
    expect(longValue.status).toBe(400);
    expect(longValue.json.error.message).toBe("The value of tag 'owner' is 257 characters long; the maximum is 256.");
  });
});

describe("UpdateSecret", () => {
  it("updates one version's metadata and returns it without value", async () => {
    const vault = createTestVault();
    const created = await putSecret(vault, "meta", { value: "v", tags: { a: "1" } });
    const version = created.id.split("/").pop();
    vault.clock.advance(60_000);
    const response = await vault.send("PATCH", `/secrets/meta/${version}`, {
      body: { contentType: "text/plain", tags: { b: "2" }, attributes: { exp: 2_000_000_000 } },
    });
    expect(response.status).toBe(200);
    expect(response.operation).toBe("UpdateSecret");
    expect(response.json).not.toHaveProperty("value");
    expect(response.json).toMatchObject({ id: created.id, contentType: "text/plain", tags: { b: "2" } });
    expect(response.json.attributes).toMatchObject({
      enabled: true,
      exp: 2_000_000_000,
      created: created.attributes.created,
      updated: Number(created.attributes.created) + 60,
    });
    expect((await vault.send("GET", "/secrets/meta/versions")).json.value).toHaveLength(1);
  });

  it("404s for an unknown version with name/version in the message", async () => {
    const vault = createTestVault();
    await putSecret(vault, "meta");
    const response = await vault.send("PATCH", "/secrets/meta/ffffffffffffffffffffffffffffffff", { body: { tags: {} } });
    expect(response.status).toBe(404);
    expect(response.json.error.message).toContain("(name/id) meta/ffffffffffffffffffffffffffffffff was not found");
  });

  it("rejects tag limits on update too", async () => {
    const vault = createTestVault();
    const created = await putSecret(vault, "meta");
    const tags = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, "v"]));
    const response = await vault.send("PATCH", `/secrets/meta/${created.id.split("/").pop()}`, { body: { tags } });
    expect(response.status).toBe(400);
  });
});

describe("disabled secrets", () => {
  it("answers GET of a disabled version with 403 SecretDisabled, and lists it", async () => {
    const vault = createTestVault();
    const created = await putSecret(vault, "off", { value: "v", attributes: { enabled: false } });
    const response = await vault.send("GET", "/secrets/off/");
    expect(response.status).toBe(403);
    expect(response.body).toBe(
      '{"error":{"code":"Forbidden","message":"Operation get is not allowed on a disabled secret.","innererror":{"code":"SecretDisabled"}}}',
    );
    const listed = (await vault.send("GET", "/secrets")).json.value;
    expect(listed).toEqual([{ id: `${BASE}/secrets/off`, attributes: { ...created.attributes } }]);
  });

  it("can be re-enabled by PATCH", async () => {
    const vault = createTestVault();
    const created = await putSecret(vault, "off", { value: "v", attributes: { enabled: false } });
    await vault.send("PATCH", `/secrets/off/${created.id.split("/").pop()}`, { body: { attributes: { enabled: true } } });
    expect((await vault.send("GET", "/secrets/off/")).json.value).toBe("v");
  });
});

describe("certificate-backed secrets", () => {
  async function plantCertificate(vault: ReturnType<typeof createTestVault>) {
    const seeded = await vault.admin("PUT", "/vaults/demo-vault/secrets/tls-cert", {
      value: "MIIKpfx",
      managed: true,
      nbf: 1_700_000_000,
      exp: 1_800_000_000,
    });
    expect(seeded.status).toBe(200);
    return seeded.json.versions[0].version as string;
  }

  it("returns value, kid and managed on GET and lists it as managed", async () => {
    const vault = createTestVault();
    const version = await plantCertificate(vault);
    const got = await vault.send("GET", "/secrets/tls-cert/");
    expect(got.json).toMatchObject({
      value: "MIIKpfx",
      contentType: "application/x-pkcs12",
      managed: true,
      kid: `${BASE}/keys/tls-cert/${version}`,
      attributes: { nbf: 1_700_000_000, exp: 1_800_000_000 },
    });
    const item = (await vault.send("GET", "/secrets")).json.value[0];
    expect(item).toMatchObject({ id: `${BASE}/secrets/tls-cert`, contentType: "application/x-pkcs12", managed: true });
    expect(item).not.toHaveProperty("kid");
  });

  it.each([
    ["PUT", "/secrets/tls-cert", "set"],
    ["DELETE", "/secrets/tls-cert", "delete"],
  ])("%s → 403 SecretManagedByKeyVault (%s)", async (method, path, verb) => {
    const vault = createTestVault();
    await plantCertificate(vault);
    const response = await vault.send(method, path, { body: { value: "new" } });
    expect(response.status).toBe(403);
    expect(response.body).toBe(
      `{"error":{"code":"Forbidden","message":"Operation \\"${verb}\\" is not allowed as this object's lifetime is managed by Key Vault.","innererror":{"code":"SecretManagedByKeyVault"}}}`,
    );
    const stored = (await vault.admin("GET", "/vaults/demo-vault/secrets/tls-cert")).json;
    expect(stored).toMatchObject({ state: "active", versions: [{ value: "MIIKpfx" }] });
  });

  it("PATCH → 403 SecretManagedByKeyVault (update)", async () => {
    const vault = createTestVault();
    const version = await plantCertificate(vault);
    const response = await vault.send("PATCH", `/secrets/tls-cert/${version}`, { body: { tags: { a: "b" } } });
    expect(response.status).toBe(403);
    expect(response.json.error).toEqual({
      code: "Forbidden",
      message: 'Operation "update" is not allowed as this object\'s lifetime is managed by Key Vault.',
      innererror: { code: "SecretManagedByKeyVault" },
    });
  });
});
