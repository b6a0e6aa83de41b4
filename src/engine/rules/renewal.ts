/**
 * When a secret's expiry needs renewing (issue 11). Inside the renewal window a PATCH cannot
 * help: a maximum-validity policy counts from the version's creation, so only a new version
 * (same value, fresh expiry) restarts the clock. Pure.
 */
import { formatDuration } from "./duration.ts";
import type { SecretSettings } from "./resolve-rules.ts";

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Why the latest version needs a fresh expiry, or undefined when it does not. */
export function findRenewal(expiresOn: Date | undefined, settings: SecretSettings, now: Date): string | undefined {
  const window = settings.renewBeforeSeconds;
  if (window === undefined || settings.expiresInSeconds === undefined || expiresOn === undefined) return undefined;
  if (expiresOn.getTime() - now.getTime() > window * 1000) return undefined;
  const when = expiresOn.getTime() <= now.getTime() ? "expired on" : "expires on";
  return `${when} ${formatDate(expiresOn)}, within renew-before (${formatDuration(window)})`;
}
