/**
 * The per-attempt request timeout: a stalled attempt is aborted, and a timer left behind never
 * holds the process open after the run (the SDK's own `request.timeout` did, for 60 s, whenever a
 * connection had dropped).
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmptyPipeline, createPipelineRequest } from "@azure/core-rest-pipeline";
import type { HttpClient } from "@azure/core-rest-pipeline";
import { createTimeoutPolicy } from "../../../src/engine/vault/vault-policies.ts";

describe("createTimeoutPolicy", () => {
  it("aborts an attempt that gets no answer in time, and leaves the caller's signal in place", async () => {
    const stalled: HttpClient = {
      sendRequest: (request) =>
        new Promise((_, reject) =>
          request.abortSignal?.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))),
        ),
    };
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(createTimeoutPolicy(50));
    const caller = new AbortController();
    const request = createPipelineRequest({ url: "https://t.vault.azure.net/secrets/a", abortSignal: caller.signal });
    const started = performance.now();
    await expect(pipeline.sendRequest(stalled, request)).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(request.abortSignal).toBe(caller.signal);
  });

  it("lets the process exit at once after an attempt failed without an answer", () => {
    // A child process: one attempt through the SDK's own HTTP client to a server that drops the
    // connection, under a 60 s timeout; then nothing is left to do.
    const policy = resolve("src/engine/vault/vault-policies.ts");
    const script = `
      import { createServer } from "node:net";
      import { createDefaultHttpClient, createEmptyPipeline, createPipelineRequest } from "@azure/core-rest-pipeline";
      import { createTimeoutPolicy } from ${JSON.stringify(policy)};
      const server = createServer((socket) => socket.destroy());
      await new Promise((done) => server.listen(0, "127.0.0.1", done));
      const pipeline = createEmptyPipeline();
      pipeline.addPolicy(createTimeoutPolicy(60000));
      const request = createPipelineRequest({ url: "http://127.0.0.1:" + server.address().port + "/", allowInsecureConnection: true });
      const failed = await pipeline.sendRequest(createDefaultHttpClient(), request).then(() => false, () => true);
      server.close();
      if (!failed) process.exitCode = 3;
    `;
    const started = performance.now();
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: resolve("."), timeout: 30_000 });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
