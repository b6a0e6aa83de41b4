import { describe, expect, it } from "vitest";
import { decideWrite, mayPrune } from "../../src/engine/ownership.ts";
import type { WriteRule } from "../../src/engine/ownership.ts";
import { MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG, PREFIX_TAG } from "../../src/engine/tags.ts";

const ours = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "org/app" };
const theirs = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "org/other" };
const halfTagged = { [OWNER_TAG]: "org/app" };
const emptyOwner = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "" };
const untagged = { env: "prod" };

describe("decideWrite", () => {
  it.each<[string, Record<string, string>, boolean, WriteRule]>([
    ["ours, no adopt", ours, false, { kind: "allowed", adopting: false }],
    ["ours, adopt", ours, true, { kind: "allowed", adopting: false }],
    ["another owner's, no adopt", theirs, false, { kind: "refused", reason: "other-owner", owner: "org/other" }],
    ["another owner's, even with adopt", theirs, true, { kind: "refused", reason: "other-owner", owner: "org/other" }],
    ["untagged, no adopt", untagged, false, { kind: "refused", reason: "not-adopted" }],
    ["untagged, adopt", untagged, true, { kind: "allowed", adopting: true }],
    ["owner tag without managed-by, no adopt", halfTagged, false, { kind: "refused", reason: "not-adopted" }],
    ["owner tag without managed-by, adopt", halfTagged, true, { kind: "allowed", adopting: true }],
    ["empty owner tag, no adopt", emptyOwner, false, { kind: "refused", reason: "not-adopted" }],
    [
      "owner differing only in case",
      { ...ours, [OWNER_TAG]: "Org/App" },
      true,
      { kind: "refused", reason: "other-owner", owner: "Org/App" },
    ],
  ])("%s", (_name, tags, adopt, expected) => {
    expect(decideWrite(tags, "org/app", adopt)).toEqual(expected);
  });
});

describe("mayPrune", () => {
  it.each<[string, Record<string, string>, string, boolean]>([
    ["ours, no prefix, run without prefix", ours, "", true],
    ["ours, same prefix", { ...ours, [PREFIX_TAG]: "APP-" }, "APP-", true],
    ["ours, prefix differing only in case", { ...ours, [PREFIX_TAG]: "app-" }, "APP-", true],
    ["ours, another prefix", { ...ours, [PREFIX_TAG]: "WEB-" }, "APP-", false],
    ["ours without prefix, run with prefix", ours, "APP-", false],
    ["another owner's", theirs, "", false],
    ["untagged (adopt never extends to deletes)", untagged, "", false],
  ])("%s", (_name, tags, prefix, expected) => {
    expect(mayPrune(tags, "org/app", prefix)).toBe(expected);
  });
});
