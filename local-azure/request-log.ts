/**
 * Every request the local Azure answered (and every CONNECT it refused), so tests and benchmarks
 * can count what a client really sent. Values never reach the log: only host, method, path,
 * status and the operation name the handler chose.
 */

export interface RequestLogEntry {
  time: string;
  host: string;
  method: string;
  path: string;
  status: number;
  operation: string;
}

/** New connections, which cost round trips before any request: proxy tunnels and TLS handshakes. */
export interface ConnectionCounts {
  tunnels: number;
  handshakes: number;
}

export interface RequestLogView {
  requests: RequestLogEntry[];
  counts: Record<string, number>;
  connections: ConnectionCounts;
}

export interface RequestLog {
  record(entry: Omit<RequestLogEntry, "time">): void;
  /** Counts a CONNECT tunnel opened, or a TLS handshake completed, for a host. */
  recordConnection(host: string, kind: keyof ConnectionCounts): void;
  view(filter?: { host?: string }): RequestLogView;
  clear(): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (entry: RequestLogEntry) => void): () => void;
}

/** Old entries are dropped past this many; counts stay exact for the unfiltered view. */
const MAX_ENTRIES = 200_000;

export function createRequestLog(): RequestLog {
  let entries: RequestLogEntry[] = [];
  let counts = new Map<string, number>();
  let connections = new Map<string, ConnectionCounts>();
  const listeners = new Set<(entry: RequestLogEntry) => void>();

  return {
    record(partial) {
      const entry: RequestLogEntry = { time: new Date().toISOString(), ...partial };
      if (entries.length >= MAX_ENTRIES) entries = entries.slice(MAX_ENTRIES / 2);
      entries.push(entry);
      counts.set(entry.operation, (counts.get(entry.operation) ?? 0) + 1);
      for (const listener of listeners) listener(entry);
    },
    recordConnection(host, kind) {
      const key = host.toLowerCase();
      const current = connections.get(key) ?? { tunnels: 0, handshakes: 0 };
      current[kind] += 1;
      connections.set(key, current);
    },
    view(filter = {}) {
      const host = filter.host?.toLowerCase();
      if (host === undefined) {
        const total: ConnectionCounts = { tunnels: 0, handshakes: 0 };
        for (const counted of connections.values()) {
          total.tunnels += counted.tunnels;
          total.handshakes += counted.handshakes;
        }
        return { requests: [...entries], counts: Object.fromEntries(counts), connections: total };
      }
      const requests = entries.filter((entry) => entry.host === host);
      const filteredCounts: Record<string, number> = {};
      for (const entry of requests) filteredCounts[entry.operation] = (filteredCounts[entry.operation] ?? 0) + 1;
      return { requests, counts: filteredCounts, connections: { ...(connections.get(host) ?? { tunnels: 0, handshakes: 0 }) } };
    },
    clear() {
      entries = [];
      counts = new Map();
      connections = new Map();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
