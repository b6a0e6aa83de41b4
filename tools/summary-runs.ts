/**
 * Four runs whose job summaries a reviewer must be able to read at a glance, set up in the
 * local Azure and run through the bundled action: a 60-secret sync with 2 changes, a pull
 * request's plan that deletes, 5 failures that share one fix, and a sign-in failure. Used by
 * test/e2e/summary.test.ts and by `npm run preview-summary`.
 */
import { adminGet, adminPatch } from "../local-azure/index.ts";
import type { CloudInfo } from "../local-azure/index.ts";
import { makeCanary } from "./leak-check.ts";
import { createVault, ownedBy, runSync, seedSecret } from "./vault-helpers.ts";
import type { SyncRun } from "./vault-helpers.ts";

export interface SummaryRun {
  name: string;
  title: string;
  run(info: CloudInfo): Promise<SyncRun>;
}

const ENV_FILE = "deploy/production.env";
const PULL_REQUEST = { GITHUB_EVENT_NAME: "pull_request", GITHUB_REF: "refs/pull/7/merge" };

const numbered = (stem: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${stem}_${String(index + 1).padStart(2, "0")}`);

function dotenv(values: ReadonlyMap<string, string>): string {
  return ["# production settings", ...[...values].map(([key, value]) => `${key}=${value}`), ""].join("\n");
}

/** 60 secrets from a dotenv file, synced once; the second run changes SETTING_08 and SETTING_34. */
async function sixtyWithTwoChanges(info: CloudInfo): Promise<SyncRun> {
  const vault = "summary-sixty";
  await createVault(info, vault);
  const values = new Map(numbered("SETTING", 60).map((key) => [key, makeCanary("v")]));
  const first = await runSync(info, vault, { "env-file": ENV_FILE }, {}, { [ENV_FILE]: dotenv(values) });
  if (first.exitCode !== 0) throw new Error(`The first sync failed:\n${first.stdout}`);
  values.set("SETTING_08", makeCanary("changed"));
  values.set("SETTING_34", makeCanary("changed"));
  return runSync(info, vault, { "env-file": ENV_FILE }, {}, { [ENV_FILE]: dotenv(values) });
}

/** A pull request's plan with prune: 20 secrets kept, 1 new, 3 no source lists any more. */
async function planThatDeletes(info: CloudInfo): Promise<SyncRun> {
  const vault = "summary-deletes";
  await createVault(info, vault);
  const tags = { ...ownedBy(), "keyvault-sync-prefix": "app-" };
  const kept = new Map(numbered("SERVICE", 20).map((key) => [key, makeCanary("k")]));
  for (const [key, value] of kept) await seedSecret(info, vault, `app-${key.replaceAll("_", "-")}`, { value, tags });
  for (const name of ["app-LEGACY-TOKEN", "app-OLD-WEBHOOK", "app-SERVICE-99"])
    await seedSecret(info, vault, name, { value: makeCanary("old"), tags });
  const secrets = JSON.stringify({ ...Object.fromEntries(kept), NEW_FEATURE_KEY: makeCanary("n") });
  return runSync(info, vault, { secrets, prefix: "app-", prune: "true" }, PULL_REQUEST);
}

/** An identity that may read but not write: 5 new secrets fail with the same fix. */
async function fiveFailuresOneFix(info: CloudInfo): Promise<SyncRun> {
  const vault = "summary-forbidden";
  await createVault(info, vault, "Key Vault Secrets User");
  const existing = new Map(numbered("EXISTING", 8).map((key) => [key, makeCanary("e")]));
  for (const [key, value] of existing) await seedSecret(info, vault, key.replaceAll("_", "-"), { value, tags: ownedBy() });
  const secrets = JSON.stringify({
    ...Object.fromEntries(existing),
    ...Object.fromEntries(numbered("NEW_API_KEY", 5).map((key) => [key, makeCanary("a")])),
  });
  return runSync(info, vault, { secrets });
}

/** The federated credential is for the production environment; the job runs in staging. */
async function signInFailure(info: CloudInfo): Promise<SyncRun> {
  const vault = "summary-sign-in";
  await createVault(info, vault);
  const before = await adminGet<{ subject: string }>(info.adminUrl, "/github");
  await adminPatch(info.adminUrl, "/github", { subject: "repo:octo-org/octo-repo:environment:staging" });
  try {
    return await runSync(info, vault, { secrets: JSON.stringify({ DB_PASSWORD: makeCanary("p") }), prefix: "shop-" });
  } finally {
    await adminPatch(info.adminUrl, "/github", { subject: before.subject });
  }
}

export const SUMMARY_RUNS: readonly SummaryRun[] = [
  { name: "sixty-secrets-two-changes", title: "A 60-secret sync with 2 changes", run: sixtyWithTwoChanges },
  { name: "plan-that-deletes", title: "A pull request's plan that deletes", run: planThatDeletes },
  { name: "five-failures-one-fix", title: "5 failures sharing one fix", run: fiveFailuresOneFix },
  { name: "sign-in-failure", title: "A sign-in failure", run: signInFailure },
];
