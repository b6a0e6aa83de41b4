import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/engine/errors.ts";
import { FileRefusedError } from "../../../src/engine/sources/env-file-access.ts";
import { listMaskFragments, readSources } from "../../../src/engine/sources/read-sources.ts";
import type { SourceIO } from "../../../src/engine/sources/source-entry.ts";

/** An in-memory file system that records every mask call and when it happened. */
function createFakeIO(files: Record<string, string | Uint8Array>, failures: Record<string, string | Error> = {}) {
  const events: string[] = [];
  const io: SourceIO = {
    async readFile(path) {
      events.push(`read ${path}`);
      const code = failures[path];
      if (code instanceof Error) throw code;
      if (code !== undefined) {
        throw Object.assign(new Error(`${code}: no such file, open '${path}' containing s3cret`), { code });
      }
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
    mask(value) {
      events.push(`mask ${value}`);
    },
    warn(message) {
      events.push(`warn ${message}`);
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
    expect(entries.map((entry) => [entry.key, entry.value])).toEqual([
      ["DB_PASS", "json"],
      ["DB_PASS", "file"],
    ]);
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
      "x\r\ny",
      "x",
      "y",
      "-----BEGIN-----\nMIIabc\n\n-----END-----",
      "-----BEGIN-----",
      "MIIabc",
      "-----END-----",
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

  it.each([
    [
      "an unquoted PEM",
      "A=one\nTLS_KEY=-----BEGIN PRIVATE KEY-----\nMIIEs3cretLINE\nhunter2hunter2AB9z==\n-----END PRIVATE KEY-----\n",
      "b.env line 2: the value opens a PEM block",
    ],
    ["a line dotenv skips", "A=one\nnot an entry s3cret\n", "b.env line 2: is not KEY=VALUE"],
    ["a Latin-1 byte", new Uint8Array([0x41, 0x3d, 0x6f, 0x6e, 0x65, 0x0a, 0x42, 0x3d, 0xe9, 0x0a]), "b.env line 2: is not valid UTF-8"],
    [
      "UTF-16 with a byte order mark",
      new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3d, 0x00, 0x31, 0x00]),
      "b.env is UTF-16 (little endian, with a byte order mark), not UTF-8",
    ],
    [
      "UTF-16 without a byte order mark",
      new Uint8Array([0x41, 0x00, 0x3d, 0x00, 0x31, 0x00]),
      "b.env is UTF-16 (little endian), not UTF-8",
    ],
    ["big-endian UTF-16", new Uint8Array([0x00, 0x41, 0x00, 0x3d, 0x00, 0x31]), "b.env is UTF-16 (big endian), not UTF-8"],
  ])("refuses a file with %s before masking or returning any of its entries", async (_name, content, message) => {
    const { io, events } = createFakeIO({ "a.env": "A=one", "b.env": content });
    const error = await readSources({ secretsJson: undefined, envFiles: ["a.env", "b.env"] }, io).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(`Invalid input 'env-file': ${message}`);
    expect(`${(error as InputError).message}${(error as InputError).hint}`).not.toMatch(/s3cret|hunter2|MIIE/);
    expect(events).toEqual(["read a.env", "mask one", "read b.env"]);
  });

  it("drops a UTF-8 byte order mark", async () => {
    const { io } = createFakeIO({ "a.env": new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x3d, 0x31]) });
    const entries = await readSources({ secretsJson: undefined, envFiles: ["a.env"] }, io);
    expect(entries.map((entry) => [entry.key, entry.value])).toEqual([["A", "1"]]);
  });

  it.each([
    ["an empty file", ""],
    ["a file of comments and blank lines", "# nothing yet\n\n   \n# A=1\n"],
  ])("warns about %s and goes on", async (_name, content) => {
    const { io, events } = createFakeIO({ "empty.env": content, "b.env": "B=two" });
    const entries = await readSources({ secretsJson: undefined, envFiles: ["empty.env", "b.env"] }, io);
    expect(entries.map((entry) => entry.key)).toEqual(["B"]);
    expect(events).toEqual([
      "read empty.env",
      "warn env-file entry 1 ('empty.env') holds no entries: it is empty or has only comments and blank lines.",
      "read b.env",
      "mask two",
    ]);
  });

  it("reports a path the access rules refuse with the entry, the path and the rule", async () => {
    const { io } = createFakeIO(
      {},
      {
        "/proc/self/environ": new FileRefusedError(
          "resolves into /proc, /sys or /dev; env-file reads only regular files in the workspace or RUNNER_TEMP",
        ),
      },
    );
    const error = await readSources({ secretsJson: undefined, envFiles: ["/proc/self/environ"] }, io).catch((caught: unknown) => caught);
    expect((error as InputError).message).toBe(
      "Invalid input 'env-file': entry 1 ('/proc/self/environ') resolves into /proc, /sys or /dev; env-file reads only regular files in the workspace or RUNNER_TEMP",
    );
    expect((error as InputError).hint).toContain("RUNNER_TEMP");
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
