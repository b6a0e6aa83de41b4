// Makes a fresh clone ready with no manual step: installs the locked dependencies (which include
// the Node 24 binary from the `node` package) when node_modules is missing or older than the lock.
// Runs under whatever Node started npm, so it uses only the standard library.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const lock = "package-lock.json";
const marker = "node_modules/.package-lock.json";

function isStale() {
  if (!existsSync(marker) || !existsSync("node_modules/.bin/node")) return true;
  return statSync(lock).mtimeMs > statSync(marker).mtimeMs;
}

if (isStale()) {
  console.error("Installing dependencies (npm ci) …");
  // stdout belongs to the script that follows (`npm run cloud` prints its JSON there first).
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=warn"], { stdio: ["ignore", process.stderr, process.stderr] });
}
