import { z } from "zod";
import { AZURE_LOGIN_CLOUD_NAMES, CLOUD_NAMES, CLOUDS, findCloudByVaultHost, findCloudName, type CloudEndpoints, type CloudName } from "./clouds.ts";
import { InputError } from "./errors.ts";
import { checkGlob } from "./globs.ts";
import type { NameTransform } from "./naming.ts";
import { MAX_NAME_LENGTH } from "./naming.ts";
import { MAX_TAG_LENGTH, MAX_TAGS, MAX_USER_TAGS, RESERVED_TAGS } from "./tags.ts";

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

export type AuthMode = "oidc" | "azure-cli" | "managed-identity";

export interface Inputs {
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
  concurrency: number;
}

/** The action's inputs in action.yml order; problems are reported in this order. */
export const INPUT_NAMES = [
  "vault",
  "secrets",
  "env-file",
  "include",
  "exclude",
  "prefix",
  "name-transform",
  "tenant-id",
  "client-id",
  "auth",
  "cloud",
  "audience",
  "dry-run",
  "prune",
  "adopt",
  "owner",
  "content-type",
  "tags",
  "expires-in",
  "concurrency",
] as const;

export type InputName = (typeof INPUT_NAMES)[number];

export const AUTH_MODES: readonly AuthMode[] = ["oidc", "azure-cli", "managed-identity"];
export const DEFAULT_CONCURRENCY = 16;
export const MAX_CONCURRENCY = 64;
export const MAX_CONTENT_TYPE_LENGTH = 255;
/** Federated credential audiences are at most 600 characters. */
export const MAX_AUDIENCE_LENGTH = 600;
/** A secret that expires a century from now does not need an expiry date. */
export const MAX_EXPIRES_IN_SECONDS = 100 * 365 * 24 * 60 * 60;
export const MAX_PREFIX_LENGTH = MAX_NAME_LENGTH - 1;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[0-9a-zA-Z.-]+$/;
/** Multi-tenant aliases: a federated credential lives in exactly one tenant. */
const TENANT_ALIASES = new Set(["common", "organizations", "consumers"]);
const VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;
const TRUE_SPELLINGS = new Set(["true", "True", "TRUE"]);
const FALSE_SPELLINGS = new Set(["false", "False", "FALSE"]);
/** Seconds per unit of `expires-in`. No months or years: their length varies. */
const DURATION_UNITS: Readonly<Record<string, number>> = {
  m: 60,
  h: 60 * 60,
  d: 24 * 60 * 60,
  w: 7 * 24 * 60 * 60,
};

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and checks every input. Throws InputError naming each problem (never a value). */
export function readInputs(getInput: (name: string) => string, env: Env): Inputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name).trim()])) as Record<InputName, string>;
  // The fallback message keeps zod's generic wording (and anything it might quote) out.
  const result = buildSchema(env, raw).safeParse(raw, { error: () => "is not valid" });
  if (result.success) return result.data;
  throw toInputError(result.error.issues);
}

interface Problem {
  input: string;
  rule: string;
  hint: string | undefined;
}

function toInputError(issues: readonly z.core.$ZodIssue[]): InputError {
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
  const hintLines = [
    ...(first.hint ? [first.hint] : []),
    ...others.map((other) => `Also invalid: input '${other.input}': ${other.rule}`),
  ];
  return new InputError(first.input, first.rule, hintLines.length > 0 ? hintLines.join("\n") : undefined);
}

type Context = z.core.$RefinementCtx;

function report(ctx: Context, input: InputName, rule: string, hint?: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", path: [input], message: rule, params: hint === undefined ? {} : { hint } });
  return z.NEVER;
}

/** A text input whose checks live in `check`, which reports problems and returns the value. */
function text<T>(check: (value: string, ctx: Context) => T) {
  return z.string().transform((value, ctx) => check(value, ctx));
}

/** One of `options`, ignoring case; "" gives `fallback`. */
function choice<T extends string>(input: InputName, options: readonly T[], fallback: T) {
  return text((value, ctx): T => {
    if (value === "") return fallback;
    return findChoice(value, options) ?? report(ctx, input, `must be one of ${options.join(", ")}`);
  });
}

function findChoice<T extends string>(value: string, options: readonly T[]): T | undefined {
  const folded = value.toLowerCase();
  return options.find((option) => option === folded);
}

function flag(input: InputName) {
  return text((value, ctx): boolean => {
    if (value === "" || FALSE_SPELLINGS.has(value)) return false;
    if (TRUE_SPELLINGS.has(value)) return true;
    return report(ctx, input, "must be true or false");
  });
}

/** One item per line, blank lines ignored; with `commas`, commas separate items too. */
export function splitList(value: string, commas: boolean): string[] {
  return value
    .split(commas ? /[\r\n,]+/ : /\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function globList(input: InputName) {
  return text((value, ctx): string[] => {
    const patterns = splitList(value, true);
    patterns.forEach((pattern, index) => {
      const problem = checkGlob(pattern);
      if (problem !== undefined) report(ctx, input, `pattern ${index + 1} ${problem}`);
    });
    return patterns;
  });
}

const envFiles = text((value, ctx): string[] => {
  const paths = splitList(value, false);
  paths.forEach((path, index) => {
    const earlier = paths.indexOf(path);
    if (earlier !== index) {
      report(ctx, "env-file", `entry ${index + 1} repeats entry ${earlier + 1}; each file may be listed once`);
    }
  });
  return paths;
});

const prefix = text((value, ctx): string => {
  const bad = value.search(/[^0-9A-Za-z-]/);
  if (bad >= 0) {
    // Say what to write instead without repeating the value: the usual slip is `shop_` for `shop-`.
    const hint = /[_.]/.test(value)
      ? "Write '-' where the prefix has '_' or '.', as source names are converted (DB_PASSWORD becomes DB-PASSWORD), for example prefix: shop-, not shop_."
      : undefined;
    return report(
      ctx,
      "prefix",
      `may contain only letters, digits and hyphens (Key Vault secret names allow nothing else); character ${bad + 1} is none of these`,
      hint,
    );
  }
  if (value.length > MAX_PREFIX_LENGTH) {
    return report(
      ctx,
      "prefix",
      `must be at most ${MAX_PREFIX_LENGTH} characters, to leave room for a name (Key Vault names are at most ${MAX_NAME_LENGTH}); it has ${value.length}`,
    );
  }
  return value;
});

const cloudChoice = text((value, ctx): CloudName => {
  if (value === "") return "public";
  const aliases = Object.keys(AZURE_LOGIN_CLOUD_NAMES).join(", ");
  return findCloudName(value) ?? report(ctx, "cloud", `must be one of ${CLOUD_NAMES.join(", ")}, or Azure/login's ${aliases}`);
});

const audience = text((value, ctx): string | undefined => {
  if (value === "") return undefined;
  if (/\s/.test(value)) return report(ctx, "audience", "must not contain whitespace");
  if (value.length > MAX_AUDIENCE_LENGTH) {
    return report(ctx, "audience", `must be at most ${MAX_AUDIENCE_LENGTH} characters (a federated credential limit)`);
  }
  return value;
});

const contentType = text((value, ctx): string | undefined => {
  if (value === "") return undefined;
  if (value.length > MAX_CONTENT_TYPE_LENGTH) {
    return report(ctx, "content-type", `must be at most ${MAX_CONTENT_TYPE_LENGTH} characters (a Key Vault limit); it has ${value.length}`);
  }
  return value;
});

/**
 * `key=value` items, one per line or comma separated: the same list rule as include/exclude, so
 * `env=prod,team=shop` is two tags. A tag value therefore cannot hold a comma; an item that is
 * left without `=` by a comma (`list=a,b`) is refused rather than guessed at.
 */
const tags = text((value, ctx): Record<string, string> => {
  const result: Record<string, string> = {};
  const firstTagOf = new Map<string, number>();
  const reserved = new Map(RESERVED_TAGS.map((name) => [name.toLowerCase(), name]));
  const items = splitList(value, true);
  items.forEach((item, index) => {
    const position = `tag ${index + 1}`;
    const equals = item.indexOf("=");
    if (equals === -1) {
      report(ctx, "tags", `${position} is not key=value (tags are separated by new lines or commas, so a value cannot contain a comma)`);
      return;
    }
    const key = item.slice(0, equals).trim();
    const tagValue = item.slice(equals + 1).trim();
    const folded = key.toLowerCase();
    const reservedName = reserved.get(folded);
    const earlier = firstTagOf.get(folded);
    if (key === "") {
      report(ctx, "tags", `${position} has an empty key`);
    } else if (key.length > MAX_TAG_LENGTH) {
      report(ctx, "tags", `${position} has a key longer than ${MAX_TAG_LENGTH} characters`);
    } else if (tagValue.length > MAX_TAG_LENGTH) {
      report(ctx, "tags", `${position} has a value longer than ${MAX_TAG_LENGTH} characters`);
    } else if (reservedName !== undefined) {
      report(ctx, "tags", `${position} uses '${reservedName}', a tag the action writes itself (reserved: ${RESERVED_TAGS.join(", ")})`);
    } else if (earlier !== undefined) {
      report(ctx, "tags", `${position} repeats the key of tag ${earlier} (tag names ignore case)`);
    } else {
      firstTagOf.set(folded, index + 1);
      result[key] = tagValue;
    }
  });
  if (items.length > MAX_USER_TAGS) {
    report(
      ctx,
      "tags",
      `allows at most ${MAX_USER_TAGS} tags (Key Vault allows ${MAX_TAGS} per secret and the action writes ${RESERVED_TAGS.length} of its own); ${items.length} given`,
    );
  }
  return result;
});

const expiresIn = text((value, ctx): number | undefined => {
  if (value === "") return undefined;
  const match = /^([0-9]{1,12})([a-z])$/.exec(value);
  const unit = match ? DURATION_UNITS[match[2] as string] : undefined;
  const amount = match ? Number(match[1]) : 0;
  if (!match || unit === undefined || amount === 0) {
    return report(ctx, "expires-in", "must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d");
  }
  const seconds = amount * unit;
  if (seconds > MAX_EXPIRES_IN_SECONDS) return report(ctx, "expires-in", "must be at most 100 years (36500d)");
  return seconds;
});

const CONCURRENCY_RULE = `must be a whole number from 1 to ${MAX_CONCURRENCY}`;
const concurrency = z
  .string()
  .transform((value) => (value === "" ? String(DEFAULT_CONCURRENCY) : value))
  .pipe(z.string().regex(/^[0-9]{1,3}$/, { error: CONCURRENCY_RULE }))
  .transform(Number)
  .pipe(z.number().int().min(1, { error: CONCURRENCY_RULE }).max(MAX_CONCURRENCY, { error: CONCURRENCY_RULE }));

/**
 * The schema, with the raw inputs at hand: `vault` depends on `cloud`, `tenant-id`/`client-id`
 * on `auth`, and `secrets` on `env-file`. Each field reports its own problems (dependents are
 * skipped while what they depend on is invalid), so one run names every problem.
 */
function buildSchema(env: Env, raw: Readonly<Record<InputName, string>>) {
  const cloudName = raw.cloud === "" ? "public" : findCloudName(raw.cloud);
  const cloud = cloudName === undefined ? undefined : CLOUDS[cloudName];
  const auth = raw.auth === "" ? "oidc" : findChoice(raw.auth, AUTH_MODES);
  return z
    .object({
      vault: text((value, ctx) => readVault(value, cloud, ctx)),
      secrets: text((value, ctx): string | undefined => {
        if (value === "" && splitList(raw["env-file"], false).length === 0) {
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
      concurrency,
    })
    .transform((fields): Inputs => {
      const chosenCloud = CLOUDS[fields.cloud];
      const dryRun = decideDryRun(fields["dry-run"], env);
      return {
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
        concurrency: fields.concurrency,
      };
    });
}

const VAULT_NAME_RULE =
  'a vault name has 3 to 24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no "--"';

/**
 * A vault name, or an https URL whose host is NAME.<suffix of the chosen cloud>. While `cloud`
 * itself is invalid (cloud undefined) the vault is not checked: its suffix depends on it.
 */
function readVault(value: string, cloud: CloudEndpoints | undefined, ctx: Context): { url: string; name: string } {
  const invalid = { url: "", name: "" };
  if (value === "") {
    report(ctx, "vault", "is required: a Key Vault name or its https URL", "For example vault: my-vault or vault: https://my-vault.vault.azure.net");
    return invalid;
  }
  if (cloud === undefined) return invalid;
  if (!value.includes("://")) {
    if (!isVaultName(value)) {
      report(ctx, "vault", `is neither a vault name nor an https URL: ${VAULT_NAME_RULE}; a URL starts with https://`);
      return invalid;
    }
    const name = value.toLowerCase();
    return { url: `https://${name}.${cloud.vaultSuffix}`, name };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    report(ctx, "vault", "is not a valid URL");
    return invalid;
  }
  const problem = findVaultUrlProblem(url, cloud);
  if (problem !== undefined) {
    report(ctx, "vault", problem.rule, problem.hint);
    return invalid;
  }
  // URL lower-cases the host, so the name is already canonical.
  const name = url.hostname.slice(0, -(cloud.vaultSuffix.length + 1));
  if (!isVaultName(name)) {
    report(ctx, "vault", `has a host that does not start with a vault name: ${VAULT_NAME_RULE}`);
    return invalid;
  }
  return { url: `https://${name}.${cloud.vaultSuffix}`, name };
}

function isVaultName(value: string): boolean {
  return VAULT_NAME.test(value) && !value.includes("--");
}

function findVaultUrlProblem(url: URL, cloud: CloudEndpoints): { rule: string; hint?: string } | undefined {
  if (url.protocol !== "https:") return { rule: "must be an https URL: Key Vault is only reached over TLS" };
  if (url.username !== "" || url.password !== "") return { rule: "must not contain a user name or password" };
  if (url.port !== "") return { rule: "must not have a port" };
  if (url.pathname !== "/" && url.pathname !== "") return { rule: "must not have a path: use the vault's base URL" };
  if (url.search !== "" || url.hash !== "") return { rule: "must not have a query or fragment" };
  const host = url.hostname;
  if (host.endsWith(`.${cloud.vaultSuffix}`)) return undefined;
  const other = findCloudByVaultHost(host);
  if (other !== undefined) {
    return {
      rule: `is a vault in the ${other.name} cloud (.${other.vaultSuffix}), but cloud is ${cloud.name}`,
      hint: `Set cloud: ${other.name}`,
    };
  }
  if (/\.managedhsm\./.test(host)) return { rule: "is a Managed HSM, which holds keys, not secrets" };
  return { rule: `must have a host that ends with .${cloud.vaultSuffix} (cloud: ${cloud.name})` };
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
