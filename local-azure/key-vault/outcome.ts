/**
 * What an operation answers before headers are added, and the error messages Key Vault uses.
 * Message texts follow recorded traffic (docs/azure-facts.md#errors-and-how-the-sdk-reports-them);
 * where the facts have no recording (limits, maxresults, body shape) the text is ours and says
 * what was wrong.
 */

export interface Outcome {
  status: number;
  /** Serialised as compact JSON; undefined means an empty body without Content-Type (purge's 204). */
  body?: unknown;
}

export interface KeyVaultErrorBody {
  error: { code: string; message: string; innererror?: { code: string } };
}

/** Key order code, message, innererror: the recorded Content-Lengths match JSON.stringify of exactly this. */
export function fail(status: number, code: string, message: string, innerCode?: string): Outcome {
  const error: KeyVaultErrorBody["error"] =
    innerCode === undefined ? { code, message } : { code, message, innererror: { code: innerCode } };
  return { status, body: { error } };
}

export const LATEST_API_VERSION = "2026-04-01";

export const MISSING_TOKEN_MESSAGE = "AKV10000: Request is missing a Bearer or PoP token.";

const RECOVERY_HINT =
  "If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182";

/** `id` is the name, or name/version for a missing version. */
export function failSecretNotFound(id: string): Outcome {
  return fail(404, "SecretNotFound", `A secret with (name/id) ${id} was not found in this key vault. ${RECOVERY_HINT}`);
}

/** The deletion is still in flight: the deleted secret is not visible yet. */
export function failDeletedSecretNotFound(name: string): Outcome {
  return fail(404, "SecretNotFound", `Deleted Secret not found: ${name}`);
}

export function failInvalidName(name: string): Outcome {
  return fail(400, "BadParameter", `The request URI contains an invalid name: ${name}`);
}

export function failBadParameter(message: string): Outcome {
  return fail(400, "BadParameter", message);
}

export function failBeingDeleted(): Outcome {
  return fail(409, "Conflict", "Secret is currently being deleted.", "ObjectIsBeingDeleted");
}

export function failDeletedButRecoverable(name: string): Outcome {
  return fail(
    409,
    "Conflict",
    `Secret ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
    "ObjectIsDeletedButRecoverable",
  );
}

export function failBeingRecovered(name: string): Outcome {
  return fail(
    409,
    "Conflict",
    `Secret ${name} is currently being recovered and cannot be re-created; retry later.`,
    "ObjectIsBeingRecovered",
  );
}

export function failDisabled(): Outcome {
  return fail(403, "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled");
}

/** Certificate-backed secrets: `verb` is set, update or delete. */
export function failManagedByKeyVault(verb: string): Outcome {
  return fail(
    403,
    "Forbidden",
    `Operation "${verb}" is not allowed as this object's lifetime is managed by Key Vault.`,
    "SecretManagedByKeyVault",
  );
}

export function failMethodNotAllowed(method: string): Outcome {
  return fail(405, "MethodNotAllowed", `HTTP ${method} not allowed`);
}

export function failThrottled(): Outcome {
  return fail(429, "Throttled", "Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached");
}
