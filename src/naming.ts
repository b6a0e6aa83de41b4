import type { Origin, SourceEntry } from "./sources/source-entry.ts";

export type NameTransform = "hyphens" | "none";

export interface NamingRules {
  include: readonly string[];
  exclude: readonly string[];
  prefix: string;
  transform: NameTransform;
}

/** A secret the sources ask for, under its final Key Vault name. */
export interface DesiredSecret {
  source: string;
  name: string;
  value: string;
  origin: Origin;
}

/** A source entry that will not be written, and why (never containing the value). */
export interface Rejection {
  source: string;
  name: string | undefined;
  origin: Origin;
  status: "skipped" | "failed";
  reason: string;
}

export interface NamingResult {
  desired: DesiredSecret[];
  rejected: Rejection[];
}

/** Filter, transform, prefix and validate source entries; find case-insensitive collisions. Pure. */
export function nameSecrets(_entries: readonly SourceEntry[], _rules: NamingRules): NamingResult {
  throw new Error("not implemented");
}
