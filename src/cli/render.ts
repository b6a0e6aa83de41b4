/**
 * What the CLI prints: the plan or the results as a table for people (colour only on a
 * terminal that wants it), or as JSON for machines, and the exit code. Names, reasons and
 * messages come from outside (file names, vault names, service answers), so every control
 * character is made visible before it reaches a terminal: none can move the cursor or recolour.
 * Nothing here ever holds a secret's value: plan items and results carry none.
 */
import type { ChangeResult, ResultStatus } from "../engine/apply.ts";
import type { Env } from "../engine/env.ts";
import { describeOrigin } from "../engine/naming.ts";
import type { Command } from "./options.ts";

/** C0, DEL and C1 controls, and the bidirectional overrides that can reorder what is shown. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters as visible `\u001b` escapes; tabs and new lines too, so one item stays one line. */
export function neutralise(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Colour on a terminal; NO_COLOR (any value) turns it off, FORCE_COLOR (not "0") turns it on. */
export function useColour(env: Env, isTTY: boolean): boolean {
  if ((env["NO_COLOR"] ?? "") !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  return isTTY && env["TERM"] !== "dumb";
}

const COLOURS: Readonly<Record<string, string>> = { green: "32", yellow: "33", red: "31", cyan: "36", dim: "2", bold: "1" };
const ACTION_COLOURS: Readonly<Record<string, string>> = {
  create: "green",
  created: "green",
  update: "yellow",
  updated: "yellow",
  recover: "cyan",
  recovered: "cyan",
  delete: "red",
  deleted: "red",
  fail: "red",
  failed: "red",
  unchanged: "dim",
  skip: "dim",
  skipped: "dim",
};

function paint(text: string, colour: string | undefined, on: boolean): string {
  const code = colour === undefined ? undefined : COLOURS[colour];
  return on && code !== undefined ? `\u001b[${code}m${text}\u001b[0m` : text;
}

const CHANGING = new Set(["create", "update", "recover", "delete"]);
const PLAN_WORDS: Readonly<Record<string, string>> = {
  create: "to create",
  update: "to update",
  recover: "to recover",
  delete: "to delete",
  skip: "skipped",
  fail: "failing",
};

/** 0 nothing to change or all applied, 2 a plan with changes, 1 any failure. */
export function exitCodeFor(command: Command, results: readonly ChangeResult[]): 0 | 1 | 2 {
  if (results.some((result) => result.status === "failed")) return 1;
  if (command === "plan" && results.some((result) => CHANGING.has(result.action))) return 2;
  return 0;
}

export function countStatuses(results: readonly ChangeResult[]): Partial<Record<ResultStatus, number>> {
  const counts: Partial<Record<ResultStatus, number>> = {};
  for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
  return counts;
}

export interface RenderContext {
  command: Command;
  vaultUrl: string;
  notes: readonly string[];
}

/** The table: one row per item, unchanged items folded into one count line. */
export function renderTable(results: readonly ChangeResult[], context: RenderContext, colour: boolean): string {
  const plan = context.command === "plan";
  const shown = results.filter((result) => result.action !== "unchanged");
  const unchanged = results.length - shown.length;
  const rows = shown.map((result) => {
    const label = plan ? result.action : result.status;
    const source = result.origin === undefined ? (result.source ?? "") : describeOrigin(result.origin);
    return {
      label,
      name: neutralise(result.name),
      source: neutralise(source),
      reason: neutralise(result.reason),
      hint: result.hint === undefined ? undefined : neutralise(result.hint),
    };
  });
  const lines: string[] = [];
  if (rows.length > 0) {
    const header = { label: plan ? "ACTION" : "RESULT", name: "NAME", source: "SOURCE", reason: "REASON" };
    const width = (key: "label" | "name" | "source"): number => Math.max(header[key].length, ...rows.map((row) => row[key].length));
    const [labelWidth, nameWidth, sourceWidth] = [width("label"), width("name"), width("source")];
    const line = (label: string, name: string, source: string, reason: string, colourName?: string): string =>
      `${paint(label.padEnd(labelWidth), colourName, colour)}  ${name.padEnd(nameWidth)}  ${source.padEnd(sourceWidth)}  ${reason}`.trimEnd();
    lines.push(paint(line(header.label, header.name, header.source, header.reason), "bold", colour));
    for (const row of rows) {
      lines.push(line(row.label, row.name, row.source, row.reason, ACTION_COLOURS[row.label]));
      if (row.hint !== undefined) lines.push(`${" ".repeat(labelWidth + 2)}${paint(`hint: ${row.hint}`, "dim", colour)}`);
    }
    lines.push("");
  }
  lines.push(summarise(results, context, unchanged));
  for (const note of context.notes) lines.push(`Note: ${neutralise(note)}`);
  return `${lines.join("\n")}\n`;
}

function summarise(results: readonly ChangeResult[], context: RenderContext, unchanged: number): string {
  const vault = neutralise(context.vaultUrl);
  if (context.command === "plan") {
    const counts = new Map<string, number>();
    for (const result of results) if (result.action !== "unchanged") counts.set(result.action, (counts.get(result.action) ?? 0) + 1);
    const parts = [...counts].map(([action, count]) => `${count} ${PLAN_WORDS[action] ?? action}`);
    const changes = results.filter((result) => CHANGING.has(result.action)).length;
    const next =
      (counts.get("fail") ?? 0) > 0
        ? " Fix the failing items first: apply would fail them too."
        : changes > 0
          ? " Run keyvault-sync apply with the same options to make the changes."
          : "";
    return `Plan for ${vault}: ${changes === 0 ? "no changes" : `${changes} ${changes === 1 ? "change" : "changes"}`} (${[...parts, `${unchanged} unchanged`].join(", ")}).${next}`;
  }
  const parts = Object.entries(countStatuses(results)).map(([status, count]) => `${count} ${status}`);
  return `Applied to ${vault}: ${parts.length === 0 ? "nothing to do" : parts.join(", ")}.`;
}

/** The machine output: names, actions, outcomes and reasons; no value, no token. */
export function renderJson(results: readonly ChangeResult[], context: RenderContext): string {
  const body = {
    command: context.command,
    vault: context.vaultUrl,
    changes: results.filter((result) => CHANGING.has(result.action)).length,
    counts: countStatuses(results),
    items: results.map((result) => ({
      name: result.name,
      source: result.source ?? null,
      origin: result.origin === undefined ? null : describeOrigin(result.origin),
      action: result.action,
      ...(context.command === "apply" ? { status: result.status } : {}),
      reason: result.reason,
      ...(result.hint === undefined ? {} : { hint: result.hint }),
    })),
    notes: context.notes,
    exitCode: exitCodeFor(context.command, results),
  };
  // JSON.stringify escapes C0 controls; escape C1 and bidi characters too, still valid JSON.
  return `${JSON.stringify(body, null, 2).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

/** An error for people: the message, then how to fix it. */
export function renderError(message: string, hint: string | undefined, colour: boolean): string {
  const [first = "", ...rest] = message.split("\n");
  const lines = [`${paint("Error:", "red", colour)} ${neutralise(first)}`, ...rest.map((line) => `  ${neutralise(line)}`)];
  if (hint !== undefined) for (const line of hint.split("\n")) lines.push(`${paint("Hint:", "yellow", colour)} ${neutralise(line)}`);
  return `${lines.join("\n")}\n`;
}
