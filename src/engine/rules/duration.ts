/**
 * Durations as the inputs and the rules write them: a positive whole number and one unit, m
 * (minutes), h (hours), d (days) or w (weeks). No months or years: their length varies.
 */
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  m: 60,
  h: 60 * 60,
  d: 24 * 60 * 60,
  w: 7 * 24 * 60 * 60,
};

/** A secret that expires a century from now does not need an expiry date. */
export const MAX_DURATION_SECONDS = 100 * 365 * 24 * 60 * 60;

export const DURATION_RULE = "must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d";

export type DurationParse = { ok: true; seconds: number } | { ok: false; rule: string };

export function parseDuration(text: string): DurationParse {
  const match = /^([0-9]{1,12})([a-z])$/.exec(text);
  const unit = match ? UNIT_SECONDS[match[2] as string] : undefined;
  const amount = match ? Number(match[1]) : 0;
  if (!match || unit === undefined || amount === 0) return { ok: false, rule: DURATION_RULE };
  const seconds = amount * unit;
  if (seconds > MAX_DURATION_SECONDS) return { ok: false, rule: "must be at most 100 years (36500d)" };
  return { ok: true, seconds };
}

/** "14d", "36h", "90m": the largest unit that divides the duration. */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of Object.entries(UNIT_SECONDS).reverse()) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
