/**
 * Runs the bundled action (dist/index.js) the way the GitHub runner does: inputs as INPUT_*
 * environment variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, workflow commands on
 * stdout. Returns everything the runner would see, parsed.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const DIST_ENTRY = resolve("dist/index.js");

export interface Annotation {
  level: "error" | "warning" | "notice";
  message: string;
  properties: Record<string, string>;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** Values the action asked the runner to mask (::add-mask::). */
  masked: string[];
  /** stdout as the runner shows it: masking commands consumed, masked values replaced by ***. */
  visibleLog: string;
  /** Milliseconds from spawn to the last stdout chunk, and to the process's exit. */
  timing: { lastOutputMs: number; exitMs: number };
  /** The file the `references-file` output names, read before RUNNER_TEMP is removed. */
  referencesFile: string | undefined;
}

export interface RunOptions {
  inputs: Record<string, string>;
  /** Extra environment (cloud env, GITHUB_* context). */
  env?: Record<string, string | undefined>;
  /** Files to create in the workspace before the run (relative path → content). */
  files?: Record<string, string | Uint8Array>;
  /** Called with the workspace path after the files are written (symlinks, pipes, …). */
  prepare?: (workspace: string) => void;
  timeoutMs?: number;
  /** Called with the action's process id once it has started (benchmarks sample its memory). */
  onSpawn?: (pid: number) => void;
}

/** The GitHub context of a push to main in octo-org/octo-repo, as a runner sets it. */
export function githubContext(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_ACTIONS: "true",
    GITHUB_REPOSITORY: "octo-org/octo-repo",
    GITHUB_REPOSITORY_OWNER: "octo-org",
    GITHUB_EVENT_NAME: "push",
    GITHUB_REF: "refs/heads/main",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_WORKFLOW: "deploy",
    GITHUB_ACTOR: "octocat",
    RUNNER_OS: "Linux",
    ...overrides,
  };
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const workspace = mkdtempSync(join(tmpdir(), "kvs-run-"));
  try {
    const outputFile = join(workspace, "github-output");
    const summaryFile = join(workspace, "step-summary");
    writeFileSync(outputFile, "");
    writeFileSync(summaryFile, "");
    for (const [path, content] of Object.entries(options.files ?? {})) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), content);
    }
    options.prepare?.(workspace);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? workspace,
      RUNNER_TEMP: workspace,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
    };
    for (const [key, value] of Object.entries(options.env ?? {})) {
      if (value !== undefined) env[key] = value;
    }
    for (const [name, value] of Object.entries(options.inputs)) {
      env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
    }
    const { exitCode, stdout, stderr, timing } = await spawnNode(DIST_ENTRY, env, workspace, options.timeoutMs ?? 120_000, options.onSpawn);
    const masked = parseMasks(stdout);
    const outputs = parseOutputFile(readFileSync(outputFile, "utf8"));
    const referencesPath = outputs["references-file"];
    return {
      exitCode,
      stdout,
      stderr,
      outputs,
      referencesFile: referencesPath ? readFileSync(referencesPath, "utf8") : undefined,
      summary: readFileSync(summaryFile, "utf8"),
      annotations: parseAnnotations(stdout),
      masked,
      visibleLog: renderVisibleLog(stdout, masked, env["ACTIONS_STEP_DEBUG"] === "true"),
      timing,
    };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

function spawnNode(entry: string, env: Record<string, string>, cwd: string, timeoutMs: number, onSpawn?: (pid: number) => void) {
  return new Promise<{ exitCode: number; stdout: string; stderr: string; timing: ActionRun["timing"] }>((resolvePromise, reject) => {
    const started = performance.now();
    let lastOutput = started;
    const child = spawn(process.execPath, [entry], { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid !== undefined) onSpawn?.(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      lastOutput = performance.now();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    // "exit", not "close": the moment the process ended, before its pipes are drained.
    let exited = started;
    child.on("exit", () => (exited = performance.now()));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`action killed by ${signal} after ${timeoutMs} ms\n${stdout}\n${stderr}`));
      else
        resolvePromise({ exitCode: code ?? 1, stdout, stderr, timing: { lastOutputMs: lastOutput - started, exitMs: exited - started } });
    });
  });
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = "", delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? "");
      outputs[name] = value.join("\n");
    } else if (line.includes("=")) {
      const at = line.indexOf("=");
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ":").replace(/%2C/g, ",");
}

export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split("\n")) {
    const match = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (!match) continue;
    const [, level, rawProps = "", message = ""] = match;
    const properties: Record<string, string> = {};
    for (const pair of rawProps.trim().split(",").filter(Boolean)) {
      const at = pair.indexOf("=");
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    annotations.push({ level: level as Annotation["level"], message: unescapeData(message), properties });
  }
  return annotations;
}

function parseMasks(stdout: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("::add-mask::"))
    .map((line) => unescapeData(line.slice("::add-mask::".length)));
}

const COMMAND_LABELS: Record<string, string> = { error: "Error", warning: "Warning", notice: "Notice" };

/**
 * What the runner prints: ::add-mask:: commands are consumed, annotations show as `Error: …`
 * (their properties go to the annotation panel, not the log), debug lines only with step
 * debugging on, and masked strings become ***.
 */
function renderVisibleLog(stdout: string, masked: readonly string[], debug = false): string {
  const secrets = [...masked].filter((value) => value.length > 0).sort((a, b) => b.length - a.length);
  const lines: string[] = [];
  for (const line of stdout.split("\n")) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (command === null) {
      lines.push(line);
      continue;
    }
    const [, name = "", message = ""] = command;
    const label = COMMAND_LABELS[name];
    if (label !== undefined) lines.push(`${label}: ${unescapeData(message)}`);
    else if (name === "debug" && debug) lines.push(`##[debug]${unescapeData(message)}`);
    else if (name === "group") lines.push(`▸ ${unescapeData(message)}`);
  }
  return lines.map((line) => secrets.reduce((text, secret) => text.split(secret).join("***"), line)).join("\n");
}
