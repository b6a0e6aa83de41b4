/**
 * A sync without prune, one secret at a time: read the name, plan it, write it, move on. Nothing
 * waits for the whole vault to be read, a write starts as soon as its read decided it, and a
 * value is let go once its secret is done. Prune still reads everything first (vault-state.ts),
 * because what to delete depends on the whole picture.
 *
 * Each name is planned by the same planner, over the same rules, as in the whole-vault path;
 * a dry run reports the same items, in the same order.
 */
import { applyPlan } from "./apply.ts";
import type { ApplyOptions, ChangeResult } from "./apply.ts";
import type { KeyVault } from "./key-vault.ts";
import { mapWithConcurrency } from "./limiter.ts";
import type { DesiredSecret, Rejection } from "./naming.ts";
import { planChanges } from "./plan.ts";
import type { PlanItem, PlanOptions } from "./plan.ts";
import { compareByVaultName } from "./vault-names.ts";
import { createNameReader, mergeStates } from "./vault-state.ts";
import type { ReadVaultStateOptions } from "./vault-state.ts";

export interface SyncByNameResult {
  results: ChangeResult[];
  /** Existing values the identity was refused (a Reader): the report says so once. */
  refusedValues: number;
}

function isRefused(kind: string): boolean {
  return kind === "forbidden-rbac" || kind === "forbidden-policy";
}

export async function syncByName(
  vault: KeyVault,
  input: { desired: readonly DesiredSecret[]; rejected: readonly Rejection[] },
  options: { read: Omit<ReadVaultStateOptions, "listAll">; plan: PlanOptions; apply: ApplyOptions },
): Promise<SyncByNameResult> {
  const planOptions: PlanOptions = { ...options.plan, prune: false };
  const reader = createNameReader(vault, options.read);
  let refusedValues = 0;
  const done = await mapWithConcurrency(input.desired, options.apply.concurrency, async (secret): Promise<{ item: PlanItem; result: ChangeResult }> => {
    const found = await reader.read(secret.name);
    const value = found.existing?.value;
    if (value?.kind === "failed" && isRefused(value.failure.kind)) refusedValues += 1;
    const plan = planChanges({ desired: [secret], rejected: [], state: mergeStates(vault.vaultUrl, [found]), options: planOptions });
    const [result] = await applyPlan(plan, vault, { ...options.apply, concurrency: 1 });
    return { item: plan.items[0] as PlanItem, result: result as ChangeResult };
  });
  // Rejected entries become the same skip and fail items the whole-vault plan has.
  const rejectedPlan = planChanges({ desired: [], rejected: input.rejected, state: mergeStates(vault.vaultUrl, []), options: planOptions });
  const rejectedResults = await applyPlan(rejectedPlan, vault, options.apply);
  const rejected = rejectedPlan.items.map((item, index) => ({ item, result: rejectedResults[index] as ChangeResult }));
  const ordered = [...rejected, ...done].sort((left, right) => compareByVaultName(left.item, right.item));
  return { results: ordered.map((entry) => entry.result), refusedValues };
}
