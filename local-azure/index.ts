/**
 * The local Azure (test cloud): Key Vault, Entra, GitHub OIDC and the bit of ARM `az login` needs,
 * under their real host names behind one CONNECT proxy, with a CA made at start-up. Test and demo
 * infrastructure only; nothing here is bundled into dist/.
 */
import type { KeyObject } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAdminServer } from "./admin.ts";
import { createAzureDevOps, type AzureDevOpsOidc } from "./azure-devops.ts";
import { createTestPki } from "./ca.ts";
import { createEntra } from "./entra.ts";
import { createGitHubOidc, type MintGitHubTokenOptions } from "./github-oidc.ts";
import { findHostService, listCertificateHostNames, type HostService } from "./hosts.ts";
import { createKeyVaultService, type KeyVaultService } from "./key-vault/index.ts";
import { createManagement } from "./management.ts";
import { serveHttp, startManagedIdentityEndpoint } from "./managed-identity.ts";
import { startProxy } from "./proxy.ts";
import { createRequestLog, type RequestLog, type RequestLogEntry } from "./request-log.ts";
import { startTlsServer } from "./server.ts";
import { createWorkloadIssuers, type MintFederatedTokenOptions } from "./workload-issuers.ts";
import type { CloudInfo, Handler, VerifyAccessToken, WorldConfig } from "./types.ts";
import { createDefaultWorld, mergeWorld, stampFederatedCredentials, toVaultUrl, type DeepPartial } from "./world.ts";

export type { CloudInfo, WorldConfig } from "./types.ts";
export type { DeepPartial } from "./world.ts";
export type { MintGitHubTokenOptions, GitHubSubjectContext } from "./github-oidc.ts";
export type { MintFederatedTokenOptions } from "./workload-issuers.ts";
export { writeFederatedTokenFile } from "./workload-issuers.ts";
export type { RequestLogEntry, RequestLogView } from "./request-log.ts";
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_FIC_AUDIENCE,
  DEFAULT_OBJECT_ID,
  DEFAULT_OIDC_REQUEST_TOKEN,
  DEFAULT_REPOSITORY,
  DEFAULT_SUBJECT,
  DEFAULT_SUBSCRIPTION_ID,
  DEFAULT_TENANT_ID,
  DEFAULT_VAULT_NAME,
  GITHUB_ISSUER,
  createDefaultWorld,
  loadWorldConfig,
  mergeWorld,
} from "./world.ts";
export { DEFAULT_REPOSITORY_ID, DEFAULT_REPOSITORY_OWNER_ID, formatGitHubSubject } from "./github-oidc.ts";
export { cloudEnv, identityEnv, toSdkProxyOptions, trustCloudInProcess } from "./client-env.ts";
export { fetchThroughProxy, openTunnel, ProxyRefusedError, type ProxyFetchResponse } from "./proxy-fetch.ts";
export { adminDelete, adminGet, adminPatch, adminPost, adminPut, adminRequest, AdminRequestError } from "./admin-client.ts";

export interface StartCloudOptions {
  /** Fixed proxy port (default: a free one). */
  proxyPort?: number;
  /** Fixed admin API port (default: a free one). */
  adminPort?: number;
  /** Called for every request the cloud answers or refuses (the CLI prints these). */
  onRequest?(entry: RequestLogEntry): void;
}

export interface Cloud {
  info: CloudInfo;
  /** The live world: changes to apps and github take effect on the next request. */
  world: WorldConfig;
  keyVault: KeyVaultService;
  requestLog: RequestLog;
  verifyAccessToken: VerifyAccessToken;
  mintGitHubToken(options?: MintGitHubTokenOptions): Promise<string>;
  /** A token from another OIDC issuer (GitLab, AKS, …), accepted by Entra as a client assertion. */
  mintFederatedToken(options: MintFederatedTokenOptions): Promise<string>;
  /** Azure Pipelines' token endpoint for service connections: what a job's environment holds, and the federated credential to give an app. */
  azureDevOps: Pick<AzureDevOpsOidc, "oidcRequestUri" | "accessToken" | "serviceConnectionId" | "issuer" | "subject">;
  /** Port the TLS server also listens on directly (clients normally use the proxy). */
  tlsPort: number;
  stop(): Promise<void>;
}

export async function startCloud(config?: DeepPartial<WorldConfig>, options: StartCloudOptions = {}): Promise<Cloud> {
  const world = mergeWorld(createDefaultWorld(), config);
  const startedAt = new Date();
  for (const app of world.apps) stampFederatedCredentials(app, startedAt);

  const [pki, github] = await Promise.all([createTestPki(listCertificateHostNames()), createGitHubOidc(() => world.github)]);
  const assertionIssuers = new Map<string, ReadonlyMap<string, KeyObject>>([[github.issuer, github.keysByKid]]);
  const entra = await createEntra({ getWorld: () => world, assertionIssuers });
  const workloadIssuers = createWorkloadIssuers(assertionIssuers);
  const azureDevOps = createAzureDevOps(workloadIssuers);
  const keyVault = createKeyVaultService({ tenantId: world.tenantId, vaults: world.vaults, verifyAccessToken: entra.verifyAccessToken });
  const armHandler = createManagement({
    getWorld: () => world,
    inspectAccessToken: entra.inspectAccessToken,
    describeVault: (name) => keyVault.describeVault(name),
  });
  const handlers: Record<HostService, Handler> = {
    "key-vault": (req) => keyVault.handle(req),
    entra: (req) => entra.handle(req),
    "github-issuer": (req) => github.handleIssuer(req),
    "github-runner": (req) => github.handleRunner(req),
    arm: armHandler,
    "azure-devops": (req) => azureDevOps.handle(req),
  };

  const requestLog = createRequestLog();
  const unsubscribe = options.onRequest === undefined ? undefined : requestLog.subscribe(options.onRequest);
  const caDir = await mkdtemp(join(tmpdir(), "keyvault-sync-cloud-"));
  const caFile = join(caDir, "ca.pem");
  await writeFile(caFile, pki.caPem, { mode: 0o644 });
  // A process that ends without stop() (a crashed test, an EPIPE in the CLI) still removes its CA.
  const removeCaOnExit = (): void => rmSync(caDir, { recursive: true, force: true });
  process.once("exit", removeCaOnExit);

  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    unsubscribe?.();
    await Promise.all(stops.splice(0).map((close) => close()));
    await rm(caDir, { recursive: true, force: true });
    process.off("exit", removeCaOnExit);
  };
  try {
    const tls = await startTlsServer({
      certPem: pki.certPem,
      keyPem: pki.keyPem,
      findHandler: (hostname) => {
        const service = findHostService(hostname);
        return service === undefined ? undefined : handlers[service];
      },
      log: requestLog,
    });
    stops.push(tls.close);
    const identity = await startManagedIdentityEndpoint({ getWorld: () => world, entra, log: requestLog });
    stops.push(identity.close);
    const proxy = await startProxy({
      port: options.proxyPort,
      isKnownHost: (hostname) => findHostService(hostname) !== undefined,
      acceptSocket: tls.acceptSocket,
      log: requestLog,
      findHttpTarget: (authority) =>
        authority === identity.authority ? (req, res) => void serveHttp(identity.handle, requestLog, req, res, authority) : undefined,
    });
    stops.push(proxy.close);

    const firstVault = world.vaults[0];
    // Assigned once, after the admin server that reads it through getInfo has started.
    // eslint-disable-next-line prefer-const -- see above
    let info: CloudInfo | undefined;
    const admin = await startAdminServer({
      port: options.adminPort,
      getInfo: () => ({ ...(info as CloudInfo), oidcRequestToken: world.github.requestToken }),
      world,
      github,
      keyVault,
      log: requestLog,
      mintFederatedToken: workloadIssuers.mint,
    });
    stops.push(admin.close);
    info = {
      proxy: `http://127.0.0.1:${proxy.port}`,
      caFile,
      tenantId: world.tenantId,
      clientId: world.apps[0]?.clientId ?? "",
      vaultUrl: firstVault === undefined ? "" : toVaultUrl(firstVault),
      oidcRequestUrl: github.requestUrl,
      oidcRequestToken: world.github.requestToken,
      adminUrl: `http://127.0.0.1:${admin.port}`,
      identityEndpoint: identity.url,
      identityHeader: identity.header,
    };
    return {
      info,
      world,
      keyVault,
      requestLog,
      verifyAccessToken: entra.verifyAccessToken,
      mintGitHubToken: github.mintToken,
      mintFederatedToken: workloadIssuers.mint,
      azureDevOps: {
        oidcRequestUri: azureDevOps.oidcRequestUri,
        accessToken: azureDevOps.accessToken,
        serviceConnectionId: azureDevOps.serviceConnectionId,
        issuer: azureDevOps.issuer,
        subject: azureDevOps.subject,
      },
      tlsPort: tls.port,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
