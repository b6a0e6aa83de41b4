import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);

// src/engine/rules/duration.ts
var UNIT_SECONDS = {
  m: 60,
  h: 60 * 60,
  d: 24 * 60 * 60,
  w: 7 * 24 * 60 * 60
};
var MAX_DURATION_SECONDS = 100 * 365 * 24 * 60 * 60;
var DURATION_RULE = "must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d";
function parseDuration(text) {
  const match = /^([0-9]{1,12})([a-z])$/.exec(text);
  const unit = match ? UNIT_SECONDS[match[2]] : void 0;
  const amount = match ? Number(match[1]) : 0;
  if (!match || unit === void 0 || amount === 0) return { ok: false, rule: DURATION_RULE };
  const seconds = amount * unit;
  if (seconds > MAX_DURATION_SECONDS) return { ok: false, rule: "must be at most 100 years (36500d)" };
  return { ok: true, seconds };
}
function formatDuration(seconds) {
  for (const [unit, size] of Object.entries(UNIT_SECONDS).reverse()) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

// src/engine/rules/rule.ts
var RULE_KEYS = ["name", "content-type", "tags", "expires-in", "not-before", "enabled", "renew-before", "update"];
function describeProblem(problem) {
  const key = problem.key === void 0 ? "" : `, key '${problem.key}'`;
  return `${problem.place.origin} line ${problem.place.line}${key}: ${problem.rule}`;
}

export {
  parseDuration,
  formatDuration,
  RULE_KEYS,
  describeProblem
};
