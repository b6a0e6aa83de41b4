/**
 * `npm run demo`: starts the local Azure, runs the bundled action against it the way a GitHub
 * runner would, and prints what the runner shows — the log (with masked values as ***), the
 * annotations, the outputs and the job summary — then what the vault holds (never the values).
 */
import { adminGet, adminPut, cloudEnv, startCloud } from "../local-azure/index.ts";
import { githubContext, runAction } from "../tools/run-action.ts";
import type { ActionRun } from "../tools/run-action.ts";

interface SecretView {
  name: string;
  state: string;
  versions: Array<{ version: string; tags?: Record<string, string> }>;
}

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

function printRun(title: string, run: ActionRun): void {
  console.log(`\n${bold(`━━ ${title}`)}`);
  console.log(bold("── Log (as the runner shows it)"));
  console.log(run.visibleLog.trimEnd());
  console.log(bold("── Outputs"));
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`${name.padEnd(13)} ${name === "plan" ? `${(JSON.parse(value) as unknown[]).length} items (JSON)` : value}`);
  }
  console.log(bold("── Job summary"));
  console.log(run.summary.trimEnd());
  console.log(bold(`── Step ${run.exitCode === 0 ? "succeeded" : "failed"} (exit code ${run.exitCode})`));
}

const cloud = await startCloud();
try {
  console.log(bold("Local Azure started"));
  console.log(`  vault ${cloud.info.vaultUrl}, tenant ${cloud.info.tenantId}, app ${cloud.info.clientId}`);
  console.log(`  proxy ${cloud.info.proxy}; the action trusts the test CA through NODE_EXTRA_CA_CERTS`);

  // A secret somebody created by hand: the action must not overwrite it.
  await adminPut(cloud.info.adminUrl, "/vaults/demo-vault/secrets/shop-LEGACY-TOKEN", { value: "created-by-hand-in-the-portal" });

  const inputs = {
    vault: "demo-vault",
    "tenant-id": cloud.info.tenantId,
    "client-id": cloud.info.clientId,
    prefix: "shop-",
    secrets: JSON.stringify({
      DB_PASSWORD: "correct-horse-battery-staple",
      STRIPE_API_KEY: "sk_live_demo_4eC39HqLyjWDarjtT1zdp7dc",
      LEGACY_TOKEN: "a-new-value-the-action-must-not-write",
      github_token: "ghs_the-runner-token-is-never-synced",
    }),
    "env-file": "deploy/production.env",
  };
  const files = {
    "deploy/production.env": [
      "# production settings",
      "ConnectionStrings__Shop=Server=sql.internal;Database=shop;Password=Tr0ub4dor&3",
      "Feature.Flags=checkout-v2,search-beta",
      "EMPTY_FOR_NOW=",
      "",
    ].join("\n"),
  };
  const env = { ...cloudEnv(cloud.info), ...githubContext() };

  printRun("Run 1: first sync from secrets and deploy/production.env", await runAction({ inputs, env, files }));

  // Rotate one value, and take over the hand-made secret on purpose.
  const rotated = { ...(JSON.parse(inputs.secrets) as Record<string, string>), DB_PASSWORD: "rotated-horse-battery-staple" };
  const secondInputs = { ...inputs, secrets: JSON.stringify(rotated), adopt: "true" };
  printRun("Run 2: one value rotated, and adopt: true for the hand-made secret", await runAction({ inputs: secondInputs, env, files }));
  printRun("Run 3: the same input again — nothing to write", await runAction({ inputs: secondInputs, env, files }));

  const { secrets } = await adminGet<{ secrets: SecretView[] }>(cloud.info.adminUrl, "/vaults/demo-vault/secrets");
  console.log(`\n${bold("━━ What demo-vault holds now (values not shown)")}`);
  for (const secret of secrets) {
    const latest = secret.versions.at(-1);
    const owner = latest?.tags?.["keyvault-sync-owner"] ?? "not managed by keyvault-sync";
    console.log(`${secret.name.padEnd(28)} ${String(secret.versions.length).padStart(2)} version(s)  ${owner}`);
  }
} finally {
  await cloud.stop();
}
