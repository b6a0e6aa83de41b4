/**
 * How one entry point becomes a bundle in dist/: esbuild, as ES modules split into chunks so that
 * code a run does not reach (the Azure SDK for an offline dry run, the YAML parser without rules,
 * the CLI's `check` for a sync) is never read. Two adjustments make start-up cheap, each explained
 * where it is made: the toolkit's modules are declared free of side effects, and Node's own
 * modules are loaded with `require` instead of `import`.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, resolve } from "node:path";
import * as esbuild from "esbuild";

/**
 * Every chunk starts with a `require` of its own: the CommonJS packages in the bundle (undici,
 * jsonwebtoken, …) require Node's modules by name, and ES modules have no `require`.
 */
const BANNER = 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

/**
 * @actions/core's index imports its OIDC client (and with it @actions/http-client and undici) and
 * its platform probe (and with it @actions/exec) whatever the caller uses, and its package.json
 * does not say that its modules only define things. They do, so saying it here lets the bundle
 * leave out the parts this action never calls: it asks for the OIDC token with its own retries,
 * and never probes the platform. Without this, every run loaded undici before reading an input.
 */
const toolkitWithoutSideEffects: esbuild.Plugin = {
  name: "toolkit-without-side-effects",
  setup(build) {
    const toolkit = "/node_modules/@actions/core/";
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === toolkit || !args.importer.includes(toolkit)) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: toolkit,
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { ...resolved, sideEffects: resolved.path.includes(toolkit) ? false : resolved.sideEffects };
    });
  },
};

/** One entry point bundled into `outDir`; returns the metafile (what went into which file). */
export async function buildBundle(entry: string, outDir: string): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    entryPoints: { index: entry },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node24",
    // @azure/identity imports `open` only for the interactive browser sign-in, which no
    // credential of this project builds; the stub (see tsconfig.json `paths`) keeps `open`, its
    // helpers and their `xdg-open` script out of dist/.
    alias: { open: "./scripts/stubs/open.ts" },
    banner: { js: BANNER },
    // The licence texts are in licenses.txt, complete; the comments would repeat parts of them.
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    plugins: [toolkitWithoutSideEffects],
  });
  for (const file of readdirSync(outDir).filter((name) => name.endsWith(".js"))) {
    const path = join(outDir, file);
    // Some packages ship CRLF sources; dist/ is LF throughout (see .gitattributes), and
    // JavaScript reads CRLF and LF alike, even inside template literals.
    writeFileSync(path, requireBuiltins(readFileSync(path, "utf8")).replaceAll("\r\n", "\n"));
  }
  writeFileSync(join(outDir, "package.json"), '{ "type": "module" }\n');
  return result.metafile;
}

const IMPORT_STATEMENT = /\s*import ([^;"]+?) from "([^"]+)";/y;

/**
 * Rewrites a chunk's leading `import … from "<Node module>"` statements into `require` calls.
 * An ES import of a Node module makes Node read every export of it, which loads what the module
 * keeps lazy: importing `fs` alone loads `fs/promises`, the streams and readline. `require`
 * reads only the names used. Imports of other chunks stay imports, so their order holds.
 */
export function requireBuiltins(text: string): string {
  const hashbang = /^#!.*\n/.exec(text)?.[0] ?? "";
  const start = text.startsWith(BANNER, hashbang.length) ? hashbang.length + BANNER.length : hashbang.length;
  let out = text.slice(0, start);
  let at = start;
  IMPORT_STATEMENT.lastIndex = at;
  for (let match = IMPORT_STATEMENT.exec(text); match !== null; match = IMPORT_STATEMENT.exec(text)) {
    const [whole, clause = "", specifier = ""] = match;
    out += isBuiltin(specifier) ? whole.replace(/import [\s\S]+$/, requireStatement(clause.trim(), specifier)) : whole;
    at = IMPORT_STATEMENT.lastIndex;
  }
  return out + text.slice(at);
}

function requireStatement(clause: string, specifier: string): string {
  const call = `require(${JSON.stringify(specifier)})`;
  const names = (list: string): string => list.replace(/\s+as\s+/g, ": ");
  let match: RegExpExecArray | null;
  if ((match = /^(?:\* as )?([\w$]+)$/.exec(clause))) return `const ${match[1] ?? ""} = ${call};`;
  if ((match = /^\{([^}]*)\}$/.exec(clause))) return `const {${names(match[1] ?? "")}} = ${call};`;
  if ((match = /^([\w$]+),\s*\{([^}]*)\}$/.exec(clause)))
    return `const ${match[1] ?? ""} = ${call}, {${names(match[2] ?? "")}} = ${match[1] ?? ""};`;
  throw new Error(`Unexpected import of ${specifier} in the bundle: import ${clause}`);
}

/** The source files that have code in any output file (tree-shaken ones excluded), absolute. */
export function listBundledInputs(metafile: esbuild.Metafile): string[] {
  const inputs = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) if (bytesInOutput > 0) inputs.add(resolve(input));
  return [...inputs].sort();
}
