/**
 * What a client needs to use the local Azure: environment variables for a child process, or, for
 * the current process, trust in the test CA so the real Azure SDK connects through the proxy.
 */
import { readFileSync } from "node:fs";
import { getCACertificates, setDefaultCACertificates } from "node:tls";
import type { CloudInfo } from "./types.ts";

/**
 * Environment of a child process (the action, a script, the Azure CLI) that must talk to the
 * local Azure: every HTTPS request goes through the proxy, nothing bypasses it.
 */
export function cloudEnv(info: CloudInfo): Record<string, string> {
  return {
    HTTPS_PROXY: info.proxy,
    https_proxy: info.proxy,
    NO_PROXY: "",
    no_proxy: "",
    NODE_EXTRA_CA_CERTS: info.caFile,
    REQUESTS_CA_BUNDLE: info.caFile,
    ACTIONS_ID_TOKEN_REQUEST_URL: info.oidcRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: info.oidcRequestToken,
  };
}

/** Proxy settings in the shape the Azure SDK's `proxyOptions` takes. */
export function toSdkProxyOptions(info: CloudInfo): { host: string; port: number } {
  const proxy = new URL(info.proxy);
  return { host: `${proxy.protocol}//${proxy.hostname}`, port: Number(proxy.port) };
}

/**
 * Adds the test CA to this process's default trust store (kept alongside the public roots), so
 * in-process clients verify the local Azure's certificate like any other. Idempotent.
 */
export function trustCloudInProcess(info: CloudInfo): void {
  const caPem = readFileSync(info.caFile, "utf8").trim();
  const current = getCACertificates("default");
  if (current.some((pem) => pem.trim() === caPem)) return;
  setDefaultCACertificates([...current, caPem]);
}

/**
 * What an App Service host gives a process that has a managed identity: IDENTITY_ENDPOINT and
 * IDENTITY_HEADER, here pointing at the local endpoint (add it to `cloudEnv(info)`).
 */
export function identityEnv(info: CloudInfo): Record<string, string> {
  return { IDENTITY_ENDPOINT: info.identityEndpoint, IDENTITY_HEADER: info.identityHeader };
}
