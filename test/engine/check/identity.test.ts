import { describe, expect, it } from "vitest";
import { readAccessIdentity } from "../../../src/engine/check/identity.ts";
import { reachesFailLevel, sortFindings } from "../../../src/engine/check/findings.ts";
import type { Finding } from "../../../src/engine/check/findings.ts";

const jwt = (payload: unknown) => `e30.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.c2ln`;

describe("readAccessIdentity", () => {
  it.each([
    [
      "a v1 token",
      {
        oid: "7e57c10d-0b1d-4b00-8000-000000000004",
        appid: "7e57c10d-a990-4a00-8000-000000000003",
        tid: "7e57c10d-0a2e-4c1d-9f00-000000000001",
        aud: "https://vault.azure.net",
        iss: "https://sts.windows.net/x/",
        exp: 1_800_000_000,
      },
      {
        objectId: "7e57c10d-0b1d-4b00-8000-000000000004",
        clientId: "7e57c10d-a990-4a00-8000-000000000003",
        tenantId: "7e57c10d-0a2e-4c1d-9f00-000000000001",
        audience: "https://vault.azure.net",
        issuer: "https://sts.windows.net/x/",
        expiresOn: new Date(1_800_000_000_000),
      },
    ],
    [
      "a v2 token names the client azp",
      { azp: "7e57c10d-a990-4a00-8000-000000000003", aud: ["cfa8b339-82a2-471a-a3c9-0fc0be7a4093"] },
      { clientId: "7e57c10d-a990-4a00-8000-000000000003", audience: "cfa8b339-82a2-471a-a3c9-0fc0be7a4093" },
    ],
    ["claims that are not what they claim to be are dropped", { oid: "not a guid", aud: "has spaces in it", tid: 42 }, {}],
  ])("%s", (_name, payload, expected) => {
    const empty = {
      objectId: undefined,
      clientId: undefined,
      tenantId: undefined,
      audience: undefined,
      issuer: undefined,
      expiresOn: undefined,
    };
    expect(readAccessIdentity(jwt(payload))).toEqual({ ...empty, ...expected });
  });

  it("describes an opaque token as unknown instead of failing", () => {
    expect(readAccessIdentity("opaque").objectId).toBeUndefined();
  });
});

const finding = (level: Finding["level"], subject = "x", code = "c"): Finding => ({ level, code, subject, message: "m", fix: undefined });

describe("fail-on", () => {
  it.each([
    [["notice"], "notice", true],
    [["notice"], "warning", false],
    [["warning"], "warning", true],
    [["warning"], "error", false],
    [["error"], "warning", true],
    [["error"], "never", false],
    [[], "notice", false],
  ] as const)("%j with fail-on %s fails: %s", (levels, failOn, expected) => {
    expect(
      reachesFailLevel(
        levels.map((level) => finding(level)),
        failOn,
      ),
    ).toBe(expected);
  });

  it("sorts errors first, then by subject", () => {
    const sorted = sortFindings([finding("notice", "a"), finding("error", "b"), finding("warning", "a"), finding("error", "a")]);
    expect(sorted.map((item) => `${item.level} ${item.subject}`)).toEqual(["error a", "error b", "warning a", "notice a"]);
  });
});
