/**
 * The one rule that decides whether this run may write a secret: reading the vault (which values
 * to fetch), planning (existing and soft-deleted names), applying (a recover that met someone
 * else's version) and pruning all ask here. Pure.
 */
import { isSamePrefix, readOwnership, readPrefix } from "./tags.ts";

/** What the ownership tags of a version allow this run to do with it. */
export type WriteRule =
  /** `adopting`: the version was not written by keyvault-sync and `adopt` takes it over. */
  | { kind: "allowed"; adopting: boolean }
  /** Another owner's secrets are never written, not even with `adopt`. */
  | { kind: "refused"; reason: "other-owner"; owner: string }
  /** Not written by keyvault-sync, and this run does not adopt. */
  | { kind: "refused"; reason: "not-adopted" };

export type RefusedWrite = Extract<WriteRule, { kind: "refused" }>;

/** May a run of `owner` (adopting or not) write over a version that carries `tags`? */
export function decideWrite(tags: Readonly<Record<string, string>>, owner: string, adopt: boolean): WriteRule {
  const ownership = readOwnership(tags, owner);
  if (ownership.kind === "ours") return { kind: "allowed", adopting: false };
  if (ownership.kind === "other-owner") return { kind: "refused", reason: "other-owner", owner: ownership.owner };
  return adopt ? { kind: "allowed", adopting: true } : { kind: "refused", reason: "not-adopted" };
}

/**
 * May a run of `owner` under `prefix` delete this version as stale? Only its own set: this
 * owner's version synced under exactly this prefix. Adopt never extends to deletes.
 */
export function mayPrune(tags: Readonly<Record<string, string>>, owner: string, prefix: string): boolean {
  return readOwnership(tags, owner).kind === "ours" && isSamePrefix(readPrefix(tags), prefix);
}
