import { describe, expect, it } from "vitest";
import { createTestVault, putSecret } from "./test-support.ts";

const DAY = 86_400;

function denial(name: string, definition: string, assignment = "Enforce-GR-KeyVault") {
  return {
    error: {
      code: "Forbidden",
      message: `Secret '${name}' was disallowed by policy. policyAssignment: ${assignment} / "${definition}"`,
      innererror: { code: "ForbiddenByGovernancePolicy" },
    },
  };
}

describe("Azure Policy on secrets", () => {
  it("is off unless configured", async () => {
    const vault = createTestVault();
    expect((await vault.send("PUT", "/secrets/free", { body: { value: "v" } })).status).toBe(200);
  });

  it("requires a content type", async () => {
    const vault = createTestVault({ policy: { requireContentType: true } });
    const denied = await vault.send("PUT", "/secrets/Db-Password", { body: { value: "v" } });
    expect(denied.status).toBe(403);
    expect(denied.json).toEqual(denial("Db-Password", "Secrets should have content type set"));
    expect((await vault.send("PUT", "/secrets/Db-Password", { body: { value: "v", contentType: "text/plain" } })).status).toBe(200);
  });

  it("requires an expiry, and names the configured assignment", async () => {
    const vault = createTestVault({ policy: { requireExpiry: true, assignmentName: "Deny-KV-NoExpiry" } });
    const now = Math.floor(vault.clock.now() / 1000);
    const denied = await vault.send("PUT", "/secrets/token", { body: { value: "v" } });
    expect(denied.json).toEqual(denial("token", "Key Vault secrets should have an expiration date", "Deny-KV-NoExpiry"));
    expect((await vault.send("PUT", "/secrets/token", { body: { value: "v", attributes: { exp: now + 400 * DAY } } })).status).toBe(200);
  });

  it("limits the validity period counted from creation; no expiry exceeds it", async () => {
    const vault = createTestVault({ policy: { maxValidityDays: 90 } });
    const now = Math.floor(vault.clock.now() / 1000);
    const definition = "Secrets should have the specified maximum validity period";
    expect((await vault.send("PUT", "/secrets/s", { body: { value: "v" } })).json).toEqual(denial("s", definition));
    expect((await vault.send("PUT", "/secrets/s", { body: { value: "v", attributes: { exp: now + 90 * DAY + 1 } } })).json).toEqual(
      denial("s", definition),
    );
    expect((await vault.send("PUT", "/secrets/s", { body: { value: "v", attributes: { exp: now + 90 * DAY } } })).status).toBe(200);
  });

  it("evaluates property updates against the result by default, and not when told otherwise", async () => {
    const vault = createTestVault({ policy: { requireContentType: true } });
    const created = await putSecret(vault, "app", { value: "v", contentType: "text/plain" });
    const version = created.id.split("/").pop();
    const denied = await vault.send("PATCH", `/secrets/app/${version}`, { body: { contentType: "" } });
    expect(denied.json.error.innererror.code).toBe("ForbiddenByGovernancePolicy");
    expect((await vault.send("PATCH", `/secrets/app/${version}`, { body: { tags: { a: "b" } } })).status).toBe(200);
    await vault.admin("PATCH", "/vaults/demo-vault", { policy: { evaluateUpdates: false } });
    expect((await vault.send("PATCH", `/secrets/app/${version}`, { body: { contentType: "" } })).status).toBe(200);
  });

  it("is switched on and off through the admin API, completed from defaults", async () => {
    const vault = createTestVault();
    const on = await vault.admin("PATCH", "/vaults/demo-vault", { policy: { requireExpiry: true } });
    expect(on.json.policy).toEqual({
      assignmentName: "Enforce-GR-KeyVault",
      requireContentType: false,
      requireExpiry: true,
      maxValidityDays: null,
      evaluateUpdates: true,
    });
    expect((await vault.send("PUT", "/secrets/x", { body: { value: "v" } })).status).toBe(403);
    const bad = await vault.admin("PATCH", "/vaults/demo-vault", { policy: { maxValidityDays: -1 } });
    expect(bad.status).toBe(400);
    await vault.admin("PATCH", "/vaults/demo-vault", { policy: null });
    expect((await vault.send("PUT", "/secrets/x", { body: { value: "v" } })).status).toBe(200);
  });

  it("comes after authorisation: a caller without set permission still gets ForbiddenByRbac", async () => {
    const vault = createTestVault({ policy: { requireExpiry: true } });
    const denied = await vault.send("PUT", "/secrets/x", { as: "reader", body: { value: "v" } });
    expect(denied.json.error.innererror.code).toBe("ForbiddenByRbac");
  });
});
