/**
 * Sign-in against the local Azure: the real Azure SDK, the real GitHub token request and Entra's
 * federated-credential check, through the proxy under the real host names.
 */
import { CLOUDS } from "../../../src/engine/clouds.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCredential, verifySignIn } from "../../../src/engine/auth/entra.ts";
import { SignInError } from "../../../src/engine/auth/sign-in-errors.ts";
import { cloudEnv, startCloud, trustCloudInProcess } from "../../../local-azure/index.ts";
import type { Cloud } from "../../../local-azure/index.ts";

const PUBLIC_CLOUD = CLOUDS.public;
const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"] as const;

describe("signing in with the GitHub OIDC token", () => {
  let cloud: Cloud;
  const savedEnv: Record<string, string | undefined> = {};

  beforeAll(async () => {
    cloud = await startCloud();
    trustCloudInProcess(cloud.info);
    const env = cloudEnv(cloud.info);
    for (const name of PROXY_VARIABLES) {
      savedEnv[name] = process.env[name];
      process.env[name] = env[name];
    }
  });

  afterAll(async () => {
    for (const name of PROXY_VARIABLES) {
      if (savedEnv[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = savedEnv[name];
    }
    await cloud?.stop();
  });

  function signIn(subject: string) {
    cloud.world.github.subject = subject;
    const logs: string[] = [];
    const masked: string[] = [];
    const credential = createCredential({
      auth: "oidc",
      tenantId: cloud.info.tenantId,
      clientId: cloud.info.clientId,
      cloud: PUBLIC_CLOUD,
      audience: PUBLIC_CLOUD.audience,
      env: { ...cloudEnv(cloud.info), GITHUB_ACTIONS: "true" },
      log: (message) => logs.push(message),
      mask: (secret) => masked.push(secret),
    });
    return { credential, logs, masked };
  }

  it("gets an access token when a federated credential matches, masking both tokens", async () => {
    const { credential, logs, masked } = signIn("repo:octo-org/octo-repo:environment:production");
    await verifySignIn(credential, PUBLIC_CLOUD.vaultScope);
    expect(logs.join("\n")).toContain("sub: repo:octo-org/octo-repo:environment:production");
    expect(credential.presentedClaims?.iss).toBe("https://token.actions.githubusercontent.com");
    // The runner's request token, the GitHub token and the access token.
    expect(masked.length).toBeGreaterThanOrEqual(3);
    for (const secret of masked) expect(logs.join("\n")).not.toContain(secret);
  });

  it("explains a subject mismatch with the presented subject and the credential to create", async () => {
    const { credential, masked } = signIn("repo:octo-org/octo-repo:environment:staging");
    const error = (await verifySignIn(credential, PUBLIC_CLOUD.vaultScope, { sleep: async () => {} }).catch(
      (e: unknown) => e,
    )) as SignInError;
    expect(error).toBeInstanceOf(SignInError);
    expect(error.code).toBe("AADSTS700213");
    expect(error.message).toContain(`as ${cloud.info.clientId} in tenant ${cloud.info.tenantId}`);
    expect(error.message).toContain("repo:octo-org/octo-repo:environment:staging");
    expect(error.hint).toContain(`az ad app federated-credential create --id ${cloud.info.clientId}`);
    expect(error.hint).toContain('"subject":"repo:octo-org/octo-repo:environment:staging"');
    for (const secret of masked) {
      expect(error.message).not.toContain(secret);
      expect(error.hint).not.toContain(secret);
    }
  });

  it("waits out a federated credential that is still propagating", async () => {
    const app = cloud.world.apps[0]!;
    const fic = {
      name: "octo-repo-review",
      issuer: "https://token.actions.githubusercontent.com",
      subject: "repo:octo-org/octo-repo:environment:review",
      audiences: ["api://AzureADTokenExchange"],
      createdAt: new Date().toISOString(),
      propagationMs: 3_600_000,
    };
    app.federatedCredentials.push(fic);
    const { credential } = signIn("repo:octo-org/octo-repo:environment:review");
    let pauses = 0;
    // The injected pause stands for the minutes Entra needs: during it the credential "arrives".
    const sleep = async () => {
      pauses += 1;
      if (pauses === 2) fic.createdAt = new Date(0).toISOString();
    };
    await verifySignIn(credential, PUBLIC_CLOUD.vaultScope, { sleep, attempts: 3 });
    expect(pauses).toBe(2);
  });

  it("says when the application has no federated credentials at all", async () => {
    const app = cloud.world.apps[0]!;
    const saved = app.federatedCredentials;
    app.federatedCredentials = [];
    try {
      const { credential } = signIn("repo:octo-org/octo-repo:environment:production");
      const error = (await verifySignIn(credential, PUBLIC_CLOUD.vaultScope).catch((e: unknown) => e)) as SignInError;
      expect(error.code).toBe("AADSTS70025");
      expect(error.hint).toContain('"subject":"repo:octo-org/octo-repo:environment:production"');
    } finally {
      app.federatedCredentials = saved;
    }
  });
});
