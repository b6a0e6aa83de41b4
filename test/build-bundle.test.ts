import { describe, expect, it } from "vitest";
import { listBundledInputs, requireBuiltins } from "../scripts/build-bundle.ts";

const BANNER = 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

describe("requireBuiltins", () => {
  it("turns each leading import of a Node module into a require of the names it uses", () => {
    const chunk = [
      BANNER,
      'import * as os from "os";',
      'import fs from "node:fs";',
      'import { constants, promises as fsp } from "fs";',
      "import {",
      "  helper,",
      "  other as renamed",
      '} from "./chunk-ABC.js";',
      'import EventEmitter, { once } from "node:events";',
      "",
      "// body",
      'const text = `\nimport { x } from "fs";\n`;',
    ].join("\n");
    expect(requireBuiltins(chunk)).toBe(
      [
        BANNER,
        'const os = require("os");',
        'const fs = require("node:fs");',
        'const { constants, promises: fsp } = require("fs");',
        "import {",
        "  helper,",
        "  other as renamed",
        '} from "./chunk-ABC.js";',
        'const EventEmitter = require("node:events"), { once } = EventEmitter;',
        "",
        "// body",
        'const text = `\nimport { x } from "fs";\n`;',
      ].join("\n"),
    );
  });

  it("keeps a hashbang first and leaves a chunk without imports as it is", () => {
    expect(requireBuiltins(`#!/usr/bin/env node\n${BANNER}\nimport { join } from "node:path";\njoin();\n`)).toBe(
      `#!/usr/bin/env node\n${BANNER}\nconst { join } = require("node:path");\njoin();\n`,
    );
    expect(requireBuiltins(`${BANNER}\nvar x = 1;\n`)).toBe(`${BANNER}\nvar x = 1;\n`);
  });

  it("refuses an import form it does not know, rather than shipping it unchanged", () => {
    expect(() => requireBuiltins(`${BANNER}\nimport def, * as all from "node:fs";\n`)).toThrow(/Unexpected import of node:fs/);
  });
});

describe("listBundledInputs", () => {
  it("lists the files with code in some output, not those tree-shaken to nothing", () => {
    const metafile = {
      inputs: {},
      outputs: {
        "dist/index.js": {
          bytes: 10,
          imports: [],
          exports: [],
          inputs: { "src/a.ts": { bytesInOutput: 5 }, "node_modules/x/index.js": { bytesInOutput: 0 } },
        },
        "dist/chunk.js": { bytes: 10, imports: [], exports: [], inputs: { "node_modules/@s/y/lib/y.js": { bytesInOutput: 9 } } },
      },
    };
    expect(listBundledInputs(metafile)).toEqual([`${process.cwd()}/node_modules/@s/y/lib/y.js`, `${process.cwd()}/src/a.ts`]);
  });
});
