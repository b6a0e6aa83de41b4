/**
 * Reading the vault by name (no prune): no listing of a big shared vault, a deleted-entry read
 * only for names that answered 404, and the listing only when a read was refused.
 */
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
const BY_NAME = { owner: OWNER, concurrency: 4, listAll: false } as const;

function desired(...names: string[]): DesiredSecret[] {
  return names.map((name) => ({ source: name, name, value: "new", origin: { kind: "secrets" } }));
}

function secretIn(state: VaultState, name: string): ExistingSecret {
  const found = state.secrets.find((secret) => secret.name === name);
  if (!found) throw new Error(`no ${name} in state`);
  return found;
}

describe("readVaultState by name", () => {
  it("reads only the wanted names, and the deleted entry only of names that are not there", async () => {
    const vault = createFakeVault()
      .seed("ours", "1", { tags: OURS })
      .seed("untagged", "2")
      .seed("theirs", "3", { tags: THEIRS })
      .seed("cert", "4", { tags: OURS, managed: true })
      .seed("not-wanted", "6", { tags: OURS })
      .seedDeleted("gone", "7", { tags: OURS });
    const masked: string[] = [];
    const state = await readVaultState(vault, desired("OURS", "untagged", "theirs", "cert", "missing", "gone"), {
      ...BY_NAME,
      mask: (value) => masked.push(value),
    });

    const names = (operation: string) =>
      vault.calls
        .filter((call) => call.operation === operation)
        .map((call) => call.name)
        .sort();
    expect([names("list"), names("list-deleted")]).toEqual([[], []]);
    expect(names("get-deleted")).toEqual(["gone", "missing"]);
    expect(names("list-versions")).toEqual(["untagged"]);
    expect(secretIn(state, "ours").value).toEqual({ kind: "read", value: "1" });
    expect(secretIn(state, "untagged").value).toEqual({ kind: "read", value: "2" });
    expect(secretIn(state, "untagged").history).toEqual({ kind: "never-owned" });
    for (const name of ["theirs", "cert"]) expect(secretIn(state, name).value).toEqual({ kind: "not-read" });
    expect(state.secrets.map((secret) => secret.name).sort()).toEqual(["cert", "ours", "theirs", "untagged"]);
    expect(state.deleted.map((secret) => [secret.name, secret.tags])).toEqual([["gone", OURS]]);
    // Every value that reached the process is masked, kept or not.
    expect(masked.sort()).toEqual(["1", "2", "3", "4"]);
  });

  it("keeps a value it may not adopt out of the state when adopt is off", async () => {
    const vault = createFakeVault().seed("untagged", "2");
    const state = await readVaultState(vault, desired("untagged"), { ...BY_NAME, adopt: false });
    expect(secretIn(state, "untagged").value).toEqual({ kind: "not-read" });
  });

  it("lists once when reads are refused, and plans those names from the listing", async () => {
    const vault = createFakeVault()
      .seed("off", "5", { tags: OURS, enabled: false })
      .seed("a", "1", { tags: OURS })
      .seed("b", "2", { tags: OURS })
      .failNext("get", "a", "forbidden-rbac")
      .failNext("get", "new", "forbidden-rbac");
    const state = await readVaultState(vault, desired("off", "a", "b", "new"), BY_NAME);
    expect(vault.calls.filter((call) => call.operation === "list")).toHaveLength(1);
    expect(secretIn(state, "off").value).toEqual({ kind: "not-read" });
    expect(secretIn(state, "off").enabled).toBe(false);
    expect(secretIn(state, "a").value).toMatchObject({ kind: "failed", failure: { kind: "forbidden-rbac" } });
    expect(secretIn(state, "b").value).toEqual({ kind: "read", value: "2" });
    // Refused, and not in the listing: a create, checked against the deleted entries.
    expect(state.secrets.find((secret) => secret.name === "new")).toBeUndefined();
    expect(vault.calls.filter((call) => call.operation === "get-deleted").map((call) => call.name)).toEqual(["new"]);
  });

  it("ends the run like the listing mode when a refused read's listing is refused too", async () => {
    const vault = createFakeVault()
      .seed("a", "1", { tags: OURS })
      .failNext("get", undefined, "forbidden-firewall", 5)
      .failNext("list", undefined, "forbidden-firewall");
    const error = await readVaultState(vault, desired("a", "b"), BY_NAME).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toMatch(/^Failed to list secrets in vault 'fake-vault'/);
  });

  it("says why soft-deleted names could not be checked", async () => {
    const vault = createFakeVault().failNext("get-deleted", "new", "forbidden-rbac");
    const state = await readVaultState(vault, desired("new"), BY_NAME);
    expect(state.secrets).toEqual([]);
    expect(state.deletedUnavailable).toMatchObject({ kind: "forbidden-rbac" });
  });
});

describe("readVaultState with the listing (prune)", () => {
  it("starts reading wanted names while later pages of the listing are still to come", async () => {
    const vault = createFakeVault();
    for (let index = 0; index < 80; index++) vault.seed(`s${String(index).padStart(3, "0")}`, "v", { tags: OURS });
    const listSecrets = vault.listSecrets.bind(vault);
    let callsWhenListed = -1;
    vault.listSecrets = async (onPage) => {
      const listed = await listSecrets(onPage);
      callsWhenListed = vault.calls.length;
      return listed;
    };
    const state = await readVaultState(vault, desired("s000", "s001", "s079"), { owner: OWNER, concurrency: 4 });
    const firstRead = vault.calls.findIndex((call) => call.operation === "get");
    expect(firstRead).toBeGreaterThanOrEqual(0);
    expect(firstRead).toBeLessThan(callsWhenListed);
    expect(state.secrets).toHaveLength(80);
    for (const name of ["s000", "s001", "s079"]) expect(secretIn(state, name).value).toEqual({ kind: "read", value: "v" });
    expect(vault.calls.filter((call) => call.operation === "get")).toHaveLength(3);
  });
});
