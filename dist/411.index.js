export const id = 411;
export const ids = [411];
export const modules = {

/***/ 3526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wr: () => (/* binding */ fetchGitHubIdToken),
/* harmony export */   uB: () => (/* binding */ redactJwts),
/* harmony export */   v4: () => (/* binding */ readTokenClaims)
/* harmony export */ });
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4942);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7679);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8794);
/* harmony import */ var _limiter_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1482);
/* harmony import */ var _missing_oidc_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4107);
/**
 * The GitHub side of workload identity federation: is an OIDC token available in this job, how
 * to get one (with retries the toolkit's getIDToken lacks), and which of its claims are safe to
 * show (why there is none: missing-oidc.ts). The token itself is a credential: it is handed to a `mask` function the moment
 * it is read and never appears in a message.
 */





const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 10_000;
const FIRST_BACKOFF_MS = 1_000;
/**
 * GitHub's OIDC token for `audience`. Network errors and 5xx answers are retried with backoff;
 * 4xx answers are not, since asking again with the same request token cannot change them.
 */
async function fetchGitHubIdToken(audience, env, options = {}) {
    const requestUrl = env[_missing_oidc_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUEST_URL */ .sf];
    const requestToken = env[_missing_oidc_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUEST_TOKEN */ .m8];
    if (!requestUrl || !requestToken) {
        const { message, hint } = (0,_missing_oidc_js__WEBPACK_IMPORTED_MODULE_2__/* .explainMissingOidc */ .dM)(env);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SyncError */ .S0(message, hint);
    }
    const mask = options.mask ?? (() => { });
    mask(requestToken);
    const httpGet = options.httpGet ?? getWithToolkitClient;
    const sleep = options.sleep ?? _limiter_js__WEBPACK_IMPORTED_MODULE_3__/* .sleepFor */ .dt;
    const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_ATTEMPTS);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // The runner's URL already carries `?api-version=…`; append rather than rebuild it.
    const url = `${requestUrl}${requestUrl.includes("?") ? "&" : "?"}audience=${encodeURIComponent(audience)}`;
    const headers = { Authorization: `Bearer ${requestToken}`, Accept: "application/json" };
    let lastProblem = "";
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        if (attempt > 1)
            await sleep(FIRST_BACKOFF_MS * 2 ** (attempt - 2));
        let response;
        try {
            response = await httpGet(url, headers, timeoutMs);
        }
        catch (error) {
            lastProblem = describeNetworkError(error);
            continue;
        }
        if (response.status >= 500) {
            lastProblem = `the token service answered HTTP ${response.status}`;
            continue;
        }
        if (response.status !== 200) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SyncError */ .S0(`Failed to get a GitHub OIDC token: the token service answered HTTP ${response.status}${describeErrorBody(response.body)}`, response.status === 401 || response.status === 403
                ? "The job's token request was refused. Check `permissions: id-token: write` on the workflow or job."
                : "Re-run the job; if it persists, check https://www.githubstatus.com.");
        }
        const token = readTokenValue(response.body);
        if (token === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SyncError */ .S0("Failed to get a GitHub OIDC token: the token service's answer holds no token", "Re-run the job; if it persists, check https://www.githubstatus.com.");
        }
        mask(token);
        return token;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SyncError */ .S0(`Failed to get a GitHub OIDC token after ${maxAttempts} attempts: ${lastProblem}`, "Check that the runner can reach the token service (and its proxy settings: HTTPS_PROXY, NO_PROXY), then re-run the job.");
}
function readTokenValue(body) {
    try {
        const value = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .readProperty */ .i)(JSON.parse(body), "value");
        return typeof value === "string" && value !== "" ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** The service's own error message, if it sent one; JWT-shaped text is removed first. */
function describeErrorBody(body) {
    let message;
    try {
        message = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .readProperty */ .i)(JSON.parse(body), "message");
    }
    catch {
        return "";
    }
    if (typeof message !== "string" || message === "")
        return "";
    return ` (${redactJwts(message).slice(0, 200)})`;
}
function describeNetworkError(error) {
    if (error instanceof Error) {
        const code = (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .readProperty */ .i)(error, "code");
        return typeof code === "string" && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
    }
    return String(error);
}
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** Replaces anything shaped like a JWT, so error text from a service can be shown safely. */
function redactJwts(text) {
    return text.replace(JWT_PATTERN, "[token]");
}
/**
 * The default transport: @actions/http-client, the toolkit's own client. Unlike Node's global
 * fetch it honours https_proxy / no_proxy, which self-hosted runners behind a proxy rely on.
 */
const getWithToolkitClient = async (url, headers, timeoutMs) => {
    const client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq("keyvault-sync", undefined, { socketTimeout: timeoutMs, allowRetries: false, keepAlive: false });
    try {
        const response = await client.get(url, { ...headers });
        const body = await response.readBody();
        return { status: response.message.statusCode ?? 0, body };
    }
    finally {
        client.dispose();
    }
};
const STRING_CLAIMS = [
    "iss",
    "sub",
    "environment",
    "job_workflow_ref",
    "ref",
    "repository",
    "repository_id",
    "repository_owner",
    "repository_owner_id",
    "event_name",
];
/** Decodes (does not verify) a JWT's payload and keeps only the non-secret claims. */
function readTokenClaims(jwt) {
    const payload = jwt.split(".")[1];
    let decoded;
    try {
        decoded = payload === undefined ? undefined : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    }
    catch {
        decoded = undefined;
    }
    if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SyncError */ .S0("Failed to read the GitHub OIDC token: it is not a JWT", "Re-run the job; if it persists, check https://www.githubstatus.com.");
    }
    const source = decoded;
    const claims = {};
    for (const name of STRING_CLAIMS) {
        const value = source[name];
        // GitHub sends IDs as strings; accept numbers too so a template change cannot drop them.
        if (typeof value === "string" || typeof value === "number")
            claims[name] = String(value);
    }
    const aud = source["aud"];
    if (typeof aud === "string")
        claims.aud = aud;
    else if (Array.isArray(aud))
        claims.aud = aud.filter((item) => typeof item === "string").join(", ");
    if (typeof source["exp"] === "number")
        claims.exp = source["exp"];
    if (typeof source["iat"] === "number")
        claims.iat = source["iat"];
    return claims;
}


/***/ }),

/***/ 2792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ SignInError),
  y: () => (/* binding */ explainAuthError)
});

// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/engine/auth/github-oidc.ts
var github_oidc = __webpack_require__(3526);
;// CONCATENATED MODULE: ./src/engine/auth/hints.ts
const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
/** Entra AADSTS code → cause and fix. */
const ENTRA_ERROR_HINTS = {
    70021: (context) => ({
        cause: `no federated credential on the application matches the presented token (${describePresented(context)})`,
        hint: "If the federated credential was created or changed in the last few minutes, Entra may still be propagating it: " +
            "wait a minute and re-run the job. Otherwise add one that matches the token exactly.\n" +
            describeCredentialToCreate(context),
    }),
    700211: (context) => ({
        cause: `no federated credential matches the presented issuer '${presentedIssuer(context) ?? "unknown"}'`,
        hint: `Set the federated credential's issuer to exactly ${presentedIssuer(context) ?? GITHUB_ISSUER} ` +
            "(no trailing slash, no spaces). GitHub Enterprise Cloud with a customised issuer adds the enterprise slug to it.",
    }),
    700212: (context) => {
        const expected = expectedAudience(context);
        return {
            cause: `no federated credential matches the presented audience '${presentedAudience(context) ?? "unknown"}'`,
            hint: `In the ${context.cloud.name} cloud the federated credential's audience is normally ${expected}. ` +
                "Make the credential's audience and the action's `audience` input (default: from `cloud`) the same value.",
        };
    },
    700213: (context) => ({
        cause: `no federated credential matches the presented subject '${presentedSubject(context) ?? "unknown"}'`,
        hint: "The subject must match exactly: it changes with the environment, branch, tag or pull-request trigger of the job.\n" +
            describeCredentialToCreate(context),
    }),
    7002138: (context) => ({
        cause: `a federated credential matches the presented subject '${presentedSubject(context) ?? "unknown"}' only when letter case is ignored`,
        hint: "Entra compares subjects case-sensitively. Change the federated credential's subject to exactly the presented one " +
            "(owner, repository and environment names keep the case GitHub shows).\n" +
            describeCredentialToCreate(context),
    }),
    7002131: (context) => ({
        cause: "the token does not satisfy the flexible federated credential's claims-matching expression",
        hint: "Check the credential's claimsMatchingExpression against the presented claims " + `(${describePresented(context)}).`,
    }),
    70025: (context) => ({
        cause: "the application has no federated identity credentials",
        hint: "Add a federated credential for this workflow to the application.\n" + describeCredentialToCreate(context),
    }),
    700016: (context) => ({
        cause: `no application with client ID ${context.clientId ?? "(none)"} exists in tenant ${context.tenantId ?? "(none)"}`,
        hint: "Check `client-id` (the application's 'Application (client) ID', not its object ID) and `tenant-id` " +
            `(the 'Directory (tenant) ID'), and that the tenant is in the ${context.cloud.name} cloud.`,
    }),
    700024: () => ({
        cause: "the GitHub token was outside its valid time range (expired, or not yet valid for Entra's clock)",
        hint: "The action asks GitHub for a fresh token for every sign-in, so this points at the runner's clock: " +
            "on a self-hosted runner, synchronise it (NTP) and re-run.",
    }),
    90002: (context) => ({
        cause: `tenant ${context.tenantId ?? "(none)"} was not found in the ${context.cloud.name} cloud`,
        hint: "Check `tenant-id` (the 'Directory (tenant) ID'). A tenant in Azure Government or Azure China needs " +
            "`cloud: usgovernment` or `cloud: china`.",
    }),
    900023: (context) => ({
        cause: `'${context.tenantId ?? ""}' is not a valid tenant ID`,
        hint: "Set `tenant-id` to the tenant's 'Directory (tenant) ID' (a GUID) or one of its verified domain names.",
    }),
    7000215: () => ({
        cause: "Entra rejected a client secret",
        hint: "This action signs in with the workflow's GitHub OIDC token, not with a client secret: " +
            "remove client-secret settings (AZURE_CLIENT_SECRET) and add a federated credential to the application.",
    }),
    700027: (context) => ({
        cause: "the client assertion failed signature validation",
        hint: "Entra could not verify the GitHub token against its issuer's signing keys. Check that the federated " +
            `credential's issuer is the token's issuer (${presentedIssuer(context) ?? GITHUB_ISSUER}) and that no proxy rewrites the request.`,
    }),
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
        `audience '${presentedAudience(context) ?? "unknown"}'`,
    ].join(", ");
}
function describeCredentialToCreate(context) {
    const subject = presentedSubject(context);
    if (subject === undefined) {
        return "Compare the credential's issuer, subject and audience with the claims logged before sign-in.";
    }
    const suggestion = suggestFederatedCredential({
        subject,
        issuer: presentedIssuer(context),
        audience: presentedAudience(context) ?? expectedAudience(context),
        clientId: context.clientId ?? "<client-id>",
        claims: context.claims,
    });
    return formatSuggestion(suggestion);
}
/**
 * The federated credential that would accept the presented token, in both subject spellings.
 * GitHub presents one of them (immutable subjects are opt-in, or default for new repositories),
 * and only that one matches; the other is shown so users migrating between them see both.
 */
function suggestFederatedCredential(input) {
    const { subject, audience, clientId, claims } = input;
    const issuer = input.issuer ?? GITHUB_ISSUER;
    const spellings = spellSubject(subject, claims);
    const name = nameCredential(spellings.repositoryName, spellings.context);
    const parameters = JSON.stringify({ name, issuer, subject, audiences: [audience] });
    const command = `az ad app federated-credential create --id ${clientId} --parameters '${parameters.replaceAll("'", "'\\''")}'`;
    return { name, issuer, subject, audience, nameBasedSubject: spellings.nameBased, idBasedSubject: spellings.idBased, command };
}
const REPO_SUBJECT = /^repo:([^:]+)(.*)$/s;
const ID_SEGMENT = /^([^@/]+)@(\d+)\/([^@/]+)@(\d+)$/;
const NAME_SEGMENT = /^([^@/]+)\/([^@/]+)$/;
function spellSubject(subject, claims) {
    const match = REPO_SUBJECT.exec(subject);
    if (!match)
        return { nameBased: undefined, idBased: undefined, repositoryName: undefined, context: subject };
    const [, segment = "", context = ""] = match;
    let owner;
    let repo;
    let ownerId = claims?.repository_owner_id;
    let repoId = claims?.repository_id;
    const ids = ID_SEGMENT.exec(segment);
    const names = NAME_SEGMENT.exec(segment);
    if (ids) {
        [, owner, ownerId, repo, repoId] = ids;
    }
    else if (names) {
        [, owner, repo] = names;
    }
    if (owner === undefined || repo === undefined) {
        return { nameBased: undefined, idBased: undefined, repositoryName: undefined, context };
    }
    return {
        nameBased: `repo:${owner}/${repo}${context}`,
        idBased: ownerId && repoId ? `repo:${owner}@${ownerId}/${repo}@${repoId}${context}` : undefined,
        repositoryName: repo,
        context,
    };
}
/** Federated credential names: 3–120 characters, letters, digits, '-' and '_', starting with a letter or digit. */
function nameCredential(repositoryName, context) {
    const raw = ["github", repositoryName, context].filter(Boolean).join("-");
    const name = raw
        .replace(/[^A-Za-z0-9_-]+/g, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^[-_]+|[-_]+$/g, "");
    return (name.length >= 3 ? name : "github-actions").slice(0, 120).replace(/[-_]+$/, "");
}
function formatSuggestion(suggestion) {
    const lines = [`GitHub presented the subject: ${suggestion.subject}`];
    const other = suggestion.subject === suggestion.idBasedSubject ? suggestion.nameBasedSubject : suggestion.idBasedSubject;
    lines.push(`Create a federated credential with issuer ${suggestion.issuer}, subject ${suggestion.subject} and audience ${suggestion.audience}:`, `  ${suggestion.command}`);
    if (suggestion.nameBasedSubject !== undefined)
        lines.push(`Name-based subject: ${suggestion.nameBasedSubject}`);
    if (suggestion.idBasedSubject !== undefined)
        lines.push(`ID-based subject:   ${suggestion.idBasedSubject}`);
    if (other !== undefined) {
        lines.push("Only the spelling GitHub presents matches. Repositories that switch to immutable (ID-based) subjects need a credential for that spelling.");
    }
    lines.push("For a user-assigned managed identity, use `az identity federated-credential create` with the same issuer, subject and audience.");
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./src/engine/auth/sign-in-errors.ts
/**
 * Explaining sign-in failures: whatever the Azure SDK or the GitHub token request throws becomes
 * one SignInError that says what failed and why, with the fix from the hint table (hints.ts).
 * Never shows a token.
 */



/** A sign-in failure. `code` is Entra's (`AADSTS700213`) or ours (`oidc-unavailable`, `azure-cli-not-signed-in`, …). */
class SignInError extends errors/* SyncError */.S0 {
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
}
/** Turns anything the credential threw into a SignInError with a cause and a fix, never leaking a token. */
function explainAuthError(error, context) {
    const chain = collectCauses(error);
    const explained = chain.find((item) => item instanceof SignInError);
    if (explained)
        return explained;
    const prefix = describeSignIn(context);
    const oidcProblem = chain.find((item) => item instanceof errors/* SyncError */.S0);
    if (oidcProblem) {
        return new SignInError(`${prefix}: ${oidcProblem.message}`, oidcProblem.hint, { code: "oidc-unavailable", cause: error });
    }
    const text = (0,github_oidc/* redactJwts */.uB)(chain.map(errors/* errorMessage */.gJ).join("\n"));
    const code = findEntraCode(text, chain);
    const traceId = matchFirst(text, /Trace ID:\s*([0-9a-fA-F-]{36})/);
    const correlationId = matchFirst(text, /Correlation ID:\s*([0-9a-fA-F-]{36})/) ?? findProperty(chain, "correlationId");
    const ids = describeIds(traceId, correlationId);
    const details = { traceId, correlationId, cause: error };
    const explain = code === undefined ? undefined : ENTRA_ERROR_HINTS[code];
    if (explain) {
        const { cause, hint } = explain(buildHintContext(context, text));
        return new SignInError(`${prefix}: ${cause} (AADSTS${code}${ids ? `; ${ids}` : ""})`, hint, { ...details, code: `AADSTS${code}` });
    }
    const local = explainLocalFailure(text, chain, context);
    if (local)
        return new SignInError(`${prefix}: ${local.cause}`, local.hint, { ...details, code: local.code });
    const original = firstLine(chain.map(errors/* errorMessage */.gJ).find((message) => message.trim() !== "") ?? "unknown error");
    const cause = (0,github_oidc/* redactJwts */.uB)(original).slice(0, 1000);
    const missingIds = ids && !cause.includes(traceId ?? correlationId ?? "") ? ` (${ids})` : "";
    return new SignInError(`${prefix}: ${cause}${missingIds}`, code === undefined
        ? "Check `tenant-id`, `client-id`, `cloud` and the application's federated credentials; re-run with debug logging for details."
        : `Look up AADSTS${code} at https://login.microsoftonline.com/error?code=${code}.`, { ...details, code: code === undefined ? undefined : `AADSTS${code}` });
}
function describeSignIn(context) {
    const tenant = context.tenantId ? ` in tenant ${context.tenantId}` : "";
    switch (context.auth) {
        case "azure-cli":
            return `Failed to sign in to Microsoft Entra ID with the Azure CLI session${tenant}`;
        case "managed-identity":
            return context.clientId
                ? `Failed to sign in to Microsoft Entra ID as the managed identity ${context.clientId}`
                : "Failed to sign in to Microsoft Entra ID as the system-assigned managed identity";
        default:
            return `Failed to sign in to Microsoft Entra ID as ${context.clientId ?? "(no client ID)"}${tenant}`;
    }
}
function describeIds(traceId, correlationId) {
    const parts = [];
    if (traceId)
        parts.push(`trace ID ${traceId}`);
    if (correlationId)
        parts.push(`correlation ID ${correlationId}`);
    return parts.join(", ");
}
/** Failures that never reached Entra's token endpoint, or came from another credential type. */
function explainLocalFailure(text, chain, context) {
    if (/Azure CLI could not be found|az: .*not found/i.test(text)) {
        return {
            code: "azure-cli-missing",
            cause: "the Azure CLI is not installed on this runner",
            hint: "Install the Azure CLI and run azure/login before this step, or use `auth: oidc`.",
        };
    }
    if (context.auth === "azure-cli" && /az login/i.test(text)) {
        return {
            code: "azure-cli-not-signed-in",
            cause: "the Azure CLI is not signed in",
            hint: "Run azure/login (or `az login`) earlier in the job, in the same tenant, or use `auth: oidc`.",
        };
    }
    const unavailable = chain.some((item) => item instanceof Error && item.name === "CredentialUnavailableError");
    if (context.auth === "managed-identity" && (unavailable || /ManagedIdentityCredential|IMDS/i.test(text))) {
        return {
            code: "managed-identity-unavailable",
            cause: `no managed identity is available on this runner (${firstLine(text).slice(0, 300)})`,
            hint: "`auth: managed-identity` works on self-hosted runners that run in Azure with a managed identity assigned; " +
                "for a user-assigned identity set `client-id` to its client ID. On GitHub-hosted runners use `auth: oidc`.",
        };
    }
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network_error|socket hang up/i.test(text)) {
        return {
            code: "network",
            cause: `could not reach ${context.auth === "oidc" || context.auth === undefined ? context.cloud.authorityHost : "the sign-in endpoint"} (${firstLine(text).slice(0, 300)})`,
            hint: "Check that the runner can reach the sign-in endpoint (firewall, proxy settings: HTTPS_PROXY, NO_PROXY) and re-run.",
        };
    }
    return undefined;
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
            audience: quoted(/Assertion Audience: '([^']*)'/i) ?? quoted(/assertion audience '([^']*)'/i),
        },
    };
}
/** Entra's first error code: MSAL's `Error(s): 700213 - …`, its errorNo, or `AADSTS700213:` in the description. */
function findEntraCode(text, chain) {
    const listed = matchFirst(text, /Error\(s\):\s*(\d+)/);
    if (listed)
        return Number(listed);
    const errorNo = findProperty(chain, "errorNo");
    if (errorNo && /^\d+$/.test(errorNo))
        return Number(errorNo);
    const described = matchFirst(text, /AADSTS(\d+)/);
    return described ? Number(described) : undefined;
}
function collectCauses(error) {
    const chain = [];
    let current = error;
    while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
        chain.push(current);
        current = current instanceof Error ? current.cause : undefined;
    }
    return chain;
}
function findProperty(chain, key) {
    for (const item of chain) {
        if (typeof item !== "object" || item === null)
            continue;
        const value = item[key];
        if ((typeof value === "string" && value !== "") || typeof value === "number")
            return String(value);
    }
    return undefined;
}
function matchFirst(text, pattern) {
    return pattern.exec(text)?.[1];
}
function firstLine(text) {
    return text.split(/\r?\n/)[0] ?? "";
}


/***/ })

};
