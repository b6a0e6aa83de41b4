import { describe, expect, it } from "vitest";
import type { ChangeResult } from "../../src/engine/apply.ts";
import { createApplyProgress } from "../../src/engine/progress.ts";

const ok = { status: "created" } as ChangeResult;
const failed = { status: "failed" } as ChangeResult;

describe("createApplyProgress", () => {
  it("logs every 5 s of the clock, with counts, and never for the last item", () => {
    let now = 1_000;
    const lines: string[] = [];
    const progress = createApplyProgress({ total: 1_000, now: () => now, log: (line) => lines.push(line) });
    for (let index = 0; index < 1_000; index++) {
      now += 20; // 50 results a second
      progress(index % 25 === 0 ? failed : ok);
    }
    expect(lines).toEqual([
      "Applied 250 of 1,000 (10 failed) …",
      "Applied 500 of 1,000 (20 failed) …",
      "Applied 750 of 1,000 (30 failed) …",
    ]);
  });

  it("stays quiet for a run shorter than the interval", () => {
    let now = 0;
    const lines: string[] = [];
    const progress = createApplyProgress({ total: 3, now: () => now, log: (line) => lines.push(line) });
    for (let index = 0; index < 3; index++) {
      now += 1_000;
      progress(ok);
    }
    expect(lines).toEqual([]);
  });
});
