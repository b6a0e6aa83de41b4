/**
 * `npm run preview-summary [-- <directory>]`: runs the bundled action against the local Azure in
 * four situations (a 60-secret sync with 2 changes, a pull request's plan that deletes, 5
 * failures sharing one fix, a sign-in failure) and writes each job summary as an HTML page
 * styled like GitHub's, to look at in a browser before a change to the summary is merged.
 * Without a directory, the pages go to a new temporary one; the script prints where.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startCloud } from "../local-azure/index.ts";
import { SUMMARY_RUNS } from "../tools/summary-runs.ts";
import { renderMarkdown } from "../tools/summary-html.ts";

// Close to GitHub's light theme for Markdown, enough to judge layout and what fits on a screen.
const STYLE = `
body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
main { max-width: 1012px; margin: 24px auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px 32px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin: 16px 0; }
h3 { font-size: 1.25em; margin: 24px 0 16px; }
p, ul, table, pre, details, .markdown-alert { margin: 0 0 16px; }
ul { padding-left: 2em; }
a { color: #0969da; text-decoration: none; }
code { font: 85% ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; border-radius: 6px; padding: .2em .4em; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
pre code { background: none; padding: 0; font-size: 85%; }
table { border-collapse: collapse; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
summary { cursor: pointer; }
.markdown-alert { border-left: .25em solid; padding: .5em 1em; }
.markdown-alert-title { display: flex; align-items: center; gap: 8px; font-weight: 500; margin-bottom: 4px; }
.markdown-alert p:last-child { margin-bottom: 0; }
.markdown-alert svg { fill: currentColor; }
.markdown-alert-note { border-color: #0969da; } .markdown-alert-note .markdown-alert-title { color: #0969da; }
.markdown-alert-warning { border-color: #9a6700; } .markdown-alert-warning .markdown-alert-title { color: #9a6700; }
.markdown-alert-caution { border-color: #cf222e; } .markdown-alert-caution .markdown-alert-title { color: #cf222e; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>\n<body><main>\n${body}</main></body></html>\n`;
}

const target = process.argv[2] ? resolve(process.argv[2]) : mkdtempSync(join(tmpdir(), "summary-preview-"));
mkdirSync(target, { recursive: true });
const cloud = await startCloud();
try {
  for (const scenario of SUMMARY_RUNS) {
    const run = await scenario.run(cloud.info);
    const file = join(target, `${scenario.name}.html`);
    writeFileSync(file, page(scenario.title, renderMarkdown(run.summary)));
    writeFileSync(join(target, `${scenario.name}.md`), run.summary);
    console.log(`${scenario.title} (exit code ${run.exitCode}): ${file}`);
  }
} finally {
  await cloud.stop();
}
