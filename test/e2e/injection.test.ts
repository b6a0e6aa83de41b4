/**
 * Workflow-command injection, end to end: the bundled action runs against the local Azure with
 * hostile text in every place text comes from outside — source names, inputs, tags read from the
 * vault, Azure's and Entra's error messages, the OIDC token's claims — and the runner's view of
 * its stdout and stderr (runner-model.ts) must hold no command but the ones the action meant:
 * its annotations, masks and debug lines, each as many as expected.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPatch, cloudEnv, startCloud } from "../../local-azure/index.ts";
import type { Cloud, CloudInfo } from "../../local-azure/index.ts";
import { findRunnerCommands } from "../runner-model.ts";
import type { RunnerCommand } from "../runner-model.ts";
import { findLeaks, makeCanary } from "../../tools/leak-check.ts";
import { githubContext, runAction } from "../../tools/run-action.ts";
import type { ActionRun, RunOptions } from "../../tools/run-action.ts";
import { createVault, ownedBy, readLatest, readVault, seedSecret } from "../../tools/vault-helpers.ts";

/** Commands an attacker would want the runner to run; each is recognisable by `INJECTED` or the `e` mask. */
const PAYLOADS = [
  "::warning title=INJECTED::pwned",
  "::error::INJECTED",
  "  ::notice title=INJECTED::pwned",
  "##[warning]INJECTED",
  "::add-mask::e",
  "::stop-commands::INJECTED",
  "::set-output name=changed::INJECTED",
  "\u200b::debug::INJECTED",
  "::group::INJECTED",
];
const BREAKS = ["\n", "\r", "\r\n"];
/** One text holding every payload, each on a line of its own. */
const HOSTILE = PAYLOADS.map((payload, index) => `${BREAKS[index % BREAKS.length]}${payload}`).join("");

const MEANT = new Set(["add-mask", "error", "warning", "notice", "debug", "group", "endgroup"]);

/** A command the action did not mean to write: a foreign name, the legacy form, or a payload's marks. */
function isInjected(command: RunnerCommand): boolean {
  return (
    command.form !== "::" ||
    !MEANT.has(command.name) ||
    command.properties["title"] === "INJECTED" ||
    command.data.startsWith("INJECTED") ||
    (command.name === "add-mask" && command.data === "e")
  );
}

function expectNoInjection(run: ActionRun): void {
  expect(findRunnerCommands(run.stdout).filter(isInjected), "injected commands on stdout").toEqual([]);
  expect(findRunnerCommands(run.stderr), "commands on stderr").toEqual([]);
}

function countAnnotations(run: ActionRun): Record<string, number> {
  const counts: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of run.annotations) counts[annotation.level] = (counts[annotation.level] ?? 0) + 1;
  return counts;
}

let cloud: Cloud;
let info: CloudInfo;

beforeAll(async () => {
  cloud = await startCloud();
  info = cloud.info;
});

afterAll(async () => {
  await cloud?.stop();
});

async function run(target: CloudInfo, options: RunOptions & { context?: Record<string, string> }, values: string[]): Promise<ActionRun> {
  const result = await runAction({
    ...options,
    inputs: { "tenant-id": target.tenantId, "client-id": target.clientId, ...options.inputs },
    env: { ...cloudEnv(target), ...githubContext(options.context), ...options.env },
  });
  expect(findLeaks(result, values), "secret values in the action's output").toEqual([]);
  return result;
}

describe.concurrent("workflow commands in outside text (bundled action against the local Azure)", () => {
  it("in source names from the secrets JSON, printed with the names they sync to or failing in annotations", async () => {
    await createVault(info, "inject-json");
    const good = makeCanary("good");
    const names = [
      ...PAYLOADS.map((payload, index) => `K${index}${BREAKS[index % BREAKS.length]}${payload}`),
      "K%0A::warning title=INJECTED::pwned",
    ];
    const secrets = Object.fromEntries([["GOOD", good], ...names.map((name) => [name, makeCanary("bad")])]);
    const inputs = { vault: "inject-json", secrets: JSON.stringify(secrets) };

    // The default transform turns each name into a valid one; the log shows where each came from.
    const synced = await run(info, { inputs }, Object.values(secrets));
    expectNoInjection(synced);
    expect(synced.exitCode, synced.visibleLog).toBe(0);
    expect(synced.stdout).toContain("\\::warning title=INJECTED::pwned");
    expect(countAnnotations(synced)).toEqual({ error: 0, warning: 0, notice: 0 });
    expect(await readVault(info, "inject-json")).toHaveLength(1 + names.length);
    expect((await readLatest(info, "inject-json", "GOOD")).value).toBe(good);

    // Without it every hostile name fails: nine annotations of their own and a tenth that counts the rest.
    const failed = await run(info, { inputs: { ...inputs, "name-transform": "none", "dry-run": "true" } }, Object.values(secrets));
    expectNoInjection(failed);
    expect(failed.exitCode).toBe(1);
    expect(countAnnotations(failed)).toEqual({ error: 10, warning: 0, notice: 1 });
  });

  it("in dotenv lines and an env-file path", async () => {
    await createVault(info, "inject-dotenv");
    const good = makeCanary("good");
    const file = [
      `GOOD=${good}`,
      ...PAYLOADS.map((payload, index) => `K${index}=${makeCanary("v")}${BREAKS[index % BREAKS.length]}${payload}=1`),
    ].join("\n");
    const synced = await run(info, { inputs: { vault: "inject-dotenv", "env-file": "app.env" }, files: { "app.env": file } }, [good]);
    expectNoInjection(synced);
    const missing = await run(info, { inputs: { vault: "inject-dotenv", "env-file": "missing ##[warning]INJECTED.env" } }, []);
    expectNoInjection(missing);
    expect(missing.exitCode).toBe(1);
    expect(countAnnotations(missing)).toEqual({ error: 1, warning: 0, notice: 0 });
  });

  it("in the tags and owner inputs", async () => {
    await createVault(info, "inject-inputs");
    const value = makeCanary("v");
    const tags = await run(
      info,
      { inputs: { vault: "inject-inputs", secrets: JSON.stringify({ A: value }), tags: `team=shop${HOSTILE}` } },
      [value],
    );
    expectNoInjection(tags);
    expect(tags.exitCode).toBe(1);
    expect(countAnnotations(tags)).toEqual({ error: 1, warning: 0, notice: 0 });
    const owner = await run(
      info,
      { inputs: { vault: "inject-inputs", secrets: JSON.stringify({ A: value }), owner: `team${HOSTILE}`, "dry-run": "true" } },
      [value],
    );
    expectNoInjection(owner);
  });

  it("in an owner tag and other tags read from the vault", async () => {
    await createVault(info, "inject-tags");
    const stored = makeCanary("stored");
    await seedSecret(info, "inject-tags", "TAKEN", {
      value: stored,
      tags: { ...ownedBy(`someone-else${HOSTILE}`), "keyvault-sync-prefix": `p${HOSTILE}`, "keyvault-sync-run": HOSTILE },
    });
    await seedSecret(info, "inject-tags", "MINE", {
      value: stored,
      tags: { ...ownedBy(), "keyvault-sync-run": `https://example.invalid/${HOSTILE}`, note: HOSTILE },
    });
    const taken = makeCanary("taken");
    const mine = makeCanary("mine");
    const result = await run(
      info,
      { inputs: { vault: "inject-tags", secrets: JSON.stringify({ TAKEN: taken, MINE: mine }), prune: "true" } },
      [stored, taken, mine],
    );
    expectNoInjection(result);
    expect(result.stdout).toContain("someone-else"); // the hostile owner tag was really printed
    expect(result.exitCode).toBe(1);
    expect(countAnnotations(result)).toEqual({ error: 1, warning: 0, notice: 0 });
    expect((await readLatest(info, "inject-tags", "MINE")).value).toBe(mine);
  });

  it("in Azure's error message (an access-policy denial naming a hostile vault location)", async () => {
    // Key Vault quotes the vault's location in the first line of this denial, the line the
    // action prints. The location travels in a response header too, so it cannot hold a line
    // break: this covers the legacy form, which the runner finds anywhere in a line.
    await createVault(info, "inject-denied", "none", {
      accessModel: "access-policy",
      accessPolicies: [],
      location: "westus ##[warning]INJECTED ##[add-mask]e",
    });
    const value = makeCanary("v");
    // With AZURE_LOG_LEVEL the SDK logs the answers' headers, the region among them, on stderr.
    const env = { AZURE_LOG_LEVEL: "info" };
    const result = await run(info, { inputs: { vault: "inject-denied", secrets: JSON.stringify({ A: value, B: makeCanary("w") }) }, env }, [
      value,
    ]);
    expectNoInjection(result);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("location=westus ##\\[warning]INJECTED"); // the denial was really printed
    expect(result.stderr).toContain("westus ##\\[warning]INJECTED"); // and so was the header
    expect(countAnnotations(result)).toEqual({ error: 1, warning: 0, notice: 0 });
    expect(await readVault(info, "inject-denied")).toEqual([]);
  });
});

describe("workflow commands in the OIDC token and Entra's answer", () => {
  let oidcCloud: Cloud;

  beforeAll(async () => {
    oidcCloud = await startCloud();
  });

  afterAll(async () => {
    await oidcCloud?.stop();
  });

  it("in claims logged before sign-in and in Entra's subject mismatch (AADSTS700213)", async () => {
    const target = oidcCloud.info;
    await createVault(target, "inject-oidc");
    await adminPatch(target.adminUrl, "/github", {
      subject: `repo:octo-org/octo-repo:environment:production${HOSTILE}`,
      claims: { environment: `production${HOSTILE}`, job_workflow_ref: HOSTILE },
    });
    const value = makeCanary("v");
    const result = await run(target, { inputs: { vault: "inject-oidc", secrets: JSON.stringify({ A: value }) } }, [value]);
    expectNoInjection(result);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("700213");
    expect(result.stdout).toContain("environment: production"); // the hostile claims were really printed
    expect(countAnnotations(result)).toEqual({ error: 1, warning: 0, notice: 0 });
    expect(await readVault(target, "inject-oidc")).toEqual([]);
  });
});
