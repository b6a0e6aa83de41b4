/**
 * A run that outlives its access token: Entra issues 2-second tokens and GitHub 3-second OIDC
 * tokens, and the vault answers slowly enough that the run lasts several lifetimes. Nobody's
 * clock is moved; the tokens really expire. The run must renew both (a fresh OIDC token for each
 * new access token) and sync everything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminGet, DEFAULT_CLIENT_ID, startCloud } from "../../local-azure/index.ts";
import type { Cloud, RequestLogView } from "../../local-azure/index.ts";
import { makeCanary } from "../../tools/leak-check.ts";
import { createVault, readCounts, readVault, runSync } from "../../tools/vault-helpers.ts";

const ACCESS_TOKEN_SECONDS = 2;
let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud({
    apps: [{ clientId: DEFAULT_CLIENT_ID, accessTokenLifetimeSeconds: ACCESS_TOKEN_SECONDS }],
    github: { lifetimeSeconds: 3 },
  });
});

afterAll(async () => {
  await cloud?.stop();
});

async function countRequests(host: string, operation: string): Promise<number> {
  const view = await adminGet<RequestLogView>(cloud.info.adminUrl, `/requests?host=${encodeURIComponent(host)}`);
  return view.counts[operation] ?? 0;
}

describe("a run longer than its access token's lifetime", () => {
  it("renews the token (with a fresh OIDC token each time) and syncs every secret", async () => {
    const vault = "renew-vault";
    await createVault(cloud.info, vault, "Key Vault Secrets Officer", { faults: { latencyMs: 300 } });
    const secrets = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`RENEW_${index}`, makeCanary("renew")]));
    const run = await runSync(cloud.info, vault, { secrets: JSON.stringify(secrets) });

    expect(run.exitCode, run.stdout).toBe(0);
    expect(readCounts(run)).toMatchObject({ created: 40, failed: 0 });
    expect(run.timing.exitMs, "the run outlasted at least two token lifetimes").toBeGreaterThan(2 * ACCESS_TOKEN_SECONDS * 1000);
    expect(await countRequests("login.microsoftonline.com", "EntraToken")).toBeGreaterThanOrEqual(2);
    expect(await countRequests("pipelines.actions.githubusercontent.com", "GitHubIdToken")).toBeGreaterThanOrEqual(2);
    const stored = await readVault(cloud.info, vault);
    expect(stored.map((secret) => secret.versions.at(-1)?.value).sort()).toEqual(Object.values(secrets).sort());
  });
});
