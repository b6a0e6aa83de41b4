/**
 * Pruning: which of this owner's secrets, synced under this run's prefix, the sources no longer
 * name, and whether this run may delete them. The rules are listed in plan.ts.
 */
import type { Rejection } from "./naming.ts";
import { mayPrune } from "./ownership.ts";
import type { PlanInput, PlanItem } from "./plan-items.ts";
import type { VaultState } from "./vault-state.ts";

export function planPrune(input: PlanInput, state: VaultState): PlanItem[] {
  const { owner, prefix } = input.options;
  const targeted = new Set(input.desired.map((secret) => secret.name.toLowerCase()));
  const heldBack = new Map<string, Rejection>();
  for (const rejection of input.rejected) {
    if (rejection.name !== undefined) heldBack.set(rejection.name.toLowerCase(), rejection);
  }
  const failedEntries = input.rejected.filter((rejection) => rejection.status === "failed").length;
  const items: PlanItem[] = [];
  for (const existing of state.secrets) {
    const key = existing.name.toLowerCase();
    const candidate =
      !existing.managed && mayPrune(existing.tags, owner, prefix) && key.startsWith(prefix.toLowerCase()) && !targeted.has(key);
    if (!candidate) continue;
    const rejection = heldBack.get(key);
    const base = { source: undefined, name: existing.name, origin: undefined };
    if (rejection !== undefined) {
      const outcome = rejection.status === "failed" ? "failed" : "was skipped";
      items.push({
        ...base,
        source: rejection.source,
        origin: rejection.origin,
        action: "skip",
        reason: `not pruned: source entry '${rejection.source}' still maps to this name but ${outcome} this run`,
      });
    } else if (failedEntries > 0) {
      items.push({
        ...base,
        action: "skip",
        reason: `not pruned: ${failedEntries} source ${failedEntries === 1 ? "entry" : "entries"} failed this run, and pruning waits for a clean run so an input mistake never deletes secrets`,
      });
    } else if (input.desired.length === 0) {
      items.push({
        ...base,
        action: "skip",
        reason: "not pruned: the sources produced no secrets this run, and keyvault-sync refuses to delete every secret it manages",
      });
    } else {
      const days = existing.recoverableDays === undefined ? "" : ` for ${existing.recoverableDays} days`;
      items.push({
        ...base,
        action: "delete",
        reason: `no longer in the sources: soft delete (recoverable${days})`,
        change: { kind: "delete", storedName: existing.name },
      });
    }
  }
  return items;
}
