import { InputError } from "../errors.ts";

/**
 * Decodes a dotenv file's bytes as UTF-8, refusing anything else. Reading with Node's "utf8"
 * decoding would turn a Latin-1 byte into U+FFFD and a UTF-16 file into text full of NULs, and
 * the vault would get values the author never wrote without a word. Errors give the file and a
 * line, never the bytes. A UTF-8 byte order mark is dropped, as editors and dotenv ignore it.
 */
export function decodeUtf8File(bytes: Uint8Array, file: string): string {
  const utf16 = detectUtf16(bytes);
  if (utf16 !== undefined) {
    throw new InputError("env-file", `${file} is ${utf16}, not UTF-8`, "Save the file as UTF-8 (without a byte order mark is best).");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      "env-file",
      `${file} line ${findInvalidLine(bytes)}: is not valid UTF-8`,
      "Save the file as UTF-8; a byte from another encoding (such as Latin-1 é) would otherwise be stored as a replacement character.",
    );
  }
}

/**
 * "UTF-16 (little endian)" and so on when the bytes start with a UTF-16 byte order mark, or
 * when one of the first two bytes is NUL and the other is not, which is how UTF-16 text of
 * ASCII characters starts (a dotenv file's first character is never NUL).
 */
function detectUtf16(bytes: Uint8Array): string | undefined {
  const [first, second] = bytes;
  if (first === 0xff && second === 0xfe) return "UTF-16 (little endian, with a byte order mark)";
  if (first === 0xfe && second === 0xff) return "UTF-16 (big endian, with a byte order mark)";
  if (first === undefined || second === undefined) return undefined;
  if (first !== 0 && second === 0) return "UTF-16 (little endian)";
  if (first === 0 && second !== 0) return "UTF-16 (big endian)";
  return undefined;
}

/** The 1-based line (counting LF) of the first line that is not valid UTF-8. */
function findInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    line += 1;
    start = end + 1;
  }
  return line;
}
