/**
 * Writes whose answer is lost, through the real SDK pipeline with an in-memory vault in place of
 * the network: the vault may or may not have stored the write, and the adapter must read before
 * it writes again. Each test scripts where the fault strikes: before the write is stored, or after.
 */
import { describe, expect, it } from "vitest";
import { createHttpHeaders, RestError } from "@azure/core-rest-pipeline";
import type { HttpClient, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/core-auth";
import { createKeyVault } from "../../../src/engine/vault/key-vault.ts";
import type { SecretWrite } from "../../../src/engine/vault/key-vault-interface.ts";
import { VaultError } from "../../../src/engine/vault/vault-errors.ts";

const VAULT_URL = "https://demo-vault.vault.azure.net";
const TENANT = "11111111-2222-3333-4444-555555555555";

/** What happens to one request: answered, or cut (dropped / 503) before or after the vault acts. */
type Fault = "none" | "drop-before" | "drop-after" | "503-before" | "503-after";

interface Version {
  id: string;
  value: string;
  tags: Record<string, string>;
  contentType?: string;
}

function createMemoryVault(faults: (method: string, path: string) => Fault) {
  const secrets = new Map<string, Version[]>();
  const deleted = new Set<string>();
  const requests: string[] = [];
  let nextId = 0;

  function bundle(name: string, version: Version): Record<string, unknown> {
    return {
      id: `${VAULT_URL}/secrets/${name}/${version.id}`,
      value: version.value,
      tags: version.tags,
      ...(version.contentType === undefined ? {} : { contentType: version.contentType }),
      attributes: {
        enabled: true,
        created: 1_767_225_600,
        updated: 1_767_225_600,
        recoveryLevel: "Recoverable+Purgeable",
        recoverableDays: 90,
      },
    };
  }

  const notFound = { status: 404, body: { error: { code: "SecretNotFound", message: "A secret was not found in this key vault." } } };

  function act(method: string, path: string, body: Record<string, unknown> | undefined): { status: number; body: unknown } {
    const name = path.split("/")[2] ?? "";
    const versions = secrets.get(name);
    if (method === "PUT") {
      nextId += 1;
      const version: Version = { id: `v${nextId}`, value: String(body?.["value"]), tags: (body?.["tags"] as Record<string, string>) ?? {} };
      if (typeof body?.["contentType"] === "string") version.contentType = body["contentType"];
      secrets.set(name, [...(versions ?? []), version]);
      return { status: 200, body: bundle(name, version) };
    }
    if (method === "GET" && path.startsWith("/secrets/")) {
      const latest = versions?.at(-1);
      return latest === undefined ? notFound : { status: 200, body: bundle(name, latest) };
    }
    if (method === "DELETE") {
      const latest = versions?.at(-1);
      if (latest === undefined) return notFound;
      secrets.delete(name);
      deleted.add(name);
      return { status: 200, body: { ...bundle(name, latest), recoveryId: `${VAULT_URL}/deletedsecrets/${name}` } };
    }
    return notFound;
  }

  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}): PipelineResponse => ({
        request,
        status,
        headers: createHttpHeaders({ "content-type": "application/json; charset=utf-8", ...headers }),
        bodyAsText: JSON.stringify(body),
      });
      if (!request.headers.has("authorization")) {
        return reply(
          401,
          { error: { code: "Unauthorized", message: "AKV10000: Request is missing a Bearer or PoP token." } },
          {
            "www-authenticate": `Bearer authorization="https://login.microsoftonline.com/${TENANT}", resource="https://vault.azure.net"`,
          },
        );
      }
      const path = new URL(request.url).pathname;
      requests.push(`${request.method} ${path}`);
      const fault = faults(request.method, path);
      const serverError = {
        error: { code: "ServiceUnavailable", message: "The service encountered an internal error. Please try again later." },
      };
      if (fault === "drop-before") throw new RestError("socket hang up", { code: "ECONNRESET", request });
      if (fault === "503-before") return reply(503, serverError);
      const text = typeof request.body === "string" ? request.body : undefined;
      const answer = act(request.method, path, text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>));
      if (fault === "drop-after") throw new RestError("socket hang up", { code: "ECONNRESET", request });
      if (fault === "503-after") return reply(503, serverError);
      return reply(answer.status, answer.body);
    },
  };
  return { httpClient, secrets, deleted, requests };
}

const credential: TokenCredential = {
  getToken: async () => ({ token: "access-token", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** Faults for the first `times` requests of `method`; every other request is answered. */
function failFirst(method: string, fault: Fault, times = 1) {
  let seen = 0;
  return (requestMethod: string): Fault => {
    if (requestMethod !== method) return "none";
    seen += 1;
    return seen <= times ? fault : "none";
  };
}

function setUp(faults: (method: string, path: string) => Fault, transientRetries = 3) {
  const memory = createMemoryVault(faults);
  const sleeps: number[] = [];
  const logs: string[] = [];
  const vault = createKeyVault(VAULT_URL, credential, {
    httpClient: memory.httpClient,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    log: (message) => logs.push(message),
    writePacing: false,
    // The SDK's own retries (reads) wait transientDelayMs with real timers: keep them instant.
    retry: { transientRetries, transientDelayMs: 0 },
  });
  return { vault, memory, sleeps, logs };
}

const WRITE: SecretWrite = {
  value: "new-value",
  contentType: "text/plain",
  tags: { "managed-by": "keyvault-sync", "keyvault-sync-owner": "octo-org/octo-repo", run: "7" },
  expiresOn: undefined,
};

describe("a PUT whose answer is lost", () => {
  it.each<Fault>(["drop-after", "503-after"])("after the vault stored it (%s): read back, not written again", async (fault) => {
    const { vault, memory, logs } = setUp(failFirst("PUT", fault));
    const info = await vault.setSecret("db", WRITE);
    expect(memory.secrets.get("db")).toHaveLength(1);
    expect(memory.requests.filter((request) => request === "PUT /secrets/db")).toHaveLength(1);
    expect(info.version).toBe("v1");
    expect(logs.join("\n")).toMatch(/had done the write of 'db' whose answer was lost; not sending it again/);
  });

  it.each<Fault>(["drop-before", "503-before"])("before the vault stored it (%s): read back, then written once more", async (fault) => {
    const { vault, memory } = setUp(failFirst("PUT", fault));
    await vault.setSecret("db", WRITE);
    expect(memory.secrets.get("db")).toHaveLength(1);
    expect(memory.requests.filter((request) => request === "PUT /secrets/db")).toHaveLength(2);
  });

  it("writes again when the latest version differs in a tag only (an older write, not this one)", async () => {
    const { vault, memory } = setUp(failFirst("PUT", "drop-before"));
    memory.secrets.set("db", [{ id: "v0", value: WRITE.value, tags: { ...WRITE.tags, run: "6" }, contentType: "text/plain" }]);
    await vault.setSecret("db", WRITE);
    expect(memory.secrets.get("db")?.map((version) => version.tags["run"])).toEqual(["6", "7"]);
  });

  it("gives up after the retries and says the outcome is unknown", async () => {
    const { vault, memory, sleeps } = setUp((method) => (method === "PUT" ? "drop-before" : "none"), 2);
    const error = await vault.setSecret("db", WRITE).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).message).toBe(
      "Failed to set secret 'db' in vault 'demo-vault': the request failed (ECONNRESET); whether Key Vault did it is unknown",
    );
    expect(memory.requests.filter((request) => request === "PUT /secrets/db")).toHaveLength(3);
    expect(sleeps).toEqual([0, 0]);
  });
});

describe("a DELETE whose answer is lost", () => {
  it("is not sent again once the name no longer answers", async () => {
    const { vault, memory } = setUp(failFirst("DELETE", "drop-after"));
    memory.secrets.set("db", [{ id: "v0", value: "old", tags: {} }]);
    await vault.deleteSecret("db");
    expect(memory.deleted.has("db")).toBe(true);
    expect(memory.requests.filter((request) => request === "DELETE /secrets/db")).toHaveLength(1);
  });

  it("is sent again when the secret is still there", async () => {
    const { vault, memory } = setUp(failFirst("DELETE", "503-before"));
    memory.secrets.set("db", [{ id: "v0", value: "old", tags: {} }]);
    await vault.deleteSecret("db");
    expect(memory.deleted.has("db")).toBe(true);
    expect(memory.requests.filter((request) => request === "DELETE /secrets/db")).toHaveLength(2);
  });
});

describe("reads and PATCH stay with the SDK's own retries", () => {
  it("a dropped GET is repeated by the SDK without the adapter's read-back", async () => {
    const { vault, memory, logs } = setUp(failFirst("GET", "drop-before"));
    memory.secrets.set("db", [{ id: "v0", value: "old", tags: {} }]);
    const read = await vault.getSecret("db");
    expect(read.found).toBe(true);
    expect(memory.requests).toEqual(["GET /secrets/db/", "GET /secrets/db/"]);
    expect(logs).toEqual([]);
  });
});
