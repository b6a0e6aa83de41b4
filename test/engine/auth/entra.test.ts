import type { AccessToken, TokenCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { TENANT, CLIENT, PUBLIC_CLOUD, CLAIMS, CONTEXT, entraError, makeJwt } from "./sign-in-fixtures.ts";
import {
  ASSERTION_REUSE_MS,
  createAssertionSource,
  createCredential,
  verifySignIn,
  wrapCredential,
} from "../../../src/engine/auth/entra.ts";
import { SignInError, explainAuthError } from "../../../src/engine/auth/sign-in-errors.ts";
import type { HttpGet } from "../../../src/engine/auth/github-oidc.ts";

describe("createAssertionSource", () => {
  function tokenService(subjects: string[]) {
    const issued: string[] = [];
    const httpGet: HttpGet = async () => {
      const sub = subjects[Math.min(issued.length, subjects.length - 1)]!;
      const token = makeJwt({
        iss: CLAIMS.iss,
        sub,
        aud: CLAIMS.aud,
        environment: "production",
        job_workflow_ref: "o/r/.github/workflows/d.yml@refs/heads/main",
        exp: 2_000_000_000,
        n: issued.length,
      });
      issued.push(token);
      return { status: 200, body: JSON.stringify({ value: token }) };
    };
    return { httpGet, issued };
  }

  const env = {
    GITHUB_ACTIONS: "true",
    ACTIONS_ID_TOKEN_REQUEST_URL: "https://t.example/idtoken?api-version=2.0",
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: "rt",
  };

  it("reuses a token for its first minute, then fetches a fresh one, and masks each one", async () => {
    const { httpGet, issued } = tokenService(["repo:o/r:environment:production"]);
    const masked: string[] = [];
    let clock = 1_700_000_000_000;
    const source = createAssertionSource({
      audience: "aud",
      env,
      log: () => {},
      mask: (secret) => masked.push(secret),
      oidc: { httpGet },
      now: () => clock,
    });
    const [first, concurrent] = await Promise.all([source.getAssertion(), source.getAssertion()]);
    clock += ASSERTION_REUSE_MS - 1;
    const reused = await source.getAssertion();
    expect(issued).toHaveLength(1);
    expect([concurrent, reused]).toEqual([first, first]);
    clock += 1;
    const second = await source.getAssertion();
    expect(issued).toHaveLength(2);
    expect(second).toBe(issued[1]);
    expect(second).not.toBe(first);
    expect(masked).toEqual(expect.arrayContaining(issued));
  });

  it("does not reuse a token that expires within the minute", async () => {
    let clock = 1_700_000_000_000;
    const issued: string[] = [];
    const httpGet: HttpGet = async () => {
      const token = makeJwt({
        iss: CLAIMS.iss,
        sub: "repo:o/r:ref:refs/heads/main",
        aud: CLAIMS.aud,
        exp: Math.floor(clock / 1000) + 30,
        n: issued.length,
      });
      issued.push(token);
      return { status: 200, body: JSON.stringify({ value: token }) };
    };
    const source = createAssertionSource({ audience: "aud", env, log: () => {}, mask: () => {}, oidc: { httpGet }, now: () => clock });
    await source.getAssertion();
    clock += 1000;
    await source.getAssertion();
    expect(issued).toHaveLength(2);
  });

  it("logs the presented claims once per subject, never the token", async () => {
    const { httpGet, issued } = tokenService([
      "repo:o/r:environment:staging",
      "repo:o/r:environment:staging",
      "repo:o/r:environment:production",
    ]);
    const logs: string[] = [];
    // A minute apart, so each call fetches a new token.
    let clock = 1_700_000_000_000;
    const source = createAssertionSource({
      audience: "aud",
      env,
      log: (message) => logs.push(message),
      mask: () => {},
      oidc: { httpGet },
      now: () => (clock += ASSERTION_REUSE_MS),
    });
    await source.getAssertion();
    expect(logs).toHaveLength(1);
    await source.getAssertion();
    expect(logs).toHaveLength(1);
    await source.getAssertion();
    expect(logs).toHaveLength(2);
    expect(logs[0]).toContain("sub: repo:o/r:environment:staging");
    expect(logs[0]).toContain(`iss: ${CLAIMS.iss}`);
    expect(logs[0]).toContain("aud: api://AzureADTokenExchange");
    expect(logs[0]).toContain("job_workflow_ref: o/r/.github/workflows/d.yml@refs/heads/main");
    expect(logs[1]).toContain("sub: repo:o/r:environment:production");
    for (const token of issued) for (const log of logs) expect(log).not.toContain(token);
    expect(source.claims?.sub).toBe("repo:o/r:environment:production");
  });
});

describe("createCredential", () => {
  const base = {
    tenantId: TENANT,
    clientId: CLIENT,
    cloud: PUBLIC_CLOUD,
    audience: "api://AzureADTokenExchange",
    log: () => {},
    mask: () => {},
  };

  it("explains a job without id-token permission when a token is requested", async () => {
    const credential = createCredential({ ...base, auth: "oidc", env: { GITHUB_ACTIONS: "true", GITHUB_EVENT_NAME: "push" } });
    const error = (await credential.getToken("https://vault.azure.net/.default").catch((e: unknown) => e)) as SignInError;
    expect(error).toBeInstanceOf(SignInError);
    expect(error.code).toBe("oidc-unavailable");
    expect(error.message).toMatch(
      new RegExp(`^Failed to sign in to Microsoft Entra ID as ${CLIENT} in tenant ${TENANT}: No GitHub OIDC token`),
    );
    expect(error.hint).toContain("id-token: write");
  });

  it("refuses oidc without a tenant or client ID", () => {
    expect(() => createCredential({ ...base, tenantId: undefined, auth: "oidc", env: {} })).toThrow(SignInError);
  });
});

describe("wrapCredential", () => {
  function fakeCredential(results: Array<AccessToken | Error | null>): TokenCredential & { calls: number } {
    const fake = {
      calls: 0,
      async getToken() {
        const result = results[Math.min(fake.calls, results.length - 1)];
        fake.calls += 1;
        if (result instanceof Error) throw result;
        return result ?? null;
      },
    };
    return fake;
  }

  it("masks each new access token once", async () => {
    const masked: string[] = [];
    const a = { token: "access-a", expiresOnTimestamp: 1 };
    const b = { token: "access-b", expiresOnTimestamp: 2 };
    const credential = wrapCredential(fakeCredential([a, a, b]), { context: CONTEXT, mask: (secret) => masked.push(secret) });
    await credential.getToken("s");
    await credential.getToken("s");
    await credential.getToken("s");
    expect(masked).toEqual(["access-a", "access-b"]);
  });

  it("explains failures with the claims presented so far", async () => {
    const claims = { ...CLAIMS, sub: "repo:x/y:pull_request" };
    const credential = wrapCredential(fakeCredential([entraError(700213, "subject mismatch")]), {
      context: { ...CONTEXT, claims: undefined },
      mask: () => {},
      readClaims: () => claims,
    });
    const error = (await credential.getToken("s").catch((e: unknown) => e)) as SignInError;
    expect(error.code).toBe("AADSTS700213");
    expect(error.hint).toContain("repo:x/y:pull_request");
    expect(credential.presentedClaims).toBe(claims);
  });
});

describe("verifySignIn", () => {
  const token = { token: "access", expiresOnTimestamp: 1 };

  function sequence(results: Array<AccessToken | Error | null>) {
    let calls = 0;
    const credential: TokenCredential = {
      async getToken() {
        const result = results[Math.min(calls, results.length - 1)];
        calls += 1;
        if (result instanceof Error) throw result;
        return result ?? null;
      },
    };
    return { credential, calls: () => calls };
  }

  const propagation = () => explainAuthError(entraError(70021, "No matching federated identity record found", "invalid_request"), CONTEXT);

  it("retries AADSTS70021 a bounded number of times with growing pauses", async () => {
    const sleeps: number[] = [];
    const { credential, calls } = sequence([propagation(), propagation(), token]);
    await verifySignIn(credential, "https://vault.azure.net/.default", {
      sleep: async (ms) => void sleeps.push(ms),
      attempts: 3,
      retryDelayMs: 100,
    });
    expect(calls()).toBe(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it("stops retrying AADSTS70021 after the last attempt", async () => {
    const { credential, calls } = sequence([propagation()]);
    const error = (await verifySignIn(credential, "s", { sleep: async () => {}, attempts: 2 }).catch((e: unknown) => e)) as SignInError;
    expect(calls()).toBe(2);
    expect(error.code).toBe("AADSTS70021");
  });

  it("does not retry other sign-in failures", async () => {
    const sleeps: number[] = [];
    const { credential, calls } = sequence([explainAuthError(entraError(700213, "subject"), CONTEXT), token]);
    await expect(verifySignIn(credential, "s", { sleep: async (ms) => void sleeps.push(ms) })).rejects.toBeInstanceOf(SignInError);
    expect(calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("explains raw errors of a foreign credential with the given context", async () => {
    const { credential } = sequence([entraError(700016, "not found")]);
    const error = (await verifySignIn(credential, "s", { context: CONTEXT }).catch((e: unknown) => e)) as SignInError;
    expect(error).toBeInstanceOf(SignInError);
    expect(error.code).toBe("AADSTS700016");
  });

  it("fails when the credential returns no token", async () => {
    const { credential } = sequence([null]);
    await expect(verifySignIn(credential, "s")).rejects.toThrow("returned no token");
  });
});
