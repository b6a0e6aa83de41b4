/**
 * Fault injection with a seeded generator: the same seed and the same request sequence give the
 * same faults, so a test that sees "every third request fails" sees it on every run.
 */
import type { FaultConfig } from "../types.ts";

export interface FaultSettings extends FaultConfig {
  /** Seed of the vault's fault generator; the generator restarts whenever faults are reconfigured. */
  seed?: number;
}

export const DEFAULT_FAULT_SEED = 20_240_601;

/** `drop-after-write`: the vault carries the request out, then drops the connection instead of answering. */
export type FaultDecision = { kind: "none" } | { kind: "drop" } | { kind: "server-error"; status: number } | { kind: "drop-after-write" };

const CHANGING_METHODS: ReadonlySet<string> = new Set(["PUT", "PATCH", "POST", "DELETE"]);

/**
 * Draws only for the knobs that are on (and the after-write knob only for changing requests):
 * with one knob on, each request it applies to costs exactly one draw.
 */
export function decideFault(faults: FaultConfig, random: () => number, method = "GET"): FaultDecision {
  if (faults.dropRate > 0 && random() < faults.dropRate) return { kind: "drop" };
  if (faults.serverErrorRate > 0 && random() < faults.serverErrorRate) return { kind: "server-error", status: faults.serverErrorStatus };
  const afterWrite = faults.dropAfterWriteRate ?? 0;
  if (afterWrite > 0 && CHANGING_METHODS.has(method.toUpperCase()) && random() < afterWrite) return { kind: "drop-after-write" };
  return { kind: "none" };
}

const SERVER_ERROR_CODES: Record<number, string> = {
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

export function toServerErrorCode(status: number): string {
  return SERVER_ERROR_CODES[status] ?? "ServerError";
}
