/**
 * The pipeline policies' pure parts; the policies themselves run inside the SDK pipeline in
 * key-vault.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createHttpHeaders, createPipelineRequest } from "@azure/core-rest-pipeline";
import type { PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import { createTimeoutPolicy, readRetryAfterMs } from "../../../src/engine/vault/vault-policies.ts";

describe("readRetryAfterMs", () => {
  it.each<{ headers: Record<string, string>; expected: number | undefined }>([
    { headers: { "retry-after": "5" }, expected: 5000 },
    { headers: { "retry-after-ms": "1500" }, expected: 1500 },
    { headers: { "x-ms-retry-after-ms": "20" }, expected: 20 },
    { headers: { "retry-after": "Thu, 01 Jan 2026 00:00:10 GMT" }, expected: 10_000 },
    { headers: {}, expected: undefined },
    { headers: { "retry-after": "soon" }, expected: undefined },
  ])("$headers -> $expected", ({ headers, expected }) => {
    expect(readRetryAfterMs(createHttpHeaders(headers), Date.parse("2026-01-01T00:00:00Z"))).toBe(expected);
  });
});

describe("createTimeoutPolicy", () => {
  const countTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;

  it("clears its timer when a try fails, so a dropped connection does not keep the process alive", async () => {
    const policy = createTimeoutPolicy(60_000);
    const request = createPipelineRequest({ url: "https://demo-vault.vault.azure.net/secrets/db" });
    const before = countTimers();
    await expect(
      policy.sendRequest(request, () => Promise.reject(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))),
    ).rejects.toThrow("socket hang up");
    expect(countTimers()).toBe(before);
    expect(request.abortSignal).toBeUndefined();
  });

  it("aborts a try that gets no answer in time, and the next try starts unaborted", async () => {
    const policy = createTimeoutPolicy(20);
    const caller = new AbortController();
    const request = createPipelineRequest({ url: "https://demo-vault.vault.azure.net/secrets/db", abortSignal: caller.signal });
    const stalled = (sent: PipelineRequest): Promise<PipelineResponse> =>
      new Promise((_resolve, reject) => sent.abortSignal?.addEventListener("abort", () => reject(new Error("aborted"))));
    await expect(policy.sendRequest(request, stalled)).rejects.toThrow("aborted");
    expect(request.abortSignal).toBe(caller.signal);
    expect(caller.signal.aborted).toBe(false);
  });

  it("passes the caller's abort on", async () => {
    const policy = createTimeoutPolicy(60_000);
    const caller = new AbortController();
    const request = createPipelineRequest({ url: "https://demo-vault.vault.azure.net/secrets/db", abortSignal: caller.signal });
    const answer = policy.sendRequest(
      request,
      (sent) => new Promise((_resolve, reject) => sent.abortSignal?.addEventListener("abort", () => reject(new Error("cancelled")))),
    );
    caller.abort();
    await expect(answer).rejects.toThrow("cancelled");
  });
});
