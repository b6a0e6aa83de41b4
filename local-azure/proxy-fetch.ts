/**
 * A small HTTPS client that goes through the local Azure's proxy and trusts only its CA, so tests
 * can look at raw statuses and bodies (what the SDKs hide) without touching global settings.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { readFileSync } from "node:fs";
import type { Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import type { CloudInfo } from "./types.ts";

export interface ProxyFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface ProxyFetchResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the JSON shape they expect, and their assertions check it
  json<T = unknown>(): T;
}

export class ProxyRefusedError extends Error {
  readonly status: number;
  constructor(target: string, status: number) {
    super(`Failed to open a tunnel to ${target}: the proxy answered ${status}`);
    this.status = status;
  }
}

/** Opens a CONNECT tunnel; resolves with the proxy's status and, when it is 200, the socket. */
export function openTunnel(info: CloudInfo, target: string): Promise<{ status: number; socket: Socket }> {
  const proxy = new URL(info.proxy);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: proxy.hostname, port: Number(proxy.port), method: "CONNECT", path: target, headers: { host: target } });
    req.once("connect", (res, socket) => resolve({ status: res.statusCode ?? 0, socket }));
    req.once("error", reject);
    req.end();
  });
}

const caCache = new Map<string, string>();

export async function fetchThroughProxy(info: CloudInfo, url: string | URL, init: ProxyFetchInit = {}): Promise<ProxyFetchResponse> {
  const target = new URL(url);
  const port = target.port === "" ? 443 : Number(target.port);
  const { status, socket } = await openTunnel(info, `${target.hostname}:${port}`);
  if (status !== 200) {
    socket.destroy();
    throw new ProxyRefusedError(`${target.hostname}:${port}`, status);
  }
  let ca = caCache.get(info.caFile);
  if (ca === undefined) {
    ca = readFileSync(info.caFile, "utf8");
    caCache.set(info.caFile, ca);
  }
  const tlsSocket = tlsConnect({ socket, servername: target.hostname, ca });
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const req = httpsRequest(
      {
        host: target.hostname,
        port,
        // Without an agent Node assumes port 80 and would send "Host: name:80".
        defaultPort: 443,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? "GET",
        headers: { ...(body === undefined ? {} : { "content-length": String(body.length) }), ...init.headers },
        createConnection: () => tlsSocket,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          tlsSocket.end();
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the JSON shape they expect, and their assertions check it
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
