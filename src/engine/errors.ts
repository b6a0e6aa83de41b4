/**
 * The one error type of the action: a message that says what failed and why, and an optional
 * hint that says how to fix it. Messages never contain secret values.
 */
export class SyncError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SyncError";
    this.hint = hint;
  }
}

/** An invalid input: names the input and the rule, never the value. */
export class InputError extends SyncError {
  readonly input: string;

  /** `label` is how the front door names the input: "input 'prefix'" (the Action), "option --prefix" (the CLI). */
  constructor(input: string, rule: string, hint?: string, label = `input '${input}'`) {
    super(`Invalid ${label}: ${rule}`, hint);
    this.name = "InputError";
    this.input = input;
  }
}

/** A readable message for anything that was thrown, whatever its type. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    // JSON.stringify returns undefined for undefined, functions and symbols, whatever its type says.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
