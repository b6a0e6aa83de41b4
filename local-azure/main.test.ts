import { spawn, type ChildProcessByStdio } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminGet, fetchThroughProxy, type CloudInfo } from "./index.ts";

const MAIN = new URL("./main.ts", import.meta.url).pathname;

type CloudProcess = ChildProcessByStdio<null, Readable, Readable>;

function startCli(args: string[]): { child: CloudProcess; firstLine: Promise<string>; stderr: () => string } {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const end = stdout.indexOf("\n");
      if (end >= 0) resolve(stdout.slice(0, end));
    });
    child.once("exit", (code) => reject(new Error(`The cloud CLI exited (${code}) before printing its info: ${stderr}`)));
  });
  // Tests that expect an early exit never await the line; keep that rejection from going unhandled.
  firstLine.catch(() => undefined);
  return { child, firstLine, stderr: () => stderr };
}

function waitForExit(child: CloudProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("Failed to find a free port");
  return address.port;
}

describe("npm run cloud (local-azure/main.ts)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cloud-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints CloudInfo as the first stdout line, logs requests to stderr, and stops cleanly on SIGTERM", async () => {
    const config = join(dir, "config.json");
    await writeFile(config, JSON.stringify({ tenantId: "7e57c10d-0a2e-4c1d-9f00-0000000000cc" }));
    const port = await findFreePort();
    const { child, firstLine, stderr } = startCli(["--config", config, "--port", String(port)]);
    try {
      const info = JSON.parse(await firstLine) as CloudInfo;
      expect(Object.keys(info).sort()).toEqual([
        "adminUrl",
        "caFile",
        "clientId",
        "identityEndpoint",
        "identityHeader",
        "oidcRequestToken",
        "oidcRequestUrl",
        "proxy",
        "tenantId",
        "vaultUrl",
      ]);
      expect(info.proxy).toBe(`http://127.0.0.1:${port}`);
      expect(info.tenantId).toBe("7e57c10d-0a2e-4c1d-9f00-0000000000cc");
      expect(existsSync(info.caFile)).toBe(true);
      expect(await adminGet<CloudInfo>(info.adminUrl, "/info")).toEqual(info);

      await fetchThroughProxy(info, "https://token.actions.githubusercontent.com/.well-known/jwks");
      await expect.poll(stderr).toContain("token.actions.githubusercontent.com/.well-known/jwks GitHubJwks");

      child.kill("SIGTERM");
      expect(await waitForExit(child)).toBe(0);
      expect(existsSync(info.caFile)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("fails with a message naming the flag when --port is not a port", async () => {
    const { child, stderr } = startCli(["--port", "eighty"]);
    expect(await waitForExit(child)).toBe(1);
    expect(stderr()).toContain("--port must be a port number (1-65535), got eighty");
  });
});

describe("npm run cloud, as typed", () => {
  it("prints the CloudInfo JSON as the very first line of stdout, before anything npm says", async () => {
    // npm does not pass signals on to the script, so the whole process group is stopped.
    const child = spawn("npm", ["run", "cloud", "--", "--quiet"], { stdio: ["ignore", "pipe", "pipe"], detached: true });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const end = stdout.indexOf("\n");
          if (end >= 0) resolve(stdout.slice(0, end));
        });
        child.once("exit", (code) => reject(new Error(`npm run cloud exited (${code}) before printing a line`)));
      });
      const info = JSON.parse(firstLine) as CloudInfo;
      expect(Object.keys(info).sort()).toEqual([
        "adminUrl",
        "caFile",
        "clientId",
        "identityEndpoint",
        "identityHeader",
        "oidcRequestToken",
        "oidcRequestUrl",
        "proxy",
        "tenantId",
        "vaultUrl",
      ]);
      expect((await adminGet<CloudInfo>(info.adminUrl, "/info")).proxy).toBe(info.proxy);
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
      await waitForExit(child);
    }
  });
});
