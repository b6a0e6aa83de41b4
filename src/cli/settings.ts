/**
 * Options → the engine's settings, through the Action's own input rules (inputs.ts), so both
 * front doors accept and refuse the same values; only the messages name `--prefix` instead of
 * `prefix`. What the Action takes from the workflow, the CLI decides here: plan is a dry run and
 * apply is not; sign-in is detected (sign-in.ts); the owner has no default outside GitHub Actions.
 */
import { readCheckInputs } from "../action/check-inputs.ts";
import { readInputs } from "../action/inputs.ts";
import type { CheckSettings } from "../engine/check/check-vault.ts";
import type { Inputs } from "../action/inputs.ts";
import type { Env } from "../engine/env.ts";
import { InputError } from "../engine/errors.ts";
import type { AuthMode } from "../engine/auth/auth-mode.ts";
import { asInputText, optionLabel } from "./args.ts";
import type { OptionValues } from "./args.ts";
import { CLI_AUTH_MODES, CLI_OPTIONS } from "./options.ts";
import type { CliAuthMode, Command } from "./options.ts";
import { FEDERATED_MODES, detectAuthMode } from "./sign-in.ts";
import type { SignInSettings } from "./sign-in.ts";

export interface CliSettings {
  command: Command;
  inputs: Inputs;
  /** check's own settings, for the check command. */
  check: CheckSettings | undefined;
  signIn: SignInSettings;
  /** Why this sign-in mode: "--auth", or what auto-detection found. */
  authReason: string;
  json: boolean;
}

export interface SettingsIO {
  /** The JSON of --secrets-file, read under the file rules of the CLI (files.ts). */
  readSecretsFile(path: string): Promise<string>;
}

export async function readSettings(command: Command, values: OptionValues, env: Env, io: SettingsIO): Promise<CliSettings> {
  const text = (name: string): string | undefined => {
    const value = asInputText(values[name]).trim();
    return value === "" ? undefined : value;
  };
  const fail = (name: string, rule: string, hint?: string): never => {
    throw new InputError(name, rule, hint, optionLabel(name));
  };
  const federatedTokenEnv = text("federated-token-env");
  if (federatedTokenEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(federatedTokenEnv)) {
    fail("federated-token-env", "must be an environment variable's name (letters, digits, underscores)");
  }
  const serviceConnectionId = text("service-connection-id") ?? env["AZURESUBSCRIPTION_SERVICE_CONNECTION_ID"]?.trim() ?? undefined;
  const chosen = (text("auth") ?? "auto").toLowerCase();
  if (!(CLI_AUTH_MODES as readonly string[]).includes(chosen)) fail("auth", `must be one of ${CLI_AUTH_MODES.join(", ")}`);
  const detected =
    chosen === "auto"
      ? detectAuthMode(env, federatedTokenEnv, serviceConnectionId === "" ? undefined : serviceConnectionId)
      : { auth: chosen as CliAuthMode, reason: "--auth" };
  const federated = FEDERATED_MODES.has(detected.auth);
  // The AzureCLI@2 task exports its service connection's IDs; a plain script step may pass them on.
  const idEnv: Env =
    detected.auth === "azure-pipelines"
      ? {
          ...env,
          AZURE_TENANT_ID: env["AZURE_TENANT_ID"] ?? env["AZURESUBSCRIPTION_TENANT_ID"],
          AZURE_CLIENT_ID: env["AZURE_CLIENT_ID"] ?? env["AZURESUBSCRIPTION_CLIENT_ID"],
        }
      : env;
  if (federated) {
    for (const [name, variable] of [
      ["tenant-id", "AZURE_TENANT_ID"],
      ["client-id", "AZURE_CLIENT_ID"],
    ] as const) {
      if (text(name) === undefined && (idEnv[variable]?.trim() ?? "") === "") {
        fail(name, `is required to sign in with --auth ${detected.auth}`, `Pass --${name}, or set ${variable}.`);
      }
    }
  }
  const secretsFile = text("secrets-file");
  // check reads no sources: it looks at what is already in the vault.
  if (command !== "check" && secretsFile === undefined && text("env-file") === undefined) {
    fail("env-file", "is not set, and neither is --secrets-file: at least one source is needed", "For example --env-file .env");
  }
  const secrets = secretsFile === undefined ? "" : await io.readSecretsFile(secretsFile);
  // The Action's owner default (GITHUB_REPOSITORY) applies only on GitHub Actions.
  const inputEnv = idEnv["GITHUB_ACTIONS"] === "true" ? idEnv : { ...idEnv, GITHUB_REPOSITORY: undefined };
  const engineAuth: AuthMode = federated ? "oidc" : (detected.auth as AuthMode);
  const fromOptions = CLI_OPTIONS.flatMap((option): Array<[string, string]> =>
    option.input === undefined ? [] : [[option.input, asInputText(values[option.name])]],
  );
  const inputText: Record<string, string> = {
    ...Object.fromEntries(fromOptions),
    secrets,
    auth: engineAuth,
    "dry-run": command === "plan" ? "true" : "false",
    // check proves what apply needs (write permissions), as `command: check` with dry-run false does.
    command: command === "check" ? "check" : "sync",
  };
  const inputs = readInputs((name) => inputText[name] ?? "", inputEnv, optionLabel);
  const check = command === "check" ? readCheckInputs((name) => inputText[name] ?? "", inputEnv, inputs.cloud) : undefined;
  return {
    command,
    inputs,
    check,
    signIn: {
      auth: detected.auth,
      tenantId: inputs.tenantId,
      clientId: inputs.clientId,
      cloud: inputs.cloud,
      audience: inputs.audience,
      federatedTokenEnv,
      serviceConnectionId: serviceConnectionId === "" ? undefined : serviceConnectionId,
    },
    authReason: detected.reason,
    json: values["json"] === true,
  };
}
