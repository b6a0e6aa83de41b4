export const id = 463;
export const ids = [463,534];
export const modules = {

/***/ 5463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCheckCommand: () => (/* binding */ runCheckCommand)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 37 modules
var esm = __webpack_require__(1818);
// EXTERNAL MODULE: ./node_modules/@azure/keyvault-keys/dist/esm/index.js + 26 modules
var dist_esm = __webpack_require__(5732);
// EXTERNAL MODULE: ./src/engine/auth/sign-in-errors.ts + 1 modules
var sign_in_errors = __webpack_require__(2792);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/engine/vault/key-vault.ts + 3 modules
var key_vault = __webpack_require__(5534);
// EXTERNAL MODULE: ./src/engine/vault/vault-errors.ts + 1 modules
var vault_errors = __webpack_require__(5314);
// EXTERNAL MODULE: ./src/engine/vault/vault-policies.ts
var vault_policies = __webpack_require__(440);
;// CONCATENATED MODULE: ./src/engine/check/identity.ts
/**
 * Who the vault sees: the non-secret claims of the access token the identity got for the vault
 * (object id, client id, tenant, audience). The token itself never leaves this function; only the
 * payload is decoded, without verifying it (the vault verifies it; we only describe it).
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRINTABLE = /^[\x21-\x7e]{1,512}$/;
/** A claim that is safe and useful to print: a GUID, or a short printable string (an audience URL). */
function readClaim(source, name, pattern) {
    const value = source[name];
    return typeof value === "string" && pattern.test(value) ? value : undefined;
}
/** The identity in an access token; undefined fields where the token does not say (or is not a JWT). */
function readAccessIdentity(accessToken) {
    const payload = accessToken.split(".")[1];
    let source = {};
    try {
        const decoded = payload === undefined ? undefined : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
        if (typeof decoded === "object" && decoded !== null && !Array.isArray(decoded))
            source = decoded;
    }
    catch {
        // Not a JWT (an opaque token): nothing to describe.
    }
    const aud = source["aud"];
    const audience = Array.isArray(aud)
        ? aud.find((item) => typeof item === "string" && PRINTABLE.test(item))
        : readClaim(source, "aud", PRINTABLE);
    const exp = source["exp"];
    return {
        objectId: readClaim(source, "oid", GUID),
        clientId: readClaim(source, "appid", GUID) ?? readClaim(source, "azp", GUID),
        tenantId: readClaim(source, "tid", GUID),
        audience,
        issuer: readClaim(source, "iss", PRINTABLE),
        expiresOn: typeof exp === "number" && Number.isFinite(exp) ? new Date(exp * 1000) : undefined,
    };
}

;// CONCATENATED MODULE: ./src/engine/check/azure-target.ts
/**
 * The CheckTarget against Azure: secrets through the action's KeyVault adapter (key-vault.ts),
 * keys through @azure/keyvault-keys, ARM through an Azure SDK pipeline with the same credential.
 * Every call here reads, except wrapKey/unwrapKey of random bytes, which change nothing.
 */









/** Azure Resource Manager per cloud. */
const ARM_ENDPOINTS = {
    public: "https://management.azure.com",
    usgovernment: "https://management.usgovcloudapi.net",
    china: "https://management.chinacloudapi.cn",
};
const VAULT_API_VERSION = "2023-07-01";
const PERMISSIONS_API_VERSION = "2022-04-01";
/** RSA-OAEP-256: the keys SDK has no local provider for it, so wrap and unwrap both run at the vault. */
const ROUND_TRIP_ALGORITHM = "RSA-OAEP-256";
const ROUND_TRIP_BYTES = 32;
function toFailure(error, bodies) {
    return (0,vault_errors/* classifyVaultError */.Bk)((0,vault_policies/* restoreErrorBody */.jj)(error, bodies));
}
function readString(value) {
    return typeof value === "string" ? value : undefined;
}
function readStrings(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}
function createAzureCheckTarget(options) {
    const { credential, vaultUrl } = options;
    const vault = (0,key_vault.createKeyVault)(vaultUrl, credential, { ...options.vault, retry: { forbiddenDelaysMs: [], ...options.vault.retry } });
    const bodies = new WeakMap();
    const sdkPolicies = [
        { position: "perCall", policy: (0,vault_policies/* createErrorBodyPolicy */.r8)(bodies) },
        { position: "perCall", policy: (0,vault_policies/* createTimeoutPolicy */.mZ)(vault_policies/* REQUEST_TIMEOUT_MS */.j2) },
    ];
    const keyClients = new Map();
    const armHost = ARM_ENDPOINTS[options.cloud.name];
    const arm = (0,esm/* createPipelineFromOptions */.Fp)({ retryOptions: { maxRetries: 2 } });
    arm.addPolicy((0,esm/* bearerTokenAuthenticationPolicy */.N$)({ credential, scopes: `${armHost}/.default` }));
    arm.addPolicy((0,vault_policies/* createTimeoutPolicy */.mZ)(vault_policies/* REQUEST_TIMEOUT_MS */.j2));
    const http = (0,esm/* createDefaultHttpClient */.fl)();
    function keyClient(keyVaultUrl) {
        let client = keyClients.get(keyVaultUrl);
        if (client === undefined) {
            client = new dist_esm/* KeyClient */.xp(keyVaultUrl, credential, { additionalPolicies: sdkPolicies, retryOptions: { maxRetries: 2 } });
            keyClients.set(keyVaultUrl, client);
        }
        return client;
    }
    async function readArm(path, apiVersion) {
        if (options.resource === undefined)
            return { ok: false, reason: "subscription-id and resource-group are not set, so ARM was not asked" };
        const { subscriptionId, resourceGroup } = options.resource;
        const url = `${armHost}/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${new URL(vaultUrl).hostname.split(".")[0]}${path}?api-version=${apiVersion}`;
        try {
            const response = await arm.sendRequest(http, (0,esm/* createPipelineRequest */.G6)({ url, method: "GET" }));
            let body = {};
            try {
                body = JSON.parse(response.bodyAsText ?? "{}");
            }
            catch {
                // Not JSON: described by status below.
            }
            if (response.status === 200)
                return { ok: true, value: body };
            const code = readString(body.error?.code);
            const message = readString(body.error?.message);
            return {
                ok: false,
                reason: `ARM answered ${response.status}${code ? ` ${code}` : ""}${message ? `: ${message.split("\n")[0]}` : ""}`,
            };
        }
        catch (error) {
            if (error instanceof sign_in_errors/* SignInError */.J)
                return { ok: false, reason: `no token for ARM: ${error.message}` };
            return { ok: false, reason: `ARM could not be reached: ${(0,errors/* errorMessage */.gJ)(error).split("\n")[0]}` };
        }
    }
    return {
        async signIn() {
            const token = await credential.getToken(options.cloud.vaultScope, { enableCae: true });
            if (token === null)
                throw new sign_in_errors/* SignInError */.J("Failed to sign in to Microsoft Entra ID: the credential returned no token", undefined, { code: "no-token" });
            return readAccessIdentity(token.token);
        },
        listSecrets: () => vault.listSecrets(),
        listVersions: (name) => vault.listVersions(name),
        async probeSecretRead() {
            // A name no one uses: Key Vault authorizes before it looks the name up, so 404 means "may read".
            try {
                await vault.getSecret(`keyvault-sync-check-${(0,external_node_crypto_.randomUUID)()}`);
                return { allowed: true };
            }
            catch (error) {
                if (error instanceof vault_errors/* VaultError */.hb)
                    return { allowed: false, failure: error.failure, hint: error.hint };
                throw error;
            }
        },
        async readVaultResource() {
            const read = await readArm("", VAULT_API_VERSION);
            if (!read.ok)
                return read;
            const properties = read.value.properties ?? {};
            const policies = Array.isArray(properties["accessPolicies"]) ? properties["accessPolicies"] : [];
            const accessPolicies = policies.map((entry) => {
                const policy = (entry ?? {});
                return {
                    objectId: readString(policy.objectId) ?? "",
                    secrets: readStrings(policy.permissions?.secrets),
                    keys: readStrings(policy.permissions?.keys),
                };
            });
            return { ok: true, value: { rbac: properties["enableRbacAuthorization"] === true, accessPolicies } };
        },
        async readPermissions() {
            const read = await readArm("/providers/Microsoft.Authorization/permissions", PERMISSIONS_API_VERSION);
            if (!read.ok)
                return read;
            const value = read.value.value;
            const entries = Array.isArray(value) ? value : [];
            return {
                ok: true,
                value: entries.map((entry) => {
                    const fields = (entry ?? {});
                    return {
                        actions: readStrings(fields["actions"]),
                        notActions: readStrings(fields["notActions"]),
                        dataActions: readStrings(fields["dataActions"]),
                        notDataActions: readStrings(fields["notDataActions"]),
                    };
                }),
            };
        },
        async readKey(key) {
            try {
                const found = await keyClient(key.vaultUrl).getKey(key.name, key.version === undefined ? {} : { version: key.version });
                const facts = {
                    id: found.id ?? `${key.vaultUrl}/keys/${key.name}`,
                    keyType: found.keyType,
                    keyOps: found.keyOperations,
                    enabled: found.properties.enabled ?? true,
                    notBefore: found.properties.notBefore,
                    expiresOn: found.properties.expiresOn,
                };
                return { kind: "found", key: facts };
            }
            catch (error) {
                if (error instanceof sign_in_errors/* SignInError */.J)
                    throw error;
                return { kind: "failed", failure: toFailure(error, bodies) };
            }
        },
        async roundTrip(keyId) {
            const client = new dist_esm/* CryptographyClient */.k1(keyId, credential, { additionalPolicies: sdkPolicies, retryOptions: { maxRetries: 2 } });
            const plain = (0,external_node_crypto_.randomBytes)(ROUND_TRIP_BYTES);
            let wrapped;
            try {
                wrapped = (await client.wrapKey(ROUND_TRIP_ALGORITHM, plain)).result;
            }
            catch (error) {
                if (error instanceof sign_in_errors/* SignInError */.J)
                    throw error;
                return { kind: "failed", step: "wrapKey", failure: toFailure(error, bodies) };
            }
            try {
                const unwrapped = (await client.unwrapKey(ROUND_TRIP_ALGORITHM, wrapped)).result;
                const same = unwrapped.length === plain.length && (0,external_node_crypto_.timingSafeEqual)(Buffer.from(unwrapped), plain);
                return same
                    ? { kind: "worked", algorithm: ROUND_TRIP_ALGORITHM, bytes: ROUND_TRIP_BYTES }
                    : { kind: "mismatch", algorithm: ROUND_TRIP_ALGORITHM };
            }
            catch (error) {
                if (error instanceof sign_in_errors/* SignInError */.J)
                    throw error;
                return { kind: "failed", step: "unwrapKey", failure: toFailure(error, bodies) };
            }
        },
    };
}

// EXTERNAL MODULE: ./src/engine/limiter.ts
var limiter = __webpack_require__(1482);
;// CONCATENATED MODULE: ./src/engine/check/byok.ts
/**
 * The BYOK key check: the key a platform wraps its data keys with must exist, be enabled and in
 * its validity period, be RSA, allow wrapKey and unwrapKey, and a wrap → unwrap round trip of
 * random bytes must work with this identity at the vault. Pure: key facts and round-trip outcome
 * in, findings out. No key material is ever part of a finding.
 */

const KEY_NAME = /^[0-9A-Za-z-]{1,127}$/;
const KEY_VERSION = /^[0-9A-Za-z]{1,64}$/;
/** `https://VAULT.<vault suffix>/keys/NAME[/VERSION]`, or the rule it breaks (never the text itself). */
function parseKeyId(text, vaultSuffix) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return { ok: false, rule: "is not a URL: a key identifier looks like https://VAULT.vault.azure.net/keys/NAME[/VERSION]" };
    }
    if (url.protocol !== "https:")
        return { ok: false, rule: "must be an https URL" };
    if (url.username !== "" || url.password !== "" || url.port !== "" || url.search !== "" || url.hash !== "") {
        return { ok: false, rule: "must have no user, port, query or fragment" };
    }
    if (!url.hostname.endsWith(`.${vaultSuffix}`))
        return { ok: false, rule: `must have a host that ends with .${vaultSuffix} (the selected cloud's vaults)` };
    const vaultName = url.hostname.slice(0, -(vaultSuffix.length + 1));
    const [, kind, name, version, ...rest] = url.pathname.replace(/\/+$/, "").split("/");
    if (kind !== "keys" ||
        name === undefined ||
        !KEY_NAME.test(name) ||
        rest.length > 0 ||
        (version !== undefined && !KEY_VERSION.test(version))) {
        return { ok: false, rule: "must have the path /keys/NAME or /keys/NAME/VERSION (letters, digits and hyphens)" };
    }
    return { ok: true, key: { vaultUrl: `https://${vaultName}.${vaultSuffix}`, vaultName, name, version } };
}
const RSA_TYPES = new Set(["RSA", "RSA-HSM"]);
const DAY_MS = 24 * 60 * 60 * 1000;
function subjectOf(context) {
    return `key ${context.key.vaultName}/${context.key.name}${context.key.version ? `/${context.key.version}` : ""}`;
}
function grantFix(context, permissions) {
    const assignee = context.clientId ?? "<client-id>";
    const role = `assign 'Key Vault Crypto User' on the key: az role assignment create --role "Key Vault Crypto User" --assignee ${assignee} ` +
        `--scope "$(az keyvault show --name ${context.key.vaultName} --query id -o tsv)/keys/${context.key.name}"`;
    const policy = `add the key permissions to its access policy: az keyvault set-policy --name ${context.key.vaultName} --spn ${assignee} --key-permissions ${permissions}`;
    if (context.rbac === true)
        return `Grant the identity access: ${role}.`;
    if (context.rbac === false)
        return `Grant the identity access: ${policy}.`;
    return `Grant the identity access. RBAC vault: ${role}. Access-policy vault: ${policy}.`;
}
function enableFix(context) {
    return `Enable the key version (az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --enabled true), or point key-id at an enabled version.`;
}
function describeOperation(operation) {
    return operation === "read" ? "read this key" : `${operation} with this key`;
}
/** A refused key call, by Key Vault's inner code: what it means and the fix. */
function explainKeyFailure(failure, operation, context) {
    const subject = subjectOf(context);
    const what = (0,vault_errors/* summarise */.fS)(failure);
    switch (failure.innerCode ?? failure.code) {
        case "ForbiddenByRbac":
            return {
                level: "error",
                code: "key-role-missing",
                subject,
                message: `The identity may not ${describeOperation(operation)}: no role grants it (Key Vault Crypto User is missing). ${what}`,
                fix: grantFix(context, "get wrapKey unwrapKey"),
            };
        case "AccessDenied":
        case "ForbiddenByPolicy":
            return {
                level: "error",
                code: "key-permission-missing",
                subject,
                message: `The vault's access policies do not let the identity ${describeOperation(operation)}. ${what}`,
                fix: grantFix(context, "get wrapKey unwrapKey"),
            };
        case "KeyDisabled":
            return {
                level: "error",
                code: "key-disabled",
                subject,
                message: `The key is disabled: ${operation} is refused. ${what}`,
                fix: enableFix(context),
            };
        case "KeyExpired":
        case "KeyNotYetValid":
            return {
                level: "error",
                code: "key-not-valid-now",
                subject,
                message: `The key is outside its validity period: ${operation} is refused. ${what}`,
                fix: "Rotate to a new key version, or change the key's expiry / not-before dates.",
            };
        case "KeyOperationForbidden":
            return {
                level: "error",
                code: "key-operation-not-allowed",
                subject,
                message: `The key's key_ops do not allow ${operation}. ${what}`,
                fix: `Add it to the key's operations: az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --ops wrapKey unwrapKey (plus the operations the key already allows).`,
            };
        case "KeyNotFound":
            return {
                level: "error",
                code: "key-not-found",
                subject,
                message: `No such key in vault '${context.key.vaultName}'. ${what}`,
                fix: "Check key-id: the vault, the key name and the version (omit the version to use the latest).",
            };
        default:
            return { level: "error", code: "key-call-failed", subject, message: `Failed to ${operation} with the key: ${what}`, fix: undefined };
    }
}
/** Findings about the key's properties: one per problem, or none. */
function checkKeyProperties(read, context) {
    if (read.kind === "failed")
        return [explainKeyFailure(read.failure, "read", context)];
    const { key } = read;
    const subject = subjectOf(context);
    const findings = [];
    if (key.keyType === undefined || !RSA_TYPES.has(key.keyType)) {
        findings.push({
            level: "error",
            code: "key-not-rsa",
            subject,
            message: `The key type is ${key.keyType ?? "unknown"}; BYOK wrap and unwrap need RSA or RSA-HSM.`,
            fix: "Create an RSA key (az keyvault key create --kty RSA-HSM --size 3072 …) and point key-id at it.",
        });
    }
    if (!key.enabled)
        findings.push({
            level: "error",
            code: "key-disabled",
            subject,
            message: "The key is disabled: every operation with it is refused.",
            fix: enableFix(context),
        });
    const now = context.now.getTime();
    if (key.expiresOn !== undefined && key.expiresOn.getTime() <= now) {
        findings.push({
            level: "error",
            code: "key-expired",
            subject,
            message: `The key expired on ${key.expiresOn.toISOString().slice(0, 10)}: wrapping new keys is refused.`,
            fix: "Rotate to a new key version (az keyvault key rotate) and update the platform's key reference, or extend the expiry.",
        });
    }
    else if (key.expiresOn !== undefined && key.expiresOn.getTime() - now <= context.expiryWarningDays * DAY_MS) {
        findings.push({
            level: "warning",
            code: "key-expiring",
            subject,
            message: `The key expires on ${key.expiresOn.toISOString().slice(0, 10)}.`,
            fix: "Rotate to a new key version before then (az keyvault key rotate), or extend the expiry.",
        });
    }
    if (key.notBefore !== undefined && key.notBefore.getTime() > now) {
        findings.push({
            level: "error",
            code: "key-not-yet-valid",
            subject,
            message: `The key is not valid before ${key.notBefore.toISOString()}.`,
            fix: "Use a version that is valid now, or change its not-before date.",
        });
    }
    for (const operation of ["wrapKey", "unwrapKey"]) {
        if (key.keyOps !== undefined && !key.keyOps.includes(operation)) {
            findings.push({
                level: "error",
                code: "key-operation-not-allowed",
                subject,
                message: `The key's key_ops (${key.keyOps.join(", ") || "none"}) do not include ${operation}.`,
                fix: `Allow it: az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --ops ${[...new Set([...key.keyOps, "wrapKey", "unwrapKey"])].join(" ")}`,
            });
        }
    }
    return findings;
}
/** The finding for the round trip: it worked (notice), or why it did not (error). */
function checkRoundTrip(roundTrip, context) {
    const subject = subjectOf(context);
    switch (roundTrip.kind) {
        case "worked":
            return {
                level: "notice",
                code: "key-round-trip",
                subject,
                message: `A wrap → unwrap round trip of ${roundTrip.bytes} random bytes with ${roundTrip.algorithm} worked at the vault with this identity.`,
                fix: undefined,
            };
        case "mismatch":
            return {
                level: "error",
                code: "key-round-trip-mismatch",
                subject,
                message: `wrapKey and unwrapKey (${roundTrip.algorithm}) both answered, but unwrapping did not give back the wrapped bytes.`,
                fix: "Check that key-id names one key version and that nothing between the runner and the vault rewrites requests.",
            };
        case "not-tried":
            return {
                level: "warning",
                code: "key-round-trip-not-tried",
                subject,
                message: `The wrap → unwrap round trip was not tried: ${roundTrip.reason}.`,
                fix: "Fix the findings above about this key, then run check again.",
            };
        case "failed":
            return explainKeyFailure(roundTrip.failure, roundTrip.step, context);
    }
}

;// CONCATENATED MODULE: ./src/engine/check/findings.ts
/**
 * What `check` reports: a list of findings, each with a level, a stable code, the thing it is
 * about, what is wrong and how to fix it. Pure data; the Action turns them into annotations and a
 * summary, the CLI into lines or JSON.
 */
const FAIL_ON_CHOICES = ["error", "warning", "notice", "never"];
const RANK = { error: 3, warning: 2, notice: 1 };
/** Does any finding reach the `fail-on` level? */
function reachesFailLevel(findings, failOn) {
    if (failOn === "never")
        return false;
    return findings.some((finding) => RANK[finding.level] >= RANK[failOn]);
}
/** Errors first, then warnings, then notices; within a level by subject, then code: stable output. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => RANK[b.level] - RANK[a.level] || a.subject.localeCompare(b.subject, "en") || a.code.localeCompare(b.code, "en"));
}
function countFindings(findings) {
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const finding of findings)
        counts[finding.level] += 1;
    return counts;
}

// EXTERNAL MODULE: ./src/engine/tags.ts
var tags = __webpack_require__(2225);
;// CONCATENATED MODULE: ./src/engine/check/health.ts

/** Key Vault's backup of a secret fails above this many versions. */
const BACKUP_VERSION_LIMIT = 500;
const health_DAY_MS = 24 * 60 * 60 * 1000;
/** Names inside the prefix, compared as Key Vault compares names: ignoring case. */
function isInsidePrefix(name, prefix) {
    return prefix !== "" && name.toLowerCase().startsWith(prefix.toLowerCase());
}
/** Is this secret part of the set this owner syncs under this prefix? */
function isManagedSet(secret, owner, prefix) {
    return (0,tags/* readOwnership */.m9)(secret.tags, owner).kind === "ours" && (0,tags/* isSamePrefix */.ZF)((0,tags/* readPrefix */.fr)(secret.tags), prefix);
}
/** The secrets `check` looks at: this owner's set, plus anything else whose name is inside the prefix. */
function selectForHealth(secrets, owner, prefix) {
    return secrets.filter((secret) => !secret.managed && (isManagedSet(secret, owner, prefix) || isInsidePrefix(secret.name, prefix)));
}
function formatDay(date) {
    return date.toISOString().slice(0, 10);
}
function checkExpiry(secret, options) {
    const expires = secret.expiresOn;
    if (expires === undefined)
        return undefined;
    const left = expires.getTime() - options.now.getTime();
    const fix = `Run the sync (it writes a new version with a new expiry when 'expires-in' is set), or set a new expiry: az keyvault secret set-attributes --vault-name ${options.vaultName} --name ${secret.name} --expires <date>.`;
    if (left <= 0) {
        return {
            level: "error",
            code: "secret-expired",
            subject: secret.name,
            message: `Expired on ${formatDay(expires)}: applications reading it get an error.`,
            fix,
        };
    }
    if (left <= options.expiryWarningDays * health_DAY_MS) {
        const days = Math.ceil(left / health_DAY_MS);
        return {
            level: "warning",
            code: "secret-expiring",
            subject: secret.name,
            message: `Expires on ${formatDay(expires)}, in ${days} ${days === 1 ? "day" : "days"} (warning from ${options.expiryWarningDays} days).`,
            fix,
        };
    }
    return undefined;
}
function checkVersions(input, options) {
    const name = input.latest.name;
    if (input.versions === undefined) {
        return {
            level: "warning",
            code: "secret-versions-unknown",
            subject: name,
            message: `Its versions could not be listed, so version count and drift were not checked: ${input.versionsError ?? "unknown error"}`,
            fix: "Give the identity list permission (Key Vault Reader or Secrets User, or the access policy 'list').",
        };
    }
    const count = input.versions.length;
    if (count <= options.maxVersions)
        return undefined;
    const backup = count > BACKUP_VERSION_LIMIT
        ? ` Above ${BACKUP_VERSION_LIMIT} versions Key Vault's backup of this secret fails.`
        : ` Key Vault's backup fails above ${BACKUP_VERSION_LIMIT} versions.`;
    return {
        level: count > BACKUP_VERSION_LIMIT ? "error" : "warning",
        code: "secret-many-versions",
        subject: name,
        message: `Has ${count} versions (more than ${options.maxVersions}).${backup}`,
        fix: "Find what writes it so often (keyvault-sync writes only when the value or metadata changed). Old versions cannot be deleted one by one; to start over, delete and purge the secret and sync it again.",
    };
}
function checkOwnership(input, options) {
    const { latest, versions } = input;
    const ownership = (0,tags/* readOwnership */.m9)(latest.tags, options.owner);
    if (ownership.kind === "ours")
        return undefined;
    if (ownership.kind === "other-owner") {
        return {
            level: "warning",
            code: "secret-other-owner",
            subject: latest.name,
            message: `Inside the prefix '${options.prefix}' but managed by keyvault-sync for another owner ('${ownership.owner}'); this owner's sync fails on this name.`,
            fix: "Use different prefixes for the two workflows, or the same 'owner' input in both.",
        };
    }
    const owned = (versions ?? []).filter((version) => (0,tags/* readOwnership */.m9)(version.tags, options.owner).kind === "ours");
    if (owned.length > 0) {
        const when = latest.createdOn ?? latest.updatedOn;
        return {
            level: "warning",
            code: "secret-drifted",
            subject: latest.name,
            message: `Drifted: the latest version${when ? ` (${when.toISOString()})` : ""} was written outside keyvault-sync after a version this owner synced; the next sync refuses to overwrite it.`,
            fix: "Find out who changed it and why. Put the change into the sources and sync with 'adopt: true' (which overwrites it), or restore the synced value.",
        };
    }
    if (versions === undefined)
        return undefined;
    return {
        level: "notice",
        code: "secret-unmanaged",
        subject: latest.name,
        message: `Inside the prefix '${options.prefix}' but not created by keyvault-sync; a sync leaves it alone, and fails if its sources ever hold this name.`,
        fix: "Move it out of the prefix, delete it if unused, or let the sync take it over with 'adopt: true'.",
    };
}
function checkEnabled(secret, options) {
    if (secret.enabled)
        return undefined;
    return {
        level: "warning",
        code: "secret-disabled",
        subject: secret.name,
        message: "Disabled: applications cannot read it, and the sync neither writes nor re-enables it.",
        fix: `Enable it (az keyvault secret set-attributes --vault-name ${options.vaultName} --name ${secret.name} --enabled true) or remove it from the sources.`,
    };
}
function checkHealth(inputs, options) {
    const findings = [];
    for (const input of inputs) {
        // Expiry, versions and enabled matter for what this owner syncs; others' secrets only for ownership.
        const checks = isManagedSet(input.latest, options.owner, options.prefix)
            ? [checkEnabled(input.latest, options), checkVersions(input, options), checkExpiry(input.latest, options)]
            : [checkOwnership(input, options) ?? (input.versions === undefined ? checkVersions(input, options) : undefined)];
        for (const finding of checks)
            if (finding !== undefined)
                findings.push(finding);
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/engine/check/permissions.ts
const SECRET_DATA_ACTIONS = {
    list: "Microsoft.KeyVault/vaults/secrets/readMetadata/action",
    get: "Microsoft.KeyVault/vaults/secrets/getSecret/action",
    set: "Microsoft.KeyVault/vaults/secrets/setSecret/action",
    update: "Microsoft.KeyVault/vaults/secrets/update/action",
    delete: "Microsoft.KeyVault/vaults/secrets/delete",
    recover: "Microsoft.KeyVault/vaults/secrets/recover/action",
};
const KEY_DATA_ACTIONS = {
    get: "Microsoft.KeyVault/vaults/keys/read",
    wrapKey: "Microsoft.KeyVault/vaults/keys/wrap/action",
    unwrapKey: "Microsoft.KeyVault/vaults/keys/unwrap/action",
};
/** Access-policy permission names (a PATCH of properties needs `set`, like a new version). */
const SECRET_POLICY_PERMISSIONS = {
    list: "list",
    get: "get",
    set: "set",
    update: "set",
    delete: "delete",
    recover: "recover",
};
/** Azure's action patterns: case-insensitive, `*` matches any run of characters. */
function matchesAction(pattern, action) {
    const source = pattern
        .split("*")
        .map((piece) => piece.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
        .join(".*");
    return new RegExp(`^${source}$`, "i").test(action);
}
/** Each assignment grants its dataActions minus its notDataActions; assignments add up. */
function rbacAllows(assignments, dataAction) {
    return assignments.some((entry) => entry.dataActions.some((pattern) => matchesAction(pattern, dataAction)) &&
        !entry.notDataActions.some((pattern) => matchesAction(pattern, dataAction)));
}
function policyAllows(policies, objectId, kind, permission) {
    const wanted = permission.toLowerCase();
    return policies
        .filter((policy) => policy.objectId.toLowerCase() === objectId.toLowerCase())
        .some((policy) => policy[kind].some((granted) => granted.toLowerCase() === wanted || granted.toLowerCase() === "all"));
}
/** true / false when the evidence says, undefined when it cannot be known. */
function allowsSecret(evidence, operation) {
    if (evidence.source === "rbac")
        return rbacAllows(evidence.assignments, SECRET_DATA_ACTIONS[operation]);
    if (evidence.source === "access-policy")
        return policyAllows(evidence.policies, evidence.objectId, "secrets", SECRET_POLICY_PERMISSIONS[operation]);
    return undefined;
}
function allowsKey(evidence, operation) {
    if (evidence.source === "rbac")
        return rbacAllows(evidence.assignments, KEY_DATA_ACTIONS[operation]);
    if (evidence.source === "access-policy")
        return policyAllows(evidence.policies, evidence.objectId, "keys", operation);
    return undefined;
}
function listRequirements(work) {
    const requirements = [];
    if (work.sync?.dryRun === true) {
        requirements.push({
            purpose: "a dry run that compares values",
            kind: "secrets",
            operations: ["list", "get"],
            role: "Key Vault Secrets User",
        });
    }
    else if (work.sync !== undefined) {
        const operations = ["list", "get", "set", "update", "recover", ...(work.sync.prune ? ["delete"] : [])];
        requirements.push({
            purpose: work.sync.prune ? "a sync that writes and prunes" : "a sync that writes",
            kind: "secrets",
            operations,
            role: "Key Vault Secrets Officer",
        });
    }
    if (work.byok)
        requirements.push({
            purpose: "BYOK wrap and unwrap",
            kind: "keys",
            operations: ["get", "wrapKey", "unwrapKey"],
            role: "Key Vault Crypto User",
        });
    return requirements;
}
function describeSource(evidence) {
    if (evidence.source !== "rbac")
        return "the vault's access policies for the identity's object id";
    const inferred = evidence.inferred === undefined ? "" : ` (the vault resource could not be read; RBAC assumed because ${evidence.inferred})`;
    return `the identity's role assignments at the vault (ARM permissions)${inferred}`;
}
function toPolicyPermission(requirement, operation) {
    return requirement.kind === "secrets" ? SECRET_POLICY_PERMISSIONS[operation] : operation;
}
function grantCommand(requirement, evidence, context) {
    const assignee = context.clientId ?? "<client-id>";
    if (evidence.source === "access-policy") {
        // set-policy replaces the identity's permissions of that kind, so the command lists all that are needed.
        const permissions = [...new Set(requirement.operations.map((operation) => toPolicyPermission(requirement, operation)))];
        return `az keyvault set-policy --name ${context.vaultName} --spn ${assignee} --${requirement.kind === "secrets" ? "secret" : "key"}-permissions ${permissions.join(" ")}`;
    }
    const vaultScope = `$(az keyvault show --name ${context.vaultName} --query id -o tsv)`;
    const scope = requirement.kind === "keys" && context.keyName !== undefined ? `${vaultScope}/keys/${context.keyName}` : vaultScope;
    return `az role assignment create --role "${requirement.role}" --assignee ${assignee} --scope "${scope}"`;
}
/**
 * One finding per requirement: covered (notice), missing operations (error, with the role or
 * access policy that covers them), or not learnable (warning: the check cannot vouch for it).
 */
function checkPermissions(evidence, requirements, context) {
    const subject = `vault ${context.vaultName}`;
    return requirements.map((requirement) => {
        const allows = (operation) => requirement.kind === "secrets"
            ? allowsSecret(evidence, operation)
            : allowsKey(evidence, operation);
        const code = requirement.kind === "secrets" ? "secret-permissions" : "key-permissions";
        if (evidence.source === "unknown") {
            return {
                level: "warning",
                code: `${code}-unknown`,
                subject,
                message: `Could not learn whether the identity may do ${requirement.purpose} (${requirement.operations.join(", ")}) without trying a write: ${evidence.reason}`,
                fix: `${requirement.role} covers it. To let check read the effective permissions, set subscription-id and resource-group, and give the identity read access to the vault resource (Key Vault Reader) if the vault uses access policies.`,
            };
        }
        const missing = requirement.operations.filter((operation) => allows(operation) !== true);
        if (missing.length === 0) {
            return {
                level: "notice",
                code,
                subject,
                message: `The identity may do ${requirement.purpose} (${requirement.operations.join(", ")}), according to ${describeSource(evidence)}.`,
                fix: undefined,
            };
        }
        const granted = requirement.operations.filter((operation) => allows(operation) === true);
        const has = granted.length === 0 ? "none of them" : `only ${granted.join(", ")}`;
        const missingPermissions = [...new Set(missing.map((operation) => toPolicyPermission(requirement, operation)))];
        const needs = evidence.source === "rbac"
            ? `the '${requirement.role}' role`
            : `the ${requirement.kind === "secrets" ? "secret" : "key"} permissions ${missingPermissions.join(", ")} in its access policy`;
        return {
            level: "error",
            code: `${code}-missing`,
            subject,
            message: `The identity lacks ${missing.join(", ")} for ${requirement.purpose}: of ${requirement.operations.join(", ")} it may do ${has}, according to ${describeSource(evidence)}.`,
            fix: `Grant ${needs}: ${grantCommand(requirement, evidence, context)}${evidence.source === "rbac" ? " (role assignments can take a few minutes to apply)" : ""}`,
        };
    });
}

;// CONCATENATED MODULE: ./src/engine/check/reach.ts
/**
 * Sign-in and network, as findings: a refused sign-in keeps the explanation sync gives (auth/
 * hints.ts through auth/entra.ts), and a vault that does not answer is told apart — firewall
 * (with the caller's address Key Vault quotes), DNS / private endpoint, TLS, proxy — from the
 * failure classification in vault-errors.ts. Pure.
 */

const TLS_CODE = /^(CERT_|UNABLE_TO_(GET|VERIFY)|SELF_SIGNED|DEPTH_ZERO|ERR_TLS|ERR_SSL|EPROTO$|HOSTNAME_MISMATCH)/;
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN"]);
const IPV4_OR_6 = /Client address:\s*([0-9a-fA-F.:]+)/;
function describeSignInFailure(message, hint) {
    return {
        level: "error",
        code: "sign-in-failed",
        subject: "sign-in",
        message,
        fix: hint ?? "Check tenant-id, client-id, cloud and the federated credential.",
    };
}
/**
 * A failure of the first vault call (listing secrets), as the finding that names its cause.
 * `hint` is the fix vault-errors.ts gives for the same failure in a sync.
 */
function explainVaultFailure(failure, hint, context) {
    const subject = `vault ${context.vaultName}`;
    const detail = (0,vault_errors/* summarise */.fS)(failure);
    if (failure.kind === "forbidden-firewall") {
        const address = IPV4_OR_6.exec(failure.message)?.[1];
        return {
            level: "error",
            code: "network-firewall",
            subject,
            message: `The vault's firewall refused this runner${address ? ` (the vault saw the address ${address})` : ""}: ${detail}`,
            fix: hint ??
                `Allow the runner's address (az keyvault network-rule add --name ${context.vaultName} --ip-address <address>) or run on a runner inside the vault's network.`,
        };
    }
    const code = failure.code ?? "";
    if (failure.status === undefined && DNS_CODES.has(code)) {
        return {
            level: "error",
            code: "network-dns",
            subject,
            message: `The vault's host ${context.vaultHost} did not resolve (${code}): the vault name is wrong, or the vault is reached through a private endpoint whose DNS zone (privatelink.vaultcore.azure.net) this runner cannot see.`,
            fix: "Check the vault name. For a private endpoint, run on a runner in (or peered with) the vault's virtual network, with the private DNS zone linked to it.",
        };
    }
    if (failure.status === undefined && TLS_CODE.test(code)) {
        return {
            level: "error",
            code: "network-tls",
            subject,
            message: `The TLS connection to ${context.vaultHost} failed (${code}): the certificate presented was not trusted.`,
            fix: "A TLS-inspecting proxy or firewall sits in the way: give Node its CA with NODE_EXTRA_CA_CERTS (never turn verification off), or exempt *.vault.azure.net from inspection.",
        };
    }
    // Key Vault's own refusals always carry a JSON error body with a code; a bare 403 came from
    // something in between, usually a proxy refusing the CONNECT tunnel.
    const bare = (failure.status === 403 || failure.status === 407) && failure.code === undefined && failure.innerCode === undefined;
    if (bare || (failure.status === undefined && /proxy/i.test(`${code} ${failure.message}`))) {
        return {
            level: "error",
            code: "network-proxy",
            subject,
            message: `The connection to ${context.vaultHost} was refused before it reached Key Vault, most likely by a proxy: ${detail}${bare ? ", without Key Vault's error body" : ""}`,
            fix: "Check HTTPS_PROXY / NO_PROXY and that the proxy allows CONNECT to the vault's host on port 443.",
        };
    }
    if (failure.status === undefined || failure.kind === "transient") {
        return {
            level: "error",
            code: "network-unreachable",
            subject,
            message: `The vault did not answer: ${detail}`,
            fix: hint ?? "Check the runner's network path to the vault (firewall, proxy settings HTTPS_PROXY / NO_PROXY) and run again.",
        };
    }
    if ((0,vault_errors/* isAccessDenied */.w7)(failure.kind)) {
        return { level: "error", code: "secret-list-refused", subject, message: `The identity may not list secrets: ${detail}`, fix: hint };
    }
    if (failure.status === 401) {
        return {
            level: "error",
            code: "vault-token-refused",
            subject,
            message: `The vault refused the identity's token: ${detail}`,
            fix: "The vault belongs to another tenant or cloud than the one signed in to: check tenant-id and cloud.",
        };
    }
    return { level: "error", code: "vault-call-failed", subject, message: `Failed to list secrets: ${detail}`, fix: hint };
}

;// CONCATENATED MODULE: ./src/engine/check/run-check.ts
/**
 * The order of `check`, and nothing else: sign in → reach the vault → effective permissions →
 * health of the managed set → the BYOK key. Every Azure call goes through a CheckTarget, so the
 * logic runs the same against the real adapter (azure-target.ts) and against test doubles. It
 * writes nothing and reads no secret value.
 */








async function runChecks(target, options) {
    const log = options.log ?? (() => { });
    const findings = [];
    const report = (permissionSource, identity, examined = 0) => ({
        identity,
        permissionSource,
        examined,
        findings: sortFindings(findings),
    });
    let identity;
    try {
        identity = await target.signIn();
    }
    catch (error) {
        findings.push(describeSignInFailure((0,errors/* errorMessage */.gJ)(error), error instanceof errors/* SyncError */.S0 ? error.hint : undefined));
        return report("not-checked", undefined);
    }
    findings.push(...describeIdentity(identity, options));
    log(`Signed in: client ${identity.clientId ?? "unknown"}, object ${identity.objectId ?? "unknown"}, tenant ${identity.tenantId ?? "unknown"}, audience ${identity.audience ?? "unknown"}.`);
    const [resource, permissions] = await Promise.all([target.readVaultResource(), target.readPermissions()]);
    let listed;
    let listFailure;
    try {
        listed = await target.listSecrets();
        log(`The vault answered: ${listed.length} secrets listed.`);
    }
    catch (error) {
        if (!(error instanceof vault_errors/* VaultError */.hb))
            throw error;
        listFailure = error;
        findings.push(explainVaultFailure(error.failure, error.hint, { vaultName: options.vaultName, vaultHost: options.vaultHost }));
    }
    // A refusal by permission still means the vault answered; no answer or the firewall means it did not.
    const reachable = listFailure === undefined || (listFailure.failure.status !== undefined && listFailure.failure.kind !== "forbidden-firewall");
    const evidence = gatherEvidence(resource, permissions, identity, listFailure?.failure, listed !== undefined);
    const requirements = listRequirements({ sync: options.sync, byok: options.key !== undefined });
    findings.push(...checkPermissions(evidence, requirements, {
        vaultName: options.vaultName,
        clientId: options.clientId ?? identity.clientId,
        keyName: options.key?.name,
    }));
    if (evidence.source === "unknown" && listed !== undefined && options.sync !== undefined) {
        const probe = await target.probeSecretRead();
        if (!probe.allowed) {
            findings.push({
                level: "error",
                code: "secret-get-refused",
                subject: `vault ${options.vaultName}`,
                message: `The identity may list secrets but not read their values: ${(0,vault_errors/* summarise */.fS)(probe.failure)}`,
                fix: probe.hint,
            });
        }
    }
    let examined = 0;
    if (options.health && listed !== undefined) {
        const selected = selectForHealth(listed, options.owner, options.prefix);
        examined = selected.length;
        const inputs = await (0,limiter/* mapWithConcurrency */.WS)(selected, options.concurrency, async (latest) => {
            try {
                return { latest, versions: await target.listVersions(latest.name) };
            }
            catch (error) {
                return { latest, versions: undefined, versionsError: (0,errors/* errorMessage */.gJ)(error) };
            }
        });
        findings.push(...checkHealth(inputs, {
            owner: options.owner,
            prefix: options.prefix,
            now: options.now,
            expiryWarningDays: options.expiryWarningDays,
            maxVersions: options.maxVersions,
            vaultName: options.vaultName,
        }));
        log(`Health: ${examined} secrets of owner '${options.owner}' or inside prefix '${options.prefix}' checked.`);
    }
    if (options.key !== undefined) {
        const sameVault = options.key.vaultName === options.vaultName;
        const context = {
            key: options.key,
            clientId: options.clientId ?? identity.clientId,
            rbac: evidence.source === "unknown" ? undefined : evidence.source === "rbac",
            now: options.now,
            expiryWarningDays: options.expiryWarningDays,
        };
        if (sameVault && !reachable) {
            findings.push(checkRoundTrip({ kind: "not-tried", reason: "the vault did not answer (see the network finding)" }, context));
        }
        else {
            findings.push(...(await checkKey(target, context)));
        }
    }
    return report(evidence.source, identity, examined);
}
async function checkKey(target, context) {
    const read = await target.readKey(context.key);
    const findings = checkKeyProperties(read, context);
    if (read.kind === "failed")
        return findings;
    const blocking = findings.filter((finding) => finding.level === "error");
    const roundTrip = blocking.length > 0
        ? { kind: "not-tried", reason: `the key's properties refuse it (${blocking.map((finding) => finding.code).join(", ")})` }
        : await target.roundTrip(read.key.id);
    return [...findings, checkRoundTrip(roundTrip, context)];
}
/** The identity the token names; a tenant other than the one configured is an error. */
function describeIdentity(identity, options) {
    const findings = [
        {
            level: "notice",
            code: "signed-in",
            subject: "sign-in",
            message: `Signed in as client ${identity.clientId ?? "(unknown)"}, object ${identity.objectId ?? "(unknown)"}, in tenant ${identity.tenantId ?? "(unknown)"}; the token's audience is ${identity.audience ?? "(unknown)"}.`,
            fix: undefined,
        },
    ];
    const configured = options.tenantId?.toLowerCase();
    if (configured !== undefined &&
        /^[0-9a-f-]{36}$/.test(configured) &&
        identity.tenantId !== undefined &&
        identity.tenantId.toLowerCase() !== configured) {
        findings.push({
            level: "error",
            code: "tenant-mismatch",
            subject: "sign-in",
            message: `The token is from tenant ${identity.tenantId}, not the configured ${configured}.`,
            fix: "Set tenant-id to the directory that holds the vault and the app registration.",
        });
    }
    return findings;
}
/**
 * Which permissions apply, from the best evidence at hand. The vault resource says whether the
 * vault uses RBAC; when it cannot be read (roles without control-plane read), a data-plane refusal
 * names the model (ForbiddenByRbac / AccessDenied), and a listing that worked while the role
 * assignments grant it points at RBAC too. Otherwise: unknown, with the reasons.
 */
function gatherEvidence(resource, permissions, identity, listFailure, listed) {
    let rbac;
    let inferred;
    if (resource.ok)
        rbac = resource.value.rbac;
    else if (listFailure?.innerCode === "ForbiddenByRbac")
        [rbac, inferred] = [true, "Key Vault refused the listing with ForbiddenByRbac"];
    else if (listFailure?.innerCode === "AccessDenied")
        rbac = false;
    else if (listed && permissions.ok && permissions.value.some((entry) => entry.dataActions.length > 0))
        [rbac, inferred] = [true, "the listing worked and the identity's roles grant data actions"];
    if (rbac === true) {
        return permissions.ok
            ? { source: "rbac", assignments: permissions.value, inferred }
            : { source: "unknown", reason: `the role assignments could not be read: ${permissions.reason}` };
    }
    if (rbac === false) {
        if (!resource.ok)
            return { source: "unknown", reason: `the vault uses access policies, and they could not be read: ${resource.reason}` };
        if (identity.objectId === undefined)
            return { source: "unknown", reason: "the access token names no object id (oid) to find the identity's access policy by" };
        return { source: "access-policy", objectId: identity.objectId, policies: resource.value.accessPolicies };
    }
    const reasons = [
        resource.ok ? undefined : `the vault resource: ${resource.reason}`,
        permissions.ok ? undefined : `the role assignments: ${permissions.reason}`,
    ].filter(Boolean);
    return {
        source: "unknown",
        reason: reasons.length > 0 ? `could not read ${reasons.join("; ")}` : "the vault's permission model could not be learned",
    };
}

;// CONCATENATED MODULE: ./src/engine/check/check-vault.ts


const CHECK_PARTS = ["sync", "health", "key"];
async function checkVault(sync, check, credential, hooks) {
    const target = createAzureCheckTarget({
        vaultUrl: sync.vaultUrl,
        cloud: sync.cloud,
        credential,
        resource: check.resource,
        vault: { log: hooks.log, debug: hooks.debug, clientId: sync.clientId },
    });
    return runChecks(target, {
        vaultName: sync.vaultName,
        vaultHost: new URL(sync.vaultUrl).hostname,
        owner: sync.owner,
        prefix: sync.prefix,
        sync: check.parts.has("sync") ? { dryRun: sync.dryRun, prune: sync.prune } : undefined,
        health: check.parts.has("health"),
        key: check.parts.has("key") ? check.key : undefined,
        tenantId: sync.tenantId,
        clientId: sync.clientId,
        expiryWarningDays: check.expiryWarningDays,
        maxVersions: check.maxVersions,
        concurrency: sync.concurrency,
        now: hooks.now(),
        log: hooks.log,
    });
}

// EXTERNAL MODULE: ./src/action/input-fields.ts
var input_fields = __webpack_require__(350);
;// CONCATENATED MODULE: ./src/action/check-inputs.ts





const CHECK_INPUT_NAMES = [
    "checks",
    "key-id",
    "expiry-warning-days",
    "max-versions",
    "fail-on",
    "subscription-id",
    "resource-group",
];
const DEFAULT_EXPIRY_WARNING_DAYS = 30;
const DEFAULT_MAX_VERSIONS = 100;
const DEFAULT_FAIL_ON = "warning";
const check_inputs_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_GROUP = /^[-\w._()]{1,90}$/;
function readWholeNumber(raw, fallback, min, max, input, problems) {
    if (raw === "")
        return fallback;
    if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        problems.push(new errors/* InputError */.dz(input, `must be a whole number from ${min} to ${max}`));
        return fallback;
    }
    return Number(raw);
}
function readCheckInputs(getInput, env, cloud) {
    const raw = Object.fromEntries(CHECK_INPUT_NAMES.map((name) => [name, getInput(name).trim()]));
    const problems = [];
    let key;
    if (raw["key-id"] !== "") {
        const parsed = parseKeyId(raw["key-id"], cloud.vaultSuffix);
        if (parsed.ok)
            key = parsed.key;
        else
            problems.push(new errors/* InputError */.dz("key-id", parsed.rule));
    }
    const parts = new Set();
    const listed = (0,input_fields/* splitList */.ry)(raw.checks, true);
    if (listed.length === 0) {
        parts.add("sync").add("health");
        if (key !== undefined)
            parts.add("key");
    }
    listed.forEach((item, index) => {
        const part = CHECK_PARTS.find((candidate) => candidate === item.toLowerCase());
        if (part === undefined)
            problems.push(new errors/* InputError */.dz("checks", `item ${index + 1} is not one of ${CHECK_PARTS.join(", ")}`));
        else
            parts.add(part);
    });
    if (parts.has("key") && key === undefined && raw["key-id"] === "")
        problems.push(new errors/* InputError */.dz("checks", "names 'key', which needs the key-id input"));
    const expiryWarningDays = readWholeNumber(raw["expiry-warning-days"], DEFAULT_EXPIRY_WARNING_DAYS, 0, 3650, "expiry-warning-days", problems);
    const maxVersions = readWholeNumber(raw["max-versions"], DEFAULT_MAX_VERSIONS, 1, 100_000, "max-versions", problems);
    let failOn = DEFAULT_FAIL_ON;
    if (raw["fail-on"] !== "") {
        const chosen = FAIL_ON_CHOICES.find((choice) => choice === raw["fail-on"].toLowerCase());
        if (chosen === undefined)
            problems.push(new errors/* InputError */.dz("fail-on", `must be one of ${FAIL_ON_CHOICES.join(", ")}`));
        else
            failOn = chosen;
    }
    const subscriptionId = raw["subscription-id"] || env["AZURE_SUBSCRIPTION_ID"]?.trim() || "";
    const resourceGroup = raw["resource-group"];
    if (subscriptionId !== "" && !check_inputs_GUID.test(subscriptionId))
        problems.push(new errors/* InputError */.dz("subscription-id", `must be a GUID${raw["subscription-id"] === "" ? " (taken from AZURE_SUBSCRIPTION_ID)" : ""}`));
    if (resourceGroup !== "" && !RESOURCE_GROUP.test(resourceGroup))
        problems.push(new errors/* InputError */.dz("resource-group", "must be 1 to 90 letters, digits, '-', '_', '.', '(' or ')'"));
    if (resourceGroup !== "" && subscriptionId === "")
        problems.push(new errors/* InputError */.dz("subscription-id", "is required with resource-group (or set AZURE_SUBSCRIPTION_ID)"));
    const [first, ...others] = problems;
    if (first !== undefined) {
        const hint = [first.hint, ...others.map((other) => `Also: ${other.message}`)].filter(Boolean).join("\n");
        throw new errors/* InputError */.dz(first.input, first.message.replace(/^Invalid input '[^']*': /, ""), hint === "" ? undefined : hint);
    }
    const resource = subscriptionId !== "" && resourceGroup !== "" ? { subscriptionId: subscriptionId.toLowerCase(), resourceGroup } : undefined;
    return { parts, key, expiryWarningDays, maxVersions, failOn, resource };
}

// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(8037);
;// CONCATENATED MODULE: ./src/action/check-summary.ts
/**
 * The job summary of a `check` run: who signed in, what was checked, and every finding with its
 * fix, errors first. Pure: report in, Markdown out; every text from outside is escaped.
 */


const LEVEL_LABELS = { error: "❌ error", warning: "⚠️ warning", notice: "ℹ️ notice" };
function renderCheckSummary(report, context) {
    const counts = countFindings(report.findings);
    const verdict = context.failed
        ? `Failed: ${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices (fail-on: ${context.failOn}).`
        : `Passed: ${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices (fail-on: ${context.failOn}).`;
    const lines = [
        "## Key Vault Sync check",
        "",
        ...(0,markdown/* alert */.xE)(context.failed ? "CAUTION" : "NOTE", [
            (0,markdown/* escapeMarkdown */.FV)(verdict),
            "",
            "Nothing was written: check only reads, and wraps and unwraps random bytes when a key is checked.",
        ]),
        "",
        `- Vault: ${(0,markdown/* escapeMarkdown */.FV)(context.vaultUrl)}`,
        `- Owner: ${(0,markdown/* escapeMarkdown */.FV)(context.owner)}; prefix: ${context.prefix === "" ? "(none)" : (0,markdown/* escapeMarkdown */.FV)(context.prefix)}`,
    ];
    const identity = report.identity;
    if (identity !== undefined) {
        lines.push(`- Identity: client ${(0,markdown/* escapeMarkdown */.FV)(identity.clientId ?? "unknown")}, object ${(0,markdown/* escapeMarkdown */.FV)(identity.objectId ?? "unknown")}, tenant ${(0,markdown/* escapeMarkdown */.FV)(identity.tenantId ?? "unknown")}, token audience ${(0,markdown/* escapeMarkdown */.FV)(identity.audience ?? "unknown")}`);
    }
    const source = {
        rbac: "role assignments (ARM permissions)",
        "access-policy": "the vault's access policies",
        unknown: "could not be learned",
        "not-checked": "not checked",
    }[report.permissionSource];
    lines.push(`- Effective permissions from: ${source}`, `- Secrets examined for health: ${report.examined}`, "");
    if (report.findings.length === 0) {
        lines.push("No findings.");
    }
    else {
        lines.push(...(0,markdown/* table */.tp)(["Level", "Subject", "Finding", "Fix"], report.findings.map((finding) => [
            LEVEL_LABELS[finding.level],
            (0,markdown/* escapeCell */.kq)(finding.subject),
            `${(0,markdown/* escapeCell */.kq)(finding.message)} (${(0,markdown/* escapeMarkdown */.FV)(finding.code)})`,
            (0,markdown/* escapeCell */.kq)(finding.fix ?? ""),
        ])));
    }
    return `${lines.join("\n")}\n`;
}
/** The summary of a check that could not run (an invalid input, no OIDC token): what failed and the fix. */
function renderCheckFailure(message, hint) {
    const lines = ["## Key Vault Sync check", "", ...(0,markdown/* alert */.xE)("CAUTION", [`The check could not run: ${(0,markdown/* escapeWithCode */.HY)(message)}`]), ""];
    if (hint)
        lines.push("### How to fix it", "", (0,markdown/* fence */.EU)(hint), "");
    return lines.join("\n");
}

// EXTERNAL MODULE: ./src/engine/auth/missing-oidc.ts
var missing_oidc = __webpack_require__(4107);
// EXTERNAL MODULE: ./src/action/inputs.ts + 2 modules
var action_inputs = __webpack_require__(2822);
// EXTERNAL MODULE: ./src/action/sign-in-options.ts
var sign_in_options = __webpack_require__(1786);
;// CONCATENATED MODULE: ./src/action/check-command.ts
/**
 * `command: check` in the Action: read the inputs, sign in, run the checks (src/engine/check/), and
 * report each finding as an annotation, all of them in the job summary; fail the step when a
 * finding reaches `fail-on`. Nothing is written to the vault.
 */








async function runCheckCommand(deps) {
    const { io, env } = deps;
    try {
        const inputs = (0,action_inputs/* readInputs */.K)((name) => io.getInput(name), env);
        const check = readCheckInputs((name) => io.getInput(name), env, inputs.cloud);
        if (inputs.auth === "oidc" && !(0,missing_oidc/* hasOidcRequest */.nc)(env)) {
            const missing = (0,missing_oidc/* explainMissingOidc */.dM)(env);
            throw new errors/* SyncError */.S0(missing.message, missing.hint);
        }
        // No shared keep-alive agent: check sends a handful of requests, and nothing must hold the process open.
        const credential = await deps.createCredential((0,sign_in_options/* readCredentialOptions */.o)(inputs, env, io));
        io.info(`Checking vault ${inputs.vaultUrl} (${inputs.cloud.name} cloud) for owner '${inputs.owner}', prefix '${inputs.prefix}': ${[...check.parts].join(", ")}. Nothing is written.`);
        const report = await checkVault(inputs, check, credential, {
            log: (message) => io.info(message),
            debug: (message) => io.debug(message),
            now: () => deps.now(),
        });
        const failed = reachesFailLevel(report.findings, check.failOn);
        annotate(report, deps);
        io.summary.addRaw(renderCheckSummary(report, { vaultUrl: inputs.vaultUrl, owner: inputs.owner, prefix: inputs.prefix, failOn: check.failOn, failed }), true);
        await io.summary.write();
        if (failed)
            io.setFailed(describeFailure(report, check.failOn));
        else
            io.info(`Check passed (fail-on: ${check.failOn}).`);
    }
    catch (error) {
        const hint = error instanceof errors/* SyncError */.S0 ? error.hint : undefined;
        io.summary.addRaw(renderCheckFailure((0,errors/* errorMessage */.gJ)(error), hint), true);
        await io.summary.write().catch((summaryError) => io.warning(`Failed to write the job summary: ${(0,errors/* errorMessage */.gJ)(summaryError)}`));
        io.setFailed(`${(0,errors/* errorMessage */.gJ)(error)}${hint ? `\n${hint}` : ""}`);
    }
}
function annotate(report, deps) {
    for (const finding of report.findings) {
        const text = `${finding.subject}: ${finding.message}${finding.fix ? `\nFix: ${finding.fix}` : ""}`;
        const properties = { title: `check: ${finding.code}` };
        if (finding.level === "error")
            deps.io.error(text, properties);
        else if (finding.level === "warning")
            deps.io.warning(text, properties);
        else
            deps.io.notice(text, properties);
    }
}
function describeFailure(report, failOn) {
    const counted = (level) => report.findings.filter((finding) => finding.level === level).length;
    return `Check failed: ${counted("error")} errors, ${counted("warning")} warnings (fail-on: ${failOn}); each finding is annotated and listed in the job summary.`;
}


/***/ }),

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
