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

export type FaultDecision = { kind: "none" } | { kind: "drop" } | { kind: "server-error"; status: number };


/** Draws only for the knobs that are on: with one knob on, each request costs exactly one draw. */
export function decideFault(faults: FaultConfig, random: () => number): FaultDecision {
  if (faults.dropRate > 0 && random() < faults.dropRate) return { kind: "drop" };
  if (faults.serverErrorRate > 0 && random() < faults.serverErrorRate) return { kind: "server-error", status: faults.serverErrorStatus };
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
