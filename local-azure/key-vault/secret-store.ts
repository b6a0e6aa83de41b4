/**
 * In-memory secrets of one vault. Names are case-insensitive in Key Vault, so every map is keyed
 * by the lowercased name while the secret keeps the spelling it was created with. A name lives
 * either among the active secrets or among the deleted ones, never both.
 */

/** Key Vault's name rule; names are compared case-insensitively. */
export const SECRET_NAME_PATTERN = /^[0-9a-zA-Z-]{1,127}$/;

/** One version; times are IntDate (seconds since the epoch) like the wire format. */
export interface SecretVersion {
  version: string;
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
  enabled: boolean;
  nbf?: number;
  exp?: number;
  created: number;
  updated: number;
}

export interface DeletedState {
  deletedDate: number;
  scheduledPurgeDate: number;
  /** Until then the deletion is "in flight": GET /deletedsecrets answers 404, PUT and purge 409. */
  visibleAtMs: number;
}

export interface StoredSecret {
  /** Spelling of the first set; ids use it whatever case a later request uses. */
  name: string;
  /** Certificate-backed: its lifetime belongs to the certificate, so set/update/delete are refused. */
  managed: boolean;
  /** Oldest first; the last one is the current version. Never empty. */
  versions: SecretVersion[];
  deleted?: DeletedState;
  /** After a recover, reads answer 404 and PUT 409 until then. */
  recoveringUntilMs?: number;
}

/** A map kept with its keys in sorted order, so listing pages are a binary search plus a slice. */
export class NameIndex<T> {
  #map = new Map<string, T>();
  #keys: string[] = [];

  get(name: string): T | undefined {
    return this.#map.get(name.toLowerCase());
  }

  set(name: string, value: T): void {
    const key = name.toLowerCase();
    if (!this.#map.has(key)) this.#keys.splice(this.#findFirstAfter(key, true), 0, key);
    this.#map.set(key, value);
  }

  delete(name: string): boolean {
    const key = name.toLowerCase();
    if (!this.#map.delete(key)) return false;
    this.#keys.splice(this.#findFirstAfter(key, true), 1);
    return true;
  }

  /** Entries in key order, starting after `afterKey` (exclusive) or at the beginning. */
  *iterateAfter(afterKey?: string): Generator<[string, T]> {
    for (let i = afterKey === undefined ? 0 : this.#findFirstAfter(afterKey, false); i < this.#keys.length; i++) {
      const key = this.#keys[i] as string;
      yield [key, this.#map.get(key) as T];
    }
  }

  /** Index of the first key >= key (inclusive) or > key (exclusive). */
  #findFirstAfter(key: string, inclusive: boolean): number {
    let low = 0;
    let high = this.#keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const probe = this.#keys[mid] as string;
      if (probe < key || (!inclusive && probe === key)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

export function readLatestVersion(secret: StoredSecret): SecretVersion {
  return secret.versions[secret.versions.length - 1] as SecretVersion;
}

export function findVersion(secret: StoredSecret, version: string): SecretVersion | undefined {
  const wanted = version.toLowerCase();
  return secret.versions.find((candidate) => candidate.version === wanted);
}
