import { describe, expect, it } from "vitest";
import { createConcurrencyGate } from "../../src/engine/limiter.ts";

describe("createConcurrencyGate", () => {
  it("runs at most `limit` at a time, in arrival order, and hands back each result", async () => {
    const gate = createConcurrencyGate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        gate(async () => {
          started.push(index);
          running += 1;
          most = Math.max(most, running);
          for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
          running -= 1;
          return index * 10;
        }),
      ),
    );
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("frees the slot of work that failed", async () => {
    const gate = createConcurrencyGate(1);
    await expect(gate(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate(async () => "next")).toBe("next");
  });
});
