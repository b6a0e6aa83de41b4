import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
import {
  DEFAULT_WRITE_PACING,
  createKeyVault
} from "./chunk-KD2E5UAD.js";
import "./chunk-WFE4KSVX.js";
import "./chunk-BCX2CVSM.js";
import "./chunk-KPOE4I3O.js";
export {
  DEFAULT_WRITE_PACING,
  createKeyVault
};
