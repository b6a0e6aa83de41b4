import { CLOUDS } from "../../../src/engine/clouds.ts";
import { AuthenticationRequiredError, CredentialUnavailableError } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { TENANT, CLIENT, TRACE, CORRELATION, CLAIMS, CONTEXT, entraError, makeJwt } from "./sign-in-fixtures.ts";
import { SyncError } from "../../../src/engine/errors.ts";
import { SignInError, explainAuthError } from "../../../src/engine/auth/sign-in-errors.ts";

function readParameters(command: string): unknown {
  const match = /--parameters '(.*)'$/m.exec(command);
  return match ? JSON.parse(match[1]!.replaceAll("'\\''", "'")) : undefined;
}

describe("explainAuthError", () => {
  it.each([
    [
      70021,
      "No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:octo-org/octo-repo:environment:production'. Assertion Audience: 'api://AzureADTokenExchange'.",
      "wait a minute",
    ],
    [
      700211,
      "No matching federated identity record found for presented assertion issuer 'https://token.actions.githubusercontent.com/'.",
      "no trailing slash",
    ],
    [700212, "No matching federated identity record found for presented assertion audience 'api://AzureADTokenExchange'.", "audience"],
    [
      700213,
      "No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:environment:production'.",
      "az ad app federated-credential create",
    ],
    [
      7002138,
      "No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:environment:production'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison.",
      "case-sensitively",
    ],
    [70025, "The client '9b4f'(app) has no configured federated identity credentials.", "Add a federated credential"],
    [700016, `Application with identifier '${CLIENT}' was not found in the directory '${TENANT}'.`, "client-id"],
    [700024, "Client assertion is not within its valid time range.", "clock"],
    [90002, `Tenant '${TENANT}' not found.`, "cloud: usgovernment"],
    [900023, "Specified tenant identifier 'contoso' is neither a valid DNS name, nor a valid external domain.", "Directory (tenant) ID"],
    [7000215, "Invalid client secret provided.", "not with a client secret"],
    [700027, "Client assertion failed signature validation.", "signing keys"],
  ])("explains AADSTS%i with its own fix", (code, description, hintText) => {
    const explained = explainAuthError(entraError(code, description), CONTEXT);
    expect(explained).toBeInstanceOf(SignInError);
    expect(explained).toBeInstanceOf(SyncError);
    expect(explained.code).toBe(`AADSTS${code}`);
    expect(explained.message).toMatch(new RegExp(`^Failed to sign in to Microsoft Entra ID as ${CLIENT} in tenant ${TENANT}: `));
    expect(explained.message).toContain(TRACE);
    expect(explained.message).toContain(CORRELATION);
    expect(explained.traceId).toBe(TRACE);
    expect(explained.correlationId).toBe(CORRELATION);
    expect(explained.hint).toContain(hintText);
  });

  it("every known code has a different fix", () => {
    const codes = [70021, 700211, 700212, 700213, 7002138, 70025, 700016, 700024, 90002, 900023, 7000215, 700027];
    const hints = codes.map((code) => explainAuthError(entraError(code, "x"), CONTEXT).hint);
    expect(new Set(hints).size).toBe(codes.length);
  });

  it("for a subject mismatch shows the presented subject, both spellings and the az command", () => {
    const explained = explainAuthError(
      entraError(
        700213,
        "No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:environment:production'.",
      ),
      CONTEXT,
    );
    expect(explained.message).toContain("'repo:octo-org/octo-repo:environment:production'");
    const hint = explained.hint ?? "";
    expect(hint).toContain("repo:octo-org/octo-repo:environment:production");
    expect(hint).toContain("repo:octo-org@111/octo-repo@222:environment:production");
    const command = hint.split("\n").find((line) => line.includes("az ad app federated-credential create")) ?? "";
    expect(command).toContain(`--id ${CLIENT}`);
    expect(readParameters(command)).toEqual({
      name: "github-octo-repo-environment-production",
      issuer: "https://token.actions.githubusercontent.com",
      subject: "repo:octo-org/octo-repo:environment:production",
      audiences: ["api://AzureADTokenExchange"],
    });
  });

  it("asks for an ID-based credential when GitHub presented an immutable subject", () => {
    const claims = { ...CLAIMS, sub: "repo:octo-org@111/octo-repo@222:ref:refs/heads/main" };
    const explained = explainAuthError(entraError(700213, "subject mismatch"), { ...CONTEXT, claims });
    const hint = explained.hint ?? "";
    const command = hint.split("\n").find((line) => line.includes("az ad app")) ?? "";
    expect(readParameters(command)).toMatchObject({ subject: "repo:octo-org@111/octo-repo@222:ref:refs/heads/main" });
    expect(hint).toContain("repo:octo-org/octo-repo:ref:refs/heads/main");
  });

  it("uses the subject Entra quoted when no claims were captured", () => {
    const explained = explainAuthError(
      entraError(700213, "No matching federated identity record found for presented assertion subject 'repo:o/r:pull_request'."),
      { ...CONTEXT, claims: undefined },
    );
    expect(explained.hint).toContain("repo:o/r:pull_request");
    expect(readParameters(explained.hint!.split("\n").find((line) => line.includes("az ad app")) ?? "")).toMatchObject({
      subject: "repo:o/r:pull_request",
    });
  });

  it("names the audience each cloud expects", () => {
    const explained = explainAuthError(entraError(700212, "audience mismatch"), {
      ...CONTEXT,
      cloud: CLOUDS.usgovernment,
    });
    expect(explained.hint).toContain("api://AzureADTokenExchangeUSGov");
  });

  it("reads the code from the description when MSAL's list is absent", () => {
    const explained = explainAuthError(new Error(`invalid_request: AADSTS700016: Application not found. Trace ID: ${TRACE}`), CONTEXT);
    expect(explained.code).toBe("AADSTS700016");
    expect(explained.traceId).toBe(TRACE);
  });

  it("keeps the original text of an unknown code, without tokens, and links the code", () => {
    const jwt = makeJwt({ sub: "leak" });
    const explained = explainAuthError(entraError(50999, `Something new happened with ${jwt}.`), CONTEXT);
    expect(explained.code).toBe("AADSTS50999");
    expect(explained.message).toContain("Something new happened");
    expect(explained.message).not.toContain(jwt);
    expect(explained.message).toContain(TRACE);
    expect(explained.hint).toContain("https://login.microsoftonline.com/error?code=50999");
  });

  it("passes on the GitHub side's explanation when the token could not be fetched", () => {
    const missing = new SyncError("No GitHub OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL …", "Add `permissions: { id-token: write }`.");
    const wrapped = new AuthenticationRequiredError({ scopes: [], message: missing.message, cause: missing });
    const explained = explainAuthError(wrapped, CONTEXT);
    expect(explained.code).toBe("oidc-unavailable");
    expect(explained.message).toBe(`Failed to sign in to Microsoft Entra ID as ${CLIENT} in tenant ${TENANT}: ${missing.message}`);
    expect(explained.hint).toBe(missing.hint);
  });

  it("returns an already explained error unchanged", () => {
    const first = explainAuthError(entraError(700016, "x"), CONTEXT);
    expect(explainAuthError(first, CONTEXT)).toBe(first);
  });

  it.each([
    [
      "azure-cli",
      new CredentialUnavailableError("Please run 'az login' from a command prompt to authenticate before using this credential."),
      "azure-cli-not-signed-in",
      "azure/login",
    ],
    [
      "azure-cli",
      new CredentialUnavailableError(
        "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
      ),
      "azure-cli-missing",
      "Install the Azure CLI",
    ],
    [
      "managed-identity",
      new CredentialUnavailableError("ManagedIdentityCredential: Network unreachable. Message: connect EHOSTUNREACH 169.254.169.254:80"),
      "managed-identity-unavailable",
      "self-hosted runners",
    ],
    [
      "oidc",
      new AuthenticationRequiredError({ scopes: [], message: "network_error: getaddrinfo ENOTFOUND login.microsoftonline.com" }),
      "network",
      "HTTPS_PROXY",
    ],
  ] as const)("explains %s failure %#", (auth, error, code, hintText) => {
    const explained = explainAuthError(error, { ...CONTEXT, auth });
    expect(explained.code).toBe(code);
    expect(explained.message).toMatch(/^Failed to sign in to Microsoft Entra ID /);
    expect(explained.hint).toContain(hintText);
  });

  it("keeps the text of an unrecognised failure with a generic hint", () => {
    const explained = explainAuthError("something odd", CONTEXT);
    expect(explained.message).toBe(`Failed to sign in to Microsoft Entra ID as ${CLIENT} in tenant ${TENANT}: something odd`);
    expect(explained.code).toBeUndefined();
    expect(explained.hint).toContain("tenant-id");
  });
});
