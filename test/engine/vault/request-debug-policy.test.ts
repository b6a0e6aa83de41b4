/** The request debug policy alone, with `next` scripted: what it logs, and what it never does. */
import { describe, expect, it } from "vitest";
import { createHttpHeaders, createPipelineRequest } from "@azure/core-rest-pipeline";
import type { PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import { createRequestDebugPolicy } from "../../../src/engine/vault/request-debug-policy.ts";

const VALUE = "a-secret-value-never-logged";

function setup() {
  const lines: string[] = [];
  let clock = 1_000;
  const policy = createRequestDebugPolicy(
    (line) => lines.push(line),
    () => (clock += 7),
  );
  const request = createPipelineRequest({
    url: "https://demo-vault.vault.azure.net/secrets/DB-PASSWORD?api-version=7.6",
    method: "PUT",
    body: JSON.stringify({ value: VALUE }),
  });
  return { lines, policy, request };
}

describe("createRequestDebugPolicy", () => {
  it("logs method, path, status and duration of an answered request, and passes the response on", async () => {
    const { lines, policy, request } = setup();
    const response: PipelineResponse = {
      request,
      status: 403,
      headers: createHttpHeaders({ "x-ms-request-id": "r" }),
      bodyAsText: JSON.stringify({ echo: VALUE }),
    };
    await expect(policy.sendRequest(request, async () => response)).resolves.toBe(response);
    expect(lines).toEqual(["Key Vault PUT /secrets/DB-PASSWORD -> 403 (7 ms)"]);
  });

  it("logs the error code of a request without an answer, and rethrows it", async () => {
    const { lines, policy, request } = setup();
    const failure = Object.assign(new Error(`socket hang up ${VALUE}`), { code: "ECONNRESET" });
    await expect(policy.sendRequest(request, async (_: PipelineRequest) => Promise.reject(failure))).rejects.toBe(failure);
    expect(lines).toEqual(["Key Vault PUT /secrets/DB-PASSWORD -> ECONNRESET (7 ms)"]);
  });
});
