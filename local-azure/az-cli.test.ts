/**
 * A real Microsoft client against the local Azure: the Azure CLI (Debian's azure-cli 2.45) signs
 * in with a GitHub OIDC token through the proxy, with nothing but HTTPS_PROXY and
 * REQUESTS_CA_BUNDLE pointing it at the stand-in. TLS verification stays on throughout.
 */
import { execFile, execFileSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudEnv, startCloud, type Cloud, type RequestLogEntry } from "./index.ts";
import { fetchGitHubIdToken } from "./test-support.ts";

const AZ_TIMEOUT_MS = 120_000;
const VAULT = "demo-vault";
/** az's own connectivity probe for its version check; refused by the proxy, so az stays offline. */
const EXPECTED_REFUSALS = new Set(["azure.microsoft.com:443"]);

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

const azPath = findOnPath("az");
if (azPath === undefined) console.warn("Skipping the Azure CLI checks: `az` is not on PATH (Debian: apt-get install azure-cli).");

/** The Python that runs az (its shebang), which also has Microsoft's Python SDKs on Debian. */
function findAzPython(): string | undefined {
  if (azPath === undefined) return undefined;
  const shebang = /^#!\s*(\S+)/.exec(readFileSync(azPath, "utf8").split("\n", 1)[0] ?? "")?.[1];
  if (shebang === undefined || shebang.endsWith("/env")) return undefined;
  try {
    execFileSync(shebang, ["-c", "import azure.identity, azure.keyvault.secrets"], { stdio: "ignore" });
    return shebang;
  } catch {
    return undefined;
  }
}

/**
 * Debian's azure-cli 2.45 ships without the track-1 `azure.keyvault.v7_0` SDK its `keyvault secret`
 * commands import, so they fail before sending anything. Probe once (no network: --help only loads
 * the command) so the test can say why it is skipped.
 */
function probeKeyVaultCommands(): string | undefined {
  if (azPath === undefined) return "`az` is not on PATH";
  const probeDir = mkdtempSync(join(tmpdir(), "az-probe-"));
  try {
    // The proxy points at the discard port: should az try the network here, it fails at once, locally.
    execFileSync(azPath, ["keyvault", "secret", "set", "--help"], {
      stdio: "pipe",
      env: {
        PATH: process.env.PATH ?? "",
        HOME: probeDir,
        AZURE_CONFIG_DIR: probeDir,
        AZURE_CORE_COLLECT_TELEMETRY: "0",
        HTTPS_PROXY: "http://127.0.0.1:9",
        NO_PROXY: "",
      },
    });
    return undefined;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? "");
    const missing = /No module named '([^']+)'/.exec(stderr)?.[1];
    return missing === undefined
      ? `\`az keyvault secret set --help\` failed: ${stderr.slice(0, 300)}`
      : `this az cannot load its keyvault commands (missing Python module ${missing})`;
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
}

const keyVaultCommandsProblem = azPath === undefined ? "`az` is not on PATH" : probeKeyVaultCommands();
if (azPath !== undefined && keyVaultCommandsProblem !== undefined)
  console.warn(
    `Skipping \`az keyvault secret …\`: ${keyVaultCommandsProblem}. The same data-plane calls still run through \`az rest\` and the Python SDK.`,
  );
const azPython = findAzPython();
if (azPath !== undefined && azPython === undefined)
  console.warn("Skipping the Python SDK check: az's Python has no azure.identity / azure.keyvault.secrets.");

interface AzResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe.skipIf(azPath === undefined)("Azure CLI against the local Azure", () => {
  let cloud: Cloud;
  let configDir: string;
  let env: Record<string, string>;

  function runAz(args: string[], envOverrides: Record<string, string> = {}): Promise<AzResult> {
    return runProgram(azPath as string, args, envOverrides);
  }

  function runProgram(file: string, args: string[], envOverrides: Record<string, string> = {}): Promise<AzResult> {
    return new Promise((resolve) => {
      execFile(
        file,
        args,
        { env: { ...env, ...envOverrides }, timeout: AZ_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  async function runAzJson<T>(args: string[]): Promise<T> {
    const result = await runAz([...args, "--output", "json"]);
    if (result.code !== 0) throw new Error(`az ${args.join(" ")} failed (${result.code}): ${result.stderr}`);
    return (result.stdout.trim() === "" ? undefined : JSON.parse(result.stdout)) as T;
  }

  function refusedTargets(): string[] {
    return cloud.requestLog
      .view()
      .requests.filter((entry) => entry.operation === "ProxyRefused")
      .map((entry) => entry.path);
  }

  async function signIn(): Promise<unknown> {
    const federatedToken = await fetchGitHubIdToken(cloud.info);
    return runAzJson([
      "login",
      "--service-principal",
      "--username",
      cloud.info.clientId,
      "--tenant",
      cloud.info.tenantId,
      "--federated-token",
      federatedToken,
    ]);
  }

  beforeAll(async () => {
    // az keeps the federated token and reuses it for every later command; a long lifetime keeps
    // a slow machine from turning later steps into AADSTS700024.
    cloud = await startCloud({ github: { lifetimeSeconds: 3600 } });
    configDir = await mkdtemp(join(tmpdir(), "az-config-"));
    env = {
      PATH: process.env.PATH ?? "",
      HOME: configDir,
      LANG: "C.UTF-8",
      ...cloudEnv(cloud.info),
      AZURE_CONFIG_DIR: configDir,
      AZURE_CORE_COLLECT_TELEMETRY: "0",
      AZURE_CORE_SURVEY_MESSAGE: "false",
      AZURE_CORE_NO_COLOR: "true",
      AZURE_CORE_ONLY_SHOW_ERRORS: "true",
    };
  });

  afterAll(async () => {
    await cloud?.stop();
    if (configDir !== undefined) await rm(configDir, { recursive: true, force: true });
  });

  it("signs in with `az login --service-principal --federated-token` and finds the subscription", { timeout: AZ_TIMEOUT_MS }, async () => {
    const accounts = await signIn();
    expect(accounts).toEqual([
      expect.objectContaining({
        id: cloud.world.subscriptionId,
        tenantId: cloud.info.tenantId,
        state: "Enabled",
        isDefault: true,
        user: { name: cloud.info.clientId, type: "servicePrincipal" },
      }),
    ]);
    const operations = cloud.requestLog.view().requests.map((entry: RequestLogEntry) => `${entry.status} ${entry.operation}`);
    expect(operations).toContain("200 EntraToken");
    expect(operations).toContain("200 ArmSubscriptions");
    expect(refusedTargets().filter((target) => !EXPECTED_REFUSALS.has(target))).toEqual([]);
  });

  it("gets a Key Vault access token that the vault accepts (`az account get-access-token`)", { timeout: AZ_TIMEOUT_MS }, async () => {
    const token = await runAzJson<{ accessToken: string; tenant: string; tokenType: string }>([
      "account",
      "get-access-token",
      "--resource",
      "https://vault.azure.net",
    ]);
    expect(token).toMatchObject({ tenant: cloud.info.tenantId, tokenType: "Bearer" });
    expect(cloud.verifyAccessToken(token.accessToken, "https://vault.azure.net")).toMatchObject({
      ok: true,
      claims: { appid: cloud.info.clientId },
    });
  });

  it.skipIf(keyVaultCommandsProblem !== undefined)(
    "runs `az keyvault secret set/show/list/delete/recover/purge` against demo-vault",
    { timeout: 6 * AZ_TIMEOUT_MS },
    async () => {
      const name = "az-cli-secret";
      const set = await runAzJson<{ id: string; value: string }>([
        "keyvault",
        "secret",
        "set",
        "--vault-name",
        VAULT,
        "--name",
        name,
        "--value",
        "from-az",
      ]);
      expect(set.value).toBe("from-az");
      expect(set.id).toMatch(new RegExp(`^https://${VAULT}\\.vault\\.azure\\.net/secrets/${name}/[0-9a-f]{32}$`));
      expect((await runAzJson<{ value: string }>(["keyvault", "secret", "show", "--vault-name", VAULT, "--name", name])).value).toBe(
        "from-az",
      );
      const listed = await runAzJson<Array<{ id: string }>>(["keyvault", "secret", "list", "--vault-name", VAULT]);
      expect(listed.map((item) => item.id)).toContain(`https://${VAULT}.vault.azure.net/secrets/${name}`);
      const deleted = await runAzJson<{ recoveryId: string }>(["keyvault", "secret", "delete", "--vault-name", VAULT, "--name", name]);
      expect(deleted.recoveryId).toBe(`https://${VAULT}.vault.azure.net/deletedsecrets/${name}`);
      await runAzJson(["keyvault", "secret", "recover", "--vault-name", VAULT, "--name", name]);
      expect((await runAzJson<{ value: string }>(["keyvault", "secret", "show", "--vault-name", VAULT, "--name", name])).value).toBe(
        "from-az",
      );
      await runAzJson(["keyvault", "secret", "delete", "--vault-name", VAULT, "--name", name]);
      await runAzJson(["keyvault", "secret", "purge", "--vault-name", VAULT, "--name", name]);
      const deletedList = await runAzJson<Array<{ recoveryId: string }>>(["keyvault", "secret", "list-deleted", "--vault-name", VAULT]);
      expect(deletedList.map((item) => item.recoveryId)).not.toContain(`https://${VAULT}.vault.azure.net/deletedsecrets/${name}`);
    },
  );

  it("drives the same secret lifecycle with `az rest` and the CLI's own vault token", { timeout: 10 * AZ_TIMEOUT_MS }, async () => {
    const base = `https://${VAULT}.vault.azure.net`;
    const rest = <T>(method: string, path: string, body?: unknown): Promise<T> =>
      runAzJson<T>([
        "rest",
        "--method",
        method,
        "--url",
        `${base}${path}${path.includes("?") ? "&" : "?"}api-version=7.4`,
        "--resource",
        "https://vault.azure.net",
        ...(body === undefined ? [] : ["--body", JSON.stringify(body)]),
      ]);
    const name = "az-rest-secret";
    const set = await rest<{ value: string; id: string }>("put", `/secrets/${name}`, {
      value: "from-az-rest",
      tags: { "managed-by": "keyvault-sync" },
    });
    expect(set.value).toBe("from-az-rest");
    expect((await rest<{ value: string; tags: Record<string, string> }>("get", `/secrets/${name}/`)).tags).toEqual({
      "managed-by": "keyvault-sync",
    });
    expect((await rest<{ value: Array<{ id: string }> }>("get", "/secrets")).value.map((item) => item.id)).toContain(
      `${base}/secrets/${name}`,
    );
    expect((await rest<{ recoveryId: string }>("delete", `/secrets/${name}`)).recoveryId).toBe(`${base}/deletedsecrets/${name}`);
    await rest("post", `/deletedsecrets/${name}/recover`);
    expect((await rest<{ value: string }>("get", `/secrets/${name}/`)).value).toBe("from-az-rest");
    await rest("delete", `/secrets/${name}`);
    await rest("delete", `/deletedsecrets/${name}`);
    const purged = await runAz([
      "rest",
      "--method",
      "get",
      "--url",
      `${base}/deletedsecrets/${name}?api-version=7.4`,
      "--resource",
      "https://vault.azure.net",
    ]);
    expect(purged.code).not.toBe(0);
    expect(purged.stderr).toContain("SecretNotFound");
  });

  it.skipIf(azPython === undefined)(
    "serves Microsoft's Python SDK (SecretClient + AzureCliCredential) through the challenge flow",
    { timeout: 2 * AZ_TIMEOUT_MS },
    async () => {
      const script = [
        "import json, sys",
        "from azure.identity import AzureCliCredential",
        "from azure.keyvault.secrets import SecretClient",
        "client = SecretClient(sys.argv[1], AzureCliCredential())",
        "client.set_secret('python-sdk-secret', 'from-python', tags={'owner': 'tests'})",
        "names = sorted(p.name for p in client.list_properties_of_secrets())",
        "deleted = client.begin_delete_secret('python-sdk-secret').result()",
        "client.begin_recover_deleted_secret('python-sdk-secret').result()",
        "print(json.dumps({'names': names, 'recoveryId': deleted.recovery_id, 'value': client.get_secret('python-sdk-secret').value}))",
      ].join("\n");
      const result = await runProgram(azPython as string, ["-c", script, cloud.info.vaultUrl]);
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout)).toMatchObject({
        names: expect.arrayContaining(["python-sdk-secret"]),
        recoveryId: `${cloud.info.vaultUrl}/deletedsecrets/python-sdk-secret`,
        value: "from-python",
      });
      const vaultOperations = cloud.requestLog
        .view({ host: "demo-vault.vault.azure.net" })
        .requests.map((entry) => `${entry.status} ${entry.operation}`);
      // The SDK's first request carries no token and must be challenged.
      expect(vaultOperations).toContain("401 SetSecret");
    },
  );

  it(
    "signs in an app without any role only with --allow-no-subscriptions, as a tenant-level account",
    { timeout: 2 * AZ_TIMEOUT_MS },
    async () => {
      const clientId = "7e57c10d-a2a2-4e70-8000-0000000000e1";
      cloud.world.apps.push({
        clientId,
        objectId: "7e57c10d-a2a2-4e70-8000-0000000000e2",
        displayName: "no-role-app",
        clientSecrets: [],
        federatedCredentials: [
          {
            name: "github",
            issuer: "https://token.actions.githubusercontent.com",
            subject: cloud.world.github.subject,
            audiences: ["api://AzureADTokenExchange"],
          },
        ],
      });
      const ownConfig = await mkdtemp(join(tmpdir(), "az-config-"));
      try {
        const login = (extra: string[]) =>
          runAz(["login", "--service-principal", "--username", clientId, "--tenant", cloud.info.tenantId, "--output", "json", ...extra], {
            AZURE_CONFIG_DIR: ownConfig,
            HOME: ownConfig,
          });
        const refused = await login(["--federated-token", await fetchGitHubIdToken(cloud.info)]);
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toMatch(/No subscriptions found/i);
        const allowed = await login(["--federated-token", await fetchGitHubIdToken(cloud.info), "--allow-no-subscriptions"]);
        expect(allowed.code).toBe(0);
        expect(JSON.parse(allowed.stdout)).toEqual([
          expect.objectContaining({
            id: cloud.info.tenantId,
            tenantId: cloud.info.tenantId,
            user: { name: clientId, type: "servicePrincipal" },
          }),
        ]);
      } finally {
        await rm(ownConfig, { recursive: true, force: true });
      }
    },
  );

  it(
    "reports Entra's subject mismatch (AADSTS700213) when the federated token's subject is wrong",
    { timeout: AZ_TIMEOUT_MS },
    async () => {
      const wrongSubject = await cloud.mintGitHubToken({
        audience: "api://AzureADTokenExchange",
        subject: "repo:octo-org/octo-repo:ref:refs/heads/main",
      });
      const result = await runAz([
        "login",
        "--service-principal",
        "--username",
        cloud.info.clientId,
        "--tenant",
        cloud.info.tenantId,
        "--federated-token",
        wrongSubject,
        "--output",
        "json",
      ]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("AADSTS700213");
      expect(result.stderr).toContain("repo:octo-org/octo-repo:ref:refs/heads/main");
    },
  );
});
