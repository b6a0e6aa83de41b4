/** Listening on loopback and closing for good: the same for the proxy, the TLS server and the admin API. */
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

type LoopbackServer = Pick<Server, "listen" | "once" | "address" | "close" | "closeAllConnections">;

/** Listens on 127.0.0.1, on `port` or a free one, and resolves to the port. */
export async function listenOnLoopback(server: LoopbackServer, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Stops accepting and ends every open connection, including sockets the server never saw (tunnels). */
export function closeServer(server: LoopbackServer, sockets: Iterable<Socket> = []): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections();
  });
}
