/**
 * A sync without prune, one secret at a time: read the name, plan it, write it, move on. Nothing
 * waits for the whole vault to be read, a write starts as soon as its read decided it, and a
 * value is let go once its secret is done. Prune still reads everything first (vault-state.ts),
 * because what to delete depends on the whole picture.
 *
 * Each name is planned by the same planner, over the same rules, as in the whole-vault path;
 * a dry run reports the same items, in the same order, and never writes.
 */
import { applyPlan, predictResults } from "./apply.ts";
import type { ApplyOptions, ChangeResult } from "./apply.ts";
import type { KeyVault } from "./vault/key-vault-interface.ts";
import { mapWithConcurrency } from "./limiter.ts";
import type { DesiredSecret, Rejection } from "./naming.ts";
import { planChanges } from "./plan.ts";
import type { Plan, PlanItem, PlanOptions } from "./plan-items.ts";
import { compareBySecretName } from "./secret-names.ts";
import { isAccessDenied } from "./vault/vault-errors.ts";
import { createNameReader, mergeStates } from "./vault-state.ts";
import type { ReadVaultStateOptions } from "./vault-state.ts";

export interface SyncByNameResult {
  results: ChangeResult[];
  /** Existing values the identity was refused (a Reader): the report says so once. */
  refusedValues: number;
}

export async function syncByName(
  vault: KeyVault,
  input: { desired: readonly DesiredSecret[]; rejected: readonly Rejection[] },
  options: { read: Omit<ReadVaultStateOptions, "listAll">; plan: PlanOptions; apply: ApplyOptions; dryRun: boolean },
): Promise<SyncByNameResult> {
  const planOptions: PlanOptions = { ...options.plan, prune: false };
  const reader = createNameReader(vault, options.read);
  const settle = async (plan: Plan): Promise<ChangeResult[]> => {
    if (!options.dryRun) return applyPlan(plan, vault, { ...options.apply, concurrency: 1 });
    const predicted = predictResults(plan);
    for (const result of predicted) options.apply.onResult?.(result);
    return predicted;
  };
  let refusedValues = 0;
  const done = await mapWithConcurrency(
    input.desired,
    options.apply.concurrency,
    async (secret): Promise<{ item: PlanItem; result: ChangeResult }> => {
      const found = await reader.read(secret.name);
      const value = found.existing?.value;
      if (value?.kind === "failed" && isAccessDenied(value.failure.kind)) refusedValues += 1;
      const plan = planChanges({ desired: [secret], rejected: [], state: mergeStates(vault.vaultUrl, [found]), options: planOptions });
      const [result] = await settle(plan);
      return { item: plan.items[0] as PlanItem, result: result as ChangeResult };
    },
  );
  // Rejected entries become the same skip and fail items the whole-vault plan has.
  const rejectedPlan = planChanges({ desired: [], rejected: input.rejected, state: mergeStates(vault.vaultUrl, []), options: planOptions });
  const rejectedResults = await settle(rejectedPlan);
  const rejected = rejectedPlan.items.map((item, index) => ({ item, result: rejectedResults[index] as ChangeResult }));
  const ordered = [...rejected, ...done].sort((left, right) => compareBySecretName(left.item, right.item));
  return { results: ordered.map((entry) => entry.result), refusedValues };
}
