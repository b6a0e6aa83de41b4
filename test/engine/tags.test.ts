import { describe, expect, it } from "vitest";
import {
  MAX_TAGS,
  MAX_USER_TAGS,
  PREFIX_TAG,
  RESERVED_TAGS,
  buildTags,
  isSamePrefix,
  readPrefix,
  selectUserTags,
} from "../../src/engine/tags.ts";
import type { AuditContext } from "../../src/engine/tags.ts";

const AUDIT: AuditContext = {
  repository: "octo-org/app",
  runUrl: "https://github.com/octo-org/app/actions/runs/1",
  commit: "abc",
  ref: "refs/heads/main",
};

describe("buildTags", () => {
  it("writes the prefix exactly, next to the ownership tags", () => {
    const tags = buildTags({ owner: "octo-org/app", prefix: "App-" }, { team: "a" }, AUDIT);
    expect(tags).toMatchObject({ team: "a", "managed-by": "keyvault-sync", "keyvault-sync-owner": "octo-org/app", [PREFIX_TAG]: "App-" });
  });

  it("writes no prefix tag for an empty prefix: an absent tag means no prefix", () => {
    expect(buildTags({ owner: "octo-org/app", prefix: "" }, {}, AUDIT)).not.toHaveProperty(PREFIX_TAG);
  });

  it("stays within Key Vault's tag limit with the most user tags the inputs allow", () => {
    const userTags = Object.fromEntries(Array.from({ length: MAX_USER_TAGS }, (_, index) => [`t${index}`, "v"]));
    expect(Object.keys(buildTags({ owner: "o", prefix: "p-" }, userTags, AUDIT))).toHaveLength(MAX_TAGS);
  });
});

describe("reserved tags", () => {
  it("reserve the prefix tag, leaving 8 tags to users", () => {
    expect(RESERVED_TAGS).toContain(PREFIX_TAG);
    expect(MAX_USER_TAGS).toBe(8);
  });

  it("keep the prefix tag out of the user's tags", () => {
    expect(selectUserTags({ [PREFIX_TAG]: "app-", team: "a" })).toEqual({ team: "a" });
  });
});

describe("readPrefix and isSamePrefix", () => {
  it.each([
    [{}, ""],
    [{ [PREFIX_TAG]: "app-" }, "app-"],
  ])("%j was synced under %j", (tags, prefix) => {
    expect(readPrefix(tags)).toBe(prefix);
  });

  it.each<[string, string, boolean]>([
    ["app-", "app-", true],
    ["APP-", "app-", true],
    ["app-", "app-api-", false],
    ["", "app-", false],
    ["", "", true],
  ])("%j and %j are the same prefix: %s", (left, right, same) => {
    expect(isSamePrefix(left, right)).toBe(same);
  });
});
