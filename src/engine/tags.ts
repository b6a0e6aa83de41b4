/**
 * Tags the action writes on every version it creates. Ownership tags decide what the action may
 * change; the prefix tag says which of an owner's sets a secret belongs to (what prune may
 * delete); audit tags say which run wrote a version and are ignored when comparing secrets.
 */
export const MANAGED_BY_TAG = "managed-by";
export const MANAGED_BY_VALUE = "keyvault-sync";
export const OWNER_TAG = "keyvault-sync-owner";
/** The `prefix` input a version was synced under, exactly; absent when the prefix is empty. */
export const PREFIX_TAG = "keyvault-sync-prefix";

export const AUDIT_TAGS = {
  repository: "keyvault-sync-repository",
  run: "keyvault-sync-run",
  commit: "keyvault-sync-commit",
  ref: "keyvault-sync-ref",
} as const;

/** Key Vault allows at most 15 tags on a secret version. */
export const MAX_TAGS = 15;
/** Tag names and values: the stricter of the documented limits. */
export const MAX_TAG_LENGTH = 256;

export const RESERVED_TAGS: readonly string[] = [MANAGED_BY_TAG, OWNER_TAG, PREFIX_TAG, ...Object.values(AUDIT_TAGS)];
export const MAX_USER_TAGS = MAX_TAGS - RESERVED_TAGS.length;

/** Who wrote a version: repository, run URL, commit, and environment or ref. */
export interface AuditContext {
  repository: string | undefined;
  runUrl: string | undefined;
  commit: string | undefined;
  /** `environment:NAME` when the job has one, else the ref (`refs/heads/main`). */
  ref: string | undefined;
}

/**
 * The set of secrets one run manages: two workflows with the same owner but different prefixes
 * (`app-` and `app-api-`) sync different sets, and neither prunes the other's.
 */
export interface SyncScope {
  owner: string;
  prefix: string;
}

/** The full tag set for a new version: user tags, then ownership and prefix, then audit (each ≤ 256 chars). */
export function buildTags(scope: SyncScope, userTags: Readonly<Record<string, string>>, audit: AuditContext): Record<string, string> {
  const tags: Record<string, string> = { ...userTags, [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: scope.owner };
  if (scope.prefix !== "") tags[PREFIX_TAG] = scope.prefix;
  const auditValues: Array<[string, string | undefined]> = [
    [AUDIT_TAGS.repository, audit.repository],
    [AUDIT_TAGS.run, audit.runUrl],
    [AUDIT_TAGS.commit, audit.commit],
    [AUDIT_TAGS.ref, audit.ref],
  ];
  for (const [name, value] of auditValues) {
    if (value) tags[name] = value.slice(0, MAX_TAG_LENGTH);
  }
  return tags;
}

/** Who a version belongs to, read from its tags. */
export type Ownership = { kind: "ours" } | { kind: "other-owner"; owner: string } | { kind: "unmanaged" };

/**
 * Both ownership tags must match exactly: a half-tagged version (someone copied one tag by hand)
 * is not ours, and another owner's version is never mistaken for ours.
 */
export function readOwnership(tags: Readonly<Record<string, string>>, owner: string): Ownership {
  if (tags[MANAGED_BY_TAG] !== MANAGED_BY_VALUE) return { kind: "unmanaged" };
  const tagged = tags[OWNER_TAG];
  if (tagged === undefined || tagged === "") return { kind: "unmanaged" };
  return tagged === owner ? { kind: "ours" } : { kind: "other-owner", owner: tagged };
}

/** The prefix a version was synced under: no tag means no prefix. */
export function readPrefix(tags: Readonly<Record<string, string>>): string {
  return tags[PREFIX_TAG] ?? "";
}

/** Prefixes are compared as the Key Vault names they start: ignoring case. */
export function isSamePrefix(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

/** The tags a user asked for: everything but ownership, prefix and audit tags. */
export function selectUserTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const user: Record<string, string> = {};
  for (const [name, value] of Object.entries(tags)) {
    if (!RESERVED_TAGS.includes(name)) user[name] = value;
  }
  return user;
}
