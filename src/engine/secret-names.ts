/**
 * Secret names in a vault (not the vault's own name: see vault-url.ts) as the service treats
 * them. Pure: naming, planning and reporting all order their lists with the one comparator here,
 * so every list the action shows is in the same order.
 */

/** Anything shown under a Key Vault name; `source` is the source key, when there is one. */
export interface NamedItem {
  name: string | undefined;
  source: string | undefined;
}

/** By UTF-16 code unit, not by locale: the same order on every runner. */
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Key Vault name ignoring case (as Key Vault compares names), then the exact name, then the
 * source key, so the order is total and stable. A missing name or source sorts as "".
 */
export function compareBySecretName(left: NamedItem, right: NamedItem): number {
  const leftName = left.name ?? "";
  const rightName = right.name ?? "";
  return (
    compareText(leftName.toLowerCase(), rightName.toLowerCase()) ||
    compareText(leftName, rightName) ||
    compareText(left.source ?? "", right.source ?? "")
  );
}
