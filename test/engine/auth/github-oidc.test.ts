import { createServer } from "node:http";
import type { IncomingMessage, Server } from "node:http";
import { connect } from "node:net";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SyncError } from "../../../src/engine/errors.ts";
import { fetchGitHubIdToken, readTokenClaims, redactJwts } from "../../../src/engine/auth/github-oidc.ts";
import type { HttpGet, HttpResponse } from "../../../src/engine/auth/github-oidc.ts";
import type { Env } from "../../../src/engine/env.ts";

const REQUEST_URL = "https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0";
const REQUEST_TOKEN = "runner-request-token-1234";
const OIDC_ENV: Env = {
  GITHUB_ACTIONS: "true",
  ACTIONS_ID_TOKEN_REQUEST_URL: REQUEST_URL,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
};

function makeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "RS256", typ: "JWT" })}.${encode(claims)}.c2lnbmF0dXJl`;
}

/** An HttpGet that answers from a script and records what it was asked. */
function scriptedGet(answers: Array<HttpResponse | Error>) {
  const calls: Array<{ url: string; headers: Readonly<Record<string, string>>; timeoutMs: number }> = [];
  const httpGet: HttpGet = async (url, headers, timeoutMs) => {
    calls.push({ url, headers, timeoutMs });
    const answer = answers.shift();
    if (answer === undefined) throw new Error("no scripted answer left");
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { httpGet, calls };
}

function recordSleeps() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

describe("fetchGitHubIdToken", () => {
  const token = makeJwt({ sub: "repo:octo-org/octo-repo:environment:production" });

  it("asks for the audience with the request token and returns the token", async () => {
    const { httpGet, calls } = scriptedGet([{ status: 200, body: JSON.stringify({ value: token }) }]);
    const result = await fetchGitHubIdToken("api://AzureADTokenExchange", OIDC_ENV, { httpGet });
    expect(result).toBe(token);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${REQUEST_URL}&audience=api%3A%2F%2FAzureADTokenExchange`);
    expect(calls[0]!.headers["Authorization"]).toBe(`Bearer ${REQUEST_TOKEN}`);
    expect(calls[0]!.timeoutMs).toBeGreaterThan(0);
  });

  it("starts the query string when the request URL has none", async () => {
    const { httpGet, calls } = scriptedGet([{ status: 200, body: JSON.stringify({ value: token }) }]);
    await fetchGitHubIdToken("aud", { ...OIDC_ENV, ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.example/idtoken" }, { httpGet });
    expect(calls[0]!.url).toBe("https://token.example/idtoken?audience=aud");
  });

  it("masks the request token and the new token before returning it", async () => {
    const masked: string[] = [];
    const { httpGet } = scriptedGet([{ status: 200, body: JSON.stringify({ value: token }) }]);
    await fetchGitHubIdToken("aud", OIDC_ENV, { httpGet, mask: (secret) => masked.push(secret) });
    expect(masked).toEqual([REQUEST_TOKEN, token]);
  });

  it("retries network errors and 5xx with growing pauses", async () => {
    const { sleeps, sleep } = recordSleeps();
    const { httpGet, calls } = scriptedGet([
      new Error("socket hang up"),
      { status: 503, body: "" },
      { status: 200, body: JSON.stringify({ value: token }) },
    ]);
    await expect(fetchGitHubIdToken("aud", OIDC_ENV, { httpGet, sleep })).resolves.toBe(token);
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it.each([400, 401, 403, 404])("does not retry HTTP %i", async (status) => {
    const { sleeps, sleep } = recordSleeps();
    const { httpGet, calls } = scriptedGet([
      { status, body: "{}" },
      { status: 200, body: JSON.stringify({ value: token }) },
    ]);
    await expect(fetchGitHubIdToken("aud", OIDC_ENV, { httpGet, sleep })).rejects.toThrow(`HTTP ${status}`);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("gives up after maxAttempts and says why, without the request token", async () => {
    const { sleep } = recordSleeps();
    const { httpGet, calls } = scriptedGet([
      { status: 502, body: "" },
      { status: 500, body: "" },
    ]);
    const error = await fetchGitHubIdToken("aud", OIDC_ENV, { httpGet, sleep, maxAttempts: 2 }).catch((e: unknown) => e);
    expect(calls).toHaveLength(2);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toContain("after 2 attempts");
    expect((error as SyncError).message).toContain("HTTP 500");
    expect((error as SyncError).message).not.toContain(REQUEST_TOKEN);
    expect((error as SyncError).hint).toBeTruthy();
  });

  it("refuses an answer without a token", async () => {
    const { httpGet } = scriptedGet([{ status: 200, body: JSON.stringify({ count: 1 }) }]);
    await expect(fetchGitHubIdToken("aud", OIDC_ENV, { httpGet })).rejects.toThrow("holds no token");
  });

  it("shows the service's error message with any token removed", async () => {
    const leaked = makeJwt({ sub: "x" });
    const { httpGet } = scriptedGet([{ status: 400, body: JSON.stringify({ message: `bad request for ${leaked}` }) }]);
    const error = (await fetchGitHubIdToken("aud", OIDC_ENV, { httpGet }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("bad request for [token]");
    expect(error.message).not.toContain(leaked);
  });

  it("explains a missing permission without making a request", async () => {
    const { httpGet, calls } = scriptedGet([]);
    const error = (await fetchGitHubIdToken("aud", { GITHUB_ACTIONS: "true", GITHUB_EVENT_NAME: "push" }, { httpGet }).catch(
      (e: unknown) => e,
    )) as SyncError;
    expect(calls).toHaveLength(0);
    expect(error).toBeInstanceOf(SyncError);
    expect(error.hint).toContain("id-token: write");
  });
});

describe("fetchGitHubIdToken's default transport", () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  const savedEnv = { ...process.env };

  afterEach(async () => {
    for (const key of ["http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY"]) {
      if (savedEnv[key] === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = savedEnv[key];
    }
    for (const socket of sockets.splice(0)) socket.destroy();
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function listen(server: Server): Promise<number> {
    servers.push(server);
    server.on("connection", (socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  }

  /** A CONNECT proxy that sends every tunnel to `targetPort` on loopback, whatever host was asked for. */
  async function startProxy(targetPort: number, tunnels: string[]): Promise<number> {
    const proxy = createServer();
    proxy.on("connect", (request: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels.push(request.url ?? "");
      const upstream = connect(targetPort, "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.push(upstream);
    });
    return listen(proxy);
  }

  it("goes through the proxy named in the environment", async () => {
    const token = makeJwt({ sub: "repo:octo-org/octo-repo:ref:refs/heads/main" });
    const seen: Array<{ url: string | undefined; authorization: string | undefined; host: string | undefined }> = [];
    const tokenService = createServer((request, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization, host: request.headers.host });
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ value: token }));
    });
    const servicePort = await listen(tokenService);
    const tunnels: string[] = [];
    const proxyPort = await startProxy(servicePort, tunnels);
    process.env["http_proxy"] = `http://127.0.0.1:${proxyPort}`;
    delete process.env["no_proxy"];
    delete process.env["NO_PROXY"];

    const env = { ...OIDC_ENV, ACTIONS_ID_TOKEN_REQUEST_URL: "http://token.actions.test/idtoken?api-version=2.0" };
    await expect(fetchGitHubIdToken("api://AzureADTokenExchange", env)).resolves.toBe(token);
    expect(tunnels).toEqual(["token.actions.test:80"]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe("/idtoken?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange");
    expect(seen[0]!.authorization).toBe(`Bearer ${REQUEST_TOKEN}`);
    expect(seen[0]!.host).toMatch(/^token\.actions\.test(:80)?$/);
  });

  it("gives up on a token service that never answers", async () => {
    const silent = createServer(() => {});
    const port = await listen(silent);
    const env = { ...OIDC_ENV, ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/idtoken?api-version=2.0` };
    await expect(fetchGitHubIdToken("aud", env, { timeoutMs: 200, maxAttempts: 1 })).rejects.toThrow("after 1 attempts");
  });
});

describe("readTokenClaims", () => {
  it("keeps the non-secret claims and drops the rest", () => {
    const jwt = makeJwt({
      iss: "https://token.actions.githubusercontent.com",
      sub: "repo:octo-org/octo-repo:environment:production",
      aud: "api://AzureADTokenExchange",
      environment: "production",
      job_workflow_ref: "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main",
      ref: "refs/heads/main",
      repository: "octo-org/octo-repo",
      repository_id: "222",
      repository_owner: "octo-org",
      repository_owner_id: 111,
      event_name: "push",
      exp: 1755351553,
      iat: 1755351253,
      jti: "unique-id",
      actor: "octocat",
    });
    expect(readTokenClaims(jwt)).toEqual({
      iss: "https://token.actions.githubusercontent.com",
      sub: "repo:octo-org/octo-repo:environment:production",
      aud: "api://AzureADTokenExchange",
      environment: "production",
      job_workflow_ref: "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main",
      ref: "refs/heads/main",
      repository: "octo-org/octo-repo",
      repository_id: "222",
      repository_owner: "octo-org",
      repository_owner_id: "111",
      event_name: "push",
      exp: 1755351553,
      iat: 1755351253,
    });
  });

  it("joins an audience list", () => {
    expect(readTokenClaims(makeJwt({ aud: ["a", "b"] })).aud).toBe("a, b");
  });

  it.each(["not-a-jwt", "a.b.c", "", `x.${Buffer.from("[1]").toString("base64url")}.y`])("refuses %j without echoing it", (input) => {
    const error = (() => {
      try {
        readTokenClaims(input);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SyncError);
    if (input) expect((error as Error).message).not.toContain(input);
  });
});

describe("redactJwts", () => {
  it("removes JWT-shaped text and keeps the rest", () => {
    const jwt = makeJwt({ sub: "x" });
    expect(redactJwts(`assertion ${jwt} rejected`)).toBe("assertion [token] rejected");
  });
});
