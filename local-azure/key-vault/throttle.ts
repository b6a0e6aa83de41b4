/**
 * Per-vault request limits like Key Vault's (secret creates and all transactions per 10 s).
 * Only admitted requests are recorded, because Azure does not count 429s against the limit.
 * Time comes from the caller, so tests step a fake clock instead of sleeping.
 */
import type { ThrottleConfig } from "../types.ts";

export interface ThrottleSettings extends ThrottleConfig {
  /** sliding (default): the last windowMs before each request; fixed: windows aligned to multiples of windowMs. */
  mode?: "sliding" | "fixed";
}

/** Timestamps in arrival order; dropping from the front is amortised O(1). */
class TimeQueue {
  #items: number[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(timeMs: number): void {
    this.#items.push(timeMs);
  }

  dropUpTo(timeMs: number): void {
    while (this.#head < this.#items.length && (this.#items[this.#head] as number) <= timeMs) this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}

export interface ThrottleState {
  transactions: TimeQueue;
  writes: TimeQueue;
  fixedWindowStart: number;
}

export function createThrottleState(): ThrottleState {
  return { transactions: new TimeQueue(), writes: new TimeQueue(), fixedWindowStart: Number.NEGATIVE_INFINITY };
}

/** true: the request may proceed (and now counts); false: answer 429. */
export function admitRequest(state: ThrottleState, settings: ThrottleSettings, isWrite: boolean, nowMs: number): boolean {
  if (!settings.enabled) return true;
  if (settings.mode === "fixed") {
    const windowStart = Math.floor(nowMs / settings.windowMs) * settings.windowMs;
    if (windowStart !== state.fixedWindowStart) {
      state.fixedWindowStart = windowStart;
      state.transactions.clear();
      state.writes.clear();
    }
  } else {
    state.transactions.dropUpTo(nowMs - settings.windowMs);
    state.writes.dropUpTo(nowMs - settings.windowMs);
  }
  if (state.transactions.size >= settings.transactionsPerWindow) return false;
  if (isWrite && state.writes.size >= settings.writesPerWindow) return false;
  state.transactions.push(nowMs);
  if (isWrite) state.writes.push(nowMs);
  return true;
}
