/**
 * The packed CLI signing in each way other CIs and laptops offer: a token in a named variable
 * (GitLab), managed identity, an Azure Pipelines service connection and a real `az login` session.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { identityEnv } from "../../local-azure/index.ts";
import { makeProject } from "./cli-support.ts";
import {
  GITLAB_ISSUER,
  GITLAB_SUBJECT,
  IDENTITY,
  WORKLOAD_APP,
  azPath,
  canary,
  createVault,
  explain,
  proxyEnv,
  readValues,
  run,
  setupCliWorld,
  world,
} from "./cli-world.ts";

setupCliWorld();

describe("keyvault-sync signs in from the packed tarball", () => {
  it("signs in with a GitLab id_token held in a named variable (--federated-token-env)", async () => {
    const vault = "cli-gitlab";
    await createVault(vault, WORKLOAD_APP);
    const value = canary("g");
    const dir = makeProject(world.cli, "gitlab", { "secrets.json": JSON.stringify({ SHOP_TOKEN: value }) });
    const token = await world.cloud.mintFederatedToken({ issuer: GITLAB_ISSUER, subject: GITLAB_SUBJECT });
    const env = {
      AZURE_ID_TOKEN: token,
      KEYVAULT_SYNC_FEDERATED_TOKEN_ENV: "AZURE_ID_TOKEN",
      GITLAB_CI: "true",
      CI_PROJECT_PATH: "octo-org/octo-repo",
    };
    const result = await run(
      [
        "apply",
        "--vault",
        vault,
        "--secrets-file",
        "secrets.json",
        "--owner",
        "gitlab:octo-org/octo-repo",
        "--tenant-id",
        world.cloud.info.tenantId,
        "--client-id",
        WORKLOAD_APP,
      ],
      dir,
      env,
    );
    expect(result.exitCode, explain(result)).toBe(0);
    expect(result.stderr).toContain("Signing in: token-env");
    expect(result.stdout).not.toContain(token.slice(0, 40));
    expect(result.stderr).not.toContain(token.slice(0, 40));
    expect(await readValues(vault)).toEqual({ "SHOP-TOKEN": value });
  }, 120_000);

  it("signs in as a managed identity through IDENTITY_ENDPOINT and IDENTITY_HEADER", async () => {
    const vault = "cli-managed";
    await createVault(vault, IDENTITY.objectId);
    const value = canary("m");
    const dir = makeProject(world.cli, "managed", { ".env": `REDIS_URL=${value}\n` });
    const result = await run(
      ["apply", "--vault", vault, "--env-file", ".env", "--owner", "app-service"],
      dir,
      identityEnv(world.cloud.info),
    );
    expect(result.exitCode, explain(result)).toBe(0);
    expect(result.stderr).toContain("Signing in: managed-identity (a managed identity endpoint is set)");
    expect(await readValues(vault)).toEqual({ "REDIS-URL": value });
  }, 120_000);

  it("signs in through an Azure Pipelines service connection (SYSTEM_OIDCREQUESTURI, SYSTEM_ACCESSTOKEN)", async () => {
    const vault = "cli-pipelines";
    await createVault(vault, WORKLOAD_APP);
    const app = world.cloud.world.apps.find((candidate) => candidate.clientId === WORKLOAD_APP);
    const { issuer, subject, oidcRequestUri, accessToken, serviceConnectionId } = world.cloud.azureDevOps;
    app?.federatedCredentials.push({ name: "ado", issuer, subject, audiences: ["api://AzureADTokenExchange"] });
    const value = canary("p");
    const dir = makeProject(world.cli, "pipelines", { "production.env": `QUEUE_KEY=${value}\n` });
    // What an AzureCLI@2 step exports, plus the agent's own variables.
    const env = {
      TF_BUILD: "True",
      SYSTEM_OIDCREQUESTURI: oidcRequestUri,
      SYSTEM_ACCESSTOKEN: accessToken,
      AZURESUBSCRIPTION_SERVICE_CONNECTION_ID: serviceConnectionId,
      AZURESUBSCRIPTION_TENANT_ID: world.cloud.info.tenantId,
      AZURESUBSCRIPTION_CLIENT_ID: WORKLOAD_APP,
    };
    const result = await run(["apply", "--vault", vault, "--env-file", "production.env", "--owner", "ado:octo-project"], dir, env);
    expect(result.exitCode, explain(result)).toBe(0);
    expect(result.stderr).toContain("Signing in: azure-pipelines (an Azure Pipelines service connection is available)");
    expect(`${result.stdout}${result.stderr}`).not.toContain(accessToken);
    expect(await readValues(vault)).toEqual({ "QUEUE-KEY": value });
  }, 120_000);

  it.skipIf(azPath === undefined)(
    "uses a real `az login --federated-token` session when nothing else is set",
    async () => {
      const vault = "cli-az";
      await createVault(vault, world.cloud.info.clientId);
      const value = canary("z");
      const configDir = mkdtempSync(join(world.cli.root, "az-"));
      const azEnv = {
        AZURE_CONFIG_DIR: configDir,
        AZURE_CORE_COLLECT_TELEMETRY: "0",
        AZURE_CORE_SURVEY_MESSAGE: "false",
        AZURE_CORE_ONLY_SHOW_ERRORS: "true",
        LANG: "C.UTF-8",
      };
      const token = await world.cloud.mintGitHubToken({ audience: "api://AzureADTokenExchange" });
      const login = await new Promise<{ code: number; stderr: string }>((resolve) => {
        const args = [
          "login",
          "--service-principal",
          "--username",
          world.cloud.info.clientId,
          "--tenant",
          world.cloud.info.tenantId,
          "--federated-token",
          token,
          "--output",
          "none",
        ];
        execFile(
          azPath as string,
          args,
          { env: { PATH: process.env["PATH"] ?? "", HOME: configDir, ...proxyEnv(), ...azEnv }, timeout: 120_000 },
          (error, _stdout, stderr) => {
            resolve({ code: error === null ? 0 : 1, stderr });
          },
        );
      });
      expect(login.code, login.stderr).toBe(0);
      const dir = makeProject(world.cli, "az", { ".env": `LAPTOP_SECRET=${value}\n` });
      const result = await run(["apply", "--vault", vault, "--env-file", ".env", "--owner", "me@laptop"], dir, {
        ...azEnv,
        HOME: configDir,
      });
      expect(result.exitCode, explain(result)).toBe(0);
      expect(result.stderr).toContain("Signing in: azure-cli (no other sign-in found, using the Azure CLI session)");
      expect(await readValues(vault)).toEqual({ "LAPTOP-SECRET": value });
    },
    240_000,
  );
});
