import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/engine/errors.ts";
import { decodeUtf8File } from "../../../src/engine/sources/decode-utf8.ts";

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));

describe("decodeUtf8File", () => {
  it.each([
    ["ASCII", bytes("A=1\nB=2"), "A=1\nB=2"],
    ["multi-byte characters", bytes("A=héllo ✓ 🔑"), "A=héllo ✓ 🔑"],
    ["a UTF-8 byte order mark, dropped", bytes([0xef, 0xbb, 0xbf], "A=1"), "A=1"],
    ["an empty file", bytes(), ""],
    ["a single byte", bytes("A"), "A"],
  ])("decodes %s", (_name, input, text) => {
    expect(decodeUtf8File(input, "x.env")).toBe(text);
  });

  it.each([
    ["a Latin-1 é on line 2", bytes("A=1\nB=caf", [0xe9], "\n"), "x.env line 2: is not valid UTF-8"],
    ["a Windows-1252 quote on line 3", bytes("A=1\r\n\r\nB=", [0x93], "x", [0x94]), "x.env line 3: is not valid UTF-8"],
    ["a sequence cut off at the end", bytes("A=1\nB=", [0xe2, 0x9c]), "x.env line 2: is not valid UTF-8"],
    ["an overlong encoding", bytes("A=", [0xc0, 0xaf]), "x.env line 1: is not valid UTF-8"],
    ["an encoded surrogate", bytes("A=", [0xed, 0xa0, 0x80]), "x.env line 1: is not valid UTF-8"],
    [
      "UTF-16LE with a byte order mark",
      bytes([0xff, 0xfe, 0x41, 0x00]),
      "x.env is UTF-16 (little endian, with a byte order mark), not UTF-8",
    ],
    ["UTF-16BE with a byte order mark", bytes([0xfe, 0xff, 0x00, 0x41]), "x.env is UTF-16 (big endian, with a byte order mark), not UTF-8"],
    ["UTF-16LE without a byte order mark", bytes([0x41, 0x00, 0x3d, 0x00]), "x.env is UTF-16 (little endian), not UTF-8"],
    ["UTF-16BE without a byte order mark", bytes([0x00, 0x41, 0x00, 0x3d]), "x.env is UTF-16 (big endian), not UTF-8"],
  ])("refuses %s by file and line, without the bytes", (_name, input, rule) => {
    let caught: unknown;
    try {
      decodeUtf8File(input, "x.env");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).message).toBe(`Invalid input 'env-file': ${rule}`);
    expect((caught as InputError).message).not.toContain("caf");
  });
});
