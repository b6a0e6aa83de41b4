/**
 * The job summary as GitHub shows it: GitHub-flavoured Markdown (tables, alerts) rendered to
 * HTML and parsed, so tests check what a reviewer sees rather than the Markdown text. Also used
 * by `npm run preview-summary`.
 */
import { Marked } from "marked";
import markedAlert from "marked-alert";
import { NodeType, parse } from "node-html-parser";
import type { HTMLElement } from "node-html-parser";

const renderer = new Marked({ gfm: true, async: false }).use(markedAlert());

export function renderMarkdown(markdown: string): string {
  return renderer.parse(markdown, { async: false });
}

export function renderSummaryHtml(markdown: string): HTMLElement {
  // By default the parser keeps <pre> as raw text; code blocks are checked as elements here.
  return parse(renderMarkdown(markdown), { blockTextElements: {} });
}

/** The sections of a summary: each h3 with the elements up to the next heading or <details>. */
export interface SummaryView {
  root: HTMLElement;
  heading: string;
  /** Section titles in page order, `details` standing for the folded section. */
  order: string[];
  section(titleStart: string): HTMLElement[];
  /** Rows of the first table in a section (or in the folded part), as cell texts. */
  rows(titleStart: string): string[][];
  details: HTMLElement | undefined;
}

export function viewSummary(markdown: string): SummaryView {
  const root = renderSummaryHtml(markdown);
  const top = root.childNodes.filter((node): node is HTMLElement => node.nodeType === NodeType.ELEMENT_NODE);
  const sections = new Map<string, HTMLElement[]>();
  const order: string[] = [];
  let current: HTMLElement[] | undefined;
  for (const element of top) {
    if (element.tagName === "H3") {
      current = [];
      sections.set(element.text.trim(), current);
      order.push(element.text.trim());
    } else if (element.tagName === "DETAILS") {
      current = undefined;
      order.push("details");
    } else current?.push(element);
  }
  const details = root.querySelector("details") ?? undefined;
  const findSection = (titleStart: string) => [...sections].find(([title]) => title.startsWith(titleStart))?.[1] ?? [];
  return {
    root,
    heading: root.querySelector("h2")?.text.trim() ?? "",
    order,
    section: findSection,
    rows(titleStart) {
      const container = titleStart === "details" ? details : findSection(titleStart).find((element) => element.tagName === "TABLE");
      const body = container?.querySelector("tbody");
      return (body?.querySelectorAll("tr") ?? []).map((row) => row.querySelectorAll("td").map((cell) => cell.text.trim()));
    },
    details,
  };
}

// The emphasis the summary itself uses; any other <strong> or any <em> came from a name or reason.
const OWN_STRONG = [
  /^\d+ (failed|would \w+|deleted|created|updated|recovered|unchanged|skipped)$/,
  /^(Vault|Dry run|Mode|Scope|Commit):$/,
  /^Fix \d+$/,
  /^(This plan deletes|Deleted) \d+ secrets?$/,
  /^No secret was synced\.$/,
  /^Nothing to sync\.$/,
];
const ALLOWED_TAGS = new Set([
  "H2",
  "H3",
  "P",
  "UL",
  "LI",
  "STRONG",
  "A",
  "CODE",
  "PRE",
  "TABLE",
  "THEAD",
  "TBODY",
  "TR",
  "TH",
  "TD",
  "BR",
  "DIV",
  "DETAILS",
  "SUMMARY",
  "SVG",
  "PATH",
]);

/** What every summary must satisfy, whatever the run: problems found, as messages. */
export function findStructureProblems(markdown: string): string[] {
  const problems: string[] = [];
  const root = renderSummaryHtml(markdown);
  if (!/^Key Vault Sync/.test(root.querySelector("h2")?.text ?? "")) problems.push("no 'Key Vault Sync' heading first");
  for (const element of root.querySelectorAll("*")) {
    if (!ALLOWED_TAGS.has(element.tagName))
      problems.push(`unexpected <${element.tagName.toLowerCase()}>: ${element.toString().slice(0, 80)}`);
  }
  for (const strong of root.querySelectorAll("strong")) {
    if (!OWN_STRONG.some((pattern) => pattern.test(strong.text.trim()))) problems.push(`<strong> not from the summary: ${strong.text}`);
  }
  for (const anchor of root.querySelectorAll("a")) {
    const href = anchor.getAttribute("href") ?? "";
    if (!/^https:\/\/(github\.com\/|portal\.azure\.(com|us|cn)\/#)/.test(href)) problems.push(`link to an unexpected place: ${href}`);
  }
  return problems;
}
