import { describe, expect, it } from "vitest";
import { describeSignInFailure, explainVaultFailure } from "../../../src/engine/check/reach.ts";
import { classifyVaultError } from "../../../src/engine/vault/vault-errors.ts";

const CONTEXT = { vaultName: "kv", vaultHost: "kv.vault.azure.net" };

function sdkError(statusCode: number | undefined, code: string | undefined, body?: { code: string; message: string; inner?: string }) {
  return {
    statusCode,
    code,
    details: body
      ? { error: { code: body.code, message: body.message, innerError: body.inner ? { code: body.inner } : undefined } }
      : undefined,
  };
}

describe("explainVaultFailure", () => {
  it.each([
    [
      "firewall, with the caller's address",
      sdkError(403, "Forbidden", {
        code: "Forbidden",
        message: "Client address is not authorized and caller is not a trusted service.\r\nClient address: 203.0.113.7\r\nCaller: appid=x",
        inner: "ForbiddenByFirewall",
      }),
      "network-firewall",
      /the vault saw the address 203\.0\.113\.7/,
    ],
    ["DNS / private endpoint", sdkError(undefined, "ENOTFOUND"), "network-dns", /did not resolve \(ENOTFOUND\).*private endpoint/],
    ["TLS", sdkError(undefined, "SELF_SIGNED_CERT_IN_CHAIN"), "network-tls", /certificate presented was not trusted/],
    ["proxy authentication", sdkError(407, undefined), "network-proxy", /refused before it reached Key Vault, most likely by a proxy/],
    [
      "a bare 403 from something in between",
      sdkError(403, undefined),
      "network-proxy",
      /most likely by a proxy: unexpected answer \(HTTP 403\), without Key Vault's error body/,
    ],
    ["connection refused", sdkError(undefined, "ECONNREFUSED"), "network-unreachable", /did not answer/],
    [
      "RBAC",
      sdkError(403, "Forbidden", { code: "Forbidden", message: "Caller is not authorized", inner: "ForbiddenByRbac" }),
      "secret-list-refused",
      /may not list secrets/,
    ],
    [
      "token from another tenant",
      sdkError(401, "Unauthorized", { code: "Unauthorized", message: "AKV10032: Invalid issuer." }),
      "vault-token-refused",
      /refused the identity's token/,
    ],
  ])("%s", (_name, error, code, message) => {
    const finding = explainVaultFailure(classifyVaultError(error), "the hint", CONTEXT);
    expect(finding.level).toBe("error");
    expect(finding.code).toBe(code);
    expect(finding.message).toMatch(message);
    expect(finding.fix).toBeTruthy();
  });

  it("keeps sign-in's own explanation", () => {
    expect(describeSignInFailure("Failed to sign in: tenant x was not found (AADSTS90002)", "Check `tenant-id`")).toEqual({
      level: "error",
      code: "sign-in-failed",
      subject: "sign-in",
      message: "Failed to sign in: tenant x was not found (AADSTS90002)",
      fix: "Check `tenant-id`",
    });
  });
});
