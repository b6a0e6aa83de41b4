import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
import "./chunk-SPM4MOY7.js";

// scripts/stubs/open.ts
function open() {
  return Promise.reject(new Error("Interactive browser sign-in is not part of this action."));
}
export {
  open as default
};
