export const id = 72;
export const ids = [72];
export const modules = {

/***/ 350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EJ: () => (/* binding */ expiresIn),
/* harmony export */   Ex: () => (/* binding */ concurrency),
/* harmony export */   IM: () => (/* binding */ contentType),
/* harmony export */   Ik: () => (/* binding */ TENANT_ALIASES),
/* harmony export */   Jt: () => (/* binding */ flag),
/* harmony export */   Pl: () => (/* binding */ prefix),
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   Sm: () => (/* binding */ GUID),
/* harmony export */   Xq: () => (/* binding */ globList),
/* harmony export */   Yq: () => (/* binding */ choice),
/* harmony export */   _A: () => (/* binding */ tags),
/* harmony export */   hO: () => (/* binding */ cloudChoice),
/* harmony export */   hZ: () => (/* binding */ envFiles),
/* harmony export */   hd: () => (/* binding */ audience),
/* harmony export */   rx: () => (/* binding */ findChoice),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   sU: () => (/* binding */ TENANT_DOMAIN),
/* harmony export */   z8: () => (/* binding */ report)
/* harmony export */ });
/* unused harmony exports DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_CONTENT_TYPE_LENGTH, MAX_AUDIENCE_LENGTH, MAX_EXPIRES_IN_SECONDS, MAX_PREFIX_LENGTH */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8532);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9691);
/* harmony import */ var _engine_clouds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6750);
/* harmony import */ var _engine_globs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1761);
/* harmony import */ var _engine_naming_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5880);
/* harmony import */ var _engine_tags_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2225);
/**
 * The rule of each input on its own, as zod transforms that report problems by input name and
 * rule (never the value). inputs.ts puts them together, with the rules that span inputs.
 */





const INPUT_NAMES = [
    "command",
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
    "rules",
    "rules-file",
    "identity",
    "concurrency",
];
const DEFAULT_CONCURRENCY = 16;
const MAX_CONCURRENCY = 64;
const MAX_CONTENT_TYPE_LENGTH = 255;
/** Federated credential audiences are at most 600 characters. */
const MAX_AUDIENCE_LENGTH = 600;
/** A secret that expires a century from now does not need an expiry date. */
const MAX_EXPIRES_IN_SECONDS = 100 * 365 * 24 * 60 * 60;
const MAX_PREFIX_LENGTH = _engine_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_NAME_LENGTH */ .EM - 1;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[0-9a-zA-Z.-]+$/;
/** Multi-tenant aliases: a federated credential lives in exactly one tenant. */
const TENANT_ALIASES = new Set(["common", "organizations", "consumers"]);
const TRUE_SPELLINGS = new Set(["true", "True", "TRUE"]);
const FALSE_SPELLINGS = new Set(["false", "False", "FALSE"]);
/** Seconds per unit of `expires-in`. No months or years: their length varies. */
const DURATION_UNITS = {
    m: 60,
    h: 60 * 60,
    d: 24 * 60 * 60,
    w: 7 * 24 * 60 * 60,
};
function report(ctx, input, rule, hint) {
    ctx.addIssue({ code: "custom", path: [input], message: rule, params: hint === undefined ? {} : { hint } });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
}
/** A text input whose checks live in `check`, which reports problems and returns the value. */
function text(check) {
    return zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().transform((value, ctx) => check(value, ctx));
}
/** One of `options`, ignoring case; "" gives `fallback`. */
function choice(input, options, fallback) {
    return text((value, ctx) => {
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
    return text((value, ctx) => {
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
    return text((value, ctx) => {
        const patterns = splitList(value, true);
        patterns.forEach((pattern, index) => {
            const problem = (0,_engine_globs_js__WEBPACK_IMPORTED_MODULE_5__/* .checkGlob */ .pY)(pattern);
            if (problem !== undefined)
                report(ctx, input, `pattern ${index + 1} ${problem}`);
        });
        return patterns;
    });
}
const envFiles = text((value, ctx) => {
    const paths = splitList(value, false);
    paths.forEach((path, index) => {
        const earlier = paths.indexOf(path);
        if (earlier !== index) {
            report(ctx, "env-file", `entry ${index + 1} repeats entry ${earlier + 1}; each file may be listed once`);
        }
    });
    return paths;
});
const prefix = text((value, ctx) => {
    const bad = value.search(/[^0-9A-Za-z-]/);
    if (bad >= 0) {
        // Say what to write instead without repeating the value: the usual slip is `shop_` for `shop-`.
        const hint = /[_.]/.test(value)
            ? "Write '-' where the prefix has '_' or '.', as source names are converted (DB_PASSWORD becomes DB-PASSWORD), for example prefix: shop-, not shop_."
            : undefined;
        return report(ctx, "prefix", `may contain only letters, digits and hyphens (Key Vault secret names allow nothing else); character ${bad + 1} is none of these`, hint);
    }
    if (value.length > MAX_PREFIX_LENGTH) {
        return report(ctx, "prefix", `must be at most ${MAX_PREFIX_LENGTH} characters, to leave room for a name (Key Vault names are at most ${_engine_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_NAME_LENGTH */ .EM}); it has ${value.length}`);
    }
    return value;
});
const cloudChoice = text((value, ctx) => {
    if (value === "")
        return "public";
    const aliases = Object.keys(_engine_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .AZURE_LOGIN_CLOUD_NAMES */ .F$).join(", ");
    return (0,_engine_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .findCloudName */ .Su)(value) ?? report(ctx, "cloud", `must be one of ${_engine_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .CLOUD_NAMES */ .vD.join(", ")}, or Azure/login's ${aliases}`);
});
const audience = text((value, ctx) => {
    if (value === "")
        return undefined;
    if (/\s/.test(value))
        return report(ctx, "audience", "must not contain whitespace");
    if (value.length > MAX_AUDIENCE_LENGTH) {
        return report(ctx, "audience", `must be at most ${MAX_AUDIENCE_LENGTH} characters (a federated credential limit)`);
    }
    return value;
});
const contentType = text((value, ctx) => {
    if (value === "")
        return undefined;
    if (value.length > MAX_CONTENT_TYPE_LENGTH) {
        return report(ctx, "content-type", `must be at most ${MAX_CONTENT_TYPE_LENGTH} characters (a Key Vault limit); it has ${value.length}`);
    }
    return value;
});
/**
 * `key=value` items, one per line or comma separated: the same list rule as include/exclude, so
 * `env=prod,team=shop` is two tags. A tag value therefore cannot hold a comma; an item that is
 * left without `=` by a comma (`list=a,b`) is refused rather than guessed at.
 */
const tags = text((value, ctx) => {
    const result = {};
    const firstTagOf = new Map();
    const reserved = new Map(_engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .RESERVED_TAGS */ .pL.map((name) => [name.toLowerCase(), name]));
    const items = splitList(value, true);
    items.forEach((item, index) => {
        const position = `tag ${index + 1}`;
        const equals = item.indexOf("=");
        if (equals === -1) {
            report(ctx, "tags", `${position} is not key=value (tags are separated by new lines or commas, so a value cannot contain a comma)`);
            return;
        }
        const key = item.slice(0, equals).trim();
        const tagValue = item.slice(equals + 1).trim();
        const folded = key.toLowerCase();
        const reservedName = reserved.get(folded);
        const earlier = firstTagOf.get(folded);
        if (key === "") {
            report(ctx, "tags", `${position} has an empty key`);
        }
        else if (key.length > _engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TAG_LENGTH */ .Ti) {
            report(ctx, "tags", `${position} has a key longer than ${_engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TAG_LENGTH */ .Ti} characters`);
        }
        else if (tagValue.length > _engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TAG_LENGTH */ .Ti) {
            report(ctx, "tags", `${position} has a value longer than ${_engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TAG_LENGTH */ .Ti} characters`);
        }
        else if (reservedName !== undefined) {
            report(ctx, "tags", `${position} uses '${reservedName}', a tag the action writes itself (reserved: ${_engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .RESERVED_TAGS */ .pL.join(", ")})`);
        }
        else if (earlier !== undefined) {
            report(ctx, "tags", `${position} repeats the key of tag ${earlier} (tag names ignore case)`);
        }
        else {
            firstTagOf.set(folded, index + 1);
            result[key] = tagValue;
        }
    });
    if (items.length > _engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_USER_TAGS */ .F5) {
        report(ctx, "tags", `allows at most ${_engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_USER_TAGS */ .F5} tags (Key Vault allows ${_engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TAGS */ .x3} per secret and the action writes ${_engine_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .RESERVED_TAGS */ .pL.length} of its own); ${items.length} given`);
    }
    return result;
});
const expiresIn = text((value, ctx) => {
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
const concurrency = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()
    .transform((value) => (value === "" ? String(DEFAULT_CONCURRENCY) : value))
    .pipe(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(/^[0-9]{1,3}$/, { error: CONCURRENCY_RULE }))
    .transform(Number)
    .pipe(zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().min(1, { error: CONCURRENCY_RULE }).max(MAX_CONCURRENCY, { error: CONCURRENCY_RULE }));
/**
 * The schema, with the raw inputs at hand: `vault` depends on `cloud`, `tenant-id`/`client-id`
 * on `auth`, and `secrets` on `env-file`. Each field reports its own problems (dependents are
 * skipped while what they depend on is invalid), so one run names every problem.
 */


/***/ }),

/***/ 2822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: COMMANDS

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/engine/clouds.ts
var clouds = __webpack_require__(6750);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
;// CONCATENATED MODULE: ./src/engine/auth/auth-mode.ts
const AUTH_MODES = ["oidc", "azure-cli", "managed-identity"];

// EXTERNAL MODULE: ./src/engine/vault-url.ts
var vault_url = __webpack_require__(4414);
// EXTERNAL MODULE: ./src/engine/tags.ts
var tags = __webpack_require__(2225);
// EXTERNAL MODULE: ./src/action/input-fields.ts
var input_fields = __webpack_require__(350);
;// CONCATENATED MODULE: ./src/action/rule-inputs.ts
/**
 * The inputs of issue 11: `rules` and `rules-file` (checked when read, against the sources, in
 * engine/rules/load-rules.ts) and `identity`, which the `containerapp-secrets` output names.
 */

const optionalText = (0,input_fields/* text */.Qq)((value) => (value === "" ? undefined : value));
/** No whitespace or comma: the id goes into a `--secrets` word of the Azure CLI as it is. */
const USER_ASSIGNED_IDENTITY = /^\/subscriptions\/[^/\s,]+\/resource[gG]roups\/[^/\s,]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/\s,]+$/i;
const identity = (0,input_fields/* text */.Qq)((value, ctx) => {
    if (value === "" || value.toLowerCase() === "system")
        return "system";
    if (!USER_ASSIGNED_IDENTITY.test(value)) {
        return (0,input_fields/* report */.z8)(ctx, "identity", "must be 'system' or a user-assigned identity's resource id (/subscriptions/…/resourceGroups/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/NAME)");
    }
    return value;
});

;// CONCATENATED MODULE: ./src/action/inputs.ts








const COMMANDS = ["sync", "check"];
const ACTION_LABEL = (input) => `input '${input}'`;
/**
 * Reads and checks every input. Throws InputError naming each problem (never a value), in
 * action.yml order. The CLI passes its own `label` so messages name its options instead.
 */
function readInputs(getInput, env, label = ACTION_LABEL) {
    const raw = Object.fromEntries(input_fields/* INPUT_NAMES */.Qh.map((name) => [name, getInput(name).trim()]));
    // The fallback message keeps zod's generic wording (and anything it might quote) out.
    const result = buildSchema(env, raw).safeParse(raw, { error: () => "is not valid" });
    if (result.success)
        return result.data;
    throw toInputError(result.error.issues, label);
}
function toInputError(issues, label) {
    const problems = issues.map((issue) => ({
        input: String(issue.path[0] ?? "inputs"),
        rule: issue.message,
        hint: issue.code === "custom" && typeof issue.params?.hint === "string" ? issue.params.hint : undefined,
    }));
    const order = (input) => {
        const index = input_fields/* INPUT_NAMES */.Qh.indexOf(input);
        return index === -1 ? input_fields/* INPUT_NAMES */.Qh.length : index;
    };
    problems.sort((a, b) => order(a.input) - order(b.input));
    const [first, ...others] = problems;
    const hintLines = [...(first.hint ? [first.hint] : []), ...others.map((other) => `Also invalid: ${label(other.input)}: ${other.rule}`)];
    return new errors/* InputError */.dz(first.input, first.rule, hintLines.length > 0 ? hintLines.join("\n") : undefined, label(first.input));
}
function buildSchema(env, raw) {
    const cloudName = raw.cloud === "" ? "public" : (0,clouds/* findCloudName */.Su)(raw.cloud);
    const cloud = cloudName === undefined ? undefined : clouds/* CLOUDS */.JJ[cloudName];
    const auth = raw.auth === "" ? "oidc" : (0,input_fields/* findChoice */.rx)(raw.auth, AUTH_MODES);
    return schemas/* object */.Ikc({
        command: (0,input_fields/* choice */.Yq)("command", COMMANDS, "sync"),
        vault: (0,input_fields/* text */.Qq)((value, ctx) => readVault(value, cloud, ctx)),
        secrets: (0,input_fields/* text */.Qq)((value, ctx) => {
            // `check` reads no sources: it looks at what is already in the vault.
            if (value === "" && (0,input_fields/* splitList */.ry)(raw["env-file"], false).length === 0 && (0,input_fields/* findChoice */.rx)(raw.command, COMMANDS) !== "check") {
                (0,input_fields/* report */.z8)(ctx, "secrets", "is empty, and so is 'env-file': the action needs at least one source", "Set secrets: ${{ toJSON(secrets) }} to sync the workflow's secrets, or env-file to sync dotenv files.");
            }
            return value === "" ? undefined : value;
        }),
        "env-file": input_fields/* envFiles */.hZ,
        include: (0,input_fields/* globList */.Xq)("include"),
        exclude: (0,input_fields/* globList */.Xq)("exclude"),
        prefix: input_fields/* prefix */.Pl,
        "name-transform": (0,input_fields/* choice */.Yq)("name-transform", ["hyphens", "none"], "hyphens"),
        "tenant-id": (0,input_fields/* text */.Qq)((value, ctx) => readTenantId(value, auth, env, ctx)),
        "client-id": (0,input_fields/* text */.Qq)((value, ctx) => readClientId(value, auth, env, ctx)),
        auth: (0,input_fields/* choice */.Yq)("auth", AUTH_MODES, "oidc"),
        cloud: input_fields/* cloudChoice */.hO,
        audience: input_fields/* audience */.hd,
        "dry-run": (0,input_fields/* choice */.Yq)("dry-run", ["auto", "true", "false"], "auto"),
        prune: (0,input_fields/* flag */.Jt)("prune"),
        adopt: (0,input_fields/* flag */.Jt)("adopt"),
        owner: (0,input_fields/* text */.Qq)((value, ctx) => readOwner(value, env, ctx)),
        "content-type": input_fields/* contentType */.IM,
        tags: input_fields/* tags */._A,
        "expires-in": input_fields/* expiresIn */.EJ,
        rules: optionalText,
        "rules-file": optionalText,
        identity: identity,
        concurrency: input_fields/* concurrency */.Ex,
    })
        .transform((fields) => {
        const chosenCloud = clouds/* CLOUDS */.JJ[fields.cloud];
        const dryRun = decideDryRun(fields["dry-run"], env);
        return {
            command: fields.command,
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
            rules: fields.rules,
            rulesFile: fields["rules-file"],
            identity: fields.identity,
            concurrency: fields.concurrency,
        };
    });
}
/**
 * A vault name, or an https URL whose host is NAME.<suffix of the chosen cloud>. While `cloud`
 * itself is invalid (cloud undefined) the vault is not checked: its suffix depends on it.
 */
function readVault(value, cloud, ctx) {
    const invalid = { url: "", name: "" };
    if (value === "") {
        (0,input_fields/* report */.z8)(ctx, "vault", "is required: a Key Vault name or its https URL", "For example vault: my-vault or vault: https://my-vault.vault.azure.net");
        return invalid;
    }
    if (cloud === undefined)
        return invalid;
    const parsed = (0,vault_url/* parseVault */.W)(value, cloud);
    if (parsed.kind === "invalid") {
        (0,input_fields/* report */.z8)(ctx, "vault", parsed.rule, parsed.hint);
        return invalid;
    }
    return { url: parsed.url, name: parsed.name };
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
        return (0,input_fields/* report */.z8)(ctx, "tenant-id", "is required with auth: oidc", "Set tenant-id: ${{ vars.AZURE_TENANT_ID }} (the directory of the app registration), or the AZURE_TENANT_ID environment variable.");
    }
    if (input_fields/* GUID */.Sm.test(tenant.value))
        return tenant.value.toLowerCase();
    if (input_fields/* TENANT_ALIASES */.Ik.has(tenant.value.toLowerCase())) {
        return (0,input_fields/* report */.z8)(ctx, "tenant-id", `must name one tenant; common, organizations and consumers are not tenants${tenant.from}`);
    }
    if (input_fields/* TENANT_DOMAIN */.sU.test(tenant.value) && tenant.value.length <= 256)
        return tenant.value;
    return (0,input_fields/* report */.z8)(ctx, "tenant-id", `must be a tenant ID (a GUID) or a domain name such as contoso.onmicrosoft.com${tenant.from}`);
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
        return (0,input_fields/* report */.z8)(ctx, "client-id", "is required with auth: oidc", "Set client-id: ${{ vars.AZURE_CLIENT_ID }} (the application (client) ID of the app registration or user-assigned managed identity that holds the federated credential), or the AZURE_CLIENT_ID environment variable.");
    }
    if (input_fields/* GUID */.Sm.test(client.value))
        return client.value.toLowerCase();
    return (0,input_fields/* report */.z8)(ctx, "client-id", `must be a GUID, the application (client) ID${client.from}`);
}
function readOwner(input, env, ctx) {
    const owner = withEnvDefault(input, env, "GITHUB_REPOSITORY");
    if (owner.value === undefined) {
        return (0,input_fields/* report */.z8)(ctx, "owner", "is required: it marks the secrets this workflow manages", "Set owner, or run on GitHub Actions, where it defaults to GITHUB_REPOSITORY.");
    }
    if (owner.value.length > tags/* MAX_TAG_LENGTH */.Ti) {
        return (0,input_fields/* report */.z8)(ctx, "owner", `must be at most ${tags/* MAX_TAG_LENGTH */.Ti} characters (it is a tag value)${owner.from}`);
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


/***/ }),

/***/ 4072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: createDefaultDeps, readAuditContext

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
// EXTERNAL MODULE: ./node_modules/@azure/logger/dist/esm/index.js + 1 modules
var esm = __webpack_require__(7567);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/action/action-io.ts
/**
 * Every line the action prints goes through here, so no text from outside (a source name, a tag
 * read from the vault, an Azure or Entra error message, a token claim) can start a workflow
 * command.
 *
 * The runner reads the step's stdout and stderr line by line (a line ends at \n, \r or \r\n) and
 * treats a line as a command when, after leading whitespace, it starts with `::` and holds a
 * second `::` (`::warning title=x::text`), or when it contains `##[` anywhere followed by `]`
 * (the legacy `##[warning]text`). Command names are matched without regard to case, and
 * `::stop-commands::TOKEN` makes any TOKEN a command, so the name cannot be trusted to be
 * harmless: every line is neutralised whatever the name.
 *
 * Neutralising is visible and keeps text readable:
 * - invisible and control characters (which a culture-aware comparison may skip, letting
 *   `\u200B::warning::` count as `::warning::`) are shown as `\u200B`-style escapes;
 * - a line whose first non-blank characters are `::` gets a `\` before them;
 * - `##[` becomes `##\[`.
 * Annotation data and properties are also escaped by @actions/core (%, \r, \n, and : , in
 * properties), so a message stays one command line; neutralising them too keeps the annotation
 * text free of fake commands.
 */



const LINE_BREAK = /\r\n|\r|\n/;
// Controls, format characters (zero-width space, BOM, bidi marks), other default-ignorable code
// points and the Unicode line/paragraph separators. Tab is kept: it is plain whitespace.
const INVISIBLE = /(?!\t)[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;
const LEADING_COMMAND = /^(\s*)::/;
/** One line, unable to start a workflow command. */
function neutraliseLine(line) {
    return escapeAnywhere(line).replace(LEADING_COMMAND, "$1\\::");
}
/** The part of neutralising that does not depend on where in the line the text stands. */
function escapeAnywhere(text) {
    return text.replace(INVISIBLE, escapeCodePoint).replaceAll("##[", "##\\[");
}
/** Text of any number of lines, each neutralised; line breaks become \n. */
function neutraliseCommands(text) {
    return text.split(LINE_BREAK).map(neutraliseLine).join("\n");
}
function escapeCodePoint(character) {
    const code = character.codePointAt(0) ?? 0;
    const hex = code.toString(16).toUpperCase();
    return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}
/**
 * The strings to mask for one value: the value, and each of its lines as neutralising would
 * print it, at the start of a line or within one. The runner masks the printed text, so without
 * these a value holding `##[` or a control character would slip past its mask if it were ever
 * printed.
 */
function listMaskForms(value) {
    const forms = [value];
    for (const line of value.split(LINE_BREAK)) {
        for (const neutral of [escapeAnywhere(line), neutraliseLine(line)]) {
            if (neutral !== line && neutral.trim() !== "" && !forms.includes(neutral))
                forms.push(neutral);
        }
    }
    return forms;
}
/** Wraps the toolkit so that every message it prints is neutralised, line by line. */
function neutraliseIO(toolkit) {
    return {
        getInput: (name) => toolkit.getInput(name),
        setSecret: (secret) => {
            for (const form of listMaskForms(secret))
                toolkit.setSecret(form);
        },
        setOutput: (name, value) => toolkit.setOutput(name, value),
        setFailed: (message) => toolkit.setFailed(neutraliseCommands(message)),
        isDebug: () => toolkit.isDebug(),
        // The runner drops debug lines unless step debug logging is on: without it, none is made.
        debug: (message) => {
            if (toolkit.isDebug())
                toolkit.debug(neutraliseCommands(message));
        },
        info: (message) => toolkit.info(neutraliseCommands(message)),
        warning: (message, properties) => toolkit.warning(neutraliseCommands(message), properties),
        error: (message, properties) => toolkit.error(neutraliseCommands(message), properties),
        notice: (message, properties) => toolkit.notice(neutraliseCommands(message), properties),
        startGroup: (title) => toolkit.startGroup(neutraliseCommands(title)),
        endGroup: () => toolkit.endGroup(),
        summary: toolkit.summary,
    };
}
/** The real toolkit, neutralised; the Azure SDK's log (stderr, with AZURE_LOG_LEVEL) as well. */
function createActionIO() {
    esm/* AzureLogger */.i2.log = (...args) => {
        process.stderr.write(`${neutraliseCommands((0,external_node_util_.format)(...args))}\n`);
    };
    return neutraliseIO(core);
}

// EXTERNAL MODULE: ./src/engine/auth/missing-oidc.ts
var missing_oidc = __webpack_require__(4107);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/action/inputs.ts + 2 modules
var action_inputs = __webpack_require__(2822);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/engine/connections.ts
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/engine/references.ts
/** Results that leave the secret in the vault as the sources say: what readers can point at. */
const SYNCED = new Set(["created", "updated", "unchanged", "recovered"]);
const MAX_CONTAINER_APP_SECRET_NAME = 253;
const CONTAINER_APP_SECRET_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
/** `https://VAULT.vault.azure.net/secrets/NAME`: no version, so the latest is always read. */
function buildSecretUri(vaultUrl, name) {
    return `${vaultUrl.replace(/\/+$/, "")}/secrets/${name}`;
}
/** The Container Apps secret name for a Key Vault name, or undefined when none can be formed. */
function toContainerAppSecretName(vaultName) {
    const name = vaultName
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .replace(/^-+|-+$/g, "");
    return name.length <= MAX_CONTAINER_APP_SECRET_NAME && CONTAINER_APP_SECRET_NAME.test(name) ? name : undefined;
}
/** `identity`: a user-assigned identity's resource id, or `system`. */
function buildReferences(results, vaultUrl, identity) {
    const synced = results
        .filter((result) => result.source !== undefined && SYNCED.has(result.status))
        .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    const secretUris = {};
    const appSettings = [];
    const containerApp = { secrets: [], envVars: [] };
    const problems = [];
    const claimed = new Map();
    for (const result of synced) {
        const uri = buildSecretUri(vaultUrl, result.name);
        secretUris[result.source] = uri;
        appSettings.push({ name: result.source, value: `@Microsoft.KeyVault(SecretUri=${uri})`, slotSetting: false });
        const secretName = toContainerAppSecretName(result.name);
        const taken = secretName === undefined ? undefined : claimed.get(secretName);
        if (secretName === undefined) {
            problems.push(`'${result.source}': no Container Apps secret name can be formed from '${result.name}' (lower-case letters, digits and '-', at most ${MAX_CONTAINER_APP_SECRET_NAME})`);
        }
        else if (taken !== undefined) {
            problems.push(`'${result.source}': its Container Apps secret name '${secretName}' is already used for '${taken}'`);
        }
        else {
            claimed.set(secretName, result.source);
            containerApp.secrets.push(`${secretName}=keyvaultref:${uri},identityref:${identity}`);
            containerApp.envVars.push(`${result.source}=secretref:${secretName}`);
        }
    }
    return { secretUris, appSettings, containerApp, problems };
}

;// CONCATENATED MODULE: ./src/action/references-output.ts
/**
 * The reference outputs (issue 11): `secret-uris`, `app-settings`, `containerapp-secrets`, and
 * all three in one JSON file under RUNNER_TEMP (`references-file`) for syncs too large for
 * outputs. Addresses only, never a value. A dry run writes nothing, so it points at nothing.
 */




async function writeReferenceOutputs(results, settings, io) {
    const references = buildReferences(settings.dryRun ? [] : results, settings.vaultUrl, settings.identity);
    const containerApp = { secrets: references.containerApp.secrets, envVars: references.containerApp.envVars };
    // Each JSON text is made once, for its output and the file: for thousands of secrets these are
    // megabytes, and a second, indented copy of all three would be the run's largest allocation.
    const json = {
        "secret-uris": JSON.stringify(references.secretUris),
        "app-settings": JSON.stringify(references.appSettings),
        "containerapp-secrets": JSON.stringify(containerApp),
    };
    for (const [name, text] of Object.entries(json))
        io.setOutput(name, text);
    for (const problem of references.problems)
        io.warning(`Left out of containerapp-secrets: ${problem}.`, { title: "containerapp-secrets" });
    if (settings.tempDir === undefined || settings.dryRun) {
        io.setOutput("references-file", "");
        return;
    }
    try {
        // A directory of its own: two steps of one job must not overwrite each other's file.
        const directory = await (0,promises_.mkdtemp)((0,external_node_path_.join)(settings.tempDir, "keyvault-sync-"));
        const path = (0,external_node_path_.join)(directory, "references.json");
        // One member per line, each the compact text its output holds.
        const members = Object.entries(json).map(([name, text]) => `  ${JSON.stringify(name)}: ${text}`);
        await (0,promises_.writeFile)(path, `{\n${members.join(",\n")}\n}\n`, { mode: 0o600 });
        io.setOutput("references-file", path);
    }
    catch (error) {
        io.setOutput("references-file", "");
        io.warning(`Failed to write the references file under RUNNER_TEMP: ${(0,errors/* errorMessage */.gJ)(error)}`, { title: "references-file" });
    }
}

// EXTERNAL MODULE: ./src/action/sign-in-options.ts
var sign_in_options = __webpack_require__(1786);
// EXTERNAL MODULE: ./src/engine/clouds.ts
var clouds = __webpack_require__(6750);
;// CONCATENATED MODULE: ./src/action/fix-commands.ts
/**
 * Hints are written as one text for the log and annotations, with Azure CLI commands inside
 * sentences. The job summary shows each command on its own, copyable and wrapped. This module
 * finds the commands in a hint and wraps them. Pure.
 */
// An Azure CLI command that starts a line or follows a sentence's "Grant it:" or "(".
const COMMAND_START = /(?<=^|[\s(:])az (?=[a-z])/g;
/**
 * Splits a hint into prose, inline code (`…` in the hint) and Azure CLI commands, in order.
 * A command ends at the end of its line, at a sentence end (". "), at a ")" closing a "(" it
 * was opened by, or at " (" starting an aside; quotes and `$(…)` are kept whole.
 */
function splitHint(hint) {
    const parts = [];
    let text = "";
    const flushText = () => {
        if (text !== "")
            parts.push({ kind: "text", text });
        text = "";
    };
    let index = 0;
    while (index < hint.length) {
        if (hint[index] === "`") {
            const close = hint.indexOf("`", index + 1);
            if (close > index) {
                flushText();
                parts.push({ kind: "code", text: hint.slice(index + 1, close) });
                index = close + 1;
                continue;
            }
        }
        COMMAND_START.lastIndex = index;
        const start = COMMAND_START.exec(hint);
        if (start?.index === index) {
            const end = findCommandEnd(hint, index);
            flushText();
            parts.push({ kind: "command", text: hint.slice(index, end).trim() });
            index = end;
            continue;
        }
        text += hint.charAt(index);
        index += 1;
    }
    flushText();
    return parts;
}
function findCommandEnd(hint, start) {
    const openedByParen = hint[start - 1] === "(";
    let quote;
    let depth = 0;
    for (let index = start; index < hint.length; index++) {
        const char = hint[index];
        const next = hint[index + 1];
        if (char === "\n")
            return index;
        if (quote !== undefined) {
            if (char === "\\" && quote === '"')
                index += 1;
            else if (char === quote)
                quote = undefined;
            continue;
        }
        if (char === "'" || char === '"')
            quote = char;
        else if (char === "$" && next === "(") {
            depth += 1;
            index += 1;
        }
        else if (char === ")") {
            if (depth > 0)
                depth -= 1;
            else if (openedByParen)
                return index;
        }
        else if (depth === 0 && char === "(" && hint[index - 1] === " ")
            return index - 1;
        else if (depth === 0 && char === "`")
            return index;
        else if (depth === 0 && char === "." && (next === undefined || /\s/.test(next)))
            return index;
    }
    return hint.length;
}
/**
 * Wraps a long command before each `--option`, with `\` continuations, so it fits a narrow
 * page and still pastes into a POSIX shell as one command.
 */
function wrapCommand(command, width = 80) {
    if (command.length <= width)
        return command;
    const groups = [];
    for (const word of splitWords(command).map(spreadJsonWord)) {
        if (word.startsWith("--") || groups.length === 0)
            groups.push(word);
        else
            groups[groups.length - 1] = `${groups.at(-1) ?? ""} ${word}`;
    }
    return groups.join(" \\\n  ");
}
/**
 * A single-quoted JSON argument longer than a line, spread over lines: inside single quotes a
 * newline is part of the argument, and JSON allows it between tokens, so the command is the same.
 */
function spreadJsonWord(word) {
    const json = /^'([[{].*[\]}])'$/s.exec(word)?.[1];
    if (json === undefined || word.length <= 60 || json.includes("'"))
        return word;
    try {
        return `'${JSON.stringify(JSON.parse(json), null, 2).replaceAll("\n", "\n    ")}'`;
    }
    catch {
        return word;
    }
}
/** Words as the shell splits them: spaces inside quotes and `$(…)` do not split. */
function splitWords(command) {
    const words = [];
    let word = "";
    let quote;
    let depth = 0;
    for (let index = 0; index < command.length; index++) {
        const char = command[index];
        if (quote === '"' && char === "\\" && index + 1 < command.length) {
            word += char + command.charAt(index + 1);
            index += 1;
            continue;
        }
        if (quote !== undefined) {
            if (char === quote)
                quote = undefined;
        }
        else if (char === "'" || char === '"')
            quote = char;
        else if (char === "$" && command[index + 1] === "(")
            depth += 1;
        else if (char === ")" && depth > 0)
            depth -= 1;
        else if (char === " " && depth === 0) {
            if (word !== "")
                words.push(word);
            word = "";
            continue;
        }
        word += char;
    }
    if (word !== "")
        words.push(word);
    return words;
}

// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(8037);
;// CONCATENATED MODULE: ./src/action/summary-links.ts
/**
 * Links the job summary offers: the vault in the Azure portal, the commit, and each dotenv
 * entry's file and line at that commit. Pure: built from the runner's environment and names.
 */

function readRepositoryLinks(env, cwd) {
    const repository = env["GITHUB_REPOSITORY"];
    const sha = env["GITHUB_SHA"];
    if (!repository || !sha || !/^[0-9a-f]{7,64}$/i.test(sha) || !/^[\w.-]+\/[\w.-]+$/.test(repository))
        return undefined;
    const serverUrl = (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/+$/, "");
    return { serverUrl, repository, sha, workspace: env["GITHUB_WORKSPACE"] || cwd, cwd };
}
function linkCommit(links) {
    return `${links.serverUrl}/${links.repository}/commit/${links.sha}`;
}
/** The file and line at the commit, or undefined for a file outside the workspace (not in the repository). */
function linkFileLine(links, file, line) {
    const inRepository = (0,external_node_path_.relative)((0,external_node_path_.resolve)(links.workspace), (0,external_node_path_.resolve)(links.cwd, file));
    if (inRepository === "" || inRepository === ".." || inRepository.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inRepository))
        return undefined;
    const path = inRepository.split(external_node_path_.sep).map(encodeURIComponent).join("/");
    return `${links.serverUrl}/${links.repository}/blob/${links.sha}/${path}#L${line}`;
}
const PORTAL_HOSTS = {
    public: "https://portal.azure.com",
    usgovernment: "https://portal.azure.us",
    china: "https://portal.azure.cn",
};
/**
 * The vault in the Azure portal. A resource link needs the subscription and resource group,
 * which the action never learns (it only talks to the vault's data plane), so this opens the
 * portal's Resource Graph Explorer with a query for the vault by name: its result row links
 * to the vault in whichever subscription the reader can see it. Microsoft's own docs link
 * Resource Graph queries this way, in all three clouds.
 */
function linkVaultInPortal(cloud, vaultName) {
    // Vault names are letters, digits and dashes; anything else is not put in a query.
    if (!/^[A-Za-z0-9-]{1,64}$/.test(vaultName))
        return `${PORTAL_HOSTS[cloud]}/#browse/Microsoft.KeyVault%2Fvaults`;
    const query = `Resources\n| where type =~ 'microsoft.keyvault/vaults' and name =~ '${vaultName}'\n| project name, resourceGroup, subscriptionId, location`;
    return `${PORTAL_HOSTS[cloud]}/#blade/HubsExtension/ArgQueryBlade/query/${encodeURIComponent(query)}`;
}

// EXTERNAL MODULE: ./src/engine/vault-url.ts
var vault_url = __webpack_require__(4414);
// EXTERNAL MODULE: ./src/engine/sources/source-entry.ts
var source_entry = __webpack_require__(1327);
;// CONCATENATED MODULE: ./src/action/summary.ts






// The order a reader needs them in: problems, then what is lost, then what is new or changed.
const ATTENTION_ORDER = ["failed", "deleted", "created", "updated", "recovered", "unchanged", "skipped"];
const CHANGES = ["created", "updated", "recovered"];
const FOLDED = ["unchanged", "skipped"];
// More names than this in a sentence stop being read; the table below it lists them all.
const NAMES_IN_TEXT = 20;
// GitHub refuses a step summary over 1 MiB; four tables of this many rows, and this many fixes
// (each names a few commands), stay well under it.
const MAX_TABLE_ROWS = 500;
const MAX_FIXES = 20;
const DRY_RUN_STATUS = {
    created: "would create",
    updated: "would update",
    recovered: "would recover",
    deleted: "would delete",
};
function describeStatus(status, dryRun) {
    return (dryRun ? DRY_RUN_STATUS[status] : undefined) ?? status;
}
/** The summary of a run that got as far as a plan; `sorted` is in Key Vault name order. */
function renderSummary(sorted, counts, context) {
    const dryRun = context.dryRun ?? false;
    const lines = [renderHeading(context), "", renderOutcome(counts, dryRun), "", ...renderContext(context), ""];
    for (const note of context.notes)
        lines.push(...(0,markdown/* alert */.xE)("NOTE", [(0,markdown/* escapeWithCode */.HY)(note)]), "");
    if (sorted.length === 0)
        return [...lines, "No secrets in the sources.", ""].join("\n");
    lines.push(...renderFailures(sorted.filter((result) => result.status === "failed"), context));
    lines.push(...renderDeletes(sorted.filter((result) => result.status === "deleted"), context));
    const changed = CHANGES.flatMap((status) => sorted.filter((result) => result.status === status));
    if (changed.length > 0) {
        lines.push(`### ${dryRun ? "Would change" : "Changed"} (${changed.length})`, "");
        lines.push(...limitedTable(["Key Vault name", "Source", "Result", "Reason"], changed, (result) => renderRow(result, context)), "");
    }
    const folded = FOLDED.flatMap((status) => sorted.filter((result) => result.status === status));
    if (folded.length > 0) {
        const label = FOLDED.filter((status) => counts[status] > 0)
            .map((status) => `${status} (${counts[status]})`)
            .join(", ");
        // Blank lines around the table make GitHub parse it as Markdown inside the HTML element.
        lines.push("<details>", `<summary>${capitalise(label)}</summary>`, "");
        lines.push(...limitedTable(["Key Vault name", "Source", "Result", "Reason"], folded, (result) => renderRow(result, context)), "", "</details>", "");
    }
    return lines.join("\n");
}
/** The summary of a run that stopped before it had a plan (bad input, sign-in failure). */
function renderFailureSummary(message, hint, context) {
    const lines = [renderHeading(context), ""];
    lines.push(...(0,markdown/* alert */.xE)("CAUTION", [`**No secret was synced.** ${(0,markdown/* escapeWithCode */.HY)(message)}`]), "");
    lines.push(...renderContext(context), "");
    for (const note of context.notes)
        lines.push(...(0,markdown/* alert */.xE)("NOTE", [(0,markdown/* escapeWithCode */.HY)(note)]), "");
    if (hint)
        lines.push("### How to fix it", "", ...renderFix(hint));
    return lines.join("\n");
}
/** Names the vault and prefix, so two uses of the action in one job are told apart. */
function renderHeading(context) {
    if (context.vaultUrl === undefined)
        return "## Key Vault Sync";
    const prefix = context.settings?.prefix ? `, prefix ${(0,markdown/* codeSpan */.SS)(context.settings.prefix)}` : "";
    return `## Key Vault Sync: ${(0,markdown/* codeSpan */.SS)((0,vault_url/* readVaultName */.O)(context.vaultUrl))}${prefix}${context.dryRun ? " (dry run)" : ""}`;
}
function renderOutcome(counts, dryRun) {
    const parts = ATTENTION_ORDER.filter((status) => counts[status] > 0).map((status) => `${counts[status]} ${describeStatus(status, dryRun)}`);
    if (parts.length === 0)
        return "**Nothing to sync.**";
    const [first = "", ...rest] = parts;
    return [counts.failed > 0 ? `**${first}**` : first, ...rest].join(" · ");
}
function renderContext(context) {
    const lines = [];
    if (context.vaultUrl !== undefined) {
        const name = (0,vault_url/* readVaultName */.O)(context.vaultUrl);
        const cloud = (0,clouds/* findCloudByVaultHost */.i0)(new URL(context.vaultUrl).hostname)?.name ?? "public";
        lines.push(`- **Vault:** ${(0,markdown/* link */.nf)((0,markdown/* escapeMarkdown */.FV)(name), linkVaultInPortal(cloud, name))} in the Azure portal · ${(0,markdown/* codeSpan */.SS)(context.vaultUrl)}`);
    }
    if (context.dryRun !== undefined) {
        const why = context.dryRunReason ? ` (${(0,markdown/* escapeMarkdown */.FV)(context.dryRunReason)})` : "";
        lines.push(context.dryRun ? `- **Dry run:** nothing was written to the vault${why}` : `- **Mode:** sync, writing to the vault${why}`);
    }
    const settings = context.settings;
    if (settings !== undefined) {
        const prefix = settings.prefix ? (0,markdown/* codeSpan */.SS)(settings.prefix) : "none";
        const onOff = (on) => (on ? "on" : "off");
        lines.push(`- **Scope:** owner ${(0,markdown/* codeSpan */.SS)(settings.owner)} · prefix ${prefix} · prune ${onOff(settings.prune)} · adopt ${onOff(settings.adopt)}`);
    }
    const links = context.links;
    if (links !== undefined)
        lines.push(`- **Commit:** ${(0,markdown/* link */.nf)((0,markdown/* codeSpan */.SS)(links.sha.slice(0, 7)), linkCommit(links))} in ${(0,markdown/* escapeMarkdown */.FV)(links.repository)}`);
    return lines;
}
function renderFailures(failed, context) {
    if (failed.length === 0)
        return [];
    // One fix per distinct hint, numbered in the order of the first secret it applies to.
    const fixes = new Map();
    for (const result of failed)
        if (result.hint)
            fixes.set(result.hint, [...(fixes.get(result.hint) ?? []), result]);
    const fixNumber = new Map([...fixes.keys()].map((hint, index) => [hint, index + 1]));
    // The reason says what failed ("Failed to set secret …"), so no column repeats the action.
    const header = ["Key Vault name", "Source", "Reason", ...(fixes.size > 0 ? ["Fix"] : [])];
    const renderFailed = (result) => {
        const fix = fixes.size > 0 ? [result.hint ? String(fixNumber.get(result.hint)) : "–"] : [];
        return [(0,markdown/* escapeCell */.kq)(result.name), renderSource(result, context), (0,markdown/* escapeCell */.kq)(result.reason), ...fix];
    };
    const lines = [`### Failed (${failed.length})`, "", ...limitedTable(header, failed, renderFailed), ""];
    if (fixes.size === 0)
        return lines;
    lines.push(`### How to fix ${fixes.size === 1 ? "it" : "them"}`, "");
    for (const [hint, results] of [...fixes].slice(0, MAX_FIXES)) {
        const names = formatNames(results.map((result) => result.name));
        lines.push(`**Fix ${fixNumber.get(hint)}**, for ${results.length === 1 ? "" : `${results.length} secrets: `}${names}`, "", ...renderFix(hint));
    }
    if (fixes.size > MAX_FIXES)
        lines.push(`${fixes.size - MAX_FIXES} more fixes not shown here; the log lists each failure with its fix.`, "");
    return lines;
}
function renderDeletes(deleted, context) {
    if (deleted.length === 0)
        return [];
    const vault = context.vaultUrl === undefined ? "the vault" : (0,markdown/* codeSpan */.SS)((0,vault_url/* readVaultName */.O)(context.vaultUrl));
    const secrets = deleted.length === 1 ? "1 secret" : `${deleted.length} secrets`;
    const names = formatNames(deleted.map((result) => result.name));
    const callout = context.dryRun
        ? [`**This plan deletes ${secrets}** from ${vault}: ${names}.`, "", "A sync with these sources and settings would delete them (prune)."]
        : [
            `**Deleted ${secrets}** from ${vault}: ${names}.`,
            "",
            "On a vault with soft delete (the default), they can be recovered until they are purged.",
        ];
    return [
        `### ${context.dryRun ? "Would delete" : "Deleted"} (${deleted.length})`,
        "",
        ...(0,markdown/* alert */.xE)("WARNING", callout),
        "",
        ...limitedTable(["Key Vault name", "Reason"], deleted, (result) => [(0,markdown/* escapeCell */.kq)(result.name), (0,markdown/* escapeCell */.kq)(result.reason)]),
        "",
    ];
}
function renderRow(result, context) {
    return [
        (0,markdown/* escapeCell */.kq)(result.name),
        renderSource(result, context),
        describeStatus(result.status, context.dryRun ?? false),
        (0,markdown/* escapeCell */.kq)(result.reason),
    ];
}
/** The source key, and for file-backed entries the file and line, linked at the commit when known. */
function renderSource(result, context) {
    if (result.source === undefined)
        return "–";
    const source = (0,markdown/* escapeCell */.kq)(result.source);
    const location = (0,source_entry/* locateOrigin */.h)(result.origin);
    if (location === undefined)
        return source;
    const { file, line } = location;
    const label = (0,markdown/* escapeCell */.kq)(`${file}:${line}`);
    const url = context.links === undefined ? undefined : linkFileLine(context.links, file, line);
    return url === undefined ? `${source} (${label})` : `${source} (${(0,markdown/* link */.nf)(label, url)})`;
}
/**
 * A hint as prose, each line a paragraph, and each command it names in its own copyable,
 * wrapped code block right after the paragraph that mentions it.
 */
function renderFix(hint) {
    const parts = splitHint(hint);
    const commandCount = parts.filter((part) => part.kind === "command").length;
    const lines = [];
    let paragraph = [];
    let commands = [];
    let counted = 0;
    const endParagraph = () => {
        const text = paragraph.join("").trim();
        if (text !== "" && !/^[.,;:)]$/.test(text))
            lines.push(text, "");
        for (const command of commands)
            lines.push((0,markdown/* fence */.EU)(wrapCommand(command), "sh"), "");
        paragraph = [];
        commands = [];
    };
    for (const part of parts) {
        if (part.kind === "code")
            paragraph.push((0,markdown/* codeSpan */.SS)(part.text));
        else if (part.kind === "command") {
            counted += 1;
            commands.push(part.text);
            // A command alone on its line needs no pointer; one inside a sentence gets one.
            if (paragraph.join("").trim() !== "")
                paragraph.push(commandCount === 1 ? "the command below" : `command ${counted} below`);
        }
        else {
            part.text.split("\n").forEach((line, index) => {
                if (index > 0)
                    endParagraph();
                // Leading spaces (indented commands) would make a paragraph a code block; inner ones stay.
                paragraph.push((0,markdown/* escapeMarkdown */.FV)(paragraph.length === 0 ? line.trimStart() : line));
            });
        }
    }
    endParagraph();
    return lines;
}
/**
 * A table of at most MAX_TABLE_ROWS rows, and a line saying where the rest are. Only the rows
 * shown are rendered: escaping every cell of a sync of thousands only to drop them cost more
 * memory than the rest of the report.
 */
function limitedTable(header, items, render) {
    const rows = items.slice(0, MAX_TABLE_ROWS).map(render);
    if (items.length <= MAX_TABLE_ROWS)
        return (0,markdown/* table */.tp)(header, rows);
    const rest = items.length - MAX_TABLE_ROWS;
    return [
        ...(0,markdown/* table */.tp)(header, rows),
        "",
        `${rest} more not shown here (a job summary is limited in size); the log and the \`plan\` output list every secret.`,
    ];
}
function formatNames(names) {
    const shown = names.slice(0, NAMES_IN_TEXT).map(markdown/* escapeMarkdown */.FV).join(", ");
    return names.length > NAMES_IN_TEXT ? `${shown} and ${names.length - NAMES_IN_TEXT} more` : shown;
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: ./src/engine/secret-names.ts
var secret_names = __webpack_require__(2757);
;// CONCATENATED MODULE: ./src/action/report.ts




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
    const sorted = [...results].sort(secret_names/* compareBySecretName */.Y);
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
    const summary = renderSummary(sorted, counts, {
        vaultUrl: context.vaultUrl,
        dryRun: context.dryRun,
        dryRunReason: context.dryRunReason,
        notes: context.notes,
        settings: context.settings,
        links: context.links,
    });
    await writeSummary(summary, io);
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
            title: status === "failed" ? `Failed to ${dryRun ? "plan" : "sync"} ${describeSource(result)}` : `Skipped ${describeSource(result)}`,
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
function describeSource(result) {
    return result.source === undefined ? result.name : result.source;
}
function locate(result) {
    const location = (0,source_entry/* locateOrigin */.h)(result.origin);
    return location === undefined ? {} : { file: location.file, startLine: location.line };
}
/** A run that failed before it had a plan (bad input, sign-in failure) still explains itself in the summary. */
async function writeFailureSummary(error, context, io) {
    const hint = error instanceof errors/* SyncError */.S0 ? error.hint : undefined;
    const summary = renderFailureSummary((0,errors/* errorMessage */.gJ)(error), hint, {
        vaultUrl: context.vaultUrl,
        dryRun: context.dryRun,
        dryRunReason: context.dryRunReason,
        notes: context.notes ?? [],
        settings: context.settings,
        links: context.links,
    });
    await writeSummary(summary, io);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/engine/sources/env-file-access.ts



/** A path the rules refuse; `rule` says which rule, without any of the file's content. */
class FileRefusedError extends Error {
    rule;
    constructor(rule) {
        super(rule);
        this.name = "FileRefusedError";
        this.rule = rule;
    }
}
/** Kernel and device file systems: never a dotenv file, whatever the roots. */
const SPECIAL_ROOTS = ["/proc", "/sys", "/dev"];
/** The roots from the runner's environment, falling back to the working directory. */
function listFileRoots(env, cwd) {
    const workspace = env["GITHUB_WORKSPACE"]?.trim();
    const temp = env["RUNNER_TEMP"]?.trim();
    return { workspace: workspace === undefined || workspace === "" ? cwd : workspace, temp: temp === "" ? undefined : temp };
}
/**
 * Reads a file's bytes if the rules allow it; throws FileRefusedError otherwise, or the file
 * system's own error (with its `code`) when the path cannot be resolved or read.
 */
async function readEnvFile(path, roots) {
    const real = await (0,promises_.realpath)(path);
    if (SPECIAL_ROOTS.some((root) => isInside(real, root))) {
        throw new FileRefusedError("resolves into /proc, /sys or /dev; env-file reads only regular files in the workspace or RUNNER_TEMP");
    }
    const allowed = await resolveRoots(roots);
    if (!allowed.some((root) => isInside(real, root))) {
        const where = roots.described ?? "the workspace (GITHUB_WORKSPACE) and the runner's temporary directory (RUNNER_TEMP)";
        throw new FileRefusedError(`resolves (after following symlinks) to a file outside ${where}; env-file reads only files inside them`);
    }
    // O_NONBLOCK: opening a FIFO must not hang the step; O_NOFOLLOW: the resolved path must not
    // have become a symlink since. The type is checked on the open handle, not on the path.
    const handle = await (0,promises_.open)(real, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw new FileRefusedError("is not a regular file (a directory, device, pipe or socket); env-file reads only regular files");
        return new Uint8Array(await handle.readFile());
    }
    finally {
        await handle.close();
    }
}
async function resolveRoots(roots) {
    const candidates = [roots.workspace, roots.temp].filter((root) => root !== undefined);
    const resolved = await Promise.all(candidates.map((root) => (0,promises_.realpath)(root).catch(() => undefined)));
    return resolved.filter((root) => root !== undefined && !SPECIAL_ROOTS.some((special) => isInside(root, special)));
}
/** Whether `path` is `root` itself or below it (both absolute and resolved). */
function isInside(path, root) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === "" || (!(0,external_node_path_.isAbsolute)(rel) && rel !== ".." && !rel.startsWith(`..${external_node_path_.sep}`));
}

// EXTERNAL MODULE: ./src/engine/vault/vault-errors.ts + 1 modules
var vault_errors = __webpack_require__(5314);
// EXTERNAL MODULE: ./src/engine/tags.ts
var engine_tags = __webpack_require__(2225);
;// CONCATENATED MODULE: ./src/engine/compare-secret.ts

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
    if ((0,engine_tags/* readOwnership */.m9)(current.tags, scope.owner).kind !== "ours")
        changed.push("ownership tags");
    if (current.tags[engine_tags/* PREFIX_TAG */.OH] !== (scope.prefix === "" ? undefined : scope.prefix))
        changed.push("prefix tag");
    if (!sameTags((0,engine_tags/* selectUserTags */.Jz)(current.tags), metadata.tags))
        changed.push("tags");
    // An empty content type is no content type: comparing "" with a missing one would churn.
    const wanted = metadata.contentType || undefined;
    const stored = current.contentType || undefined;
    const contentTypeRemoved = wanted === undefined && stored !== undefined;
    if (stored !== wanted)
        changed.push(contentTypeRemoved ? "content type removed" : "content type");
    if (metadata.expiresInSeconds !== undefined && current.expiresOn === undefined)
        changed.push("expiry");
    if (metadata.enabled === false && current.enabled !== false)
        changed.push("disabled");
    return changed.length === 0 ? { kind: "same" } : { kind: "metadata", changed, newVersion: contentTypeRemoved };
}

;// CONCATENATED MODULE: ./src/engine/ownership.ts
/**
 * The one rule that decides whether this run may write a secret: reading the vault (which values
 * to fetch), planning (existing and soft-deleted names), applying (a recover that met someone
 * else's version) and pruning all ask here. Pure.
 */

/** May a run of `owner` (adopting or not) write over a version that carries `tags`? */
function decideWrite(tags, owner, adopt) {
    const ownership = (0,engine_tags/* readOwnership */.m9)(tags, owner);
    if (ownership.kind === "ours")
        return { kind: "allowed", adopting: false };
    if (ownership.kind === "other-owner")
        return { kind: "refused", reason: "other-owner", owner: ownership.owner };
    return adopt ? { kind: "allowed", adopting: true } : { kind: "refused", reason: "not-adopted" };
}
/**
 * May a run of `owner` under `prefix` delete this version as stale? Only its own set: this
 * owner's version synced under exactly this prefix. Adopt never extends to deletes.
 */
function mayPrune(tags, owner, prefix) {
    return (0,engine_tags/* readOwnership */.m9)(tags, owner).kind === "ours" && (0,engine_tags/* isSamePrefix */.ZF)((0,engine_tags/* readPrefix */.fr)(tags), prefix);
}

;// CONCATENATED MODULE: ./src/engine/rules/duration.ts
/**
 * Durations as the inputs and the rules write them: a positive whole number and one unit, m
 * (minutes), h (hours), d (days) or w (weeks). No months or years: their length varies.
 */
const UNIT_SECONDS = {
    m: 60,
    h: 60 * 60,
    d: 24 * 60 * 60,
    w: 7 * 24 * 60 * 60,
};
/** A secret that expires a century from now does not need an expiry date. */
const MAX_DURATION_SECONDS = 100 * 365 * 24 * 60 * 60;
const DURATION_RULE = "must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d";
function parseDuration(text) {
    const match = /^([0-9]{1,12})([a-z])$/.exec(text);
    const unit = match ? UNIT_SECONDS[match[2]] : undefined;
    const amount = match ? Number(match[1]) : 0;
    if (!match || unit === undefined || amount === 0)
        return { ok: false, rule: DURATION_RULE };
    const seconds = amount * unit;
    if (seconds > MAX_DURATION_SECONDS)
        return { ok: false, rule: "must be at most 100 years (36500d)" };
    return { ok: true, seconds };
}
/** "14d", "36h", "90m": the largest unit that divides the duration. */
function formatDuration(seconds) {
    for (const [unit, size] of Object.entries(UNIT_SECONDS).reverse()) {
        if (seconds % size === 0)
            return `${seconds / size}${unit}`;
    }
    return `${seconds}s`;
}

;// CONCATENATED MODULE: ./src/engine/rules/renewal.ts
/**
 * When a secret's expiry needs renewing (issue 11). Inside the renewal window a PATCH cannot
 * help: a maximum-validity policy counts from the version's creation, so only a new version
 * (same value, fresh expiry) restarts the clock. Pure.
 */

function formatDate(date) {
    return date.toISOString().slice(0, 10);
}
/** Why the latest version needs a fresh expiry, or undefined when it does not. */
function findRenewal(expiresOn, settings, now) {
    const window = settings.renewBeforeSeconds;
    if (window === undefined || settings.expiresInSeconds === undefined || expiresOn === undefined)
        return undefined;
    if (expiresOn.getTime() - now.getTime() > window * 1000)
        return undefined;
    const when = expiresOn.getTime() <= now.getTime() ? "expired on" : "expires on";
    return `${when} ${formatDate(expiresOn)}, within renew-before (${formatDuration(window)})`;
}

;// CONCATENATED MODULE: ./src/engine/plan-secret.ts





/** A copy whose value does not show up in JSON, logs or inspection of the plan. */
function hideValue(secret) {
    const copy = { source: secret.source, name: secret.name, origin: secret.origin };
    if (secret.metadata !== undefined)
        copy.metadata = secret.metadata;
    Object.defineProperty(copy, "value", { value: secret.value, enumerable: false });
    return copy;
}
function plan_secret_formatDate(date) {
    return date === undefined ? "an unknown date" : date.toISOString().slice(0, 10);
}
function baseFor(secret, reason) {
    return { source: secret.source, name: secret.name, reason, origin: secret.origin };
}
/** An item that writes nothing. */
function itemFor(secret, action, reason, extra = {}) {
    return { ...baseFor(secret, reason), action, ...extra };
}
/** Said on every write to a secret of this owner that another prefix's run synced last. */
function describeOtherPrefix(tags, prefix) {
    const stored = (0,engine_tags/* readPrefix */.fr)(tags);
    if ((0,engine_tags/* isSamePrefix */.ZF)(stored, prefix))
        return "";
    return stored === "" ? "; was synced without a prefix" : `; was synced under prefix '${stored}'`;
}
function planExisting(secret, existing, context) {
    const { owner, prefix, adopt } = context.options;
    const metadata = secret.metadata ?? context.options.metadata;
    const stored = existing.name === secret.name ? "" : ` (stored as '${existing.name}'; Key Vault names are case-insensitive)`;
    if (existing.managed) {
        return itemFor(secret, "skip", `certificate-backed secret: its lifetime is managed by Key Vault, so keyvault-sync never writes it${stored}`);
    }
    // Rules hook (issue 11): set once, then rotated elsewhere; nothing about it is compared or written.
    if (metadata.update === "create-only")
        return itemFor(secret, "unchanged", `create-only: left as it is${stored}`);
    const rule = decideWrite(existing.tags, owner, adopt);
    if (rule.kind === "refused" && rule.reason === "other-owner") {
        return itemFor(secret, "fail", `managed by keyvault-sync for another owner ('${rule.owner}'); this run's owner is '${owner}'${stored}`, {
            hint: "Another owner's secrets are never changed, not even with 'adopt'. Use the same 'owner' input in both workflows, or sync under different names (e.g. with 'prefix').",
        });
    }
    let adopting = "";
    if (rule.kind === "refused" || rule.adopting) {
        const drifted = existing.history?.kind === "owned-before";
        const why = drifted
            ? `drifted: the latest version was written outside keyvault-sync on ${plan_secret_formatDate(existing.createdOn ?? existing.updatedOn)}; an older version was written by this owner`
            : "exists in the vault but was not created by keyvault-sync";
        if (rule.kind === "refused") {
            return itemFor(secret, "fail", `${why}${stored}`, {
                hint: drifted
                    ? "Check who changed it. Set 'adopt: true' to overwrite it with the value from the sources, or remove it from the sources."
                    : "Set 'adopt: true' to take it over (its versions then carry this owner's tags), or remove it from the sources.",
            });
        }
        adopting = drifted ? `adopting a drifted secret (${why}): ` : "adopting a secret not created by keyvault-sync: ";
    }
    // Every write below ends with this: where the secret was stored, and which set it came from.
    const written = `${adopting === "" ? describeOtherPrefix(existing.tags, prefix) : ""}${stored}`;
    if (!existing.enabled && metadata.enabled === false) {
        const why = "the value of a disabled secret cannot be read, so it was not compared";
        return itemFor(secret, "unchanged", `disabled, as its rule asks (${why})${stored}`);
    }
    if (!existing.enabled) {
        return itemFor(secret, "fail", `disabled in the vault; keyvault-sync does not write or re-enable disabled secrets${stored}`, {
            hint: `Enable it (az keyvault secret set-attributes --vault-name ${context.vaultName} --name ${existing.name} --enabled true) or remove it from the sources.`,
        });
    }
    const hidden = hideValue(secret);
    const setNewVersion = { kind: "set", secret: hidden };
    if (existing.value.kind === "failed") {
        const failure = existing.value.failure;
        // Missing read permission (e.g. Key Vault Reader): a write may still be allowed, and it says so.
        if ((0,vault_errors/* isAccessDenied */.w7)(failure.kind)) {
            return {
                ...baseFor(secret, `${adopting}value not compared (${failure.message}): new version${written}`),
                action: "update",
                change: setNewVersion,
            };
        }
        return itemFor(secret, "fail", `${adopting}could not read the current value: ${failure.message}${stored}`, { hint: failure.hint });
    }
    if (existing.value.kind === "not-read") {
        return {
            ...baseFor(secret, `${adopting}value not compared (not read): new version${written}`),
            action: "update",
            change: setNewVersion,
        };
    }
    const comparison = compareSecret(secret.value, { ...existing, value: existing.value.value }, { owner, prefix }, metadata);
    // Rules hook (issue 11): an expiry inside renew-before gets a new version; a value change already makes one.
    const renewal = findRenewal(existing.expiresOn, metadata, context.options.now);
    if (renewal !== undefined && comparison.kind !== "value") {
        const reason = `${adopting}${renewal}: new version with the same value and a fresh expiry${written}`;
        return { ...baseFor(secret, reason), action: "update", change: setNewVersion };
    }
    if (comparison.kind === "same")
        return itemFor(secret, "unchanged", `value and metadata match${stored}`);
    if (comparison.kind === "value")
        return { ...baseFor(secret, `${adopting}value changed: new version${written}`), action: "update", change: setNewVersion };
    const what = comparison.changed.join(", ");
    if (comparison.newVersion || existing.version === undefined) {
        return {
            ...baseFor(secret, `${adopting}metadata only (${what}): new version with the same value${written}`),
            action: "update",
            change: setNewVersion,
        };
    }
    return {
        ...baseFor(secret, `${adopting}metadata only (${what}): properties updated, no new version${written}`),
        action: "update",
        change: { kind: "patch", secret: hidden, storedName: existing.name, version: existing.version, currentExpiresOn: existing.expiresOn },
    };
}
/** A desired name that is soft-deleted: recover it if it is ours (or adoptable), else fail. */
function planSoftDeleted(secret, deleted, rules) {
    const { owner, adopt } = rules;
    const when = plan_secret_formatDate(deleted.deletedOn);
    const manualHint = `Recover it (az keyvault secret recover --vault-name ${rules.vaultName} --name ${deleted.name}) or purge it by hand; keyvault-sync never purges.`;
    if (deleted.managed) {
        return itemFor(secret, "fail", `soft-deleted certificate-backed secret (deleted ${when}); keyvault-sync never writes certificate-backed secrets`, {
            hint: "Recover the certificate, or sync under another name.",
        });
    }
    if (secret.metadata?.update === "create-only") {
        const reason = `create-only: soft-deleted on ${when}; keyvault-sync does not recover a create-only secret, whose value is kept elsewhere`;
        return itemFor(secret, "fail", reason, { hint: manualHint });
    }
    const rule = decideWrite(deleted.tags, owner, adopt);
    const recover = { kind: "recover", secret: hideValue(secret), storedName: deleted.name, adopt };
    if (rule.kind === "allowed" && !rule.adopting) {
        return {
            ...baseFor(secret, `soft-deleted on ${when}: will be recovered, then its value and metadata brought up to date`),
            action: "recover",
            change: recover,
        };
    }
    if (rule.kind === "allowed") {
        return {
            ...baseFor(secret, `adopting a soft-deleted secret not created by keyvault-sync (deleted ${when}): will be recovered, then brought up to date`),
            action: "recover",
            change: recover,
        };
    }
    if (rule.reason === "other-owner") {
        return itemFor(secret, "fail", `soft-deleted on ${when}; it was managed by keyvault-sync for another owner ('${rule.owner}')`, {
            hint: `${manualHint} Another owner's secrets are never recovered or adopted.`,
        });
    }
    return itemFor(secret, "fail", `soft-deleted on ${when} and not created by keyvault-sync; its name cannot be reused until it is recovered or purged`, {
        hint: `${manualHint} Or set 'adopt: true' to recover it and take it over.`,
    });
}

// EXTERNAL MODULE: ./src/engine/limiter.ts
var limiter = __webpack_require__(1482);
;// CONCATENATED MODULE: ./src/engine/apply.ts
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
function settingsOf(secret, context) {
    return secret.metadata ?? context.metadata;
}
function offset(now, seconds) {
    return seconds === undefined ? undefined : new Date(now.getTime() + seconds * 1000);
}
/** Every version this run writes for one secret carries the same tags and expiry. */
function buildWrite(secret, context) {
    const metadata = settingsOf(secret, context);
    const write = {
        value: secret.value,
        contentType: metadata.contentType || undefined,
        tags: (0,engine_tags/* buildTags */.m5)(context.scope, metadata.tags, context.audit),
        expiresOn: offset(context.now, metadata.expiresInSeconds),
    };
    if (metadata.notBeforeSeconds !== undefined)
        write.notBefore = offset(context.now, metadata.notBeforeSeconds);
    if (metadata.enabled === false)
        write.enabled = false;
    return write;
}
/** A PATCH keeps an expiry the version already has (no churn) and adds one when it has none. */
function buildUpdate(secret, currentExpiry, context) {
    const metadata = settingsOf(secret, context);
    const update = {
        contentType: metadata.contentType || undefined,
        tags: (0,engine_tags/* buildTags */.m5)(context.scope, metadata.tags, context.audit),
        expiresOn: currentExpiry === undefined ? offset(context.now, metadata.expiresInSeconds) : undefined,
    };
    if (metadata.enabled === false)
        update.enabled = false;
    return update;
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
    const rule = decideWrite(tags, owner, change.adopt);
    if (rule.kind === "allowed")
        return undefined;
    const whose = rule.reason === "other-owner" ? `managed by keyvault-sync for another owner ('${rule.owner}')` : "written outside keyvault-sync";
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
        const comparison = compareSecret(change.secret.value, { ...current.properties, value: current.value }, context.scope, settingsOf(change.secret, context));
        if (comparison.kind === "same")
            return resultFromItem(item, "recovered", "recovered; value and metadata already match");
        if (comparison.kind === "metadata" && !comparison.newVersion && current.properties.version !== undefined) {
            await vault.updateProperties(current.properties.name, current.properties.version, buildUpdate(change.secret, current.properties.expiresOn, context));
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
    const decision = planSoftDeleted(change.secret, deleted, { ...rules, vaultName: (0,vault_url/* readVaultName */.O)(vault.vaultUrl) });
    const found = "found soft-deleted at write time";
    if (decision.action !== "recover") {
        const result = resultFromItem(item, "failed", `${found}: ${decision.reason}`);
        if (decision.hint !== undefined)
            result.hint = decision.hint;
        return result;
    }
    const result = await recoverThenWrite(item, decision.change, vault, context);
    return { ...result, reason: `${found}; ${result.reason}` };
}
/**
 * Key Vault has no conditional create: two owners that both planned to create a new name both
 * write, and the name then holds both owners' versions. After a create, every version must be
 * this owner's. Of two racing runs the later one always sees the other's version, so at least
 * one of them reports the race, whichever order the writes and the checks take.
 */
async function checkCreateRace(item, name, vault, owner) {
    let versions;
    try {
        versions = await vault.listVersions(name);
    }
    catch (error) {
        return failedResult(item, error, `created, but could not confirm that no other writer created '${name}' at the same time: `);
    }
    // Without adopt, the write rule refuses exactly the versions that are not this owner's.
    const others = versions
        .map((version) => decideWrite(version.tags, owner, false))
        .filter((rule) => rule.kind === "refused");
    if (others.length === 0)
        return undefined;
    const owners = [
        ...new Set(others.map((rule) => (rule.reason === "other-owner" ? `owner '${rule.owner}'` : "a writer outside keyvault-sync"))),
    ];
    const result = resultFromItem(item, "failed", `conflict: created, but ${owners.join(" and ")} created '${name}' at the same time; it now holds ${others.length} ${others.length === 1 ? "version" : "versions"} besides this owner's (Key Vault has no conditional create)`);
    result.hint = `Two writers sync '${name}' into one vault: give each its own prefix or vault, then check which value '${name}' should hold and run the sync again.`;
    return result;
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
            if (item.action === "create")
                return (await checkCreateRace(item, change.secret.name, vault, context.scope.owner)) ?? resultFromItem(item, "created");
            return resultFromItem(item, "updated");
        case "patch":
            await vault.updateProperties(change.storedName, change.version, buildUpdate(change.secret, change.currentExpiresOn, context));
            return resultFromItem(item, "updated");
        case "delete":
            await vault.deleteSecret(change.storedName);
            return resultFromItem(item, "deleted");
        case "recover":
            return recoverThenWrite(item, change, vault, context);
    }
}
async function applyItem(item, vault, context) {
    if (item.change === undefined)
        return resultFromItem(item, PREDICTED_STATUS[item.action]);
    try {
        return await applyChange(item, item.change, vault, context);
    }
    catch (error) {
        return failedResult(item, error);
    }
}
/** A dry run: the outcome each item has when it works, without a single Key Vault call. */
function predictResults(plan) {
    return plan.items.map((item) => resultFromItem(item, PREDICTED_STATUS[item.action]));
}
/** One result per plan item, in the plan's order. */
async function applyPlan(plan, vault, options) {
    // Owner, prefix and metadata come from the plan: what is written is what was compared.
    const context = { scope: plan.scope, metadata: plan.metadata, audit: options.audit, now: options.now };
    return (0,limiter/* mapWithConcurrency */.WS)(plan.items, options.concurrency, async (item) => {
        const result = await applyItem(item, vault, context);
        options.onResult?.(result);
        return result;
    });
}

// EXTERNAL MODULE: ./src/engine/naming.ts
var engine_naming = __webpack_require__(5880);
;// CONCATENATED MODULE: ./src/engine/plan-prune.ts

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
        const candidate = !existing.managed && mayPrune(existing.tags, owner, prefix) && key.startsWith(prefix.toLowerCase()) && !targeted.has(key);
        if (!candidate)
            continue;
        const rejection = heldBack.get(key);
        const base = { source: undefined, name: existing.name, origin: undefined };
        if (rejection !== undefined) {
            const outcome = rejection.status === "failed" ? "failed" : "was skipped";
            items.push({
                ...base,
                source: rejection.source,
                origin: rejection.origin,
                action: "skip",
                reason: `not pruned: source entry '${rejection.source}' still maps to this name but ${outcome} this run`,
            });
        }
        else if (failedEntries > 0) {
            items.push({
                ...base,
                action: "skip",
                reason: `not pruned: ${failedEntries} source ${failedEntries === 1 ? "entry" : "entries"} failed this run, and pruning waits for a clean run so an input mistake never deletes secrets`,
            });
        }
        else if (input.desired.length === 0) {
            items.push({
                ...base,
                action: "skip",
                reason: "not pruned: the sources produced no secrets this run, and keyvault-sync refuses to delete every secret it manages",
            });
        }
        else {
            const days = existing.recoverableDays === undefined ? "" : ` for ${existing.recoverableDays} days`;
            items.push({
                ...base,
                action: "delete",
                reason: `no longer in the sources: soft delete (recoverable${days})`,
                change: { kind: "delete", storedName: existing.name },
            });
        }
    }
    return items;
}

;// CONCATENATED MODULE: ./src/engine/plan.ts




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
        return { items: items.sort(secret_names/* compareBySecretName */.Y), offline: true, ...decidedAgainst(input.options) };
    }
    const context = { options: input.options, vaultName: (0,vault_url/* readVaultName */.O)(state.vaultUrl) };
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
            items.push({
                ...baseFor(secret, createReason),
                action: "create",
                change: { kind: "set", secret: hideValue(secret), whenSoftDeleted },
            });
        }
    }
    if (input.options.prune)
        items.push(...planPrune(input, state));
    return { items: items.sort(secret_names/* compareBySecretName */.Y), offline: false, ...decidedAgainst(input.options) };
}

;// CONCATENATED MODULE: ./src/engine/progress.ts
const PROGRESS_INTERVAL_MS = 5_000;
const count = new Intl.NumberFormat("en-US");
/**
 * Returns the callback apply calls after each item. It logs when at least `intervalMs` passed
 * since the start or the last line, and never for the last item: the report follows it.
 */
function createApplyProgress(options) {
    const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
    let lastLine = options.now();
    let done = 0;
    let failed = 0;
    return (result) => {
        done += 1;
        if (result.status === "failed")
            failed += 1;
        const now = options.now();
        if (done >= options.total || now - lastLine < interval)
            return;
        lastLine = now;
        options.log(`Applied ${count.format(done)} of ${count.format(options.total)} (${count.format(failed)} failed) …`);
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/engine/globs.ts
var globs = __webpack_require__(1761);
;// CONCATENATED MODULE: ./src/engine/rules/parse-rules.ts
/**
 * Reads per-secret rules from YAML (the `rules` input or the `rules-file`): a mapping from a
 * source name or glob pattern to the settings of the secrets it matches. Pure: text in, rules
 * and problems out. Problems name where (the input or file, the line) and the key, never a value:
 * a rules file holds no secret, but what is written there is the user's to read, not the log's.
 *
 * ```yaml
 * "*":            { content-type: text/plain, expires-in: 90d, renew-before: 14d }
 * DATABASE_URL:   { name: db-url, tags: { team: data } }
 * "STRIPE_*":     { update: create-only }
 * ```
 */




const RULE_KEYS = ["name", "content-type", "tags", "expires-in", "not-before", "enabled", "renew-before", "update"];
function describeProblem(problem) {
    const key = problem.key === undefined ? "" : `, key '${problem.key}'`;
    return `${problem.place.origin} line ${problem.place.line}${key}: ${problem.rule}`;
}
const MAX_CONTENT_TYPE_LENGTH = 255;
const VAULT_NAME_CHARS = /^[0-9A-Za-z-]+$/;
function lineOf(reader, node) {
    const offset = node?.range?.[0] ?? 0;
    return reader.lines.linePos(offset).line;
}
function problem(reader, node, key, rule) {
    reader.problems.push({ place: { origin: reader.origin, line: lineOf(reader, node) }, key, rule });
}
/** A scalar's text; numbers and booleans are accepted where text is expected (`team: 42`). */
function readText(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    const value = node.value;
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}
/** Parses one YAML text. `origin` names it in problems: "input 'rules'" or "rules-file 'x.yml'". */
function parseRules(text, origin) {
    const lines = new dist/* LineCounter */.HN();
    const reader = { origin, lines, problems: [] };
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (document.errors.length > 0) {
        // The parser's own message quotes the text around the error; only its code and line are kept.
        for (const error of document.errors) {
            reader.problems.push({
                place: { origin, line: lines.linePos(error.pos[0]).line },
                key: undefined,
                rule: `is not valid YAML (${error.code})`,
            });
        }
        return { rules: [], problems: reader.problems };
    }
    const root = document.contents;
    if (root === null || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === "")))
        return { rules: [], problems: [] };
    if (!(0,dist/* isMap */.jh)(root)) {
        problem(reader, root, undefined, "must be a mapping from source names or patterns to settings");
        return { rules: [], problems: reader.problems };
    }
    const rules = [];
    for (const pair of root.items) {
        const rule = readRule(reader, pair);
        if (rule !== undefined)
            rules.push(rule);
    }
    return { rules, problems: reader.problems };
}
function readRule(reader, pair) {
    const keyNode = pair.key;
    const pattern = readText(keyNode);
    if (pattern === undefined || pattern === "") {
        problem(reader, keyNode, undefined, "each key must be a source name or pattern");
        return undefined;
    }
    const globProblem = (0,globs/* checkGlob */.pY)(pattern);
    if (globProblem !== undefined) {
        problem(reader, keyNode, undefined, `the pattern ${globProblem}`);
        return undefined;
    }
    const rule = { pattern, place: { origin: reader.origin, line: lineOf(reader, keyNode) }, lines: {} };
    const body = pair.value;
    if (!(0,dist/* isMap */.jh)(body)) {
        problem(reader, body ?? keyNode, undefined, `the settings of '${pattern}' must be a mapping of keys (${RULE_KEYS.join(", ")})`);
        return undefined;
    }
    for (const item of body.items) {
        const settingNode = item.key;
        const key = readText(settingNode);
        if (key === undefined || !RULE_KEYS.includes(key)) {
            problem(reader, settingNode, key, `is not a rule key; known keys: ${RULE_KEYS.join(", ")}`);
            continue;
        }
        rule.lines[key] = lineOf(reader, settingNode);
        readSetting(reader, rule, key, item.value);
    }
    return rule;
}
function readSetting(reader, rule, key, node) {
    const fail = (text) => problem(reader, node ?? undefined, key, text);
    if (key === "tags") {
        rule.tags = readTags(reader, node);
        return;
    }
    if (key === "enabled") {
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === "boolean")
            rule.enabled = node.value;
        else
            fail("must be true or false");
        return;
    }
    const text = readText(node);
    if (text === undefined) {
        fail("must be a single value");
        return;
    }
    switch (key) {
        case "name":
            if (!VAULT_NAME_CHARS.test(text))
                fail("must be a Key Vault name: letters, digits and hyphens (the prefix is added in front)");
            else
                rule.name = text;
            return;
        case "content-type":
            if (text.length > MAX_CONTENT_TYPE_LENGTH)
                fail(`must be at most ${MAX_CONTENT_TYPE_LENGTH} characters (a Key Vault limit)`);
            else
                rule.contentType = text;
            return;
        case "update":
            if (text === "replace" || text === "create-only")
                rule.update = text;
            else
                fail("must be 'replace' or 'create-only'");
            return;
        case "expires-in":
        case "not-before":
        case "renew-before": {
            const parsed = parseDuration(text);
            if (!parsed.ok) {
                fail(parsed.rule);
                return;
            }
            if (key === "expires-in")
                rule.expiresInSeconds = parsed.seconds;
            else if (key === "not-before")
                rule.notBeforeSeconds = parsed.seconds;
            else
                rule.renewBeforeSeconds = parsed.seconds;
            return;
        }
    }
}
function readTags(reader, node) {
    if (!(0,dist/* isMap */.jh)(node)) {
        problem(reader, node ?? undefined, "tags", "must be a mapping of tag names to values");
        return undefined;
    }
    const tags = {};
    const reserved = new Map(engine_tags/* RESERVED_TAGS */.pL.map((name) => [name.toLowerCase(), name]));
    const seen = new Set();
    for (const item of node.items) {
        const nameNode = item.key;
        const name = readText(nameNode);
        const value = readText(item.value);
        const at = (text) => problem(reader, nameNode ?? node, "tags", text);
        if (name === undefined || name === "")
            at("each tag needs a name");
        else if (value === undefined)
            at(`tag '${name}' must have a single value`);
        else if (name.length > engine_tags/* MAX_TAG_LENGTH */.Ti || value.length > engine_tags/* MAX_TAG_LENGTH */.Ti)
            at(`tag '${name}': names and values are at most ${engine_tags/* MAX_TAG_LENGTH */.Ti} characters`);
        else if (reserved.has(name.toLowerCase()))
            at(`tag '${name}' is one the action writes itself (reserved: ${engine_tags/* RESERVED_TAGS */.pL.join(", ")})`);
        else if (seen.has(name.toLowerCase()))
            at(`tag '${name}' is given twice (tag names ignore case)`);
        else {
            seen.add(name.toLowerCase());
            tags[name] = value;
        }
    }
    return tags;
}

;// CONCATENATED MODULE: ./src/engine/rules/resolve-rules.ts
/**
 * Which rules apply to a source name, and what they add up to. Pure.
 *
 * Every rule whose pattern matches a name applies, key by key: a key set by a more specific rule
 * wins over the same key of a less specific one, and the global inputs are the defaults under
 * all of them. Tags merge the same way, tag by tag. "More specific", in order:
 *   1. an exact name (no wildcard) beats any pattern;
 *   2. fewer wildcard tokens (`*`, `?`, a `[...]` class each count one) beat more;
 *   3. more literal characters beat fewer.
 * Two matching rules equal on all three (`API_*` and `*_KEY` for API_KEY, or one name written
 * in two cases) are a tie, and a tie is an error: which one wins would be a guess.
 */



function measureSpecificity(pattern) {
    const { wildcards, literals } = (0,globs/* measureGlob */.LT)(pattern);
    return { exact: wildcards === 0, wildcards, literals };
}
/** Negative when `a` is less specific than `b`, 0 for a tie. */
function compareSpecificity(a, b) {
    if (a.exact !== b.exact)
        return a.exact ? 1 : -1;
    if (a.wildcards !== b.wildcards)
        return b.wildcards - a.wildcards;
    return a.literals - b.literals;
}
/** The rules matching a source name, least specific first. */
function findMatchingRules(source, rules) {
    return rules
        .filter((rule) => (0,globs/* matchesGlob */.kt)(source, rule.pattern))
        .sort((a, b) => compareSpecificity(measureSpecificity(a.pattern), measureSpecificity(b.pattern)));
}
/** The Key Vault name (before the prefix) the rules give a source, if any. */
function findRuleName(source, rules) {
    return findMatchingRules(source, rules).findLast((rule) => rule.name !== undefined)?.name;
}
/** The settings for one source name: defaults, then each matching rule from least to most specific. */
function resolveSettings(source, rules, defaults) {
    const settings = { ...defaults, tags: { ...defaults.tags } };
    for (const rule of findMatchingRules(source, rules)) {
        if (rule.contentType !== undefined)
            settings.contentType = rule.contentType;
        if (rule.tags !== undefined)
            settings.tags = mergeTags(settings.tags, rule.tags);
        if (rule.expiresInSeconds !== undefined)
            settings.expiresInSeconds = rule.expiresInSeconds;
        if (rule.notBeforeSeconds !== undefined)
            settings.notBeforeSeconds = rule.notBeforeSeconds;
        if (rule.enabled !== undefined)
            settings.enabled = rule.enabled;
        if (rule.renewBeforeSeconds !== undefined)
            settings.renewBeforeSeconds = rule.renewBeforeSeconds;
        if (rule.update !== undefined)
            settings.update = rule.update;
    }
    return settings;
}
/** A tag given again under another case replaces the earlier one (tag names ignore case). */
function mergeTags(base, over) {
    const folded = new Set(Object.keys(over).map((name) => name.toLowerCase()));
    const kept = Object.entries(base).filter(([name]) => !folded.has(name.toLowerCase()));
    return { ...Object.fromEntries(kept), ...over };
}
function at(rule, key, text) {
    const line = key === undefined ? rule.place.line : (rule.lines[key] ?? rule.place.line);
    return { place: { origin: rule.place.origin, line }, key, rule: text };
}
function describeRule(rule) {
    return `'${rule.pattern}' (${rule.place.origin} line ${rule.place.line})`;
}
/**
 * Checks the rules against the selected source names before anything touches the network:
 * a rule that matches no source, ties, two rules naming one secret differently, too many tags,
 * and a renewal window that the expiry could never leave. Each problem is reported once.
 */
function checkRules(rules, sources, defaults) {
    const problems = [];
    const reported = new Set();
    const once = (id, problem) => {
        if (reported.has(id))
            return;
        reported.add(id);
        problems.push(problem);
    };
    const used = new Set();
    rules.forEach((rule, index) => {
        // Only one of two identical patterns can be meant; `findMatchingRules` would call it a tie anyway.
        const first = rules.findIndex((other) => other.pattern.toLowerCase() === rule.pattern.toLowerCase());
        if (first !== index) {
            once(`dup:${index}`, at(rule, undefined, `the pattern is also given at ${describeRule(rules[first])}; give each source name or pattern once`));
        }
    });
    for (const source of sources) {
        const matching = findMatchingRules(source, rules);
        for (const rule of matching)
            used.add(rule);
        for (let index = 1; index < matching.length; index += 1) {
            const [less, more] = [matching[index - 1], matching[index]];
            if (compareSpecificity(measureSpecificity(less.pattern), measureSpecificity(more.pattern)) === 0 &&
                less.pattern.toLowerCase() !== more.pattern.toLowerCase()) {
                once(`tie:${less.pattern}:${more.pattern}`, at(more, undefined, `ties with ${describeRule(less)}: both match source '${source}' and neither is more specific (exact name > fewer wildcards > more literal characters); make one of them more specific`));
            }
        }
        const naming = matching.filter((rule) => rule.name !== undefined);
        const names = new Set(naming.map((rule) => rule.name?.toLowerCase()));
        if (names.size > 1) {
            const [first, ...others] = naming;
            for (const other of others) {
                once(`name:${source}:${other.pattern}`, at(other, "name", `gives source '${source}' a different name than ${describeRule(first)}; one secret can have only one name`));
            }
        }
        const settings = resolveSettings(source, matching, defaults);
        const tagged = matching.findLast((rule) => rule.tags !== undefined);
        if (tagged !== undefined && Object.keys(settings.tags).length > engine_tags/* MAX_USER_TAGS */.F5) {
            once(`tags:${tagged.pattern}`, at(tagged, "tags", `gives source '${source}' ${Object.keys(settings.tags).length} tags with the 'tags' input; at most ${engine_tags/* MAX_USER_TAGS */.F5} are allowed (Key Vault allows 15 and the action writes its own)`));
        }
        const renewing = matching.findLast((rule) => rule.renewBeforeSeconds !== undefined);
        if (renewing !== undefined && settings.renewBeforeSeconds !== undefined) {
            if (settings.expiresInSeconds === undefined) {
                once(`renew:${renewing.pattern}`, at(renewing, "renew-before", `applies to source '${source}', which has no expiry: set expires-in (in a rule or the input)`));
            }
            else if (settings.renewBeforeSeconds >= settings.expiresInSeconds) {
                once(`renew:${renewing.pattern}`, at(renewing, "renew-before", `must be shorter than the expiry of source '${source}' (${formatDuration(settings.expiresInSeconds)}), or every run would write a new version`));
            }
        }
    }
    for (const rule of rules) {
        if (!used.has(rule))
            once(`unused:${rule.place.line}:${rule.pattern}`, at(rule, undefined, `'${rule.pattern}' matches no source name (rules match source names as written, before prefix and name transform, ignoring case)`));
    }
    return problems.sort((a, b) => a.place.origin.localeCompare(b.place.origin) || a.place.line - b.place.line);
}

;// CONCATENATED MODULE: ./src/engine/rules/load-rules.ts
/**
 * The rules of one run: the `rules` input and the `rules-file` read, parsed and checked against
 * the selected source names, before anything touches the network. Every problem is collected
 * and reported at once, each naming where it is written and the key, never a value.
 */





/** Reads both places; the file through the same confinement as env-file. */
async function readRules(sources, readFile) {
    const problems = [];
    const rules = [];
    if (sources.text !== undefined) {
        const parsed = parseRules(sources.text, "input 'rules'");
        rules.push(...parsed.rules);
        problems.push(...parsed.problems);
    }
    if (sources.file !== undefined) {
        const text = await readRulesFile(sources.file, readFile);
        const parsed = parseRules(text, `rules-file '${sources.file}'`);
        rules.push(...parsed.rules);
        problems.push(...parsed.problems);
    }
    throwProblems(problems);
    return rules;
}
async function readRulesFile(path, readFile) {
    let bytes;
    try {
        bytes = await readFile(path);
    }
    catch (error) {
        const code = error.code;
        // The confinement rules are env-file's, worded for it; the same rules hold for rules-file.
        const why = error instanceof FileRefusedError
            ? error.rule.replaceAll("env-file", "rules-file")
            : code === "ENOENT"
                ? "no such file"
                : (0,errors/* errorMessage */.gJ)(error);
        throw new errors/* SyncError */.S0(`Failed to read rules-file '${path}': ${why}`, "rules-file is a path relative to the workspace; check it out first (actions/checkout).");
    }
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    }
    catch {
        throw new errors/* SyncError */.S0(`Failed to read rules-file '${path}': it is not UTF-8 text`);
    }
}
function throwProblems(problems) {
    if (problems.length === 0)
        return;
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    throw new errors/* SyncError */.S0(`Invalid per-secret rules (${count}):\n${problems.map((problem) => `- ${describeProblem(problem)}`).join("\n")}`, "Rules map source names or patterns to settings; see the README section 'Per-secret rules'.");
}
/** Throws a SyncError listing every problem of the rules against the selected source names. */
function assertRules(rules, sources, defaults) {
    throwProblems(checkRules(rules, sources, defaults));
}
/** Each desired secret with its own settings (only when there are rules: otherwise the defaults apply). */
function attachSettings(desired, rules, defaults) {
    if (rules.length === 0)
        return [...desired];
    return desired.map((secret) => ({ ...secret, metadata: resolveSettings(secret.source, rules, defaults) }));
}
/**
 * Naming with rules: the rules are checked against the selected source names first (throwing a
 * SyncError listing every problem), a rule's name replaces the transform, and each desired secret
 * carries its own settings. Without rules this is nameSecrets.
 */
function nameSecretsWithRules(entries, naming, rules, defaults) {
    if (rules.length === 0)
        return (0,engine_naming/* nameSecrets */.Vb)(entries, naming);
    const selected = entries.map((entry) => entry.key).filter((key) => (0,engine_naming/* isSelected */.sp)(key, naming));
    assertRules(rules, selected, defaults);
    const named = (0,engine_naming/* nameSecrets */.Vb)(entries, { ...naming, nameFor: (key) => findRuleName(key, rules) });
    return { desired: attachSettings(named.desired, rules, defaults), rejected: named.rejected };
}

;// CONCATENATED MODULE: ./src/engine/sources/decode-utf8.ts

/**
 * Decodes a dotenv file's bytes as UTF-8, refusing anything else. Reading with Node's "utf8"
 * decoding would turn a Latin-1 byte into U+FFFD and a UTF-16 file into text full of NULs, and
 * the vault would get values the author never wrote without a word. Errors give the file and a
 * line, never the bytes. A UTF-8 byte order mark is dropped, as editors and dotenv ignore it.
 */
function decodeUtf8File(bytes, file) {
    const utf16 = detectUtf16(bytes);
    if (utf16 !== undefined) {
        throw new errors/* InputError */.dz("env-file", `${file} is ${utf16}, not UTF-8`, "Save the file as UTF-8 (without a byte order mark is best).");
    }
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    }
    catch {
        throw new errors/* InputError */.dz("env-file", `${file} line ${findInvalidLine(bytes)}: is not valid UTF-8`, "Save the file as UTF-8; a byte from another encoding (such as Latin-1 é) would otherwise be stored as a replacement character.");
    }
}
/**
 * "UTF-16 (little endian)" and so on when the bytes start with a UTF-16 byte order mark, or
 * when one of the first two bytes is NUL and the other is not, which is how UTF-16 text of
 * ASCII characters starts (a dotenv file's first character is never NUL).
 */
function detectUtf16(bytes) {
    const [first, second] = bytes;
    if (first === 0xff && second === 0xfe)
        return "UTF-16 (little endian, with a byte order mark)";
    if (first === 0xfe && second === 0xff)
        return "UTF-16 (big endian, with a byte order mark)";
    if (first === undefined || second === undefined)
        return undefined;
    if (first !== 0 && second === 0)
        return "UTF-16 (little endian)";
    if (first === 0 && second !== 0)
        return "UTF-16 (big endian)";
    return undefined;
}
/** The 1-based line (counting LF) of the first line that is not valid UTF-8. */
function findInvalidLine(bytes) {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let line = 1;
    let start = 0;
    while (start <= bytes.length) {
        let end = bytes.indexOf(0x0a, start);
        if (end === -1)
            end = bytes.length;
        try {
            decoder.decode(bytes.subarray(start, end));
        }
        catch {
            return line;
        }
        line += 1;
        start = end + 1;
    }
    return line;
}

;// CONCATENATED MODULE: ./src/engine/sources/dotenv-lines.ts

const QUOTE_HINT = 'A value that spans lines must be quoted: KEY="-----BEGIN PRIVATE KEY-----" on the first line, the other lines as they are, and the closing quote after -----END PRIVATE KEY-----. Or write it on one line with \\n between the lines inside double quotes.';
const SKIPPED_HINT = "dotenv would skip this line without a word. If it continues a multi-line value from a line above, quote that value; otherwise fix the line or make it a comment (# at its start).";
function checkDotenvLines(src, entries, lineOf, file) {
    const problems = [...findSkippedLines(src, entries, lineOf), ...entries.flatMap(findEntryProblem)];
    if (problems.length === 0)
        return;
    problems.sort((a, b) => a.line - b.line);
    const [first, ...others] = problems;
    const otherLines = [...new Set(others.map((problem) => problem.line).filter((line) => line !== first.line))];
    const also = otherLines.length === 0 ? "" : `\nLines with other problems: ${formatLines(otherLines)}.`;
    throw new errors/* InputError */.dz("env-file", `${file} line ${first.line}: ${first.rule}`, `${first.hint}${also}`);
}
function formatLines(lines) {
    const shown = lines.slice(0, 10).join(", ");
    return lines.length > 10 ? `${shown} and ${lines.length - 10} more` : shown;
}
/**
 * Lines no entry covers that are neither blank nor comments. Lines here are what dotenv's
 * multiline `^` sees (they start after LF, U+2028 or U+2029); entries come in text order and
 * do not overlap, so one pass over both suffices.
 */
function findSkippedLines(src, entries, lineOf) {
    const problems = [];
    let next = 0;
    let start = 0;
    while (start <= src.length) {
        let end = start;
        while (end < src.length && !isLineBreak(src[end]))
            end += 1;
        while (next < entries.length && entries[next].end < start)
            next += 1;
        const entry = entries[next];
        const covered = entry !== undefined && entry.start <= start;
        const text = src.slice(start, end).trim();
        if (!covered && text !== "" && !text.startsWith("#")) {
            problems.push({ line: lineOf(start), rule: describeSkippedLine(text), hint: SKIPPED_HINT });
        }
        start = end + 1;
    }
    return problems;
}
function isLineBreak(char) {
    return char === "\n" || char === "\u2028" || char === "\u2029";
}
function describeSkippedLine(text) {
    if (text.includes("\u0000"))
        return "holds a NUL character; dotenv would skip the line";
    const withoutExport = text.replace(/^export\s+/, "");
    const equals = withoutExport.indexOf("=");
    const key = equals === -1 ? "" : withoutExport.slice(0, equals).trim();
    if (/\s/.test(key))
        return "has a space in its key; dotenv would skip the line";
    if (key !== "" && !/^[\w.-]+$/.test(key)) {
        return "has a key with a character dotenv does not read (keys use letters, digits, '_', '.' and '-'); dotenv would skip the line";
    }
    return "is not KEY=VALUE, a comment or a blank line; dotenv would skip it";
}
/** A PEM line: `-----BEGIN PRIVATE KEY-----`, `-----END CERTIFICATE-----`, … */
const PEM_BEGIN = /-----BEGIN [^\n]*?-----/g;
const PEM_END = "-----END ";
/**
 * Base64 text as a key: 16 or more letters and digits, mixing upper case, lower case and digits.
 * A few real names fit too (`AzureStorage2Key`), but only an empty value makes it a problem, and
 * an entry with an empty value is never synced, so removing its line loses nothing. (Measuring
 * how often the character class changes does not separate them: DER-encoded keys have long
 * runs such as `AAAA` and change class no more often than camelCase names.)
 */
const BASE64_LIKE = /^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{16,}$/;
function findEntryProblem(entry) {
    if (entry.key === "__proto__") {
        return [{ line: entry.line, rule: "uses the key __proto__, which dotenv ignores", hint: "Rename the key." }];
    }
    if (opensPemWithoutEnd(entry.value)) {
        return [
            {
                line: entry.line,
                rule: "the value opens a PEM block (-----BEGIN …-----) that it does not close; an unquoted multi-line value falls apart into separate lines",
                hint: QUOTE_HINT,
            },
        ];
    }
    const fragment = /^=+$/.test(entry.value) || entry.key.startsWith("-----");
    const emptyBase64Key = entry.value === "" && BASE64_LIKE.test(entry.key);
    if (fragment || emptyBase64Key) {
        return [
            {
                line: entry.line,
                rule: "looks like a piece of an unquoted multi-line value (a line of base64 text or PEM armour read as KEY=VALUE)",
                hint: emptyBase64Key
                    ? `${QUOTE_HINT} If the line is a real entry, its value is empty and it is never synced: remove the line.`
                    : QUOTE_HINT,
            },
        ];
    }
    return [];
}
/** Whether some `-----BEGIN …-----` in the value has no `-----END ` before the next BEGIN. */
function opensPemWithoutEnd(value) {
    const begins = [...value.matchAll(PEM_BEGIN)].map((match) => match.index);
    return begins.some((begin, index) => {
        const end = value.indexOf(PEM_END, begin);
        return end === -1 || end > (begins[index + 1] ?? Infinity);
    });
}

;// CONCATENATED MODULE: ./src/engine/sources/dotenv-file.ts


/**
 * A dotenv parser that yields exactly the key/value map of the `dotenv` package's `parse` (its
 * default, regex-based mode) and also remembers the line each key starts on. Users already have
 * files that dotenv reads; a sync that read them differently would push different secrets than
 * their application sees, so parity (quirks included) is the contract for valid files, checked
 * by the parity and fuzz tests in test/sources/dotenv-file.test.ts. There is no variable
 * expansion. A file dotenv would read only in part (a line it skips, a key it ignores, an
 * unquoted multi-line value) is refused instead: see dotenv-lines.ts.
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
 * - A later duplicate key replaces the earlier value. (The key `__proto__`, which dotenv drops
 *   because it stores into a plain object, is refused by dotenv-lines.ts.)
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
    // Every entry dotenv reads, duplicates and __proto__ included, for the checks of dotenv-lines.ts.
    const read = [];
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
            read.push({ key: attempt.key, value: attempt.value, line: lines.lineOf(attempt.keyStart), start: lineStart, end: attempt.end });
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
    checkDotenvLines(src, read, (offset) => lines.lineOf(offset), file);
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

;// CONCATENATED MODULE: ./src/engine/sources/env-file-source.ts
/**
 * The `env-file` source kind: each dotenv file in the order given, decoded and parsed whole
 * before any of its values is used.
 */




/** One batch of entries per file. */
async function* readEnvFileSource(spec, io) {
    for (const [index, path] of spec.envFiles.entries()) {
        let bytes;
        try {
            bytes = await io.readFile(path);
        }
        catch (error) {
            throw toReadError(error, path, index);
        }
        // Decoding and parsing refuse a broken file before any of its values is masked or used.
        const entries = parseDotenv(decodeUtf8File(bytes, path), path);
        if (entries.length === 0) {
            io.warn(`env-file entry ${index + 1} ('${path}') holds no entries: it is empty or has only comments and blank lines.`);
        }
        yield entries;
    }
}
function toReadError(error, path, index) {
    if (error instanceof FileRefusedError) {
        return new errors/* InputError */.dz("env-file", `entry ${index + 1} ('${path}') ${error.rule}`, "Keep the dotenv file in the repository, or have an earlier step write it to $RUNNER_TEMP.");
    }
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

;// CONCATENATED MODULE: ./src/engine/sources/secrets-json.ts

const INPUT = "secrets";
const HINT = "Pass a JSON object of name to string value, usually secrets: ${{ toJSON(secrets) }}";
/** The `secrets` source kind: the JSON of the workflow's secrets context, as one batch. */
function* readSecretsSource(spec) {
    if (spec.secretsJson !== undefined)
        yield parseSecretsJson(spec.secretsJson);
}
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
    const duplicate = findDuplicateKey(text);
    if (duplicate !== undefined) {
        // JSON.parse keeps the last of two equal keys without a word; a sync must not guess which
        // value was meant. The position is the rule's core; the name is shown only when it has the
        // shape of a secret name, since a hand-written key could be anything.
        const name = SECRET_NAME_SHAPE.test(duplicate.key) ? ` ('${duplicate.key}')` : "";
        throw new errors/* InputError */.dz(INPUT, `has a repeated key: the ${ordinal(duplicate.position)} key${name} repeats the ${ordinal(duplicate.firstPosition)}; each name may appear once`, "Remove one of the two entries; JSON would otherwise keep the later value without a word.");
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
/** GitHub secret names: letters, digits and underscores, not starting with a digit. */
const SECRET_NAME_SHAPE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/** "1st", "2nd", "3rd", "4th", "11th", "22nd", … */
function ordinal(position) {
    const tens = position % 100;
    const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][position % 10] ?? "th");
    return `${position}${suffix}`;
}
/**
 * The first top-level key of a valid JSON object that repeats an earlier one (compared after
 * unescaping, as JSON.parse compares them), with both 1-based positions.
 */
function findDuplicateKey(text) {
    const checker = new JsonChecker(text);
    try {
        checker.skipSpace();
        checker.value(0);
    }
    catch {
        return undefined;
    }
    const firstPositionOf = new Map();
    for (const [index, [start, end]] of checker.topLevelKeys.entries()) {
        const key = JSON.parse(text.slice(start, end));
        const earlier = firstPositionOf.get(key);
        if (earlier !== undefined)
            return { key, position: index + 1, firstPosition: earlier };
        firstPositionOf.set(key, index + 1);
    }
    return undefined;
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
    /** Start and end offsets of the keys of the outermost object, quotes included. */
    topLevelKeys = [];
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
            const keyStart = this.index;
            this.string();
            if (depth === 0)
                this.topLevelKeys.push([keyStart, this.index]);
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

;// CONCATENATED MODULE: ./src/engine/sources/read-sources.ts
/**
 * Reading the sources: every kind of source in one list, each in its own module. A new kind
 * (say, a JSON file) is its module, its field in SourceSpec and its place in SOURCE_KINDS.
 */


/** Every kind of source, in the order they are read. */
const SOURCE_KINDS = [readSecretsSource, readEnvFileSource];
/**
 * Reads every source: the `secrets` JSON first, then each env file in the order given. Each
 * value is masked as soon as its source is parsed, before any other work, so nothing later
 * (an error, a debug log, the SDK) can print it.
 */
async function readSources(spec, io) {
    const entries = [];
    for (const readKind of SOURCE_KINDS) {
        // One batch per source (one per file): masked as soon as it is parsed, before the next is read.
        for await (const batch of readKind(spec, io))
            entries.push(...maskEntries(batch, io));
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

;// CONCATENATED MODULE: ./src/engine/vault-state.ts






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
    // Without a decided adopt, read what an adopting run could write, so the state fits either plan.
    return decideWrite(secret.tags, owner, adopt ?? true).kind === "allowed";
}
function needsHistory(secret, owner) {
    return !secret.managed && (0,engine_tags/* readOwnership */.m9)(secret.tags, owner).kind === "unmanaged";
}
async function readHistory(vault, name, owner) {
    try {
        const versions = await vault.listVersions(name);
        const owned = versions.filter((version) => (0,engine_tags/* readOwnership */.m9)(version.tags, owner).kind === "ours");
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
            const failure = {
                kind: "not-found",
                message: `'${listed.name}' disappeared while the vault was being read`,
                hint: "Run the sync again.",
            };
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
    // Reads start as the listing's pages arrive, under the same bound as every other request; a
    // listing that was retried shows names again, and each is read once.
    const wanted = new Set(desired.map((secret) => secret.name.toLowerCase()));
    const gate = (0,limiter/* createConcurrencyGate */.t7)(options.concurrency);
    const reads = new Map();
    const startReads = (page) => {
        for (const secret of page) {
            const key = secret.name.toLowerCase();
            if (wanted.has(key) && !reads.has(key))
                reads.set(key, gate(() => readExisting(vault, secret, options)));
        }
    };
    let listed;
    try {
        listed = await vault.listSecrets(startReads);
    }
    catch (error) {
        throw toListingError(error);
    }
    const deletedListing = gate(async () => {
        try {
            return { deleted: await vault.listDeletedSecrets(), deletedUnavailable: undefined };
        }
        catch (error) {
            // Without this list a create may meet a soft-deleted name; apply reports that per secret.
            return { deleted: [], deletedUnavailable: toReadFailure(error) };
        }
    });
    const readByName = new Map();
    for (const [key, read] of reads)
        readByName.set(key, await read);
    const secrets = listed.map((secret) => readByName.get(secret.name.toLowerCase()) ?? { ...secret, value: { kind: "not-read" }, history: undefined });
    return { vaultUrl: vault.vaultUrl, secrets, ...(await deletedListing) };
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
                const value = needsValue(listed, options.owner, options.adopt)
                    ? { kind: "failed", failure: toReadFailure(error) }
                    : { kind: "not-read" };
                return { existing: { ...listed, value, history }, deleted: undefined, deletedUnavailable: undefined };
            }
            if (!read.found)
                return readDeleted(name);
            const properties = read.properties;
            for (const fragment of listMaskFragments(read.value))
                options.mask?.(fragment);
            const history = needsHistory(properties, options.owner) ? await readHistory(vault, properties.name, options.owner) : undefined;
            // The value came with the GET; keep it only where the planner can use it.
            const value = needsValue(properties, options.owner, options.adopt)
                ? { kind: "read", value: read.value }
                : { kind: "not-read" };
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

;// CONCATENATED MODULE: ./src/engine/sync-by-name.ts
/**
 * A sync without prune, one secret at a time: read the name, plan it, write it, move on. Nothing
 * waits for the whole vault to be read, a write starts as soon as its read decided it, and a
 * value is let go once its secret is done. Prune still reads everything first (vault-state.ts),
 * because what to delete depends on the whole picture.
 *
 * Each name is planned by the same planner, over the same rules, as in the whole-vault path;
 * a dry run reports the same items, in the same order, and never writes.
 */






async function syncByName(vault, input, options) {
    const planOptions = { ...options.plan, prune: false };
    const reader = createNameReader(vault, options.read);
    const settle = async (plan) => {
        if (!options.dryRun)
            return applyPlan(plan, vault, { ...options.apply, concurrency: 1 });
        const predicted = predictResults(plan);
        for (const result of predicted)
            options.apply.onResult?.(result);
        return predicted;
    };
    let refusedValues = 0;
    const done = await (0,limiter/* mapWithConcurrency */.WS)(input.desired, options.apply.concurrency, async (secret) => {
        const found = await reader.read(secret.name);
        const value = found.existing?.value;
        if (value?.kind === "failed" && (0,vault_errors/* isAccessDenied */.w7)(value.failure.kind))
            refusedValues += 1;
        const plan = planChanges({ desired: [secret], rejected: [], state: mergeStates(vault.vaultUrl, [found]), options: planOptions });
        const [result] = await settle(plan);
        return { item: plan.items[0], result: result };
    });
    // Rejected entries become the same skip and fail items the whole-vault plan has.
    const rejectedPlan = planChanges({ desired: [], rejected: input.rejected, state: mergeStates(vault.vaultUrl, []), options: planOptions });
    const rejectedResults = await settle(rejectedPlan);
    const rejected = rejectedPlan.items.map((item, index) => ({ item, result: rejectedResults[index] }));
    const ordered = [...rejected, ...done].sort((left, right) => (0,secret_names/* compareBySecretName */.Y)(left.item, right.item));
    return { results: ordered.map((entry) => entry.result), refusedValues };
}

;// CONCATENATED MODULE: ./src/engine/sync.ts
/**
 * The order of a sync's stages, once for both front doors: sources → names → sign-in → either
 * name by name (no prune) or vault state → plan → apply, or predict for a dry run. What differs
 * between the Action and the CLI (log lines, log groups, masking, sign-in, notes) comes in as
 * edges, so each front door only says how a stage is shown.
 */










/**
 * Runs one sync. `settings` is read inside the first stage, so a front door whose settings can
 * fail (the Action's inputs) shows that failure where its sources would have been read.
 */
async function syncSecrets(settings, edges) {
    const { inputs, desired, rejected } = await edges.stage("Read inputs and sources", () => nameSources(settings(), edges));
    const now = edges.now();
    const metadata = readDefaults(inputs);
    const connection = await edges.stage("Sign in", () => edges.connect(inputs));
    const planOptions = { owner: inputs.owner, prefix: inputs.prefix, prune: inputs.prune, adopt: inputs.adopt, metadata, now };
    const read = { owner: inputs.owner, concurrency: inputs.concurrency, adopt: inputs.adopt, mask: (value) => edges.mask(value) };
    const applyOptions = (claims, total) => {
        const progress = createApplyProgress({ total, now: () => edges.now().getTime(), log: (message) => edges.progress(message) });
        return {
            concurrency: inputs.concurrency,
            audit: edges.audit(claims),
            now,
            onResult: (result) => {
                edges.trace?.debug(`${result.name}: ${result.action} -> ${result.status}`);
                progress(result);
            },
        };
    };
    // Without prune each name is read, planned and written on its own (sync-by-name.ts), so nothing
    // waits for the whole vault and a big shared vault is never listed.
    if (connection && !inputs.prune) {
        const title = inputs.dryRun ? "Read and plan each secret (dry run: nothing is written)" : "Read, plan and apply each secret";
        return edges.stage(title, async () => {
            const apply = applyOptions(connection.claims, desired.length + rejected.length);
            const synced = await syncByName(connection.vault, { desired, rejected }, { read, plan: planOptions, apply, dryRun: inputs.dryRun });
            if (synced.refusedValues > 0)
                edges.noteRefusedValues(synced.refusedValues);
            edges.trace?.info(`Plan: ${describeActions(synced.results.map((result) => result.action))}.`);
            return synced.results;
        });
    }
    // With prune the whole vault is read first: what to delete depends on all of it.
    const state = connection
        ? await edges.stage("Read the vault", async () => {
            const state = await readVaultState(connection.vault, desired, read);
            const unread = state.secrets.filter((secret) => secret.value.kind === "failed").length;
            edges.trace?.debug(`Vault state: ${state.secrets.length} secrets, ${state.deleted.length} soft-deleted, ${unread} values not readable${state.deletedUnavailable ? ", deleted secrets not listed" : ""}`);
            return state;
        })
        : undefined;
    const refused = (state?.secrets ?? []).filter((secret) => secret.value.kind === "failed" && (0,vault_errors/* isAccessDenied */.w7)(secret.value.failure.kind)).length;
    if (refused > 0)
        edges.noteRefusedValues(refused);
    const plan = await edges.stage("Plan", () => {
        const plan = planChanges({ desired, rejected, state, options: planOptions });
        edges.trace?.info(`Plan: ${describeActions(plan.items.map((item) => item.action))}.`);
        return plan;
    });
    // The one place a dry run is told apart: it predicts each item's outcome, never calling the vault.
    if (inputs.dryRun)
        return edges.stage("Apply (dry run: nothing is written)", () => predictResults(plan));
    if (connection === undefined)
        throw new errors/* SyncError */.S0("Failed to apply the plan: no vault client, and this is not a dry run");
    return edges.stage("Apply", () => applyPlan(plan, connection.vault, applyOptions(connection.claims, plan.items.length)));
}
/** The settings' metadata: the defaults every rule starts from. */
function readDefaults(inputs) {
    return { contentType: inputs.contentType, tags: inputs.tags, expiresInSeconds: inputs.expiresInSeconds };
}
/**
 * Reads the sources and names them with the rules, before any network. Warns about each
 * include/exclude pattern that matched nothing, and fails a run whose sources hold entries but
 * whose patterns selected none: a deploy that syncs nothing must not be green.
 */
async function nameSources(inputs, edges) {
    const entries = await readSources({ secretsJson: inputs.secretsJson, envFiles: inputs.envFiles }, { readFile: (path) => edges.readFile(path), mask: (value) => edges.mask(value), warn: (message) => edges.warning(message, "env-file") });
    const rules = await readRules({ text: inputs.rules, file: inputs.rulesFile }, (path) => edges.readFile(path));
    const naming = { include: inputs.include, exclude: inputs.exclude, prefix: inputs.prefix, transform: inputs.nameTransform };
    const { desired, rejected } = nameSecretsWithRules(entries, naming, rules, readDefaults(inputs));
    const keys = entries.map((entry) => entry.key);
    for (const unused of (0,engine_naming/* findUnusedPatterns */.D8)(keys, inputs))
        edges.unusedPattern(unused);
    if (keys.length > 0 && desired.length + rejected.length === 0) {
        const { message, hint } = (0,engine_naming/* explainEmptySelection */.jD)(keys, inputs);
        throw new errors/* SyncError */.S0(message, hint);
    }
    const skipped = rejected.filter((rejection) => rejection.status === "skipped").length;
    const excluded = entries.length - desired.length - rejected.length;
    edges.trace?.info(`Read ${entries.length} source entries: ${desired.length} to sync, ${skipped} empty (skipped), ` +
        `${rejected.length - skipped} failing the naming rules, ${excluded} left out (include/exclude, github_token).`);
    return { inputs, desired, rejected };
}
/** "3 create, 1 delete, 56 unchanged": the actions, with counts. */
function describeActions(actions) {
    const counts = new Map();
    for (const action of actions)
        counts.set(action, (counts.get(action) ?? 0) + 1);
    return counts.size === 0 ? "nothing to do" : [...counts].map(([action, count]) => `${count} ${action}`).join(", ");
}

;// CONCATENATED MODULE: ./src/action/main.ts











function createDefaultDeps() {
    return {
        io: createActionIO(),
        env: process.env,
        readFile: (path) => readEnvFile(path, listFileRoots(process.env, process.cwd())),
        now: () => new Date(),
        cwd: () => process.cwd(),
        // The Azure SDK is loaded only when a run signs in: an offline dry run never compiles it.
        createCredential: async (options) => (await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(563), __webpack_require__.e(411), __webpack_require__.e(197)]).then(__webpack_require__.bind(__webpack_require__, 7197))).createCredential(options),
        createKeyVault: async (vaultUrl, credential, options) => (await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(9), __webpack_require__.e(534)]).then(__webpack_require__.bind(__webpack_require__, 5534))).createKeyVault(vaultUrl, credential, options),
        setExitCode: (code) => {
            process.exitCode = code;
        },
    };
}
async function run(deps = createDefaultDeps()) {
    // Loaded only for check, so a sync starts without the keys SDK and ARM client.
    if (deps.io.getInput("command").trim().toLowerCase() === "check")
        return (await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(9), __webpack_require__.e(732), __webpack_require__.e(411), __webpack_require__.e(463)]).then(__webpack_require__.bind(__webpack_require__, 5463))).runCheckCommand(deps);
    const context = { inputs: undefined, notes: [], results: undefined };
    try {
        await runAndReport(deps, context);
    }
    finally {
        context.agent?.destroy();
    }
}
async function runAndReport(deps, context) {
    const links = readRepositoryLinks(deps.env, deps.cwd());
    try {
        const results = await main_syncSecrets(deps, context);
        context.results = results;
        const inputs = context.inputs;
        const report = { ...describeRun(inputs), notes: context.notes, links };
        // Not in a group: the per-secret outcome and the counts are what the log is read for.
        await writeReport(results, report, deps.io);
        // Reference outputs hook (issue 11).
        await writeReferenceOutputs(results, { ...inputs, tempDir: deps.env["RUNNER_TEMP"] || undefined }, deps.io);
        failOnFailedResults(results, deps);
    }
    catch (error) {
        if (context.results !== undefined) {
            const counts = countResults(context.results);
            const done = Object.entries(counts)
                .map(([status, count]) => `${count} ${status}`)
                .join(", ");
            deps.io.setFailed(`The sync finished (${done}) but reporting it failed: ${describeFatal(error)}`);
            return;
        }
        const settings = context.inputs === undefined ? {} : describeRun(context.inputs);
        await writeFailureSummary(error, { ...settings, notes: context.notes, links }, deps.io).catch((summaryError) => deps.io.warning(`Failed to write the job summary: ${(0,errors/* errorMessage */.gJ)(summaryError)}`));
        deps.io.setFailed(describeFatal(error));
    }
}
/** What the report says about the run's settings; the same for a finished and a failed run. */
function describeRun(inputs) {
    const { vaultUrl, dryRun, dryRunReason, prefix, owner, prune, adopt } = inputs;
    return { vaultUrl, dryRun, dryRunReason, settings: { prefix, owner, prune, adopt } };
}
/**
 * Runs one stage inside a log group, with its duration as a debug line. A stage that throws
 * closes its group too, so the error shows outside it.
 */
async function inStage(deps, title, work) {
    const started = deps.now().getTime();
    deps.io.startGroup(title);
    try {
        return await work();
    }
    finally {
        deps.io.endGroup();
        deps.io.debug(`${title}: ${deps.now().getTime() - started} ms`);
    }
}
async function main_syncSecrets(deps, context) {
    const { io, env } = deps;
    return syncSecrets(() => readAndDescribeInputs(deps, context), {
        readFile: (path) => deps.readFile(path),
        now: () => deps.now(),
        mask: (value) => io.setSecret(value),
        stage: (title, work) => inStage(deps, title, work),
        trace: { info: (message) => io.info(message), debug: (message) => io.debug(message) },
        warning: (message, title) => io.warning(message, { title }),
        unusedPattern: (unused) => io.warning(`${unused.input} pattern ${unused.position} ('${unused.pattern}') matched no source name.`, {
            title: `Unused ${unused.input} pattern`,
        }),
        progress: (message) => io.info(message),
        connect: (inputs) => connect(inputs, deps, context),
        audit: (claims) => readAuditContext(env, claims),
        noteRefusedValues: (refused) => context.notes.push(`${refused} existing ${refused === 1 ? "value" : "values"} could not be read: the identity may list secrets but not read them ` +
            "(Key Vault Reader, or an access policy without 'get'), so their items say 'value not compared'. " +
            "Key Vault Secrets User is enough for a dry run that compares values."),
    });
}
/** Reads the inputs (inside the first stage, so a bad input fails there) and logs what the run will do. */
function readAndDescribeInputs(deps, context) {
    const { io } = deps;
    const inputs = (0,action_inputs/* readInputs */.K)((name) => io.getInput(name), deps.env);
    context.inputs = inputs;
    io.info(`Vault: ${inputs.vaultUrl} (${inputs.cloud.name} cloud); ${inputs.dryRun ? "dry run" : "writing"} — ${inputs.dryRunReason}`);
    io.debug(`Settings: auth ${inputs.auth}, prefix '${inputs.prefix}', owner '${inputs.owner}', prune ${inputs.prune}, adopt ${inputs.adopt}, ` +
        `concurrency ${inputs.concurrency}, ${inputs.envFiles.length} env files, ${inputs.include.length} include and ${inputs.exclude.length} exclude patterns`);
    return inputs;
}
/**
 * Signs in and opens the vault, or returns undefined for a dry run to which GitHub withholds the
 * OIDC token by its own rule (fork pull requests, Dependabot): those are validated offline and
 * the report says why. Any other missing token fails: a green plan must have read the vault.
 */
async function connect(inputs, deps, context) {
    const { io, env } = deps;
    if (inputs.auth === "oidc" && !(0,missing_oidc/* hasOidcRequest */.nc)(env)) {
        const missing = (0,missing_oidc/* explainMissingOidc */.dM)(env);
        if (!inputs.dryRun || !missing.withheldByGitHub)
            throw new errors/* SyncError */.S0(missing.message, missing.hint);
        context.notes.push(`Validated offline, without reading the vault. ${missing.message}`);
        return undefined;
    }
    // One pool of kept-alive connections for sign-in and vault: a handshake per host, not per request.
    const agent = createConnectionAgent(env);
    context.agent = agent;
    const credential = await deps.createCredential({ ...(0,sign_in_options/* readCredentialOptions */.o)(inputs, env, io), agent });
    const { verifySignIn } = await Promise.all(/* import() */[__webpack_require__.e(818), __webpack_require__.e(563), __webpack_require__.e(411), __webpack_require__.e(197)]).then(__webpack_require__.bind(__webpack_require__, 7197));
    await verifySignIn(credential, inputs.cloud.vaultScope);
    io.info(`Signed in to Microsoft Entra ID${inputs.clientId ? ` as ${inputs.clientId}` : ""}.`);
    const vault = await deps.createKeyVault(inputs.vaultUrl, credential, {
        log: (message) => io.info(message),
        // A line per request is work on every request; without step debug the runner drops it unread.
        debug: io.isDebug() ? (message) => io.debug(message) : undefined,
        clientId: inputs.clientId,
        agent,
    });
    return { vault, claims: credential.presentedClaims };
}
/** Who wrote a version, from the runner's environment; the environment name only the OIDC token knows. */
function readAuditContext(env, claims) {
    const repository = env["GITHUB_REPOSITORY"];
    const runId = env["GITHUB_RUN_ID"];
    const serverUrl = env["GITHUB_SERVER_URL"] ?? "https://github.com";
    const attempt = env["GITHUB_RUN_ATTEMPT"];
    const runUrl = repository && runId
        ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}`
        : undefined;
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

/***/ 8037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   HY: () => (/* binding */ escapeWithCode),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   xE: () => (/* binding */ alert)
/* harmony export */ });
/**
 * Writing GitHub-flavoured Markdown that shows text exactly as it is. Names and reasons come
 * from users' sources and from the service, so none of their characters may become emphasis,
 * links, HTML, headings or table columns. Pure: text in, Markdown out.
 */
// Characters that start Markdown syntax anywhere in a line. Backslash-escaping any ASCII
// punctuation is valid CommonMark, so escaping a few more than needed is harmless. `:` and `@`
// stop GitHub's autolinks (https://…, e-mail addresses), emoji codes and @mentions.
const INLINE_SYNTAX = /[\\`*_[\]()#~!|{}:@]/g;
/**
 * Escapes text for inline Markdown: one line, every character shown literally. `<`, `>` and
 * `&` become entities, which also keeps the text safe inside HTML such as `<details>`.
 */
function escapeMarkdown(text) {
    const oneLine = removeControls(text).replace(/\s*(?:\r\n|\r|\n)\s*/g, " ");
    // "www." autolinks without a scheme; an escaped dot stops it.
    const escaped = escapeEntities(oneLine)
        .replace(INLINE_SYNTAX, "\\$&")
        .replace(/(www)\./gi, "$1\\.");
    // At the start of a line these begin a list item or a setext underline (`>` is an entity already).
    return escaped.replace(/^[-+=]/, "\\$&").replace(/^(\d+)([.)])/, "$1\\$2");
}
/**
 * Escapes the action's own messages, where `…` marks code (an input, a setting): those parts
 * become code spans, the rest is escaped as escapeMarkdown does.
 */
function escapeWithCode(text) {
    return text
        .split(/(`[^`\r\n]+`)/)
        .map((part, index) => (index % 2 === 1 ? codeSpan(part.slice(1, -1)) : escapeMarkdown(part)))
        .join("");
}
/** Escapes text for a table cell: as escapeMarkdown, with line breaks kept as `<br>`. */
function escapeCell(text) {
    return removeControls(text)
        .split(/\r\n|\r|\n/)
        .map((line) => escapeMarkdown(line))
        .join("<br>");
}
/** Inline code: a backtick run longer than any inside, so the text cannot end the span. */
function codeSpan(text) {
    const oneLine = removeControls(text).replace(/\r\n|\r|\n/g, " ");
    const marks = "`".repeat(longestRun(oneLine, "`") + 1);
    const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
    return `${marks}${pad}${oneLine}${pad}${marks}`;
}
/** A fenced block longer than any backtick run inside, so the text cannot close it. */
function fence(text, language = "text") {
    const marks = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
    return `${marks}${language}\n${removeControls(text)}\n${marks}`;
}
/** A Markdown link; the URL must be one this action built (percent-encoded, no spaces). */
function link(label, url) {
    return `[${label}](${url.replaceAll("(", "%28").replaceAll(")", "%29")})`;
}
/** A GFM table; cells must already be escaped. */
function table(header, rows) {
    const line = (cells) => `| ${cells.join(" | ")} |`;
    return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}
/** A GitHub alert (`> [!NOTE]`, `> [!WARNING]`…) around lines of Markdown. */
function alert(kind, lines) {
    return [`> [!${kind}]`, ...lines.map((line) => (line === "" ? ">" : `> ${line}`))];
}
function escapeEntities(text) {
    return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
function removeControls(text) {
    // eslint-disable-next-line no-control-regex -- removing control characters is this function's job
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
function longestRun(text, char) {
    let longest = 0;
    let current = 0;
    for (const c of text) {
        current = c === char ? current + 1 : 0;
        longest = Math.max(longest, current);
    }
    return longest;
}


/***/ }),

/***/ 1786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ readCredentialOptions)
/* harmony export */ });
function readCredentialOptions(inputs, env, io) {
    return {
        auth: inputs.auth,
        tenantId: inputs.tenantId,
        clientId: inputs.clientId,
        cloud: inputs.cloud,
        audience: inputs.audience,
        env,
        log: (message) => io.info(message),
        mask: (secret) => io.setSecret(secret),
    };
}


/***/ }),

/***/ 4107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dM: () => (/* binding */ explainMissingOidc),
/* harmony export */   m8: () => (/* binding */ REQUEST_TOKEN),
/* harmony export */   nc: () => (/* binding */ hasOidcRequest),
/* harmony export */   sf: () => (/* binding */ REQUEST_URL)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8794);
/**
 * Whether a job can ask GitHub for an OIDC token, and if not why, told apart so each case gets
 * its own fix: outside GitHub Actions, Dependabot, a fork's pull request (GitHub withholds the
 * token by its own rule), or a workflow without `id-token: write`.
 */


const REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
const REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
/** True when the runner gave this job what it needs to ask GitHub for an OIDC token. */
function hasOidcRequest(env) {
    return Boolean(env[REQUEST_URL]) && Boolean(env[REQUEST_TOKEN]);
}
// Events whose runs GitHub starts with the fork's reduced permissions when the head is a fork.
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);
// Events GitHub treats as coming from a fork when Dependabot triggers them (its "Restrictions when
// Dependabot triggers events"); pull_request_target only for a pull request Dependabot opened.
const DEPENDABOT_EVENTS = new Set([...PULL_REQUEST_EVENTS, "push", "create", "deployment", "deployment_status"]);
const DEPENDABOT = "dependabot[bot]";
/**
 * Why the job has no OIDC token request variables. Each cause has its own fix, so telling a fork
 * pull request from a missing `permissions:` entry matters: the second is fixable, the first is not.
 */
function explainMissingOidc(env, readEventPayload = readJsonFile) {
    if (env["GITHUB_ACTIONS"] !== "true") {
        return {
            reason: "outside-github-actions",
            withheldByGitHub: false,
            message: "No GitHub OIDC token: this is not running in a GitHub Actions job.",
            hint: "Outside GitHub Actions, sign in with `auth: azure-cli` (after `az login`) or `auth: managed-identity`.",
        };
    }
    let payload;
    const readPayload = () => {
        const path = env["GITHUB_EVENT_PATH"];
        payload ??= path ? readEventPayload(path) : undefined;
        return payload;
    };
    const event = env["GITHUB_EVENT_NAME"] ?? "";
    if (isDependabotRun(env, event, readPayload)) {
        return {
            reason: "dependabot",
            withheldByGitHub: true,
            message: "No GitHub OIDC token: GitHub treats runs triggered by Dependabot like fork pull requests and gives them no OIDC token by default.",
            hint: "Let Dependabot pull requests run as dry runs (`dry-run: auto` does this), " +
                "or skip this step with `if: github.actor != 'dependabot[bot]'`.",
        };
    }
    const fork = PULL_REQUEST_EVENTS.has(event) ? findForkHead(readPayload()) : undefined;
    if (fork !== undefined) {
        return {
            reason: "fork-pull-request",
            withheldByGitHub: true,
            message: `No GitHub OIDC token: this is a pull request from the fork ${fork}, ` +
                "and GitHub never grants `id-token: write` to pull requests from forks.",
            hint: "Fork pull requests can only run as offline dry runs (`dry-run: auto` does this). " +
                "Sync from a workflow that runs in the base repository, e.g. on push after the merge.",
        };
    }
    return {
        reason: "missing-permission",
        withheldByGitHub: false,
        message: `No GitHub OIDC token: ${REQUEST_URL} and ${REQUEST_TOKEN} are not set for this job.`,
        hint: "Add `permissions: { id-token: write, contents: read }` to the workflow or to this job. " +
            "A reusable workflow gets the permission only if its caller grants it as well. " +
            "A dry run needs the token too: its plan is only worth something once it has read the vault.",
    };
}
/** GitHub's rule: the run's actor is Dependabot, on an event it restricts for Dependabot. */
function isDependabotRun(env, event, readPayload) {
    const actor = env["GITHUB_ACTOR"] ?? (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(readPayload(), "sender"), "login");
    if (actor !== DEPENDABOT)
        return false;
    if (DEPENDABOT_EVENTS.has(event))
        return true;
    return (event === "pull_request_target" &&
        (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(readPayload(), "pull_request"), "user"), "login") === DEPENDABOT);
}
/**
 * The fork's full name when the payload describes a pull request whose head is another
 * repository. `head.repo.fork` alone is not enough: a pull request between two branches of a
 * repository that is itself a fork has it set, and gets a token. So the repositories are
 * compared, by ID, else by name, and the flag decides only when neither is known.
 */
function findForkHead(payload) {
    const pullRequest = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(payload, "pull_request");
    if (pullRequest === undefined)
        return undefined;
    const headRepo = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(pullRequest, "head"), "repo");
    const baseRepo = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(pullRequest, "base"), "repo");
    // A deleted fork leaves `head.repo` null; it was still a fork.
    if (headRepo === null)
        return "(deleted)";
    const headName = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(headRepo, "full_name");
    const isFork = compareKnown((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(headRepo, "id"), (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(baseRepo, "id"), "number") ??
        compareKnown(headName, (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(baseRepo, "full_name"), "string") ??
        (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readProperty */ .i)(headRepo, "fork") === true;
    if (!isFork)
        return undefined;
    return typeof headName === "string" ? headName : "(unknown)";
}
/** True when both are of the type and differ, false when both are and match, else undefined. */
function compareKnown(head, base, type) {
    return typeof head === type && typeof base === type ? head !== base : undefined;
}
function readJsonFile(path) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, "utf8"));
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 6750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F$: () => (/* binding */ AZURE_LOGIN_CLOUD_NAMES),
/* harmony export */   JJ: () => (/* binding */ CLOUDS),
/* harmony export */   Su: () => (/* binding */ findCloudName),
/* harmony export */   i0: () => (/* binding */ findCloudByVaultHost),
/* harmony export */   vD: () => (/* binding */ CLOUD_NAMES)
/* harmony export */ });
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
/**
 * Azure/login's `environment` names for the same clouds, so a workflow can use one spelling for
 * both actions. Azure Stack and Azure Germany (closed in 2021) have no counterpart here.
 */
const AZURE_LOGIN_CLOUD_NAMES = {
    AzureCloud: "public",
    AzureUSGovernment: "usgovernment",
    AzureChinaCloud: "china",
};
/** The cloud a `cloud` input names, in this action's or Azure/login's spelling, ignoring case. */
function findCloudName(value) {
    const folded = value.toLowerCase();
    const own = CLOUD_NAMES.find((name) => name === folded);
    if (own !== undefined)
        return own;
    return Object.entries(AZURE_LOGIN_CLOUD_NAMES).find(([alias]) => alias.toLowerCase() === folded)?.[1];
}
/** The cloud whose vault suffix ends the given host name (case-insensitive), if any. */
function findCloudByVaultHost(host) {
    const lower = host.toLowerCase();
    return CLOUD_NAMES.map((name) => CLOUDS[name]).find((cloud) => lower.endsWith(`.${cloud.vaultSuffix}`));
}


/***/ }),

/***/ 7679:
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
    /** `label` is how the front door names the input: "input 'prefix'" (the Action), "option --prefix" (the CLI). */
    constructor(input, rule, hint, label = `input '${input}'`) {
        super(`Invalid ${label}: ${rule}`, hint);
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
        // JSON.stringify returns undefined for undefined, functions and symbols, whatever its type says.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}


/***/ }),

/***/ 1761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LT: () => (/* binding */ measureGlob),
/* harmony export */   kt: () => (/* binding */ matchesGlob),
/* harmony export */   pY: () => (/* binding */ checkGlob)
/* harmony export */ });
/* unused harmony export countGlobSteps */
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
    return countGlobSteps(name, pattern).matched;
}
/**
 * Matches and counts the steps taken, so tests can hold the matcher to its bound: at most
 * (name length + 1) × (pattern length + 1) steps, whatever the pattern.
 */
function countGlobSteps(name, pattern) {
    const parsed = parseGlob(pattern);
    if (!parsed.ok)
        throw new Error(`Invalid glob pattern: ${parsed.problem}`);
    return matchTokens(name, parsed.tokens);
}
/**
 * The greedy wildcard match with one saved star: on a mismatch, the most recent `*` takes one
 * more character and matching resumes after it. Earlier stars never need revisiting (a later
 * star can absorb anything they could), so the work is O(name × pattern), never exponential.
 */
function matchTokens(name, tokens) {
    let steps = 0;
    let token = 0;
    let char = 0;
    let starToken = -1;
    let starChar = 0;
    while (char < name.length) {
        steps += 1;
        const current = tokens[token];
        if (current !== undefined && current.kind === "star") {
            starToken = token;
            starChar = char;
            token += 1;
        }
        else if (current !== undefined && matchesToken(current, name[char])) {
            token += 1;
            char += 1;
        }
        else if (starToken !== -1) {
            token = starToken + 1;
            starChar += 1;
            char = starChar;
        }
        else {
            return { matched: false, steps };
        }
    }
    while (tokens[token]?.kind === "star") {
        steps += 1;
        token += 1;
    }
    return { matched: token === tokens.length, steps };
}
function matchesToken(token, char) {
    if (token.kind === "any")
        return true;
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (token.kind === "char")
        return token.char === lower || token.char === upper;
    const inClass = token.ranges.some(([low, high]) => [char, lower, upper].some((variant) => variant.length === 1 && variant >= low && variant <= high));
    return inClass !== token.negated;
}
function parseGlob(pattern) {
    if (pattern === "")
        return { ok: false, problem: "is empty" };
    if (pattern.startsWith("!")) {
        return { ok: false, problem: "starts with '!'; negation is not supported, use the exclude input instead" };
    }
    const tokens = [];
    let index = 0;
    while (index < pattern.length) {
        const char = pattern[index];
        const column = index + 1;
        if (char === "*") {
            // Consecutive stars match what one star matches.
            if (tokens.at(-1)?.kind !== "star")
                tokens.push({ kind: "star" });
            index += 1;
        }
        else if (char === "?") {
            tokens.push({ kind: "any" });
            index += 1;
        }
        else if (char === "[") {
            const parsedClass = parseClass(pattern, index);
            if (!parsedClass.ok)
                return parsedClass;
            tokens.push(parsedClass.token);
            index = parsedClass.end;
        }
        else if (char === "]") {
            return { ok: false, problem: `has ']' without a matching '[' at column ${column}` };
        }
        else if (NAME_CHAR.test(char)) {
            tokens.push({ kind: "char", char: char.toLowerCase() });
            index += 1;
        }
        else {
            return {
                ok: false,
                problem: `has a character that no source name can contain at column ${column}; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'`,
            };
        }
    }
    return { ok: true, tokens };
}
/** Parses `[...]` starting at `start` (the `[`); `end` is the index after the closing `]`. */
function parseClass(pattern, start) {
    let index = start + 1;
    let negated = false;
    if (pattern[index] === "!" || pattern[index] === "^") {
        negated = true;
        index += 1;
    }
    const ranges = [];
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
            ranges.push([low, high]);
            index += 3;
        }
        else {
            ranges.push([low, low]);
            index += 1;
        }
    }
    if (index >= pattern.length) {
        return { ok: false, problem: `has '[' without a closing ']' at column ${start + 1}` };
    }
    if (ranges.length === 0) {
        return { ok: false, problem: `has an empty character class at column ${start + 1}` };
    }
    return { ok: true, token: { kind: "class", negated, ranges }, end: index + 1 };
}
/**
 * How specific a valid pattern is, for choosing between rules that match one name: wildcard
 * tokens (`*`, `?`, a class) and literal characters. Throws for an invalid pattern.
 */
function measureGlob(pattern) {
    const parsed = parseGlob(pattern);
    if (!parsed.ok)
        throw new Error(`Invalid pattern: ${parsed.problem}`);
    const literals = parsed.tokens.filter((token) => token.kind === "char").length;
    return { wildcards: parsed.tokens.length - literals, literals };
}


/***/ }),

/***/ 8794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ readProperty)
/* harmony export */ });
/** Reading parsed JSON whose shape is not known: a property of an object, else undefined. */
function readProperty(value, key) {
    if (typeof value !== "object" || value === null)
        return undefined;
    return value[key];
}


/***/ }),

/***/ 1482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WS: () => (/* binding */ mapWithConcurrency),
/* harmony export */   dt: () => (/* binding */ sleepFor),
/* harmony export */   t7: () => (/* binding */ createConcurrencyGate)
/* harmony export */ });
/* unused harmony export createWindowLimiter */
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
 * Runs work as it comes, at most `limit` at a time (for work that does not arrive as one array,
 * such as reads started page by page). Each call resolves with its work's result.
 */
function createConcurrencyGate(limit) {
    const bound = Math.max(1, Math.floor(limit));
    let running = 0;
    const waiting = [];
    return async (work) => {
        if (running >= bound)
            await new Promise((resolve) => waiting.push(resolve));
        else
            running += 1;
        try {
            return await work();
        }
        finally {
            // Hand the slot straight to the next waiter, so the count never drops and rises again.
            const next = waiting.shift();
            if (next === undefined)
                running -= 1;
            else
                next();
        }
    };
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

/***/ 5880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D8: () => (/* binding */ findUnusedPatterns),
/* harmony export */   EM: () => (/* binding */ MAX_NAME_LENGTH),
/* harmony export */   Vb: () => (/* binding */ nameSecrets),
/* harmony export */   jD: () => (/* binding */ explainEmptySelection),
/* harmony export */   sp: () => (/* binding */ isSelected)
/* harmony export */ });
/* unused harmony exports MAX_VALUE_BYTES, GITHUB_TOKEN_NAME, transformName, findNameProblem, describeOrigin */
/* harmony import */ var _globs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1761);
/* harmony import */ var _sources_source_entry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1327);
/* harmony import */ var _secret_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2757);



const MAX_NAME_LENGTH = 127;
/**
 * Key Vault documents "25k bytes" per value. We read that as 25 × 1024 bytes of UTF-8 (the Azure
 * CLI refuses above 25,600 too); a value the service still refuses fails on its own at write time.
 */
const MAX_VALUE_BYTES = 25 * 1024;
/** GitHub puts GITHUB_TOKEN into every `toJSON(secrets)`; it is never meant for a vault. */
const GITHUB_TOKEN_NAME = "github_token";
const SECRET_NAME = /^[0-9A-Za-z-]+$/;
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
        const name = rules.prefix + (rules.nameFor?.(entry.key) ?? transformName(entry.key, rules.transform));
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
        desired: desired.sort(_secret_names_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBySecretName */ .Y),
        rejected: rejected.sort(_secret_names_js__WEBPACK_IMPORTED_MODULE_0__/* .compareBySecretName */ .Y),
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
    if (rules.include.length > 0 && !rules.include.some((pattern) => (0,_globs_js__WEBPACK_IMPORTED_MODULE_1__/* .matchesGlob */ .kt)(key, pattern)))
        return false;
    return !rules.exclude.some((pattern) => (0,_globs_js__WEBPACK_IMPORTED_MODULE_1__/* .matchesGlob */ .kt)(key, pattern));
}
/**
 * Patterns that matched none of the source names: usually a typo or a source that no longer
 * holds what the workflow expects, so each is reported. Both lists are matched against every
 * source name (before transform and prefix), the way the patterns are written.
 */
function findUnusedPatterns(keys, rules) {
    const unused = (input, patterns) => patterns.flatMap((pattern, index) => (keys.some((key) => (0,_globs_js__WEBPACK_IMPORTED_MODULE_1__/* .matchesGlob */ .kt)(key, pattern)) ? [] : [{ input, position: index + 1, pattern }]));
    return [...unused("include", rules.include), ...unused("exclude", rules.exclude)];
}
/**
 * Why sources that hold entries selected none of them, for a run that must fail rather than
 * pass green having synced nothing. Patterns are not secret (they may hold only name characters
 * and wildcards), so they are quoted.
 */
function explainEmptySelection(keys, rules) {
    const entries = keys.length === 1 ? "1 entry" : `${keys.length} entries`;
    const onlyToken = keys.every((key) => key.toLowerCase() === GITHUB_TOKEN_NAME);
    const message = onlyToken
        ? `Nothing to sync: the sources hold only ${GITHUB_TOKEN_NAME}, which is synced only when include names it exactly`
        : `Nothing to sync: the sources hold ${entries}, and include/exclude selected none of them`;
    const unused = findUnusedPatterns(keys, rules).map((item) => `${item.input} pattern ${item.position} ('${item.pattern}') matched no source name.`);
    const advice = "Patterns match source names as written in the sources (before prefix and name transform), ignoring case.";
    return { message, hint: [...unused, advice].join("\n") };
}
/** Why Key Vault cannot hold this name, or undefined when it can. Names are not secret. */
function findNameProblem(name, transform) {
    if (name === "")
        return "Key Vault names need at least one character";
    if (name.length > MAX_NAME_LENGTH) {
        return `Key Vault names are at most ${MAX_NAME_LENGTH} characters; '${name}' has ${name.length} (prefix included)`;
    }
    if (!SECRET_NAME.test(name)) {
        const offending = [...new Set(Array.from(name).filter((char) => !SECRET_NAME.test(char)))];
        const shown = offending.map((char) => `'${char}'`).join(", ");
        const advice = transform === "none" ? " (use name-transform: hyphens)" : "";
        return `Key Vault names may contain only letters, digits and hyphens; '${name}' has ${shown}${advice}`;
    }
    return undefined;
}
/** How an entry's origin reads in messages: "secrets", or the file and line ("deploy/.env line 3"). */
function describeOrigin(origin) {
    const location = (0,_sources_source_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .locateOrigin */ .h)(origin);
    return location === undefined ? origin.kind : `${location.file} line ${location.line}`;
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


/***/ }),

/***/ 2757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ compareBySecretName)
/* harmony export */ });
/**
 * Secret names in a vault (not the vault's own name: see vault-url.ts) as the service treats
 * them. Pure: naming, planning and reporting all order their lists with the one comparator here,
 * so every list the action shows is in the same order.
 */
/** By UTF-16 code unit, not by locale: the same order on every runner. */
function compareText(left, right) {
    return left < right ? -1 : left > right ? 1 : 0;
}
/**
 * Key Vault name ignoring case (as Key Vault compares names), then the exact name, then the
 * source key, so the order is total and stable. A missing name or source sorts as "".
 */
function compareBySecretName(left, right) {
    const leftName = left.name ?? "";
    const rightName = right.name ?? "";
    return (compareText(leftName.toLowerCase(), rightName.toLowerCase()) ||
        compareText(leftName, rightName) ||
        compareText(left.source ?? "", right.source ?? ""));
}


/***/ }),

/***/ 1327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ locateOrigin)
/* harmony export */ });
/** The file and line of a file-backed origin; undefined for an origin that is not a file. */
function locateOrigin(origin) {
    return origin !== undefined && "file" in origin ? { file: origin.file, line: origin.line } : undefined;
}


/***/ }),

/***/ 2225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F5: () => (/* binding */ MAX_USER_TAGS),
/* harmony export */   Jz: () => (/* binding */ selectUserTags),
/* harmony export */   OH: () => (/* binding */ PREFIX_TAG),
/* harmony export */   Ti: () => (/* binding */ MAX_TAG_LENGTH),
/* harmony export */   ZF: () => (/* binding */ isSamePrefix),
/* harmony export */   fr: () => (/* binding */ readPrefix),
/* harmony export */   m5: () => (/* binding */ buildTags),
/* harmony export */   m9: () => (/* binding */ readOwnership),
/* harmony export */   pL: () => (/* binding */ RESERVED_TAGS),
/* harmony export */   x3: () => (/* binding */ MAX_TAGS)
/* harmony export */ });
/* unused harmony exports MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG, AUDIT_TAGS */
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


/***/ }),

/***/ 4414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readVaultName),
/* harmony export */   W: () => (/* binding */ parseVault)
/* harmony export */ });
/* harmony import */ var _clouds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6750);
/**
 * A vault's own name and URL (not the names of the secrets in it, see secret-names.ts): reading
 * the `vault` setting as a name or an https URL, and the name back from a URL. Pure.
 */

const VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;
const VAULT_NAME_RULE = 'a vault name has 3 to 24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no "--"';
/** A vault name, or an https URL whose host is NAME.<suffix of `cloud`>, as the vault's base URL and name. */
function parseVault(value, cloud) {
    if (!value.includes("://")) {
        if (!isVaultName(value))
            return { kind: "invalid", rule: `is neither a vault name nor an https URL: ${VAULT_NAME_RULE}; a URL starts with https://` };
        const name = value.toLowerCase();
        return { kind: "vault", url: `https://${name}.${cloud.vaultSuffix}`, name };
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return { kind: "invalid", rule: "is not a valid URL" };
    }
    const problem = findVaultUrlProblem(url, cloud);
    if (problem !== undefined)
        return { kind: "invalid", ...problem };
    // URL lower-cases the host, so the name is already canonical.
    const name = url.hostname.slice(0, -(cloud.vaultSuffix.length + 1));
    if (!isVaultName(name))
        return { kind: "invalid", rule: `has a host that does not start with a vault name: ${VAULT_NAME_RULE}` };
    return { kind: "vault", url: `https://${name}.${cloud.vaultSuffix}`, name };
}
function isVaultName(value) {
    return VAULT_NAME.test(value) && !value.includes("--");
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
    const other = (0,_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .findCloudByVaultHost */ .i0)(host);
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

/***/ 9961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qx: () => (/* binding */ decideThrottleDelay),
/* harmony export */   ZT: () => (/* binding */ decideVaultRetry),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony export UNSAFE_TO_REPEAT */
/* harmony import */ var _vault_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5314);

const DEFAULT_RETRY = {
    throttleRetries: 5,
    throttleBaseDelayMs: 1000,
    throttleMaxDelayMs: 16_000,
    maxRetryAfterMs: 60_000,
    forbiddenDelaysMs: [3000, 6000],
    conflictDelaysMs: [500, 1000, 2000, 4000, 8000],
    recoverWaitDelaysMs: [250, 500, 1000, 2000, 2000, 4000, 4000, 8000, 8000],
    transientRetries: 3,
    transientDelayMs: 1000,
};
/**
 * How long to wait before retry `retry` (0 for the first) of a 429, or undefined to give up.
 * Exponential backoff with ±20 % jitter (`random` in [0, 1)); a Retry-After is honoured up to
 * `maxRetryAfterMs`, but never waits less than the backoff.
 */
function decideThrottleDelay(retry, retryAfterMs, random, settings) {
    if (retry >= settings.throttleRetries)
        return undefined;
    const nominal = Math.min(settings.throttleMaxDelayMs, settings.throttleBaseDelayMs * 2 ** retry);
    const backoff = Math.round(nominal * (0.8 + 0.4 * random));
    return retryAfterMs === undefined ? backoff : Math.max(backoff, Math.min(retryAfterMs, settings.maxRetryAfterMs));
}
// ---- Refusals the adapter waits out ----
const READS = new Set(["list", "list-deleted", "list-versions", "get", "get-deleted"]);
/** The calls the SDK does not repeat on a lost answer (PUT, DELETE, POST): the adapter does, after a look. */
const UNSAFE_TO_REPEAT = new Set(["set", "delete", "recover"]);
/** Whether and how long to wait before trying a refused call again, with the state after it. */
function decideVaultRetry(kind, operation, tries, memory, settings) {
    const stop = { delayMs: undefined, answerLost: false, tries: { ...tries }, memory: { ...memory } };
    if (UNSAFE_TO_REPEAT.has(operation) && kind === "transient") {
        if (tries.lost >= settings.transientRetries)
            return { ...stop, answerLost: true };
        return { ...stop, delayMs: settings.transientDelayMs * 2 ** tries.lost, answerLost: true, tries: { ...tries, lost: tries.lost + 1 } };
    }
    if ((0,_vault_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .mayStillBePropagating */ .RD)(kind)) {
        if (memory.succeededOnce && READS.has(operation))
            return stop;
        const delayMs = memory.propagationWaitedOut ? undefined : settings.forbiddenDelaysMs[tries.forbidden];
        if (delayMs === undefined)
            return { ...stop, memory: { ...memory, propagationWaitedOut: true } };
        return { ...stop, delayMs, tries: { ...tries, forbidden: tries.forbidden + 1 } };
    }
    const settling = kind === "being-deleted" || kind === "being-recovered" || (operation === "recover" && kind === "not-found");
    if (settling) {
        const delayMs = settings.conflictDelaysMs[tries.conflict];
        if (delayMs === undefined)
            return stop;
        return { ...stop, delayMs, tries: { ...tries, conflict: tries.conflict + 1 } };
    }
    return stop;
}


/***/ }),

/***/ 5314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hb: () => (/* binding */ VaultError),
  Bk: () => (/* binding */ classifyVaultError),
  hD: () => (/* binding */ createVaultError),
  w7: () => (/* binding */ isAccessDenied),
  RD: () => (/* binding */ mayStillBePropagating),
  fS: () => (/* binding */ summarise)
});

// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/engine/vault-url.ts
var vault_url = __webpack_require__(4414);
;// CONCATENATED MODULE: ./src/engine/vault/governance-policy.ts
/**
 * Azure Policy denials of secret writes (issue 11). In a governed tenant Key Vault itself
 * evaluates policies of mode Microsoft.KeyVault.Data and refuses a non-compliant write with 403,
 * inner code ForbiddenByGovernancePolicy, and a message naming the assignment and the
 * definition (docs/azure-facts.md#azure-policy-on-secrets). Pure: text in, text out.
 */
/** Reads "… was disallowed by policy. policyAssignment: ASSIGNMENT / "DEFINITION"" loosely. */
function readPolicyDenial(message) {
    const match = /policyAssignment:\s*(.*)$/is.exec(message);
    if (match === null)
        return { assignment: undefined, definition: undefined };
    const [assignmentPart, ...rest] = match[1].split(" / ");
    const clean = (text) => {
        const trimmed = text
            ?.split(/\r?\n/)[0]
            ?.trim()
            .replace(/^["'“]+|["'”.]+$/g, "")
            .trim();
        return trimmed === "" ? undefined : trimmed;
    };
    return { assignment: clean(assignmentPart), definition: clean(rest.join(" / ")) };
}
/** Which setting satisfies the definition, by its display name; undefined when it is not one we know. */
function findSatisfyingSetting(definition) {
    if (definition === undefined)
        return undefined;
    if (/content type/i.test(definition))
        return "'content-type' (the input, or a rules entry)";
    if (/maximum validity/i.test(definition)) {
        return "'expires-in' no longer than the policy's maximum validity period (the input, or a rules entry), with 'renew-before' in the rules so the expiry is renewed in time";
    }
    if (/expiration date|expiry|expire/i.test(definition))
        return "'expires-in' (the input, or a rules entry)";
    return undefined;
}
/** The hint for a denied write: which assignment, and which setting makes the secret pass. */
function explainPolicyDenial(message) {
    const { assignment, definition } = readPolicyDenial(message);
    const who = assignment === undefined ? "An Azure Policy assignment" : `Azure Policy assignment '${assignment}'`;
    const what = definition === undefined ? "" : ` ("${definition}")`;
    const setting = findSatisfyingSetting(definition);
    const fix = setting === undefined
        ? "Give this secret the metadata the policy requires (content-type, expires-in) in the inputs or the rules; the policy's definition says which."
        : `Set ${setting} for this secret.`;
    return `${who}${what} denies this write; Key Vault enforces it for every writer, so retrying cannot help. ${fix}`;
}

// EXTERNAL MODULE: ./src/engine/vault/vault-policies.ts
var vault_policies = __webpack_require__(440);
;// CONCATENATED MODULE: ./src/engine/vault/vault-errors.ts
/**
 * What a refused Key Vault call means: the failure read from an SDK error (status, codes, the
 * case it names), the VaultError the rest of the action sees, and the one table of hints. Pure:
 * it reads errors as plain data and never imports the Key Vault SDK.
 */




/**
 * Was the identity refused by the vault's access control? RBAC and access-policy refusals say so;
 * a 403 that names neither nor the firewall counts too, as nothing points at the network. The
 * firewall is not an access denial of the identity: another identity would be refused as well.
 */
function isAccessDenied(kind) {
    return kind === "forbidden-rbac" || kind === "forbidden-policy" || kind === "forbidden-other";
}
/**
 * Did the refusal name a permission model whose changes propagate (RBAC role assignments, access
 * policies), so that waiting may help? An unexplained 403 names none, so it is not waited on.
 */
function mayStillBePropagating(kind) {
    return isAccessDenied(kind) && kind !== "forbidden-other";
}
/** A refused Key Vault call: what failed, for which secret, why, and how to fix it. */
class VaultError extends errors/* SyncError */.S0 {
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
const NETWORK_CODES = new Set([
    "ETIMEDOUT",
    "ESOCKETTIMEDOUT",
    "ECONNREFUSED",
    "ECONNRESET",
    "ENOENT",
    "ENOTFOUND",
    "EPIPE",
    "EAI_AGAIN",
    "REQUEST_SEND_ERROR",
]);
const FORBIDDEN_KINDS = {
    ForbiddenByRbac: "forbidden-rbac",
    AccessDenied: "forbidden-policy",
    ForbiddenByPolicy: "forbidden-policy",
    ForbiddenByFirewall: "forbidden-firewall",
    ForbiddenByGovernancePolicy: "forbidden-governance",
    ForbiddenByConnection: "forbidden-firewall",
    SecretManagedByKeyVault: "managed-by-key-vault",
    SecretDisabled: "disabled",
};
const CONFLICT_KINDS = {
    ObjectIsDeletedButRecoverable: "deleted-recoverable",
    ObjectIsBeingDeleted: "being-deleted",
    ObjectIsBeingRecovered: "being-recovered",
};
/** Read status and codes the way the SDK surfaces them (docs/azure-facts.md#errors-and-how-the-sdk-reports-them) and name the case. */
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
        return `no answer within ${vault_policies/* REQUEST_TIMEOUT_MS */.j2 / 1000} s (request timed out)`;
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
        if (/was disallowed by policy/i.test(message))
            return "forbidden-governance";
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
    "forbidden-governance": (ctx) => explainPolicyDenial(ctx.message),
    "managed-by-key-vault": () => "This secret backs a certificate; change the certificate instead, or sync under another name.",
    disabled: (ctx) => `Enable it (az keyvault secret set-attributes --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"} --enabled true) or remove it from the sources.`,
    "deleted-recoverable": (ctx) => `The name is soft-deleted. Recover it (az keyvault secret recover --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"}) or purge it by hand; keyvault-sync never purges.`,
    "being-deleted": () => "Key Vault is still processing a delete of this name; run the sync again in a minute.",
    "being-recovered": () => "Key Vault is still processing a recovery of this name; run the sync again in a minute.",
    throttled: () => "Key Vault kept throttling after repeated backoff; lower the 'concurrency' input or spread runs that share the vault.",
    transient: () => "Key Vault or the network failed repeatedly; run the job again.",
};
/** First line of the service message, with status, inner code and RBAC action: one readable line. */
function summarise(failure) {
    const firstLine = failure.message.split(/\r?\n/)[0]?.trim() || failure.message;
    // The fixed descriptions ("the request failed (ECONNRESET)") already name their codes.
    const codes = [failure.status, failure.innerCode ?? failure.code]
        .filter((part) => part !== undefined && !new RegExp(`\\b${String(part)}\\b`).test(firstLine))
        .join(" ");
    const action = /Action: '([^']+)'/.exec(failure.message)?.[1];
    const detail = [codes, action ? `action ${action}` : undefined].filter(Boolean).join(", ");
    return detail ? `${firstLine} (${detail})` : firstLine;
}
/** Build the error for a refused call; the fake vault in tests builds its errors here too. */
function createVaultError(failure, operation, context) {
    const vaultName = (0,vault_url/* readVaultName */.O)(context.vaultUrl);
    const target = context.secretName === undefined ? "" : ` secret '${context.secretName}'`;
    const message = `Failed to ${VERBS[operation]}${target} in vault '${vaultName}': ${summarise(failure)}`;
    const hint = HINTS[failure.kind]?.({
        operation,
        message: failure.message,
        vaultName,
        secretName: context.secretName,
        clientId: context.clientId,
    });
    return new VaultError(message, hint, failure, operation, context.secretName);
}


/***/ }),

/***/ 440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jx: () => (/* binding */ createThrottlePolicy),
/* harmony export */   i_: () => (/* binding */ createNoBlindRepeatPolicy),
/* harmony export */   j2: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   jj: () => (/* binding */ restoreErrorBody),
/* harmony export */   mZ: () => (/* binding */ createTimeoutPolicy),
/* harmony export */   r8: () => (/* binding */ createErrorBodyPolicy)
/* harmony export */ });
/* unused harmony exports OutcomeUnknownError, readRetryAfterMs */
/* harmony import */ var _retry_rules_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9961);

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
 * The SDK sends without a timeout by default; a stalled connection would hang the run. Its own
 * `request.timeout` is not used: the SDK clears that timer only when an answer arrives, so after a
 * dropped connection the timer kept the process alive for the whole timeout after its last output.
 * This one aborts through the request's signal and is cleared however the try ends. Place it
 * closest to the wire (after the retry policies), so every try gets the whole timeout.
 */
function createTimeoutPolicy(timeoutMs) {
    return {
        name: "keyvaultSyncTimeout",
        async sendRequest(request, next) {
            const callerSignal = request.abortSignal;
            const controller = new AbortController();
            const abort = () => controller.abort();
            if (callerSignal?.aborted)
                abort();
            callerSignal?.addEventListener("abort", abort);
            const timer = setTimeout(abort, timeoutMs);
            // A pending try must not be what keeps the process alive, whatever happens to it.
            timer.unref();
            request.abortSignal = controller.signal;
            try {
                return await next(request);
            }
            finally {
                clearTimeout(timer);
                callerSignal?.removeEventListener("abort", abort);
                // The retry policy sends the same request object again: the next try starts unaborted.
                request.abortSignal = callerSignal;
            }
        },
    };
}
// ---- Writes whose answer was lost ----
/**
 * Methods the SDK must not repeat on its own: a repeated PUT stores a second version, a repeated
 * DELETE or recover fails on the state the first one left. PATCH and reads are safe to repeat.
 */
const UNSAFE_TO_REPEAT = new Set(["PUT", "POST", "DELETE"]);
/** The network errors the SDK's retry policy repeats a request on. */
const REPEATED_NETWORK_CODES = new Set([
    "ETIMEDOUT",
    "ESOCKETTIMEDOUT",
    "ECONNREFUSED",
    "ECONNRESET",
    "ENOENT",
    "ENOTFOUND",
]);
/**
 * A write that may or may not have been stored: the connection failed after it was sent, or the
 * service answered with a status the SDK would retry (408, 5xx). Not a RestError, so the SDK's
 * retry policy passes it straight up; the adapter reads the secret before deciding to write
 * again. Holds status, code and Key Vault's error body, never the request (its body is the value).
 */
class OutcomeUnknownError extends Error {
    statusCode;
    code;
    details;
    constructor(statusCode, code, body) {
        super("the answer to a write was lost; it may or may not have been stored");
        this.name = "OutcomeUnknownError";
        this.statusCode = statusCode;
        this.code = code;
        this.details = body === undefined ? undefined : { error: body };
    }
}
function isRepeatedStatus(status) {
    return status === 408 || (status >= 500 && status !== 501 && status !== 505);
}
function readErrorBody(text) {
    if (!text)
        return undefined;
    try {
        const parsed = JSON.parse(text);
        return parsed.error && typeof parsed.error === "object" ? parsed.error : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Turns every failure of a PUT, POST or DELETE that the SDK would retry into an
 * OutcomeUnknownError. Place it after the SDK's retry policy (perRetry), so it sees each try.
 */
function createNoBlindRepeatPolicy() {
    return {
        name: "keyvaultSyncNoBlindRepeat",
        async sendRequest(request, next) {
            if (!UNSAFE_TO_REPEAT.has(request.method))
                return next(request);
            let response;
            try {
                response = await next(request);
            }
            catch (error) {
                const code = typeof error === "object" && error !== null ? error.code : undefined;
                if (typeof code === "string" && REPEATED_NETWORK_CODES.has(code))
                    throw new OutcomeUnknownError(undefined, code, undefined);
                throw error;
            }
            if (!isRepeatedStatus(response.status))
                return response;
            const body = readErrorBody(response.bodyAsText ?? undefined);
            const code = typeof body?.code === "string" ? body.code : undefined;
            throw new OutcomeUnknownError(response.status, code, body);
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
                const asked = readRetryAfterMs(response.headers, options.now());
                const delay = (0,_retry_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .decideThrottleDelay */ .Qx)(retry, asked, options.random(), options.settings);
                if (delay === undefined) {
                    for (const name of ["retry-after", ...RETRY_AFTER_MS_HEADERS])
                        response.headers.delete(name);
                    return response;
                }
                const path = new URL(request.url).pathname;
                const why = asked === undefined ? "no Retry-After" : `Retry-After ${(asked / 1000).toFixed(1)} s`;
                options.log(`Key Vault throttled ${request.method} ${path} (429, ${why}); retry ${retry + 1} of ${options.settings.throttleRetries} in ${(delay / 1000).toFixed(1)} s`);
                await options.sleep(delay);
            }
        },
    };
}


/***/ })

};
