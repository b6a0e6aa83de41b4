import { describe, expect, it } from "vitest";
import { locateOrigin } from "../../../src/engine/sources/source-entry.ts";
import type { FileLocation, Origin } from "../../../src/engine/sources/source-entry.ts";

describe("locateOrigin", () => {
  it.each<[string, Origin | undefined, FileLocation | undefined]>([
    ["a dotenv line", { kind: "dotenv", file: "deploy/.env", line: 3 }, { file: "deploy/.env", line: 3 }],
    ["the secrets input, which is no file", { kind: "secrets" }, undefined],
    ["no origin (a secret found only in the vault)", undefined, undefined],
  ])("%s", (_name, origin, expected) => {
    expect(locateOrigin(origin)).toEqual(expected);
  });
});
