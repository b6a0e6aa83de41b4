import { describe, expect, it } from "vitest";
import { checkHealth, selectForHealth } from "../../../src/engine/check/health.ts";
import type { SecretHealthInput } from "../../../src/engine/check/health.ts";
import type { SecretInfo } from "../../../src/engine/vault/key-vault-interface.ts";

const OWNER = "octo/shop";
const NOW = new Date("2026-06-01T00:00:00Z");
const OURS = { "managed-by": "keyvault-sync", "keyvault-sync-owner": OWNER, "keyvault-sync-prefix": "app-" };
const OPTIONS = { owner: OWNER, prefix: "app-", now: NOW, expiryWarningDays: 30, maxVersions: 10, vaultName: "kv" };

function secret(name: string, fields: Partial<SecretInfo> = {}): SecretInfo {
  return {
    name,
    version: "v1",
    enabled: true,
    managed: false,
    contentType: undefined,
    tags: OURS,
    expiresOn: undefined,
    createdOn: new Date("2026-05-01T00:00:00Z"),
    updatedOn: new Date("2026-05-01T00:00:00Z"),
    recoverableDays: 90,
    ...fields,
  };
}

function input(latest: SecretInfo, versions: SecretInfo[] | "unreadable" = [latest]): SecretHealthInput {
  return versions === "unreadable" ? { latest, versions: undefined, versionsError: "403 ForbiddenByRbac" } : { latest, versions };
}

const days = (count: number) => new Date(NOW.getTime() + count * 86_400_000);

describe("checkHealth", () => {
  it.each([
    ["healthy", input(secret("app-a", { expiresOn: days(31) })), []],
    ["expiring", input(secret("app-a", { expiresOn: days(29.5) })), [["warning", "secret-expiring", /Expires on 2026-06-30, in 30 days/]]],
    ["expiring tomorrow", input(secret("app-a", { expiresOn: days(0.5) })), [["warning", "secret-expiring", /in 1 day \(/]]],
    ["expired", input(secret("app-a", { expiresOn: days(-1) })), [["error", "secret-expired", /Expired on 2026-05-31/]]],
    [
      "at the version limit",
      input(
        secret("app-a"),
        Array.from({ length: 10 }, () => secret("app-a")),
      ),
      [],
    ],
    [
      "many versions",
      input(
        secret("app-a"),
        Array.from({ length: 11 }, () => secret("app-a")),
      ),
      [["warning", "secret-many-versions", /Has 11 versions \(more than 10\)\. Key Vault's backup fails above 500/]],
    ],
    [
      "beyond backup",
      input(
        secret("app-a"),
        Array.from({ length: 501 }, () => secret("app-a")),
      ),
      [["error", "secret-many-versions", /Above 500 versions Key Vault's backup of this secret fails/]],
    ],
    ["disabled", input(secret("app-a", { enabled: false })), [["warning", "secret-disabled", /Disabled/]]],
    [
      "drifted",
      input(secret("app-a", { tags: {} }), [secret("app-a"), secret("app-a", { tags: {} })]),
      [["warning", "secret-drifted", /written outside keyvault-sync after a version this owner synced/]],
    ],
    [
      "owner tag copied by hand onto another owner's name",
      input(secret("app-a", { tags: { ...OURS, "keyvault-sync-owner": "octo/other" } })),
      [["warning", "secret-other-owner", /another owner \('octo\/other'\)/]],
    ],
    [
      "unmanaged inside the prefix",
      input(secret("app-a", { tags: {} }), [secret("app-a", { tags: {} })]),
      [["notice", "secret-unmanaged", /Inside the prefix 'app-' but not created by keyvault-sync/]],
    ],
    [
      "unmanaged, versions unreadable",
      input(secret("app-a", { tags: {} }), "unreadable"),
      [["warning", "secret-versions-unknown", /could not be listed.*403 ForbiddenByRbac/]],
    ],
    [
      "an unmanaged secret's expiry is not ours to report",
      input(secret("app-a", { tags: {}, expiresOn: days(-1) }), [secret("app-a", { tags: {} })]),
      [["notice", "secret-unmanaged", /./]],
    ],
  ] as const)("%s", (_name, health, expected) => {
    const findings = checkHealth([health], OPTIONS);
    expect(findings.map((finding) => [finding.level, finding.code])).toEqual(expected.map(([level, code]) => [level, code]));
    findings.forEach((finding, index) => {
      expect(finding.subject).toBe("app-a");
      expect(finding.message).toMatch(expected[index]![2]);
      expect(finding.fix).toBeTruthy();
    });
  });
});

describe("selectForHealth", () => {
  const secrets = [
    secret("app-ours"),
    secret("APP-Case", { tags: {} }),
    secret("app-cert", { tags: {}, managed: true }),
    secret("other-ours"),
    secret("app-api-x", { tags: { ...OURS, "keyvault-sync-prefix": "app-api-" } }),
    secret("outside", { tags: {} }),
    secret("noprefix-ours", { tags: { "managed-by": "keyvault-sync", "keyvault-sync-owner": OWNER } }),
  ];

  it("takes the owner's set under the prefix and every other name inside it, but no certificate-backed secret", () => {
    expect(selectForHealth(secrets, OWNER, "app-").map((item) => item.name)).toEqual(["app-ours", "APP-Case", "other-ours", "app-api-x"]);
  });

  it("with no prefix, takes only the owner's unprefixed set: every name would be inside an empty prefix", () => {
    expect(selectForHealth(secrets, OWNER, "").map((item) => item.name)).toEqual(["noprefix-ours"]);
  });
});
