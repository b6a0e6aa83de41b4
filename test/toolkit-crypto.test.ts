import { describe, expect, it } from "vitest";
import { randomUUID } from "../scripts/stubs/toolkit-crypto.ts";

const VERSION_4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("the toolkit's randomUUID in the bundle", () => {
  it("makes version 4 UUIDs, none repeated", () => {
    const made = Array.from({ length: 2000 }, () => randomUUID());
    for (const uuid of made) expect(uuid).toMatch(VERSION_4);
    expect(new Set(made).size).toBe(made.length);
  });

  it("takes its bits from the device, with only the version and variant bits set", () => {
    expect(randomUUID("/dev/zero")).toBe("00000000-0000-4000-8000-000000000000");
  });

  it("uses Node's generator where there is no random device", () => {
    expect(randomUUID("/nonexistent/urandom")).toMatch(VERSION_4);
  });
});
