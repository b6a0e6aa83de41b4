import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
import {
  AzureLogger,
  createClientLogger2 as createClientLogger,
  getLogLevel,
  setLogLevel
} from "./chunk-HQDPUEQQ.js";
import "./chunk-SPM4MOY7.js";
export {
  AzureLogger,
  createClientLogger,
  getLogLevel,
  setLogLevel
};
