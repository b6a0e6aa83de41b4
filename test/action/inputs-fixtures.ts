/** Reading inputs the way the runner passes them, for the input tests. */
import { InputError } from "../../src/engine/errors.ts";
import { readInputs, type Inputs } from "../../src/action/inputs.ts";

export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const CLIENT = "0b9a5a1e-6c4f-4d0e-9a43-1d2f3e4a5b6c";
export const BASE: Readonly<Record<string, string>> = { vault: "my-vault", secrets: '{"A":"1"}', "tenant-id": TENANT, "client-id": CLIENT };
export const ENV: Readonly<Record<string, string>> = { GITHUB_REPOSITORY: "octo/shop", GITHUB_EVENT_NAME: "push" };

/** Reads inputs like @actions/core does: unset inputs are "", values are trimmed by readInputs. */
export function read(inputs: Record<string, string>, env: Record<string, string | undefined> = ENV): Inputs {
  return readInputs((name) => inputs[name] ?? "", env);
}

export function readError(inputs: Record<string, string>, env: Record<string, string | undefined> = ENV): InputError {
  try {
    read(inputs, env);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}
