import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import "./chunk-KPOE4I3O.js";

// scripts/stubs/open.ts
function open() {
  return Promise.reject(new Error("Interactive browser sign-in is not part of this action."));
}
export {
  open as default
};
