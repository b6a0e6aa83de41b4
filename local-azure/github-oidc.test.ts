import { createPublicKey, verify } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminPatch, adminPost, fetchThroughProxy, formatGitHubSubject, startCloud, type Cloud } from "./index.ts";
import { createDefaultGitHub } from "./world.ts";
import { decodeJwtPayload, fetchGitHubIdToken } from "./test-support.ts";

let cloud: Cloud;

beforeAll(async () => {
  cloud = await startCloud();
});

afterAll(async () => {
  await cloud?.stop();
});

beforeEach(() => {
  cloud.world.github = createDefaultGitHub();
});

describe("runner ID-token endpoint", () => {
  it("refuses a request without the job's bearer with 401", async () => {
    const wrong = await fetchThroughProxy(cloud.info, `${cloud.info.oidcRequestUrl}&audience=api%3A%2F%2FAzureADTokenExchange`, {
      headers: { authorization: "Bearer not-the-token" },
    });
    expect(wrong.status).toBe(401);
    const missing = await fetchThroughProxy(cloud.info, cloud.info.oidcRequestUrl);
    expect(missing.status).toBe(401);
  });

  it("answers {value} with a token for the asked audience and GitHub's claims", async () => {
    const before = Math.floor(Date.now() / 1000);
    const claims = decodeJwtPayload(await fetchGitHubIdToken(cloud.info, "api://AzureADTokenExchange"));
    expect(claims).toMatchObject({
      iss: "https://token.actions.githubusercontent.com",
      aud: "api://AzureADTokenExchange",
      sub: "repo:octo-org/octo-repo:environment:production",
      repository: "octo-org/octo-repo",
      repository_owner: "octo-org",
      environment: "production",
      event_name: "push",
      ref: "refs/heads/main",
      runner_environment: "github-hosted",
      job_workflow_ref: "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main",
    });
    for (const claim of ["jti", "sha", "repository_id", "repository_owner_id", "workflow", "run_id", "run_attempt", "actor"]) {
      expect(typeof claims[claim], claim).toBe("string");
    }
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.nbf).toBe(claims.iat);
    expect(claims.exp).toBe((claims.iat as number) + 300);
  });

  it("defaults the audience to https://github.com/<owner> when none is asked for", async () => {
    const response = await fetchThroughProxy(cloud.info, cloud.info.oidcRequestUrl, {
      headers: { authorization: `Bearer ${cloud.info.oidcRequestToken}` },
    });
    expect(decodeJwtPayload(response.json<{ value: string }>().value).aud).toBe("https://github.com/octo-org");
  });

  it("signs tokens with a key published in the issuer's JWKS, found through its OpenID configuration", async () => {
    const token = await fetchGitHubIdToken(cloud.info);
    const config = (
      await fetchThroughProxy(cloud.info, "https://token.actions.githubusercontent.com/.well-known/openid-configuration")
    ).json<{ issuer: string; jwks_uri: string }>();
    expect(config.issuer).toBe("https://token.actions.githubusercontent.com");
    const jwks = (await fetchThroughProxy(cloud.info, config.jwks_uri)).json<{
      keys: Array<{ kid: string; kty: string; n: string; e: string }>;
    }>();
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const { kid, alg } = JSON.parse(Buffer.from(header, "base64url").toString()) as { kid: string; alg: string };
    expect(alg).toBe("RS256");
    const jwk = jwks.keys.find((key) => key.kid === kid);
    expect(jwk).toBeDefined();
    const key = createPublicKey({ key: { kty: "RSA", n: jwk?.n ?? "", e: jwk?.e ?? "" }, format: "jwk" });
    expect(verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"))).toBe(true);
  });

  it("follows PATCH /github: subject, lifetime, extra claims and the request bearer", async () => {
    await adminPatch(cloud.info.adminUrl, "/github", {
      subject: "repo:octo-org/octo-repo:ref:refs/tags/v1.2.0",
      lifetimeSeconds: 60,
      claims: { actor: "hubot" },
      requestToken: "rotated",
    });
    const response = await fetchThroughProxy(cloud.info, `${cloud.info.oidcRequestUrl}&audience=x`, {
      headers: { authorization: "Bearer rotated" },
    });
    const claims = decodeJwtPayload(response.json<{ value: string }>().value);
    expect(claims).toMatchObject({
      sub: "repo:octo-org/octo-repo:ref:refs/tags/v1.2.0",
      ref: "refs/tags/v1.2.0",
      ref_type: "tag",
      actor: "hubot",
    });
    expect(claims).not.toHaveProperty("environment");
    expect((claims.exp as number) - (claims.iat as number)).toBe(60);
  });
});

describe("GitHub subjects", () => {
  it.each([
    [{ kind: "environment", name: "production" }, undefined, "repo:octo-org/octo-repo:environment:production"],
    [{ kind: "environment", name: "Production:V1" }, undefined, "repo:octo-org/octo-repo:environment:Production%3AV1"],
    [{ kind: "branch", name: "main" }, undefined, "repo:octo-org/octo-repo:ref:refs/heads/main"],
    [{ kind: "tag", name: "v1.0.0" }, undefined, "repo:octo-org/octo-repo:ref:refs/tags/v1.0.0"],
    [{ kind: "pull_request" }, undefined, "repo:octo-org/octo-repo:pull_request"],
    [
      { kind: "environment", name: "production" },
      { ownerId: "190000001", repositoryId: "880000002" },
      "repo:octo-org@190000001/octo-repo@880000002:environment:production",
    ],
    [{ kind: "branch", name: "main" }, { ownerId: "1", repositoryId: "2" }, "repo:octo-org@1/octo-repo@2:ref:refs/heads/main"],
  ] as const)("formats %j (ids %j) as %s", (context, ids, expected) => {
    expect(formatGitHubSubject("octo-org/octo-repo", context, ids)).toBe(expected);
  });

  it("derives the claims of a pull-request token from its subject", async () => {
    const claims = decodeJwtPayload(await cloud.mintGitHubToken({ subject: "repo:octo-org/octo-repo:pull_request" }));
    expect(claims).toMatchObject({ event_name: "pull_request", ref: "refs/pull/7/merge" });
  });

  it("decodes %3A in an environment subject into the environment claim", async () => {
    const claims = decodeJwtPayload(await cloud.mintGitHubToken({ subject: "repo:octo-org/octo-repo:environment:Production%3AV1" }));
    expect(claims.environment).toBe("Production:V1");
  });
});

describe("admin mint (POST /github/token)", () => {
  it("mints with overrides, including an already expired token", async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - 3600;
    const { value } = await adminPost<{ value: string }>(cloud.info.adminUrl, "/github/token", {
      subject: "repo:octo-org/octo-repo:environment:staging",
      audience: "api://AzureADTokenExchangeUSGov",
      issuedAt,
      lifetimeSeconds: 300,
      claims: { environment: "staging" },
    });
    expect(decodeJwtPayload(value)).toMatchObject({
      sub: "repo:octo-org/octo-repo:environment:staging",
      aud: "api://AzureADTokenExchangeUSGov",
      iat: issuedAt,
      exp: issuedAt + 300,
      environment: "staging",
    });
  });

  it("rejects an override of the wrong type with 400", async () => {
    await expect(adminPost(cloud.info.adminUrl, "/github/token", { lifetimeSeconds: "long" })).rejects.toMatchObject({ status: 400 });
  });
});
