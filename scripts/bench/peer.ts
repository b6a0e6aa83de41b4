/**
 * What users write instead of the action, for the bench to run side by side with it: sign in with
 * the job's OIDC token, then `setSecret` for every entry of a dotenv file, either one after
 * another (`serial`) or all at once (`all`, an unbounded Promise.all). SDK defaults throughout.
 * Prints one JSON line: failures (by status) and seconds. Never prints a value.
 *
 *   node scripts/bench/peer.ts serial|all VAULT_URL DOTENV_FILE
 */
import { readFileSync } from "node:fs";
import { getIDToken } from "@actions/core";
import { ClientAssertionCredential } from "@azure/identity";
import { SecretClient } from "@azure/keyvault-secrets";
import { parse } from "dotenv";

const [mode, vaultUrl, file] = process.argv.slice(2);
if ((mode !== "serial" && mode !== "all") || !vaultUrl || !file) throw new Error("usage: peer.ts serial|all VAULT_URL DOTENV_FILE");

const started = performance.now();
const entries = Object.entries(parse(readFileSync(file, "utf8")));
const credential = new ClientAssertionCredential(process.env["AZURE_TENANT_ID"] ?? "", process.env["AZURE_CLIENT_ID"] ?? "", () =>
  getIDToken("api://AzureADTokenExchange"),
);
const client = new SecretClient(vaultUrl, credential);
const failures: Record<string, number> = {};

async function write(name: string, value: string): Promise<void> {
  try {
    await client.setSecret(name.replace(/_/g, "-"), value);
  } catch (error) {
    const code = (error as { statusCode?: unknown }).statusCode;
    const status = typeof code === "number" ? String(code) : "network";
    failures[status] = (failures[status] ?? 0) + 1;
  }
}

if (mode === "serial") {
  for (const [name, value] of entries) await write(name, value);
} else {
  await Promise.all(entries.map(([name, value]) => write(name, value)));
}
const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
console.log(JSON.stringify({ mode, secrets: entries.length, failed, failures, seconds: (performance.now() - started) / 1000 }));
