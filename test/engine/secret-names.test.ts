import { describe, expect, it } from "vitest";
import { compareBySecretName } from "../../src/engine/secret-names.ts";
import type { NamedItem } from "../../src/engine/secret-names.ts";

const item = (name: string | undefined, source?: string): NamedItem => ({ name, source });
const show = (items: NamedItem[]) => items.map((entry) => `${entry.name ?? "-"}/${entry.source ?? "-"}`);

describe("compareBySecretName", () => {
  it.each<{ title: string; items: NamedItem[]; expected: string[] }>([
    { title: "ignores case first, as Key Vault compares names", items: [item("b"), item("C"), item("a")], expected: ["a/-", "b/-", "C/-"] },
    { title: "then the exact name, uppercase first", items: [item("db"), item("Db"), item("DB")], expected: ["DB/-", "Db/-", "db/-"] },
    { title: "then the source", items: [item("db", "Z"), item("db", "A"), item("db")], expected: ["db/-", "db/A", "db/Z"] },
    { title: "puts a missing name first", items: [item("a"), item(undefined, "X")], expected: ["-/X", "a/-"] },
    // Code units, not a locale: "-" (0x2d) before digits before letters, whatever the runner's locale.
    {
      title: "orders by code unit, not by locale",
      items: [item("a1"), item("a-b"), item("aB"), item("ä")],
      expected: ["a-b/-", "a1/-", "aB/-", "ä/-"],
    },
  ])("$title", ({ items, expected }) => {
    expect(show([...items].sort(compareBySecretName))).toEqual(expected);
  });

  it("is zero only for the same name and source", () => {
    expect(compareBySecretName(item("db", "A"), item("db", "A"))).toBe(0);
    expect(compareBySecretName(item("db", "A"), item("DB", "A"))).not.toBe(0);
  });
});
