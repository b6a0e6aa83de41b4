/**
 * The last stage: outputs, annotations, the log's account and the job summary (rendered in
 * summary.ts), from the per-secret results. No network. Everything here is derived from names,
 * actions and reasons; values never reach it.
 */
import type { ChangeResult, ResultStatus } from "../engine/apply.ts";
import { SyncError, errorMessage } from "../engine/errors.ts";
import { describeStatus, renderFailureSummary, renderSummary } from "./summary.ts";
import type { RunSettings } from "./summary.ts";
import type { RepositoryLinks } from "./summary-links.ts";
import { compareBySecretName } from "../engine/secret-names.ts";
import { locateOrigin } from "../engine/sources/source-entry.ts";

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
}

/** The parts of @actions/core the reporter uses; `core` itself satisfies it. */
export interface ReportIO {
  setOutput(name: string, value: string): void;
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
  info(message: string): void;
  summary: {
    addRaw(text: string, addEOL?: boolean): unknown;
    write(): Promise<unknown>;
  };
}

export interface ReportContext {
  dryRun: boolean;
  dryRunReason?: string | undefined;
  vaultUrl: string;
  /** Things the reader must know about the whole run, e.g. why the vault was not read. */
  notes: readonly string[];
  /** Prefix, owner, prune and adopt, for the summary's context. */
  settings?: RunSettings | undefined;
  /** Commit and file links, when running in a repository. */
  links?: RepositoryLinks | undefined;
}

export type ResultCounts = Record<ResultStatus, number>;

const STATUSES: readonly ResultStatus[] = ["created", "updated", "unchanged", "recovered", "deleted", "skipped", "failed"];
const CHANGING: ReadonlySet<ResultStatus> = new Set(["created", "updated", "recovered", "deleted"]);

// GitHub shows at most 10 error and 10 warning annotations per step and drops the rest, so the
// overflow annotation takes the tenth place instead of being the eleventh nobody sees.
const MAX_ANNOTATIONS = 10;

export function countResults(results: readonly ChangeResult[]): ResultCounts {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as ResultCounts;
  for (const result of results) counts[result.status] += 1;
  return counts;
}

/** Outputs, annotations and job summary for a run that got as far as a plan. */
export async function writeReport(results: readonly ChangeResult[], context: ReportContext, io: ReportIO): Promise<void> {
  // Results come sorted from the plan; sorting a copy with the same comparator keeps the report
  // stable for any caller, at the cost of one pass over an already sorted list.
  const sorted = [...results].sort(compareBySecretName);
  const counts = countResults(sorted);
  writeOutputs(sorted, counts, context, io);
  logResults(sorted, counts, context, io);
  const failed = sorted.filter((result) => result.status === "failed");
  // Offline-only validations are no problem: warning about each would crowd out the warnings
  // that are (GitHub shows 10 a step), so they share one notice.
  const skipped = sorted.filter((result) => result.status === "skipped" && !result.offline);
  const offline = sorted.filter((result) => result.status === "skipped" && result.offline);
  annotateResults(failed, "failed", (message, properties) => io.error(message, properties), context.dryRun);
  annotateResults(skipped, "skipped", (message, properties) => io.warning(message, properties), context.dryRun);
  if (context.dryRun)
    io.notice(`Dry run: nothing was written to ${context.vaultUrl}.${context.dryRunReason ? ` ${context.dryRunReason}` : ""}`);
  for (const note of context.notes) io.notice(note);
  if (offline.length > 0) noticeOffline(offline, io);
  const summary = renderSummary(sorted, counts, {
    vaultUrl: context.vaultUrl,
    dryRun: context.dryRun,
    dryRunReason: context.dryRunReason,
    notes: context.notes,
    settings: context.settings,
    links: context.links,
  });
  await writeSummary(summary, io);
}

function noticeOffline(offline: readonly ChangeResult[], io: ReportIO): void {
  const secrets = offline.length === 1 ? "1 secret" : `${offline.length} secrets`;
  io.notice(
    `${secrets} validated offline only: ${offline.map((result) => result.name).join(", ")}. Names and values are valid; ` +
      "nothing was compared with the vault, which this run cannot read. The job summary lists every secret.",
    { title: `${secrets} validated offline only` },
  );
}

function writeOutputs(sorted: readonly ChangeResult[], counts: ResultCounts, context: ReportContext, io: ReportIO): void {
  for (const status of STATUSES) io.setOutput(status, String(counts[status]));
  const failedNames = sorted.filter((result) => result.status === "failed").map((result) => result.source ?? result.name);
  io.setOutput("failed-names", JSON.stringify(failedNames));
  // A dry run changes nothing; its counts say what would change.
  const changed = !context.dryRun && sorted.some((result) => CHANGING.has(result.status));
  io.setOutput("changed", String(changed));
  const plan = sorted.map((result) => ({ source: result.source ?? null, name: result.name, action: result.action, reason: result.reason }));
  io.setOutput("plan", JSON.stringify(plan));
}

/** The same outcome as the summary, for readers of the raw log. */
function logResults(sorted: readonly ChangeResult[], counts: ResultCounts, context: ReportContext, io: ReportIO): void {
  for (const result of sorted) {
    const source = result.source === undefined || result.source === result.name ? "" : ` (from ${result.source})`;
    io.info(`${describeStatus(result.status, context.dryRun).padEnd(13)} ${result.name}${source}: ${result.reason}`);
    if (result.status === "failed" && result.hint) io.info(`${"".padEnd(13)} how to fix: ${result.hint}`);
  }
  io.info(STATUSES.map((status) => `${counts[status]} ${describeStatus(status, context.dryRun)}`).join(", "));
}

/** One annotation per result (all of one status), the tenth counting any beyond nine. */
function annotateResults(
  matching: readonly ChangeResult[],
  status: "failed" | "skipped",
  annotate: (message: string, properties?: AnnotationProperties) => void,
  dryRun: boolean,
): void {
  const shown = matching.length > MAX_ANNOTATIONS ? matching.slice(0, MAX_ANNOTATIONS - 1) : matching;
  for (const result of shown) {
    annotate(`${result.name}: ${result.reason}${result.hint ? `\n${result.hint}` : ""}`, {
      title: status === "failed" ? `Failed to ${dryRun ? "plan" : "sync"} ${describeSource(result)}` : `Skipped ${describeSource(result)}`,
      ...locate(result),
    });
  }
  const rest = matching.slice(shown.length);
  if (rest.length > 0) {
    const verb = status === "failed" ? "failed" : "were skipped";
    annotate(
      `${rest.length} more secrets ${verb}: ${rest.map((result) => result.name).join(", ")}. The job summary lists every secret with its reason.`,
      {
        title: `${rest.length} more secrets ${verb}`,
      },
    );
  }
}

function describeSource(result: ChangeResult): string {
  return result.source === undefined ? result.name : result.source;
}

function locate(result: ChangeResult): Pick<AnnotationProperties, "file" | "startLine"> {
  const location = locateOrigin(result.origin);
  return location === undefined ? {} : { file: location.file, startLine: location.line };
}

/** A run that failed before it had a plan (bad input, sign-in failure) still explains itself in the summary. */
export async function writeFailureSummary(
  error: unknown,
  context: {
    vaultUrl?: string | undefined;
    dryRun?: boolean | undefined;
    dryRunReason?: string | undefined;
    notes?: readonly string[];
    settings?: RunSettings | undefined;
    links?: RepositoryLinks | undefined;
  },
  io: ReportIO,
): Promise<void> {
  const hint = error instanceof SyncError ? error.hint : undefined;
  const summary = renderFailureSummary(errorMessage(error), hint, {
    vaultUrl: context.vaultUrl,
    dryRun: context.dryRun,
    dryRunReason: context.dryRunReason,
    notes: context.notes ?? [],
    settings: context.settings,
    links: context.links,
  });
  await writeSummary(summary, io);
}

async function writeSummary(markdown: string, io: ReportIO): Promise<void> {
  // Called from `finally`: a summary that cannot be written must not hide the run's own outcome.
  try {
    io.summary.addRaw(markdown, true);
    await io.summary.write();
  } catch (error) {
    try {
      io.warning(`Could not write the job summary: ${errorMessage(error)}`);
    } catch {
      // Nothing left to report to.
    }
  }
}
