/**
 * One keep-alive HTTPS agent shared by every Azure call of a run: the sign-in (Entra) and the
 * vault. Left to itself the SDK opens a new connection per request when HTTPS_PROXY is set (its
 * proxy agent files freed sockets under a pool key no later request asks for), so every request
 * paid a CONNECT tunnel and a TLS handshake: three round trips before the request itself.
 *
 * Node's own agent tunnels through a proxy (`proxyEnv`, Node 24.5 and later) and pools the
 * tunnelled connections by target host like any other, so one agent serves the proxied and the
 * direct case. On an older Node the SDK keeps its own agents, as before.
 */
import type { Agent } from "node:https";

type Env = Readonly<Record<string, string | undefined>>;

/** Node's `proxyEnv` agent option appeared in 24.5.0. */
export function supportsAgentProxyEnv(nodeVersion: string): boolean {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, "").split(".").map(Number);
  return major > 24 || (major === 24 && minor >= 5);
}

function readVariable(env: Env, name: string): string | undefined {
  return env[name] || env[name.toLowerCase()] || undefined;
}

/**
 * The proxy settings the Azure SDK itself would use: HTTPS_PROXY, then ALL_PROXY, then
 * HTTP_PROXY (upper case first), and NO_PROXY. Only these reach the agent.
 */
export function readProxyEnv(env: Env): { HTTPS_PROXY?: string; NO_PROXY?: string } {
  const proxy = readVariable(env, "HTTPS_PROXY") ?? readVariable(env, "ALL_PROXY") ?? readVariable(env, "HTTP_PROXY");
  const noProxy = readVariable(env, "NO_PROXY");
  return { ...(proxy === undefined ? {} : { HTTPS_PROXY: proxy }), ...(noProxy === undefined ? {} : { NO_PROXY: noProxy }) };
}

/**
 * The shared agent, or undefined when this Node cannot tunnel by itself (the SDK's default
 * transport is then used unchanged). Free connections do not keep the process alive. Node's
 * HTTPS module loads here, when a run first goes online, not at start-up: an offline run never
 * needs it.
 */
export async function createConnectionAgent(env: Env, nodeVersion: string = process.version): Promise<Agent | undefined> {
  if (!supportsAgentProxyEnv(nodeVersion)) return undefined;
  const { Agent } = await import("node:https");
  return new Agent({ keepAlive: true, scheduling: "lifo", proxyEnv: readProxyEnv(env) });
}
