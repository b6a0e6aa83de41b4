/**
 * Comparing a desired secret with the latest version the vault holds: what, if anything, a write
 * would change. Pure; the planner and the apply step's re-check both use it.
 */
import type { SecretMetadata } from "./plan-items.ts";
import { PREFIX_TAG, readOwnership, selectUserTags } from "./tags.ts";
import type { SyncScope } from "./tags.ts";

export interface CurrentVersion {
  value: string;
  contentType: string | undefined;
  tags: Readonly<Record<string, string>>;
  expiresOn: Date | undefined;
  enabled?: boolean;
}

export type Comparison =
  | { kind: "same" }
  | { kind: "value" }
  /** `newVersion`: the change removes something a PATCH cannot clear (content type). */
  | { kind: "metadata"; changed: string[]; newVersion: boolean };

function sameTags(left: Readonly<Record<string, string>>, right: Readonly<Record<string, string>>): boolean {
  const leftNames = Object.keys(left);
  return leftNames.length === Object.keys(right).length && leftNames.every((name) => right[name] === left[name]);
}

/**
 * Value, content type, user tags, ownership tags and the prefix tag must match; audit tags are
 * ignored. The prefix tag is compared exactly (it is written exactly), so a prefix whose case
 * changed is rewritten too. Expiry only matters when the inputs ask for one and the version has
 * none: comparing the date itself would churn a new expiry on every run as time passes.
 */
export function compareSecret(value: string, current: CurrentVersion, scope: SyncScope, metadata: SecretMetadata): Comparison {
  if (current.value !== value) return { kind: "value" };
  const changed: string[] = [];
  if (readOwnership(current.tags, scope.owner).kind !== "ours") changed.push("ownership tags");
  if (current.tags[PREFIX_TAG] !== (scope.prefix === "" ? undefined : scope.prefix)) changed.push("prefix tag");
  if (!sameTags(selectUserTags(current.tags), metadata.tags)) changed.push("tags");
  // An empty content type is no content type: comparing "" with a missing one would churn.
  const wanted = metadata.contentType || undefined;
  const stored = current.contentType || undefined;
  const contentTypeRemoved = wanted === undefined && stored !== undefined;
  if (stored !== wanted) changed.push(contentTypeRemoved ? "content type removed" : "content type");
  if (metadata.expiresInSeconds !== undefined && current.expiresOn === undefined) changed.push("expiry");
  if (metadata.enabled === false && current.enabled !== false) changed.push("disabled");
  return changed.length === 0 ? { kind: "same" } : { kind: "metadata", changed, newVersion: contentTypeRemoved };
}
