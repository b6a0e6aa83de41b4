/**
 * The one TLS server behind the proxy. It terminates TLS for every host with the same
 * certificate, turns each HTTP request into a CloudRequest for the service that owns the host
 * and records the answer in the request log. Connections accepted by the proxy are handed over
 * in-process (no second TCP hop); the server also listens on a loopback port of its own.
 */
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { closeServer, listenOnLoopback } from "./listen.ts";
import type { TLSSocket } from "node:tls";
import type { RequestLog } from "./request-log.ts";
import type { CloudResponse, Handler } from "./types.ts";

export interface TlsServerOptions {
  certPem: string;
  keyPem: string;
  /** The handler for a host name, or undefined for hosts the cloud does not serve. */
  findHandler(hostname: string): Handler | undefined;
  log: RequestLog;
}

export interface TlsServer {
  port: number;
  /** Takes over a client socket (from a CONNECT) as if it had connected to the server. */
  acceptSocket(socket: Socket): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function readHostname(req: IncomingMessage): string {
  const hostHeader = req.headers.host;
  if (hostHeader !== undefined && hostHeader !== "") return hostHeader.replace(/:\d+$/, "").toLowerCase();
  // An HTTPS server's requests arrive on TLS sockets.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- see above
  const servername = (req.socket as TLSSocket).servername;
  return typeof servername === "string" ? servername.toLowerCase() : "";
}

function writeResponse(res: ServerResponse, response: CloudResponse): void {
  if (response.destroy === true) {
    res.socket?.destroy();
    return;
  }
  const body = response.body === undefined ? undefined : typeof response.body === "string" ? Buffer.from(response.body) : response.body;
  const headers: Record<string, string | number> = { ...response.headers };
  if (body !== undefined) headers["content-length"] = body.length;
  else if (response.status !== 204 && response.status !== 304) headers["content-length"] = 0;
  res.writeHead(response.status, headers);
  res.end(body);
}

export async function startTlsServer(options: TlsServerOptions): Promise<TlsServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer({ cert: options.certPem, key: options.keyPem, keepAlive: true }, (req, res) => {
    void serveRequest(req, res);
  });
  // Clients (MSAL, the SDK, Python requests) keep connections alive between calls.
  server.keepAliveTimeout = 65_000;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("tlsClientError", (_error, socket) => socket.destroy());
  // Each handshake is a new connection: clients that reuse connections make few of them.
  server.on("secureConnection", (socket: TLSSocket) => {
    options.log.recordConnection(typeof socket.servername === "string" ? socket.servername : "", "handshakes");
  });

  async function serveRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostname = readHostname(req);
    const method = req.method ?? "GET";
    let url: URL;
    try {
      url = new URL(req.url ?? "/", `https://${req.headers.host ?? hostname}`);
    } catch {
      url = new URL(`https://${hostname}/`);
    }
    const path = `${url.pathname}${url.search}`;
    let response: CloudResponse;
    try {
      const body = await readBody(req);
      const handler = options.findHandler(hostname);
      response =
        handler === undefined
          ? {
              status: 421,
              operation: "MisdirectedRequest",
              headers: { "content-type": "text/plain" },
              body: `This server does not answer for ${hostname}.`,
            }
          : await handler({ method, url, headers: req.headers, body });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      response = {
        status: 500,
        operation: "CloudError",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify({ error: { code: "InternalError", message: `The local Azure failed: ${message}` } }),
      };
    }
    options.log.record({
      host: hostname,
      method,
      path,
      status: response.destroy === true ? 0 : response.status,
      operation: response.operation ?? "Unrecognized",
    });
    writeResponse(res, response);
  }

  return {
    port: await listenOnLoopback(server),
    acceptSocket(socket) {
      server.emit("connection", socket);
    },
    close: () => closeServer(server, sockets),
  };
}
