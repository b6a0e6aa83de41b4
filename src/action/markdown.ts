/**
 * Writing GitHub-flavoured Markdown that shows text exactly as it is. Names and reasons come
 * from users' sources and from the service, so none of their characters may become emphasis,
 * links, HTML, headings or table columns. Pure: text in, Markdown out.
 */

// Characters that start Markdown syntax anywhere in a line. Backslash-escaping any ASCII
// punctuation is valid CommonMark, so escaping a few more than needed is harmless. `:` and `@`
// stop GitHub's autolinks (https://…, e-mail addresses), emoji codes and @mentions.
const INLINE_SYNTAX = /[\\`*_[\]()#~!|{}:@]/g;

/**
 * Escapes text for inline Markdown: one line, every character shown literally. `<`, `>` and
 * `&` become entities, which also keeps the text safe inside HTML such as `<details>`.
 */
export function escapeMarkdown(text: string): string {
  // Most names are letters, digits, `_` and `-`: of those only `_` needs escaping, and a first
  // `-` starts a list. Skipping the passes below for them keeps a summary of thousands of rows
  // quick to write; the result is the same (a test compares both ways).
  if (PLAIN.test(text)) return text.replaceAll("_", "\\_");
  return escapeSyntax(text);
}

/** Letters, digits, `_`, and `-`, space or `,` after the first character. */
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_, -]*$/;

/** escapeMarkdown's general way, for any text. Exported for the test that compares the two. */
export function escapeSyntax(text: string): string {
  const oneLine = removeControls(text).replace(/\s*(?:\r\n|\r|\n)\s*/g, " ");
  // "www." autolinks without a scheme; an escaped dot stops it.
  const escaped = escapeEntities(oneLine)
    .replace(INLINE_SYNTAX, "\\$&")
    .replace(/(www)\./gi, "$1\\.");
  // At the start of a line these begin a list item or a setext underline (`>` is an entity already).
  return escaped.replace(/^[-+=]/, "\\$&").replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Escapes the action's own messages, where `…` marks code (an input, a setting): those parts
 * become code spans, the rest is escaped as escapeMarkdown does.
 */
export function escapeWithCode(text: string): string {
  return text
    .split(/(`[^`\r\n]+`)/)
    .map((part, index) => (index % 2 === 1 ? codeSpan(part.slice(1, -1)) : escapeMarkdown(part)))
    .join("");
}

/** Escapes text for a table cell: as escapeMarkdown, with line breaks kept as `<br>`. */
export function escapeCell(text: string): string {
  return removeControls(text)
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .join("<br>");
}

/** Inline code: a backtick run longer than any inside, so the text cannot end the span. */
export function codeSpan(text: string): string {
  const oneLine = removeControls(text).replace(/\r\n|\r|\n/g, " ");
  const marks = "`".repeat(longestRun(oneLine, "`") + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${marks}${pad}${oneLine}${pad}${marks}`;
}

/** A fenced block longer than any backtick run inside, so the text cannot close it. */
export function fence(text: string, language = "text"): string {
  const marks = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
  return `${marks}${language}\n${removeControls(text)}\n${marks}`;
}

/** A Markdown link; the URL must be one this action built (percent-encoded, no spaces). */
export function link(label: string, url: string): string {
  return `[${label}](${url.replaceAll("(", "%28").replaceAll(")", "%29")})`;
}

/** A GFM table; cells must already be escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}

/** A GitHub alert (`> [!NOTE]`, `> [!WARNING]`…) around lines of Markdown. */
export function alert(kind: "NOTE" | "WARNING" | "CAUTION", lines: readonly string[]): string[] {
  return [`> [!${kind}]`, ...lines.map((line) => (line === "" ? ">" : `> ${line}`))];
}

function escapeEntities(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function removeControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is this function's job
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
