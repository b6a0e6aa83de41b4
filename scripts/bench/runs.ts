/**
 * One measured run of the bundled action, or of a peer script, against the local Azure through
 * the delaying relay, with what the local Azure counted for it: requests, 429s, new tunnels and
 * TLS handshakes, GitHub token requests.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { adminDelete, adminGet, cloudEnv } from "../../local-azure/index.ts";
import type { CloudInfo, RequestLogView } from "../../local-azure/index.ts";
import { githubContext, parseOutputFile } from "../../tools/run-action.ts";
import { measureProcess } from "./run.ts";

export interface RunSample {
  exitCode: number;
  seconds: number;
  peakRssMb: number;
  tailSeconds: number;
  vaultRequests: number;
  throttled: number;
  /** SetSecret answered 200: versions written. */
  versionsWritten: number;
  tunnels: number;
  handshakes: number;
  githubTokenRequests: number;
  outputs: Record<string, string>;
  /** Peer scripts: their own JSON line. */
  peer?: { failed: number; failures: Record<string, number> };
}

/** `NAME=value` lines for `count` secrets; `generation(index)` changes the values it bumps. */
export function makeDotenv(count: number, generation: (index: number) => number, prefix = "BENCH_SECRET"): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index++)
    lines.push(`${prefix}_${String(index).padStart(5, "0")}=value-${index}-generation-${generation(index)}-${"x".repeat(64)}`);
  return `${lines.join("\n")}\n`;
}

export interface RunContext {
  info: CloudInfo;
  /** The relay's URL: every request of the child goes through it. */
  proxyUrl: string;
}

function childEnv(context: RunContext, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "",
    HOME: process.env["HOME"] ?? "/tmp",
    ...cloudEnv(context.info),
    ...githubContext(),
    ...extra,
  };
  env["HTTPS_PROXY"] = context.proxyUrl;
  env["https_proxy"] = context.proxyUrl;
  return env;
}

async function countFor(
  context: RunContext,
  vaultHost: string,
): Promise<Omit<RunSample, "exitCode" | "seconds" | "peakRssMb" | "tailSeconds" | "outputs">> {
  const vault = await adminGet<RequestLogView>(context.info.adminUrl, `/requests?host=${vaultHost}`);
  const all = await adminGet<RequestLogView>(context.info.adminUrl, "/requests");
  const githubHost = new URL(context.info.oidcRequestUrl).hostname;
  return {
    vaultRequests: vault.requests.length,
    throttled: vault.requests.filter((entry) => entry.status === 429).length,
    versionsWritten: vault.requests.filter((entry) => entry.operation === "SetSecret" && entry.status === 200).length,
    tunnels: all.connections.tunnels,
    handshakes: all.connections.handshakes,
    githubTokenRequests: all.requests.filter((entry) => entry.host === githubHost).length,
  };
}

export interface ActionRunOptions {
  vault: string;
  dotenv: string;
  inputs?: Record<string, string>;
  /** Leave the OIDC variables out (an offline dry run). */
  offline?: boolean;
  /** A failing exit is expected (faulted runs): do not print its log tail. */
  mayFail?: boolean;
  /** More environment for the action's process. */
  extraEnv?: Record<string, string>;
}

export async function runActionOnce(context: RunContext, options: ActionRunOptions): Promise<RunSample> {
  const workspace = mkdtempSync(join(tmpdir(), "kvs-bench-"));
  try {
    writeFileSync(join(workspace, "secrets.env"), options.dotenv);
    const outputFile = join(workspace, "github-output");
    writeFileSync(outputFile, "");
    writeFileSync(join(workspace, "step-summary"), "");
    const inputs: Record<string, string> = {
      vault: options.vault,
      "tenant-id": context.info.tenantId,
      "client-id": context.info.clientId,
      "env-file": "secrets.env",
      ...options.inputs,
    };
    const env = childEnv(context, {
      RUNNER_TEMP: workspace,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: join(workspace, "step-summary"),
      ...options.extraEnv,
    });
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
    if (options.offline) {
      // A Dependabot run: GitHub withholds the OIDC token, so the dry run validates offline.
      delete env["ACTIONS_ID_TOKEN_REQUEST_URL"];
      delete env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"];
      env["GITHUB_ACTOR"] = "dependabot[bot]";
    }
    await adminDelete(context.info.adminUrl, "/requests");
    const run = await measureProcess(process.execPath, [resolve("dist/index.js")], { env, cwd: workspace, timeoutMs: 30 * 60_000 });
    const { plan: _plan, ...outputs } = parseOutputFile(readFileSync(outputFile, "utf8"));
    const counted = await countFor(context, `${options.vault}.vault.azure.net`);
    if (run.exitCode !== 0 && !options.mayFail)
      process.stderr.write(`${options.vault}: exit ${run.exitCode}\n${run.stdout.split("\n").slice(-15).join("\n")}\n`);
    return { exitCode: run.exitCode, seconds: run.seconds, peakRssMb: run.peakRssMb, tailSeconds: run.tailSeconds, outputs, ...counted };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

export async function runPeerOnce(context: RunContext, mode: "serial" | "all", vault: string, dotenv: string): Promise<RunSample> {
  const workspace = mkdtempSync(join(tmpdir(), "kvs-peer-"));
  try {
    const file = join(workspace, "secrets.env");
    writeFileSync(file, dotenv);
    const env = childEnv(context, { AZURE_TENANT_ID: context.info.tenantId, AZURE_CLIENT_ID: context.info.clientId });
    await adminDelete(context.info.adminUrl, "/requests");
    const run = await measureProcess(process.execPath, [resolve("scripts/bench/peer.ts"), mode, `https://${vault}.vault.azure.net`, file], {
      env,
      cwd: workspace,
      timeoutMs: 60 * 60_000,
    });
    const line = run.stdout.trim().split("\n").at(-1) ?? "{}";
    const peer = JSON.parse(line) as { failed: number; failures: Record<string, number> };
    const counted = await countFor(context, `${vault}.vault.azure.net`);
    return {
      exitCode: run.exitCode,
      seconds: run.seconds,
      peakRssMb: run.peakRssMb,
      tailSeconds: run.tailSeconds,
      outputs: {},
      peer: { failed: peer.failed, failures: peer.failures },
      ...counted,
    };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** Wall time of a bare `node -e 0`, the floor any Node program starts from. */
export async function runBareNode(): Promise<number> {
  const run = await measureProcess(process.execPath, ["-e", "0"], {
    env: { PATH: process.env["PATH"] ?? "" },
    cwd: tmpdir(),
    timeoutMs: 60_000,
  });
  return run.seconds;
}
