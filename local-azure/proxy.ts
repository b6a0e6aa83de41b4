/**
 * The HTTP CONNECT proxy clients reach the local Azure through (HTTPS_PROXY). It tunnels only to
 * the known Azure/GitHub hosts on port 443, straight into the TLS server; every other target is
 * refused with 403, so a client that strays never reaches the network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { closeServer, listenOnLoopback } from "./listen.ts";
import type { RequestLog } from "./request-log.ts";

export interface ProxyOptions {
  port?: number;
  isKnownHost(hostname: string): boolean;
  acceptSocket(socket: Socket): void;
  log: RequestLog;
  /**
   * Plain-HTTP targets (host:port) this proxy forwards to, as a forward proxy on the same machine
   * would: the loopback managed identity endpoint, which SDKs reach through HTTPS_PROXY too.
   */
  findHttpTarget?(authority: string): ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
}

export interface Proxy {
  port: number;
  close(): Promise<void>;
}

function parseAuthority(authority: string): { hostname: string; port: string } {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(authority);
  return match === null
    ? { hostname: authority.toLowerCase(), port: "" }
    : { hostname: (match[1] ?? "").toLowerCase(), port: match[2] ?? "" };
}

function refuse(socket: Socket, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startProxy(options: ProxyOptions): Promise<Proxy> {
  const tunnels = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const target = /^http:\/\/([^/]+)\//i.exec(req.url ?? "")?.[1];
    const forward = target === undefined ? undefined : options.findHttpTarget?.(target.toLowerCase());
    if (forward !== undefined) {
      // Logged apart from the answer, so tests can tell a proxied call from a direct one.
      options.log.record({
        host: parseAuthority(target ?? "").hostname,
        method: req.method ?? "GET",
        path: req.url ?? "",
        status: 200,
        operation: "ProxyForwarded",
      });
      forward(req, res);
      return;
    }
    // Other plain-HTTP proxying would mean forwarding somewhere; only tunnels to known hosts exist here.
    options.log.record({
      host: parseAuthority(req.headers.host ?? "").hostname,
      method: req.method ?? "GET",
      path: req.url ?? "",
      status: 403,
      operation: "ProxyRefused",
    });
    res.writeHead(403, { "content-type": "text/plain", connection: "close" });
    res.end("The local Azure proxy only tunnels HTTPS (CONNECT) to Azure and GitHub hosts.\n");
  });

  server.on("connect", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const { hostname, port } = parseAuthority(req.url ?? "");
    socket.on("error", () => socket.destroy());
    if (port !== "443" || !options.isKnownHost(hostname)) {
      options.log.record({ host: hostname, method: "CONNECT", path: req.url ?? "", status: 403, operation: "ProxyRefused" });
      refuse(socket, `The local Azure does not serve ${req.url ?? ""}; no traffic leaves this machine.`);
      return;
    }
    options.log.recordConnection(hostname, "tunnels");
    tunnels.add(socket);
    socket.once("close", () => tunnels.delete(socket));
    socket.setNoDelay(true);
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) socket.unshift(head);
    options.acceptSocket(socket);
  });

  return { port: await listenOnLoopback(server, options.port), close: () => closeServer(server, tunnels) };
}
