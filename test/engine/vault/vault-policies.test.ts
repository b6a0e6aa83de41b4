/**
 * The pipeline policies' pure parts; the policies themselves run inside the SDK pipeline in
 * key-vault.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import { readRetryAfterMs } from "../../../src/engine/vault/vault-policies.ts";


describe("readRetryAfterMs", () => {
  it.each<{ headers: Record<string, string>; expected: number | undefined }>([
    { headers: { "retry-after": "5" }, expected: 5000 },
    { headers: { "retry-after-ms": "1500" }, expected: 1500 },
    { headers: { "x-ms-retry-after-ms": "20" }, expected: 20 },
    { headers: { "retry-after": "Thu, 01 Jan 2026 00:00:10 GMT" }, expected: 10_000 },
    { headers: {}, expected: undefined },
    { headers: { "retry-after": "soon" }, expected: undefined },
  ])("$headers -> $expected", ({ headers, expected }) => {
    expect(readRetryAfterMs(createHttpHeaders(headers), Date.parse("2026-01-01T00:00:00Z"))).toBe(expected);
  });
});
