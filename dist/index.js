import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);

// src/action/index.ts
import { enableCompileCache } from "node:module";
enableCompileCache();
var { run } = await import("./main-2KPMKJVG.js");
await run();
