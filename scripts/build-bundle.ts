/**
 * How src/ becomes dist/, with esbuild. The CLI is ES module chunks, split so that code a run
 * does not reach (the Azure SDK for an offline plan, the YAML parser without rules, `check` for a
 * sync) is never read. The Action is our code as one CommonJS script, run with a code cache taken
 * after the run, and every other package as ES module chunks beside it (buildActionBundle). Two
 * adjustments make start-up cheap, each explained where it is made: the toolkit's modules are
 * declared free of side effects (and get a randomUUID without node:crypto), and Node's own
 * modules are loaded with `require` instead of `import`.
 */
import { createHash } from "node:crypto";
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

/** What every build shares: Node 24, the `open` stub, the banner, the toolkit plugins. */
const COMMON = {
  bundle: true,
  platform: "node",
  target: "node24",
  // @azure/identity imports `open` only for the interactive browser sign-in, which no
  // credential of this project builds; the stub keeps `open`, its helpers and their `xdg-open`
  // script out of dist/. (esbuild applies tsconfig.json `paths` to our files only, not to an
  // import inside node_modules, so this is the one place the replacement is said.)
  alias: { open: "./scripts/stubs/open.ts" },
  // The licence texts are in licenses.txt, complete; the comments would repeat parts of them.
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  plugins: [toolkitCrypto, toolkitWithoutSideEffects],
} satisfies esbuild.BuildOptions;

/** One entry point bundled into `outDir` as ES module chunks (the CLI); returns the metafile. */
export async function buildBundle(entry: string, outDir: string): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    ...COMMON,
    entryPoints: { index: entry },
    outdir: outDir,
    splitting: true,
    format: "esm",
    banner: { js: BANNER },
  });
  finishModules(outDir);
  return result.metafile;
}

/**
 * The Action, in three parts (see src/action/index.ts for why):
 * - dist/action.cjs: our code, @actions/core and zod, as one CommonJS script;
 * - dist/vendor/: every other package (the Azure SDK, the YAML parser, …) as ES module chunks,
 *   one entry per package that exports just the names our code imports; the script requires
 *   them, and only a run that needs one loads it;
 * - dist/index.js: the loader, which runs the script with its code cache.
 * A package lives in exactly one of the first two, so no module has two copies with two states.
 * Returns the metafiles of all three builds.
 */
export async function buildActionBundle(outDir: string): Promise<esbuild.Metafile[]> {
  const vendorImports = new Map<string, Set<string>>();
  const script = await esbuild.build({
    ...COMMON,
    entryPoints: { action: "src/action/main.ts" },
    outdir: outDir,
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    // `import()` of a vendor entry as a require (Node requires ES modules): the script runs in
    // a vm.Script, whose own dynamic imports would need a loader of their own.
    supported: { "dynamic-import": false },
    plugins: [...COMMON.plugins, vendorExternals(vendorImports)],
  });
  const unresolved = Object.values(script.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((entry) => entry.external && !isBuiltin(entry.path) && !entry.path.startsWith("./vendor/"));
  if (unresolved.length > 0)
    throw new Error(`dist/action.cjs would require what it cannot load: ${unresolved.map((entry) => entry.path).join(", ")}`);
  const scriptText = readFileSync(join(outDir, "action.cjs"), "utf8").replaceAll("\r\n", "\n");
  writeFileSync(join(outDir, "action.cjs"), scriptText);
  const vendorDir = join(outDir, "vendor");
  const vendor = await esbuild.build({
    ...COMMON,
    // Sorted: esbuild resolves in parallel, and chunk names must not depend on which came first.
    entryPoints: [...vendorImports.keys()].sort().map((specifier) => ({ in: `${FACADE}${specifier}`, out: vendorName(specifier) })),
    outdir: vendorDir,
    splitting: true,
    format: "esm",
    banner: { js: BANNER },
    plugins: [...COMMON.plugins, vendorFacades(vendorImports)],
  });
  finishModules(vendorDir);
  const digest = createHash("sha256").update(scriptText).digest("hex").slice(0, 16);
  const loader = await esbuild.build({
    ...COMMON,
    entryPoints: { index: "src/action/index.ts" },
    outdir: outDir,
    format: "esm",
    define: { ACTION_SCRIPT_DIGEST: JSON.stringify(digest) },
  });
  finishModules(outDir);
  return [script.metafile, vendor.metafile, loader.metafile];
}

/** The packages bundled into dist/action.cjs; every other package is in dist/vendor/. */
const SCRIPT_PACKAGES = ["@actions/core", "zod"];
const FACADE = "vendor-facade:";

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/** The vendor entry of a package import: `@azure/identity` is vendor/azure-identity.js. */
function vendorName(specifier: string): string {
  return specifier.replace(/^@/, "").replace(/[^A-Za-z0-9._-]+/g, "-");
}

/**
 * In the script's build: a package import from our code becomes a require of its vendor entry,
 * and the names imported are noted for that entry (all of them, `*`, for a namespace or dynamic
 * import). Packages may import only packages of their own part.
 */
function vendorExternals(imports: Map<string, Set<string>>): esbuild.Plugin {
  // Each of our files is parsed once, whatever number of packages it imports.
  const importsByFile = new Map<string, Map<string, string[]>>();
  return {
    name: "vendor-externals",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (isBuiltin(args.path) || SCRIPT_PACKAGES.includes(packageName(args.path))) return undefined;
        if (args.importer.includes("/node_modules/")) {
          // The toolkit's OIDC client and platform probe, which the bundle leaves out; the build
          // fails if one is kept (buildActionBundle), as the script could not load it.
          return { path: args.path, external: true, sideEffects: false };
        }
        const fileImports = importsByFile.get(args.importer) ?? readImportedNames(args.importer);
        importsByFile.set(args.importer, fileImports);
        const names = imports.get(args.path) ?? new Set<string>();
        imports.set(args.path, names);
        for (const name of fileImports.get(args.path) ?? []) names.add(name);
        return { path: `./vendor/${vendorName(args.path)}.js`, external: true };
      });
    },
  };
}

/** The runtime names `file` imports, by specifier (type-only imports excluded); `*` for all. */
function readImportedNames(file: string): Map<string, string[]> {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const imports = new Map<string, string[]>();
  const add = (specifier: string, ...names: string[]): void => {
    imports.set(specifier, [...(imports.get(specifier) ?? []), ...names]);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause !== undefined && clause.phaseModifier !== ts.SyntaxKind.TypeKeyword) {
        if (clause.name !== undefined) add(specifier, "default");
        const bindings = clause.namedBindings;
        if (bindings !== undefined && ts.isNamespaceImport(bindings)) add(specifier, "*");
        if (bindings !== undefined && ts.isNamedImports(bindings))
          for (const element of bindings.elements) if (!element.isTypeOnly) add(specifier, (element.propertyName ?? element.name).text);
      }
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteral(argument)) add(argument.text, "*");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return imports;
}

/** In the vendor build: each entry re-exports just the names the script imports from its package. */
function vendorFacades(imports: Map<string, Set<string>>): esbuild.Plugin {
  return {
    name: "vendor-facades",
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${FACADE}`) }, (args) => ({ path: args.path.slice(FACADE.length), namespace: "facade" }));
      build.onLoad({ filter: /.*/, namespace: "facade" }, (args) => {
        const names = [...(imports.get(args.path) ?? [])].sort();
        const contents = names.includes("*")
          ? `export * from ${JSON.stringify(args.path)};`
          : `export { ${names.join(", ")} } from ${JSON.stringify(args.path)};`;
        return { contents, resolveDir: process.cwd(), loader: "js" };
      });
    },
  };
}

/** Every ES module in `dir`: Node's modules required, LF line ends; and a package.json saying ESM. */
function finishModules(dir: string): void {
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".js"))) {
    const path = join(dir, file);
    // Some packages ship CRLF sources; dist/ is LF throughout (see .gitattributes), and
    // JavaScript reads CRLF and LF alike, even inside template literals.
    writeFileSync(path, requireBuiltins(readFileSync(path, "utf8")).replaceAll("\r\n", "\n"));
  }
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
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
