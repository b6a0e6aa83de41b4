/**
 * The job summary, the page a reviewer reads instead of the log: what needs attention first
 * (failures with their fixes, then deletes), then what changed, then everything else folded
 * away. Pure: results and context in, GitHub-flavoured Markdown out. Values never reach it.
 */
import type { ChangeResult, ResultStatus } from "../engine/apply.ts";
import { findCloudByVaultHost } from "../engine/clouds.ts";
import { splitHint, wrapCommand } from "./fix-commands.ts";
import { alert, codeSpan, escapeCell, escapeMarkdown, escapeWithCode, fence, link, table } from "./markdown.ts";
import { linkCommit, linkFileLine, linkVaultInPortal } from "./summary-links.ts";
import type { RepositoryLinks } from "./summary-links.ts";
import { readVaultName } from "../engine/vault-url.ts";
import { locateOrigin } from "../engine/sources/source-entry.ts";

/** The settings that decide what a run may touch, shown so a reviewer need not open the workflow. */
export interface RunSettings {
  prefix: string;
  owner: string;
  prune: boolean;
  adopt: boolean;
}

export interface SummaryContext {
  vaultUrl: string | undefined;
  dryRun: boolean | undefined;
  dryRunReason: string | undefined;
  /** Things the reader must know about the whole run, e.g. why the vault was not read. */
  notes: readonly string[];
  settings: RunSettings | undefined;
  links: RepositoryLinks | undefined;
}

type Counts = Readonly<Record<ResultStatus, number>>;

// The order a reader needs them in: problems, then what is lost, then what is new or changed.
const ATTENTION_ORDER: readonly ResultStatus[] = ["failed", "deleted", "created", "updated", "recovered", "unchanged", "skipped"];
const CHANGES: readonly ResultStatus[] = ["created", "updated", "recovered"];
const FOLDED: readonly ResultStatus[] = ["unchanged", "skipped"];
// More names than this in a sentence stop being read; the table below it lists them all.
const NAMES_IN_TEXT = 20;
// GitHub refuses a step summary over 1 MiB; four tables of this many rows, and this many fixes
// (each names a few commands), stay well under it.
const MAX_TABLE_ROWS = 500;
const MAX_FIXES = 20;

const DRY_RUN_STATUS: Partial<Record<ResultStatus, string>> = {
  created: "would create",
  updated: "would update",
  recovered: "would recover",
  deleted: "would delete",
};

export function describeStatus(status: ResultStatus, dryRun: boolean): string {
  return (dryRun ? DRY_RUN_STATUS[status] : undefined) ?? status;
}

/** The summary of a run that got as far as a plan; `sorted` is in Key Vault name order. */
export function renderSummary(sorted: readonly ChangeResult[], counts: Counts, context: SummaryContext): string {
  const dryRun = context.dryRun ?? false;
  const lines = [renderHeading(context), "", renderOutcome(counts, dryRun), "", ...renderContext(context), ""];
  for (const note of context.notes) lines.push(...alert("NOTE", [escapeWithCode(note)]), "");
  if (sorted.length === 0) return [...lines, "No secrets in the sources.", ""].join("\n");
  lines.push(
    ...renderFailures(
      sorted.filter((result) => result.status === "failed"),
      context,
    ),
  );
  lines.push(
    ...renderDeletes(
      sorted.filter((result) => result.status === "deleted"),
      context,
    ),
  );
  const changed = CHANGES.flatMap((status) => sorted.filter((result) => result.status === status));
  if (changed.length > 0) {
    lines.push(`### ${dryRun ? "Would change" : "Changed"} (${changed.length})`, "");
    lines.push(...limitedTable(["Key Vault name", "Source", "Result", "Reason"], changed, (result) => renderRow(result, context)), "");
  }
  const folded = FOLDED.flatMap((status) => sorted.filter((result) => result.status === status));
  if (folded.length > 0) {
    const label = FOLDED.filter((status) => counts[status] > 0)
      .map((status) => `${status} (${counts[status]})`)
      .join(", ");
    // Blank lines around the table make GitHub parse it as Markdown inside the HTML element.
    lines.push("<details>", `<summary>${capitalise(label)}</summary>`, "");
    lines.push(
      ...limitedTable(["Key Vault name", "Source", "Result", "Reason"], folded, (result) => renderRow(result, context)),
      "",
      "</details>",
      "",
    );
  }
  return lines.join("\n");
}

/** The summary of a run that stopped before it had a plan (bad input, sign-in failure). */
export function renderFailureSummary(message: string, hint: string | undefined, context: SummaryContext): string {
  const lines = [renderHeading(context), ""];
  lines.push(...alert("CAUTION", [`**No secret was synced.** ${escapeWithCode(message)}`]), "");
  lines.push(...renderContext(context), "");
  for (const note of context.notes) lines.push(...alert("NOTE", [escapeWithCode(note)]), "");
  if (hint) lines.push("### How to fix it", "", ...renderFix(hint));
  return lines.join("\n");
}

/** Names the vault and prefix, so two uses of the action in one job are told apart. */
function renderHeading(context: SummaryContext): string {
  if (context.vaultUrl === undefined) return "## Key Vault Sync";
  const prefix = context.settings?.prefix ? `, prefix ${codeSpan(context.settings.prefix)}` : "";
  return `## Key Vault Sync: ${codeSpan(readVaultName(context.vaultUrl))}${prefix}${context.dryRun ? " (dry run)" : ""}`;
}

function renderOutcome(counts: Counts, dryRun: boolean): string {
  const parts = ATTENTION_ORDER.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} ${describeStatus(status, dryRun)}`,
  );
  if (parts.length === 0) return "**Nothing to sync.**";
  const [first = "", ...rest] = parts;
  return [counts.failed > 0 ? `**${first}**` : first, ...rest].join(" · ");
}

function renderContext(context: SummaryContext): string[] {
  const lines: string[] = [];
  if (context.vaultUrl !== undefined) {
    const name = readVaultName(context.vaultUrl);
    const cloud = findCloudByVaultHost(new URL(context.vaultUrl).hostname)?.name ?? "public";
    lines.push(
      `- **Vault:** ${link(escapeMarkdown(name), linkVaultInPortal(cloud, name))} in the Azure portal · ${codeSpan(context.vaultUrl)}`,
    );
  }
  if (context.dryRun !== undefined) {
    const why = context.dryRunReason ? ` (${escapeMarkdown(context.dryRunReason)})` : "";
    lines.push(context.dryRun ? `- **Dry run:** nothing was written to the vault${why}` : `- **Mode:** sync, writing to the vault${why}`);
  }
  const settings = context.settings;
  if (settings !== undefined) {
    const prefix = settings.prefix ? codeSpan(settings.prefix) : "none";
    const onOff = (on: boolean) => (on ? "on" : "off");
    lines.push(
      `- **Scope:** owner ${codeSpan(settings.owner)} · prefix ${prefix} · prune ${onOff(settings.prune)} · adopt ${onOff(settings.adopt)}`,
    );
  }
  const links = context.links;
  if (links !== undefined)
    lines.push(`- **Commit:** ${link(codeSpan(links.sha.slice(0, 7)), linkCommit(links))} in ${escapeMarkdown(links.repository)}`);
  return lines;
}

function renderFailures(failed: readonly ChangeResult[], context: SummaryContext): string[] {
  if (failed.length === 0) return [];
  // One fix per distinct hint, numbered in the order of the first secret it applies to.
  const fixes = new Map<string, ChangeResult[]>();
  for (const result of failed) if (result.hint) fixes.set(result.hint, [...(fixes.get(result.hint) ?? []), result]);
  const fixNumber = new Map([...fixes.keys()].map((hint, index) => [hint, index + 1]));
  // The reason says what failed ("Failed to set secret …"), so no column repeats the action.
  const header = ["Key Vault name", "Source", "Reason", ...(fixes.size > 0 ? ["Fix"] : [])];
  const renderFailed = (result: ChangeResult): string[] => {
    const fix = fixes.size > 0 ? [result.hint ? String(fixNumber.get(result.hint)) : "–"] : [];
    return [escapeCell(result.name), renderSource(result, context), escapeCell(result.reason), ...fix];
  };
  const lines = [`### Failed (${failed.length})`, "", ...limitedTable(header, failed, renderFailed), ""];
  if (fixes.size === 0) return lines;
  lines.push(`### How to fix ${fixes.size === 1 ? "it" : "them"}`, "");
  for (const [hint, results] of [...fixes].slice(0, MAX_FIXES)) {
    const names = formatNames(results.map((result) => result.name));
    lines.push(
      `**Fix ${fixNumber.get(hint)}**, for ${results.length === 1 ? "" : `${results.length} secrets: `}${names}`,
      "",
      ...renderFix(hint),
    );
  }
  if (fixes.size > MAX_FIXES)
    lines.push(`${fixes.size - MAX_FIXES} more fixes not shown here; the log lists each failure with its fix.`, "");
  return lines;
}

function renderDeletes(deleted: readonly ChangeResult[], context: SummaryContext): string[] {
  if (deleted.length === 0) return [];
  const vault = context.vaultUrl === undefined ? "the vault" : codeSpan(readVaultName(context.vaultUrl));
  const secrets = deleted.length === 1 ? "1 secret" : `${deleted.length} secrets`;
  const names = formatNames(deleted.map((result) => result.name));
  const callout = context.dryRun
    ? [`**This plan deletes ${secrets}** from ${vault}: ${names}.`, "", "A sync with these sources and settings would delete them (prune)."]
    : [
        `**Deleted ${secrets}** from ${vault}: ${names}.`,
        "",
        "On a vault with soft delete (the default), they can be recovered until they are purged.",
      ];
  return [
    `### ${context.dryRun ? "Would delete" : "Deleted"} (${deleted.length})`,
    "",
    ...alert("WARNING", callout),
    "",
    ...limitedTable(["Key Vault name", "Reason"], deleted, (result) => [escapeCell(result.name), escapeCell(result.reason)]),
    "",
  ];
}

function renderRow(result: ChangeResult, context: SummaryContext): string[] {
  return [
    escapeCell(result.name),
    renderSource(result, context),
    describeStatus(result.status, context.dryRun ?? false),
    escapeCell(result.reason),
  ];
}

/** The source key, and for file-backed entries the file and line, linked at the commit when known. */
function renderSource(result: ChangeResult, context: SummaryContext): string {
  if (result.source === undefined) return "–";
  const source = escapeCell(result.source);
  const location = locateOrigin(result.origin);
  if (location === undefined) return source;
  const { file, line } = location;
  const label = escapeCell(`${file}:${line}`);
  const url = context.links === undefined ? undefined : linkFileLine(context.links, file, line);
  return url === undefined ? `${source} (${label})` : `${source} (${link(label, url)})`;
}

/**
 * A hint as prose, each line a paragraph, and each command it names in its own copyable,
 * wrapped code block right after the paragraph that mentions it.
 */
function renderFix(hint: string): string[] {
  const parts = splitHint(hint);
  const commandCount = parts.filter((part) => part.kind === "command").length;
  const lines: string[] = [];
  let paragraph: string[] = [];
  let commands: string[] = [];
  let counted = 0;
  const endParagraph = () => {
    const text = paragraph.join("").trim();
    if (text !== "" && !/^[.,;:)]$/.test(text)) lines.push(text, "");
    for (const command of commands) lines.push(fence(wrapCommand(command), "sh"), "");
    paragraph = [];
    commands = [];
  };
  for (const part of parts) {
    if (part.kind === "code") paragraph.push(codeSpan(part.text));
    else if (part.kind === "command") {
      counted += 1;
      commands.push(part.text);
      // A command alone on its line needs no pointer; one inside a sentence gets one.
      if (paragraph.join("").trim() !== "") paragraph.push(commandCount === 1 ? "the command below" : `command ${counted} below`);
    } else {
      part.text.split("\n").forEach((line, index) => {
        if (index > 0) endParagraph();
        // Leading spaces (indented commands) would make a paragraph a code block; inner ones stay.
        paragraph.push(escapeMarkdown(paragraph.length === 0 ? line.trimStart() : line));
      });
    }
  }
  endParagraph();
  return lines;
}

/**
 * A table of at most MAX_TABLE_ROWS rows, and a line saying where the rest are. Only the rows
 * shown are rendered: escaping every cell of a sync of thousands only to drop them cost more
 * memory than the rest of the report.
 */
function limitedTable(header: readonly string[], items: readonly ChangeResult[], render: (item: ChangeResult) => string[]): string[] {
  const rows = items.slice(0, MAX_TABLE_ROWS).map(render);
  if (items.length <= MAX_TABLE_ROWS) return table(header, rows);
  const rest = items.length - MAX_TABLE_ROWS;
  return [
    ...table(header, rows),
    "",
    `${rest} more not shown here (a job summary is limited in size); the log and the \`plan\` output list every secret.`,
  ];
}

function formatNames(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_IN_TEXT).map(escapeMarkdown).join(", ");
  return names.length > NAMES_IN_TEXT ? `${shown} and ${names.length - NAMES_IN_TEXT} more` : shown;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
