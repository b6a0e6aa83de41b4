export const id = 534;
export const ids = [534];
export const modules = {

/***/ 5534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_WRITE_PACING: () => (/* reexport */ DEFAULT_WRITE_PACING),
  createKeyVault: () => (/* binding */ createKeyVault)
});

// EXTERNAL MODULE: ./node_modules/@azure/keyvault-secrets/dist/esm/index.js + 18 modules
var esm = __webpack_require__(6009);
// EXTERNAL MODULE: ./src/engine/limiter.ts
var limiter = __webpack_require__(1482);
;// CONCATENATED MODULE: ./src/engine/vault/pacing.ts
/** 300 secret writes per 10 s per vault. */
const DEFAULT_WRITE_PACING = { limit: 300, windowMs: 10_000 };
/** 4,000 transactions of any kind per 10 s per vault. */
const DEFAULT_TRANSACTION_PACING = { limit: 4000, windowMs: 10_000 };
/**
 * Request n may be sent once request n - limit has been answered, plus the window. Slots are
 * reserved in call order, synchronously, so concurrent callers never share one.
 */
function createAnsweredWindowLimiter(options) {
    const limit = Math.max(1, Math.floor(options.limit));
    // answered[i % limit]: when request i was answered (once it has been).
    const answered = [];
    let taken = 0;
    return {
        async acquire() {
            const slot = taken % limit;
            const earlier = taken >= limit ? answered[slot] : undefined;
            taken += 1;
            let markAnswered = () => { };
            answered[slot] = new Promise((resolve) => (markAnswered = resolve));
            if (earlier !== undefined) {
                const wait = (await earlier) + options.windowMs - options.now();
                if (wait > 0)
                    await options.sleep(wait);
            }
            let done = false;
            return () => {
                if (done)
                    return;
                done = true;
                markAnswered(options.now());
            };
        },
    };
}
const WRITE_METHODS = new Set(["PUT", "PATCH", "POST", "DELETE"]);
/**
 * Secret writes (set, update, recover, delete) count against the lower write limit too; the
 * SDK's first, unauthenticated attempt (answered by the challenge) writes nothing.
 */
function isWrite(request) {
    return WRITE_METHODS.has(request.method) && request.headers.has("authorization");
}
function createPacingPolicy(limiters) {
    return {
        name: "keyvaultSyncPacing",
        async sendRequest(request, next) {
            // The scarcer write slot first, so a write waiting for it does not hold a transaction slot.
            const releaseWrite = isWrite(request) ? await limiters.writes?.acquire() : undefined;
            const releaseTransaction = await limiters.transactions?.acquire();
            try {
                return await next(request);
            }
            finally {
                releaseTransaction?.();
                releaseWrite?.();
            }
        },
    };
}

// EXTERNAL MODULE: ./src/engine/vault/vault-errors.ts + 1 modules
var vault_errors = __webpack_require__(5314);
// EXTERNAL MODULE: ./src/engine/vault/retry-rules.ts
var retry_rules = __webpack_require__(9961);
// EXTERNAL MODULE: ./src/engine/vault/vault-policies.ts
var vault_policies = __webpack_require__(440);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
;// CONCATENATED MODULE: ./src/engine/vault/vault-call.ts
/**
 * The adapter's one retry loop (callVault): every Key Vault call goes through it, with the
 * decisions taken by retry-rules.ts. It also keeps the calls of a fresh client behind the first
 * one, and confirms what a write whose answer was lost left behind before sending it again.
 */




const VERBS_DONE = { set: "write", delete: "delete" };
/** Value, content type and every tag equal: the version is the one this write stores. */
function holdsWrite(latest, write) {
    const stored = latest.properties.tags;
    const keys = Object.keys(write.tags);
    return (latest.value === write.value &&
        (latest.properties.contentType ?? undefined) === (write.contentType ?? undefined) &&
        keys.length === Object.keys(stored).length &&
        keys.every((key) => stored[key] === write.tags[key]));
}
function createVaultCaller(options) {
    const { vaultUrl, clientId, retry, sleep, log, errorBodies } = options;
    // The SDK's challenge handshake keeps per-client state; requests racing on a fresh client can
    // lose a body (azure-facts A §3.2 item 10). Everything waits for the first call to finish.
    let firstCall;
    async function afterFirstCall(call) {
        if (firstCall === undefined) {
            const result = call();
            firstCall = Promise.race([
                result.then(() => { }, () => { }),
                firstAnswer,
            ]);
            return result;
        }
        await firstCall;
        return call();
    }
    // A listing's first page completes the handshake too: calls need not wait for its last page.
    let answered = () => { };
    const firstAnswer = new Promise((resolve) => (answered = resolve));
    let memory = { propagationWaitedOut: false, succeededOnce: false };
    async function callVault(operation, secretName, write, attempt, confirm) {
        return afterFirstCall(async () => {
            let tries = { forbidden: 0, conflict: 0, lost: 0 };
            let answerLost = false;
            for (;;) {
                try {
                    if (answerLost && confirm !== undefined) {
                        const found = await confirm();
                        if (found.done) {
                            log(`Key Vault had done the ${VERBS_DONE[operation]} of '${secretName ?? ""}' whose answer was lost; not sending it again`);
                            memory = { ...memory, succeededOnce: true };
                            return found.result;
                        }
                    }
                    const result = await attempt();
                    memory = { ...memory, succeededOnce: true };
                    return result;
                }
                catch (error) {
                    // Already explained (a sign-in failure surfacing in a vault call): keep its cause and fix.
                    if (error instanceof errors/* SyncError */.S0)
                        throw error;
                    const failure = (0,vault_errors/* classifyVaultError */.Bk)((0,vault_policies/* restoreErrorBody */.jj)(error, errorBodies));
                    const decision = (0,retry_rules/* decideVaultRetry */.ZT)(failure.kind, operation, tries, memory, retry);
                    ({ tries, memory } = decision);
                    const { delayMs: delay, answerLost: lost } = decision;
                    if (lost)
                        answerLost = true;
                    const stated = lost && delay === undefined ? { ...failure, message: `${failure.message}; whether Key Vault did it is unknown` } : failure;
                    const vaultError = (0,vault_errors/* createVaultError */.hD)(stated, operation, { vaultUrl, secretName, clientId });
                    if (delay === undefined)
                        throw vaultError;
                    const next = lost && confirm !== undefined ? "checking what the vault holds" : "retrying";
                    log(`${vaultError.message}; ${next} in ${(delay / 1000).toFixed(1)} s`);
                    await sleep(delay);
                }
            }
        });
    }
    return { callVault, afterFirstCall, answered: () => answered() };
}

;// CONCATENATED MODULE: ./src/engine/vault/request-debug-policy.ts
function createRequestDebugPolicy(debug, now) {
    return {
        name: "keyvaultSyncRequestDebug",
        async sendRequest(request, next) {
            const started = now();
            const what = `${request.method} ${new URL(request.url).pathname}`;
            try {
                const response = await next(request);
                debug(`Key Vault ${what} -> ${response.status} (${now() - started} ms)`);
                return response;
            }
            catch (error) {
                const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "no response";
                debug(`Key Vault ${what} -> ${code} (${now() - started} ms)`);
                throw error;
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/engine/vault/key-vault.ts
/**
 * The KeyVault interface the rest of the action uses, and its Azure implementation. This is the
 * only module that imports the Key Vault SDK, and the only place that retries Key Vault calls:
 *
 * - 429: a pipeline policy closest to the wire retries with 1, 2, 4, 8, 16 s backoff (jittered),
 *   honouring Retry-After when present; the SDK alone retries a 429 only when it has Retry-After.
 * - 5xx and dropped connections on reads and PATCH: the SDK's own retry policy (3 retries).
 * - The same on a PUT, DELETE or recover: the outcome is unknown (the vault may have stored the
 *   write before the answer was lost), so the SDK may not repeat it blindly. The adapter reads
 *   what the vault holds, and writes again only when the write is not there (3 retries).
 * - 403 by RBAC or access policy: a few retries for role-assignment propagation, until one 403
 *   has outlasted them; after that every 403 fails at once, so a missing role costs seconds
 *   once per run instead of on every secret or every kind of call.
 * - 409 "being deleted / being recovered" and the 404 window after a recovery: short backoff.
 *
 * Every try is paced under the per-vault limits (4,000 transactions and 300 writes per 10 s),
 * each window counted from an earlier request's answer (pacing.ts).
 *
 * What a failure means and how to fix it is in vault-errors.ts; the policies added to the SDK's
 * pipeline (timeout, error bodies, 429) are in vault-policies.ts; when to retry, and the retry
 * defaults, are decided in retry-rules.ts; the loop that retries is in vault-call.ts.
 */









// ---- The adapter ----
function toSecretInfo(properties) {
    return {
        name: properties.name,
        version: properties.version,
        enabled: properties.enabled ?? true,
        managed: properties.managed === true,
        contentType: properties.contentType,
        tags: { ...(properties.tags ?? {}) },
        expiresOn: properties.expiresOn,
        createdOn: properties.createdOn,
        updatedOn: properties.updatedOn,
        recoverableDays: properties.recoverableDays,
    };
}
function toDeletedSecretInfo(deleted) {
    return {
        ...toSecretInfo(deleted.properties),
        // The properties' copies are read only when the top-level fields are missing; dropping the
        // fallback would be a behaviour change, not a lint fix.
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
        deletedOn: deleted.deletedOn ?? deleted.properties.deletedOn,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
        scheduledPurgeDate: deleted.scheduledPurgeDate ?? deleted.properties.scheduledPurgeDate,
    };
}
/** All items of a paged listing, handing each page to `onPage` as it arrives. */
async function collectPages(pages, map, onPage) {
    const items = [];
    for await (const page of pages) {
        const mapped = page.map(map);
        items.push(...mapped);
        onPage(mapped);
    }
    return items;
}
async function collect(pages, map) {
    const items = [];
    for await (const item of pages)
        items.push(map(item));
    return items;
}
function createKeyVault(vaultUrl, credential, options = {}) {
    const retry = { ...retry_rules/* DEFAULT_RETRY */.vI, ...options.retry };
    const sleep = options.sleep ?? limiter/* sleepFor */.dt;
    const now = options.now ?? Date.now;
    const log = options.log ?? (() => { });
    const pacing = options.writePacing === undefined ? DEFAULT_WRITE_PACING : options.writePacing;
    const transactionPacing = options.transactionPacing === undefined ? DEFAULT_TRANSACTION_PACING : options.transactionPacing;
    const pacingPolicy = createPacingPolicy({
        writes: pacing === false ? undefined : createAnsweredWindowLimiter({ ...pacing, now, sleep }),
        transactions: transactionPacing === false ? undefined : createAnsweredWindowLimiter({ ...transactionPacing, now, sleep }),
    });
    const errorBodies = new WeakMap();
    const client = new esm/* SecretClient */._V(vaultUrl, credential, {
        additionalPolicies: [
            { position: "perCall", policy: (0,vault_policies/* createErrorBodyPolicy */.r8)(errorBodies) },
            {
                position: "perRetry",
                policy: (0,vault_policies/* createThrottlePolicy */.Jx)({
                    settings: retry,
                    sleep,
                    now,
                    random: options.random ?? Math.random,
                    log,
                }),
            },
            // After the SDK's retry policy, so it sees every try.
            { position: "perRetry", policy: (0,vault_policies/* createNoBlindRepeatPolicy */.i_)() },
            // Every try waits for its place under the vault's limits (pacing.ts).
            { position: "perRetry", policy: pacingPolicy },
            // Closest to the wire, so every attempt (retries of 429s and transient errors) shows.
            ...(options.debug === undefined ? [] : [{ position: "perRetry", policy: createRequestDebugPolicy(options.debug, now) }]),
            // Closest to the wire of all, so every try gets the whole time.
            { position: "perRetry", policy: (0,vault_policies/* createTimeoutPolicy */.mZ)(vault_policies/* REQUEST_TIMEOUT_MS */.j2) },
        ],
        retryOptions: { maxRetries: retry.transientRetries, retryDelayInMs: retry.transientDelayMs },
        httpClient: options.httpClient,
        ...(options.agent === undefined ? {} : { agent: options.agent }),
    });
    const { callVault, afterFirstCall, answered } = createVaultCaller({
        vaultUrl,
        clientId: options.clientId,
        retry,
        sleep,
        log,
        errorBodies,
    });
    /** The latest version with its value, or undefined when the name holds no active secret. */
    async function readLatest(name) {
        try {
            const secret = await client.getSecret(name);
            return { value: secret.value ?? "", properties: toSecretInfo(secret.properties) };
        }
        catch (error) {
            if ((0,vault_errors/* classifyVaultError */.Bk)(error).kind === "not-found")
                return undefined;
            throw error;
        }
    }
    /** A lost PUT was stored when the latest version holds exactly what it wrote. */
    async function confirmStored(name, write) {
        const latest = await readLatest(name);
        if (latest === undefined || !holdsWrite(latest, write))
            return { done: false };
        return { done: true, result: latest.properties };
    }
    /** Polls until a just-recovered secret answers; Key Vault answers 404 for a few seconds. */
    async function waitUntilReadable(name) {
        for (const delay of [...retry.recoverWaitDelaysMs, undefined]) {
            try {
                await client.getSecret(name);
                return;
            }
            catch (error) {
                const failure = (0,vault_errors/* classifyVaultError */.Bk)((0,vault_policies/* restoreErrorBody */.jj)(error, errorBodies));
                // Like the SDK's poller: a 403 means we cannot read it, not that it is missing.
                if (failure.kind !== "not-found") {
                    if (failure.status === 403)
                        return;
                    throw (0,vault_errors/* createVaultError */.hD)(failure, "recover", { vaultUrl, secretName: name, clientId: options.clientId });
                }
                if (delay === undefined) {
                    const waited = {
                        ...failure,
                        message: `recovered, but still not readable after ${retry.recoverWaitDelaysMs.length + 1} tries: ${failure.message}`,
                    };
                    throw (0,vault_errors/* createVaultError */.hD)(waited, "recover", { vaultUrl, secretName: name, clientId: options.clientId });
                }
                await sleep(delay);
            }
        }
    }
    return {
        vaultUrl,
        listSecrets: (onPage) => callVault("list", undefined, false, () => collectPages(client.listPropertiesOfSecrets().byPage(), toSecretInfo, (page) => {
            answered();
            onPage?.(page);
        })),
        listDeletedSecrets: () => callVault("list-deleted", undefined, false, () => collect(client.listDeletedSecrets(), toDeletedSecretInfo)),
        listVersions: (name) => callVault("list-versions", name, false, () => collect(client.listPropertiesOfSecretVersions(name), toSecretInfo)),
        getSecret: (name) => callVault("get", name, false, async () => {
            try {
                const secret = await client.getSecret(name);
                return { found: true, value: secret.value ?? "", properties: toSecretInfo(secret.properties) };
            }
            catch (error) {
                if ((0,vault_errors/* classifyVaultError */.Bk)(error).kind === "not-found")
                    return { found: false };
                throw error;
            }
        }),
        getDeletedSecret: (name) => callVault("get-deleted", name, false, async () => {
            try {
                return toDeletedSecretInfo(await client.getDeletedSecret(name));
            }
            catch (error) {
                if ((0,vault_errors/* classifyVaultError */.Bk)(error).kind === "not-found")
                    return undefined;
                throw error;
            }
        }),
        setSecret: (name, write) => callVault("set", name, true, async () => {
            const secret = await client.setSecret(name, write.value, {
                contentType: write.contentType,
                tags: write.tags,
                expiresOn: write.expiresOn,
                notBefore: write.notBefore,
                enabled: write.enabled,
            });
            return toSecretInfo(secret.properties);
        }, () => confirmStored(name, write)),
        updateProperties: (name, version, update) => callVault("update", name, true, async () => toSecretInfo(await client.updateSecretProperties(name, version, {
            contentType: update.contentType,
            tags: update.tags,
            expiresOn: update.expiresOn,
            enabled: update.enabled,
        }))),
        deleteSecret: (name) => callVault("delete", name, true, async () => {
            // Starting the poller sends the DELETE and checks once; waiting 2 s per secret for the
            // deleted entry to show up would only slow a prune down.
            await client.beginDeleteSecret(name);
        }, 
        // A lost DELETE was done when the name no longer answers.
        async () => ((await readLatest(name)) === undefined ? { done: true, result: undefined } : { done: false })),
        // No confirm: the SDK's recover reads the secret first and does not recover what answers.
        recoverSecret: async (name) => {
            const poller = await callVault("recover", name, true, () => client.beginRecoverDeletedSecret(name));
            if (!poller.isDone())
                await afterFirstCall(() => waitUntilReadable(name));
        },
    };
}


/***/ })

};
