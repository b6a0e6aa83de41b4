import { describe, expect, it } from "vitest";
import { DEFAULT_WRITE_PACING } from "../../src/engine/vault/key-vault.ts";
import { createWindowLimiter } from "../../src/engine/limiter.ts";

describe("createWindowLimiter", () => {
  it("lets `limit` calls start at once, then each waits for the call `limit` before it plus the window", async () => {
    const waits: number[] = [];
    const limiter = createWindowLimiter({ limit: 3, windowMs: 1000, now: () => 0, sleep: async (ms) => void waits.push(ms) });
    for (let i = 0; i < 7; i += 1) await limiter.take();
    expect(waits).toEqual([1000, 1000, 1000, 2000]);
  });

  it("does not slow calls that arrive after the window has passed", async () => {
    let clock = 0;
    const waits: number[] = [];
    const limiter = createWindowLimiter({ limit: 2, windowMs: 1000, now: () => clock, sleep: async (ms) => void waits.push(ms) });
    await limiter.take();
    await limiter.take();
    clock = 1500;
    await limiter.take();
    await limiter.take();
    expect(waits).toEqual([]);
  });

  it("keeps the default pacing under 300 writes in any 10 s window, and 1000 writes within about 36 s", async () => {
    let clock = 0;
    const starts: number[] = [];
    const limiter = createWindowLimiter({ ...DEFAULT_WRITE_PACING, now: () => clock, sleep: async (ms) => void (clock += ms) });
    for (let i = 0; i < 1000; i += 1) {
      await limiter.take();
      starts.push(clock);
    }
    let worst = 0;
    for (let first = 0, last = 0; last < starts.length; last += 1) {
      while ((starts[last] as number) - (starts[first] as number) >= 10_000) first += 1;
      worst = Math.max(worst, last - first + 1);
    }
    expect(worst).toBeLessThanOrEqual(300);
    expect(worst).toBeGreaterThan(250);
    expect(starts.at(-1)).toBeLessThanOrEqual(36_000);
  });
});
