/**
 * A TCP relay in front of the local Azure's proxy that makes every round trip cost what it costs
 * on a real network: each chunk is held for half the round trip in each direction, and a new
 * connection's first chunk for one more round trip (the TCP handshake). A tunnel, a TLS handshake
 * and a sign-in therefore pay their round trips like any request does.
 */
import { createServer, connect, type Server, type Socket } from "node:net";

export interface Relay {
  url: string;
  close(): Promise<void>;
}

function forwardDelayed(from: Socket, to: Socket, delayMs: number, firstExtraMs: number): void {
  let lastDue = 0;
  let extra = firstExtraMs;
  const schedule = (action: () => void): void => {
    const due = Math.max(performance.now() + delayMs + extra, lastDue);
    extra = 0;
    lastDue = due;
    setTimeout(action, Math.max(0, due - performance.now()));
  };
  from.on("data", (chunk: Buffer) => schedule(() => to.destroyed || to.write(chunk)));
  from.on("end", () => schedule(() => to.end()));
  from.on("error", () => schedule(() => to.destroy()));
  from.on("close", () => schedule(() => to.destroy()));
}

export async function startRelay(target: { host: string; port: number }, roundTripMs: number): Promise<Relay> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    }
    forwardDelayed(client, upstream, roundTripMs / 2, roundTripMs);
    forwardDelayed(upstream, client, roundTripMs / 2, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
