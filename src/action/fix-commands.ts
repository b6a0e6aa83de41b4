/**
 * Hints are written as one text for the log and annotations, with Azure CLI commands inside
 * sentences. The job summary shows each command on its own, copyable and wrapped. This module
 * finds the commands in a hint and wraps them. Pure.
 */

export type HintPart = { kind: "text"; text: string } | { kind: "code"; text: string } | { kind: "command"; text: string };

// An Azure CLI command that starts a line or follows a sentence's "Grant it:" or "(".
const COMMAND_START = /(?<=^|[\s(:])az (?=[a-z])/g;

/**
 * Splits a hint into prose, inline code (`…` in the hint) and Azure CLI commands, in order.
 * A command ends at the end of its line, at a sentence end (". "), at a ")" closing a "(" it
 * was opened by, or at " (" starting an aside; quotes and `$(…)` are kept whole.
 */
export function splitHint(hint: string): HintPart[] {
  const parts: HintPart[] = [];
  let text = "";
  const flushText = () => {
    if (text !== "") parts.push({ kind: "text", text });
    text = "";
  };
  let index = 0;
  while (index < hint.length) {
    if (hint[index] === "`") {
      const close = hint.indexOf("`", index + 1);
      if (close > index) {
        flushText();
        parts.push({ kind: "code", text: hint.slice(index + 1, close) });
        index = close + 1;
        continue;
      }
    }
    COMMAND_START.lastIndex = index;
    const start = COMMAND_START.exec(hint);
    if (start?.index === index) {
      const end = findCommandEnd(hint, index);
      flushText();
      parts.push({ kind: "command", text: hint.slice(index, end).trim() });
      index = end;
      continue;
    }
    text += hint.charAt(index);
    index += 1;
  }
  flushText();
  return parts;
}

function findCommandEnd(hint: string, start: number): number {
  const openedByParen = hint[start - 1] === "(";
  let quote: "'" | '"' | undefined;
  let depth = 0;
  for (let index = start; index < hint.length; index++) {
    const char = hint[index];
    const next = hint[index + 1];
    if (char === "\n") return index;
    if (quote !== undefined) {
      if (char === "\\" && quote === '"') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === "$" && next === "(") {
      depth += 1;
      index += 1;
    } else if (char === ")") {
      if (depth > 0) depth -= 1;
      else if (openedByParen) return index;
    } else if (depth === 0 && char === "(" && hint[index - 1] === " ") return index - 1;
    else if (depth === 0 && char === "`") return index;
    else if (depth === 0 && char === "." && (next === undefined || /\s/.test(next))) return index;
  }
  return hint.length;
}

/**
 * Wraps a long command before each `--option`, with `\` continuations, so it fits a narrow
 * page and still pastes into a POSIX shell as one command.
 */
export function wrapCommand(command: string, width = 80): string {
  if (command.length <= width) return command;
  const groups: string[] = [];
  for (const word of splitWords(command).map(spreadJsonWord)) {
    if (word.startsWith("--") || groups.length === 0) groups.push(word);
    else groups[groups.length - 1] = `${groups.at(-1) ?? ""} ${word}`;
  }
  return groups.join(" \\\n  ");
}

/**
 * A single-quoted JSON argument longer than a line, spread over lines: inside single quotes a
 * newline is part of the argument, and JSON allows it between tokens, so the command is the same.
 */
function spreadJsonWord(word: string): string {
  const json = /^'([[{].*[\]}])'$/s.exec(word)?.[1];
  if (json === undefined || word.length <= 60 || json.includes("'")) return word;
  try {
    return `'${JSON.stringify(JSON.parse(json), null, 2).replaceAll("\n", "\n    ")}'`;
  } catch {
    return word;
  }
}

/** Words as the shell splits them: spaces inside quotes and `$(…)` do not split. */
function splitWords(command: string): string[] {
  const words: string[] = [];
  let word = "";
  let quote: "'" | '"' | undefined;
  let depth = 0;
  for (let index = 0; index < command.length; index++) {
    const char = command[index] as string;
    if (quote === '"' && char === "\\" && index + 1 < command.length) {
      word += char + command.charAt(index + 1);
      index += 1;
      continue;
    }
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "$" && command[index + 1] === "(") depth += 1;
    else if (char === ")" && depth > 0) depth -= 1;
    else if (char === " " && depth === 0) {
      if (word !== "") words.push(word);
      word = "";
      continue;
    }
    word += char;
  }
  if (word !== "") words.push(word);
  return words;
}
