/**
 * The engine's sync with fakes at every edge: the order of its stages on each path, and that
 * it writes only through the vault the front door connected.
 */
import { describe, expect, it } from "vitest";
import { syncSecrets } from "../../src/engine/sync.ts";
import type { Connection, SyncEdges, SyncSettings } from "../../src/engine/sync.ts";
import { createFakeVault } from "../fakes/fake-vault.ts";

const SETTINGS: SyncSettings = {
  secretsJson: JSON.stringify({ API_KEY: "value-1", DB_URL: "value-2" }),
  envFiles: [],
  rules: undefined,
  rulesFile: undefined,
  include: [],
  exclude: [],
  prefix: "",
  nameTransform: "hyphens",
  contentType: undefined,
  tags: {},
  expiresInSeconds: undefined,
  owner: "repo",
  prune: false,
  adopt: false,
  concurrency: 2,
  dryRun: false,
};

function edges(connection: Connection | undefined) {
  const stages: string[] = [];
  const notes: number[] = [];
  const edges: SyncEdges<SyncSettings> = {
    readFile: () => Promise.reject(new Error("no files here")),
    now: () => new Date("2026-01-01T00:00:00Z"),
    mask: () => {},
    stage: async (title, work) => {
      stages.push(title);
      return work();
    },
    warning: () => {},
    unusedPattern: () => {},
    progress: () => {},
    connect: () => Promise.resolve(connection),
    audit: () => ({ repository: undefined, runUrl: undefined, commit: undefined, ref: undefined }),
    noteRefusedValues: (count) => void notes.push(count),
  };
  return { edges, stages, notes };
}

describe("syncSecrets", () => {
  it("syncs name by name without prune, in one stage after sign-in", async () => {
    const vault = createFakeVault();
    const run = edges({ vault, claims: undefined });
    const results = await syncSecrets(() => SETTINGS, run.edges);
    expect(run.stages).toEqual(["Read inputs and sources", "Sign in", "Read, plan and apply each secret"]);
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ["API-KEY", "created"],
      ["DB-URL", "created"],
    ]);
    expect(vault.latest("API-KEY")?.value).toBe("value-1");
  });

  it("reads the whole vault, plans and predicts with prune on a dry run, writing nothing", async () => {
    const vault = createFakeVault();
    const run = edges({ vault, claims: undefined });
    const results = await syncSecrets(() => ({ ...SETTINGS, prune: true, dryRun: true }), run.edges);
    expect(run.stages).toEqual(["Read inputs and sources", "Sign in", "Read the vault", "Plan", "Apply (dry run: nothing is written)"]);
    expect(results).toHaveLength(2);
    expect(vault.writeCalls()).toEqual([]);
  });

  it("plans offline when the front door could not connect, and refuses to apply that way", async () => {
    const offline = edges(undefined);
    const results = await syncSecrets(() => ({ ...SETTINGS, dryRun: true }), offline.edges);
    expect(offline.stages).toEqual(["Read inputs and sources", "Sign in", "Plan", "Apply (dry run: nothing is written)"]);
    expect(results.every((result) => result.action === "skip")).toBe(true);
    await expect(syncSecrets(() => SETTINGS, edges(undefined).edges)).rejects.toThrow("no vault client");
  });

  it("reads the settings inside the first stage, so a bad setting fails there", async () => {
    const run = edges(undefined);
    await expect(
      syncSecrets(() => {
        throw new Error("bad input");
      }, run.edges),
    ).rejects.toThrow("bad input");
    expect(run.stages).toEqual(["Read inputs and sources"]);
  });
});
