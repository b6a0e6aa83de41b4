/**
 * What the Action hands to the credential, the same for a sync and for `check`: the sign-in
 * inputs, and the toolkit's log and mask so tokens are masked before anything else sees them.
 */
import type { CreateCredentialOptions } from "../engine/auth/entra.ts";
import type { Env } from "../engine/env.ts";
import type { Inputs } from "./inputs.ts";

interface SignInIO {
  info(message: string): void;
  setSecret(secret: string): void;
}

export function readCredentialOptions(inputs: Inputs, env: Env, io: SignInIO): CreateCredentialOptions {
  return {
    auth: inputs.auth,
    tenantId: inputs.tenantId,
    clientId: inputs.clientId,
    cloud: inputs.cloud,
    audience: inputs.audience,
    env,
    log: (message) => io.info(message),
    mask: (secret) => io.setSecret(secret),
  };
}
