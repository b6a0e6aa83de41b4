/**
 * Signing in to Microsoft Entra ID: the credential for each `auth` mode, and the translation of
 * whatever the Azure SDK throws into one SyncError with a cause and a fix.
 */
import type { Agent } from "node:https";
import { AzureCliCredential, ClientAssertionCredential, ManagedIdentityCredential } from "@azure/identity";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/identity";
import { SyncError, errorMessage } from "../errors.ts";
import { fetchGitHubIdToken, readTokenClaims, redactJwts } from "./github-oidc.ts";
import type { Env, FetchIdTokenOptions, TokenClaims } from "./github-oidc.ts";
import type { CloudEndpoints } from "../clouds.ts";
import type { AuthMode } from "../inputs.ts";
import { REQUEST_TIMEOUT_MS, createTimeoutPolicy } from "../vault-policies.ts";
import { ENTRA_ERROR_HINTS } from "./hints.ts";
import type { HintContext } from "./hints.ts";

/** The cloud settings sign-in needs: the Entra host, and the audience to name in hints. */
export type CloudSettings = Pick<CloudEndpoints, "name" | "authorityHost" | "audience">;

/** What the action knows about the sign-in when it explains a failure. */
export interface AuthErrorContext {
  auth?: AuthMode;
  claims?: TokenClaims | undefined;
  tenantId: string | undefined;
  clientId: string | undefined;
  cloud: CloudSettings;
  audience: string;
}

/** A sign-in failure. `code` is Entra's (`AADSTS700213`) or ours (`oidc-unavailable`, `azure-cli-not-signed-in`, …). */
export class SignInError extends SyncError {
  readonly code: string | undefined;
  readonly traceId: string | undefined;
  readonly correlationId: string | undefined;

  constructor(
    message: string,
    hint: string | undefined,
    details: { code?: string | undefined; traceId?: string | undefined; correlationId?: string | undefined; cause?: unknown },
  ) {
    super(message, hint, { cause: details.cause });
    this.name = "SignInError";
    this.code = details.code;
    this.traceId = details.traceId;
    this.correlationId = details.correlationId;
  }
}

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
      return new ClientAssertionCredential(options.tenantId, options.clientId, assertions!.getAssertion, {
        authorityHost: options.cloud.authorityHost,
        ...(options.agent === undefined ? {} : { agent: options.agent }),
        // Like the vault's: a stalled token request fails instead of hanging the job.
        additionalPolicies: [{ position: "perRetry", policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) }],
      });
    }
    case "azure-cli":
      return new AzureCliCredential(options.tenantId ? { tenantId: options.tenantId } : {});
    case "managed-identity":
      // A client ID selects a user-assigned identity; without one the system-assigned identity is used.
      return new ManagedIdentityCredential({
        ...(options.clientId ? { clientId: options.clientId } : {}),
        ...(options.agent === undefined ? {} : { agent: options.agent }),
      });
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
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
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

// ---- Explaining failures ----

/** Turns anything the credential threw into a SignInError with a cause and a fix, never leaking a token. */
export function explainAuthError(error: unknown, context: AuthErrorContext): SignInError {
  const chain = collectCauses(error);
  const explained = chain.find((item): item is SignInError => item instanceof SignInError);
  if (explained) return explained;

  const prefix = describeSignIn(context);
  const oidcProblem = chain.find((item): item is SyncError => item instanceof SyncError);
  if (oidcProblem) {
    return new SignInError(`${prefix}: ${oidcProblem.message}`, oidcProblem.hint, { code: "oidc-unavailable", cause: error });
  }

  const text = redactJwts(chain.map(errorMessage).join("\n"));
  const code = findEntraCode(text, chain);
  const traceId = matchFirst(text, /Trace ID:\s*([0-9a-fA-F-]{36})/);
  const correlationId = matchFirst(text, /Correlation ID:\s*([0-9a-fA-F-]{36})/) ?? findProperty(chain, "correlationId");
  const ids = describeIds(traceId, correlationId);
  const details = { traceId, correlationId, cause: error };

  const explain = code === undefined ? undefined : ENTRA_ERROR_HINTS[code];
  if (explain) {
    const { cause, hint } = explain(buildHintContext(context, text));
    return new SignInError(`${prefix}: ${cause} (AADSTS${code}${ids ? `; ${ids}` : ""})`, hint, { ...details, code: `AADSTS${code}` });
  }

  const local = explainLocalFailure(text, chain, context);
  if (local) return new SignInError(`${prefix}: ${local.cause}`, local.hint, { ...details, code: local.code });

  const original = firstLine(chain.map(errorMessage).find((message) => message.trim() !== "") ?? "unknown error");
  const cause = redactJwts(original).slice(0, 1000);
  const missingIds = ids && !cause.includes(traceId ?? correlationId ?? "") ? ` (${ids})` : "";
  return new SignInError(
    `${prefix}: ${cause}${missingIds}`,
    code === undefined
      ? "Check `tenant-id`, `client-id`, `cloud` and the application's federated credentials; re-run with debug logging for details."
      : `Look up AADSTS${code} at https://login.microsoftonline.com/error?code=${code}.`,
    { ...details, code: code === undefined ? undefined : `AADSTS${code}` },
  );
}

function describeSignIn(context: AuthErrorContext): string {
  const tenant = context.tenantId ? ` in tenant ${context.tenantId}` : "";
  switch (context.auth) {
    case "azure-cli":
      return `Failed to sign in to Microsoft Entra ID with the Azure CLI session${tenant}`;
    case "managed-identity":
      return context.clientId
        ? `Failed to sign in to Microsoft Entra ID as the managed identity ${context.clientId}`
        : "Failed to sign in to Microsoft Entra ID as the system-assigned managed identity";
    default:
      return `Failed to sign in to Microsoft Entra ID as ${context.clientId ?? "(no client ID)"}${tenant}`;
  }
}

function describeIds(traceId: string | undefined, correlationId: string | undefined): string {
  const parts: string[] = [];
  if (traceId) parts.push(`trace ID ${traceId}`);
  if (correlationId) parts.push(`correlation ID ${correlationId}`);
  return parts.join(", ");
}

interface LocalFailure {
  code: string;
  cause: string;
  hint: string;
}

/** Failures that never reached Entra's token endpoint, or came from another credential type. */
function explainLocalFailure(text: string, chain: readonly unknown[], context: AuthErrorContext): LocalFailure | undefined {
  if (/Azure CLI could not be found|az: .*not found/i.test(text)) {
    return {
      code: "azure-cli-missing",
      cause: "the Azure CLI is not installed on this runner",
      hint: "Install the Azure CLI and run azure/login before this step, or use `auth: oidc`.",
    };
  }
  if (context.auth === "azure-cli" && /az login/i.test(text)) {
    return {
      code: "azure-cli-not-signed-in",
      cause: "the Azure CLI is not signed in",
      hint: "Run azure/login (or `az login`) earlier in the job, in the same tenant, or use `auth: oidc`.",
    };
  }
  const unavailable = chain.some((item) => item instanceof Error && item.name === "CredentialUnavailableError");
  if (context.auth === "managed-identity" && (unavailable || /ManagedIdentityCredential|IMDS/i.test(text))) {
    return {
      code: "managed-identity-unavailable",
      cause: `no managed identity is available on this runner (${firstLine(text).slice(0, 300)})`,
      hint:
        "`auth: managed-identity` works on self-hosted runners that run in Azure with a managed identity assigned; " +
        "for a user-assigned identity set `client-id` to its client ID. On GitHub-hosted runners use `auth: oidc`.",
    };
  }
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network_error|socket hang up/i.test(text)) {
    return {
      code: "network",
      cause: `could not reach ${context.auth === "oidc" || context.auth === undefined ? context.cloud.authorityHost : "the sign-in endpoint"} (${firstLine(text).slice(0, 300)})`,
      hint: "Check that the runner can reach the sign-in endpoint (firewall, proxy settings: HTTPS_PROXY, NO_PROXY) and re-run.",
    };
  }
  return undefined;
}

function buildHintContext(context: AuthErrorContext, text: string): HintContext {
  const quoted = (label: RegExp) => matchFirst(text, label);
  return {
    tenantId: context.tenantId,
    clientId: context.clientId,
    cloud: context.cloud,
    audience: context.audience,
    claims: context.claims,
    presented: {
      issuer: quoted(/Assertion Issuer: '([^']*)'/i) ?? quoted(/assertion issuer '([^']*)'/i),
      subject: quoted(/Assertion Subject: '([^']*)'/i) ?? quoted(/assertion subject '([^']*)'/i),
      audience: quoted(/Assertion Audience: '([^']*)'/i) ?? quoted(/assertion audience '([^']*)'/i),
    },
  };
}

/** Entra's first error code: MSAL's `Error(s): 700213 - …`, its errorNo, or `AADSTS700213:` in the description. */
function findEntraCode(text: string, chain: readonly unknown[]): number | undefined {
  const listed = matchFirst(text, /Error\(s\):\s*(\d+)/);
  if (listed) return Number(listed);
  const errorNo = findProperty(chain, "errorNo");
  if (errorNo && /^\d+$/.test(errorNo)) return Number(errorNo);
  const described = matchFirst(text, /AADSTS(\d+)/);
  return described ? Number(described) : undefined;
}

function collectCauses(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

function findProperty(chain: readonly unknown[], key: string): string | undefined {
  for (const item of chain) {
    if (typeof item !== "object" || item === null) continue;
    const value = (item as Record<string, unknown>)[key];
    if ((typeof value === "string" && value !== "") || typeof value === "number") return String(value);
  }
  return undefined;
}

function matchFirst(text: string, pattern: RegExp): string | undefined {
  return pattern.exec(text)?.[1];
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}
