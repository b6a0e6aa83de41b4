import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { holdUntilTurnEnds } from "../../src/action/print-batches.ts";

/** A stream that records each write it receives, as one entry per system call would be. */
function recordingStream(): { stream: Writable; writes: string[][] } {
  const writes: string[][] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push([chunk.toString()]);
      callback();
    },
    writev(chunks, callback) {
      writes.push(chunks.map(({ chunk }) => String(chunk)));
      callback();
    },
  });
  return { stream, writes };
}

function print(stream: Writable, line: string): void {
  holdUntilTurnEnds(stream);
  stream.write(`${line}\n`);
}

describe("holdUntilTurnEnds", () => {
  it("sends the lines of one turn in one write, in order, when the turn ends", async () => {
    const { stream, writes } = recordingStream();
    print(stream, "::add-mask::x");
    print(stream, "one");
    print(stream, "two");
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([["::add-mask::x\n", "one\n", "two\n"]]);
  });

  it("sends a long burst in parts of about 64 KB, in order, rather than holding it whole", async () => {
    const { stream, writes } = recordingStream();
    const lines = Array.from({ length: 2000 }, (_, index) => `line ${String(index).padStart(4, "0")} ${"x".repeat(90)}`);
    for (const line of lines) print(stream, line);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.length).toBeGreaterThan(2);
    expect(writes.length).toBeLessThan(10);
    for (const write of writes) expect(write.join("").length).toBeLessThan(64 * 1024 + 200);
    expect(writes.flat().join("")).toBe(lines.map((line) => `${line}\n`).join(""));
  });

  it("flushes every turn, so a run waiting on the network has printed all it had", async () => {
    const { stream, writes } = recordingStream();
    print(stream, "before the wait");
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(writes).toEqual([["before the wait\n"]]);
    print(stream, "after");
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([["before the wait\n"], ["after\n"]]);
  });

  it("flushes what is held when the process exits in the same turn, even by a crash", () => {
    const module = pathToFileURL("src/action/print-batches.ts").href;
    for (const ending of ["process.exit(3)", 'throw new Error("boom")']) {
      const script = `const { holdUntilTurnEnds } = await import(${JSON.stringify(module)}); holdUntilTurnEnds(process.stdout); process.stdout.write("held line\\n"); ${ending};`;
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
      expect(child.status, child.stderr).not.toBe(0);
      expect(child.stdout).toBe("held line\n");
    }
  });
});
