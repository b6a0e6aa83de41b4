import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { listMaskFragments, readSources, type SourceIO } from "../../src/sources/read-sources.ts";

/** An in-memory file system that records every mask call and when it happened. */
function createFakeIO(files: Record<string, string>, failures: Record<string, string> = {}) {
  const events: string[] = [];
  const io: SourceIO = {
    async readFile(path) {
      events.push(`read ${path}`);
      const code = failures[path];
      if (code !== undefined) {
        throw Object.assign(new Error(`${code}: no such file, open '${path}' containing s3cret`), { code });
      }
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
      return text;
    },
    mask(value) {
      events.push(`mask ${value}`);
    },
  };
  return { io, events, masked: () => events.filter((event) => event.startsWith("mask ")).map((event) => event.slice(5)) };
}

describe("readSources", () => {
  it("reads the secrets JSON first, then each file in order, with origins", async () => {
    const { io } = createFakeIO({ "b.env": "B=2", "a.env": "A=1\nA2=x" });
    const entries = await readSources({ secretsJson: '{"S":"s"}', envFiles: ["b.env", "a.env"] }, io);
    expect(entries).toEqual([
      { key: "S", value: "s", origin: { kind: "secrets" } },
      { key: "B", value: "2", origin: { kind: "dotenv", file: "b.env", line: 1 } },
      { key: "A", value: "1", origin: { kind: "dotenv", file: "a.env", line: 1 } },
      { key: "A2", value: "x", origin: { kind: "dotenv", file: "a.env", line: 2 } },
    ]);
  });

  it("keeps the same key from two sources as two entries (naming reports the collision)", async () => {
    const { io } = createFakeIO({ ".env": "DB_PASS=file" });
    const entries = await readSources({ secretsJson: '{"DB_PASS":"json"}', envFiles: [".env"] }, io);
    expect(entries.map((entry) => [entry.key, entry.value])).toEqual([["DB_PASS", "json"], ["DB_PASS", "file"]]);
  });

  it("masks every value of a file before reading the next file", async () => {
    const { io, events } = createFakeIO({ "1.env": "A=one", "2.env": "B=two" });
    await readSources({ secretsJson: undefined, envFiles: ["1.env", "2.env"] }, io);
    expect(events).toEqual(["read 1.env", "mask one", "read 2.env", "mask two"]);
  });

  it("masks each line of a multi-line value as well as the whole value", async () => {
    const { io, masked } = createFakeIO({ "k.env": 'KEY="-----BEGIN-----\nMIIabc\n\n-----END-----"\nEMPTY=' });
    await readSources({ secretsJson: '{"J":"x\\r\\ny"}', envFiles: ["k.env"] }, io);
    expect(masked()).toEqual([
      "x\r\ny", "x", "y",
      "-----BEGIN-----\nMIIabc\n\n-----END-----", "-----BEGIN-----", "MIIabc", "-----END-----",
    ]);
  });

  it.each([
    ["ENOENT", "Invalid input 'env-file': cannot read entry 2 ('missing.env'): ENOENT", true],
    ["EACCES", "Invalid input 'env-file': cannot read entry 2 ('missing.env'): EACCES", false],
    ["EISDIR", "Invalid input 'env-file': cannot read entry 2 ('missing.env'): EISDIR", false],
  ])("reports %s naming the entry, the path and the code", async (code, message, hasHint) => {
    const { io } = createFakeIO({ "ok.env": "A=s3cret" }, { "missing.env": code });
    const error = await readSources({ secretsJson: undefined, envFiles: ["ok.env", "missing.env"] }, io).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(message);
    expect((error as InputError).hint !== undefined).toBe(hasHint);
    expect((error as InputError).message).not.toContain("s3cret");
  });

  it("refuses a file with an unclosed quote before masking or returning any of its entries", async () => {
    const { io, events } = createFakeIO({ "a.env": "A=one", "b.env": 'B=two\nTLS_KEY="MIIBs3cret\npassword=hunter2\n' });
    const error = await readSources({ secretsJson: undefined, envFiles: ["a.env", "b.env"] }, io).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      "Invalid input 'env-file': b.env line 2: the value of TLS_KEY opens a \" quote that never closes; dotenv would read the lines after it as separate entries",
    );
    expect(events).toEqual(["read a.env", "mask one", "read b.env"]);
  });

  it("fails on bad secrets JSON before reading any file", async () => {
    const { io, events } = createFakeIO({ "a.env": "A=1" });
    await expect(readSources({ secretsJson: "[", envFiles: ["a.env"] }, io)).rejects.toThrow("Invalid input 'secrets'");
    expect(events).toEqual([]);
  });
});

describe("listMaskFragments", () => {
  it.each([
    ["", []],
    ["single", ["single"]],
    ["a\nb", ["a\nb", "a", "b"]],
    ["a\r\nb\r\n", ["a\r\nb\r\n", "a", "b"]],
    ["a\rb", ["a\rb", "a", "b"]],
    ["same\nsame", ["same\nsame", "same"]],
    ["\n\nx\n", ["\n\nx\n", "x"]],
  ])("%j -> %j", (value, fragments) => {
    expect(listMaskFragments(value)).toEqual(fragments);
  });
});
