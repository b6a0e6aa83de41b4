/**
 * The planner: desired secrets + what the vault holds -> one decision per Key Vault name. Pure:
 * no SDK, no toolkit, no clock (the caller passes `now`). Reasons are shown to users and never
 * contain a value.
 *
 * Decisions the design left open, made here on the side of never losing data:
 * - `adopt` takes over untagged and drifted secrets, never another owner's.
 * - A disabled secret is not written or re-enabled: the item fails and says how to proceed.
 * - Prune deletes nothing in a run where a source entry failed, or where the sources produced no
 *   secret at all, and never a name a skipped or failed entry still maps to: an input mistake must
 *   not delete secrets. Such candidates are listed as `skip` items so the user sees them.
 * - Prune deletes only this owner's secrets synced under exactly this run's prefix (the prefix
 *   tag, ignoring case as names do): `prefix: app-` never prunes what `prefix: app-api-` wrote,
 *   nor does an empty prefix prune either. A secret of this owner synced under another prefix is
 *   still this owner's: writing it moves it to this run's set (the last writer's prefix wins).
 * - Offline (no vault read) every valid secret is a `skip` item whose reason says it was only
 *   validated; nothing in the plan claims a create or update it could not know about.
 * - A value the identity may not read (e.g. Key Vault Reader) is planned as an update that writes a
 *   new version, and the reason says it was not compared.
 *
 * Comparing a secret with its latest version is in compare-secret.ts, planning one name in
 * plan-secret.ts, pruning in plan-prune.ts.
 */
import type { Rejection } from "./naming.ts";
import { compareBySecretName } from "./secret-names.ts";
import { readVaultName } from "./vault-url.ts";
import type { Plan, PlanInput, PlanItem, PlanOptions } from "./plan-items.ts";
import { baseFor, hideValue, itemFor, planExisting, planSoftDeleted } from "./plan-secret.ts";
import type { PlanContext } from "./plan-secret.ts";
import { planPrune } from "./plan-prune.ts";

function itemFromRejection(rejection: Rejection): PlanItem {
  return {
    source: rejection.source,
    // A name that could not be formed is shown under the source key instead.
    name: rejection.name ?? rejection.source,
    action: rejection.status === "failed" ? "fail" : "skip",
    reason: rejection.reason,
    origin: rejection.origin,
  };
}

function decidedAgainst(options: PlanOptions): Pick<Plan, "scope" | "metadata"> {
  return { scope: { owner: options.owner, prefix: options.prefix }, metadata: options.metadata };
}

export function planChanges(input: PlanInput): Plan {
  const items = input.rejected.map(itemFromRejection);
  const state = input.state;
  if (state === undefined) {
    for (const secret of input.desired) {
      items.push(
        itemFor(secret, "skip", "validated offline only: not compared with the vault, which this run cannot read", { offline: true }),
      );
    }
    return { items: items.sort(compareBySecretName), offline: true, ...decidedAgainst(input.options) };
  }
  const context: PlanContext = { options: input.options, vaultName: readVaultName(state.vaultUrl) };
  const existingByName = new Map(state.secrets.map((secret) => [secret.name.toLowerCase(), secret]));
  const deletedByName = new Map(state.deleted.map((secret) => [secret.name.toLowerCase(), secret]));
  const createReason =
    state.deletedUnavailable === undefined
      ? "new secret"
      : `new secret (soft-deleted names could not be checked: ${state.deletedUnavailable.message})`;
  for (const secret of input.desired) {
    const key = secret.name.toLowerCase();
    const existing = existingByName.get(key);
    const deleted = deletedByName.get(key);
    if (existing !== undefined) items.push(planExisting(secret, existing, context));
    else if (deleted !== undefined)
      items.push(
        planSoftDeleted(secret, deleted, { owner: input.options.owner, adopt: input.options.adopt, vaultName: context.vaultName }),
      );
    else {
      const whenSoftDeleted = { owner: input.options.owner, adopt: input.options.adopt };
      items.push({
        ...baseFor(secret, createReason),
        action: "create",
        change: { kind: "set", secret: hideValue(secret), whenSoftDeleted },
      });
    }
  }
  if (input.options.prune) items.push(...planPrune(input, state));
  return { items: items.sort(compareBySecretName), offline: false, ...decidedAgainst(input.options) };
}
