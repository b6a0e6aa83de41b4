/**
 * The policies the adapter adds to the Key Vault SDK's pipeline: a request timeout, a memory of
 * the error bodies the SDK's pager drops, the 429 retry the SDK does not do on its own, and the
 * guard that keeps the SDK from blindly repeating a write whose answer was lost.
 */
import type { HttpHeaders, PipelinePolicy, PipelineResponse } from "@azure/core-rest-pipeline";
import type { Sleep } from "../limiter.ts";
import { decideThrottleDelay } from "./retry-rules.ts";
import type { ThrottleSettings } from "./retry-rules.ts";

/** A request with no answer in this time fails instead of holding its worker until the job times out. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** The `error` object of a Key Vault error body, kept because some SDK paths drop it. */
export interface ErrorBody {
  code?: unknown;
  message?: unknown;
  innererror?: { code?: unknown };
}

/**
 * The SDK's pager throws "Pagination failed with unexpected statusCode 403" and drops the body,
 * so a refused listing would lose its inner code (RBAC vs firewall). This policy remembers error
 * bodies per request so the adapter can classify them like any other error.
 */
export function createErrorBodyPolicy(bodies: WeakMap<object, ErrorBody>): PipelinePolicy {
  return {
    name: "keyvaultSyncErrorBody",
    async sendRequest(request, next): Promise<PipelineResponse> {
      const response = await next(request);
      if (response.status >= 400 && response.bodyAsText) {
        try {
          const parsed = JSON.parse(response.bodyAsText) as { error?: ErrorBody };
          if (parsed.error && typeof parsed.error === "object") bodies.set(request, parsed.error);
        } catch {
          // Not JSON: nothing to remember; the SDK reports its own parse error.
        }
      }
      return response;
    },
  };
}

/**
 * The SDK sends without a timeout by default; a stalled connection would hang the run. Its own
 * `request.timeout` is not used: the SDK clears that timer only when an answer arrives, so after a
 * dropped connection the timer kept the process alive for the whole timeout after its last output.
 * This one aborts through the request's signal and is cleared however the try ends. Place it
 * closest to the wire (after the retry policies), so every try gets the whole timeout.
 */
export function createTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: "keyvaultSyncTimeout",
    async sendRequest(request, next): Promise<PipelineResponse> {
      const callerSignal = request.abortSignal;
      const controller = new AbortController();
      const abort = (): void => controller.abort();
      if (callerSignal?.aborted) abort();
      callerSignal?.addEventListener("abort", abort);
      const timer = setTimeout(abort, timeoutMs);
      // A pending try must not be what keeps the process alive, whatever happens to it.
      timer.unref();
      request.abortSignal = controller.signal;
      try {
        return await next(request);
      } finally {
        clearTimeout(timer);
        callerSignal?.removeEventListener("abort", abort);
        // The retry policy sends the same request object again: the next try starts unaborted.
        request.abortSignal = callerSignal;
      }
    },
  };
}

// ---- Writes whose answer was lost ----

/**
 * Methods the SDK must not repeat on its own: a repeated PUT stores a second version, a repeated
 * DELETE or recover fails on the state the first one left. PATCH and reads are safe to repeat.
 */
const UNSAFE_TO_REPEAT: ReadonlySet<string> = new Set(["PUT", "POST", "DELETE"]);

/** The network errors the SDK's retry policy repeats a request on. */
const REPEATED_NETWORK_CODES: ReadonlySet<string> = new Set([
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOENT",
  "ENOTFOUND",
]);

/**
 * A write that may or may not have been stored: the connection failed after it was sent, or the
 * service answered with a status the SDK would retry (408, 5xx). Not a RestError, so the SDK's
 * retry policy passes it straight up; the adapter reads the secret before deciding to write
 * again. Holds status, code and Key Vault's error body, never the request (its body is the value).
 */
export class OutcomeUnknownError extends Error {
  readonly statusCode: number | undefined;
  readonly code: string | undefined;
  readonly details: { error: ErrorBody } | undefined;

  constructor(statusCode: number | undefined, code: string | undefined, body: ErrorBody | undefined) {
    super("the answer to a write was lost; it may or may not have been stored");
    this.name = "OutcomeUnknownError";
    this.statusCode = statusCode;
    this.code = code;
    this.details = body === undefined ? undefined : { error: body };
  }
}

function isRepeatedStatus(status: number): boolean {
  return status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

function readErrorBody(text: string | undefined): ErrorBody | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { error?: ErrorBody };
    return parsed.error && typeof parsed.error === "object" ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns every failure of a PUT, POST or DELETE that the SDK would retry into an
 * OutcomeUnknownError. Place it after the SDK's retry policy (perRetry), so it sees each try.
 */
export function createNoBlindRepeatPolicy(): PipelinePolicy {
  return {
    name: "keyvaultSyncNoBlindRepeat",
    async sendRequest(request, next): Promise<PipelineResponse> {
      if (!UNSAFE_TO_REPEAT.has(request.method)) return next(request);
      let response: PipelineResponse;
      try {
        response = await next(request);
      } catch (error) {
        const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
        if (typeof code === "string" && REPEATED_NETWORK_CODES.has(code)) throw new OutcomeUnknownError(undefined, code, undefined);
        throw error;
      }
      if (!isRepeatedStatus(response.status)) return response;
      const body = readErrorBody(response.bodyAsText ?? undefined);
      const code = typeof body?.code === "string" ? body.code : undefined;
      throw new OutcomeUnknownError(response.status, code, body);
    },
  };
}

/** Put a remembered error body back on an SDK error that lost it. */
export function restoreErrorBody(error: unknown, bodies: WeakMap<object, ErrorBody>): unknown {
  if (typeof error !== "object" || error === null) return error;
  const fields = error as { request?: unknown; details?: { error?: unknown }; statusCode?: unknown; code?: unknown; message?: unknown };
  if (fields.details?.error !== undefined || typeof fields.request !== "object" || fields.request === null) return error;
  const body = bodies.get(fields.request);
  if (body === undefined) return error;
  const innerCode = body.innererror?.code;
  return {
    statusCode: fields.statusCode,
    code: fields.code,
    message: fields.message,
    details: { error: { code: body.code, message: body.message, innerError: innerCode === undefined ? undefined : { code: innerCode } } },
  };
}

// ---- 429 policy ----

const RETRY_AFTER_MS_HEADERS = ["retry-after-ms", "x-ms-retry-after-ms"];

/** Milliseconds a response asks us to wait, from any of the headers Azure uses. */
export function readRetryAfterMs(headers: HttpHeaders, now: number): number | undefined {
  for (const name of RETRY_AFTER_MS_HEADERS) {
    const value = Number(headers.get(name));
    if (headers.has(name) && Number.isFinite(value) && value >= 0) return value;
  }
  const raw = headers.get("retry-after");
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (raw.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export interface ThrottlePolicyOptions {
  settings: ThrottleSettings;
  sleep: Sleep;
  now: () => number;
  random: () => number;
  log: (message: string) => void;
}

/**
 * Retries 429 answers, with or without Retry-After. It sits inside the SDK's retry policy (closest
 * to the wire); when it gives up it removes the Retry-After headers so the SDK's own throttling
 * strategy does not start another round of waits on top of ours.
 */
export function createThrottlePolicy(options: ThrottlePolicyOptions): PipelinePolicy {
  return {
    name: "keyvaultSyncThrottleRetry",
    async sendRequest(request, next): Promise<PipelineResponse> {
      for (let retry = 0; ; retry += 1) {
        const response = await next(request);
        if (response.status !== 429) return response;
        const asked = readRetryAfterMs(response.headers, options.now());
        const delay = decideThrottleDelay(retry, asked, options.random(), options.settings);
        if (delay === undefined) {
          for (const name of ["retry-after", ...RETRY_AFTER_MS_HEADERS]) response.headers.delete(name);
          return response;
        }
        const path = new URL(request.url).pathname;
        const why = asked === undefined ? "no Retry-After" : `Retry-After ${(asked / 1000).toFixed(1)} s`;
        options.log(
          `Key Vault throttled ${request.method} ${path} (429, ${why}); retry ${retry + 1} of ${options.settings.throttleRetries} in ${(delay / 1000).toFixed(1)} s`,
        );
        await options.sleep(delay);
      }
    },
  };
}
