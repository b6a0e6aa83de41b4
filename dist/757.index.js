export const id = 757;
export const ids = [757];
export const modules = {

/***/ 4377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wr: () => (/* binding */ fetchGitHubIdToken),
/* harmony export */   dM: () => (/* binding */ explainMissingOidc),
/* harmony export */   nc: () => (/* binding */ hasOidcRequest),
/* harmony export */   uB: () => (/* binding */ redactJwts),
/* harmony export */   v4: () => (/* binding */ readTokenClaims)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4942);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * The GitHub side of workload identity federation: is an OIDC token available in this job, why
 * not, how to get one (with retries the toolkit's getIDToken lacks), and which of its claims are
 * safe to show. The token itself is a credential: it is handed to a `mask` function the moment
 * it is read and never appears in a message.
 */



const REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
const REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
/** True when the runner gave this job what it needs to ask GitHub for an OIDC token. */
function hasOidcRequest(env) {
    return Boolean(env[REQUEST_URL]) && Boolean(env[REQUEST_TOKEN]);
}
// Events whose runs GitHub starts with the fork's reduced permissions when the head is a fork.
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);
/**
 * Why the job has no OIDC token request variables. Each cause has its own fix, so telling a fork
 * pull request from a missing `permissions:` entry matters: the second is fixable, the first is not.
 */
function explainMissingOidc(env, readEventPayload = readJsonFile) {
    if (env["GITHUB_ACTIONS"] !== "true") {
        return {
            reason: "outside-github-actions",
            message: "No GitHub OIDC token: this is not running in a GitHub Actions job.",
            hint: "Outside GitHub Actions, sign in with `auth: azure-cli` (after `az login`) or `auth: managed-identity`.",
        };
    }
    if (env["GITHUB_ACTOR"] === "dependabot[bot]") {
        return {
            reason: "dependabot",
            message: "No GitHub OIDC token: GitHub gives runs triggered by Dependabot a read-only token and no OIDC token.",
            hint: "Let Dependabot pull requests run as dry runs (`dry-run: auto` does this), " +
                "or skip this step with `if: github.actor != 'dependabot[bot]'`.",
        };
    }
    const fork = PULL_REQUEST_EVENTS.has(env["GITHUB_EVENT_NAME"] ?? "") ? findForkHead(env, readEventPayload) : undefined;
    if (fork !== undefined) {
        return {
            reason: "fork-pull-request",
            message: `No GitHub OIDC token: this is a pull request from the fork ${fork}, ` +
                "and GitHub never grants `id-token: write` to pull requests from forks.",
            hint: "Fork pull requests can only run as offline dry runs (`dry-run: auto` does this). " +
                "Sync from a workflow that runs in the base repository, e.g. on push after the merge.",
        };
    }
    return {
        reason: "missing-permission",
        message: `No GitHub OIDC token: ${REQUEST_URL} and ${REQUEST_TOKEN} are not set for this job.`,
        hint: "Add `permissions: { id-token: write, contents: read }` to the workflow or to this job. " +
            "A reusable workflow gets the permission only if its caller grants it as well.",
    };
}
/** The fork's full name when the payload describes a pull request whose head is another repository. */
function findForkHead(env, readEventPayload) {
    const path = env["GITHUB_EVENT_PATH"];
    if (!path)
        return undefined;
    const payload = readEventPayload(path);
    const pullRequest = readProperty(payload, "pull_request");
    if (pullRequest === undefined)
        return undefined;
    const headRepo = readProperty(readProperty(pullRequest, "head"), "repo");
    const baseName = readProperty(readProperty(readProperty(pullRequest, "base"), "repo"), "full_name");
    // A deleted fork leaves `head.repo` null; it was still a fork.
    if (headRepo === null)
        return "(deleted)";
    const headName = readProperty(headRepo, "full_name");
    const isFork = readProperty(headRepo, "fork") === true ||
        (typeof headName === "string" && typeof baseName === "string" && headName !== baseName);
    if (!isFork)
        return undefined;
    return typeof headName === "string" ? headName : "(unknown)";
}
function readProperty(value, key) {
    if (typeof value !== "object" || value === null)
        return undefined;
    return value[key];
}
function readJsonFile(path) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, "utf8"));
    }
    catch {
        return undefined;
    }
}
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 10_000;
const FIRST_BACKOFF_MS = 1_000;
/**
 * GitHub's OIDC token for `audience`. Network errors and 5xx answers are retried with backoff;
 * 4xx answers are not, since asking again with the same request token cannot change them.
 */
async function fetchGitHubIdToken(audience, env, options = {}) {
    const requestUrl = env[REQUEST_URL];
    const requestToken = env[REQUEST_TOKEN];
    if (!requestUrl || !requestToken) {
        const { message, hint } = explainMissingOidc(env);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SyncError */ .S0(message, hint);
    }
    const mask = options.mask ?? (() => { });
    mask(requestToken);
    const httpGet = options.httpGet ?? getWithToolkitClient;
    const sleep = options.sleep ?? wait;
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SyncError */ .S0(`Failed to get a GitHub OIDC token: the token service answered HTTP ${response.status}${describeErrorBody(response.body)}`, response.status === 401 || response.status === 403
                ? "The job's token request was refused. Check `permissions: id-token: write` on the workflow or job."
                : "Re-run the job; if it persists, check https://www.githubstatus.com.");
        }
        const token = readTokenValue(response.body);
        if (token === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SyncError */ .S0("Failed to get a GitHub OIDC token: the token service's answer holds no token", "Re-run the job; if it persists, check https://www.githubstatus.com.");
        }
        mask(token);
        return token;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SyncError */ .S0(`Failed to get a GitHub OIDC token after ${maxAttempts} attempts: ${lastProblem}`, "Check that the runner can reach the token service (and its proxy settings: HTTPS_PROXY, NO_PROXY), then re-run the job.");
}
function readTokenValue(body) {
    try {
        const value = readProperty(JSON.parse(body), "value");
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
        message = readProperty(JSON.parse(body), "message");
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
        const code = readProperty(error, "code");
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
    const client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_1__/* .HttpClient */ .Qq("keyvault-sync", undefined, { socketTimeout: timeoutMs, allowRetries: false, keepAlive: false });
    try {
        const response = await client.get(url, { ...headers });
        const body = await response.readBody();
        return { status: response.message.statusCode ?? 0, body };
    }
    finally {
        client.dispose();
    }
};
function wait(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SyncError */ .S0("Failed to read the GitHub OIDC token: it is not a JWT", "Re-run the job; if it persists, check https://www.githubstatus.com.");
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

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S0: () => (/* binding */ SyncError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * The one error type of the action: a message that says what failed and why, and an optional
 * hint that says how to fix it. Messages never contain secret values.
 */
class SyncError extends Error {
    hint;
    constructor(message, hint, options) {
        super(message, options);
        this.name = "SyncError";
        this.hint = hint;
    }
}
/** An invalid input: names the input and the rule, never the value. */
class InputError extends SyncError {
    input;
    constructor(input, rule, hint) {
        super(`Invalid input '${input}': ${rule}`, hint);
        this.name = "InputError";
        this.input = input;
    }
}
/** A readable message for anything that was thrown, whatever its type. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === "string")
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}


/***/ }),

/***/ 1555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PW: () => (/* binding */ createWindowLimiter),
/* harmony export */   WS: () => (/* binding */ mapWithConcurrency),
/* harmony export */   dt: () => (/* binding */ sleepFor)
/* harmony export */ });
/**
 * The two pacing primitives of the action: a bound on parallel work, and a sliding-window limiter that
 * keeps writes under Key Vault's per-vault rate limit. Both take their clock and sleep from the caller so
 * tests never wait.
 */
const sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Run `work` for every item with at most `limit` calls in flight; results keep the input order.
 * A rejected call rejects the whole map, so callers that must not stop catch inside `work`.
 */
async function mapWithConcurrency(items, limit, work) {
    const bound = Math.max(1, Math.floor(limit));
    const results = new Array(items.length);
    let next = 0;
    async function runWorker() {
        while (next < items.length) {
            const index = next;
            next += 1;
            results[index] = await work(items[index], index);
        }
    }
    const workers = Array.from({ length: Math.min(bound, items.length) }, () => runWorker());
    await Promise.all(workers);
    return results;
}
/**
 * At most `limit` calls start in any `windowMs`, however the window is laid over time: call n may
 * start no earlier than call n - limit started, plus the window. Key Vault counts writes per 10 s
 * window, so a run with fewer writes than the limit is never slowed, and a long run goes at the
 * full allowed rate instead of a cautious steady one. Each take reserves its slot synchronously,
 * so concurrent callers never share one.
 */
function createWindowLimiter(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? sleepFor;
    const limit = Math.max(1, Math.floor(options.limit));
    // Start times of the last `limit` calls, as a ring: slots[i % limit] is call i's.
    const slots = [];
    let taken = 0;
    return {
        async take() {
            const current = now();
            const earlier = taken >= limit ? slots[taken % limit] + options.windowMs : current;
            const slot = Math.max(current, earlier);
            slots[taken % limit] = slot;
            taken += 1;
            if (slot > current)
                await sleep(slot - current);
        },
    };
}


/***/ }),

/***/ 757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: createDefaultDeps, readAuditContext

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/vault-errors.ts
var vault_errors = __webpack_require__(2387);
;// CONCATENATED MODULE: ./src/tags.ts
/**
 * Tags the action writes on every version it creates. Ownership tags decide what the action may
 * change; the prefix tag says which of an owner's sets a secret belongs to (what prune may
 * delete); audit tags say which run wrote a version and are ignored when comparing secrets.
 */
const MANAGED_BY_TAG = "managed-by";
const MANAGED_BY_VALUE = "keyvault-sync";
const OWNER_TAG = "keyvault-sync-owner";
/** The `prefix` input a version was synced under, exactly; absent when the prefix is empty. */
const PREFIX_TAG = "keyvault-sync-prefix";
const AUDIT_TAGS = {
    repository: "keyvault-sync-repository",
    run: "keyvault-sync-run",
    commit: "keyvault-sync-commit",
    ref: "keyvault-sync-ref",
};
/** Key Vault allows at most 15 tags on a secret version. */
const MAX_TAGS = 15;
/** Tag names and values: the stricter of the documented limits. */
const MAX_TAG_LENGTH = 256;
const RESERVED_TAGS = [MANAGED_BY_TAG, OWNER_TAG, PREFIX_TAG, ...Object.values(AUDIT_TAGS)];
const MAX_USER_TAGS = MAX_TAGS - RESERVED_TAGS.length;
/** The full tag set for a new version: user tags, then ownership and prefix, then audit (each ≤ 256 chars). */
function buildTags(scope, userTags, audit) {
    const tags = { ...userTags, [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: scope.owner };
    if (scope.prefix !== "")
        tags[PREFIX_TAG] = scope.prefix;
    const auditValues = [
        [AUDIT_TAGS.repository, audit.repository],
        [AUDIT_TAGS.run, audit.runUrl],
        [AUDIT_TAGS.commit, audit.commit],
        [AUDIT_TAGS.ref, audit.ref],
    ];
    for (const [name, value] of auditValues) {
        if (value)
            tags[name] = value.slice(0, MAX_TAG_LENGTH);
    }
    return tags;
}
/**
 * Both ownership tags must match exactly: a half-tagged version (someone copied one tag by hand)
 * is not ours, and another owner's version is never mistaken for ours.
 */
function readOwnership(tags, owner) {
    if (tags[MANAGED_BY_TAG] !== MANAGED_BY_VALUE)
        return { kind: "unmanaged" };
    const tagged = tags[OWNER_TAG];
    if (tagged === undefined || tagged === "")
        return { kind: "unmanaged" };
    return tagged === owner ? { kind: "ours" } : { kind: "other-owner", owner: tagged };
}
/** The prefix a version was synced under: no tag means no prefix. */
function readPrefix(tags) {
    return tags[PREFIX_TAG] ?? "";
}
/** Prefixes are compared as the Key Vault names they start: ignoring case. */
function isSamePrefix(left, right) {
    return left.toLowerCase() === right.toLowerCase();
}
/** The tags a user asked for: everything but ownership, prefix and audit tags. */
function selectUserTags(tags) {
    const user = {};
    for (const [name, value] of Object.entries(tags)) {
        if (!RESERVED_TAGS.includes(name))
            user[name] = value;
    }
    return user;
}

// EXTERNAL MODULE: ./src/vault-names.ts
var vault_names = __webpack_require__(618);
;// CONCATENATED MODULE: ./src/plan.ts


function sameTags(left, right) {
    const leftNames = Object.keys(left);
    return leftNames.length === Object.keys(right).length && leftNames.every((name) => right[name] === left[name]);
}
/**
 * Value, content type, user tags, ownership tags and the prefix tag must match; audit tags are
 * ignored. The prefix tag is compared exactly (it is written exactly), so a prefix whose case
 * changed is rewritten too. Expiry only matters when the inputs ask for one and the version has
 * none: comparing the date itself would churn a new expiry on every run as time passes.
 */
function compareSecret(value, current, scope, metadata) {
    if (current.value !== value)
        return { kind: "value" };
    const changed = [];
    if (readOwnership(current.tags, scope.owner).kind !== "ours")
        changed.push("ownership tags");
    if (current.tags[PREFIX_TAG] !== (scope.prefix === "" ? undefined : scope.prefix))
        changed.push("prefix tag");
    if (!sameTags(selectUserTags(current.tags), metadata.tags))
        changed.push("tags");
    // An empty content type is no content type: comparing "" with a missing one would churn.
    const wanted = metadata.contentType || undefined;
    const stored = current.contentType || undefined;
    const contentTypeRemoved = wanted === undefined && stored !== undefined;
    if (stored !== wanted)
        changed.push(contentTypeRemoved ? "content type removed" : "content type");
    if (metadata.expiresInSeconds !== undefined && current.expiresOn === undefined)
        changed.push("expiry");
    return changed.length === 0 ? { kind: "same" } : { kind: "metadata", changed, newVersion: contentTypeRemoved };
}
/** A copy whose value does not show up in JSON, logs or inspection of the plan. */
function hideValue(secret) {
    const copy = { source: secret.source, name: secret.name, origin: secret.origin };
    Object.defineProperty(copy, "value", { value: secret.value, enumerable: false });
    return copy;
}
// ---- Planning ----
function formatDate(date) {
    return date === undefined ? "an unknown date" : date.toISOString().slice(0, 10);
}
function itemFor(secret, action, reason, extra = {}) {
    return { source: secret.source, name: secret.name, action, reason, origin: secret.origin, ...extra };
}
/** Said on every write to a secret of this owner that another prefix's run synced last. */
function describeOtherPrefix(tags, prefix) {
    const stored = readPrefix(tags);
    if (isSamePrefix(stored, prefix))
        return "";
    return stored === "" ? "; was synced without a prefix" : `; was synced under prefix '${stored}'`;
}
function planExisting(secret, existing, context) {
    const { owner, prefix, adopt, metadata } = context.options;
    const stored = existing.name === secret.name ? "" : ` (stored as '${existing.name}'; Key Vault names are case-insensitive)`;
    if (existing.managed) {
        return itemFor(secret, "skip", `certificate-backed secret: its lifetime is managed by Key Vault, so keyvault-sync never writes it${stored}`);
    }
    const ownership = readOwnership(existing.tags, owner);
    if (ownership.kind === "other-owner") {
        return itemFor(secret, "fail", `managed by keyvault-sync for another owner ('${ownership.owner}'); this run's owner is '${owner}'${stored}`, {
            hint: "Another owner's secrets are never changed, not even with 'adopt'. Use the same 'owner' input in both workflows, or sync under different names (e.g. with 'prefix').",
        });
    }
    let adopting = "";
    if (ownership.kind === "unmanaged") {
        const drifted = existing.history?.kind === "owned-before";
        const why = drifted
            ? `drifted: the latest version was written outside keyvault-sync on ${formatDate(existing.createdOn ?? existing.updatedOn)}; an older version was written by this owner`
            : "exists in the vault but was not created by keyvault-sync";
        if (!adopt) {
            return itemFor(secret, "fail", `${why}${stored}`, {
                hint: drifted
                    ? "Check who changed it. Set 'adopt: true' to overwrite it with the value from the sources, or remove it from the sources."
                    : "Set 'adopt: true' to take it over (its versions then carry this owner's tags), or remove it from the sources.",
            });
        }
        adopting = drifted ? `adopting a drifted secret (${why}): ` : "adopting a secret not created by keyvault-sync: ";
    }
    // Every write below ends with this: where the secret was stored, and which set it came from.
    const written = `${ownership.kind === "ours" ? describeOtherPrefix(existing.tags, prefix) : ""}${stored}`;
    if (!existing.enabled) {
        return itemFor(secret, "fail", `disabled in the vault; keyvault-sync does not write or re-enable disabled secrets${stored}`, {
            hint: `Enable it (az keyvault secret set-attributes --vault-name ${context.vaultName} --name ${existing.name} --enabled true) or remove it from the sources.`,
        });
    }
    const hidden = hideValue(secret);
    const setNewVersion = { change: { kind: "set", secret: hidden } };
    if (existing.value.kind === "failed") {
        const failure = existing.value.failure;
        // Missing read permission (e.g. Key Vault Reader): a write may still be allowed, and it says so.
        if (failure.kind === "forbidden-rbac" || failure.kind === "forbidden-policy" || failure.kind === "forbidden-other") {
            return itemFor(secret, "update", `${adopting}value not compared (${failure.message}): new version${written}`, setNewVersion);
        }
        return itemFor(secret, "fail", `${adopting}could not read the current value: ${failure.message}${stored}`, { hint: failure.hint });
    }
    if (existing.value.kind === "not-read") {
        return itemFor(secret, "update", `${adopting}value not compared (not read): new version${written}`, setNewVersion);
    }
    const comparison = compareSecret(secret.value, { ...existing, value: existing.value.value }, { owner, prefix }, metadata);
    if (comparison.kind === "same")
        return itemFor(secret, "unchanged", `value and metadata match${stored}`);
    if (comparison.kind === "value")
        return itemFor(secret, "update", `${adopting}value changed: new version${written}`, setNewVersion);
    const what = comparison.changed.join(", ");
    if (comparison.newVersion || existing.version === undefined) {
        return itemFor(secret, "update", `${adopting}metadata only (${what}): new version with the same value${written}`, setNewVersion);
    }
    return itemFor(secret, "update", `${adopting}metadata only (${what}): properties updated, no new version${written}`, {
        change: { kind: "patch", secret: hidden, storedName: existing.name, version: existing.version, currentExpiresOn: existing.expiresOn },
    });
}
/** A desired name that is soft-deleted: recover it if it is ours (or adoptable), else fail. */
function planSoftDeleted(secret, deleted, rules) {
    const { owner, adopt } = rules;
    const when = formatDate(deleted.deletedOn);
    const manualHint = `Recover it (az keyvault secret recover --vault-name ${rules.vaultName} --name ${deleted.name}) or purge it by hand; keyvault-sync never purges.`;
    if (deleted.managed) {
        return itemFor(secret, "fail", `soft-deleted certificate-backed secret (deleted ${when}); keyvault-sync never writes certificate-backed secrets`, {
            hint: "Recover the certificate, or sync under another name.",
        });
    }
    const ownership = readOwnership(deleted.tags, owner);
    const recover = { change: { kind: "recover", secret: hideValue(secret), storedName: deleted.name, adopt } };
    if (ownership.kind === "ours") {
        return itemFor(secret, "recover", `soft-deleted on ${when}: will be recovered, then its value and metadata brought up to date`, recover);
    }
    if (ownership.kind === "other-owner") {
        return itemFor(secret, "fail", `soft-deleted on ${when}; it was managed by keyvault-sync for another owner ('${ownership.owner}')`, {
            hint: `${manualHint} Another owner's secrets are never recovered or adopted.`,
        });
    }
    if (adopt) {
        return itemFor(secret, "recover", `adopting a soft-deleted secret not created by keyvault-sync (deleted ${when}): will be recovered, then brought up to date`, recover);
    }
    return itemFor(secret, "fail", `soft-deleted on ${when} and not created by keyvault-sync; its name cannot be reused until it is recovered or purged`, {
        hint: `${manualHint} Or set 'adopt: true' to recover it and take it over.`,
    });
}
function planPrune(input, state) {
    const { owner, prefix } = input.options;
    const targeted = new Set(input.desired.map((secret) => secret.name.toLowerCase()));
    const heldBack = new Map();
    for (const rejection of input.rejected) {
        if (rejection.name !== undefined)
            heldBack.set(rejection.name.toLowerCase(), rejection);
    }
    const failedEntries = input.rejected.filter((rejection) => rejection.status === "failed").length;
    const items = [];
    for (const existing of state.secrets) {
        const key = existing.name.toLowerCase();
        const candidate = !existing.managed &&
            readOwnership(existing.tags, owner).kind === "ours" &&
            isSamePrefix(readPrefix(existing.tags), prefix) &&
            key.startsWith(prefix.toLowerCase()) &&
            !targeted.has(key);
        if (!candidate)
            continue;
        const rejection = heldBack.get(key);
        const base = { source: undefined, name: existing.name, origin: undefined };
        if (rejection !== undefined) {
            const outcome = rejection.status === "failed" ? "failed" : "was skipped";
            items.push({ ...base, source: rejection.source, origin: rejection.origin, action: "skip", reason: `not pruned: source entry '${rejection.source}' still maps to this name but ${outcome} this run` });
        }
        else if (failedEntries > 0) {
            items.push({ ...base, action: "skip", reason: `not pruned: ${failedEntries} source ${failedEntries === 1 ? "entry" : "entries"} failed this run, and pruning waits for a clean run so an input mistake never deletes secrets` });
        }
        else if (input.desired.length === 0) {
            items.push({ ...base, action: "skip", reason: "not pruned: the sources produced no secrets this run, and keyvault-sync refuses to delete every secret it manages" });
        }
        else {
            const days = existing.recoverableDays === undefined ? "" : ` for ${existing.recoverableDays} days`;
            items.push({ ...base, action: "delete", reason: `no longer in the sources: soft delete (recoverable${days})`, change: { kind: "delete", storedName: existing.name } });
        }
    }
    return items;
}
function itemFromRejection(rejection) {
    return {
        source: rejection.source,
        // A name that could not be formed is shown under the source key instead.
        name: rejection.name ?? rejection.source,
        action: rejection.status === "failed" ? "fail" : "skip",
        reason: rejection.reason,
        origin: rejection.origin,
    };
}
function decidedAgainst(options) {
    return { scope: { owner: options.owner, prefix: options.prefix }, metadata: options.metadata };
}
function planChanges(input) {
    const items = input.rejected.map(itemFromRejection);
    const state = input.state;
    if (state === undefined) {
        for (const secret of input.desired) {
            items.push(itemFor(secret, "skip", "validated offline only: not compared with the vault, which this run cannot read", { offline: true }));
        }
        return { items: items.sort(vault_names/* compareByVaultName */.S), offline: true, ...decidedAgainst(input.options) };
    }
    const context = { options: input.options, vaultName: (0,vault_names/* readVaultName */.O)(state.vaultUrl) };
    const existingByName = new Map(state.secrets.map((secret) => [secret.name.toLowerCase(), secret]));
    const deletedByName = new Map(state.deleted.map((secret) => [secret.name.toLowerCase(), secret]));
    const createReason = state.deletedUnavailable === undefined
        ? "new secret"
        : `new secret (soft-deleted names could not be checked: ${state.deletedUnavailable.message})`;
    for (const secret of input.desired) {
        const key = secret.name.toLowerCase();
        const existing = existingByName.get(key);
        const deleted = deletedByName.get(key);
        if (existing !== undefined)
            items.push(planExisting(secret, existing, context));
        else if (deleted !== undefined)
            items.push(planSoftDeleted(secret, deleted, { owner: input.options.owner, adopt: input.options.adopt, vaultName: context.vaultName }));
        else {
            const whenSoftDeleted = { owner: input.options.owner, adopt: input.options.adopt };
            items.push(itemFor(secret, "create", createReason, { change: { kind: "set", secret: hideValue(secret), whenSoftDeleted } }));
        }
    }
    if (input.options.prune)
        items.push(...planPrune(input, state));
    return { items: items.sort(vault_names/* compareByVaultName */.S), offline: false, ...decidedAgainst(input.options) };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/limiter.ts
var limiter = __webpack_require__(1555);
;// CONCATENATED MODULE: ./src/apply.ts
/**
 * The applier: Plan -> one ChangeResult per item, with bounded concurrency, in the plan's order
 * (the planner sorts it). One item's failure is that item's result; applyPlan never throws for
 * one item and never stops the others. Retries and pacing are the vault adapter's job.
 */






function resultFromItem(item, status, reason = item.reason) {
    const result = { source: item.source, name: item.name, action: item.action, status, reason, origin: item.origin };
    if (item.hint !== undefined && status === "failed")
        result.hint = item.hint;
    if (item.offline && status === "skipped")
        result.offline = true;
    return result;
}
/** The outcome each action has when it works; a dry run reports exactly this. */
const PREDICTED_STATUS = {
    create: "created",
    update: "updated",
    unchanged: "unchanged",
    recover: "recovered",
    delete: "deleted",
    skip: "skipped",
    fail: "failed",
};
function buildWrite(secret, context) {
    return { value: secret.value, contentType: context.metadata.contentType || undefined, tags: context.tags, expiresOn: context.expiresOn };
}
/** A PATCH keeps an expiry the version already has (no churn) and adds one when it has none. */
function buildUpdate(currentExpiry, context) {
    return {
        contentType: context.metadata.contentType || undefined,
        tags: context.tags,
        expiresOn: currentExpiry === undefined ? context.expiresOn : undefined,
    };
}
function failedResult(item, error, prefix = "") {
    const result = resultFromItem(item, "failed", `${prefix}${(0,errors/* errorMessage */.gJ)(error)}`);
    if (error instanceof errors/* SyncError */.S0 && error.hint !== undefined)
        result.hint = error.hint;
    return result;
}
/**
 * Why the recovered secret is no longer one the plan may write, or undefined when it still is.
 * The SDK's recover reports success without recovering when the name already exists, so a secret
 * someone else recovered (and perhaps rewrote) since the plan looks recovered by us: its latest
 * version must pass the planner's ownership rule again.
 */
function findForeignRecovery(tags, change, owner) {
    const ownership = readOwnership(tags, owner);
    if (ownership.kind === "ours" || (ownership.kind === "unmanaged" && change.adopt))
        return undefined;
    const whose = ownership.kind === "other-owner" ? `managed by keyvault-sync for another owner ('${ownership.owner}')` : "written outside keyvault-sync";
    return `recovered by someone else since the plan; its latest version is not ours (${whose}), so nothing was written`;
}
/** Recover, then write only what differs: the recovered version may already be right. */
async function recoverThenWrite(item, change, vault, context) {
    await vault.recoverSecret(change.storedName);
    try {
        const current = await vault.getSecret(change.storedName);
        if (!current.found) {
            await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
            return resultFromItem(item, "recovered", "recovered; a new version was written");
        }
        const foreign = findForeignRecovery(current.properties.tags, change, context.scope.owner);
        if (foreign !== undefined) {
            const result = resultFromItem(item, "failed", foreign);
            result.hint = `Check who recovered '${current.properties.name}' and why, then run the sync again: the next plan compares against what it holds now.`;
            return result;
        }
        const comparison = compareSecret(change.secret.value, { ...current.properties, value: current.value }, context.scope, context.metadata);
        if (comparison.kind === "same")
            return resultFromItem(item, "recovered", "recovered; value and metadata already match");
        if (comparison.kind === "metadata" && !comparison.newVersion && current.properties.version !== undefined) {
            await vault.updateProperties(current.properties.name, current.properties.version, buildUpdate(current.properties.expiresOn, context));
            return resultFromItem(item, "recovered", `recovered; metadata updated (${comparison.changed.join(", ")})`);
        }
        await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
        const what = comparison.kind === "value" ? "value changed" : `metadata changed (${comparison.changed.join(", ")})`;
        return resultFromItem(item, "recovered", `recovered; ${what}: a new version was written`);
    }
    catch (error) {
        return failedResult(item, error, `recovered '${change.storedName}', but bringing it up to date failed: `);
    }
}
/**
 * A create that met a soft-deleted name (deleted just before the vault was read): decide as the
 * planner would have, had it seen the name in the deleted list.
 */
async function recoverInsteadOfCreate(item, change, rules, vault, context, refused) {
    const deleted = await vault.getDeletedSecret(change.secret.name);
    if (deleted === undefined)
        throw refused;
    const decision = planSoftDeleted(change.secret, deleted, { ...rules, vaultName: (0,vault_names/* readVaultName */.O)(vault.vaultUrl) });
    const found = "found soft-deleted at write time";
    if (decision.change?.kind !== "recover") {
        const result = resultFromItem(item, "failed", `${found}: ${decision.reason}`);
        if (decision.hint !== undefined)
            result.hint = decision.hint;
        return result;
    }
    const result = await recoverThenWrite(item, decision.change, vault, context);
    return { ...result, reason: `${found}; ${result.reason}` };
}
async function applyChange(item, change, vault, context) {
    switch (change.kind) {
        case "set":
            try {
                await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
            }
            catch (error) {
                const softDeleted = error instanceof vault_errors/* VaultError */.hb && error.failure.kind === "deleted-recoverable";
                if (softDeleted && change.whenSoftDeleted !== undefined)
                    return recoverInsteadOfCreate(item, change, change.whenSoftDeleted, vault, context, error);
                throw error;
            }
            return resultFromItem(item, item.action === "create" ? "created" : "updated");
        case "patch":
            await vault.updateProperties(change.storedName, change.version, buildUpdate(change.currentExpiresOn, context));
            return resultFromItem(item, "updated");
        case "delete":
            await vault.deleteSecret(change.storedName);
            return resultFromItem(item, "deleted");
        case "recover":
            return recoverThenWrite(item, change, vault, context);
    }
}
async function applyItem(item, vault, context) {
    if (item.action === "unchanged" || item.action === "skip" || item.action === "fail")
        return resultFromItem(item, PREDICTED_STATUS[item.action]);
    if (item.change === undefined)
        return resultFromItem(item, "failed", `nothing to apply for a '${item.action}' item (the plan carries no change)`);
    try {
        return await applyChange(item, item.change, vault, context);
    }
    catch (error) {
        return failedResult(item, error);
    }
}
/** One result per plan item, in the plan's order. */
async function applyPlan(plan, vault, options) {
    if (options.dryRun)
        return plan.items.map((item) => resultFromItem(item, PREDICTED_STATUS[item.action]));
    if (vault === undefined)
        throw new errors/* SyncError */.S0("Failed to apply the plan: no vault client, and this is not a dry run");
    // Owner, prefix and metadata come from the plan: what is written is what was compared.
    const { scope, metadata } = plan;
    const expiresIn = metadata.expiresInSeconds;
    const context = {
        scope,
        metadata,
        // One tag set and one expiry for the whole run: every version this run writes says the same.
        tags: buildTags(scope, metadata.tags, options.audit),
        expiresOn: expiresIn === undefined ? undefined : new Date(options.now.getTime() + expiresIn * 1000),
    };
    return (0,limiter/* mapWithConcurrency */.WS)(plan.items, options.concurrency, (item) => applyItem(item, vault, context));
}

// EXTERNAL MODULE: ./src/auth/github-oidc.ts
var github_oidc = __webpack_require__(4377);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __webpack_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/clouds.ts
const CLOUD_NAMES = ["public", "usgovernment", "china"];
const CLOUDS = {
    public: {
        name: "public",
        authorityHost: "https://login.microsoftonline.com",
        vaultSuffix: "vault.azure.net",
        audience: "api://AzureADTokenExchange",
        vaultScope: "https://vault.azure.net/.default",
    },
    usgovernment: {
        name: "usgovernment",
        authorityHost: "https://login.microsoftonline.us",
        vaultSuffix: "vault.usgovcloudapi.net",
        audience: "api://AzureADTokenExchangeUSGov",
        vaultScope: "https://vault.usgovcloudapi.net/.default",
    },
    china: {
        name: "china",
        authorityHost: "https://login.chinacloudapi.cn",
        vaultSuffix: "vault.azure.cn",
        audience: "api://AzureADTokenExchangeChina",
        vaultScope: "https://vault.azure.cn/.default",
    },
};
/** The cloud whose vault suffix ends the given host name (case-insensitive), if any. */
function findCloudByVaultHost(host) {
    const lower = host.toLowerCase();
    return CLOUD_NAMES.map((name) => CLOUDS[name]).find((cloud) => lower.endsWith(`.${cloud.vaultSuffix}`));
}

;// CONCATENATED MODULE: ./src/globs.ts
/**
 * Glob patterns over source names (`include` / `exclude`). Source names are flat identifiers
 * (GitHub secret names, dotenv keys), so there are no path separators and no `**`: only `*` (any
 * run of characters, possibly empty), `?` (exactly one character) and classes such as `[A-Z]`,
 * `[!0-9]` or `[^_]`. Matching ignores case because GitHub secret names do.
 *
 * The pattern alphabet is limited to the characters a source name can hold plus the wildcards:
 * anything else can never match a name and is far more likely a mistake (a leading `!` meant as
 * negation, a space, a brace expansion) than an intent.
 */
const NAME_CHAR = /^[0-9A-Za-z_.-]$/;
/** What is wrong with a pattern (names the position, not the text), or undefined when valid. */
function checkGlob(pattern) {
    const parsed = parseGlob(pattern);
    return parsed.ok ? undefined : parsed.problem;
}
/** Whether a source name matches a pattern, ignoring case. Throws for an invalid pattern. */
function matchesGlob(name, pattern) {
    const parsed = parseGlob(pattern);
    if (!parsed.ok)
        throw new Error(`Invalid glob pattern: ${parsed.problem}`);
    return parsed.regex.test(name);
}
function parseGlob(pattern) {
    if (pattern === "")
        return { ok: false, problem: "is empty" };
    if (pattern.startsWith("!")) {
        return { ok: false, problem: "starts with '!'; negation is not supported, use the exclude input instead" };
    }
    let source = "";
    let index = 0;
    while (index < pattern.length) {
        const char = pattern[index];
        const column = index + 1;
        if (char === "*") {
            source += "[\\s\\S]*";
            index += 1;
        }
        else if (char === "?") {
            source += "[\\s\\S]";
            index += 1;
        }
        else if (char === "[") {
            const parsedClass = parseClass(pattern, index);
            if (!parsedClass.ok)
                return parsedClass;
            source += parsedClass.source;
            index = parsedClass.end;
        }
        else if (char === "]") {
            return { ok: false, problem: `has ']' without a matching '[' at column ${column}` };
        }
        else if (NAME_CHAR.test(char)) {
            source += escapeForRegex(char);
            index += 1;
        }
        else {
            return {
                ok: false,
                problem: `has a character that no source name can contain at column ${column}; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'`,
            };
        }
    }
    return { ok: true, regex: new RegExp(`^${source}$`, "i") };
}
/** Parses `[...]` starting at `start` (the `[`); `end` is the index after the closing `]`. */
function parseClass(pattern, start) {
    let index = start + 1;
    let negated = false;
    if (pattern[index] === "!" || pattern[index] === "^") {
        negated = true;
        index += 1;
    }
    const parts = [];
    while (index < pattern.length && pattern[index] !== "]") {
        const low = pattern[index];
        if (!NAME_CHAR.test(low)) {
            return { ok: false, problem: `has a character class with an unsupported character at column ${index + 1}` };
        }
        const high = pattern[index + 2];
        if (pattern[index + 1] === "-" && high !== undefined && high !== "]") {
            if (!NAME_CHAR.test(high)) {
                return { ok: false, problem: `has a character class with an unsupported character at column ${index + 3}` };
            }
            if (low > high) {
                return { ok: false, problem: `has a character range out of order at column ${index + 1}` };
            }
            parts.push(`${escapeForRegex(low)}-${escapeForRegex(high)}`);
            index += 3;
        }
        else {
            parts.push(escapeForRegex(low));
            index += 1;
        }
    }
    if (index >= pattern.length) {
        return { ok: false, problem: `has '[' without a closing ']' at column ${start + 1}` };
    }
    if (parts.length === 0) {
        return { ok: false, problem: `has an empty character class at column ${start + 1}` };
    }
    return { ok: true, source: `[${negated ? "^" : ""}${parts.join("")}]`, end: index + 1 };
}
function escapeForRegex(char) {
    return /[0-9A-Za-z_]/.test(char) ? char : `\\${char}`;
}

;// CONCATENATED MODULE: ./src/naming.ts


const MAX_NAME_LENGTH = 127;
/**
 * Key Vault documents "25k bytes" per value. We read that as 25 × 1024 bytes of UTF-8 (the Azure
 * CLI refuses above 25,600 too); a value the service still refuses fails on its own at write time.
 */
const MAX_VALUE_BYTES = 25 * 1024;
/** GitHub puts GITHUB_TOKEN into every `toJSON(secrets)`; it is never meant for a vault. */
const GITHUB_TOKEN_NAME = "github_token";
const VAULT_NAME = /^[0-9A-Za-z-]+$/;
/**
 * Filter, transform, prefix and validate source entries; find case-insensitive collisions. Pure.
 *
 * - Filtered-out entries (not included, excluded, `github_token`) are dropped without a trace:
 *   with `toJSON(secrets)` most secrets of a repository are usually not meant for this vault.
 * - A name Key Vault cannot hold fails; an empty value is skipped (it never overwrites); a value
 *   over MAX_VALUE_BYTES fails. The name check comes first: it is a configuration mistake.
 * - Every entry with a valid name takes part in collision detection, empty or oversized values
 *   included, because two sources for one secret is an ambiguity to fix whatever their values.
 *   A collision fails every entry involved.
 * - Both lists are sorted by Key Vault name ignoring case (then exactly, then by source name).
 */
function nameSecrets(entries, rules) {
    const rejected = [];
    const named = [];
    for (const entry of entries) {
        if (!isSelected(entry.key, rules))
            continue;
        const name = rules.prefix + transformName(entry.key, rules.transform);
        const problem = findNameProblem(name, rules.transform);
        if (problem !== undefined) {
            rejected.push({ ...describe(entry), name: name === "" ? undefined : name, status: "failed", reason: problem });
        }
        else {
            named.push({ entry, name });
        }
    }
    const byFoldedName = new Map();
    for (const item of named) {
        const folded = item.name.toLowerCase();
        const group = byFoldedName.get(folded);
        if (group)
            group.push(item);
        else
            byFoldedName.set(folded, [item]);
    }
    const desired = [];
    for (const group of byFoldedName.values()) {
        if (group.length > 1) {
            for (const item of group) {
                const others = group.filter((other) => other !== item).map((other) => describeSource(other.entry));
                rejected.push({
                    ...describe(item.entry),
                    name: item.name,
                    status: "failed",
                    reason: `Key Vault name '${item.name}' collides with ${joinList(others)} (Key Vault names ignore case); rename or exclude all but one`,
                });
            }
            continue;
        }
        const [{ entry, name }] = group;
        if (entry.value === "") {
            rejected.push({
                ...describe(entry),
                name,
                status: "skipped",
                reason: "the value is empty; an empty value never overwrites a secret",
            });
        }
        else if (Buffer.byteLength(entry.value, "utf8") > MAX_VALUE_BYTES) {
            rejected.push({
                ...describe(entry),
                name,
                status: "failed",
                reason: `the value is larger than Key Vault allows (${MAX_VALUE_BYTES} bytes of UTF-8)`,
            });
        }
        else {
            desired.push({ source: entry.key, name, value: entry.value, origin: entry.origin });
        }
    }
    return {
        desired: desired.sort(vault_names/* compareByVaultName */.S),
        rejected: rejected.sort(vault_names/* compareByVaultName */.S),
    };
}
/** The Key Vault name for a source name under a transform, before the prefix. */
function transformName(key, transform) {
    return transform === "hyphens" ? key.replace(/[^0-9A-Za-z-]/gu, "-") : key;
}
/** Whether a source name passes include/exclude and the `github_token` rule. */
function isSelected(key, rules) {
    const folded = key.toLowerCase();
    if (folded === GITHUB_TOKEN_NAME && !rules.include.some((pattern) => pattern.toLowerCase() === GITHUB_TOKEN_NAME)) {
        return false;
    }
    if (rules.include.length > 0 && !rules.include.some((pattern) => matchesGlob(key, pattern)))
        return false;
    return !rules.exclude.some((pattern) => matchesGlob(key, pattern));
}
/** Why Key Vault cannot hold this name, or undefined when it can. Names are not secret. */
function findNameProblem(name, transform) {
    if (name === "")
        return "Key Vault names need at least one character";
    if (name.length > MAX_NAME_LENGTH) {
        return `Key Vault names are at most ${MAX_NAME_LENGTH} characters; '${name}' has ${name.length} (prefix included)`;
    }
    if (!VAULT_NAME.test(name)) {
        const offending = [...new Set([...name].filter((char) => !VAULT_NAME.test(char)))];
        const shown = offending.map((char) => `'${char}'`).join(", ");
        const advice = transform === "none" ? " (use name-transform: hyphens)" : "";
        return `Key Vault names may contain only letters, digits and hyphens; '${name}' has ${shown}${advice}`;
    }
    return undefined;
}
/** How an entry's origin reads in messages: "secrets" or "deploy/.env line 3". */
function describeOrigin(origin) {
    return origin.kind === "secrets" ? "secrets" : `${origin.file} line ${origin.line}`;
}
function describeSource(entry) {
    return `'${entry.key}' (${describeOrigin(entry.origin)})`;
}
function describe(entry) {
    return { source: entry.key, origin: entry.origin };
}
function joinList(items) {
    if (items.length <= 1)
        return items.join("");
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

;// CONCATENATED MODULE: ./src/inputs.ts






/** The action's inputs in action.yml order; problems are reported in this order. */
const INPUT_NAMES = [
    "vault",
    "secrets",
    "env-file",
    "include",
    "exclude",
    "prefix",
    "name-transform",
    "tenant-id",
    "client-id",
    "auth",
    "cloud",
    "audience",
    "dry-run",
    "prune",
    "adopt",
    "owner",
    "content-type",
    "tags",
    "expires-in",
    "concurrency",
];
const AUTH_MODES = ["oidc", "azure-cli", "managed-identity"];
const DEFAULT_CONCURRENCY = 16;
const MAX_CONCURRENCY = 64;
const MAX_CONTENT_TYPE_LENGTH = 255;
/** Federated credential audiences are at most 600 characters. */
const MAX_AUDIENCE_LENGTH = 600;
/** A secret that expires a century from now does not need an expiry date. */
const MAX_EXPIRES_IN_SECONDS = 100 * 365 * 24 * 60 * 60;
const MAX_PREFIX_LENGTH = MAX_NAME_LENGTH - 1;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[0-9a-zA-Z.-]+$/;
/** Multi-tenant aliases: a federated credential lives in exactly one tenant. */
const TENANT_ALIASES = new Set(["common", "organizations", "consumers"]);
const inputs_VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;
const TRUE_SPELLINGS = new Set(["true", "True", "TRUE"]);
const FALSE_SPELLINGS = new Set(["false", "False", "FALSE"]);
/** Seconds per unit of `expires-in`. No months or years: their length varies. */
const DURATION_UNITS = {
    m: 60,
    h: 60 * 60,
    d: 24 * 60 * 60,
    w: 7 * 24 * 60 * 60,
};
/** Reads and checks every input. Throws InputError naming each problem (never a value). */
function readInputs(getInput, env) {
    const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name).trim()]));
    // The fallback message keeps zod's generic wording (and anything it might quote) out.
    const result = buildSchema(env, raw).safeParse(raw, { error: () => "is not valid" });
    if (result.success)
        return result.data;
    throw toInputError(result.error.issues);
}
function toInputError(issues) {
    const problems = issues.map((issue) => ({
        input: String(issue.path[0] ?? "inputs"),
        rule: issue.message,
        hint: issue.code === "custom" && typeof issue.params?.hint === "string" ? issue.params.hint : undefined,
    }));
    const order = (input) => {
        const index = INPUT_NAMES.indexOf(input);
        return index === -1 ? INPUT_NAMES.length : index;
    };
    problems.sort((a, b) => order(a.input) - order(b.input));
    const [first, ...others] = problems;
    const hintLines = [
        ...(first.hint ? [first.hint] : []),
        ...others.map((other) => `Also invalid: input '${other.input}': ${other.rule}`),
    ];
    return new errors/* InputError */.dz(first.input, first.rule, hintLines.length > 0 ? hintLines.join("\n") : undefined);
}
function report(ctx, input, rule, hint) {
    ctx.addIssue({ code: "custom", path: [input], message: rule, params: hint === undefined ? {} : { hint } });
    return core_core/* NEVER */.tm;
}
/** A text input whose checks live in `check`, which reports problems and returns the value. */
function inputs_text(check) {
    return schemas/* string */.YjP().transform((value, ctx) => check(value, ctx));
}
/** One of `options`, ignoring case; "" gives `fallback`. */
function choice(input, options, fallback) {
    return inputs_text((value, ctx) => {
        if (value === "")
            return fallback;
        return findChoice(value, options) ?? report(ctx, input, `must be one of ${options.join(", ")}`);
    });
}
function findChoice(value, options) {
    const folded = value.toLowerCase();
    return options.find((option) => option === folded);
}
function flag(input) {
    return inputs_text((value, ctx) => {
        if (value === "" || FALSE_SPELLINGS.has(value))
            return false;
        if (TRUE_SPELLINGS.has(value))
            return true;
        return report(ctx, input, "must be true or false");
    });
}
/** One item per line, blank lines ignored; with `commas`, commas separate items too. */
function splitList(value, commas) {
    return value
        .split(commas ? /[\r\n,]+/ : /\r?\n/)
        .map((item) => item.trim())
        .filter((item) => item !== "");
}
function globList(input) {
    return inputs_text((value, ctx) => {
        const patterns = splitList(value, true);
        patterns.forEach((pattern, index) => {
            const problem = checkGlob(pattern);
            if (problem !== undefined)
                report(ctx, input, `pattern ${index + 1} ${problem}`);
        });
        return patterns;
    });
}
const envFiles = inputs_text((value, ctx) => {
    const paths = splitList(value, false);
    paths.forEach((path, index) => {
        const earlier = paths.indexOf(path);
        if (earlier !== index) {
            report(ctx, "env-file", `entry ${index + 1} repeats entry ${earlier + 1}; each file may be listed once`);
        }
    });
    return paths;
});
const prefix = inputs_text((value, ctx) => {
    if (!/^[0-9A-Za-z-]*$/.test(value)) {
        return report(ctx, "prefix", "may contain only letters, digits and hyphens (Key Vault secret names allow nothing else)");
    }
    if (value.length > MAX_PREFIX_LENGTH) {
        return report(ctx, "prefix", `must be at most ${MAX_PREFIX_LENGTH} characters, to leave room for a name (Key Vault names are at most ${MAX_NAME_LENGTH}); it has ${value.length}`);
    }
    return value;
});
const audience = inputs_text((value, ctx) => {
    if (value === "")
        return undefined;
    if (/\s/.test(value))
        return report(ctx, "audience", "must not contain whitespace");
    if (value.length > MAX_AUDIENCE_LENGTH) {
        return report(ctx, "audience", `must be at most ${MAX_AUDIENCE_LENGTH} characters (a federated credential limit)`);
    }
    return value;
});
const contentType = inputs_text((value, ctx) => {
    if (value === "")
        return undefined;
    if (value.length > MAX_CONTENT_TYPE_LENGTH) {
        return report(ctx, "content-type", `must be at most ${MAX_CONTENT_TYPE_LENGTH} characters (a Key Vault limit); it has ${value.length}`);
    }
    return value;
});
const tags = inputs_text((value, ctx) => {
    const result = {};
    const firstLineOf = new Map();
    const reserved = new Map(RESERVED_TAGS.map((name) => [name.toLowerCase(), name]));
    let count = 0;
    value.split(/\r?\n/).forEach((line, index) => {
        const lineNumber = index + 1;
        if (line.trim() === "")
            return;
        count += 1;
        const equals = line.indexOf("=");
        if (equals === -1) {
            report(ctx, "tags", `line ${lineNumber} is not key=value`);
            return;
        }
        const key = line.slice(0, equals).trim();
        const tagValue = line.slice(equals + 1).trim();
        const folded = key.toLowerCase();
        const reservedName = reserved.get(folded);
        const earlier = firstLineOf.get(folded);
        if (key === "") {
            report(ctx, "tags", `line ${lineNumber} has an empty key`);
        }
        else if (key.length > MAX_TAG_LENGTH) {
            report(ctx, "tags", `line ${lineNumber} has a key longer than ${MAX_TAG_LENGTH} characters`);
        }
        else if (tagValue.length > MAX_TAG_LENGTH) {
            report(ctx, "tags", `line ${lineNumber} has a value longer than ${MAX_TAG_LENGTH} characters`);
        }
        else if (reservedName !== undefined) {
            report(ctx, "tags", `line ${lineNumber} uses '${reservedName}', a tag the action writes itself (reserved: ${RESERVED_TAGS.join(", ")})`);
        }
        else if (earlier !== undefined) {
            report(ctx, "tags", `line ${lineNumber} repeats the key of line ${earlier} (tag names ignore case)`);
        }
        else {
            firstLineOf.set(folded, lineNumber);
            result[key] = tagValue;
        }
    });
    if (count > MAX_USER_TAGS) {
        report(ctx, "tags", `allows at most ${MAX_USER_TAGS} tags (Key Vault allows ${MAX_TAGS} per secret and the action writes ${RESERVED_TAGS.length} of its own); ${count} given`);
    }
    return result;
});
const expiresIn = inputs_text((value, ctx) => {
    if (value === "")
        return undefined;
    const match = /^([0-9]{1,12})([a-z])$/.exec(value);
    const unit = match ? DURATION_UNITS[match[2]] : undefined;
    const amount = match ? Number(match[1]) : 0;
    if (!match || unit === undefined || amount === 0) {
        return report(ctx, "expires-in", "must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d");
    }
    const seconds = amount * unit;
    if (seconds > MAX_EXPIRES_IN_SECONDS)
        return report(ctx, "expires-in", "must be at most 100 years (36500d)");
    return seconds;
});
const CONCURRENCY_RULE = `must be a whole number from 1 to ${MAX_CONCURRENCY}`;
const concurrency = schemas/* string */.YjP()
    .transform((value) => (value === "" ? String(DEFAULT_CONCURRENCY) : value))
    .pipe(schemas/* string */.YjP().regex(/^[0-9]{1,3}$/, { error: CONCURRENCY_RULE }))
    .transform(Number)
    .pipe(schemas/* number */.aig().int().min(1, { error: CONCURRENCY_RULE }).max(MAX_CONCURRENCY, { error: CONCURRENCY_RULE }));
/**
 * The schema, with the raw inputs at hand: `vault` depends on `cloud`, `tenant-id`/`client-id`
 * on `auth`, and `secrets` on `env-file`. Each field reports its own problems (dependents are
 * skipped while what they depend on is invalid), so one run names every problem.
 */
function buildSchema(env, raw) {
    const cloudName = raw.cloud === "" ? "public" : findChoice(raw.cloud, CLOUD_NAMES);
    const cloud = cloudName === undefined ? undefined : CLOUDS[cloudName];
    const auth = raw.auth === "" ? "oidc" : findChoice(raw.auth, AUTH_MODES);
    return schemas/* object */.Ikc({
        vault: inputs_text((value, ctx) => readVault(value, cloud, ctx)),
        secrets: inputs_text((value, ctx) => {
            if (value === "" && splitList(raw["env-file"], false).length === 0) {
                report(ctx, "secrets", "is empty, and so is 'env-file': the action needs at least one source", "Set secrets: ${{ toJSON(secrets) }} to sync the workflow's secrets, or env-file to sync dotenv files.");
            }
            return value === "" ? undefined : value;
        }),
        "env-file": envFiles,
        include: globList("include"),
        exclude: globList("exclude"),
        prefix,
        "name-transform": choice("name-transform", ["hyphens", "none"], "hyphens"),
        "tenant-id": inputs_text((value, ctx) => readTenantId(value, auth, env, ctx)),
        "client-id": inputs_text((value, ctx) => readClientId(value, auth, env, ctx)),
        auth: choice("auth", AUTH_MODES, "oidc"),
        cloud: choice("cloud", CLOUD_NAMES, "public"),
        audience,
        "dry-run": choice("dry-run", ["auto", "true", "false"], "auto"),
        prune: flag("prune"),
        adopt: flag("adopt"),
        owner: inputs_text((value, ctx) => readOwner(value, env, ctx)),
        "content-type": contentType,
        tags,
        "expires-in": expiresIn,
        concurrency,
    })
        .transform((fields) => {
        const chosenCloud = CLOUDS[fields.cloud];
        const dryRun = decideDryRun(fields["dry-run"], env);
        return {
            vaultUrl: fields.vault.url,
            vaultName: fields.vault.name,
            cloud: chosenCloud,
            secretsJson: fields.secrets,
            envFiles: fields["env-file"],
            include: fields.include,
            exclude: fields.exclude,
            prefix: fields.prefix,
            nameTransform: fields["name-transform"],
            tenantId: fields["tenant-id"],
            clientId: fields["client-id"],
            auth: fields.auth,
            audience: fields.audience ?? chosenCloud.audience,
            dryRun: dryRun.value,
            dryRunReason: dryRun.reason,
            prune: fields.prune,
            adopt: fields.adopt,
            owner: fields.owner,
            contentType: fields["content-type"],
            tags: fields.tags,
            expiresInSeconds: fields["expires-in"],
            concurrency: fields.concurrency,
        };
    });
}
const VAULT_NAME_RULE = 'a vault name has 3 to 24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no "--"';
/**
 * A vault name, or an https URL whose host is NAME.<suffix of the chosen cloud>. While `cloud`
 * itself is invalid (cloud undefined) the vault is not checked: its suffix depends on it.
 */
function readVault(value, cloud, ctx) {
    const invalid = { url: "", name: "" };
    if (value === "") {
        report(ctx, "vault", "is required: a Key Vault name or its https URL", "For example vault: my-vault or vault: https://my-vault.vault.azure.net");
        return invalid;
    }
    if (cloud === undefined)
        return invalid;
    if (!value.includes("://")) {
        if (!isVaultName(value)) {
            report(ctx, "vault", `is neither a vault name nor an https URL: ${VAULT_NAME_RULE}; a URL starts with https://`);
            return invalid;
        }
        const name = value.toLowerCase();
        return { url: `https://${name}.${cloud.vaultSuffix}`, name };
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        report(ctx, "vault", "is not a valid URL");
        return invalid;
    }
    const problem = findVaultUrlProblem(url, cloud);
    if (problem !== undefined) {
        report(ctx, "vault", problem.rule, problem.hint);
        return invalid;
    }
    // URL lower-cases the host, so the name is already canonical.
    const name = url.hostname.slice(0, -(cloud.vaultSuffix.length + 1));
    if (!isVaultName(name)) {
        report(ctx, "vault", `has a host that does not start with a vault name: ${VAULT_NAME_RULE}`);
        return invalid;
    }
    return { url: `https://${name}.${cloud.vaultSuffix}`, name };
}
function isVaultName(value) {
    return inputs_VAULT_NAME.test(value) && !value.includes("--");
}
function findVaultUrlProblem(url, cloud) {
    if (url.protocol !== "https:")
        return { rule: "must be an https URL: Key Vault is only reached over TLS" };
    if (url.username !== "" || url.password !== "")
        return { rule: "must not contain a user name or password" };
    if (url.port !== "")
        return { rule: "must not have a port" };
    if (url.pathname !== "/" && url.pathname !== "")
        return { rule: "must not have a path: use the vault's base URL" };
    if (url.search !== "" || url.hash !== "")
        return { rule: "must not have a query or fragment" };
    const host = url.hostname;
    if (host.endsWith(`.${cloud.vaultSuffix}`))
        return undefined;
    const other = findCloudByVaultHost(host);
    if (other !== undefined) {
        return {
            rule: `is a vault in the ${other.name} cloud (.${other.vaultSuffix}), but cloud is ${cloud.name}`,
            hint: `Set cloud: ${other.name}`,
        };
    }
    if (/\.managedhsm\./.test(host))
        return { rule: "is a Managed HSM, which holds keys, not secrets" };
    return { rule: `must have a host that ends with .${cloud.vaultSuffix} (cloud: ${cloud.name})` };
}
/** The input, else the environment variable; `from` names the variable when it was used. */
function withEnvDefault(input, env, variable) {
    if (input !== "")
        return { value: input, from: "" };
    const fromEnv = env[variable]?.trim();
    return { value: fromEnv === "" ? undefined : fromEnv, from: ` (taken from ${variable})` };
}
/** Required with oidc; optional otherwise. Not checked while `auth` is invalid. */
function readTenantId(input, auth, env, ctx) {
    if (auth === undefined)
        return undefined;
    const tenant = withEnvDefault(input, env, "AZURE_TENANT_ID");
    if (tenant.value === undefined) {
        if (auth !== "oidc")
            return undefined;
        return report(ctx, "tenant-id", "is required with auth: oidc", "Set tenant-id: ${{ vars.AZURE_TENANT_ID }} (the directory of the app registration), or the AZURE_TENANT_ID environment variable.");
    }
    if (GUID.test(tenant.value))
        return tenant.value.toLowerCase();
    if (TENANT_ALIASES.has(tenant.value.toLowerCase())) {
        return report(ctx, "tenant-id", `must name one tenant; common, organizations and consumers are not tenants${tenant.from}`);
    }
    if (TENANT_DOMAIN.test(tenant.value) && tenant.value.length <= 256)
        return tenant.value;
    return report(ctx, "tenant-id", `must be a tenant ID (a GUID) or a domain name such as contoso.onmicrosoft.com${tenant.from}`);
}
/**
 * Required with oidc; optional with managed-identity (a user-assigned identity); not used, so not
 * read, with azure-cli, where the signed-in account decides. Not checked while `auth` is invalid.
 */
function readClientId(input, auth, env, ctx) {
    if (auth === undefined || auth === "azure-cli")
        return undefined;
    const client = withEnvDefault(input, env, "AZURE_CLIENT_ID");
    if (client.value === undefined) {
        if (auth !== "oidc")
            return undefined;
        return report(ctx, "client-id", "is required with auth: oidc", "Set client-id: ${{ vars.AZURE_CLIENT_ID }} (the application (client) ID of the app registration or user-assigned managed identity that holds the federated credential), or the AZURE_CLIENT_ID environment variable.");
    }
    if (GUID.test(client.value))
        return client.value.toLowerCase();
    return report(ctx, "client-id", `must be a GUID, the application (client) ID${client.from}`);
}
function readOwner(input, env, ctx) {
    const owner = withEnvDefault(input, env, "GITHUB_REPOSITORY");
    if (owner.value === undefined) {
        return report(ctx, "owner", "is required: it marks the secrets this workflow manages", "Set owner, or run on GitHub Actions, where it defaults to GITHUB_REPOSITORY.");
    }
    if (owner.value.length > MAX_TAG_LENGTH) {
        return report(ctx, "owner", `must be at most ${MAX_TAG_LENGTH} characters (it is a tag value)${owner.from}`);
    }
    return owner.value;
}
/** auto: a dry run on every pull_request* event (pull_request, pull_request_target, ...). */
function decideDryRun(setting, env) {
    if (setting === "true")
        return { value: true, reason: "dry-run: true" };
    if (setting === "false")
        return { value: false, reason: "dry-run: false" };
    const event = env.GITHUB_EVENT_NAME?.trim() ?? "";
    if (event === "")
        return { value: false, reason: "dry-run: auto, no GITHUB_EVENT_NAME" };
    return { value: event.startsWith("pull_request"), reason: `dry-run: auto, ${event} event` };
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/connections.ts
/**
 * One keep-alive HTTPS agent shared by every Azure call of a run: the sign-in (Entra) and the
 * vault. Left to itself the SDK opens a new connection per request when HTTPS_PROXY is set (its
 * proxy agent files freed sockets under a pool key no later request asks for), so every request
 * paid a CONNECT tunnel and a TLS handshake: three round trips before the request itself.
 *
 * Node's own agent tunnels through a proxy (`proxyEnv`, Node 24.5 and later) and pools the
 * tunnelled connections by target host like any other, so one agent serves the proxied and the
 * direct case. On an older Node the SDK keeps its own agents, as before.
 */

/** Node's `proxyEnv` agent option appeared in 24.5.0. */
function supportsAgentProxyEnv(nodeVersion) {
    const [major = 0, minor = 0] = nodeVersion.replace(/^v/, "").split(".").map(Number);
    return major > 24 || (major === 24 && minor >= 5);
}
function readVariable(env, name) {
    return env[name] || env[name.toLowerCase()] || undefined;
}
/**
 * The proxy settings the Azure SDK itself would use: HTTPS_PROXY, then ALL_PROXY, then
 * HTTP_PROXY (upper case first), and NO_PROXY. Only these reach the agent.
 */
function readProxyEnv(env) {
    const proxy = readVariable(env, "HTTPS_PROXY") ?? readVariable(env, "ALL_PROXY") ?? readVariable(env, "HTTP_PROXY");
    const noProxy = readVariable(env, "NO_PROXY");
    return { ...(proxy === undefined ? {} : { HTTPS_PROXY: proxy }), ...(noProxy === undefined ? {} : { NO_PROXY: noProxy }) };
}
/**
 * The shared agent, or undefined when this Node cannot tunnel by itself (the SDK's default
 * transport is then used unchanged). Free connections do not keep the process alive.
 */
function createConnectionAgent(env, nodeVersion = process.version) {
    if (!supportsAgentProxyEnv(nodeVersion))
        return undefined;
    return new external_node_https_.Agent({ keepAlive: true, scheduling: "lifo", proxyEnv: readProxyEnv(env) });
}

;// CONCATENATED MODULE: ./src/report.ts


const STATUSES = ["created", "updated", "unchanged", "recovered", "deleted", "skipped", "failed"];
const CHANGING = new Set(["created", "updated", "recovered", "deleted"]);
// GitHub shows at most 10 error and 10 warning annotations per step and drops the rest, so the
// overflow annotation takes the tenth place instead of being the eleventh nobody sees.
const MAX_ANNOTATIONS = 10;
function countResults(results) {
    const counts = Object.fromEntries(STATUSES.map((status) => [status, 0]));
    for (const result of results)
        counts[result.status] += 1;
    return counts;
}
/** Outputs, annotations and job summary for a run that got as far as a plan. */
async function writeReport(results, context, io) {
    // Results come sorted from the plan; sorting a copy with the same comparator keeps the report
    // stable for any caller, at the cost of one pass over an already sorted list.
    const sorted = [...results].sort(vault_names/* compareByVaultName */.S);
    const counts = countResults(sorted);
    writeOutputs(sorted, counts, context, io);
    logResults(sorted, counts, context, io);
    const failed = sorted.filter((result) => result.status === "failed");
    // Offline-only validations are no problem: warning about each would crowd out the warnings
    // that are (GitHub shows 10 a step), so they share one notice.
    const skipped = sorted.filter((result) => result.status === "skipped" && !result.offline);
    const offline = sorted.filter((result) => result.status === "skipped" && result.offline);
    annotateResults(failed, "failed", (message, properties) => io.error(message, properties), context.dryRun);
    annotateResults(skipped, "skipped", (message, properties) => io.warning(message, properties), context.dryRun);
    if (context.dryRun)
        io.notice(`Dry run: nothing was written to ${context.vaultUrl}.${context.dryRunReason ? ` ${context.dryRunReason}` : ""}`);
    for (const note of context.notes)
        io.notice(note);
    if (offline.length > 0)
        noticeOffline(offline, io);
    await writeSummary(renderSummary(sorted, counts, context), io);
}
function noticeOffline(offline, io) {
    const secrets = offline.length === 1 ? "1 secret" : `${offline.length} secrets`;
    io.notice(`${secrets} validated offline only: ${offline.map((result) => result.name).join(", ")}. Names and values are valid; ` +
        "nothing was compared with the vault, which this run cannot read. The job summary lists every secret.", { title: `${secrets} validated offline only` });
}
function writeOutputs(sorted, counts, context, io) {
    for (const status of STATUSES)
        io.setOutput(status, String(counts[status]));
    const failedNames = sorted.filter((result) => result.status === "failed").map((result) => result.source ?? result.name);
    io.setOutput("failed-names", JSON.stringify(failedNames));
    // A dry run changes nothing; its counts say what would change.
    const changed = !context.dryRun && sorted.some((result) => CHANGING.has(result.status));
    io.setOutput("changed", String(changed));
    const plan = sorted.map((result) => ({ source: result.source ?? null, name: result.name, action: result.action, reason: result.reason }));
    io.setOutput("plan", JSON.stringify(plan));
}
/** The same outcome as the summary, for readers of the raw log. */
function logResults(sorted, counts, context, io) {
    for (const result of sorted) {
        const source = result.source === undefined || result.source === result.name ? "" : ` (from ${result.source})`;
        io.info(`${describeStatus(result.status, context.dryRun).padEnd(13)} ${result.name}${source}: ${result.reason}`);
        if (result.status === "failed" && result.hint)
            io.info(`${"".padEnd(13)} how to fix: ${result.hint}`);
    }
    io.info(STATUSES.map((status) => `${counts[status]} ${describeStatus(status, context.dryRun)}`).join(", "));
}
/** One annotation per result (all of one status), the tenth counting any beyond nine. */
function annotateResults(matching, status, annotate, dryRun) {
    const shown = matching.length > MAX_ANNOTATIONS ? matching.slice(0, MAX_ANNOTATIONS - 1) : matching;
    for (const result of shown) {
        annotate(`${result.name}: ${result.reason}${result.hint ? `\n${result.hint}` : ""}`, {
            title: status === "failed" ? `Failed to ${dryRun ? "plan" : "sync"} ${report_describeSource(result)}` : `Skipped ${report_describeSource(result)}`,
            ...locate(result),
        });
    }
    const rest = matching.slice(shown.length);
    if (rest.length > 0) {
        const verb = status === "failed" ? "failed" : "were skipped";
        annotate(`${rest.length} more secrets ${verb}: ${rest.map((result) => result.name).join(", ")}. The job summary lists every secret with its reason.`, {
            title: `${rest.length} more secrets ${verb}`,
        });
    }
}
function report_describeSource(result) {
    return result.source === undefined ? result.name : result.source;
}
function locate(result) {
    return result.origin?.kind === "dotenv" ? { file: result.origin.file, startLine: result.origin.line } : {};
}
/** A run that failed before it had a plan (bad input, sign-in failure) still explains itself in the summary. */
async function writeFailureSummary(error, context, io) {
    const lines = ["## Key Vault Sync", ""];
    if (context.vaultUrl)
        lines.push(`**Vault:** ${escapeText(context.vaultUrl)}`, "");
    if (context.dryRun)
        lines.push(...renderDryRunBanner(context.dryRunReason), "");
    lines.push("> [!CAUTION]", `> **No secret was synced.** ${escapeText((0,errors/* errorMessage */.gJ)(error))}`, "");
    const hint = error instanceof errors/* SyncError */.S0 ? error.hint : undefined;
    if (hint)
        lines.push("**How to fix it:**", "", fence(hint), "");
    for (const note of context.notes ?? [])
        lines.push(`> [!NOTE]`, `> ${escapeText(note)}`, "");
    await writeSummary(lines.join("\n"), io);
}
// ---- Summary ----
function renderSummary(sorted, counts, context) {
    const lines = ["## Key Vault Sync", "", `**Vault:** ${escapeText(context.vaultUrl)}`, ""];
    if (context.dryRun)
        lines.push(...renderDryRunBanner(context.dryRunReason), "");
    for (const note of context.notes)
        lines.push("> [!NOTE]", `> ${escapeText(note)}`, "");
    lines.push(`| ${STATUSES.map((status) => describeStatus(status, context.dryRun)).join(" | ")} |`, `| ${STATUSES.map(() => "---:").join(" | ")} |`, `| ${STATUSES.map((status) => counts[status]).join(" | ")} |`, "");
    if (sorted.length === 0) {
        lines.push("No secrets in the sources.", "");
    }
    else {
        lines.push("| Key Vault name | Source | Action | Result | Reason |", "| --- | --- | --- | --- | --- |");
        for (const result of sorted) {
            const cells = [
                result.name,
                formatSource(result),
                result.action,
                describeStatus(result.status, context.dryRun),
                result.reason,
            ];
            lines.push(`| ${cells.map(escapeCell).join(" | ")} |`);
        }
        lines.push("");
        lines.push(...renderFixes(sorted));
    }
    return lines.join("\n");
}
/** One entry per failed secret that has a known fix, after the table (hints hold commands). */
function renderFixes(sorted) {
    const fixable = sorted.filter((result) => result.status === "failed" && result.hint);
    if (fixable.length === 0)
        return [];
    const lines = ["### How to fix the failures", ""];
    for (const result of fixable)
        lines.push(`**${escapeText(result.name)}**`, "", fence(result.hint ?? ""), "");
    return lines;
}
function renderDryRunBanner(reason) {
    return ["> [!NOTE]", `> **Dry run**: nothing was written to the vault.${reason ? ` ${escapeText(reason)}` : ""}`];
}
function formatSource(result) {
    if (result.source === undefined)
        return "–";
    if (result.origin?.kind === "dotenv")
        return `${result.source} (${result.origin.file}:${result.origin.line})`;
    return result.source;
}
const DRY_RUN_STATUS = {
    created: "would create",
    updated: "would update",
    recovered: "would recover",
    deleted: "would delete",
};
function describeStatus(status, dryRun) {
    return (dryRun ? DRY_RUN_STATUS[status] : undefined) ?? status;
}
async function writeSummary(markdown, io) {
    // Called from `finally`: a summary that cannot be written must not hide the run's own outcome.
    try {
        io.summary.addRaw(markdown, true);
        await io.summary.write();
    }
    catch (error) {
        try {
            io.warning(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
        catch {
            // Nothing left to report to.
        }
    }
}
/** Escapes text for a Markdown table cell: no column breaks, no line breaks, no HTML. */
function escapeCell(text) {
    return escapeHtml(text).replaceAll("|", "\\|").replace(/\r\n|\r|\n/g, "<br>");
}
/** Escapes text for one Markdown line: no HTML, no line breaks. */
function escapeText(text) {
    return escapeHtml(text).replace(/\r\n|\r|\n/g, " ");
}
function escapeHtml(text) {
    return text
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;")
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
/** A fenced block longer than any backtick run inside, so the text cannot close it. */
function fence(text) {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
    const marks = "`".repeat(longest + 1);
    return `${marks}text\n${text}\n${marks}`;
}

;// CONCATENATED MODULE: ./src/sources/dotenv-file.ts

/**
 * A dotenv parser that yields exactly the key/value map of the `dotenv` package's `parse` (its
 * default, regex-based mode) and also remembers the line each key starts on. Users already have
 * files that dotenv reads; a sync that read them differently would push different secrets than
 * their application sees, so parity (quirks included) is the contract, checked by the parity and
 * fuzz tests in test/sources/dotenv-file.test.ts. There is no variable expansion.
 *
 * What dotenv does, restated as a scanner:
 * - CRLF and lone CR become LF first. Entries begin only at the start of a line, where a line
 *   starts after LF, U+2028 or U+2029 (JavaScript's multiline `^`).
 * - Leading whitespace, including blank lines, is skipped; then an optional `export` followed by
 *   whitespace; then a key of `[A-Za-z0-9_.-]`. If `export KEY` does not form an entry, `export`
 *   itself is tried as the key.
 * - The separator is `=` after optional whitespace (which may cross lines), or `:` directly
 *   after the key followed by exactly one whitespace character (which may be a newline).
 * - A value that starts (after whitespace) with `'`, `"` or a backtick runs to a matching quote
 *   that is followed only by whitespace and an optional `#` comment up to a line end; backslash
 *   quote does not close it. Such a value may span lines. If no quote qualifies, the value is the
 *   rest of the line up to `#`.
 * - The value is trimmed, one pair of surrounding quotes is removed, and when it started with `"`
 *   the two-character sequences `\n` and `\r` become newline and carriage return.
 * - A later duplicate key replaces the earlier value. The key `__proto__` is dropped, because
 *   dotenv stores into a plain object, where that assignment does nothing.
 *
 * One reading of dotenv's is refused instead of reproduced: a value that opens a quote which
 * never closes. dotenv then keeps only the rest of the opening line and reads each following
 * line as an entry of its own, so the lines of an intended multi-line value (a key, a password)
 * would become key names, which are printed unmasked, or separate secrets. Refused is a value
 * whose first non-space character is a quote when no closing quote qualifies (above) and the
 * quote's own line holds no other unescaped quote of that kind. A line that does, such as
 * `A="abc"def`, was closed by its author, and dotenv's reading of it (`"abc"def`) stays on that
 * line, so it is kept. The error names the file, the key and the key's line, never the value.
 *
 * Line numbers count LF after the CR normalisation (so CRLF and lone CR files number as editors
 * do); U+2028/U+2029 start entries but are not counted as lines.
 */
function parseDotenv(text, file) {
    const src = text.replace(/\r\n?/g, "\n");
    const lines = new LineCounter(src);
    const found = new Map();
    let position = 0;
    while (position <= src.length) {
        const lineStart = findLineStart(src, position);
        if (lineStart === undefined)
            break;
        const attempt = readEntryAt(src, lineStart);
        if (attempt.ok && attempt.unclosedQuote !== undefined) {
            throw unclosedQuoteError(file, lines.lineOf(attempt.keyStart), attempt.key, attempt.unclosedQuote);
        }
        if (attempt.ok) {
            if (attempt.key !== "__proto__") {
                const entry = {
                    key: attempt.key,
                    value: attempt.value,
                    origin: { kind: "dotenv", file, line: lines.lineOf(attempt.keyStart) },
                };
                const earlier = found.get(attempt.key);
                if (earlier)
                    Object.assign(earlier, entry);
                else
                    found.set(attempt.key, entry);
            }
            position = Math.max(attempt.end, lineStart + 1);
        }
        else {
            // Every line start between here and the failed key would fail on that same key.
            position = attempt.retryFrom;
        }
    }
    return [...found.values()];
}
function unclosedQuoteError(file, line, key, quote) {
    // The key is the author's name for the value, not part of it; nothing after the `=` is quoted.
    return new errors/* InputError */.dz("env-file", `${file} line ${line}: the value of ${key} opens a ${quote} quote that never closes; dotenv would read the lines after it as separate entries`, "Close the value with the same quote. A multi-line value may close on a later line, with nothing but spaces or a # comment after the closing quote.");
}
const KEY_CHAR = /^[\w.-]$/;
const QUOTES = new Set(["'", '"', "`"]);
function isSpace(char) {
    return char !== undefined && /^\s$/.test(char);
}
function isLineTerminator(char) {
    return char === "\n" || char === "\r" || char === "\u2028" || char === "\u2029";
}
function skipSpaces(src, from) {
    let index = from;
    while (isSpace(src[index]))
        index += 1;
    return index;
}
/** The first position at or after `from` where a line starts, if any. */
function findLineStart(src, from) {
    for (let index = from; index <= src.length; index += 1) {
        if (index === 0 || isLineTerminator(src[index - 1]))
            return index;
    }
    return undefined;
}
function readEntryAt(src, lineStart) {
    const start = skipSpaces(src, lineStart);
    const failure = { ok: false, retryFrom: start + 1 };
    if (src.startsWith("export", start) && isSpace(src[start + 6])) {
        const afterExport = readKeyAndValue(src, skipSpaces(src, start + 6));
        if (afterExport)
            return afterExport;
    }
    return readKeyAndValue(src, start) ?? failure;
}
function readKeyAndValue(src, keyStart) {
    let keyEnd = keyStart;
    while (KEY_CHAR.test(src[keyEnd] ?? ""))
        keyEnd += 1;
    if (keyEnd === keyStart)
        return undefined;
    let valueStart;
    const equals = skipSpaces(src, keyEnd);
    if (src[equals] === "=")
        valueStart = equals + 1;
    else if (src[keyEnd] === ":" && isSpace(src[keyEnd + 1]))
        valueStart = keyEnd + 2;
    else
        return undefined;
    const { raw, end, unclosedQuote } = readRawValue(src, valueStart);
    return { ok: true, key: src.slice(keyStart, keyEnd), keyStart, value: cleanValue(raw), end, unclosedQuote };
}
/** The value as dotenv captures it, before trimming and unquoting, and where it ends. */
function readRawValue(src, valueStart) {
    const open = skipSpaces(src, valueStart);
    const quote = src[open];
    let unclosedQuote;
    if (quote !== undefined && QUOTES.has(quote)) {
        for (const close of listClosingQuotes(src, open, quote)) {
            if (endsEntry(src, close + 1))
                return { raw: src.slice(valueStart, close + 1), end: close + 1, unclosedQuote: undefined };
        }
        if (!hasUnescapedQuoteOnLine(src, open, quote))
            unclosedQuote = quote;
    }
    let end = valueStart;
    while (end < src.length && src[end] !== "#" && src[end] !== "\n" && src[end] !== "\r")
        end += 1;
    return { raw: src.slice(valueStart, end), end, unclosedQuote };
}
/**
 * Whether the line of the opening quote at `open` holds another `quote` not preceded by a
 * backslash. The line runs to LF: dotenv's single-line reading runs past U+2028 and U+2029, and
 * only the lines after an LF become entries of their own.
 */
function hasUnescapedQuoteOnLine(src, open, quote) {
    for (let index = open + 1; index < src.length && src[index] !== "\n"; index += 1) {
        if (src[index] === quote && src[index - 1] !== "\\")
            return true;
    }
    return false;
}
/**
 * Candidate closing quotes in the order dotenv's backtracking tries them: the first quote not
 * preceded by a backslash, then each backslash-escaped quote before it, last one first.
 */
function listClosingQuotes(src, open, quote) {
    const escaped = [];
    let index = open + 1;
    while (index < src.length) {
        if (src[index] === "\\" && src[index + 1] === quote) {
            escaped.push(index + 1);
            index += 2;
        }
        else if (src[index] !== quote) {
            index += 1;
        }
        else {
            return [index, ...escaped.reverse()];
        }
    }
    return escaped.reverse();
}
/** Whether only whitespace, then a `#` comment, a line end or the end of text follow. */
function endsEntry(src, from) {
    let index = from;
    while (isSpace(src[index])) {
        if (isLineTerminator(src[index]))
            return true;
        index += 1;
    }
    return index === src.length || src[index] === "#";
}
// Multiline flag on purpose: dotenv strips quotes per line for values holding U+2028/U+2029.
const SURROUNDING_QUOTES = /^(['"`])([\s\S]*)\1$/gm;
function cleanValue(raw) {
    const trimmed = raw.trim();
    const unquoted = trimmed.replace(SURROUNDING_QUOTES, "$2");
    if (trimmed[0] !== '"')
        return unquoted;
    return unquoted.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
}
/** 1-based line numbers for offsets, counting LF. */
class LineCounter {
    starts = [0];
    constructor(src) {
        for (let index = 0; index < src.length; index += 1) {
            if (src[index] === "\n")
                this.starts.push(index + 1);
        }
    }
    lineOf(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const mid = Math.ceil((low + high) / 2);
            if (this.starts[mid] <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return low + 1;
    }
}

;// CONCATENATED MODULE: ./src/sources/secrets-json.ts

const INPUT = "secrets";
const HINT = "Pass a JSON object of name to string value, usually secrets: ${{ toJSON(secrets) }}";
/**
 * Parses the `secrets` input: a JSON object of name -> string value. Errors give a line and
 * column, or a key and a type, and never any of the text: the text is full of secret values.
 * Entries keep the object's property order (JavaScript orders integer-like keys first; GitHub
 * secret names cannot start with a digit, so for `toJSON(secrets)` that is insertion order).
 */
function parseSecretsJson(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        // The engine's own message may quote the text around the error, so it is never used.
        throw new errors/* InputError */.dz(INPUT, `is not valid JSON ${describeJsonErrorPosition(text)}`, HINT);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new errors/* InputError */.dz(INPUT, `must be a JSON object of name to string value, not ${describeJsonType(parsed)}`, HINT);
    }
    const entries = [];
    for (const [key, value] of Object.entries(parsed)) {
        if (key === "")
            throw new errors/* InputError */.dz(INPUT, "has an entry with an empty name", HINT);
        if (typeof value !== "string") {
            throw new errors/* InputError */.dz(INPUT, `entry '${key}' is ${describeJsonType(value)}; every value must be a string`, HINT);
        }
        entries.push({ key, value, origin: { kind: "secrets" } });
    }
    return entries;
}
function describeJsonType(value) {
    if (value === null)
        return "null";
    if (Array.isArray(value))
        return "an array";
    if (typeof value === "object")
        return "an object";
    return `a ${typeof value}`;
}
/** "(line L, column C)" of the first syntax error, or "(it ends early)" for truncated text. */
function describeJsonErrorPosition(text) {
    const offset = findJsonErrorOffset(text);
    if (offset === undefined)
        return "(position unknown)";
    if (offset >= text.length)
        return "(it ends early)";
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < offset; index += 1) {
        if (text[index] === "\n") {
            line += 1;
            lineStart = index + 1;
        }
    }
    return `(line ${line}, column ${offset - lineStart + 1})`;
}
/**
 * Offset of the first character where `text` stops being JSON (text.length when it ends too
 * early), or undefined when it is valid. A small recursive-descent checker, used only to locate
 * errors: the engine's messages are not stable across versions and sometimes quote the input.
 */
function findJsonErrorOffset(text) {
    const checker = new JsonChecker(text);
    try {
        checker.skipSpace();
        checker.value(0);
        checker.skipSpace();
        if (checker.index < text.length)
            return checker.index;
        return undefined;
    }
    catch (error) {
        if (error instanceof JsonSyntaxAt)
            return error.offset;
        if (error instanceof JsonTooDeep)
            return undefined;
        throw error;
    }
}
class JsonSyntaxAt extends Error {
    offset;
    constructor(offset) {
        super(`JSON syntax error at offset ${offset}`);
        this.offset = offset;
    }
}
/** Nesting deeper than this is valid JSON but would exhaust the checker's stack. */
class JsonTooDeep extends Error {
}
const MAX_DEPTH = 512;
class JsonChecker {
    text;
    index = 0;
    constructor(text) {
        this.text = text;
    }
    fail() {
        throw new JsonSyntaxAt(this.index);
    }
    skipSpace() {
        while (this.index < this.text.length && " \t\n\r".includes(this.text[this.index]))
            this.index += 1;
    }
    expect(char) {
        if (this.text[this.index] !== char)
            this.fail();
        this.index += 1;
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            throw new JsonTooDeep("JSON nesting too deep to locate the error");
        const char = this.text[this.index];
        if (char === "{")
            this.object(depth);
        else if (char === "[")
            this.array(depth);
        else if (char === '"')
            this.string();
        else if (char === "-" || (char !== undefined && char >= "0" && char <= "9"))
            this.number();
        else if (!["true", "false", "null"].some((word) => this.literal(word)))
            this.fail();
    }
    literal(word) {
        for (let offset = 0; offset < word.length; offset += 1) {
            if (this.text[this.index + offset] !== word[offset]) {
                if (offset === 0)
                    return false;
                this.index += offset;
                this.fail();
            }
        }
        this.index += word.length;
        return true;
    }
    object(depth) {
        this.expect("{");
        this.skipSpace();
        if (this.text[this.index] === "}") {
            this.index += 1;
            return;
        }
        for (;;) {
            this.skipSpace();
            this.string();
            this.skipSpace();
            this.expect(":");
            this.skipSpace();
            this.value(depth + 1);
            this.skipSpace();
            if (this.text[this.index] === "}") {
                this.index += 1;
                return;
            }
            this.expect(",");
        }
    }
    array(depth) {
        this.expect("[");
        this.skipSpace();
        if (this.text[this.index] === "]") {
            this.index += 1;
            return;
        }
        for (;;) {
            this.skipSpace();
            this.value(depth + 1);
            this.skipSpace();
            if (this.text[this.index] === "]") {
                this.index += 1;
                return;
            }
            this.expect(",");
        }
    }
    string() {
        this.expect('"');
        for (;;) {
            const char = this.text[this.index];
            if (char === undefined || char < " ")
                this.fail();
            if (char === '"') {
                this.index += 1;
                return;
            }
            if (char === "\\") {
                const escape = this.text[this.index + 1];
                if (escape === "u") {
                    for (let digit = 2; digit < 6; digit += 1) {
                        if (!/^[0-9a-fA-F]$/.test(this.text[this.index + digit] ?? "")) {
                            this.index += digit;
                            this.fail();
                        }
                    }
                    this.index += 6;
                }
                else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
                    this.index += 2;
                }
                else {
                    this.index += 1;
                    this.fail();
                }
            }
            else {
                this.index += 1;
            }
        }
    }
    number() {
        if (this.text[this.index] === "-")
            this.index += 1;
        if (this.text[this.index] === "0")
            this.index += 1;
        else
            this.digits();
        if (this.text[this.index] === ".") {
            this.index += 1;
            this.digits();
        }
        if (this.text[this.index] === "e" || this.text[this.index] === "E") {
            this.index += 1;
            if (this.text[this.index] === "+" || this.text[this.index] === "-")
                this.index += 1;
            this.digits();
        }
    }
    digits() {
        const start = this.index;
        while (/^[0-9]$/.test(this.text[this.index] ?? ""))
            this.index += 1;
        if (this.index === start)
            this.fail();
    }
}

;// CONCATENATED MODULE: ./src/sources/read-sources.ts



/**
 * Reads every source: the `secrets` JSON first, then each env file in the order given. Each
 * value is masked as soon as its source is parsed, before any other work, so nothing later
 * (an error, a debug log, the SDK) can print it.
 */
async function readSources(spec, io) {
    const entries = [];
    if (spec.secretsJson !== undefined) {
        entries.push(...maskEntries(parseSecretsJson(spec.secretsJson), io));
    }
    for (const [index, path] of spec.envFiles.entries()) {
        let text;
        try {
            text = await io.readFile(path);
        }
        catch (error) {
            throw toReadError(error, path, index);
        }
        entries.push(...maskEntries(parseDotenv(text, path), io));
    }
    return entries;
}
function maskEntries(entries, io) {
    for (const entry of entries) {
        for (const fragment of listMaskFragments(entry.value))
            io.mask(fragment);
    }
    return entries;
}
/**
 * The strings to mask for one value: the whole value, and each non-empty line of a multi-line
 * value, because the runner matches masks within a single log line and a multi-line value is
 * printed (by whatever prints it) one line at a time.
 */
function listMaskFragments(value) {
    if (value === "")
        return [];
    const fragments = [value];
    if (/[\r\n]/.test(value)) {
        for (const line of value.split(/\r\n|\r|\n/)) {
            if (line !== "" && !fragments.includes(line))
                fragments.push(line);
        }
    }
    return fragments;
}
function toReadError(error, path, index) {
    const code = readErrorCode(error);
    const hint = code === "ENOENT"
        ? "Paths are relative to the job's working directory (usually the repository root); check the path and that the job checks out the repository (actions/checkout)."
        : undefined;
    // Paths are not secret; the file's content (and the OS message, which may echo it) is not used.
    return new errors/* InputError */.dz("env-file", `cannot read entry ${index + 1} ('${path}'): ${code}`, hint);
}
function readErrorCode(error) {
    if (error !== null && typeof error === "object" && "code" in error && typeof error.code === "string") {
        return error.code;
    }
    return "unknown error";
}

;// CONCATENATED MODULE: ./src/vault-state.ts





function toReadFailure(error) {
    if (error instanceof vault_errors/* VaultError */.hb)
        return { kind: error.failure.kind, message: error.message, hint: error.hint };
    return { kind: "other", message: (0,errors/* errorMessage */.gJ)(error), hint: undefined };
}
/** A failed listing ends the run: keep the adapter's triaged message and hint. */
function toListingError(error) {
    if (error instanceof errors/* SyncError */.S0)
        return error;
    return new errors/* SyncError */.S0(`Failed to read the vault: ${(0,errors/* errorMessage */.gJ)(error)}`);
}
function needsValue(secret, owner, adopt) {
    if (secret.managed || !secret.enabled)
        return false;
    const ownership = readOwnership(secret.tags, owner);
    if (ownership.kind === "ours")
        return true;
    return ownership.kind === "unmanaged" && adopt !== false;
}
function needsHistory(secret, owner) {
    return !secret.managed && readOwnership(secret.tags, owner).kind === "unmanaged";
}
async function readHistory(vault, name, owner) {
    try {
        const versions = await vault.listVersions(name);
        const owned = versions.filter((version) => readOwnership(version.tags, owner).kind === "ours");
        if (owned.length === 0)
            return { kind: "never-owned" };
        const dates = owned.map((version) => version.createdOn?.getTime()).filter((time) => time !== undefined);
        return { kind: "owned-before", lastOwnedOn: dates.length > 0 ? new Date(Math.max(...dates)) : undefined };
    }
    catch (error) {
        return { kind: "failed", failure: toReadFailure(error) };
    }
}
async function readExisting(vault, listed, options) {
    const history = needsHistory(listed, options.owner) ? await readHistory(vault, listed.name, options.owner) : undefined;
    if (!needsValue(listed, options.owner, options.adopt))
        return { ...listed, value: { kind: "not-read" }, history };
    try {
        const read = await vault.getSecret(listed.name);
        if (!read.found) {
            // Listed a moment ago, gone now: someone deleted it while we were reading.
            const failure = { kind: "not-found", message: `'${listed.name}' disappeared while the vault was being read`, hint: "Run the sync again." };
            return { ...listed, value: { kind: "failed", failure }, history };
        }
        for (const fragment of listMaskFragments(read.value))
            options.mask?.(fragment);
        // The GET is newer than the listing and is the version the value belongs to.
        return { ...read.properties, value: { kind: "read", value: read.value }, history };
    }
    catch (error) {
        return { ...listed, value: { kind: "failed", failure: toReadFailure(error) }, history };
    }
}
async function readVaultState(vault, desired, options) {
    if (options.listAll === false) {
        const reader = createNameReader(vault, options);
        const parts = await (0,limiter/* mapWithConcurrency */.WS)(desired, options.concurrency, (secret) => reader.read(secret.name));
        return mergeStates(vault.vaultUrl, parts);
    }
    // Sequential on purpose: the first call also completes the SDK's challenge handshake.
    let listed;
    try {
        listed = await vault.listSecrets();
    }
    catch (error) {
        throw toListingError(error);
    }
    let deleted = [];
    let deletedUnavailable;
    try {
        deleted = await vault.listDeletedSecrets();
    }
    catch (error) {
        // Without this list a create may meet a soft-deleted name; apply reports that per secret.
        deletedUnavailable = toReadFailure(error);
    }
    const wanted = new Set(desired.map((secret) => secret.name.toLowerCase()));
    const targeted = listed.filter((secret) => wanted.has(secret.name.toLowerCase()));
    const read = await (0,limiter/* mapWithConcurrency */.WS)(targeted, options.concurrency, (secret) => readExisting(vault, secret, options));
    const readByName = new Map(read.map((secret, index) => [targeted[index]?.name.toLowerCase(), secret]));
    const secrets = listed.map((secret) => readByName.get(secret.name.toLowerCase()) ?? { ...secret, value: { kind: "not-read" }, history: undefined });
    return { vaultUrl: vault.vaultUrl, secrets, deleted, deletedUnavailable };
}
/**
 * Reads one desired name at a time (see the module comment). The fallback listing is made at most
 * once per reader and throws like the listing mode does when the vault cannot be listed.
 */
function createNameReader(vault, options) {
    let listing;
    const findListed = async (name) => {
        listing ??= vault.listSecrets().then((listed) => new Map(listed.map((secret) => [secret.name.toLowerCase(), secret])), (error) => Promise.reject(toListingError(error)));
        return (await listing).get(name.toLowerCase());
    };
    async function readDeleted(name) {
        try {
            return { existing: undefined, deleted: await vault.getDeletedSecret(name), deletedUnavailable: undefined };
        }
        catch (error) {
            return { existing: undefined, deleted: undefined, deletedUnavailable: toReadFailure(error) };
        }
    }
    return {
        async read(name) {
            let read;
            try {
                read = await vault.getSecret(name);
            }
            catch (error) {
                const listed = await findListed(name);
                if (listed === undefined)
                    return readDeleted(name);
                const history = needsHistory(listed, options.owner) ? await readHistory(vault, listed.name, options.owner) : undefined;
                const value = needsValue(listed, options.owner, options.adopt) ? { kind: "failed", failure: toReadFailure(error) } : { kind: "not-read" };
                return { existing: { ...listed, value, history }, deleted: undefined, deletedUnavailable: undefined };
            }
            if (!read.found)
                return readDeleted(name);
            const properties = read.properties;
            for (const fragment of listMaskFragments(read.value))
                options.mask?.(fragment);
            const history = needsHistory(properties, options.owner) ? await readHistory(vault, properties.name, options.owner) : undefined;
            // The value came with the GET; keep it only where the planner can use it.
            const value = needsValue(properties, options.owner, options.adopt) ? { kind: "read", value: read.value } : { kind: "not-read" };
            return { existing: { ...properties, value, history }, deleted: undefined, deletedUnavailable: undefined };
        },
    };
}
/** The by-name reads as one VaultState: the secrets and deleted entries found, and the first reason deleted entries could not be read. */
function mergeStates(vaultUrl, parts) {
    const state = { vaultUrl, secrets: [], deleted: [], deletedUnavailable: undefined };
    for (const part of parts) {
        if (part.existing !== undefined)
            state.secrets.push(part.existing);
        if (part.deleted !== undefined)
            state.deleted.push(part.deleted);
        state.deletedUnavailable ??= part.deletedUnavailable;
    }
    return state;
}

;// CONCATENATED MODULE: ./src/sync-by-name.ts
/**
 * A sync without prune, one secret at a time: read the name, plan it, write it, move on. Nothing
 * waits for the whole vault to be read, a write starts as soon as its read decided it, and a
 * value is let go once its secret is done. Prune still reads everything first (vault-state.ts),
 * because what to delete depends on the whole picture.
 *
 * Each name is planned by the same planner, over the same rules, as in the whole-vault path;
 * a dry run reports the same items, in the same order.
 */





function isRefused(kind) {
    return kind === "forbidden-rbac" || kind === "forbidden-policy";
}
async function syncByName(vault, input, options) {
    const planOptions = { ...options.plan, prune: false };
    const reader = createNameReader(vault, options.read);
    let refusedValues = 0;
    const done = await (0,limiter/* mapWithConcurrency */.WS)(input.desired, options.apply.concurrency, async (secret) => {
        const found = await reader.read(secret.name);
        const value = found.existing?.value;
        if (value?.kind === "failed" && isRefused(value.failure.kind))
            refusedValues += 1;
        const plan = planChanges({ desired: [secret], rejected: [], state: mergeStates(vault.vaultUrl, [found]), options: planOptions });
        const [result] = await applyPlan(plan, vault, { ...options.apply, concurrency: 1 });
        return { item: plan.items[0], result: result };
    });
    // Rejected entries become the same skip and fail items the whole-vault plan has.
    const rejectedPlan = planChanges({ desired: [], rejected: input.rejected, state: mergeStates(vault.vaultUrl, []), options: planOptions });
    const rejectedResults = await applyPlan(rejectedPlan, vault, options.apply);
    const rejected = rejectedPlan.items.map((item, index) => ({ item, result: rejectedResults[index] }));
    const ordered = [...rejected, ...done].sort((left, right) => (0,vault_names/* compareByVaultName */.S)(left.item, right.item));
    return { results: ordered.map((entry) => entry.result), refusedValues };
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The order of the stages, and nothing else: inputs → sources → names → sign-in → vault state →
 * plan → apply → report. Every edge (toolkit I/O, files, clock, credential, vault) comes in as
 * a dependency so tests can run the whole flow with fakes.
 */













function createDefaultDeps() {
    return {
        io: core,
        env: process.env,
        readFile: (path) => (0,promises_.readFile)(path, "utf8"),
        now: () => new Date(),
        // The Azure SDK is loaded only when a run signs in: an offline dry run never compiles it.
        createCredential: async (options) => (await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(563), __webpack_require__.e(226)]).then(__webpack_require__.bind(__webpack_require__, 4226))).createCredential(options),
        createKeyVault: async (vaultUrl, credential, options) => (await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(336), __webpack_require__.e(293)]).then(__webpack_require__.bind(__webpack_require__, 7293))).createKeyVault(vaultUrl, credential, options),
        setExitCode: (code) => {
            process.exitCode = code;
        },
    };
}
async function run(deps = createDefaultDeps()) {
    const context = { inputs: undefined, notes: [], results: undefined };
    try {
        await runAndReport(deps, context);
    }
    finally {
        context.agent?.destroy();
    }
}
async function runAndReport(deps, context) {
    try {
        const results = await syncSecrets(deps, context);
        context.results = results;
        const inputs = context.inputs;
        await writeReport(results, { dryRun: inputs.dryRun, dryRunReason: inputs.dryRunReason, vaultUrl: inputs.vaultUrl, notes: context.notes }, deps.io);
        failOnFailedResults(results, deps);
    }
    catch (error) {
        if (context.results !== undefined) {
            const counts = countResults(context.results);
            const done = Object.entries(counts).map(([status, count]) => `${count} ${status}`).join(", ");
            deps.io.setFailed(`The sync finished (${done}) but reporting it failed: ${describeFatal(error)}`);
            return;
        }
        await writeFailureSummary(error, { vaultUrl: context.inputs?.vaultUrl, dryRun: context.inputs?.dryRun, dryRunReason: context.inputs?.dryRunReason, notes: context.notes }, deps.io).catch((summaryError) => deps.io.warning(`Failed to write the job summary: ${(0,errors/* errorMessage */.gJ)(summaryError)}`));
        deps.io.setFailed(describeFatal(error));
    }
}
async function syncSecrets(deps, context) {
    const { io, env } = deps;
    const inputs = readInputs((name) => io.getInput(name), env);
    context.inputs = inputs;
    io.info(`Vault: ${inputs.vaultUrl} (${inputs.cloud.name} cloud); ${inputs.dryRun ? "dry run" : "writing"} — ${inputs.dryRunReason}`);
    const entries = await readSources({ secretsJson: inputs.secretsJson, envFiles: inputs.envFiles }, { readFile: deps.readFile, mask: (value) => io.setSecret(value) });
    const { desired, rejected } = nameSecrets(entries, { include: inputs.include, exclude: inputs.exclude, prefix: inputs.prefix, transform: inputs.nameTransform });
    const skipped = rejected.filter((rejection) => rejection.status === "skipped").length;
    const excluded = entries.length - desired.length - rejected.length;
    io.info(`Read ${entries.length} source entries: ${desired.length} to sync, ${skipped} empty (skipped), ` +
        `${rejected.length - skipped} failing the naming rules, ${excluded} left out (include/exclude, github_token).`);
    const now = deps.now();
    const metadata = { contentType: inputs.contentType, tags: inputs.tags, expiresInSeconds: inputs.expiresInSeconds };
    const connection = await connect(inputs, deps, context);
    const planOptions = { owner: inputs.owner, prefix: inputs.prefix, prune: inputs.prune, adopt: inputs.adopt, metadata, now };
    const applyOptions = { concurrency: inputs.concurrency, dryRun: inputs.dryRun, audit: readAuditContext(env, connection?.claims), now };
    if (connection && !inputs.prune) {
        const readOptions = { owner: inputs.owner, concurrency: inputs.concurrency, adopt: inputs.adopt, mask: (value) => io.setSecret(value) };
        const synced = await syncByName(connection.vault, { desired, rejected }, { read: readOptions, plan: planOptions, apply: applyOptions });
        noteRefusedValues(synced.refusedValues, context);
        return synced.results;
    }
    const state = connection
        ? await readVaultState(connection.vault, desired, { owner: inputs.owner, concurrency: inputs.concurrency, adopt: inputs.adopt, mask: (value) => io.setSecret(value) })
        : undefined;
    if (state)
        noteUnreadableValues(state, context);
    const plan = planChanges({ desired, rejected, state, options: planOptions });
    return applyPlan(plan, connection?.vault, applyOptions);
}
/**
 * Signs in and opens the vault, or returns undefined for a dry run that has no OIDC token (fork
 * pull requests, Dependabot): those are validated offline and the report says why.
 */
async function connect(inputs, deps, context) {
    const { io, env } = deps;
    if (inputs.auth === "oidc" && !(0,github_oidc/* hasOidcRequest */.nc)(env)) {
        const missing = (0,github_oidc/* explainMissingOidc */.dM)(env);
        if (!inputs.dryRun)
            throw new errors/* SyncError */.S0(missing.message, missing.hint);
        context.notes.push(`Validated offline, without reading the vault. ${missing.message}`);
        return undefined;
    }
    // One pool of kept-alive connections for sign-in and vault: a handshake per host, not per request.
    const agent = createConnectionAgent(env);
    context.agent = agent;
    const credential = await deps.createCredential({
        agent,
        auth: inputs.auth,
        tenantId: inputs.tenantId,
        clientId: inputs.clientId,
        cloud: inputs.cloud,
        audience: inputs.audience,
        env,
        log: (message) => io.info(message),
        mask: (secret) => io.setSecret(secret),
    });
    const { verifySignIn } = await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(563), __webpack_require__.e(226)]).then(__webpack_require__.bind(__webpack_require__, 4226));
    await verifySignIn(credential, inputs.cloud.vaultScope);
    io.info(`Signed in to Microsoft Entra ID${inputs.clientId ? ` as ${inputs.clientId}` : ""}.`);
    const vault = await deps.createKeyVault(inputs.vaultUrl, credential, { log: (message) => io.info(message), clientId: inputs.clientId, agent });
    return { vault, claims: credential.presentedClaims };
}
/** A plan that could not compare values (a Reader identity) must say so once, not only per item. */
function noteUnreadableValues(state, context) {
    const refused = state.secrets.filter((secret) => secret.value.kind === "failed" && (secret.value.failure.kind === "forbidden-rbac" || secret.value.failure.kind === "forbidden-policy")).length;
    noteRefusedValues(refused, context);
}
function noteRefusedValues(refused, context) {
    if (refused > 0) {
        context.notes.push(`${refused} existing ${refused === 1 ? "value" : "values"} could not be read: the identity may list secrets but not read them ` +
            "(Key Vault Reader, or an access policy without 'get'), so their items say 'value not compared'. " +
            "Key Vault Secrets User is enough for a dry run that compares values.");
    }
}
/** Who wrote a version, from the runner's environment; the environment name only the OIDC token knows. */
function readAuditContext(env, claims) {
    const repository = env["GITHUB_REPOSITORY"];
    const runId = env["GITHUB_RUN_ID"];
    const serverUrl = env["GITHUB_SERVER_URL"] ?? "https://github.com";
    const attempt = env["GITHUB_RUN_ATTEMPT"];
    const runUrl = repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}` : undefined;
    return {
        repository,
        runUrl,
        commit: env["GITHUB_SHA"],
        ref: claims?.environment ? `environment:${claims.environment}` : env["GITHUB_REF"],
    };
}
/**
 * GitHub shows at most 10 error annotations a step and the reporter uses them all for the failed
 * secrets, so the step's own failure is a log line and an exit code, not an 11th annotation.
 */
function failOnFailedResults(results, deps) {
    const failed = countResults(results).failed;
    if (failed > 0) {
        deps.io.info(`${failed} of ${results.length} secrets could not be synced; each failure is annotated and listed in the job summary.`);
        deps.setExitCode(1);
    }
}
function describeFatal(error) {
    const hint = error instanceof errors/* SyncError */.S0 && error.hint ? `\n${error.hint}` : "";
    return `${(0,errors/* errorMessage */.gJ)(error)}${hint}`;
}


/***/ }),

/***/ 2387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ classifyVaultError),
/* harmony export */   hD: () => (/* binding */ createVaultError),
/* harmony export */   hb: () => (/* binding */ VaultError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _vault_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(618);
/* harmony import */ var _vault_policies_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5194);
/**
 * What a refused Key Vault call means: the failure read from an SDK error (status, codes, the
 * case it names), the VaultError the rest of the action sees, and the one table of hints. Pure:
 * it reads errors as plain data and never imports the Key Vault SDK.
 */



/** A refused Key Vault call: what failed, for which secret, why, and how to fix it. */
class VaultError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SyncError */ .S0 {
    failure;
    operation;
    secretName;
    constructor(message, hint, failure, operation, secretName) {
        // No `cause`: the SDK error holds the request, and a set request's body is the value.
        super(message, hint);
        this.name = "VaultError";
        this.failure = failure;
        this.operation = operation;
        this.secretName = secretName;
    }
}
const NETWORK_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "ECONNREFUSED", "ECONNRESET", "ENOENT", "ENOTFOUND", "EPIPE", "EAI_AGAIN", "REQUEST_SEND_ERROR"]);
const FORBIDDEN_KINDS = {
    ForbiddenByRbac: "forbidden-rbac",
    AccessDenied: "forbidden-policy",
    ForbiddenByPolicy: "forbidden-policy",
    ForbiddenByFirewall: "forbidden-firewall",
    ForbiddenByConnection: "forbidden-firewall",
    SecretManagedByKeyVault: "managed-by-key-vault",
    SecretDisabled: "disabled",
};
const CONFLICT_KINDS = {
    ObjectIsDeletedButRecoverable: "deleted-recoverable",
    ObjectIsBeingDeleted: "being-deleted",
    ObjectIsBeingRecovered: "being-recovered",
};
/** Read status and codes the way the SDK surfaces them (azure-facts A §6.1) and name the case. */
function classifyVaultError(error) {
    const fields = (typeof error === "object" && error !== null ? error : {});
    const status = typeof fields.statusCode === "number" ? fields.statusCode : undefined;
    const bodyError = fields.details?.error;
    const inner = bodyError?.innerError?.code ?? bodyError?.innererror?.code;
    const innerCode = typeof inner === "string" ? inner : undefined;
    const code = typeof bodyError?.code === "string" ? bodyError.code : typeof fields.code === "string" ? fields.code : undefined;
    const aborted = typeof error === "object" && error !== null && error.name === "AbortError";
    const message = describeFailure(status, code, typeof bodyError?.message === "string" ? bodyError.message : undefined, aborted);
    const kind = aborted ? "transient" : pickKind(status, code, innerCode, message);
    return { status, code, innerCode, message, kind };
}
/**
 * The only texts trusted to hold no value are Key Vault's own error messages (names and caller
 * ids) and fixed descriptions. The SDK's `message` is never used: for a response it cannot parse
 * it quotes the body, and the body of a GET is the secret.
 */
function describeFailure(status, code, serviceMessage, aborted) {
    if (serviceMessage !== undefined && status !== undefined && status >= 400)
        return serviceMessage;
    if (aborted)
        return `no answer within ${_vault_policies_js__WEBPACK_IMPORTED_MODULE_1__/* .REQUEST_TIMEOUT_MS */ .j2 / 1000} s (request timed out)`;
    if (code === "PARSE_ERROR")
        return `Key Vault's answer could not be read${status === undefined ? "" : ` (HTTP ${status})`}`;
    if (status === undefined)
        return code === undefined ? "the request failed" : `the request failed (${code})`;
    return `unexpected answer (HTTP ${status}${code === undefined ? "" : `, ${code}`})`;
}
function pickKind(status, code, innerCode, message) {
    if (status === undefined)
        return code !== undefined && NETWORK_CODES.has(code) ? "transient" : "other";
    if (status === 403) {
        const known = innerCode === undefined ? undefined : FORBIDDEN_KINDS[innerCode];
        if (known)
            return known;
        // Older or proxied answers can lack innererror; the firewall wording is distinctive.
        if (/client address is not authorized|public network access is disabled|not allowed by NSP/i.test(message))
            return "forbidden-firewall";
        if (/lifetime is managed by Key Vault/i.test(message))
            return "managed-by-key-vault";
        return "forbidden-other";
    }
    if (status === 409)
        return (innerCode === undefined ? undefined : CONFLICT_KINDS[innerCode]) ?? "other";
    if (status === 404)
        return "not-found";
    if (status === 429)
        return "throttled";
    if (status === 400 || status === 405)
        return "bad-request";
    if (status === 408 || (status >= 500 && status !== 501 && status !== 505))
        return "transient";
    return "other";
}
const VERBS = {
    list: "list secrets",
    "list-deleted": "list deleted secrets",
    "list-versions": "list the versions of",
    get: "read",
    "get-deleted": "read the deleted",
    set: "set",
    update: "update the properties of",
    delete: "delete",
    recover: "recover",
};
/** Least-privileged built-in role that allows each operation. */
const ROLE_FOR = {
    list: "Key Vault Reader",
    "list-deleted": "Key Vault Reader",
    "list-versions": "Key Vault Reader",
    get: "Key Vault Secrets User",
    "get-deleted": "Key Vault Reader",
    set: "Key Vault Secrets Officer",
    update: "Key Vault Secrets Officer",
    delete: "Key Vault Secrets Officer",
    recover: "Key Vault Secrets Officer",
};
/** Access-policy permission each operation needs. */
const PERMISSION_FOR = {
    list: "list",
    "list-deleted": "list",
    "list-versions": "list",
    get: "get",
    "get-deleted": "get",
    set: "set",
    update: "set",
    delete: "delete",
    recover: "recover",
};
const HINTS = {
    "forbidden-rbac": (ctx) => `The identity lacks the '${ROLE_FOR[ctx.operation]}' role on this vault (a sync needs 'Key Vault Secrets Officer'; a dry run needs 'Key Vault Secrets User' to compare values). ` +
        `Grant it: az role assignment create --role "${ROLE_FOR[ctx.operation]}" --assignee ${ctx.clientId ?? "<client-id>"} --scope "$(az keyvault show --name ${ctx.vaultName} --query id -o tsv)". ` +
        "New role assignments can take a few minutes to apply.",
    "forbidden-policy": (ctx) => `The vault uses access policies and the identity lacks the secret '${PERMISSION_FOR[ctx.operation]}' permission. ` +
        `Grant what a sync needs: az keyvault set-policy --name ${ctx.vaultName} --spn ${ctx.clientId ?? "<client-id>"} --secret-permissions get list set delete recover`,
    "forbidden-firewall": (ctx) => `The vault's network rules rejected the runner. Run the job on a self-hosted runner inside the vault's virtual network (private endpoint), ` +
        `or allow the runner's public IP: az keyvault network-rule add --name ${ctx.vaultName} --ip-address <runner-ip> (GitHub-hosted runner addresses change between runs).`,
    "managed-by-key-vault": () => "This secret backs a certificate; change the certificate instead, or sync under another name.",
    disabled: (ctx) => `Enable it (az keyvault secret set-attributes --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"} --enabled true) or remove it from the sources.`,
    "deleted-recoverable": (ctx) => `The name is soft-deleted. Recover it (az keyvault secret recover --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"}) or purge it by hand; keyvault-sync never purges.`,
    "being-deleted": () => "Key Vault is still processing a delete of this name; run the sync again in a minute.",
    "being-recovered": () => "Key Vault is still processing a recovery of this name; run the sync again in a minute.",
    throttled: () => "Key Vault kept throttling after repeated backoff; lower the 'concurrency' input or spread runs that share the vault.",
    transient: () => "Key Vault or the network failed repeatedly; run the job again.",
};
function summarise(failure) {
    const firstLine = failure.message.split(/\r?\n/)[0]?.trim() || failure.message;
    const codes = [failure.status, failure.innerCode ?? failure.code].filter((part) => part !== undefined).join(" ");
    const action = /Action: '([^']+)'/.exec(failure.message)?.[1];
    const detail = [codes, action ? `action ${action}` : undefined].filter(Boolean).join(", ");
    return detail ? `${firstLine} (${detail})` : firstLine;
}
/** Build the error for a refused call; the fake vault in tests builds its errors here too. */
function createVaultError(failure, operation, context) {
    const vaultName = (0,_vault_names_js__WEBPACK_IMPORTED_MODULE_2__/* .readVaultName */ .O)(context.vaultUrl);
    const target = context.secretName === undefined ? "" : ` secret '${context.secretName}'`;
    const message = `Failed to ${VERBS[operation]}${target} in vault '${vaultName}': ${summarise(failure)}`;
    const hint = HINTS[failure.kind]?.({ operation, vaultName, secretName: context.secretName, clientId: context.clientId });
    return new VaultError(message, hint, failure, operation, context.secretName);
}


/***/ }),

/***/ 618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readVaultName),
/* harmony export */   S: () => (/* binding */ compareByVaultName)
/* harmony export */ });
/**
 * Key Vault names as the service treats them. Pure: naming, planning and reporting all order
 * their lists with the one comparator here, so every list the action shows is in the same order.
 */
/** By UTF-16 code unit, not by locale: the same order on every runner. */
function compareText(left, right) {
    return left < right ? -1 : left > right ? 1 : 0;
}
/**
 * Key Vault name ignoring case (as Key Vault compares names), then the exact name, then the
 * source key, so the order is total and stable. A missing name or source sorts as "".
 */
function compareByVaultName(left, right) {
    const leftName = left.name ?? "";
    const rightName = right.name ?? "";
    return (compareText(leftName.toLowerCase(), rightName.toLowerCase()) ||
        compareText(leftName, rightName) ||
        compareText(left.source ?? "", right.source ?? ""));
}
/** The vault's name as `az` commands take it: the first label of its host. */
function readVaultName(vaultUrl) {
    try {
        return new URL(vaultUrl).hostname.split(".")[0] ?? vaultUrl;
    }
    catch {
        return vaultUrl;
    }
}


/***/ }),

/***/ 5194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jx: () => (/* binding */ createThrottlePolicy),
/* harmony export */   j2: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   jj: () => (/* binding */ restoreErrorBody),
/* harmony export */   mZ: () => (/* binding */ createTimeoutPolicy),
/* harmony export */   r8: () => (/* binding */ createErrorBodyPolicy)
/* harmony export */ });
/* unused harmony export readRetryAfterMs */
/** A request with no answer in this time fails instead of holding its worker until the job times out. */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * The SDK's pager throws "Pagination failed with unexpected statusCode 403" and drops the body,
 * so a refused listing would lose its inner code (RBAC vs firewall). This policy remembers error
 * bodies per request so the adapter can classify them like any other error.
 */
function createErrorBodyPolicy(bodies) {
    return {
        name: "keyvaultSyncErrorBody",
        async sendRequest(request, next) {
            const response = await next(request);
            if (response.status >= 400 && response.bodyAsText) {
                try {
                    const parsed = JSON.parse(response.bodyAsText);
                    if (parsed.error && typeof parsed.error === "object")
                        bodies.set(request, parsed.error);
                }
                catch {
                    // Not JSON: nothing to remember; the SDK reports its own parse error.
                }
            }
            return response;
        },
    };
}
/**
 * The SDK sends without a timeout by default; a stalled connection would hang the run. Placed
 * per retry, so each attempt has its own time. Not the SDK's `request.timeout`: its timer is left
 * running when a connection drops (it is cleared only on an answer) and held the process open for
 * the full timeout after the run had finished; the timer of AbortSignal.timeout does not.
 */
function createTimeoutPolicy(timeoutMs) {
    return {
        name: "keyvaultSyncTimeout",
        async sendRequest(request, next) {
            const callerSignal = request.abortSignal;
            const timeout = AbortSignal.timeout(timeoutMs);
            request.abortSignal = callerSignal === undefined ? timeout : AbortSignal.any([callerSignal, timeout]);
            try {
                return await next(request);
            }
            finally {
                request.abortSignal = callerSignal;
            }
        },
    };
}
/** Put a remembered error body back on an SDK error that lost it. */
function restoreErrorBody(error, bodies) {
    if (typeof error !== "object" || error === null)
        return error;
    const fields = error;
    if (fields.details?.error !== undefined || typeof fields.request !== "object" || fields.request === null)
        return error;
    const body = bodies.get(fields.request);
    if (body === undefined)
        return error;
    const innerCode = body.innererror?.code;
    return {
        statusCode: fields.statusCode,
        code: fields.code,
        message: fields.message,
        details: { error: { code: body.code, message: body.message, innerError: innerCode === undefined ? undefined : { code: innerCode } } },
    };
}
// ---- 429 policy ----
const RETRY_AFTER_MS_HEADERS = ["retry-after-ms", "x-ms-retry-after-ms"];
/** Milliseconds a response asks us to wait, from any of the headers Azure uses. */
function readRetryAfterMs(headers, now) {
    for (const name of RETRY_AFTER_MS_HEADERS) {
        const value = Number(headers.get(name));
        if (headers.has(name) && Number.isFinite(value) && value >= 0)
            return value;
    }
    const raw = headers.get("retry-after");
    if (raw === undefined)
        return undefined;
    const seconds = Number(raw);
    if (raw.trim() !== "" && Number.isFinite(seconds) && seconds >= 0)
        return seconds * 1000;
    const date = Date.parse(raw);
    return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
/**
 * Retries 429 answers, with or without Retry-After. It sits inside the SDK's retry policy (closest
 * to the wire); when it gives up it removes the Retry-After headers so the SDK's own throttling
 * strategy does not start another round of waits on top of ours.
 */
function createThrottlePolicy(options) {
    return {
        name: "keyvaultSyncThrottleRetry",
        async sendRequest(request, next) {
            for (let retry = 0;; retry += 1) {
                const response = await next(request);
                if (response.status !== 429)
                    return response;
                if (retry >= options.retries) {
                    for (const name of ["retry-after", ...RETRY_AFTER_MS_HEADERS])
                        response.headers.delete(name);
                    return response;
                }
                const nominal = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
                const backoff = Math.round(nominal * (0.8 + 0.4 * options.random()));
                const asked = readRetryAfterMs(response.headers, options.now());
                const delay = asked === undefined ? backoff : Math.max(backoff, Math.min(asked, options.maxRetryAfterMs));
                const path = new URL(request.url).pathname;
                const why = asked === undefined ? "no Retry-After" : `Retry-After ${(asked / 1000).toFixed(1)} s`;
                options.log(`Key Vault throttled ${request.method} ${path} (429, ${why}); retry ${retry + 1} of ${options.retries} in ${(delay / 1000).toFixed(1)} s`);
                await options.sleep(delay);
            }
        },
    };
}


/***/ })

};
