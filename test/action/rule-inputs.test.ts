import { describe, expect, it } from "vitest";
import { BASE, read, readError } from "./inputs-fixtures.ts";

describe("rules, rules-file and identity", () => {
  const USER_ASSIGNED = "/subscriptions/0000/resourceGroups/shop/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop-web";

  it("passes rules and rules-file on as given (they are checked when read, against the sources)", () => {
    const inputs = read({ ...BASE, rules: "A:\n  update: create-only", "rules-file": ".github/rules.yml" });
    expect([inputs.rules, inputs.rulesFile]).toEqual(["A:\n  update: create-only", ".github/rules.yml"]);
  });

  it.each([
    ["", "system"],
    ["System", "system"],
    [USER_ASSIGNED, USER_ASSIGNED],
  ])("identity %j -> %j", (value, expected) => {
    expect(read({ ...BASE, identity: value }).identity).toBe(expected);
  });

  it.each([
    ["shop-web"],
    [`${USER_ASSIGNED},identityref:x`],
    ["/subscriptions/0000/resourceGroups/shop/providers/Microsoft.Web/sites/shop-web"],
  ])("rejects identity %j", (value) => {
    expect(readError({ ...BASE, identity: value }).message).toMatch(
      /^Invalid input 'identity': must be 'system' or a user-assigned identity's resource id/,
    );
  });
});
