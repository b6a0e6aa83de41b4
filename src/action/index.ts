/**
 * The Action's entry point (dist/index.js). It runs dist/action.cjs, the Action's own code as one
 * script, and keeps V8's code cache of that script on disk, taken after a run.
 *
 * Why: most of a short run (an offline dry run takes tens of milliseconds) is compiling the
 * functions it calls. Node's compile cache, which dist/vendor's ES modules use, is written when a
 * module is compiled, before it runs, so it holds only the little V8 compiles up front: every
 * function a run calls is compiled again on every run. A cache taken from a `vm.Script` after the
 * run holds those functions too.
 *
 * The cache lives in Node's compile cache directory (per Node version, architecture and user,
 * in the system's temporary directory unless NODE_COMPILE_CACHE says otherwise; none when
 * NODE_DISABLE_COMPILE_CACHE is set). Its name carries a digest of action.cjs taken at build
 * time, so a cache is only ever used with the script it was made from; V8 also refuses one made
 * by another V8 version or flags, and then the script is compiled as if there were none.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, enableCompileCache, getCompileCacheDir } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script, constants } from "node:vm";
import type { RunDeps } from "./main.ts";

/** A digest of dist/action.cjs, set by the build (scripts/build-bundle.ts). */
declare const ACTION_SCRIPT_DIGEST: string;

interface ActionScript {
  createDefaultDeps(): RunDeps;
  run(deps: RunDeps): Promise<void>;
}

enableCompileCache();
const scriptPath = fileURLToPath(new URL("./action.cjs", import.meta.url));
const cacheDir = getCompileCacheDir();
const cachePath = cacheDir === undefined ? undefined : join(cacheDir, `keyvault-sync-${ACTION_SCRIPT_DIGEST}.bin`);
const cachedData = cachePath === undefined ? undefined : readCache(cachePath);
// The CommonJS wrapper, on the script's first line so that line numbers stay those of the file.
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) { "use strict"; ${readFileSync(scriptPath, "utf8")}\n})`,
  { filename: scriptPath, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER },
);
const load = createRequire(scriptPath);
const module = { exports: {} as ActionScript };
(script.runInThisContext() as (...args: unknown[]) => void)(
  module.exports,
  (id: string): unknown => process.getBuiltinModule(id) ?? (load(id) as unknown),
  module,
  scriptPath,
  dirname(scriptPath),
);
// Taken once: after the run, or before a run that goes online changes V8's flags, whichever
// comes first (a cache made under changed flags would be refused by every later run).
let cacheTaken = false;
const takeCache = (): void => {
  if (cacheTaken) return;
  cacheTaken = true;
  if (cachePath !== undefined && (cachedData === undefined || script.cachedDataRejected === true))
    writeCache(cachePath, script.createCachedData());
};
await module.exports.run({ ...module.exports.createDefaultDeps(), beforeFlagsChange: takeCache });
takeCache();

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (a rename), so a step running at the same time never reads half. */
function writeCache(path: string, data: Buffer): void {
  const partial = `${path}.${String(process.pid)}`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, path);
  } catch {
    // A cache is an optimisation: a run that cannot write one has still done its work.
  }
}
