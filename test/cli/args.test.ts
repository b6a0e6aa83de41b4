import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/cli/args.ts";
import { readSettings } from "../../src/cli/settings.ts";
import { DEFAULT_CONCURRENCY } from "../../src/action/input-fields.ts";
import { detectAuthMode } from "../../src/cli/sign-in.ts";
import { CLI_OPTIONS, envVariable } from "../../src/cli/options.ts";

const TENANT = "7e57c10d-0a2e-4c1d-9f00-000000000001";
const CLIENT = "7e57c10d-a990-4a00-8000-000000000003";
const noFiles = { readSecretsFile: () => Promise.reject(new Error("no file expected")) };

function parse(argv: string[], env: Record<string, string> = {}) {
  const parsed = parseCommandLine(argv, env);
  if (parsed.kind !== "run") throw new Error(`expected a run, got ${parsed.kind}`);
  return parsed;
}

async function settings(argv: string[], env: Record<string, string> = {}) {
  const parsed = parse(argv, env);
  return readSettings(parsed.command, parsed.values, env, noFiles);
}

const BASE = ["--vault", "my-vault", "--env-file", ".env", "--owner", "me"];

describe("parseCommandLine", () => {
  it("reads the command, repeated options and flags; the command line wins over the environment", () => {
    const parsed = parse(["plan", "--env-file", "a.env", "--env-file=b.env", "--prune", "--vault", "cli-vault"], {
      KEYVAULT_SYNC_VAULT: "env-vault",
      KEYVAULT_SYNC_PREFIX: "app-",
    });
    expect(parsed.command).toBe("plan");
    expect(parsed.values["env-file"]).toEqual(["a.env", "b.env"]);
    expect(parsed.values["prune"]).toBe(true);
    expect(parsed.values["vault"]).toBe("cli-vault");
    expect(parsed.values["prefix"]).toBe("app-");
  });

  it("reads every option from KEYVAULT_SYNC_*: lists one item a line, booleans as true/false", () => {
    const parsed = parse(["apply"], { KEYVAULT_SYNC_ENV_FILE: "a.env\nb.env\n", KEYVAULT_SYNC_ADOPT: "true", KEYVAULT_SYNC_PRUNE: "0" });
    expect(parsed.values["env-file"]).toEqual(["a.env", "b.env"]);
    expect(parsed.values["adopt"]).toBe(true);
    expect(parsed.values["prune"]).toBe(false);
    expect(() => parse(["apply"], { KEYVAULT_SYNC_PRUNE: "maybe" })).toThrow(
      "Invalid option --prune: must be true or false (read from KEYVAULT_SYNC_PRUNE)",
    );
    expect(envVariable({ name: "name-transform" })).toBe("KEYVAULT_SYNC_NAME_TRANSFORM");
    expect(CLI_OPTIONS.filter((option) => option.name !== "help" && option.name !== "version").map(envVariable)).toContain(
      "KEYVAULT_SYNC_FEDERATED_TOKEN_ENV",
    );
  });

  it("answers help and version before anything else", () => {
    expect(parseCommandLine(["plan", "--help"], {})).toEqual({ kind: "help" });
    expect(parseCommandLine(["--version"], {})).toEqual({ kind: "version" });
  });

  it("names a wrong option or command without repeating what looks like a value", () => {
    expect(() => parseCommandLine(["plan", "--vualt", "x"], {})).toThrow("Unknown option: --vualt");
    expect(() => parseCommandLine(["plan", "--Sup3r$ecret"], {})).toThrow(/^Unknown option: an option$/);
    expect(() => parseCommandLine(["plan", "-p"], {})).toThrow("Unknown option: a short option");
    expect(() => parseCommandLine(["deploy"], {})).toThrow("Unknown command 'deploy': the commands are plan and apply");
    expect(() => parseCommandLine(["p@ss-w0rd!"], {})).toThrow(/^Unknown command: the commands/);
    expect(() => parseCommandLine([], {})).toThrow("No command given");
    expect(() => parseCommandLine(["plan", "--vault"], {})).toThrow("Invalid option --vault: needs a value");
    expect(() => parseCommandLine(["plan", "--prune=yes"], {})).toThrow("Invalid option --prune: takes no value");
    expect(() => parseCommandLine(["plan", "stray-value"], {})).toThrow("Unexpected argument after 'plan'");
  });
});

describe("readSettings: the Action's rules, named as options", () => {
  it("makes plan a dry run and apply a write, with the Action's defaults", async () => {
    const plan = await settings(["plan", ...BASE, "--auth", "azure-cli"]);
    expect(plan.inputs.dryRun).toBe(true);
    expect(plan.inputs.concurrency).toBe(DEFAULT_CONCURRENCY);
    expect(plan.inputs.vaultUrl).toBe("https://my-vault.vault.azure.net");
    expect((await settings(["apply", ...BASE, "--auth", "azure-cli"])).inputs.dryRun).toBe(false);
  });

  it("reports problems by option name, the first with the others in the hint", async () => {
    const error = await settings(["plan", ...BASE, "--prefix", "shop_", "--concurrency", "0", "--auth", "azure-cli"]).then(
      () => undefined,
      (caught: unknown) => caught as Error & { hint?: string },
    );
    expect(error?.message).toBe(
      "Invalid option --prefix: may contain only letters, digits and hyphens (Key Vault secret names allow nothing else); character 5 is none of these",
    );
    expect(error?.hint).toContain("Also invalid: option --concurrency: must be a whole number from 1 to 64");
    await expect(settings(["plan", ...BASE, "--tags", "managed-by=x", "--auth", "azure-cli"])).rejects.toThrow(
      "Invalid option --tags: tag 1 uses 'managed-by'",
    );
    await expect(settings(["plan", ...BASE, "--auth", "password"])).rejects.toThrow(
      "Invalid option --auth: must be one of auto, oidc, token-file",
    );
  });

  it("needs a source, and an owner outside GitHub Actions", async () => {
    await expect(settings(["plan", "--vault", "my-vault", "--owner", "me", "--auth", "azure-cli"])).rejects.toThrow(
      "Invalid option --env-file: is not set, and neither is --secrets-file",
    );
    const noOwner = ["plan", "--vault", "my-vault", "--env-file", ".env", "--auth", "azure-cli"];
    await expect(settings(noOwner, { GITHUB_REPOSITORY: "octo-org/octo-repo" })).rejects.toThrow("Invalid option --owner: is required");
    expect((await settings(noOwner, { GITHUB_ACTIONS: "true", GITHUB_REPOSITORY: "octo-org/octo-repo" })).inputs.owner).toBe(
      "octo-org/octo-repo",
    );
  });

  it("needs both IDs for a federated sign-in, from the options or AZURE_TENANT_ID / AZURE_CLIENT_ID", async () => {
    await expect(settings(["plan", ...BASE, "--auth", "token-file"])).rejects.toThrow(
      "Invalid option --tenant-id: is required to sign in with --auth token-file",
    );
    const ok = await settings(["plan", ...BASE, "--auth", "token-file"], { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT });
    expect(ok.signIn).toMatchObject({ auth: "token-file", tenantId: TENANT, clientId: CLIENT });
    const pipelines = await settings(["plan", ...BASE], {
      SYSTEM_OIDCREQUESTURI: "https://dev.azure.com/o",
      AZURESUBSCRIPTION_SERVICE_CONNECTION_ID: "sc-1",
      AZURESUBSCRIPTION_TENANT_ID: TENANT,
      AZURESUBSCRIPTION_CLIENT_ID: CLIENT,
    });
    expect(pipelines.signIn).toMatchObject({ auth: "azure-pipelines", tenantId: TENANT, clientId: CLIENT, serviceConnectionId: "sc-1" });
    await expect(settings(["plan", ...BASE, "--federated-token-env", "NOT-A-NAME"])).rejects.toThrow(
      "Invalid option --federated-token-env: must be an environment variable's name",
    );
  });

  it("reads --secrets-file through the given reader and passes its JSON on as the Action's secrets", async () => {
    const parsed = parse(["plan", "--vault", "my-vault", "--secrets-file", "s.json", "--owner", "me", "--auth", "azure-cli"]);
    const read = await readSettings(
      parsed.command,
      parsed.values,
      {},
      { readSecretsFile: (path) => Promise.resolve(path === "s.json" ? '{"A":"b"}' : "") },
    );
    expect(read.inputs.secretsJson).toBe('{"A":"b"}');
  });
});

describe("detectAuthMode", () => {
  const cases: Array<[string, Record<string, string>, string | undefined, string | undefined, string]> = [
    [
      "GitHub OIDC first",
      { ACTIONS_ID_TOKEN_REQUEST_URL: "u", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t", AZURE_FEDERATED_TOKEN_FILE: "/f" },
      "TOKEN",
      undefined,
      "oidc",
    ],
    ["a named token variable", { AZURE_FEDERATED_TOKEN_FILE: "/f" }, "TOKEN", undefined, "token-env"],
    ["a token file", { AZURE_FEDERATED_TOKEN_FILE: "/f", IDENTITY_ENDPOINT: "http://x" }, undefined, undefined, "token-file"],
    [
      "Azure Pipelines with a service connection",
      { SYSTEM_OIDCREQUESTURI: "https://dev.azure.com/x", IDENTITY_ENDPOINT: "http://x" },
      undefined,
      "sc",
      "azure-pipelines",
    ],
    ["Azure Pipelines without one falls through", { SYSTEM_OIDCREQUESTURI: "https://dev.azure.com/x" }, undefined, undefined, "azure-cli"],
    ["a managed identity endpoint", { IDENTITY_ENDPOINT: "http://x", IDENTITY_HEADER: "h" }, undefined, undefined, "managed-identity"],
    ["nothing: the Azure CLI", {}, undefined, undefined, "azure-cli"],
  ];
  it.each(cases)("%s", (_name, env, tokenEnv, connection, expected) => {
    expect(detectAuthMode(env, tokenEnv, connection).auth).toBe(expected);
  });
});
