import { enableCompileCache } from "node:module";

// Compiled code is cached on disk (Node's default: the system's temporary directory), so a later
// run on the same machine (another step, a self-hosted runner) does not compile the bundle again.
// It must be on before the rest of the action loads, hence the dynamic import.
enableCompileCache();
const { run } = await import("./main.ts");
await run();
