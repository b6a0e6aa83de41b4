export const id = 197;
export const ids = [197];
export const modules = {

/***/ 7197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ASSERTION_REUSE_MS: () => (/* binding */ ASSERTION_REUSE_MS),
/* harmony export */   createAssertionSource: () => (/* binding */ createAssertionSource),
/* harmony export */   createCredential: () => (/* binding */ createCredential),
/* harmony export */   verifySignIn: () => (/* binding */ verifySignIn),
/* harmony export */   wrapCredential: () => (/* binding */ wrapCredential)
/* harmony export */ });
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5563);
/* harmony import */ var _github_oidc_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3526);
/* harmony import */ var _limiter_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1482);
/* harmony import */ var _vault_vault_policies_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(440);
/* harmony import */ var _sign_in_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2792);





function createCredential(options) {
    const context = {
        auth: options.auth,
        tenantId: options.tenantId,
        clientId: options.clientId,
        cloud: options.cloud,
        audience: options.audience,
    };
    const assertions = options.auth === "oidc" ? createAssertionSource(options) : undefined;
    let inner;
    try {
        inner = createInnerCredential(options, assertions);
    }
    catch (error) {
        throw (0,_sign_in_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .explainAuthError */ .y)(error, context);
    }
    return wrapCredential(inner, { context, mask: options.mask, readClaims: () => assertions?.claims });
}
/**
 * Wraps any TokenCredential so that access tokens are masked as they are issued and every
 * failure, wherever the SDK asks for a token, arrives as an explained SignInError.
 */
function wrapCredential(inner, options) {
    let lastMasked;
    return {
        get presentedClaims() {
            return options.readClaims?.();
        },
        async getToken(scopes, getTokenOptions) {
            try {
                const token = await inner.getToken(scopes, getTokenOptions);
                if (token !== null && token.token !== lastMasked) {
                    options.mask(token.token);
                    lastMasked = token.token;
                }
                return token;
            }
            catch (error) {
                throw (0,_sign_in_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .explainAuthError */ .y)(error, { ...options.context, claims: options.readClaims?.() ?? options.context.claims });
            }
        },
    };
}
function createInnerCredential(options, assertions) {
    switch (options.auth) {
        case "oidc": {
            if (!options.tenantId || !options.clientId) {
                throw new _sign_in_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .J("Failed to sign in to Microsoft Entra ID: `auth: oidc` needs a tenant ID and a client ID", "Set the `tenant-id` and `client-id` inputs, or the AZURE_TENANT_ID and AZURE_CLIENT_ID variables.", { code: "missing-ids" });
            }
            // createCredential makes the assertion source for every oidc credential, and getAssertion
            // uses no `this` (it closes over its source), so it may be passed on unbound.
            // eslint-disable-next-line @typescript-eslint/no-non-null-assertion, @typescript-eslint/unbound-method -- see above
            return new _azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .ClientAssertionCredential */ .XI(options.tenantId, options.clientId, assertions.getAssertion, {
                authorityHost: options.cloud.authorityHost,
                ...(options.agent === undefined ? {} : { agent: options.agent }),
                // Like the vault's: a stalled token request fails instead of hanging the job.
                additionalPolicies: [{ position: "perCall", policy: (0,_vault_vault_policies_js__WEBPACK_IMPORTED_MODULE_2__/* .createTimeoutPolicy */ .mZ)(_vault_vault_policies_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUEST_TIMEOUT_MS */ .j2) }],
            });
        }
        case "azure-cli":
            return new _azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .AzureCliCredential */ .nG(options.tenantId ? { tenantId: options.tenantId } : {});
        case "managed-identity":
            // A client ID selects a user-assigned identity; without one the system-assigned identity is used.
            // No shared agent: the identity endpoints are plain http (IDENTITY_ENDPOINT on App Service
            // and Arc, IMDS at 169.254.169.254), and an https agent cannot carry an http request.
            return new _azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .ManagedIdentityCredential */ .NC(options.clientId ? { clientId: options.clientId } : {});
    }
}
/** A token this fresh is handed out again instead of asking GitHub for another. */
const ASSERTION_REUSE_MS = 60_000;
/**
 * The ClientAssertionCredential callback. The SDK calls it for every token request (its token
 * cache sits behind the callback), which was four GitHub requests per run. A token fetched less
 * than a minute ago, with more than a minute left before it expires, is handed out again;
 * anything older is fetched anew, so a long run still never presents an expired token.
 * Concurrent calls share one request. The claims are logged before Entra sees the token (so a
 * mismatch can be read off the log), once per subject rather than on every refresh.
 */
function createAssertionSource(options) {
    const now = options.now ?? Date.now;
    let claims;
    let fresh;
    let pending;
    const loggedSubjects = new Set();
    async function fetchToken() {
        const fetchedAt = now();
        const token = await (0,_github_oidc_js__WEBPACK_IMPORTED_MODULE_1__/* .fetchGitHubIdToken */ .Wr)(options.audience, options.env, { ...options.oidc, mask: options.mask });
        claims = (0,_github_oidc_js__WEBPACK_IMPORTED_MODULE_1__/* .readTokenClaims */ .v4)(token);
        fresh = { token, fetchedAt, expiresAt: claims.exp === undefined ? fetchedAt : claims.exp * 1000 };
        const subject = claims.sub ?? "";
        if (!loggedSubjects.has(subject)) {
            loggedSubjects.add(subject);
            options.log(formatClaims(claims));
        }
        return token;
    }
    return {
        get claims() {
            return claims;
        },
        getAssertion() {
            const current = now();
            if (fresh !== undefined && current - fresh.fetchedAt < ASSERTION_REUSE_MS && fresh.expiresAt - current > ASSERTION_REUSE_MS) {
                return Promise.resolve(fresh.token);
            }
            pending ??= fetchToken().finally(() => {
                pending = undefined;
            });
            return pending;
        },
    };
}
function formatClaims(claims) {
    const lines = ["Signing in to Microsoft Entra ID with the GitHub OIDC token:"];
    const shown = [
        ["iss", claims.iss],
        ["sub", claims.sub],
        ["aud", claims.aud],
        ["environment", claims.environment],
        ["job_workflow_ref", claims.job_workflow_ref],
    ];
    for (const [name, value] of shown)
        lines.push(`  ${name}: ${value ?? "(none)"}`);
    return lines.join("\n");
}
const PROPAGATION_CODE = "AADSTS70021";
/**
 * One token request before any vault call, so a sign-in problem fails the run once with its
 * explanation instead of once per secret. Only AADSTS70021 is retried (a few times, with a
 * pause): it is also Entra's answer while a just-created federated credential propagates.
 */
async function verifySignIn(credential, scope, options = {}) {
    const attempts = Math.max(1, options.attempts ?? 3);
    const sleep = options.sleep ?? _limiter_js__WEBPACK_IMPORTED_MODULE_4__/* .sleepFor */ .dt;
    const delayMs = options.retryDelayMs ?? 15_000;
    for (let attempt = 1;; attempt++) {
        try {
            // enableCae matches what the Key Vault client asks for, so its first request reuses this token.
            const token = await credential.getToken(scope, { enableCae: true });
            if (token === null) {
                throw new _sign_in_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .J("Failed to sign in to Microsoft Entra ID: the credential returned no token", undefined, { code: "no-token" });
            }
            return;
        }
        catch (error) {
            const explained = error instanceof _sign_in_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .J || options.context === undefined ? error : (0,_sign_in_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .explainAuthError */ .y)(error, options.context);
            if (explained instanceof _sign_in_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SignInError */ .J && explained.code === PROPAGATION_CODE && attempt < attempts) {
                await sleep(delayMs * attempt);
                continue;
            }
            throw explained;
        }
    }
}


/***/ })

};
