import { describe, expect, it } from "vitest";
import { compareByVaultName, readVaultName } from "../../src/engine/vault-names.ts";
import type { NamedItem } from "../../src/engine/vault-names.ts";

const item = (name: string | undefined, source?: string): NamedItem => ({ name, source });
const show = (items: NamedItem[]) => items.map((entry) => `${entry.name ?? "-"}/${entry.source ?? "-"}`);

describe("compareByVaultName", () => {
  it.each<{ title: string; items: NamedItem[]; expected: string[] }>([
    { title: "ignores case first, as Key Vault compares names", items: [item("b"), item("C"), item("a")], expected: ["a/-", "b/-", "C/-"] },
    { title: "then the exact name, uppercase first", items: [item("db"), item("Db"), item("DB")], expected: ["DB/-", "Db/-", "db/-"] },
    { title: "then the source", items: [item("db", "Z"), item("db", "A"), item("db")], expected: ["db/-", "db/A", "db/Z"] },
    { title: "puts a missing name first", items: [item("a"), item(undefined, "X")], expected: ["-/X", "a/-"] },
    // Code units, not a locale: "-" (0x2d) before digits before letters, whatever the runner's locale.
    { title: "orders by code unit, not by locale", items: [item("a1"), item("a-b"), item("aB"), item("ä")], expected: ["a-b/-", "a1/-", "aB/-", "ä/-"] },
  ])("$title", ({ items, expected }) => {
    expect(show([...items].sort(compareByVaultName))).toEqual(expected);
  });

  it("is zero only for the same name and source", () => {
    expect(compareByVaultName(item("db", "A"), item("db", "A"))).toBe(0);
    expect(compareByVaultName(item("db", "A"), item("DB", "A"))).not.toBe(0);
  });
});

describe("readVaultName", () => {
  it.each([
    ["https://my-vault.vault.azure.net", "my-vault"],
    ["https://gov-vault.vault.usgovcloudapi.net/", "gov-vault"],
    ["not a url", "not a url"],
  ])("%s → %s", (url, name) => {
    expect(readVaultName(url)).toBe(name);
  });
});
