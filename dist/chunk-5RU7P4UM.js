import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
import {
  REQUEST_TOKEN,
  REQUEST_URL,
  explainMissingOidc,
  readProperty
} from "./chunk-SSMYZM6H.js";
import {
  SyncError,
  errorMessage,
  sleepFor
} from "./chunk-Y7B54HM5.js";

// src/engine/auth/github-oidc.ts
var DEFAULT_ATTEMPTS = 3;
var DEFAULT_TIMEOUT_MS = 1e4;
var FIRST_BACKOFF_MS = 1e3;
async function fetchGitHubIdToken(audience, env, options = {}) {
  const requestUrl = env[REQUEST_URL];
  const requestToken = env[REQUEST_TOKEN];
  if (!requestUrl || !requestToken) {
    const { message, hint } = explainMissingOidc(env);
    throw new SyncError(message, hint);
  }
  const mask = options.mask ?? (() => {
  });
  mask(requestToken);
  const httpGet = options.httpGet ?? getWithToolkitClient;
  const sleep = options.sleep ?? sleepFor;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_ATTEMPTS);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = `${requestUrl}${requestUrl.includes("?") ? "&" : "?"}audience=${encodeURIComponent(audience)}`;
  const headers = { Authorization: `Bearer ${requestToken}`, Accept: "application/json" };
  let lastProblem = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await sleep(FIRST_BACKOFF_MS * 2 ** (attempt - 2));
    let response;
    try {
      response = await httpGet(url, headers, timeoutMs);
    } catch (error) {
      lastProblem = describeNetworkError(error);
      continue;
    }
    if (response.status >= 500) {
      lastProblem = `the token service answered HTTP ${response.status}`;
      continue;
    }
    if (response.status !== 200) {
      throw new SyncError(
        `Failed to get a GitHub OIDC token: the token service answered HTTP ${response.status}${describeErrorBody(response.body)}`,
        response.status === 401 || response.status === 403 ? "The job's token request was refused. Check `permissions: id-token: write` on the workflow or job." : "Re-run the job; if it persists, check https://www.githubstatus.com."
      );
    }
    const token = readTokenValue(response.body);
    if (token === void 0) {
      throw new SyncError(
        "Failed to get a GitHub OIDC token: the token service's answer holds no token",
        "Re-run the job; if it persists, check https://www.githubstatus.com."
      );
    }
    mask(token);
    return token;
  }
  throw new SyncError(
    `Failed to get a GitHub OIDC token after ${maxAttempts} attempts: ${lastProblem}`,
    "Check that the runner can reach the token service (and its proxy settings: HTTPS_PROXY, NO_PROXY), then re-run the job."
  );
}
function readTokenValue(body) {
  try {
    const value = readProperty(JSON.parse(body), "value");
    return typeof value === "string" && value !== "" ? value : void 0;
  } catch {
    return void 0;
  }
}
function describeErrorBody(body) {
  let message;
  try {
    message = readProperty(JSON.parse(body), "message");
  } catch {
    return "";
  }
  if (typeof message !== "string" || message === "") return "";
  return ` (${redactJwts(message).slice(0, 200)})`;
}
function describeNetworkError(error) {
  if (error instanceof Error) {
    const code = readProperty(error, "code");
    return typeof code === "string" && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
var JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
function redactJwts(text) {
  return text.replace(JWT_PATTERN, "[token]");
}
var getWithToolkitClient = async (url, headers, timeoutMs) => {
  const { HttpClient } = await import("./lib-NO7KYOR6.js");
  const client = new HttpClient("keyvault-sync", void 0, { socketTimeout: timeoutMs, allowRetries: false, keepAlive: false });
  try {
    const response = await client.get(url, { ...headers });
    const body = await response.readBody();
    return { status: response.message.statusCode ?? 0, body };
  } finally {
    client.dispose();
  }
};
var STRING_CLAIMS = [
  "iss",
  "sub",
  "environment",
  "job_workflow_ref",
  "ref",
  "repository",
  "repository_id",
  "repository_owner",
  "repository_owner_id",
  "event_name"
];
function readTokenClaims(jwt) {
  const payload = jwt.split(".")[1];
  let decoded;
  try {
    decoded = payload === void 0 ? void 0 : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    decoded = void 0;
  }
  if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) {
    throw new SyncError(
      "Failed to read the GitHub OIDC token: it is not a JWT",
      "Re-run the job; if it persists, check https://www.githubstatus.com."
    );
  }
  const source = decoded;
  const claims = {};
  for (const name of STRING_CLAIMS) {
    const value = source[name];
    if (typeof value === "string" || typeof value === "number") claims[name] = String(value);
  }
  const aud = source["aud"];
  if (typeof aud === "string") claims.aud = aud;
  else if (Array.isArray(aud)) claims.aud = aud.filter((item) => typeof item === "string").join(", ");
  if (typeof source["exp"] === "number") claims.exp = source["exp"];
  if (typeof source["iat"] === "number") claims.iat = source["iat"];
  return claims;
}

// src/engine/auth/hints.ts
var GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
var ENTRA_ERROR_HINTS = {
  70021: (context) => ({
    cause: `no federated credential on the application matches the presented token (${describePresented(context)})`,
    hint: "If the federated credential was created or changed in the last few minutes, Entra may still be propagating it: wait a minute and re-run the job. Otherwise add one that matches the token exactly.\n" + describeCredentialToCreate(context)
  }),
  700211: (context) => ({
    cause: `no federated credential matches the presented issuer '${presentedIssuer(context) ?? "unknown"}'`,
    hint: `Set the federated credential's issuer to exactly ${presentedIssuer(context) ?? GITHUB_ISSUER} (no trailing slash, no spaces). GitHub Enterprise Cloud with a customised issuer adds the enterprise slug to it.`
  }),
  700212: (context) => {
    const expected = expectedAudience(context);
    return {
      cause: `no federated credential matches the presented audience '${presentedAudience(context) ?? "unknown"}'`,
      hint: `In the ${context.cloud.name} cloud the federated credential's audience is normally ${expected}. Make the credential's audience and the action's \`audience\` input (default: from \`cloud\`) the same value.`
    };
  },
  700213: (context) => ({
    cause: `no federated credential matches the presented subject '${presentedSubject(context) ?? "unknown"}'`,
    hint: "The subject must match exactly: it changes with the environment, branch, tag or pull-request trigger of the job.\n" + describeCredentialToCreate(context)
  }),
  7002138: (context) => ({
    cause: `a federated credential matches the presented subject '${presentedSubject(context) ?? "unknown"}' only when letter case is ignored`,
    hint: "Entra compares subjects case-sensitively. Change the federated credential's subject to exactly the presented one (owner, repository and environment names keep the case GitHub shows).\n" + describeCredentialToCreate(context)
  }),
  7002131: (context) => ({
    cause: "the token does not satisfy the flexible federated credential's claims-matching expression",
    hint: `Check the credential's claimsMatchingExpression against the presented claims (${describePresented(context)}).`
  }),
  70025: (context) => ({
    cause: "the application has no federated identity credentials",
    hint: "Add a federated credential for this workflow to the application.\n" + describeCredentialToCreate(context)
  }),
  700016: (context) => ({
    cause: `no application with client ID ${context.clientId ?? "(none)"} exists in tenant ${context.tenantId ?? "(none)"}`,
    hint: `Check \`client-id\` (the application's 'Application (client) ID', not its object ID) and \`tenant-id\` (the 'Directory (tenant) ID'), and that the tenant is in the ${context.cloud.name} cloud.`
  }),
  700024: () => ({
    cause: "the GitHub token was outside its valid time range (expired, or not yet valid for Entra's clock)",
    hint: "The action asks GitHub for a fresh token for every sign-in, so this points at the runner's clock: on a self-hosted runner, synchronise it (NTP) and re-run."
  }),
  90002: (context) => ({
    cause: `tenant ${context.tenantId ?? "(none)"} was not found in the ${context.cloud.name} cloud`,
    hint: "Check `tenant-id` (the 'Directory (tenant) ID'). A tenant in Azure Government or Azure China needs `cloud: usgovernment` or `cloud: china`."
  }),
  900023: (context) => ({
    cause: `'${context.tenantId ?? ""}' is not a valid tenant ID`,
    hint: "Set `tenant-id` to the tenant's 'Directory (tenant) ID' (a GUID) or one of its verified domain names."
  }),
  7000215: () => ({
    cause: "Entra rejected a client secret",
    hint: "This action signs in with the workflow's GitHub OIDC token, not with a client secret: remove client-secret settings (AZURE_CLIENT_SECRET) and add a federated credential to the application."
  }),
  700027: (context) => ({
    cause: "the client assertion failed signature validation",
    hint: `Entra could not verify the GitHub token against its issuer's signing keys. Check that the federated credential's issuer is the token's issuer (${presentedIssuer(context) ?? GITHUB_ISSUER}) and that no proxy rewrites the request.`
  })
};
function presentedSubject(context) {
  return context.claims?.sub ?? context.presented.subject;
}
function presentedIssuer(context) {
  return context.claims?.iss ?? context.presented.issuer;
}
function presentedAudience(context) {
  return context.claims?.aud ?? context.presented.audience ?? context.audience;
}
function expectedAudience(context) {
  return context.cloud.audience;
}
function describePresented(context) {
  return [
    `issuer '${presentedIssuer(context) ?? "unknown"}'`,
    `subject '${presentedSubject(context) ?? "unknown"}'`,
    `audience '${presentedAudience(context) ?? "unknown"}'`
  ].join(", ");
}
function describeCredentialToCreate(context) {
  const subject = presentedSubject(context);
  if (subject === void 0) {
    return "Compare the credential's issuer, subject and audience with the claims logged before sign-in.";
  }
  const suggestion = suggestFederatedCredential({
    subject,
    issuer: presentedIssuer(context),
    audience: presentedAudience(context) ?? expectedAudience(context),
    clientId: context.clientId ?? "<client-id>",
    claims: context.claims
  });
  return formatSuggestion(suggestion);
}
function suggestFederatedCredential(input) {
  const { subject, audience, clientId, claims } = input;
  const issuer = input.issuer ?? GITHUB_ISSUER;
  const spellings = spellSubject(subject, claims);
  const name = nameCredential(spellings.repositoryName, spellings.context);
  const parameters = JSON.stringify({ name, issuer, subject, audiences: [audience] });
  const command = `az ad app federated-credential create --id ${clientId} --parameters '${parameters.replaceAll("'", "'\\''")}'`;
  return { name, issuer, subject, audience, nameBasedSubject: spellings.nameBased, idBasedSubject: spellings.idBased, command };
}
var REPO_SUBJECT = /^repo:([^:]+)(.*)$/s;
var ID_SEGMENT = /^([^@/]+)@(\d+)\/([^@/]+)@(\d+)$/;
var NAME_SEGMENT = /^([^@/]+)\/([^@/]+)$/;
function spellSubject(subject, claims) {
  const match = REPO_SUBJECT.exec(subject);
  if (!match) return { nameBased: void 0, idBased: void 0, repositoryName: void 0, context: subject };
  const [, segment = "", context = ""] = match;
  let owner;
  let repo;
  let ownerId = claims?.repository_owner_id;
  let repoId = claims?.repository_id;
  const ids = ID_SEGMENT.exec(segment);
  const names = NAME_SEGMENT.exec(segment);
  if (ids) {
    [, owner, ownerId, repo, repoId] = ids;
  } else if (names) {
    [, owner, repo] = names;
  }
  if (owner === void 0 || repo === void 0) {
    return { nameBased: void 0, idBased: void 0, repositoryName: void 0, context };
  }
  return {
    nameBased: `repo:${owner}/${repo}${context}`,
    idBased: ownerId && repoId ? `repo:${owner}@${ownerId}/${repo}@${repoId}${context}` : void 0,
    repositoryName: repo,
    context
  };
}
function nameCredential(repositoryName, context) {
  const raw = ["github", repositoryName, context].filter(Boolean).join("-");
  const name = raw.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-_]+|[-_]+$/g, "");
  return (name.length >= 3 ? name : "github-actions").slice(0, 120).replace(/[-_]+$/, "");
}
function formatSuggestion(suggestion) {
  const lines = [`GitHub presented the subject: ${suggestion.subject}`];
  const other = suggestion.subject === suggestion.idBasedSubject ? suggestion.nameBasedSubject : suggestion.idBasedSubject;
  lines.push(
    `Create a federated credential with issuer ${suggestion.issuer}, subject ${suggestion.subject} and audience ${suggestion.audience}:`,
    `  ${suggestion.command}`
  );
  if (suggestion.nameBasedSubject !== void 0) lines.push(`Name-based subject: ${suggestion.nameBasedSubject}`);
  if (suggestion.idBasedSubject !== void 0) lines.push(`ID-based subject:   ${suggestion.idBasedSubject}`);
  if (other !== void 0) {
    lines.push(
      "Only the spelling GitHub presents matches. Repositories that switch to immutable (ID-based) subjects need a credential for that spelling."
    );
  }
  lines.push(
    "For a user-assigned managed identity, use `az identity federated-credential create` with the same issuer, subject and audience."
  );
  return lines.join("\n");
}

// src/engine/auth/sign-in-errors.ts
var SignInError = class extends SyncError {
  code;
  traceId;
  correlationId;
  constructor(message, hint, details) {
    super(message, hint, { cause: details.cause });
    this.name = "SignInError";
    this.code = details.code;
    this.traceId = details.traceId;
    this.correlationId = details.correlationId;
  }
};
function explainAuthError(error, context) {
  const chain = collectCauses(error);
  const explained = chain.find((item) => item instanceof SignInError);
  if (explained) return explained;
  const prefix = describeSignIn(context);
  const oidcProblem = chain.find((item) => item instanceof SyncError);
  if (oidcProblem) {
    return new SignInError(`${prefix}: ${oidcProblem.message}`, oidcProblem.hint, { code: "oidc-unavailable", cause: error });
  }
  const text = redactJwts(chain.map(errorMessage).join("\n"));
  const code = findEntraCode(text, chain);
  const traceId = matchFirst(text, /Trace ID:\s*([0-9a-fA-F-]{36})/);
  const correlationId = matchFirst(text, /Correlation ID:\s*([0-9a-fA-F-]{36})/) ?? findProperty(chain, "correlationId");
  const ids = describeIds(traceId, correlationId);
  const details = { traceId, correlationId, cause: error };
  const explain = code === void 0 ? void 0 : ENTRA_ERROR_HINTS[code];
  if (explain) {
    const { cause: cause2, hint } = explain(buildHintContext(context, text));
    return new SignInError(`${prefix}: ${cause2} (AADSTS${code}${ids ? `; ${ids}` : ""})`, hint, { ...details, code: `AADSTS${code}` });
  }
  const local = explainLocalFailure(text, chain, context);
  if (local) return new SignInError(`${prefix}: ${local.cause}`, local.hint, { ...details, code: local.code });
  const original = firstLine(chain.map(errorMessage).find((message) => message.trim() !== "") ?? "unknown error");
  const cause = redactJwts(original).slice(0, 1e3);
  const missingIds = ids && !cause.includes(traceId ?? correlationId ?? "") ? ` (${ids})` : "";
  return new SignInError(
    `${prefix}: ${cause}${missingIds}`,
    code === void 0 ? "Check `tenant-id`, `client-id`, `cloud` and the application's federated credentials; re-run with debug logging for details." : `Look up AADSTS${code} at https://login.microsoftonline.com/error?code=${code}.`,
    { ...details, code: code === void 0 ? void 0 : `AADSTS${code}` }
  );
}
function describeSignIn(context) {
  const tenant = context.tenantId ? ` in tenant ${context.tenantId}` : "";
  switch (context.auth) {
    case "azure-cli":
      return `Failed to sign in to Microsoft Entra ID with the Azure CLI session${tenant}`;
    case "managed-identity":
      return context.clientId ? `Failed to sign in to Microsoft Entra ID as the managed identity ${context.clientId}` : "Failed to sign in to Microsoft Entra ID as the system-assigned managed identity";
    default:
      return `Failed to sign in to Microsoft Entra ID as ${context.clientId ?? "(no client ID)"}${tenant}`;
  }
}
function describeIds(traceId, correlationId) {
  const parts = [];
  if (traceId) parts.push(`trace ID ${traceId}`);
  if (correlationId) parts.push(`correlation ID ${correlationId}`);
  return parts.join(", ");
}
function explainLocalFailure(text, chain, context) {
  if (/Azure CLI could not be found|az: .*not found/i.test(text)) {
    return {
      code: "azure-cli-missing",
      cause: "the Azure CLI is not installed on this runner",
      hint: "Install the Azure CLI and run azure/login before this step, or use `auth: oidc`."
    };
  }
  if (context.auth === "azure-cli" && /az login/i.test(text)) {
    return {
      code: "azure-cli-not-signed-in",
      cause: "the Azure CLI is not signed in",
      hint: "Run azure/login (or `az login`) earlier in the job, in the same tenant, or use `auth: oidc`."
    };
  }
  const unavailable = chain.some((item) => item instanceof Error && item.name === "CredentialUnavailableError");
  if (context.auth === "managed-identity" && (unavailable || /ManagedIdentityCredential|IMDS/i.test(text))) {
    return {
      code: "managed-identity-unavailable",
      cause: `no managed identity is available on this runner (${firstLine(text).slice(0, 300)})`,
      hint: "`auth: managed-identity` works on self-hosted runners that run in Azure with a managed identity assigned; for a user-assigned identity set `client-id` to its client ID. On GitHub-hosted runners use `auth: oidc`."
    };
  }
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network_error|socket hang up/i.test(text)) {
    return {
      code: "network",
      cause: `could not reach ${context.auth === "oidc" || context.auth === void 0 ? context.cloud.authorityHost : "the sign-in endpoint"} (${firstLine(text).slice(0, 300)})`,
      hint: "Check that the runner can reach the sign-in endpoint (firewall, proxy settings: HTTPS_PROXY, NO_PROXY) and re-run."
    };
  }
  return void 0;
}
function buildHintContext(context, text) {
  const quoted = (label) => matchFirst(text, label);
  return {
    tenantId: context.tenantId,
    clientId: context.clientId,
    cloud: context.cloud,
    audience: context.audience,
    claims: context.claims,
    presented: {
      issuer: quoted(/Assertion Issuer: '([^']*)'/i) ?? quoted(/assertion issuer '([^']*)'/i),
      subject: quoted(/Assertion Subject: '([^']*)'/i) ?? quoted(/assertion subject '([^']*)'/i),
      audience: quoted(/Assertion Audience: '([^']*)'/i) ?? quoted(/assertion audience '([^']*)'/i)
    }
  };
}
function findEntraCode(text, chain) {
  const listed = matchFirst(text, /Error\(s\):\s*(\d+)/);
  if (listed) return Number(listed);
  const errorNo = findProperty(chain, "errorNo");
  if (errorNo && /^\d+$/.test(errorNo)) return Number(errorNo);
  const described = matchFirst(text, /AADSTS(\d+)/);
  return described ? Number(described) : void 0;
}
function collectCauses(error) {
  const chain = [];
  let current = error;
  while (current !== void 0 && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : void 0;
  }
  return chain;
}
function findProperty(chain, key) {
  for (const item of chain) {
    if (typeof item !== "object" || item === null) continue;
    const value = item[key];
    if (typeof value === "string" && value !== "" || typeof value === "number") return String(value);
  }
  return void 0;
}
function matchFirst(text, pattern) {
  return pattern.exec(text)?.[1];
}
function firstLine(text) {
  return text.split(/\r?\n/)[0] ?? "";
}

export {
  fetchGitHubIdToken,
  readTokenClaims,
  SignInError,
  explainAuthError
};
