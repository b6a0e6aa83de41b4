/**
 * Regenerates the README's input and output tables from action.yml, and the CLI's option and
 * exit-code tables from src/cli/options.ts, so the documentation cannot drift from what the
 * runner and the CLI actually accept. `--check` only reports whether the README is stale
 * (for CI). A README without the markers is left alone.
 *
 *   node scripts/readme-tables.ts [--check]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { CLI_OPTIONS, COMMAND_LINE_ONLY, EXIT_CODES, envVariable } from "../src/cli/options.ts";

export interface ActionInput {
  name: string;
  description: string;
  required: boolean;
  default: string | undefined;
}

export interface ActionOutput {
  name: string;
  description: string;
}

export interface ActionMetadata {
  inputs: ActionInput[];
  outputs: ActionOutput[];
}

/** The inputs and outputs of an action.yml, in file order. */
export function readActionMetadata(yamlText: string): ActionMetadata {
  const document: unknown = parse(yamlText);
  const inputs = Object.entries(readMap(document, "inputs")).map(([name, spec]) => ({
    name,
    description: readString(spec, "description") ?? "",
    required: readField(spec, "required") === true || readField(spec, "required") === "true",
    default: readScalar(spec, "default"),
  }));
  const outputs = Object.entries(readMap(document, "outputs")).map(([name, spec]) => ({
    name,
    description: readString(spec, "description") ?? "",
  }));
  return { inputs, outputs };
}

export function renderInputsTable(inputs: readonly ActionInput[]): string {
  const rows = inputs.map((input) => {
    const defaultCell = input.required ? "**required**" : input.default === undefined || input.default === "" ? "" : code(input.default);
    return `| ${code(input.name)} | ${defaultCell} | ${formatDescription(input.description)} |`;
  });
  return ["| Input | Default | Description |", "| --- | --- | --- |", ...rows].join("\n");
}

export function renderOutputsTable(outputs: readonly ActionOutput[]): string {
  const rows = outputs.map((output) => `| ${code(output.name)} | ${formatDescription(output.description)} |`);
  return ["| Output | Description |", "| --- | --- |", ...rows].join("\n");
}

/** The CLI's options: flag, environment variable, the Action input it mirrors, description. */
export function renderCliOptionsTable(): string {
  const rows = CLI_OPTIONS.map((option) => {
    const flag = code(`--${option.name}${option.placeholder === undefined ? "" : ` ${option.placeholder}`}`);
    const variable = COMMAND_LINE_ONLY.has(option.name) ? "" : code(envVariable(option));
    const input = option.input === undefined ? "" : code(option.input);
    return `| ${flag} | ${variable} | ${input} | ${formatDescription(option.description)} |`;
  });
  return ["| Option | Environment variable | Action input | Description |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

export function renderExitCodesTable(): string {
  return [
    "| Exit code | Meaning |",
    "| --- | --- |",
    ...EXIT_CODES.map((exit) => `| \`${exit.code}\` | ${formatDescription(exit.meaning)} |`),
  ].join("\n");
}

/** The README with each marked section replaced by its table; sections without markers are untouched. */
export function updateReadme(readme: string, metadata: ActionMetadata): string {
  let updated = replaceSection(readme, "inputs", renderInputsTable(metadata.inputs));
  updated = replaceSection(updated, "outputs", renderOutputsTable(metadata.outputs));
  updated = replaceSection(updated, "cli-options", renderCliOptionsTable());
  updated = replaceSection(updated, "cli-exit-codes", renderExitCodesTable());
  return updated;
}

function replaceSection(readme: string, section: string, table: string): string {
  const start = `<!-- ${section}:start -->`;
  const end = `<!-- ${section}:end -->`;
  const from = readme.indexOf(start);
  const to = from === -1 ? -1 : readme.indexOf(end, from + start.length);
  if (from === -1 || to === -1) return readme;
  return `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`;
}

function formatDescription(description: string): string {
  // Paragraph breaks survive as <br>; single line breaks inside a paragraph are just wrapping.
  const paragraphs = description
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " "));
  return paragraphs.join("<br><br>").replaceAll("|", "\\|");
}

function code(text: string): string {
  return `\`${text.replaceAll("|", "\\|")}\``;
}

function readField(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function readMap(value: unknown, key: string): Record<string, unknown> {
  const field = readField(value, key);
  return typeof field === "object" && field !== null ? (field as Record<string, unknown>) : {};
}

function readString(value: unknown, key: string): string | undefined {
  const field = readField(value, key);
  return typeof field === "string" ? field : undefined;
}

function readScalar(value: unknown, key: string): string | undefined {
  const field = readField(value, key);
  return typeof field === "string" || typeof field === "number" || typeof field === "boolean" ? String(field) : undefined;
}

/** Returns the process exit code: 1 only for `--check` on a stale README. */
export function runReadmeTables(root: string, args: readonly string[], log: (message: string) => void): number {
  const readmePath = `${root}/README.md`;
  if (!existsSync(readmePath)) {
    log("README.md not found; no tables to update.");
    return 0;
  }
  const readme = readFileSync(readmePath, "utf8");
  const updated = updateReadme(readme, readActionMetadata(readFileSync(`${root}/action.yml`, "utf8")));
  if (updated === readme) {
    log("README.md tables are up to date.");
    return 0;
  }
  if (args.includes("--check")) {
    log("README.md tables differ from action.yml; run `node scripts/readme-tables.ts` and commit the result.");
    return 1;
  }
  writeFileSync(readmePath, updated);
  log("README.md tables regenerated from action.yml.");
  return 0;
}

if (import.meta.main) {
  const root = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");
  process.exitCode = runReadmeTables(root, process.argv.slice(2), (message) => console.log(message));
}
