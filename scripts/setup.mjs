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

function npm(...args) {
  // The project's .npmrc turns JSON output on for `npm run cloud`; an install's report is not
  // wanted at all. Errors only: with an older Node every package asking for Node 22+ would warn
  // EBADENGINE, although the scripts run on the Node 24 installed here.
  // Its stdout ("added 125 packages") is dropped: stdout belongs to the script that follows
  // (`npm run cloud` prints its JSON there first).
  execFileSync("npm", [...args, "--json=false", "--loglevel=error", "--no-audit", "--no-fund"], {
    stdio: ["ignore", "ignore", process.stderr],
  });
}

if (isStale()) {
  console.error("Installing the locked dependencies and Node 24 into node_modules (npm ci) …");
  npm("ci");
  // The `node` package installs its platform binary with a nested `npm install`, which leaves a
  // second copy of its helper behind: `npm ls` would call it extraneous. The binary stays.
  npm("prune");
}
