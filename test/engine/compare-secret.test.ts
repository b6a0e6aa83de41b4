import { describe, expect, it } from "vitest";
import { compareSecret } from "../../src/engine/compare-secret.ts";
import type { SecretMetadata } from "../../src/engine/plan-items.ts";
import { OWNER, OURS, oursUnder, AUDIT } from "./plan-fixtures.ts";

describe("compareSecret", () => {
  const metadata: SecretMetadata = { contentType: "text/plain", tags: { team: "a" }, expiresInSeconds: undefined };
  it.each<{
    title: string;
    current: { value: string; contentType: string | undefined; tags: Record<string, string> };
    metadata?: SecretMetadata;
    prefix?: string;
    expected: unknown;
  }>([
    {
      title: "all equal",
      current: { value: "v", contentType: "text/plain", tags: { ...OURS, team: "a", ...AUDIT } },
      expected: { kind: "same" },
    },
    {
      title: "value differs",
      current: { value: "w", contentType: "text/plain", tags: { ...OURS, team: "a" } },
      expected: { kind: "value" },
    },
    {
      title: "extra user tag",
      current: { value: "v", contentType: "text/plain", tags: { ...OURS, team: "a", extra: "1" } },
      expected: { kind: "metadata", changed: ["tags"], newVersion: false },
    },
    {
      title: "an empty content type equals none",
      current: { value: "v", contentType: undefined, tags: { ...OURS, team: "a" } },
      metadata: { ...metadata, contentType: "" },
      expected: { kind: "same" },
    },
    {
      title: "ownership and content type",
      current: { value: "v", contentType: "application/json", tags: { team: "a" } },
      expected: { kind: "metadata", changed: ["ownership tags", "content type"], newVersion: false },
    },
    {
      title: "a prefix tag without a prefix",
      current: { value: "v", contentType: "text/plain", tags: { ...oursUnder("app-"), team: "a" } },
      expected: { kind: "metadata", changed: ["prefix tag"], newVersion: false },
    },
    {
      title: "no prefix tag under a prefix",
      current: { value: "v", contentType: "text/plain", tags: { ...OURS, team: "a" } },
      prefix: "app-",
      expected: { kind: "metadata", changed: ["prefix tag"], newVersion: false },
    },
    {
      title: "the prefix tag is not a user tag",
      current: { value: "v", contentType: "text/plain", tags: { ...oursUnder("app-"), team: "a" } },
      prefix: "app-",
      expected: { kind: "same" },
    },
  ])("$title", ({ current, expected, metadata: given, prefix }) => {
    expect(compareSecret("v", { ...current, expiresOn: undefined }, { owner: OWNER, prefix: prefix ?? "" }, given ?? metadata)).toEqual(
      expected,
    );
  });
});
