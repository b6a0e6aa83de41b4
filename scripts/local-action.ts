/**
 * `npm run local-action`: runs the action's source, src/action/main.ts, under GitHub's local-action
 * debugger (as the actions/typescript-action template does), against a local Azure started here.
 * Inputs and runner context come from .env, or from .env.example when there is no .env.
 *
 * local-action is fetched by npx at a pinned version rather than kept as a devDependency: it
 * brings some 360 packages and, installed next to the action's own, it changes which versions
 * of the Azure SDK the bundle gets.
 *
 * local-action loads the dotenv file it is given into the action's environment, so the
 * connection to the local Azure is appended to a copy of it. Only the test CA also goes into the
 * environment of the process, as Node reads NODE_EXTRA_CA_CERTS only when it starts; the proxy
 * must not, or npx would ask the local Azure for the package.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cloudEnv, startCloud } from "../local-azure/index.ts";

const LOCAL_ACTION = "@github/local-action@7.0.1";

const envFile = existsSync(".env") ? ".env" : ".env.example";
const scratch = mkdtempSync(join(tmpdir(), "kvs-local-action-"));
const cloud = await startCloud();
try {
  console.error(`Local Azure started (vault ${cloud.info.vaultUrl}); inputs from ${envFile}`);
  const summaryFile = join(scratch, "step-summary.md");
  writeFileSync(summaryFile, "");
  const connection = {
    ...cloudEnv(cloud.info),
    "INPUT_TENANT-ID": cloud.info.tenantId,
    "INPUT_CLIENT-ID": cloud.info.clientId,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  // Single-quoted dotenv values are taken literally; none of these holds a quote or a line break.
  const lines = Object.entries(connection).map(([key, value]) => `${key}='${value}'`);
  const runEnvFile = join(scratch, ".env");
  writeFileSync(runEnvFile, `${readFileSync(envFile, "utf8")}\n# Added by npm run local-action\n${lines.join("\n")}\n`);
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: cloud.info.caFile };
  const child = spawn("npx", ["--yes", LOCAL_ACTION, "run", ".", "src/action/main.ts", runEnvFile], { env, stdio: "inherit" });
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal === null ? 1 : 128)));
  });
  process.exitCode = code;
  console.log("\nJob summary:\n");
  console.log(readFileSync(summaryFile, "utf8").trimEnd());
} finally {
  await cloud.stop();
  rmSync(scratch, { recursive: true, force: true });
}
