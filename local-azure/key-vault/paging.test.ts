import { describe, expect, it } from "vitest";
import { createTestVault, putSecret, type TestVault } from "./test-support.ts";

/** Follows nextLink verbatim, as the SDK does, and returns every page. */
async function readAllPages(vault: TestVault, firstPath: string): Promise<any[]> {
  const pages: any[] = [];
  let response = await vault.send("GET", firstPath);
  for (;;) {
    expect(response.status).toBe(200);
    pages.push(response.json);
    const next: string | null = response.json.nextLink;
    if (next === null) return pages;
    const url = new URL(next);
    response = await vault.send("GET", `${url.pathname}${url.search}`, { host: url.host, apiVersion: null });
  }
}

async function seedNames(vault: TestVault, names: string[]): Promise<void> {
  for (const name of names) await vault.admin("PUT", `/vaults/demo-vault/secrets/${name}`, { value: name });
}

describe("GetSecrets", () => {
  it("lists items without values, base ids, sorted by name case-insensitively", async () => {
    const vault = createTestVault();
    await putSecret(vault, "b-two", { value: "2", tags: { k: "v" }, contentType: "text/plain" });
    await putSecret(vault, "A-one", { value: "1" });
    await putSecret(vault, "c-three", { value: "3" });
    const response = await vault.send("GET", "/secrets");
    expect(response.operation).toBe("GetSecrets");
    expect(response.json.nextLink).toBeNull();
    const items = response.json.value;
    expect(items.map((item: any) => item.id)).toEqual([
      "https://demo-vault.vault.azure.net/secrets/A-one",
      "https://demo-vault.vault.azure.net/secrets/b-two",
      "https://demo-vault.vault.azure.net/secrets/c-three",
    ]);
    expect(items[1]).toEqual({
      contentType: "text/plain",
      id: "https://demo-vault.vault.azure.net/secrets/b-two",
      attributes: expect.objectContaining({ enabled: true, recoveryLevel: "Recoverable+Purgeable", recoverableDays: 90 }),
      tags: { k: "v" },
    });
    for (const item of items) expect(item).not.toHaveProperty("value");
  });

  it("answers an empty vault with the recorded 28-byte last page", async () => {
    const vault = createTestVault();
    expect((await vault.send("GET", "/secrets")).body).toBe('{"value":[],"nextLink":null}');
  });

  it("pages 25 at a time by default with an absolute nextLink carrying :443, api-version, $skiptoken and maxresults", async () => {
    const vault = createTestVault();
    const names = Array.from({ length: 60 }, (_, i) => `secret-${String(i).padStart(3, "0")}`);
    await seedNames(vault, names);
    const first = await vault.send("GET", "/secrets", { apiVersion: "7.6" });
    expect(first.json.value).toHaveLength(25);
    const next = new URL(first.json.nextLink);
    expect(first.json.nextLink.startsWith("https://demo-vault.vault.azure.net:443/secrets?api-version=7.6&$skiptoken=")).toBe(true);
    expect(next.searchParams.get("maxresults")).toBe("25");
    const pages = await readAllPages(vault, "/secrets");
    expect(pages.map((page) => page.value.length)).toEqual([25, 25, 10]);
    expect(pages.flatMap((page) => page.value.map((item: any) => item.id.split("/").pop()))).toEqual(names);
  });

  it("honours maxresults and keeps it in nextLink", async () => {
    const vault = createTestVault();
    await seedNames(vault, ["a", "b", "c", "d", "e"]);
    const pages = await readAllPages(vault, "/secrets?maxresults=2");
    expect(pages.map((page) => page.value.length)).toEqual([2, 2, 1]);
    expect(new URL(pages[0].nextLink).searchParams.get("maxresults")).toBe("2");
  });

  it("keeps paging stable when a secret is added between pages", async () => {
    const vault = createTestVault();
    await seedNames(vault, ["a", "c", "e"]);
    const first = await vault.send("GET", "/secrets?maxresults=2");
    await seedNames(vault, ["b", "d"]);
    const next = new URL(first.json.nextLink);
    const second = await vault.send("GET", `${next.pathname}${next.search}`, { apiVersion: null });
    expect(second.json.value.map((item: any) => item.id.split("/").pop())).toEqual(["d", "e"]);
  });

  it.each(["0", "26", "abc", "-1", "2.5"])("rejects maxresults=%s with 400 BadParameter", async (maxresults) => {
    const vault = createTestVault();
    const response = await vault.send("GET", `/secrets?maxresults=${maxresults}`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: { code: "BadParameter", message: `Invalid value for maxresults: ${maxresults}. It must be an integer from 1 to 25.` },
    });
  });

  it("rejects a forged $skiptoken with 400", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets?$skiptoken=not-base64-json");
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe("BadParameter");
  });

  it("ends with an extra empty page when the vault is configured so", async () => {
    const vault = createTestVault({ trailingEmptyPage: true });
    await seedNames(vault, ["a", "b", "c"]);
    const pages = await readAllPages(vault, "/secrets?maxresults=3");
    expect(pages.map((page) => page.value.length)).toEqual([3, 0]);
    expect(pages[1]).toEqual({ value: [], nextLink: null });
  });

  it("does not list deleted secrets", async () => {
    const vault = createTestVault();
    await seedNames(vault, ["keep", "gone"]);
    await vault.send("DELETE", "/secrets/gone");
    expect((await vault.send("GET", "/secrets")).json.value.map((item: any) => item.id.split("/").pop())).toEqual(["keep"]);
  });
});

describe("GetSecretVersions", () => {
  it("lists every version with a versioned id, oldest first, paged", async () => {
    const vault = createTestVault();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await putSecret(vault, "rotated", { value: `v${i}` })).id);
    const pages = await readAllPages(vault, "/secrets/rotated/versions?maxresults=3");
    expect(pages.map((page) => page.value.length)).toEqual([3, 1]);
    expect(pages[0].nextLink.startsWith("https://demo-vault.vault.azure.net:443/secrets/rotated/versions?")).toBe(true);
    const listed = pages.flatMap((page) => page.value);
    expect(listed.map((item: any) => item.id)).toEqual(ids);
    for (const item of listed) expect(item).not.toHaveProperty("value");
  });

  it("answers a missing name with 200 and an empty last page", async () => {
    const vault = createTestVault();
    const response = await vault.send("GET", "/secrets/never-existed/versions");
    expect(response.status).toBe(200);
    expect(response.operation).toBe("GetSecretVersions");
    expect(response.body).toBe('{"value":[],"nextLink":null}');
  });
});

describe("GetDeletedSecrets", () => {
  it("lists deleted secrets with recoveryId and dates, sorted and paged", async () => {
    const vault = createTestVault();
    await seedNames(vault, ["x-one", "x-two", "x-three", "alive"]);
    for (const name of ["x-two", "x-one", "x-three"]) await vault.send("DELETE", `/secrets/${name}`);
    const pages = await readAllPages(vault, "/deletedsecrets?maxresults=2");
    expect(pages.map((page) => page.value.length)).toEqual([2, 1]);
    const items = pages.flatMap((page) => page.value);
    expect(items.map((item: any) => item.recoveryId)).toEqual([
      "https://demo-vault.vault.azure.net/deletedsecrets/x-one",
      "https://demo-vault.vault.azure.net/deletedsecrets/x-three",
      "https://demo-vault.vault.azure.net/deletedsecrets/x-two",
    ]);
    const deletedDate = Math.floor(vault.clock.now() / 1000);
    expect(items[0]).toEqual({
      recoveryId: "https://demo-vault.vault.azure.net/deletedsecrets/x-one",
      deletedDate,
      scheduledPurgeDate: deletedDate + 90 * 86_400,
      id: "https://demo-vault.vault.azure.net/secrets/x-one",
      attributes: expect.objectContaining({ enabled: true }),
    });
  });
});
