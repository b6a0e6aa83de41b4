/**
 * Sign-in and network, as findings: a refused sign-in keeps the explanation sync gives (auth/
 * hints.ts through auth/entra.ts), and a vault that does not answer is told apart — firewall
 * (with the caller's address Key Vault quotes), DNS / private endpoint, TLS, proxy — from the
 * failure classification in vault-errors.ts. Pure.
 */
import { isAccessDenied, summarise } from "../vault/vault-errors.ts";
import type { VaultFailure } from "../vault/vault-errors.ts";
import type { Finding } from "./findings.ts";

const TLS_CODE = /^(CERT_|UNABLE_TO_(GET|VERIFY)|SELF_SIGNED|DEPTH_ZERO|ERR_TLS|ERR_SSL|EPROTO$|HOSTNAME_MISMATCH)/;
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN"]);
const IPV4_OR_6 = /Client address:\s*([0-9a-fA-F.:]+)/;

export function describeSignInFailure(message: string, hint: string | undefined): Finding {
  return {
    level: "error",
    code: "sign-in-failed",
    subject: "sign-in",
    message,
    fix: hint ?? "Check tenant-id, client-id, cloud and the federated credential.",
  };
}

export interface ReachContext {
  vaultName: string;
  vaultHost: string;
}

/**
 * A failure of the first vault call (listing secrets), as the finding that names its cause.
 * `hint` is the fix vault-errors.ts gives for the same failure in a sync.
 */
export function explainVaultFailure(failure: VaultFailure, hint: string | undefined, context: ReachContext): Finding {
  const subject = `vault ${context.vaultName}`;
  const detail = summarise(failure);
  if (failure.kind === "forbidden-firewall") {
    const address = IPV4_OR_6.exec(failure.message)?.[1];
    return {
      level: "error",
      code: "network-firewall",
      subject,
      message: `The vault's firewall refused this runner${address ? ` (the vault saw the address ${address})` : ""}: ${detail}`,
      fix:
        hint ??
        `Allow the runner's address (az keyvault network-rule add --name ${context.vaultName} --ip-address <address>) or run on a runner inside the vault's network.`,
    };
  }
  const code = failure.code ?? "";
  if (failure.status === undefined && DNS_CODES.has(code)) {
    return {
      level: "error",
      code: "network-dns",
      subject,
      message: `The vault's host ${context.vaultHost} did not resolve (${code}): the vault name is wrong, or the vault is reached through a private endpoint whose DNS zone (privatelink.vaultcore.azure.net) this runner cannot see.`,
      fix: "Check the vault name. For a private endpoint, run on a runner in (or peered with) the vault's virtual network, with the private DNS zone linked to it.",
    };
  }
  if (failure.status === undefined && TLS_CODE.test(code)) {
    return {
      level: "error",
      code: "network-tls",
      subject,
      message: `The TLS connection to ${context.vaultHost} failed (${code}): the certificate presented was not trusted.`,
      fix: "A TLS-inspecting proxy or firewall sits in the way: give Node its CA with NODE_EXTRA_CA_CERTS (never turn verification off), or exempt *.vault.azure.net from inspection.",
    };
  }
  // Key Vault's own refusals always carry a JSON error body with a code; a bare 403 came from
  // something in between, usually a proxy refusing the CONNECT tunnel.
  const bare = (failure.status === 403 || failure.status === 407) && failure.code === undefined && failure.innerCode === undefined;
  if (bare || (failure.status === undefined && /proxy/i.test(`${code} ${failure.message}`))) {
    return {
      level: "error",
      code: "network-proxy",
      subject,
      message: `The connection to ${context.vaultHost} was refused before it reached Key Vault, most likely by a proxy: ${detail}${bare ? ", without Key Vault's error body" : ""}`,
      fix: "Check HTTPS_PROXY / NO_PROXY and that the proxy allows CONNECT to the vault's host on port 443.",
    };
  }
  if (failure.status === undefined || failure.kind === "transient") {
    return {
      level: "error",
      code: "network-unreachable",
      subject,
      message: `The vault did not answer: ${detail}`,
      fix: hint ?? "Check the runner's network path to the vault (firewall, proxy settings HTTPS_PROXY / NO_PROXY) and run again.",
    };
  }
  if (isAccessDenied(failure.kind)) {
    return { level: "error", code: "secret-list-refused", subject, message: `The identity may not list secrets: ${detail}`, fix: hint };
  }
  if (failure.status === 401) {
    return {
      level: "error",
      code: "vault-token-refused",
      subject,
      message: `The vault refused the identity's token: ${detail}`,
      fix: "The vault belongs to another tenant or cloud than the one signed in to: check tenant-id and cloud.",
    };
  }
  return { level: "error", code: "vault-call-failed", subject, message: `Failed to list secrets: ${detail}`, fix: hint };
}
