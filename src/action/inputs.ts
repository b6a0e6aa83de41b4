import * as z from "zod/mini";
import { CLOUDS, findCloudName, type CloudEndpoints } from "../engine/clouds.ts";
import { InputError } from "../engine/errors.ts";
import { AUTH_MODES } from "../engine/auth/auth-mode.ts";
import type { AuthMode } from "../engine/auth/auth-mode.ts";
import type { NameTransform } from "../engine/naming.ts";
import { parseVault } from "../engine/vault-url.ts";
import { MAX_TAG_LENGTH } from "../engine/tags.ts";
import type { Env } from "../engine/env.ts";
import {
  INPUT_NAMES,
  GUID,
  TENANT_DOMAIN,
  TENANT_ALIASES,
  report,
  text,
  choice,
  findChoice,
  flag,
  splitList,
  globList,
  envFiles,
  prefix,
  cloudChoice,
  audience,
  contentType,
  tags,
  expiresIn,
  concurrency,
} from "./input-fields.ts";
import type { InputName, Context } from "./input-fields.ts";
import { identity, optionalText } from "./rule-inputs.ts";

/*
 * Every input rule of the action, checked before anything touches the network. The rules
 * the README's input table leaves open are decided here and listed in docs/inputs.md. In short:
 * - Error messages name the input, the rule and a position ("line 3", "pattern 2"), never the
 *   text that was given: several inputs may hold or be confused with secret values.
 * - Choices (auth, cloud, name-transform, dry-run) ignore case; booleans take YAML 1.2 core
 *   spellings (true/True/TRUE, false/False/FALSE), like @actions/core's getBooleanInput.
 * - tenant-id / client-id fall back to AZURE_TENANT_ID / AZURE_CLIENT_ID and are checked only
 *   for the auth mode that uses them: oidc needs both; managed-identity takes an optional
 *   client-id (user-assigned identity); azure-cli takes an optional tenant-id and no client-id.
 * - Every problem is reported: the error names the first, its hint lists the others.
 */

export type Command = "sync" | "check";
export const COMMANDS: readonly Command[] = ["sync", "check"];

export interface Inputs {
  /** `sync` (the default) writes; `check` only reads (src/engine/check/). */
  command: Command;
  /** `https://NAME.<cloud vault suffix>`, lower case, no trailing slash. */
  vaultUrl: string;
  vaultName: string;
  cloud: CloudEndpoints;
  secretsJson: string | undefined;
  envFiles: string[];
  include: string[];
  exclude: string[];
  prefix: string;
  nameTransform: NameTransform;
  tenantId: string | undefined;
  clientId: string | undefined;
  auth: AuthMode;
  audience: string;
  dryRun: boolean;
  /** Why dryRun has its value, for the log: "dry-run: auto, pull_request event". */
  dryRunReason: string;
  prune: boolean;
  adopt: boolean;
  owner: string;
  contentType: string | undefined;
  tags: Record<string, string>;
  expiresInSeconds: number | undefined;
  /** Per-secret rules (issue 11): YAML from the input, and a file's path. */
  rules: string | undefined;
  rulesFile: string | undefined;
  /** The identity Container Apps reads Key Vault references with: `system` or a resource id. */
  identity: string;
  concurrency: number;
}

/** How a front door names an input in messages; the Action's default is `input 'prefix'`. */
export type InputLabel = (input: string) => string;

const ACTION_LABEL: InputLabel = (input) => `input '${input}'`;

/**
 * Reads and checks every input. Throws InputError naming each problem (never a value), in
 * action.yml order. The CLI passes its own `label` so messages name its options instead.
 */
export function readInputs(getInput: (name: string) => string, env: Env, label: InputLabel = ACTION_LABEL): Inputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name).trim()])) as Record<InputName, string>;
  // The fallback message keeps zod's generic wording (and anything it might quote) out.
  const result = buildSchema(env, raw).safeParse(raw, { error: () => "is not valid" });
  if (result.success) return result.data;
  throw toInputError(result.error.issues, label);
}

interface Problem {
  input: string;
  rule: string;
  hint: string | undefined;
}

function toInputError(issues: readonly z.core.$ZodIssue[], label: InputLabel): InputError {
  const problems: Problem[] = issues.map((issue) => ({
    input: String(issue.path[0] ?? "inputs"),
    rule: issue.message,
    hint: issue.code === "custom" && typeof issue.params?.hint === "string" ? issue.params.hint : undefined,
  }));
  const order = (input: string): number => {
    const index = (INPUT_NAMES as readonly string[]).indexOf(input);
    return index === -1 ? INPUT_NAMES.length : index;
  };
  problems.sort((a, b) => order(a.input) - order(b.input));
  const [first, ...others] = problems as [Problem, ...Problem[]];
  const hintLines = [...(first.hint ? [first.hint] : []), ...others.map((other) => `Also invalid: ${label(other.input)}: ${other.rule}`)];
  return new InputError(first.input, first.rule, hintLines.length > 0 ? hintLines.join("\n") : undefined, label(first.input));
}

function buildSchema(env: Env, raw: Readonly<Record<InputName, string>>) {
  const cloudName = raw.cloud === "" ? "public" : findCloudName(raw.cloud);
  const cloud = cloudName === undefined ? undefined : CLOUDS[cloudName];
  const auth = raw.auth === "" ? "oidc" : findChoice(raw.auth, AUTH_MODES);
  return z.pipe(
    z.object({
      command: choice<Command>("command", COMMANDS, "sync"),
      vault: text((value, ctx) => readVault(value, cloud, ctx)),
      secrets: text((value, ctx): string | undefined => {
        // `check` reads no sources: it looks at what is already in the vault.
        if (value === "" && splitList(raw["env-file"], false).length === 0 && findChoice(raw.command, COMMANDS) !== "check") {
          report(
            ctx,
            "secrets",
            "is empty, and so is 'env-file': the action needs at least one source",
            "Set secrets: ${{ toJSON(secrets) }} to sync the workflow's secrets, or env-file to sync dotenv files.",
          );
        }
        return value === "" ? undefined : value;
      }),
      "env-file": envFiles,
      include: globList("include"),
      exclude: globList("exclude"),
      prefix,
      "name-transform": choice<NameTransform>("name-transform", ["hyphens", "none"], "hyphens"),
      "tenant-id": text((value, ctx) => readTenantId(value, auth, env, ctx)),
      "client-id": text((value, ctx) => readClientId(value, auth, env, ctx)),
      auth: choice<AuthMode>("auth", AUTH_MODES, "oidc"),
      cloud: cloudChoice,
      audience,
      "dry-run": choice("dry-run", ["auto", "true", "false"], "auto"),
      prune: flag("prune"),
      adopt: flag("adopt"),
      owner: text((value, ctx) => readOwner(value, env, ctx)),
      "content-type": contentType,
      tags,
      "expires-in": expiresIn,
      rules: optionalText,
      "rules-file": optionalText,
      identity,
      concurrency,
    }),
    z.transform((fields): Inputs => {
      const chosenCloud = CLOUDS[fields.cloud];
      const dryRun = decideDryRun(fields["dry-run"], env);
      return {
        command: fields.command,
        vaultUrl: fields.vault.url,
        vaultName: fields.vault.name,
        cloud: chosenCloud,
        secretsJson: fields.secrets,
        envFiles: fields["env-file"],
        include: fields.include,
        exclude: fields.exclude,
        prefix: fields.prefix,
        nameTransform: fields["name-transform"],
        tenantId: fields["tenant-id"],
        clientId: fields["client-id"],
        auth: fields.auth,
        audience: fields.audience ?? chosenCloud.audience,
        dryRun: dryRun.value,
        dryRunReason: dryRun.reason,
        prune: fields.prune,
        adopt: fields.adopt,
        owner: fields.owner,
        contentType: fields["content-type"],
        tags: fields.tags,
        expiresInSeconds: fields["expires-in"],
        rules: fields.rules,
        rulesFile: fields["rules-file"],
        identity: fields.identity,
        concurrency: fields.concurrency,
      };
    }),
  );
}

/**
 * A vault name, or an https URL whose host is NAME.<suffix of the chosen cloud>. While `cloud`
 * itself is invalid (cloud undefined) the vault is not checked: its suffix depends on it.
 */
function readVault(value: string, cloud: CloudEndpoints | undefined, ctx: Context): { url: string; name: string } {
  const invalid = { url: "", name: "" };
  if (value === "") {
    report(
      ctx,
      "vault",
      "is required: a Key Vault name or its https URL",
      "For example vault: my-vault or vault: https://my-vault.vault.azure.net",
    );
    return invalid;
  }
  if (cloud === undefined) return invalid;
  const parsed = parseVault(value, cloud);
  if (parsed.kind === "invalid") {
    report(ctx, "vault", parsed.rule, parsed.hint);
    return invalid;
  }
  return { url: parsed.url, name: parsed.name };
}

/** The input, else the environment variable; `from` names the variable when it was used. */
function withEnvDefault(input: string, env: Env, variable: string): { value: string | undefined; from: string } {
  if (input !== "") return { value: input, from: "" };
  const fromEnv = env[variable]?.trim();
  return { value: fromEnv === "" ? undefined : fromEnv, from: ` (taken from ${variable})` };
}

/** Required with oidc; optional otherwise. Not checked while `auth` is invalid. */
function readTenantId(input: string, auth: AuthMode | undefined, env: Env, ctx: Context): string | undefined {
  if (auth === undefined) return undefined;
  const tenant = withEnvDefault(input, env, "AZURE_TENANT_ID");
  if (tenant.value === undefined) {
    if (auth !== "oidc") return undefined;
    return report(
      ctx,
      "tenant-id",
      "is required with auth: oidc",
      "Set tenant-id: ${{ vars.AZURE_TENANT_ID }} (the directory of the app registration), or the AZURE_TENANT_ID environment variable.",
    );
  }
  if (GUID.test(tenant.value)) return tenant.value.toLowerCase();
  if (TENANT_ALIASES.has(tenant.value.toLowerCase())) {
    return report(ctx, "tenant-id", `must name one tenant; common, organizations and consumers are not tenants${tenant.from}`);
  }
  if (TENANT_DOMAIN.test(tenant.value) && tenant.value.length <= 256) return tenant.value;
  return report(ctx, "tenant-id", `must be a tenant ID (a GUID) or a domain name such as contoso.onmicrosoft.com${tenant.from}`);
}

/**
 * Required with oidc; optional with managed-identity (a user-assigned identity); not used, so not
 * read, with azure-cli, where the signed-in account decides. Not checked while `auth` is invalid.
 */
function readClientId(input: string, auth: AuthMode | undefined, env: Env, ctx: Context): string | undefined {
  if (auth === undefined || auth === "azure-cli") return undefined;
  const client = withEnvDefault(input, env, "AZURE_CLIENT_ID");
  if (client.value === undefined) {
    if (auth !== "oidc") return undefined;
    return report(
      ctx,
      "client-id",
      "is required with auth: oidc",
      "Set client-id: ${{ vars.AZURE_CLIENT_ID }} (the application (client) ID of the app registration or user-assigned managed identity that holds the federated credential), or the AZURE_CLIENT_ID environment variable.",
    );
  }
  if (GUID.test(client.value)) return client.value.toLowerCase();
  return report(ctx, "client-id", `must be a GUID, the application (client) ID${client.from}`);
}

function readOwner(input: string, env: Env, ctx: Context): string {
  const owner = withEnvDefault(input, env, "GITHUB_REPOSITORY");
  if (owner.value === undefined) {
    return report(
      ctx,
      "owner",
      "is required: it marks the secrets this workflow manages",
      "Set owner, or run on GitHub Actions, where it defaults to GITHUB_REPOSITORY.",
    );
  }
  if (owner.value.length > MAX_TAG_LENGTH) {
    return report(ctx, "owner", `must be at most ${MAX_TAG_LENGTH} characters (it is a tag value)${owner.from}`);
  }
  return owner.value;
}

/** auto: a dry run on every pull_request* event (pull_request, pull_request_target, ...). */
function decideDryRun(setting: string, env: Env): { value: boolean; reason: string } {
  if (setting === "true") return { value: true, reason: "dry-run: true" };
  if (setting === "false") return { value: false, reason: "dry-run: false" };
  const event = env.GITHUB_EVENT_NAME?.trim() ?? "";
  if (event === "") return { value: false, reason: "dry-run: auto, no GITHUB_EVENT_NAME" };
  return { value: event.startsWith("pull_request"), reason: `dry-run: auto, ${event} event` };
}
