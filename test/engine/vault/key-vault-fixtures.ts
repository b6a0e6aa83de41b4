/** A scripted transport under the real SDK pipeline, for the adapter's tests. */
import { expect } from "vitest";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import type { HttpClient, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { TokenCredential } from "@azure/core-auth";
import { createKeyVault } from "../../../src/engine/vault/key-vault.ts";
import type { KeyVaultOptions } from "../../../src/engine/vault/key-vault.ts";
import type { KeyVault } from "../../../src/engine/vault/key-vault-interface.ts";
import { VaultError } from "../../../src/engine/vault/vault-errors.ts";
/**
 * The adapter, driven through the real SDK pipeline (challenge auth, retry policy, paging) with an
 * in-memory transport in place of the network. Sleep, clock and jitter are injected, so retries
 * and pacing are checked by what they would wait, never by waiting.
 */

export const VAULT_URL = "https://demo-vault.vault.azure.net";
export const TENANT = "11111111-2222-3333-4444-555555555555";

export interface Exchange {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

export interface Answer {
  status: number;
  body?: unknown;
  /** Sent as is instead of `body`, for answers that are not JSON. */
  raw?: string;
  headers?: Record<string, string>;
}

export type Responder = (exchange: Exchange, attempt: number) => Answer;

export function kvError(status: number, code: string, message: string, innerCode?: string): Answer {
  return { status, body: { error: { code, message, ...(innerCode ? { innererror: { code: innerCode } } : {}) } } };
}

export function bundle(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `${VAULT_URL}/secrets/${name}/0123456789abcdef0123456789abcdef`,
    attributes: {
      enabled: true,
      created: 1_767_225_600,
      updated: 1_767_225_600,
      recoveryLevel: "Recoverable+Purgeable",
      recoverableDays: 90,
    },
    ...extra,
  };
}

/** A transport that answers like Key Vault: challenge first, then whatever the test scripts. */
export function createTransport(respond: Responder) {
  const exchanges: Exchange[] = [];
  const attempts = new Map<string, number>();
  let unauthenticated = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const url = new URL(request.url);
      const reply = (answer: Answer): PipelineResponse => ({
        request,
        status: answer.status,
        headers: createHttpHeaders({ "content-type": "application/json; charset=utf-8", ...answer.headers }),
        bodyAsText: answer.raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body)),
      });
      if (!request.headers.has("authorization")) {
        unauthenticated += 1;
        return reply({
          ...kvError(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."),
          headers: {
            "www-authenticate": `Bearer authorization="https://login.microsoftonline.com/${TENANT}", resource="https://vault.azure.net"`,
          },
        });
      }
      const text = typeof request.body === "string" ? request.body : undefined;
      const exchange: Exchange = {
        method: request.method,
        path: url.pathname,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      };
      exchanges.push(exchange);
      const key = `${exchange.method} ${exchange.path}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return reply(respond(exchange, attempt));
    },
  };
  return {
    httpClient,
    exchanges,
    count: (method: string, path: string) => exchanges.filter((exchange) => exchange.method === method && exchange.path === path).length,
    get unauthenticated() {
      return unauthenticated;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

export const credential: TokenCredential = {
  getToken: async () => ({ token: "access-token", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

export function createTestVault(respond: Responder, options: KeyVaultOptions = {}) {
  const transport = createTransport(respond);
  const sleeps: number[] = [];
  const logs: string[] = [];
  const vault: KeyVault = createKeyVault(VAULT_URL, credential, {
    httpClient: transport.httpClient,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    log: (message) => logs.push(message),
    writePacing: false,
    clientId: "app-client-id",
    ...options,
    retry: { transientRetries: 0, ...options.retry },
  });
  return { vault, transport, sleeps, logs };
}

export async function caught(promise: Promise<unknown>): Promise<VaultError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VaultError);
  return error as VaultError;
}

export const okSet: Responder = ({ method, path, body }) =>
  method === "PUT"
    ? { status: 200, body: bundle(path.split("/")[2] ?? "", { value: body?.value }) }
    : kvError(404, "SecretNotFound", "not found");
