/**
 * The job summary, written the way @actions/core's `summary.addRaw(…).write()` writes it: text
 * gathered, then appended to the file the runner names in GITHUB_STEP_SUMMARY, which must already
 * exist and be readable and writable, with the toolkit's messages when it is not.
 *
 * The toolkit's `summary` builds HTML, which this action does not use (summary.ts renders
 * Markdown), and loads `fs/promises` (with streams and readline) as soon as the bundle is read,
 * whether a summary is written or not: about 2 ms of an offline dry run's 40. One synchronous
 * append of a few kilobytes costs less than that.
 */
import { accessSync, appendFileSync, constants } from "node:fs";
import { EOL } from "node:os";

const SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";

export interface JobSummary {
  addRaw(text: string, addEOL?: boolean): JobSummary;
  write(): Promise<JobSummary>;
}

export function createJobSummary(env: NodeJS.ProcessEnv = process.env): JobSummary {
  let buffer = "";
  const summary: JobSummary = {
    addRaw(text: string, addEOL = false) {
      buffer += addEOL ? `${text}${EOL}` : text;
      return summary;
    },
    // A throw in the executor rejects the promise, as the toolkit's async write does.
    write() {
      return new Promise((resolve) => {
        appendTo(env[SUMMARY_VARIABLE], buffer);
        buffer = "";
        resolve(summary);
      });
    },
  };
  return summary;
}

function appendTo(path: string | undefined, text: string): void {
  if (!path)
    throw new Error(
      `Unable to find environment variable for $${SUMMARY_VARIABLE}. Check if your runtime environment supports job summaries.`,
    );
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
  }
  appendFileSync(path, text, { encoding: "utf8" });
}
