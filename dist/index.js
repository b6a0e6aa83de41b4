
const { readFileSync, renameSync, writeFileSync } = globalThis.process.getBuiltinModule("node:fs");
const { dirname, join } = globalThis.process.getBuiltinModule("node:path");
const { fileURLToPath } = globalThis.process.getBuiltinModule("node:url");
const { Script, constants } = globalThis.process.getBuiltinModule("node:vm");// src/action/index.ts

import { createRequire, enableCompileCache, getCompileCacheDir } from "node:module";



enableCompileCache();
var scriptPath = fileURLToPath(new URL("./action.cjs", import.meta.url));
var cacheDir = getCompileCacheDir();
var cachePath = cacheDir === void 0 ? void 0 : join(cacheDir, `keyvault-sync-${"17376d674ada8a76"}.bin`);
var cachedData = cachePath === void 0 ? void 0 : readCache(cachePath);
var script = new Script(
  `(function (exports, require, module, __filename, __dirname) { "use strict"; ${readFileSync(scriptPath, "utf8")}
})`,
  { filename: scriptPath, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
);
var load = createRequire(scriptPath);
var module = { exports: {} };
script.runInThisContext()(
  module.exports,
  (id) => process.getBuiltinModule(id) ?? load(id),
  module,
  scriptPath,
  dirname(scriptPath)
);
var cacheTaken = false;
var takeCache = () => {
  if (cacheTaken) return;
  cacheTaken = true;
  if (cachePath !== void 0 && (cachedData === void 0 || script.cachedDataRejected === true))
    writeCache(cachePath, script.createCachedData());
};
await module.exports.run({ ...module.exports.createDefaultDeps(), beforeFlagsChange: takeCache });
takeCache();
function readCache(path) {
  try {
    return readFileSync(path);
  } catch {
    return void 0;
  }
}
function writeCache(path, data) {
  const partial = `${path}.${String(process.pid)}`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, path);
  } catch {
  }
}
