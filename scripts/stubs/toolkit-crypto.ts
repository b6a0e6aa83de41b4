// What @actions/core gets for `crypto` in dist/ (the `toolkitCrypto` plugin in
// scripts/build-bundle.ts). The toolkit calls one function of it: `randomUUID`, for the delimiter
// of each output it writes (`name<<ghadelimiter_<uuid>`), and it refuses a value that contains the
// delimiter. Loading node:crypto for that loads 17 of Node's modules, 3 ms on every run and the
// largest single cost of an offline dry run. The same 122 random bits come here from the system's
// random device, which Node's own generator is seeded from; where there is none (Windows), from
// Node's randomUUID.
import { closeSync, openSync, readSync } from "node:fs";

const UUID_BYTES = 16;

export function randomUUID(device = "/dev/urandom"): string {
  const bytes = Buffer.alloc(UUID_BYTES);
  let descriptor: number;
  try {
    descriptor = openSync(device, "r");
  } catch {
    return process.getBuiltinModule("node:crypto").randomUUID();
  }
  try {
    for (let filled = 0; filled < UUID_BYTES;) {
      const read = readSync(descriptor, bytes, filled, UUID_BYTES - filled, null);
      if (read === 0) throw new Error(`${device} ended before ${String(UUID_BYTES)} bytes`);
      filled += read;
    }
  } finally {
    closeSync(descriptor);
  }
  // RFC 9562 version 4: four bits of version, two of variant, the other 122 random.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
