/**
 * The bench's figures: samples over repetitions, their median and spread, the bound each one is
 * held to and the ratio median / bound. Printed as a table (also written into the README) and as
 * one JSON line.
 */

export interface Figure {
  scenario: string;
  size: number;
  metric: string;
  unit: string;
  samples: number[];
  /** Upper bound on the median, with how it was derived; undefined for figures shown for comparison. */
  bound?: { value: number; rule: string };
}

export interface FigureSummary extends Figure {
  median: number;
  min: number;
  max: number;
  ratio: number | undefined;
  ok: boolean | undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarize(figure: Figure): FigureSummary {
  const value = median(figure.samples);
  const ratio = figure.bound === undefined || figure.bound.value === 0 ? undefined : value / figure.bound.value;
  return {
    ...figure,
    median: value,
    min: Math.min(...figure.samples),
    max: Math.max(...figure.samples),
    ratio,
    ok: figure.bound === undefined ? undefined : value <= figure.bound.value,
  };
}

function format(value: number): string {
  if (!Number.isFinite(value)) return "-";
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** A Markdown table: one row per figure. */
export function renderTable(figures: readonly FigureSummary[]): string {
  const rows = ["| scenario | size | figure | median | spread | bound | ratio | |", "|---|---:|---|---:|---:|---|---:|---|"];
  for (const figure of figures) {
    const spread = figure.samples.length > 1 ? `${format(figure.min)}–${format(figure.max)}` : "";
    const bound = figure.bound === undefined ? "" : `≤ ${format(figure.bound.value)} (${figure.bound.rule})`;
    const ratio = figure.ratio === undefined ? "" : figure.ratio.toFixed(2);
    const verdict = figure.ok === undefined ? "" : figure.ok ? "ok" : "**over**";
    rows.push(
      `| ${figure.scenario} | ${figure.size} | ${figure.metric} (${figure.unit}) | ${format(figure.median)} | ${spread} | ${bound} | ${ratio} | ${verdict} |`,
    );
  }
  return rows.join("\n");
}
