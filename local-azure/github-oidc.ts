/**
 * The GitHub side of workload identity federation: the runner's ID-token request endpoint
 * (pipelines.actions.githubusercontent.com, what ACTIONS_ID_TOKEN_REQUEST_URL points at) and the
 * issuer's discovery documents (token.actions.githubusercontent.com) that Entra checks tokens
 * against.
 */
import { createHash, randomUUID, type KeyObject } from "node:crypto";
import { toJsonResponse } from "./json-response.ts";
import { createSigningKey, readClockSeconds, signJwt, toPublicJwk, type JwtClaims, type SigningKey } from "./jwt.ts";
import type { CloudRequest, CloudResponse, GitHubOidcConfig } from "./types.ts";
import { GITHUB_ISSUER } from "./world.ts";

export const GITHUB_RUNNER_HOST = "pipelines.actions.githubusercontent.com";
export const GITHUB_ISSUER_HOST = "token.actions.githubusercontent.com";
/** Shaped like the real one, which already carries its api-version (clients append `&audience=`). */
export const GITHUB_ID_TOKEN_REQUEST_URL = `https://${GITHUB_RUNNER_HOST}/local-runner/_apis/distributedtask/hubs/Actions/plans/7e57c10d-0000-4000-8000-000000000010/jobs/7e57c10d-0000-4000-8000-000000000011/idtoken?api-version=2.0`;

/** Numeric ids GitHub would assign; used in claims and in the ID-based subject form. */
export const DEFAULT_REPOSITORY_OWNER_ID = "190000001";
export const DEFAULT_REPOSITORY_ID = "880000002";

export type GitHubSubjectContext =
  { kind: "environment"; name: string } | { kind: "branch"; name: string } | { kind: "tag"; name: string } | { kind: "pull_request" };

export interface GitHubRepositoryIds {
  ownerId: string;
  repositoryId: string;
}

export interface MintGitHubTokenOptions {
  subject?: string;
  /** Defaults to https://github.com/<owner>, as GitHub does when no audience is asked for. */
  audience?: string;
  lifetimeSeconds?: number;
  /** Epoch seconds; set it in the past to get an expired token. */
  issuedAt?: number;
  issuer?: string;
  /** Merged over the configured claims. */
  claims?: Record<string, string | number | boolean>;
  /** "invalid" signs with a key the issuer never published, under the published kid. */
  signature?: "valid" | "invalid";
}

export interface GitHubOidc {
  issuer: string;
  requestUrl: string;
  /** Issuer keys by kid, what Entra verifies client assertions with. */
  keysByKid: ReadonlyMap<string, KeyObject>;
  mintToken(options?: MintGitHubTokenOptions): Promise<string>;
  handleRunner(req: CloudRequest): Promise<CloudResponse>;
  handleIssuer(req: CloudRequest): CloudResponse;
}

function encodeSubjectValue(value: string): string {
  return value.replaceAll(":", "%3A");
}

/** The `sub` GitHub's default template produces, optionally in the ID-based (immutable) form. */
export function formatGitHubSubject(repository: string, context: GitHubSubjectContext, ids?: GitHubRepositoryIds): string {
  const [owner = "", name = ""] = repository.split("/");
  const repo = ids === undefined ? `${owner}/${name}` : `${owner}@${ids.ownerId}/${name}@${ids.repositoryId}`;
  switch (context.kind) {
    case "environment":
      return `repo:${repo}:environment:${encodeSubjectValue(context.name)}`;
    case "branch":
      return `repo:${repo}:ref:${encodeSubjectValue(`refs/heads/${context.name}`)}`;
    case "tag":
      return `repo:${repo}:ref:${encodeSubjectValue(`refs/tags/${context.name}`)}`;
    case "pull_request":
      return `repo:${repo}:pull_request`;
  }
}

/** Claims that follow from the subject, so a token's environment/ref agree with its `sub`. */
function deriveContextClaims(subject: string): JwtClaims {
  const environment = /:environment:([^:]+)$/.exec(subject);
  if (environment?.[1] !== undefined)
    return { environment: decodeURIComponent(environment[1]), event_name: "push", ref: "refs/heads/main", ref_type: "branch" };
  if (subject.endsWith(":pull_request"))
    return { event_name: "pull_request", ref: "refs/pull/7/merge", ref_type: "branch", head_ref: "feature", base_ref: "main" };
  const ref = /:ref:([^:]+)$/.exec(subject);
  if (ref?.[1] !== undefined) {
    const fullRef = decodeURIComponent(ref[1]);
    return { event_name: "push", ref: fullRef, ref_type: fullRef.startsWith("refs/tags/") ? "tag" : "branch" };
  }
  return { event_name: "push", ref: "refs/heads/main", ref_type: "branch" };
}

function createFakeSha(seed: string): string {
  return createHash("sha1").update(seed).digest("hex");
}

function buildClaims(config: GitHubOidcConfig, options: MintGitHubTokenOptions): JwtClaims {
  const repository = config.repository;
  const owner = repository.split("/")[0] ?? "";
  const subject = options.subject ?? config.subject;
  const issuedAt = options.issuedAt ?? readClockSeconds();
  const lifetime = options.lifetimeSeconds ?? config.lifetimeSeconds;
  const workflowRef = `${repository}/.github/workflows/deploy.yml@refs/heads/main`;
  const sha = createFakeSha(`${repository}@main`);
  return {
    jti: randomUUID(),
    sub: subject,
    aud: options.audience ?? `https://github.com/${owner}`,
    actor: "octocat",
    actor_id: "583231",
    repository,
    repository_id: DEFAULT_REPOSITORY_ID,
    repository_owner: owner,
    repository_owner_id: DEFAULT_REPOSITORY_OWNER_ID,
    repository_visibility: "private",
    run_id: "9100000001",
    run_number: "42",
    run_attempt: "1",
    sha,
    workflow: "Deploy",
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    runner_environment: "github-hosted",
    ...deriveContextClaims(subject),
    ...config.claims,
    ...options.claims,
    iss: options.issuer ?? GITHUB_ISSUER,
    nbf: issuedAt,
    iat: issuedAt,
    exp: issuedAt + lifetime,
  };
}

export async function createGitHubOidc(getConfig: () => GitHubOidcConfig): Promise<GitHubOidc> {
  const [key, strayKey] = await Promise.all([createSigningKey("gh"), createSigningKey("gh")]);
  const jwk = toPublicJwk(key);
  const keysByKid = new Map([[key.kid, key.publicKey]]);

  async function mintToken(options: MintGitHubTokenOptions = {}): Promise<string> {
    const signer: SigningKey = options.signature === "invalid" ? { ...strayKey, kid: key.kid } : key;
    return signJwt(signer, buildClaims(getConfig(), options), { x5t: jwk.x5t });
  }

  async function handleRunner(req: CloudRequest): Promise<CloudResponse> {
    if (req.method !== "GET" || !req.url.pathname.endsWith("/idtoken")) {
      return toJsonResponse(404, { message: "Not Found" }, "GitHubUnknown");
    }
    const expected = `Bearer ${getConfig().requestToken}`;
    if (req.headers.authorization !== expected) {
      return toJsonResponse(
        401,
        { message: "Bad credentials: the bearer is not this job's ACTIONS_ID_TOKEN_REQUEST_TOKEN" },
        "GitHubIdToken",
      );
    }
    const audience = req.url.searchParams.get("audience") || undefined;
    const value = await mintToken({ audience });
    return toJsonResponse(200, { count: value.length, value }, "GitHubIdToken");
  }

  function handleIssuer(req: CloudRequest): CloudResponse {
    const path = req.url.pathname;
    if (req.method === "GET" && path === "/.well-known/openid-configuration") {
      return toJsonResponse(
        200,
        {
          issuer: GITHUB_ISSUER,
          jwks_uri: `${GITHUB_ISSUER}/.well-known/jwks`,
          subject_types_supported: ["public", "pairwise"],
          response_types_supported: ["id_token"],
          claims_supported: [
            "sub",
            "aud",
            "exp",
            "iat",
            "iss",
            "jti",
            "nbf",
            "ref",
            "sha",
            "repository",
            "repository_id",
            "repository_owner",
            "repository_owner_id",
            "run_id",
            "run_number",
            "run_attempt",
            "actor",
            "actor_id",
            "workflow",
            "workflow_ref",
            "workflow_sha",
            "head_ref",
            "base_ref",
            "event_name",
            "ref_type",
            "environment",
            "job_workflow_ref",
            "job_workflow_sha",
            "repository_visibility",
            "runner_environment",
          ],
          id_token_signing_alg_values_supported: ["RS256"],
          scopes_supported: ["openid"],
        },
        "GitHubOpenIdConfig",
      );
    }
    if (req.method === "GET" && path === "/.well-known/jwks") {
      return toJsonResponse(200, { keys: [jwk] }, "GitHubJwks");
    }
    return toJsonResponse(404, { message: "Not Found" }, "GitHubUnknown");
  }

  return { issuer: GITHUB_ISSUER, requestUrl: GITHUB_ID_TOKEN_REQUEST_URL, keysByKid, mintToken, handleRunner, handleIssuer };
}
