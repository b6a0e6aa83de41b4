/**
 * What the GitHub runner does with a step's output, as a model for tests: how it cuts stdout and
 * stderr into lines, which lines it takes for workflow commands, and how it masks.
 *
 * The command rule, from the runner's ActionCommand parsing: a line is a command when, after
 * leading whitespace, it starts with `::` and holds another `::` (`::name props::data`), or when
 * it contains `##[` anywhere with a `]` after it (`##[name props]data`). The runner accepts only
 * registered names, but `::stop-commands::TOKEN` registers any TOKEN, so this model counts every
 * name. It is stricter than the runner in one more way: the runner compares with .NET string
 * methods that may be culture-aware, which skip invisible characters, so the model drops
 * control and format characters (tab aside) before it looks.
 */

/** The runner reads lines with .NET ReadLine: \n, \r and \r\n end a line. */
export function splitRunnerLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

// .NET char.IsWhiteSpace, which String.TrimStart uses.
const DOTNET_LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;
const SKIPPABLE = /(?!\t)[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export interface RunnerCommand {
  form: "::" | "##[";
  name: string;
  properties: Record<string, string>;
  data: string;
}

/** The command the runner would take this line for, if any (of any name). */
export function parseRunnerCommand(line: string): RunnerCommand | undefined {
  return parseLine(line) ?? parseLine(line.replace(SKIPPABLE, ""));
}

function parseLine(text: string): RunnerCommand | undefined {
  const trimmed = text.replace(DOTNET_LEADING_SPACE, "");
  if (trimmed.startsWith("::")) {
    const end = trimmed.indexOf("::", 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(" ");
      return {
        form: "::",
        name: space < 0 ? info : info.slice(0, space),
        properties: space < 0 ? {} : parseProperties(info.slice(space + 1).trim()),
        data: unescapeData(trimmed.slice(end + 2)),
      };
    }
  }
  const prefix = text.indexOf("##[");
  const bracket = prefix < 0 ? -1 : text.indexOf("]", prefix);
  if (bracket >= 0) {
    const info = text.slice(prefix + 3, bracket);
    const space = info.indexOf(" ");
    return { form: "##[", name: space < 0 ? info : info.slice(0, space), properties: {}, data: text.slice(bracket + 1) };
  }
  return undefined;
}

/** Every line of the text the runner would take for a command. */
export function findRunnerCommands(text: string): RunnerCommand[] {
  return splitRunnerLines(text).flatMap((line) => parseRunnerCommand(line) ?? []);
}

function parseProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of text.split(",").filter(Boolean)) {
    const at = pair.indexOf("=");
    if (at > 0 && at < pair.length - 1) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return properties;
}

/** The runner's order: %0D, %0A, then %25. */
export function unescapeData(text: string): string {
  return text.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%25", "%");
}

function unescapeProperty(text: string): string {
  return text.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%3A", ":").replaceAll("%2C", ",").replaceAll("%25", "%");
}

/**
 * What a reader of the log can see of a run's stdout, as unmasked pieces of text: `add-mask`
 * commands are consumed (the runner skips blank ones), an annotation shows its message, masked
 * as a whole, plain lines are masked one by one. Masks match literally, overlapping matches
 * merge, and each masked stretch shows as `***`: the pieces are the text between stretches, so
 * a test can search them without mistaking `***` and its neighbours for a value.
 */
export function readVisiblePieces(stdout: string): string[] {
  const lines = splitRunnerLines(stdout);
  const masks = lines
    .map(parseRunnerCommand)
    .filter((command) => command?.name === "add-mask" && command.data.trim() !== "")
    .map((command) => command!.data);
  const pieces: string[] = [];
  for (const line of lines) {
    const command = parseRunnerCommand(line);
    if (command?.name === "add-mask") continue;
    const shown = command === undefined ? line : command.data;
    pieces.push(...cutMasked(shown, masks));
  }
  return pieces;
}

function cutMasked(text: string, masks: readonly string[]): string[] {
  const ranges: Array<[number, number]> = [];
  for (const mask of masks) {
    for (let at = text.indexOf(mask); at >= 0; at = text.indexOf(mask, at + 1)) ranges.push([at, at + mask.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    if (start > from) pieces.push(text.slice(from, start));
    from = Math.max(from, end);
  }
  pieces.push(text.slice(from));
  return pieces.filter((piece) => piece !== "");
}
