/**
 * The KeyVault interface the engine talks to, and the data it speaks: never a value in a
 * listing, "not found" as an answer. key-vault.ts implements it over the Azure SDK; tests pass
 * fakes of it.
 */
/** Properties of one secret version (the latest one, in listings). Never a value. */
export interface SecretInfo {
  /** The name as the vault stores it (Key Vault names are case-insensitive). */
  name: string;
  version: string | undefined;
  enabled: boolean;
  /** Certificate-backed: its lifetime is managed by Key Vault and it must never be written. */
  managed: boolean;
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresOn: Date | undefined;
  createdOn: Date | undefined;
  updatedOn: Date | undefined;
  recoverableDays: number | undefined;
}

export interface DeletedSecretInfo extends SecretInfo {
  deletedOn: Date | undefined;
  scheduledPurgeDate: Date | undefined;
}

export type SecretRead = { found: true; value: string; properties: SecretInfo } | { found: false };

/** A new version: value plus the metadata every version carries. */
export interface SecretWrite {
  value: string;
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresOn: Date | undefined;
  notBefore?: Date | undefined;
  /** false: the version is written disabled (a rule asked for it). */
  enabled?: boolean;
}

/** A PATCH of an existing version. Undefined fields are left as they are. */
export interface PropertiesUpdate {
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresOn: Date | undefined;
  enabled?: boolean;
}

/** Every method throws a VaultError (never a raw SDK error) when Key Vault refuses. */
export interface KeyVault {
  readonly vaultUrl: string;
  /**
   * Every secret, page by page; `onPage` sees each page as it arrives (a retried listing may show
   * a secret again), so callers can start work before the last page.
   */
  listSecrets(onPage?: (page: SecretInfo[]) => void): Promise<SecretInfo[]>;
  listDeletedSecrets(): Promise<DeletedSecretInfo[]>;
  /** The latest version with its value; "not found" is an answer, not an error. */
  getSecret(name: string): Promise<SecretRead>;
  /** A soft-deleted secret's properties, or undefined when the name is not soft-deleted (yet). */
  getDeletedSecret(name: string): Promise<DeletedSecretInfo | undefined>;
  listVersions(name: string): Promise<SecretInfo[]>;
  setSecret(name: string, write: SecretWrite): Promise<SecretInfo>;
  updateProperties(name: string, version: string, update: PropertiesUpdate): Promise<SecretInfo>;
  /** Starts a soft delete; does not wait for the deleted entry to become visible. */
  deleteSecret(name: string): Promise<void>;
  /** Recovers a soft-deleted secret and waits until it can be read again. */
  recoverSecret(name: string): Promise<void>;
}
