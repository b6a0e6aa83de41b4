/**
 * Explaining sign-in failures: whatever the Azure SDK or the GitHub token request throws becomes
 * one SignInError that says what failed and why, with the fix from the hint table (hints.ts).
 * Never shows a token.
 */
import { SyncError, errorMessage } from "../errors.ts";
import type { CloudSettings } from "../clouds.ts";
import type { AuthMode } from "./auth-mode.ts";
import { redactJwts } from "./github-oidc.ts";
import type { TokenClaims } from "./github-oidc.ts";
import { ENTRA_ERROR_HINTS } from "./hints.ts";
import type { HintContext } from "./hints.ts";

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
