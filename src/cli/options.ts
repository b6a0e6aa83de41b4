/**
 * Every option of the CLI in one table: parseArgs's configuration, `--help`, the environment
 * variable each one is read from and the README's options table all come from it. Options that
 * mirror an Action input carry its name (`input`) and go through the Action's own rules.
 */
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from "../action/input-fields.ts";
import type { InputName } from "../action/input-fields.ts";
import type { CHECK_INPUT_NAMES } from "../action/check-inputs.ts";

type CheckInputName = (typeof CHECK_INPUT_NAMES)[number];

export interface CliOption {
  name: string;
  type: "string" | "boolean";
  /** Repeatable: `--env-file a --env-file b`. In the environment, one item per line. */
  multiple?: true;
  /** The Action input this option mirrors; its value is checked by that input's rule. */
  input?: InputName | CheckInputName;
  /** What to write after the option in `--help`, such as `NAME`. */
  placeholder?: string;
  description: string;
}

/** The environment variable an option is also read from: `--env-file` → `KEYVAULT_SYNC_ENV_FILE`. */
export function envVariable(option: Pick<CliOption, "name">): string {
  return `KEYVAULT_SYNC_${option.name.toUpperCase().replaceAll("-", "_")}`;
}

/** The CLI's sign-in modes; `auto` picks one from the environment (auth-detect.ts). */
export const CLI_AUTH_MODES = ["auto", "oidc", "token-file", "token-env", "azure-pipelines", "azure-cli", "managed-identity"] as const;
export type CliAuthMode = Exclude<(typeof CLI_AUTH_MODES)[number], "auto">;

export const CLI_OPTIONS: readonly CliOption[] = [
  { name: "vault", type: "string", input: "vault", placeholder: "NAME|URL", description: "Key Vault name or its https URL (required)." },
  {
    name: "env-file",
    type: "string",
    multiple: true,
    input: "env-file",
    placeholder: "PATH",
    description: "A dotenv file to sync; repeatable. Read only inside the current directory.",
  },
  {
    name: "secrets-file",
    type: "string",
    placeholder: "PATH",
    description: "A JSON object file of NAME: value pairs (the Action's `secrets`). Read only inside the current directory.",
  },
  {
    name: "rules-file",
    type: "string",
    input: "rules-file",
    placeholder: "PATH",
    description: "A YAML file of per-secret rules (the Action's `rules-file`). Read only inside the current directory.",
  },
  {
    name: "rules",
    type: "string",
    input: "rules",
    placeholder: "YAML",
    description: "Per-secret rules as YAML text (the Action's `rules`).",
  },
  {
    name: "include",
    type: "string",
    multiple: true,
    input: "include",
    placeholder: "GLOB",
    description: "Sync only source names matching; repeatable or comma separated.",
  },
  {
    name: "exclude",
    type: "string",
    multiple: true,
    input: "exclude",
    placeholder: "GLOB",
    description: "Leave out source names matching; repeatable or comma separated.",
  },
  {
    name: "prefix",
    type: "string",
    input: "prefix",
    placeholder: "TEXT",
    description: "Prepended to every Key Vault name (letters, digits, hyphens).",
  },
  {
    name: "name-transform",
    type: "string",
    input: "name-transform",
    placeholder: "hyphens|none",
    description: "How source names become Key Vault names (default hyphens).",
  },
  {
    name: "owner",
    type: "string",
    input: "owner",
    placeholder: "TEXT",
    description: "Marks the secrets this sync manages. Required outside GitHub Actions (there it defaults to the repository).",
  },
  { name: "prune", type: "boolean", input: "prune", description: "Delete (soft-delete) owned secrets that are no longer in the sources." },
  { name: "adopt", type: "boolean", input: "adopt", description: "Take over existing secrets that no sync owns yet." },
  {
    name: "content-type",
    type: "string",
    input: "content-type",
    placeholder: "TEXT",
    description: "Content type set on every written version.",
  },
  {
    name: "tags",
    type: "string",
    multiple: true,
    input: "tags",
    placeholder: "KEY=VALUE",
    description: "Tags set on every written version; repeatable or comma separated.",
  },
  {
    name: "expires-in",
    type: "string",
    input: "expires-in",
    placeholder: "90d",
    description: "Expiry of written versions: minutes, hours, days or weeks (m, h, d, w).",
  },
  {
    name: "concurrency",
    type: "string",
    input: "concurrency",
    placeholder: "N",
    description: `Key Vault requests in flight (1-${MAX_CONCURRENCY}, default ${DEFAULT_CONCURRENCY}).`,
  },
  {
    name: "auth",
    type: "string",
    input: "auth",
    placeholder: "MODE",
    description: `How to sign in: ${CLI_AUTH_MODES.join(", ")} (default auto).`,
  },
  {
    name: "tenant-id",
    type: "string",
    input: "tenant-id",
    placeholder: "GUID",
    description: "Microsoft Entra tenant (default AZURE_TENANT_ID).",
  },
  {
    name: "client-id",
    type: "string",
    input: "client-id",
    placeholder: "GUID",
    description: "Application (client) ID to sign in as (default AZURE_CLIENT_ID).",
  },
  {
    name: "federated-token-env",
    type: "string",
    placeholder: "NAME",
    description:
      "Environment variable holding a federated token (GitLab id_tokens); chosen by --auth auto unless GitHub OIDC is available.",
  },
  {
    name: "service-connection-id",
    type: "string",
    placeholder: "ID",
    description: "Azure Pipelines service connection ID (default AZURESUBSCRIPTION_SERVICE_CONNECTION_ID).",
  },
  { name: "cloud", type: "string", input: "cloud", placeholder: "NAME", description: "public, usgovernment or china (default public)." },
  {
    name: "audience",
    type: "string",
    input: "audience",
    placeholder: "TEXT",
    description: "Audience of the GitHub OIDC token (default api://AzureADTokenExchange).",
  },
  {
    name: "checks",
    type: "string",
    input: "checks",
    placeholder: "LIST",
    description: "check only: which checks (sync, health, key; default sync and health, and key with --key-id).",
  },
  {
    name: "key-id",
    type: "string",
    input: "key-id",
    placeholder: "URL",
    description: "check only: a BYOK key to verify (enabled, wrapKey/unwrapKey allowed, a wrap/unwrap round trip).",
  },
  {
    name: "expiry-warning-days",
    type: "string",
    input: "expiry-warning-days",
    placeholder: "N",
    description: "check only: warn about secrets expiring within N days (default 30).",
  },
  {
    name: "max-versions",
    type: "string",
    input: "max-versions",
    placeholder: "N",
    description: "check only: warn about secrets with more versions (default 100).",
  },
  {
    name: "fail-on",
    type: "string",
    input: "fail-on",
    placeholder: "LEVEL",
    description: "check only: the lowest finding level that fails (exit 1): error, warning, notice or never (default warning).",
  },
  {
    name: "subscription-id",
    type: "string",
    input: "subscription-id",
    placeholder: "GUID",
    description: "check only: the vault's subscription, to read effective permissions from ARM.",
  },
  {
    name: "resource-group",
    type: "string",
    input: "resource-group",
    placeholder: "NAME",
    description: "check only: the vault's resource group, with --subscription-id.",
  },
  { name: "json", type: "boolean", description: "Print the plan or the results as JSON on stdout (names and reasons, never a value)." },
  { name: "help", type: "boolean", description: "Show this help." },
  { name: "version", type: "boolean", description: "Show the version." },
];

/** Options that are never read from the environment: they choose what is printed, not what is synced. */
export const COMMAND_LINE_ONLY = new Set(["help", "version"]);

export const COMMANDS = {
  plan: "Read the sources and the vault and show what apply would change. Writes nothing.",
  apply: "Make the vault match the sources, then show what was done.",
  check: "Prove sign-in, network, permissions and the managed set's health. Writes nothing, reads no value.",
} as const;

export type Command = keyof typeof COMMANDS;

export const EXIT_CODES = [
  { code: 0, meaning: "Nothing to change (plan), every change applied (apply), or the check passed (check)." },
  {
    code: 1,
    meaning: "A failure: bad options, sign-in, the vault, a secret that could not be planned or written, or a check finding at --fail-on.",
  },
  { code: 2, meaning: "plan only: the plan has changes (like terraform plan -detailed-exitcode)." },
] as const;
