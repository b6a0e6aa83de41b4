/**
 * OIDC issuers other than GitHub whose tokens Entra accepts as federated client assertions:
 * GitLab (`id_tokens`), an AKS cluster's service-account issuer, an Azure Pipelines service
 * connection… Each issuer gets its own signing key (its JWKS, which the local Entra reads
 * in-process instead of fetching), made the first time a token is minted for it. A token is only
 * accepted when an app has a federated credential naming the issuer, subject and audience.
 */
import { randomUUID, type KeyObject } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSigningKey, readClockSeconds, signJwt, type SigningKey } from "./jwt.ts";
import { DEFAULT_FIC_AUDIENCE } from "./world.ts";

export interface MintFederatedTokenOptions {
  /** e.g. https://gitlab.com or https://oidc.prod-aks.azure.com/{guid}/ */
  issuer: string;
  /** e.g. project_path:octo-org/octo-repo:ref_type:branch:ref:main or system:serviceaccount:ns:sa */
  subject: string;
  /** Default api://AzureADTokenExchange. */
  audience?: string;
  lifetimeSeconds?: number;
  claims?: Record<string, string | number | boolean>;
}

export interface WorkloadIssuers {
  mint(options: MintFederatedTokenOptions): Promise<string>;
}

/** `keysByIssuer` is the map Entra checks assertion signatures against; issuers are added to it. */
export function createWorkloadIssuers(keysByIssuer: Map<string, ReadonlyMap<string, KeyObject>>): WorkloadIssuers {
  const signers = new Map<string, Promise<SigningKey>>();
  return {
    async mint(options) {
      if (!/^https:\/\/[^\s]+$/.test(options.issuer)) throw new Error("Failed to mint a federated token: 'issuer' must be an https URL");
      if (options.subject === "") throw new Error("Failed to mint a federated token: 'subject' must not be empty");
      let signer = signers.get(options.issuer);
      if (signer === undefined) {
        if (keysByIssuer.has(options.issuer))
          throw new Error(`Failed to mint a federated token: ${options.issuer} already has its own signer (use the GitHub minting for it)`);
        signer = createSigningKey("wi");
        signers.set(options.issuer, signer);
        const key = await signer;
        keysByIssuer.set(options.issuer, new Map([[key.kid, key.publicKey]]));
      }
      const key = await signer;
      const now = readClockSeconds();
      const lifetime = options.lifetimeSeconds ?? 3600;
      return signJwt(key, {
        ...options.claims,
        iss: options.issuer,
        sub: options.subject,
        aud: options.audience ?? DEFAULT_FIC_AUDIENCE,
        iat: now,
        nbf: now,
        exp: now + lifetime,
        jti: randomUUID(),
      });
    },
  };
}

/**
 * Writes a token where AZURE_FEDERATED_TOKEN_FILE can point (as AKS workload identity projects
 * one), in a new private temporary directory; returns the file's path.
 */
export async function writeFederatedTokenFile(token: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "keyvault-sync-federated-"));
  const file = join(dir, "azure-identity-token");
  await writeFile(file, token, { mode: 0o600 });
  return file;
}
