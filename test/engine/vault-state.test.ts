import { describe, expect, it } from "vitest";
import { readVaultState } from "../../src/engine/vault-state.ts";
import type { ExistingSecret, VaultState } from "../../src/engine/vault-state.ts";
import type { DesiredSecret } from "../../src/engine/naming.ts";
import { SyncError } from "../../src/engine/errors.ts";
import { MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG } from "../../src/engine/tags.ts";
import { createFakeVault } from "../fakes/fake-vault.ts";

const OWNER = "octo-org/app";
const OURS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: OWNER };
const THEIRS = { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: "octo-org/other" };

function desired(...names: string[]): DesiredSecret[] {
  return names.map((name) => ({ source: name, name, value: "new", origin: { kind: "secrets" } }));
}

function secretIn(state: VaultState, name: string): ExistingSecret {
  const found = state.secrets.find((secret) => secret.name === name);
  if (!found) throw new Error(`no ${name} in state`);
  return found;
}

describe("readVaultState", () => {
  it("lists once, and reads values only where the plan can use them", async () => {
    const vault = createFakeVault()
      .seed("ours", "1", { tags: OURS })
      .seed("untagged", "2")
      .seed("theirs", "3", { tags: THEIRS })
      .seed("cert", "4", { tags: OURS, managed: true })
      .seed("off", "5", { tags: OURS, enabled: false })
      .seed("not-wanted", "6", { tags: OURS })
      .seedDeleted("gone", "7", { tags: OURS });
    const state = await readVaultState(vault, desired("OURS", "untagged", "theirs", "cert", "off", "missing"), {
      owner: OWNER,
      concurrency: 4,
    });

    const count = (operation: string) => vault.calls.filter((call) => call.operation === operation).length;
    expect([count("list"), count("list-deleted")]).toEqual([1, 1]);
    expect(
      vault.calls
        .filter((call) => call.operation === "get")
        .map((call) => call.name)
        .sort(),
    ).toEqual(["ours", "untagged"]);
    expect(vault.calls.filter((call) => call.operation === "list-versions").map((call) => call.name)).toEqual(["untagged"]);

    expect(secretIn(state, "ours").value).toEqual({ kind: "read", value: "1" });
    expect(secretIn(state, "untagged").value).toEqual({ kind: "read", value: "2" });
    for (const name of ["theirs", "cert", "off", "not-wanted"]) expect(secretIn(state, name).value).toEqual({ kind: "not-read" });
    expect(state.secrets).toHaveLength(6);
    expect(state.deleted.map((secret) => [secret.name, secret.tags])).toEqual([["gone", OURS]]);
  });

  it("skips values of secrets it may not adopt when adopt is off", async () => {
    const vault = createFakeVault().seed("untagged", "2").seed("ours", "1", { tags: OURS });
    await readVaultState(vault, desired("untagged", "ours"), { owner: OWNER, concurrency: 2, adopt: false });
    expect(vault.calls.filter((call) => call.operation === "get").map((call) => call.name)).toEqual(["ours"]);
  });

  it("traces drift: the latest version lost its tags but an older one was ours", async () => {
    const vault = createFakeVault()
      .seed("drifted", "1", { tags: OURS, createdOn: new Date("2026-01-02T00:00:00Z") })
      .seed("drifted", "edited by hand", { createdOn: new Date("2026-03-04T00:00:00Z") })
      .seed("never", "1")
      .seed("never", "2", { tags: THEIRS })
      .seed("never", "3");
    const state = await readVaultState(vault, desired("drifted", "never"), { owner: OWNER, concurrency: 2 });
    expect(secretIn(state, "drifted").history).toEqual({ kind: "owned-before", lastOwnedOn: new Date("2026-01-02T00:00:00Z") });
    expect(secretIn(state, "never").history).toEqual({ kind: "never-owned" });
  });

  it("turns per-name read failures into data", async () => {
    const vault = createFakeVault()
      .seed("a", "1", { tags: OURS })
      .seed("b", "2")
      .failNext("get", "a", "forbidden-rbac")
      .failNext("list-versions", "b", "throttled");
    const state = await readVaultState(vault, desired("a", "b"), { owner: OWNER, concurrency: 2 });
    expect(secretIn(state, "a").value).toMatchObject({
      kind: "failed",
      failure: {
        kind: "forbidden-rbac",
        message: expect.stringMatching(/^Failed to read secret 'a'/),
        hint: expect.stringMatching(/Key Vault Secrets User/),
      },
    });
    expect(secretIn(state, "b").history).toMatchObject({ kind: "failed", failure: { kind: "throttled" } });
  });

  it("keeps going without the deleted list, and says why it is missing", async () => {
    const vault = createFakeVault().seed("a", "1", { tags: OURS }).failNext("list-deleted", undefined, "forbidden-rbac");
    const state = await readVaultState(vault, desired("a"), { owner: OWNER, concurrency: 1 });
    expect(state.deleted).toEqual([]);
    expect(state.deletedUnavailable).toMatchObject({
      kind: "forbidden-rbac",
      message: expect.stringMatching(/^Failed to list deleted secrets/),
    });
  });

  it.each([
    { kind: "forbidden-firewall" as const, hint: /self-hosted runner inside the vault's virtual network/ },
    { kind: "forbidden-rbac" as const, hint: /--role "Key Vault Reader"/ },
    { kind: "forbidden-policy" as const, hint: /az keyvault set-policy --name fake-vault/ },
  ])("throws a triaged SyncError when the listing itself is refused ($kind)", async ({ kind, hint }) => {
    const vault = createFakeVault().failNext("list", undefined, kind);
    const error = await readVaultState(vault, desired("a"), { owner: OWNER, concurrency: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toMatch(/^Failed to list secrets in vault 'fake-vault'/);
    expect((error as SyncError).hint).toMatch(hint);
  });

  it("reads values with the bounded concurrency it was given", async () => {
    const vault = createFakeVault();
    const names = Array.from({ length: 12 }, (_, i) => `s${i}`);
    for (const name of names) vault.seed(name, "v", { tags: OURS });
    await readVaultState(vault, desired(...names), { owner: OWNER, concurrency: 5 });
    expect(vault.maxInFlight).toBe(5);
  });

  it("takes properties from the GET, which belongs to the value it compared", async () => {
    const vault = createFakeVault().seed("a", "1", { tags: OURS, contentType: "text/plain" });
    const state = await readVaultState(vault, desired("A"), { owner: OWNER, concurrency: 1 });
    expect(secretIn(state, "a")).toMatchObject({
      name: "a",
      version: vault.latest("a")?.version,
      contentType: "text/plain",
      value: { kind: "read", value: "1" },
    });
  });
});

describe("masking values read from the vault", () => {
  it("registers every value it reads, and each line of a multi-line one, with the masker", async () => {
    const vault = createFakeVault()
      .seed("pem", "line-one\nline-two", { tags: OURS })
      .seed("plain", "stored-value", { tags: OURS })
      .seed("theirs", "not-read", { tags: THEIRS });
    const masked: string[] = [];
    await readVaultState(vault, desired("pem", "plain", "theirs"), { owner: OWNER, concurrency: 2, mask: (value) => masked.push(value) });
    expect(masked.sort()).toEqual(["line-one", "line-one\nline-two", "line-two", "stored-value"]);
  });
});
