import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/action/index.ts
import { enableCompileCache } from "node:module";
import { setFlagsFromString } from "node:v8";
setFlagsFromString("--semi-space-growth-factor=1");
enableCompileCache();
var { run } = await import("./main-UXAU4R2J.js");
await run();
