/**
 * The adapter's one retry loop (callVault): every Key Vault call goes through it, with the
 * decisions taken by retry-rules.ts. It also keeps the calls of a fresh client behind the first
 * one, and confirms what a write whose answer was lost left behind before sending it again.
 */
import { SyncError } from "../errors.ts";
import type { Sleep } from "../limiter.ts";
import { classifyVaultError, createVaultError } from "./vault-errors.ts";
import type { VaultOperation } from "./vault-errors.ts";
import { decideVaultRetry } from "./retry-rules.ts";
import type { CallTries, RetrySettings, VaultRetryMemory } from "./retry-rules.ts";
import { restoreErrorBody } from "./vault-policies.ts";
import type { ErrorBody } from "./vault-policies.ts";
import type { SecretInfo, SecretWrite } from "./key-vault-interface.ts";

const VERBS_DONE: Partial<Record<VaultOperation, string>> = { set: "write", delete: "delete" };

/** What a call whose answer was lost left behind: done (with what it would have answered), or not. */
export type Confirmation<T> = { done: true; result: T } | { done: false };

/** Value, content type and every tag equal: the version is the one this write stores. */
export function holdsWrite(latest: { value: string; properties: SecretInfo }, write: SecretWrite): boolean {
  const stored = latest.properties.tags;
  const keys = Object.keys(write.tags);
  return (
    latest.value === write.value &&
    (latest.properties.contentType ?? undefined) === (write.contentType ?? undefined) &&
    keys.length === Object.keys(stored).length &&
    keys.every((key) => stored[key] === write.tags[key])
  );
}

export interface VaultCallerOptions {
  vaultUrl: string;
  /** Named in permission hints. */
  clientId: string | undefined;
  retry: RetrySettings;
  sleep: Sleep;
  log: (message: string) => void;
  /** Filled by the error-body policy, read back to classify a failure. */
  errorBodies: WeakMap<object, ErrorBody>;
}

export interface VaultCaller {
  /**
   * One vault call with the adapter's retries. `confirm` is for writes the SDK does not repeat
   * (see createNoBlindRepeatPolicy): when a try's answer was lost, it reads what the vault holds
   * before the next try, and a write that was stored after all is not sent again.
   */
  callVault: <T>(
    operation: VaultOperation,
    secretName: string | undefined,
    write: boolean,
    attempt: () => Promise<T>,
    confirm?: () => Promise<Confirmation<T>>,
  ) => Promise<T>;
  /** Runs `call` once the client's first call has finished (or answered a listing's first page). */
  afterFirstCall: <T>(call: () => Promise<T>) => Promise<T>;
  /** A listing's first page arrived: the handshake is done. */
  answered: () => void;
}

export function createVaultCaller(options: VaultCallerOptions): VaultCaller {
  const { vaultUrl, clientId, retry, sleep, log, errorBodies } = options;

  // The SDK's challenge handshake keeps per-client state; requests racing on a fresh client can
  // lose a body (azure-facts A §3.2 item 10). Everything waits for the first call to finish.
  let firstCall: Promise<void> | undefined;
  async function afterFirstCall<T>(call: () => Promise<T>): Promise<T> {
    if (firstCall === undefined) {
      const result = call();
      firstCall = Promise.race([
        result.then(
          () => {},
          () => {},
        ),
        firstAnswer,
      ]);
      return result;
    }
    await firstCall;
    return call();
  }
  // A listing's first page completes the handshake too: calls need not wait for its last page.
  let answered = (): void => {};
  const firstAnswer = new Promise<void>((resolve) => (answered = resolve));

  let memory: VaultRetryMemory = { propagationWaitedOut: false, succeededOnce: false };

  async function callVault<T>(
    operation: VaultOperation,
    secretName: string | undefined,
    write: boolean,
    attempt: () => Promise<T>,
    confirm?: () => Promise<Confirmation<T>>,
  ): Promise<T> {
    return afterFirstCall(async () => {
      let tries: CallTries = { forbidden: 0, conflict: 0, lost: 0 };
      let answerLost = false;
      for (;;) {
        try {
          if (answerLost && confirm !== undefined) {
            const found = await confirm();
            if (found.done) {
              log(`Key Vault had done the ${VERBS_DONE[operation]} of '${secretName ?? ""}' whose answer was lost; not sending it again`);
              memory = { ...memory, succeededOnce: true };
              return found.result;
            }
          }
          const result = await attempt();
          memory = { ...memory, succeededOnce: true };
          return result;
        } catch (error) {
          // Already explained (a sign-in failure surfacing in a vault call): keep its cause and fix.
          if (error instanceof SyncError) throw error;
          const failure = classifyVaultError(restoreErrorBody(error, errorBodies));
          const decision = decideVaultRetry(failure.kind, operation, tries, memory, retry);
          ({ tries, memory } = decision);
          const { delayMs: delay, answerLost: lost } = decision;
          if (lost) answerLost = true;
          const stated =
            lost && delay === undefined ? { ...failure, message: `${failure.message}; whether Key Vault did it is unknown` } : failure;
          const vaultError = createVaultError(stated, operation, { vaultUrl, secretName, clientId });
          if (delay === undefined) throw vaultError;
          const next = lost && confirm !== undefined ? "checking what the vault holds" : "retrying";
          log(`${vaultError.message}; ${next} in ${(delay / 1000).toFixed(1)} s`);
          await sleep(delay);
        }
      }
    });
  }

  return { callVault, afterFirstCall, answered: () => answered() };
}
