/**
 * Runs one child process for the bench (the bundled action, a peer script, a bare node) the way
 * the runner would, and measures it: wall time, peak resident memory (VmHWM, sampled), and the
 * time from its last line of output to its exit.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Measured {
  exitCode: number;
  seconds: number;
  peakRssMb: number;
  /** From the last output (stdout or stderr) to the exit. */
  tailSeconds: number;
  stdout: string;
  stderr: string;
}

function readPeakKb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export function measureProcess(
  command: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; timeoutMs: number },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let peakKb = 0;
    let lastOutput = started;
    const sample = (): void => {
      if (child.pid !== undefined) peakKb = Math.max(peakKb, readPeakKb(child.pid) ?? 0);
    };
    const sampler = setInterval(sample, 20);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      lastOutput = performance.now();
      sample();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      lastOutput = performance.now();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const ended = performance.now();
      clearInterval(sampler);
      clearTimeout(timer);
      if (signal) {
        reject(new Error(`${command} killed by ${signal} after ${options.timeoutMs} ms\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({
        exitCode: code ?? 1,
        seconds: (ended - started) / 1000,
        peakRssMb: Math.round(peakKb / 102.4) / 10,
        tailSeconds: (ended - lastOutput) / 1000,
        stdout,
        stderr,
      });
    });
  });
}
