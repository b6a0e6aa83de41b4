/**
 * `npm run cloud`: runs the local Azure in the foreground. The first line of stdout is the
 * CloudInfo JSON (what scripts parse); request lines go to stderr. Ctrl-C / SIGTERM stops it and
 * removes the temporary CA file.
 */
import { parseArgs } from "node:util";
import { startCloud } from "./index.ts";
import type { RequestLogEntry } from "./request-log.ts";
import { loadWorldConfig, type DeepPartial } from "./world.ts";
import type { WorldConfig } from "./types.ts";

function formatRequestLine(entry: RequestLogEntry): string {
  // Query strings are left out: they are noise here (api-version) and may carry audiences.
  const target = entry.method === "CONNECT" ? entry.path : `${entry.host}${entry.path.split("?")[0] ?? ""}`;
  return `${entry.time.slice(11, 23)} ${String(entry.status).padStart(3)} ${entry.method.padEnd(7)} ${target} ${entry.operation}`;
}

function readPort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${flag} must be a port number (1-65535), got ${value}`);
  return port;
}

async function runCloud(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: "string" },
      port: { type: "string" },
      "admin-port": { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  });
  const config: DeepPartial<WorldConfig> | undefined = values.config === undefined ? undefined : await loadWorldConfig(values.config);
  const cloud = await startCloud(config, {
    proxyPort: readPort(values.port, "--port"),
    adminPort: readPort(values["admin-port"], "--admin-port"),
    onRequest: values.quiet ? undefined : (entry) => process.stderr.write(`${formatRequestLine(entry)}\n`),
  });
  // A reader that goes away (`… | head -1`) must not crash the cloud through EPIPE.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
  process.stdout.write(`${JSON.stringify(cloud.info)}\n`);
  process.stderr.write(`Local Azure ready: proxy ${cloud.info.proxy}, admin ${cloud.info.adminUrl}, vault ${cloud.info.vaultUrl}\n`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping the local Azure\n`);
    cloud.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Failed to stop cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

runCloud().catch((error: unknown) => {
  process.stderr.write(`Failed to start the local Azure: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
