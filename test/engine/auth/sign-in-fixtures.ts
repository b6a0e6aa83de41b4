/** The tenant, app, claims and Entra error texts the sign-in tests share. */
import { AuthenticationRequiredError } from "@azure/identity";
import { CLOUDS } from "../../../src/engine/clouds.ts";
import type { AuthErrorContext } from "../../../src/engine/auth/sign-in-errors.ts";
import type { TokenClaims } from "../../../src/engine/auth/github-oidc.ts";

export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const CLIENT = "9b4f2c1e-7a4d-4c1b-9d8e-2f6a1b3c4d5e";
export const TRACE = "0c1d2e3f-4a5b-4c6d-8e7f-001122334455";
export const CORRELATION = "aabbccdd-eeff-4011-8233-445566778899";
export const PUBLIC_CLOUD = CLOUDS.public;

export const CLAIMS: TokenClaims = {
  iss: "https://token.actions.githubusercontent.com",
  sub: "repo:octo-org/octo-repo:environment:production",
  aud: "api://AzureADTokenExchange",
  environment: "production",
  repository: "octo-org/octo-repo",
  repository_id: "222",
  repository_owner: "octo-org",
  repository_owner_id: "111",
};

export const CONTEXT: AuthErrorContext = {
  auth: "oidc",
  claims: CLAIMS,
  tenantId: TENANT,
  clientId: CLIENT,
  cloud: PUBLIC_CLOUD,
  audience: "api://AzureADTokenExchange",
};

/** The error @azure/identity throws for a token-endpoint failure: MSAL's text, wrapped. */
export function entraError(code: number, description: string, oauthError = "invalid_client"): Error {
  const text =
    `Error(s): ${code} - Timestamp: 2026-01-18 00:13:34Z - Description: AADSTS${code}: ${description} ` +
    `Trace ID: ${TRACE} Correlation ID: ${CORRELATION} Timestamp: 2026-01-18 00:13:34Z - Correlation ID: ${CORRELATION} - Trace ID: ${TRACE}`;
  return new AuthenticationRequiredError({ scopes: ["https://vault.azure.net/.default"], message: `${oauthError}: ${text}` });
}

export function makeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "RS256" })}.${encode(claims)}.c2ln`;
}
