/**
 * `npm run bench`: speed and memory of the bundled action against the local Azure with Key
 * Vault's real limits switched on (300 writes and 4,000 transactions per 10 s per vault, 429
 * without Retry-After) and a per-request latency. Three runs over N secrets: the first sync
 * (N creates), a no-op sync, and a sync that changes a tenth of the values. Prints a table and,
 * as the last line, one JSON object for tools to read.
 *
 *   npm run bench -- --secrets 1000 --latency 20 --concurrency 8
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_CLIENT_ID, adminDelete, adminGet, cloudEnv, startCloud } from "../local-azure/index.ts";
import { githubContext, runAction } from "../tools/run-action.ts";

const { values: args } = parseArgs({
  options: {
    secrets: { type: "string", default: "1000" },
    latency: { type: "string", default: "20" },
    concurrency: { type: "string", default: "8" },
  },
});
const secretCount = Number(args.secrets);
const latencyMs = Number(args.latency);
const concurrency = args.concurrency;

interface Measurement {
  run: string;
  seconds: number;
  peakRssMb: number;
  requests: Record<string, number>;
  throttled: number;
  outputs: Record<string, string>;
  exitCode: number;
}

/** Peak resident memory of a process (VmHWM), sampled until it exits. */
function samplePeakRss(pid: number): () => number {
  let peakKb = 0;
  const read = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // the process has exited; keep the last reading
    }
  };
  const timer = setInterval(read, 25);
  return () => {
    read();
    clearInterval(timer);
    return Math.round(peakKb / 102.4) / 10;
  };
}

function makeSecrets(generation: (index: number) => number): string {
  const secrets: Record<string, string> = {};
  for (let index = 0; index < secretCount; index++) {
    secrets[`BENCH_SECRET_${String(index).padStart(5, "0")}`] = `value-${index}-generation-${generation(index)}-${"x".repeat(64)}`;
  }
  return JSON.stringify(secrets);
}

const cloud = await startCloud({
  vaults: [
    {
      name: "bench-vault",
      cloud: "public",
      roles: [{ principal: DEFAULT_CLIENT_ID, role: "Key Vault Secrets Officer" }],
      throttle: { enabled: true, writesPerWindow: 300, transactionsPerWindow: 4000, windowMs: 10_000, retryAfterSeconds: null },
      faults: { latencyMs },
    },
  ],
});
try {
  const clientId = cloud.info.clientId;
  const env = { ...cloudEnv(cloud.info), ...githubContext() };
  const inputs = { vault: "bench-vault", "tenant-id": cloud.info.tenantId, "client-id": clientId, concurrency };

  const measure = async (run: string, secrets: string): Promise<Measurement> => {
    await adminDelete(cloud.info.adminUrl, "/requests");
    let stopSampling = () => 0;
    const started = performance.now();
    const result = await runAction({
      inputs: { ...inputs, secrets },
      env,
      timeoutMs: 30 * 60_000,
      onSpawn: (pid) => (stopSampling = samplePeakRss(pid)),
    });
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    const peakRssMb = stopSampling();
    const { requests, counts } = await adminGet<{ requests: Array<{ status: number }>; counts: Record<string, number> }>(
      cloud.info.adminUrl,
      "/requests?host=bench-vault.vault.azure.net",
    );
    const throttled = requests.filter((request) => request.status === 429).length;
    if (result.exitCode !== 0) console.error(result.visibleLog.split("\n").slice(-20).join("\n"));
    const { plan: _plan, ...outputs } = result.outputs;
    return { run, seconds, peakRssMb, requests: counts, throttled, outputs, exitCode: result.exitCode };
  };

  const results = [
    await measure(
      "first sync",
      makeSecrets(() => 1),
    ),
    await measure(
      "no-op sync",
      makeSecrets(() => 1),
    ),
    await measure(
      "10% changed",
      makeSecrets((index) => (index % 10 === 0 ? 2 : 1)),
    ),
  ];

  console.log(`\n${secretCount} secrets, ${latencyMs} ms latency per request, concurrency ${concurrency}, Key Vault throttling on\n`);
  console.log("run            seconds  peak RSS MB  sets  gets  lists  429s  created updated unchanged failed");
  for (const result of results) {
    const { outputs, requests } = result;
    console.log(
      [
        result.run.padEnd(14),
        String(result.seconds).padStart(7),
        String(result.peakRssMb).padStart(12),
        String(requests["SetSecret"] ?? 0).padStart(5),
        String(requests["GetSecret"] ?? 0).padStart(5),
        String((requests["GetSecrets"] ?? 0) + (requests["GetDeletedSecrets"] ?? 0)).padStart(6),
        String(result.throttled).padStart(5),
        (outputs["created"] ?? "-").padStart(8),
        (outputs["updated"] ?? "-").padStart(7),
        (outputs["unchanged"] ?? "-").padStart(9),
        (outputs["failed"] ?? "-").padStart(6),
      ].join(" "),
    );
  }
  console.log(JSON.stringify({ secrets: secretCount, latencyMs, concurrency: Number(concurrency), results }));
  if (results.some((result) => result.exitCode !== 0)) process.exitCode = 1;
} finally {
  await cloud.stop();
}
