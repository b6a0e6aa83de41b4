import { readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

// .env.example feeds `npm run local-action`; a renamed input must not leave it setting nothing.
describe(".env.example", () => {
  const settings = parseDotenv(readFileSync(".env.example"));
  const inputs = Object.keys((parseYaml(readFileSync("action.yml", "utf8")) as { inputs: Record<string, unknown> }).inputs);

  it("sets only inputs that action.yml declares, under the runner's variable names", () => {
    const names = Object.keys(settings).filter((key) => key.startsWith("INPUT_"));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(inputs.map((input) => `INPUT_${input.toUpperCase()}`)).toContain(name);
  });

  it("leaves the connection to the local Azure to the script", () => {
    for (const key of ["INPUT_TENANT-ID", "INPUT_CLIENT-ID", "HTTPS_PROXY", "NODE_EXTRA_CA_CERTS", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"]) {
      expect(settings).not.toHaveProperty(key);
    }
    expect(JSON.parse(settings.INPUT_SECRETS ?? "")).toEqual({ API_KEY: "local-test-key", DB_PASSWORD: "local-test-password" });
  });
});
