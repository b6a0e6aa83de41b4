/**
 * A debug line per Key Vault request attempt: method, path, status and duration, so step debug
 * logging shows what the vault answered. Never a query string, header or body: paths hold only
 * secret names and versions, which the log names anyway.
 */
import type { PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";

export function createRequestDebugPolicy(debug: (message: string) => void, now: () => number): PipelinePolicy {
  return {
    name: "keyvaultSyncRequestDebug",
    async sendRequest(request, next): Promise<PipelineResponse> {
      const started = now();
      const what = `${request.method} ${new URL(request.url).pathname}`;
      try {
        const response = await next(request);
        debug(`Key Vault ${what} -> ${response.status} (${now() - started} ms)`);
        return response;
      } catch (error) {
        const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "no response";
        debug(`Key Vault ${what} -> ${code} (${now() - started} ms)`);
        throw error;
      }
    },
  };
}
