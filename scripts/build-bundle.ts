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
import ts from "typescript";

/**
 * Every chunk starts with a `require` of its own: the CommonJS packages in the bundle (undici,
 * jsonwebtoken, …) require Node's modules by name, and ES modules have no `require`. Node's own
 * modules come straight from the process; anything else (an optional package probed for inside
 * a try) goes through a real `require`, which fails as it would without a bundle.
 */
export const BANNER =
  'import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);';

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

/**
 * @actions/core loads Node's crypto for one call, the random delimiter of each output it writes;
 * that load is the largest single cost of an offline dry run. The toolkit gets a module with the
 * same `randomUUID` made from the system's random device instead (scripts/stubs/toolkit-crypto.ts,
 * which says why that is as good). Everything else in the bundle keeps Node's crypto.
 */
const toolkitCrypto: esbuild.Plugin = {
  name: "toolkit-crypto",
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      args.importer.includes("/node_modules/@actions/core/") ? { path: resolve("scripts/stubs/toolkit-crypto.ts") } : undefined,
    );
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
    // credential of this project builds; the stub keeps `open`, its helpers and their `xdg-open`
    // script out of dist/. (esbuild applies tsconfig.json `paths` to our files only, not to an
    // import inside node_modules, so this is the one place the replacement is said.)
    alias: { open: "./scripts/stubs/open.ts" },
    banner: { js: BANNER },
    // The licence texts are in licenses.txt, complete; the comments would repeat parts of them.
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    plugins: [toolkitCrypto, toolkitWithoutSideEffects],
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

/**
 * Rewrites a chunk's `import … from "<Node module>"` statements into `process.getBuiltinModule`
 * calls, placed first (after the banner). An ES import of a Node module makes Node read every
 * export of it, which loads what the module keeps lazy: importing `fs` alone loads
 * `fs/promises`, the streams and readline; `util` loads its argument parser and worker threads.
 * The call returns the module's own exports object, so only the names used are read. Node's
 * modules depend on nothing in the bundle, so getting them first is the order ES imports have
 * too. The chunk is parsed (by TypeScript's parser), not searched: only real import statements
 * are touched. Imports of other chunks stay imports.
 */
export function requireBuiltins(text: string): string {
  const source = ts.createSourceFile("chunk.js", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const builtins = source.statements.filter(
    (statement): statement is ts.ImportDeclaration =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      isBuiltin(statement.moduleSpecifier.text) &&
      statement.moduleSpecifier.text !== "node:module",
  );
  if (builtins.length === 0) return text;
  const hashbang = /^#!.*\n/.exec(text)?.[0] ?? "";
  const head = text.startsWith(BANNER, hashbang.length) ? hashbang.length + BANNER.length : hashbang.length;
  let body = "";
  let at = head;
  for (const statement of builtins) {
    body += text.slice(at, statement.getStart(source));
    at = statement.getEnd();
  }
  const calls = builtins.map((statement) => `\n${builtinConstant(statement, source)}`).join("");
  return text.slice(0, head) + calls + body + text.slice(at);
}

function builtinConstant(statement: ts.ImportDeclaration, source: ts.SourceFile): string {
  const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
  const call = `globalThis.process.getBuiltinModule(${JSON.stringify(specifier)})`;
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  const declarations: string[] = [];
  const whole = clause?.name?.text ?? (bindings !== undefined && ts.isNamespaceImport(bindings) ? bindings.name.text : undefined);
  if (whole !== undefined) declarations.push(`${whole} = ${call}`);
  if (bindings !== undefined && ts.isNamedImports(bindings)) {
    const names = bindings.elements.map((element) =>
      element.propertyName === undefined ? element.name.text : `${element.propertyName.getText(source)}: ${element.name.text}`,
    );
    declarations.push(`{ ${names.join(", ")} } = ${whole ?? call}`);
  }
  if (
    clause === undefined ||
    declarations.length === 0 ||
    (clause.name !== undefined && bindings !== undefined && ts.isNamespaceImport(bindings))
  )
    throw new Error(`Unexpected import in the bundle: ${statement.getText(source)}`);
  return `const ${declarations.join(", ")};`;
}

/** The source files that have code in any output file (tree-shaken ones excluded), absolute. */
export function listBundledInputs(metafile: esbuild.Metafile): string[] {
  const inputs = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) if (bytesInOutput > 0) inputs.add(resolve(input));
  return [...inputs].sort();
}
