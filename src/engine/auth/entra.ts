/**
 * Signing in to Microsoft Entra ID: the credential for each `auth` mode, and one early token
 * request that fails the run once, explained (sign-in-errors.ts), before any vault call.
 */
import type { Agent } from "node:https";
import { AzureCliCredential, ClientAssertionCredential, ManagedIdentityCredential } from "@azure/identity";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/identity";
import { fetchGitHubIdToken, readTokenClaims } from "./github-oidc.ts";
import type { FetchIdTokenOptions, TokenClaims } from "./github-oidc.ts";
import type { CloudSettings } from "../clouds.ts";
import type { Env } from "../env.ts";
import { sleepFor } from "../limiter.ts";
import type { AuthMode } from "./auth-mode.ts";
import { REQUEST_TIMEOUT_MS, createTimeoutPolicy } from "../vault/vault-policies.ts";
import { SignInError, explainAuthError } from "./sign-in-errors.ts";
import type { AuthErrorContext } from "./sign-in-errors.ts";

// ---- Credentials ----

export interface CreateCredentialOptions {
  auth: AuthMode;
  tenantId: string | undefined;
  clientId: string | undefined;
  cloud: CloudSettings;
  audience: string;
  env: Env;
  log: (message: string) => void;
  /** core.setSecret: the OIDC token and access tokens go through it before anything else sees them. */
  mask: (secret: string) => void;
  /** Transport, sleep and retry settings for the GitHub token request. */
  oidc?: Omit<FetchIdTokenOptions, "mask">;
  /** The run's shared keep-alive agent (connections.ts), so sign-in and vault share connections. */
  agent?: Agent;
}

/** A TokenCredential whose failures are already explained, and which remembers the claims it presented. */
export interface EntraCredential extends TokenCredential {
  readonly presentedClaims: TokenClaims | undefined;
}

export function createCredential(options: CreateCredentialOptions): EntraCredential {
  const context: AuthErrorContext = {
    auth: options.auth,
    tenantId: options.tenantId,
    clientId: options.clientId,
    cloud: options.cloud,
    audience: options.audience,
  };
  const assertions = options.auth === "oidc" ? createAssertionSource(options) : undefined;
  let inner: TokenCredential;
  try {
    inner = createInnerCredential(options, assertions);
  } catch (error) {
    throw explainAuthError(error, context);
  }
  return wrapCredential(inner, { context, mask: options.mask, readClaims: () => assertions?.claims });
}

/**
 * Wraps any TokenCredential so that access tokens are masked as they are issued and every
 * failure, wherever the SDK asks for a token, arrives as an explained SignInError.
 */
export function wrapCredential(
  inner: TokenCredential,
  options: { context: AuthErrorContext; mask: (secret: string) => void; readClaims?: () => TokenClaims | undefined },
): EntraCredential {
  let lastMasked: string | undefined;
  return {
    get presentedClaims() {
      return options.readClaims?.();
    },
    async getToken(scopes: string | string[], getTokenOptions?: GetTokenOptions): Promise<AccessToken | null> {
      try {
        const token = await inner.getToken(scopes, getTokenOptions);
        if (token !== null && token.token !== lastMasked) {
          options.mask(token.token);
          lastMasked = token.token;
        }
        return token;
      } catch (error) {
        throw explainAuthError(error, { ...options.context, claims: options.readClaims?.() ?? options.context.claims });
      }
    },
  };
}

function createInnerCredential(options: CreateCredentialOptions, assertions: AssertionSource | undefined): TokenCredential {
  switch (options.auth) {
    case "oidc": {
      if (!options.tenantId || !options.clientId) {
        throw new SignInError(
          "Failed to sign in to Microsoft Entra ID: `auth: oidc` needs a tenant ID and a client ID",
          "Set the `tenant-id` and `client-id` inputs, or the AZURE_TENANT_ID and AZURE_CLIENT_ID variables.",
          { code: "missing-ids" },
        );
      }
      // createCredential makes the assertion source for every oidc credential, and getAssertion
      // uses no `this` (it closes over its source), so it may be passed on unbound.
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion, @typescript-eslint/unbound-method -- see above
      return new ClientAssertionCredential(options.tenantId, options.clientId, assertions!.getAssertion, {
        authorityHost: options.cloud.authorityHost,
        ...(options.agent === undefined ? {} : { agent: options.agent }),
        // Like the vault's: a stalled token request fails instead of hanging the job.
        additionalPolicies: [{ position: "perCall", policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) }],
      });
    }
    case "azure-cli":
      return new AzureCliCredential(options.tenantId ? { tenantId: options.tenantId } : {});
    case "managed-identity":
      // A client ID selects a user-assigned identity; without one the system-assigned identity is used.
      // No shared agent: the identity endpoints are plain http (IDENTITY_ENDPOINT on App Service
      // and Arc, IMDS at 169.254.169.254), and an https agent cannot carry an http request.
      return new ManagedIdentityCredential(options.clientId ? { clientId: options.clientId } : {});
  }
}

export interface AssertionSource {
  /** A GitHub token at most a minute old: the SDK asks for one on every token request. */
  getAssertion(): Promise<string>;
  /** Claims of the last token handed out. */
  readonly claims: TokenClaims | undefined;
}

/** A token this fresh is handed out again instead of asking GitHub for another. */
export const ASSERTION_REUSE_MS = 60_000;

/**
 * The ClientAssertionCredential callback. The SDK calls it for every token request (its token
 * cache sits behind the callback), which was four GitHub requests per run. A token fetched less
 * than a minute ago, with more than a minute left before it expires, is handed out again;
 * anything older is fetched anew, so a long run still never presents an expired token.
 * Concurrent calls share one request. The claims are logged before Entra sees the token (so a
 * mismatch can be read off the log), once per subject rather than on every refresh.
 */
export function createAssertionSource(options: {
  audience: string;
  env: Env;
  log: (message: string) => void;
  mask: (secret: string) => void;
  oidc?: Omit<FetchIdTokenOptions, "mask">;
  now?: () => number;
}): AssertionSource {
  const now = options.now ?? Date.now;
  let claims: TokenClaims | undefined;
  let fresh: { token: string; fetchedAt: number; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const loggedSubjects = new Set<string>();

  async function fetchToken(): Promise<string> {
    const fetchedAt = now();
    const token = await fetchGitHubIdToken(options.audience, options.env, { ...options.oidc, mask: options.mask });
    claims = readTokenClaims(token);
    fresh = { token, fetchedAt, expiresAt: claims.exp === undefined ? fetchedAt : claims.exp * 1000 };
    const subject = claims.sub ?? "";
    if (!loggedSubjects.has(subject)) {
      loggedSubjects.add(subject);
      options.log(formatClaims(claims));
    }
    return token;
  }

  return {
    get claims() {
      return claims;
    },
    getAssertion() {
      const current = now();
      if (fresh !== undefined && current - fresh.fetchedAt < ASSERTION_REUSE_MS && fresh.expiresAt - current > ASSERTION_REUSE_MS) {
        return Promise.resolve(fresh.token);
      }
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

function formatClaims(claims: TokenClaims): string {
  const lines = ["Signing in to Microsoft Entra ID with the GitHub OIDC token:"];
  const shown: Array<[string, string | undefined]> = [
    ["iss", claims.iss],
    ["sub", claims.sub],
    ["aud", claims.aud],
    ["environment", claims.environment],
    ["job_workflow_ref", claims.job_workflow_ref],
  ];
  for (const [name, value] of shown) lines.push(`  ${name}: ${value ?? "(none)"}`);
  return lines.join("\n");
}

// ---- Early verification ----

export interface VerifySignInOptions {
  /** Used to explain errors of credentials that did not come from createCredential. */
  context?: AuthErrorContext;
  sleep?: (ms: number) => Promise<void>;
  /** Total tries when Entra answers AADSTS70021, which it also does while a new credential propagates. */
  attempts?: number;
  retryDelayMs?: number;
}

const PROPAGATION_CODE = "AADSTS70021";

/**
 * One token request before any vault call, so a sign-in problem fails the run once with its
 * explanation instead of once per secret. Only AADSTS70021 is retried (a few times, with a
 * pause): it is also Entra's answer while a just-created federated credential propagates.
 */
export async function verifySignIn(credential: TokenCredential, scope: string, options: VerifySignInOptions = {}): Promise<void> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? sleepFor;
  const delayMs = options.retryDelayMs ?? 15_000;
  for (let attempt = 1; ; attempt++) {
    try {
      // enableCae matches what the Key Vault client asks for, so its first request reuses this token.
      const token = await credential.getToken(scope, { enableCae: true });
      if (token === null) {
        throw new SignInError("Failed to sign in to Microsoft Entra ID: the credential returned no token", undefined, { code: "no-token" });
      }
      return;
    } catch (error) {
      const explained = error instanceof SignInError || options.context === undefined ? error : explainAuthError(error, options.context);
      if (explained instanceof SignInError && explained.code === PROPAGATION_CODE && attempt < attempts) {
        await sleep(delayMs * attempt);
        continue;
      }
      throw explained;
    }
  }
}
