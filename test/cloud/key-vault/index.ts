// Placeholder until the Key Vault data plane lands; the server imports this module.
import type { CloudRequest, CloudResponse, VaultConfig, VerifyAccessToken } from "../types.ts";

export interface KeyVaultService {
  /** Requests to *.vault.azure.net, *.vault.usgovcloudapi.net, *.vault.azure.cn. */
  handle(req: CloudRequest): Promise<CloudResponse>;
  /** Admin API requests under /vaults (path relative to the admin root, e.g. /vaults/demo-vault/secrets). */
  handleAdmin(req: CloudRequest): Promise<CloudResponse>;
}

export interface KeyVaultServiceOptions {
  tenantId: string;
  vaults: VaultConfig[];
  verifyAccessToken: VerifyAccessToken;
}

export function createKeyVaultService(_options: KeyVaultServiceOptions): KeyVaultService {
  const notReady = async (): Promise<CloudResponse> => ({ status: 501, body: '{"error":{"code":"NotImplemented","message":"Key Vault is not built yet"}}' });
  return { handle: notReady, handleAdmin: notReady };
}
