import type { DesiredSecret, Rejection } from "./naming.ts";
import type { Origin } from "./sources/source-entry.ts";

export type PlanAction = "create" | "update" | "unchanged" | "recover" | "delete" | "skip" | "fail";

/** One decision about one Key Vault name. `reason` is shown to users and never holds a value. */
export interface PlanItem {
  /** The source key; undefined for secrets found only in the vault (prune). */
  source: string | undefined;
  /** The Key Vault name as it will be written (or as it exists, for deletes). */
  name: string;
  action: PlanAction;
  reason: string;
  origin: Origin | undefined;
}

export interface Plan {
  items: PlanItem[];
}

export function planChanges(_desired: readonly DesiredSecret[], _rejected: readonly Rejection[]): Plan {
  throw new Error("not implemented");
}
