/** How the action signs in to Microsoft Entra ID: the `auth` input's choices. */
export type AuthMode = "oidc" | "azure-cli" | "managed-identity";

export const AUTH_MODES: readonly AuthMode[] = ["oidc", "azure-cli", "managed-identity"];
