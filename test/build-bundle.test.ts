import { describe, expect, it } from "vitest";
import { BANNER, listBundledInputs, requireBuiltins } from "../scripts/build-bundle.ts";

const get = (name: string): string => `globalThis.process.getBuiltinModule(${JSON.stringify(name)})`;

describe("requireBuiltins", () => {
  it("gets each imported Node module from the process, first, with only the names imported", () => {
    const chunk = [
      BANNER,
      'import * as os from "os";',
      "import {",
      "  helper,",
      "  other as renamed",
      '} from "./chunk-ABC.js";',
      "var early = 1;",
      'import fs from "node:fs";',
      'import { constants, promises as fsp } from "fs";',
      'import EventEmitter, { once } from "node:events";',
      "// body",
      'const text = `\nimport { x } from "fs";\n`;',
    ].join("\n");
    expect(requireBuiltins(chunk)).toBe(
      [
        BANNER,
        `const os = ${get("os")};`,
        `const fs = ${get("node:fs")};`,
        `const { constants, promises: fsp } = ${get("fs")};`,
        `const EventEmitter = ${get("node:events")}, { once } = EventEmitter;`,
        "",
        "import {",
        "  helper,",
        "  other as renamed",
        '} from "./chunk-ABC.js";',
        "var early = 1;",
        "",
        "",
        "",
        "// body",
        'const text = `\nimport { x } from "fs";\n`;',
      ].join("\n"),
    );
  });

  it("keeps a hashbang first, and a chunk without such imports as it is", () => {
    expect(requireBuiltins(`#!/usr/bin/env node\n${BANNER}\nimport { join } from "node:path";\njoin();\n`)).toBe(
      `#!/usr/bin/env node\n${BANNER}\nconst { join } = ${get("node:path")};\n\njoin();\n`,
    );
    const plain = `${BANNER}\nimport { a } from "./chunk-A.js";\nvar x = a;\n`;
    expect(requireBuiltins(plain)).toBe(plain);
  });

  it("refuses an import form it does not know, rather than shipping it unchanged", () => {
    expect(() => requireBuiltins(`${BANNER}\nimport def, * as all from "node:fs";\n`)).toThrow(/Unexpected import in the bundle/);
    expect(() => requireBuiltins(`${BANNER}\nimport "node:fs";\n`)).toThrow(/Unexpected import in the bundle/);
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
