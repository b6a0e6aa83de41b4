/**
 * The leak check: a secret value, whole or in part, must not appear anywhere a user could see it.
 * `::add-mask::` commands are the one place a value is allowed on stdout: the runner consumes
 * them and never prints them; they are how masking works.
 */
import { randomBytes } from "node:crypto";
import type { ActionRun } from "./run-action.ts";

/** Fragments this long are searched for too, so a truncated or split value is still caught. */
const WINDOW = 12;

/** A value no log line could contain by accident. */
export function makeCanary(label: string): string {
  return `${label}-${randomBytes(12).toString("hex")}`;
}

export interface Leak {
  where: string;
  fragment: string;
}

/** Every place in a run's output where a value (or a 12-character piece of one) shows. */
export function findLeaks(run: ActionRun, values: readonly string[]): Leak[] {
  const places: Array<[string, string]> = [
    [
      "stdout",
      run.stdout
        .split("\n")
        .filter((line) => !line.startsWith("::add-mask::"))
        .join("\n"),
    ],
    ["stderr", run.stderr],
    ["GITHUB_OUTPUT", JSON.stringify(run.outputs)],
    ["GITHUB_STEP_SUMMARY", run.summary],
  ];
  const leaks: Leak[] = [];
  for (const fragment of fragmentsOf(values)) {
    for (const [where, text] of places) {
      if (text.includes(fragment)) leaks.push({ where, fragment: `${fragment.slice(0, 4)}…` });
    }
  }
  return leaks;
}

function fragmentsOf(values: readonly string[]): Set<string> {
  const fragments = new Set<string>();
  for (const value of values) {
    for (const line of value.split(/\r?\n/)) {
      const text = line.trim();
      if (text.length < WINDOW) {
        if (text.length >= 6) fragments.add(text);
        continue;
      }
      for (let start = 0; start + WINDOW <= text.length; start += 1) fragments.add(text.slice(start, start + WINDOW));
    }
  }
  return fragments;
}
