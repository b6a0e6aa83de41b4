import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSecretsJson } from "../../../src/engine/sources/secrets-json.ts";

// The README's "explicit object" form of the `secrets` input, with each `${{ toJSON(secrets.NAME) }}`
// replaced as the runner does it: by the value as a JSON string.
const readme = readFileSync("README.md", "utf8");
const snippet = /# only the secrets named here reach the action\n\s*secrets: \|\n((?:\s+.*\n)+?)```/.exec(readme)?.[1] ?? "";

function expand(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{\{ toJSON\(secrets\.(\w+)\) \}\}/g, (_, name: string) => JSON.stringify(values[name] ?? ""));
}

describe("the README's explicit secrets object", () => {
  it("names each secret once, as toJSON(secrets.NAME)", () => {
    expect(snippet.match(/toJSON\(secrets\.\w+\)/g)).toEqual(["toJSON(secrets.DB_PASSWORD)", "toJSON(secrets.API_KEY)"]);
  });

  it.each([
    ["quotes and backslashes", 'p"a\\ss'],
    ["line breaks", "line 1\nline 2\r\n"],
    ["a would-be extra entry", 'x", "OTHER": "y'],
  ])("keeps a value with %s whole, and adds no entry", (_, value) => {
    const entries = parseSecretsJson(expand(snippet, { DB_PASSWORD: value, API_KEY: "k-123" }));
    expect(entries.map((entry) => [entry.key, entry.value])).toEqual([
      ["DB_PASSWORD", value],
      ["API_KEY", "k-123"],
    ]);
  });

  it("turns an undefined secret into an empty value", () => {
    const entries = parseSecretsJson(expand(snippet, { API_KEY: "k-123" }));
    expect(entries.find((entry) => entry.key === "DB_PASSWORD")?.value).toBe("");
  });

  it("is needed: the quoted form lets a value add an entry", () => {
    const quoted = snippet.replace(/\$\{\{ toJSON\(secrets\.(\w+)\) \}\}/g, '"${{ secrets.$1 }}"');
    const text = quoted.replace(/\$\{\{ secrets\.(\w+) \}\}/g, (_, name: string) => (name === "DB_PASSWORD" ? 'x", "OTHER": "y' : "k-123"));
    expect(parseSecretsJson(text).map((entry) => entry.key)).toContain("OTHER");
  });
});
