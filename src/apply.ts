import type { PlanAction, PlanItem } from "./plan.ts";
import type { Origin } from "./sources/source-entry.ts";

export type ResultStatus = "created" | "updated" | "unchanged" | "recovered" | "deleted" | "skipped" | "failed";

/** The outcome for one Key Vault name. In a dry run, the outcome the plan would have. */
export interface ChangeResult {
  source: string | undefined;
  name: string;
  action: PlanAction;
  status: ResultStatus;
  reason: string;
  origin: Origin | undefined;
}

export function resultFromItem(item: PlanItem, status: ResultStatus, reason = item.reason): ChangeResult {
  return { source: item.source, name: item.name, action: item.action, status, reason, origin: item.origin };
}
