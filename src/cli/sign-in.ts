/**
 * Which way the CLI signs in, and the credential for it, each through @azure/identity. The
 * Action's modes (oidc, azure-cli, managed-identity) come from the engine's createCredential;
 * the federated ones other CIs offer are built here and wrapped the same way (tokens masked,
 * failures explained).
 *
 * Auto-detection order, first match wins:
 *   1. GitHub Actions OIDC: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN
 *   2. --federated-token-env NAME given: the token in that variable (GitLab id_tokens)
 *   3. AZURE_FEDERATED_TOKEN_FILE: workload identity (AKS and other CIs)
 *   4. SYSTEM_OIDCREQUESTURI and a service connection id: Azure Pipelines
 *   5. IDENTITY_ENDPOINT or MSI_ENDPOINT: managed identity (App Service, Functions, Azure Arc)
 *   6. otherwise the Azure CLI session (az login)
 * A VM's managed identity (IMDS) cannot be seen in the environment: pass --auth managed-identity.
 */
import { AzurePipelinesCredential, ClientAssertionCredential, WorkloadIdentityCredential } from "@azure/identity";
import type { Agent } from "node:https";
import type { TokenCredential } from "@azure/identity";
import { createCredential, wrapCredential } from "../engine/auth/entra.ts";
import type { EntraCredential } from "../engine/auth/entra.ts";
import { explainAuthError } from "../engine/auth/sign-in-errors.ts";
import type { CloudSettings } from "../engine/clouds.ts";
import type { Env } from "../engine/env.ts";
import { SyncError } from "../engine/errors.ts";
import { REQUEST_TIMEOUT_MS, createTimeoutPolicy } from "../engine/vault/vault-policies.ts";
import type { CliAuthMode } from "./options.ts";

export interface SignInSettings {
  auth: CliAuthMode;
  tenantId: string | undefined;
  clientId: string | undefined;
  cloud: CloudSettings;
  audience: string;
  federatedTokenEnv: string | undefined;
  serviceConnectionId: string | undefined;
}

/** The modes that exchange a federated token for an app's access token: they need both IDs. */
export const FEDERATED_MODES: ReadonlySet<CliAuthMode> = new Set(["oidc", "token-file", "token-env", "azure-pipelines"]);

export function detectAuthMode(
  env: Env,
  federatedTokenEnv: string | undefined,
  serviceConnectionId: string | undefined,
): { auth: CliAuthMode; reason: string } {
  const has = (name: string): boolean => (env[name] ?? "") !== "";
  if (has("ACTIONS_ID_TOKEN_REQUEST_URL") && has("ACTIONS_ID_TOKEN_REQUEST_TOKEN"))
    return { auth: "oidc", reason: "GitHub Actions OIDC is available" };
  if (federatedTokenEnv !== undefined) return { auth: "token-env", reason: "--federated-token-env is set" };
  if (has("AZURE_FEDERATED_TOKEN_FILE")) return { auth: "token-file", reason: "AZURE_FEDERATED_TOKEN_FILE is set" };
  if (has("SYSTEM_OIDCREQUESTURI") && serviceConnectionId !== undefined)
    return { auth: "azure-pipelines", reason: "an Azure Pipelines service connection is available" };
  if (has("IDENTITY_ENDPOINT") || has("MSI_ENDPOINT")) return { auth: "managed-identity", reason: "a managed identity endpoint is set" };
  return { auth: "azure-cli", reason: "no other sign-in found, using the Azure CLI session" };
}

/**
 * What a mode needs from the environment, checked before any network call; the message names
 * the variable, never its content.
 */
export function checkSignInEnvironment(settings: SignInSettings, env: Env): void {
  const has = (name: string): boolean => (env[name] ?? "").trim() !== "";
  const need = (ok: boolean, message: string, hint: string): void => {
    if (!ok) throw new SyncError(`Failed to sign in with --auth ${settings.auth}: ${message}`, hint);
  };
  switch (settings.auth) {
    case "token-file":
      need(
        has("AZURE_FEDERATED_TOKEN_FILE"),
        "AZURE_FEDERATED_TOKEN_FILE is not set",
        "Set it to the path of the federated token file your platform writes.",
      );
      return;
    case "token-env": {
      const name = settings.federatedTokenEnv;
      need(
        name !== undefined,
        "no --federated-token-env NAME",
        "Name the environment variable that holds the token, such as --federated-token-env AZURE_ID_TOKEN.",
      );
      need(
        name !== undefined && has(name),
        `the environment variable ${name ?? ""} is empty or not set`,
        "In GitLab, declare it under id_tokens with aud: api://AzureADTokenExchange.",
      );
      return;
    }
    case "azure-pipelines":
      need(
        settings.serviceConnectionId !== undefined,
        "no --service-connection-id",
        "Pass the service connection's ID, or use the AzureCLI@2 task, which sets AZURESUBSCRIPTION_SERVICE_CONNECTION_ID.",
      );
      need(has("SYSTEM_OIDCREQUESTURI"), "SYSTEM_OIDCREQUESTURI is not set", "Run inside an Azure Pipelines job.");
      need(
        has("SYSTEM_ACCESSTOKEN"),
        "SYSTEM_ACCESSTOKEN is not set",
        "Map it into the step: env: SYSTEM_ACCESSTOKEN: $(System.AccessToken).",
      );
      return;
    default:
      return;
  }
}

/** `agent`: the run's kept-alive connections (engine/connections.ts), shared with the vault. */
export function createCliCredential(
  settings: SignInSettings,
  env: Env,
  log: (message: string) => void,
  agent: Agent | undefined,
): EntraCredential {
  const { auth, tenantId, clientId, cloud, audience } = settings;
  if (auth === "oidc" || auth === "azure-cli" || auth === "managed-identity") {
    // The CLI has no log masker: nothing it prints contains a token.
    return createCredential({
      auth,
      tenantId,
      clientId,
      cloud,
      audience,
      env,
      log,
      mask: () => {},
      ...(agent === undefined ? {} : { agent }),
    });
  }
  const context = { tenantId, clientId, cloud, audience };
  try {
    return wrapCredential(createFederatedCredential(settings, env, agent), { context, mask: () => {} });
  } catch (error) {
    throw explainAuthError(error, context);
  }
}

function createFederatedCredential(settings: SignInSettings, env: Env, agent: Agent | undefined): TokenCredential {
  const tenantId = settings.tenantId ?? "";
  const clientId = settings.clientId ?? "";
  const options = {
    authorityHost: settings.cloud.authorityHost,
    ...(agent === undefined ? {} : { agent }),
    additionalPolicies: [{ position: "perCall" as const, policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) }],
  };
  switch (settings.auth) {
    case "token-file":
      return new WorkloadIdentityCredential({ ...options, tenantId, clientId, tokenFilePath: env["AZURE_FEDERATED_TOKEN_FILE"] ?? "" });
    case "token-env": {
      const name = settings.federatedTokenEnv ?? "";
      // Read on every call: a job that refreshes the variable's token is followed.
      return new ClientAssertionCredential(tenantId, clientId, () => Promise.resolve((env[name] ?? "").trim()), options);
    }
    default:
      return new AzurePipelinesCredential(tenantId, clientId, settings.serviceConnectionId ?? "", env["SYSTEM_ACCESSTOKEN"] ?? "", options);
  }
}
