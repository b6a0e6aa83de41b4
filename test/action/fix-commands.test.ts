import { describe, expect, it } from "vitest";
import { splitHint, wrapCommand } from "../../src/action/fix-commands.ts";

describe("splitHint", () => {
  it.each([
    [
      "a command after a colon, ending at the sentence",
      `Grant it: az role assignment create --role "Key Vault Secrets Officer" --scope "$(az keyvault show --name v --query id -o tsv)". It can take minutes.`,
      [
        { kind: "text", text: "Grant it: " },
        {
          kind: "command",
          text: `az role assignment create --role "Key Vault Secrets Officer" --scope "$(az keyvault show --name v --query id -o tsv)"`,
        },
        { kind: "text", text: ". It can take minutes." },
      ],
    ],
    [
      "a command in parentheses",
      "Enable it (az keyvault secret set-attributes --vault-name v --name n --enabled true) or remove it.",
      [
        { kind: "text", text: "Enable it (" },
        { kind: "command", text: "az keyvault secret set-attributes --vault-name v --name n --enabled true" },
        { kind: "text", text: ") or remove it." },
      ],
    ],
    [
      "a command followed by an aside",
      "allow it: az keyvault network-rule add --name v --ip-address <runner-ip> (addresses change).",
      [
        { kind: "text", text: "allow it: " },
        { kind: "command", text: "az keyvault network-rule add --name v --ip-address <runner-ip>" },
        { kind: "text", text: " (addresses change)." },
      ],
    ],
    [
      "an indented command line with quoted JSON",
      `Create one:\n  az ad app federated-credential create --id c --parameters '{"a":"b. c"}'\nThen re-run.`,
      [
        { kind: "text", text: "Create one:\n  " },
        { kind: "command", text: `az ad app federated-credential create --id c --parameters '{"a":"b. c"}'` },
        { kind: "text", text: "\nThen re-run." },
      ],
    ],
    [
      "inline code, which is not a command to copy",
      "Run azure/login (or `az login`) first.",
      [
        { kind: "text", text: "Run azure/login (or " },
        { kind: "code", text: "az login" },
        { kind: "text", text: ") first." },
      ],
    ],
    ["no command", "Run the sync again in a minute.", [{ kind: "text", text: "Run the sync again in a minute." }]],
  ])("finds %s", (_name, hint, expected) => {
    expect(splitHint(hint)).toEqual(expected);
  });
});

describe("wrapCommand", () => {
  it("leaves a short command on one line", () => {
    expect(wrapCommand("az keyvault secret recover --vault-name v --name n")).toBe("az keyvault secret recover --vault-name v --name n");
  });

  it("wraps a long one before each option, keeping quoted words and $(…) whole", () => {
    const command = `az role assignment create --role "Key Vault Secrets Officer" --assignee 5b1f6f2e-2a53-4c1e-8f0d-6e7a9c3b1d42 --scope "$(az keyvault show --name v --query id -o tsv)"`;
    expect(wrapCommand(command)).toBe(
      [
        "az role assignment create \\",
        '  --role "Key Vault Secrets Officer" \\',
        "  --assignee 5b1f6f2e-2a53-4c1e-8f0d-6e7a9c3b1d42 \\",
        '  --scope "$(az keyvault show --name v --query id -o tsv)"',
      ].join("\n"),
    );
  });

  it("spreads a long single-quoted JSON argument over lines, which leaves the argument's JSON the same", () => {
    const parameters = {
      name: "github-octo-repo-production",
      issuer: "https://token.actions.githubusercontent.com",
      subject: "repo:o/r:environment:production",
    };
    const wrapped = wrapCommand(`az ad app federated-credential create --id c --parameters '${JSON.stringify(parameters)}'`);
    expect(wrapped.split("\n").every((line) => line.length <= 80)).toBe(true);
    expect(JSON.parse(/--parameters '([^']*)'/.exec(wrapped)?.[1] ?? "")).toEqual(parameters);
  });

  it("keeps an escaped quote inside double quotes", () => {
    const command = `az thing create --name "a \\" --not-an-option" --description "${"x".repeat(70)}"`;
    expect(wrapCommand(command).split(" \\\n  ")).toEqual([
      "az thing create",
      `--name "a \\" --not-an-option"`,
      `--description "${"x".repeat(70)}"`,
    ]);
  });
});
