import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
import {
  DEFAULT_WRITE_PACING,
  createKeyVault
} from "./chunk-Q5WVDJXP.js";
import "./chunk-TMIRDYP4.js";
import "./chunk-Y7B54HM5.js";
import "./chunk-SPM4MOY7.js";
export {
  DEFAULT_WRITE_PACING,
  createKeyVault
};
