import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
const { EOL } = globalThis.process.getBuiltinModule("node:os");
const util = globalThis.process.getBuiltinModule("node:util");
const process = globalThis.process.getBuiltinModule("node:process");
const process2 = globalThis.process.getBuiltinModule("node:process");

// src/engine/errors.ts
var SyncError = class extends Error {
  hint;
  constructor(message, hint, options) {
    super(message, options);
    this.name = "SyncError";
    this.hint = hint;
  }
};
var InputError = class extends SyncError {
  input;
  /** `label` is how the front door names the input: "input 'prefix'" (the Action), "option --prefix" (the CLI). */
  constructor(input, rule, hint, label = `input '${input}'`) {
    super(`Invalid ${label}: ${rule}`, hint);
    this.name = "InputError";
    this.input = input;
  }
};
function errorMessage(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

// src/engine/clouds.ts
var CLOUD_NAMES = ["public", "usgovernment", "china"];
var CLOUDS = {
  public: {
    name: "public",
    authorityHost: "https://login.microsoftonline.com",
    vaultSuffix: "vault.azure.net",
    audience: "api://AzureADTokenExchange",
    vaultScope: "https://vault.azure.net/.default"
  },
  usgovernment: {
    name: "usgovernment",
    authorityHost: "https://login.microsoftonline.us",
    vaultSuffix: "vault.usgovcloudapi.net",
    audience: "api://AzureADTokenExchangeUSGov",
    vaultScope: "https://vault.usgovcloudapi.net/.default"
  },
  china: {
    name: "china",
    authorityHost: "https://login.chinacloudapi.cn",
    vaultSuffix: "vault.azure.cn",
    audience: "api://AzureADTokenExchangeChina",
    vaultScope: "https://vault.azure.cn/.default"
  }
};
var AZURE_LOGIN_CLOUD_NAMES = {
  AzureCloud: "public",
  AzureUSGovernment: "usgovernment",
  AzureChinaCloud: "china"
};
function findCloudName(value) {
  const folded = value.toLowerCase();
  const own = CLOUD_NAMES.find((name) => name === folded);
  if (own !== void 0) return own;
  return Object.entries(AZURE_LOGIN_CLOUD_NAMES).find(([alias]) => alias.toLowerCase() === folded)?.[1];
}
function findCloudByVaultHost(host) {
  const lower = host.toLowerCase();
  return CLOUD_NAMES.map((name) => CLOUDS[name]).find((cloud) => lower.endsWith(`.${cloud.vaultSuffix}`));
}

// src/engine/vault-url.ts
var VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;
var VAULT_NAME_RULE = 'a vault name has 3 to 24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no "--"';
function parseVault(value, cloud) {
  if (!value.includes("://")) {
    if (!isVaultName(value))
      return { kind: "invalid", rule: `is neither a vault name nor an https URL: ${VAULT_NAME_RULE}; a URL starts with https://` };
    const name2 = value.toLowerCase();
    return { kind: "vault", url: `https://${name2}.${cloud.vaultSuffix}`, name: name2 };
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    return { kind: "invalid", rule: "is not a valid URL" };
  }
  const problem = findVaultUrlProblem(url, cloud);
  if (problem !== void 0) return { kind: "invalid", ...problem };
  const name = url.hostname.slice(0, -(cloud.vaultSuffix.length + 1));
  if (!isVaultName(name)) return { kind: "invalid", rule: `has a host that does not start with a vault name: ${VAULT_NAME_RULE}` };
  return { kind: "vault", url: `https://${name}.${cloud.vaultSuffix}`, name };
}
function isVaultName(value) {
  return VAULT_NAME.test(value) && !value.includes("--");
}
function findVaultUrlProblem(url, cloud) {
  if (url.protocol !== "https:") return { rule: "must be an https URL: Key Vault is only reached over TLS" };
  if (url.username !== "" || url.password !== "") return { rule: "must not contain a user name or password" };
  if (url.port !== "") return { rule: "must not have a port" };
  if (url.pathname !== "/" && url.pathname !== "") return { rule: "must not have a path: use the vault's base URL" };
  if (url.search !== "" || url.hash !== "") return { rule: "must not have a query or fragment" };
  const host = url.hostname;
  if (host.endsWith(`.${cloud.vaultSuffix}`)) return void 0;
  const other = findCloudByVaultHost(host);
  if (other !== void 0) {
    return {
      rule: `is a vault in the ${other.name} cloud (.${other.vaultSuffix}), but cloud is ${cloud.name}`,
      hint: `Set cloud: ${other.name}`
    };
  }
  if (/\.managedhsm\./.test(host)) return { rule: "is a Managed HSM, which holds keys, not secrets" };
  return { rule: `must have a host that ends with .${cloud.vaultSuffix} (cloud: ${cloud.name})` };
}
function readVaultName(vaultUrl) {
  try {
    return new URL(vaultUrl).hostname.split(".")[0] ?? vaultUrl;
  } catch {
    return vaultUrl;
  }
}

// src/engine/vault/governance-policy.ts
function readPolicyDenial(message) {
  const match = /policyAssignment:\s*(.*)$/is.exec(message);
  if (match === null) return { assignment: void 0, definition: void 0 };
  const [assignmentPart, ...rest] = match[1].split(" / ");
  const clean = (text) => {
    const trimmed = text?.split(/\r?\n/)[0]?.trim().replace(/^["'“]+|["'”.]+$/g, "").trim();
    return trimmed === "" ? void 0 : trimmed;
  };
  return { assignment: clean(assignmentPart), definition: clean(rest.join(" / ")) };
}
function findSatisfyingSetting(definition) {
  if (definition === void 0) return void 0;
  if (/content type/i.test(definition)) return "'content-type' (the input, or a rules entry)";
  if (/maximum validity/i.test(definition)) {
    return "'expires-in' no longer than the policy's maximum validity period (the input, or a rules entry), with 'renew-before' in the rules so the expiry is renewed in time";
  }
  if (/expiration date|expiry|expire/i.test(definition)) return "'expires-in' (the input, or a rules entry)";
  return void 0;
}
function explainPolicyDenial(message) {
  const { assignment, definition } = readPolicyDenial(message);
  const who = assignment === void 0 ? "An Azure Policy assignment" : `Azure Policy assignment '${assignment}'`;
  const what = definition === void 0 ? "" : ` ("${definition}")`;
  const setting = findSatisfyingSetting(definition);
  const fix = setting === void 0 ? "Give this secret the metadata the policy requires (content-type, expires-in) in the inputs or the rules; the policy's definition says which." : `Set ${setting} for this secret.`;
  return `${who}${what} denies this write; Key Vault enforces it for every writer, so retrying cannot help. ${fix}`;
}

// src/engine/vault/vault-policies.ts
var REQUEST_TIMEOUT_MS = 6e4;
function createErrorBodyPolicy(bodies) {
  return {
    name: "keyvaultSyncErrorBody",
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.status >= 400 && response.bodyAsText) {
        try {
          const parsed = JSON.parse(response.bodyAsText);
          if (parsed.error && typeof parsed.error === "object") bodies.set(request, parsed.error);
        } catch {
        }
      }
      return response;
    }
  };
}
function createTimeoutPolicy(timeoutMs) {
  return {
    name: "keyvaultSyncTimeout",
    async sendRequest(request, next) {
      const callerSignal = request.abortSignal;
      const controller = new AbortController();
      const abort = () => controller.abort();
      if (callerSignal?.aborted) abort();
      callerSignal?.addEventListener("abort", abort);
      const timer = setTimeout(abort, timeoutMs);
      timer.unref();
      request.abortSignal = controller.signal;
      try {
        return await next(request);
      } finally {
        clearTimeout(timer);
        callerSignal?.removeEventListener("abort", abort);
        request.abortSignal = callerSignal;
      }
    }
  };
}
var UNSAFE_TO_REPEAT = /* @__PURE__ */ new Set(["PUT", "POST", "DELETE"]);
var REPEATED_NETWORK_CODES = /* @__PURE__ */ new Set([
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOENT",
  "ENOTFOUND"
]);
var OutcomeUnknownError = class extends Error {
  statusCode;
  code;
  details;
  constructor(statusCode, code, body) {
    super("the answer to a write was lost; it may or may not have been stored");
    this.name = "OutcomeUnknownError";
    this.statusCode = statusCode;
    this.code = code;
    this.details = body === void 0 ? void 0 : { error: body };
  }
};
function isRepeatedStatus(status) {
  return status === 408 || status >= 500 && status !== 501 && status !== 505;
}
function readErrorBody(text) {
  if (!text) return void 0;
  try {
    const parsed = JSON.parse(text);
    return parsed.error && typeof parsed.error === "object" ? parsed.error : void 0;
  } catch {
    return void 0;
  }
}
function createNoBlindRepeatPolicy() {
  return {
    name: "keyvaultSyncNoBlindRepeat",
    async sendRequest(request, next) {
      if (!UNSAFE_TO_REPEAT.has(request.method)) return next(request);
      let response;
      try {
        response = await next(request);
      } catch (error) {
        const code2 = typeof error === "object" && error !== null ? error.code : void 0;
        if (typeof code2 === "string" && REPEATED_NETWORK_CODES.has(code2)) throw new OutcomeUnknownError(void 0, code2, void 0);
        throw error;
      }
      if (!isRepeatedStatus(response.status)) return response;
      const body = readErrorBody(response.bodyAsText ?? void 0);
      const code = typeof body?.code === "string" ? body.code : void 0;
      throw new OutcomeUnknownError(response.status, code, body);
    }
  };
}
function restoreErrorBody(error, bodies) {
  if (typeof error !== "object" || error === null) return error;
  const fields = error;
  if (fields.details?.error !== void 0 || typeof fields.request !== "object" || fields.request === null) return error;
  const body = bodies.get(fields.request);
  if (body === void 0) return error;
  const innerCode = body.innererror?.code;
  return {
    statusCode: fields.statusCode,
    code: fields.code,
    message: fields.message,
    details: { error: { code: body.code, message: body.message, innerError: innerCode === void 0 ? void 0 : { code: innerCode } } }
  };
}
var RETRY_AFTER_MS_HEADERS = ["retry-after-ms", "x-ms-retry-after-ms"];
function readRetryAfterMs(headers, now) {
  for (const name of RETRY_AFTER_MS_HEADERS) {
    const value = Number(headers.get(name));
    if (headers.has(name) && Number.isFinite(value) && value >= 0) return value;
  }
  const raw = headers.get("retry-after");
  if (raw === void 0) return void 0;
  const seconds = Number(raw);
  if (raw.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : void 0;
}
function createThrottlePolicy(options) {
  return {
    name: "keyvaultSyncThrottleRetry",
    async sendRequest(request, next) {
      for (let retry = 0; ; retry += 1) {
        const response = await next(request);
        if (response.status !== 429) return response;
        const asked = readRetryAfterMs(response.headers, options.now());
        const delay = decideThrottleDelay(retry, asked, options.random(), options.settings);
        if (delay === void 0) {
          for (const name of ["retry-after", ...RETRY_AFTER_MS_HEADERS]) response.headers.delete(name);
          return response;
        }
        const path = new URL(request.url).pathname;
        const why = asked === void 0 ? "no Retry-After" : `Retry-After ${(asked / 1e3).toFixed(1)} s`;
        options.log(
          `Key Vault throttled ${request.method} ${path} (429, ${why}); retry ${retry + 1} of ${options.settings.throttleRetries} in ${(delay / 1e3).toFixed(1)} s`
        );
        await options.sleep(delay);
      }
    }
  };
}

// src/engine/vault/vault-errors.ts
function isAccessDenied(kind) {
  return kind === "forbidden-rbac" || kind === "forbidden-policy" || kind === "forbidden-other";
}
function mayStillBePropagating(kind) {
  return isAccessDenied(kind) && kind !== "forbidden-other";
}
var VaultError = class extends SyncError {
  failure;
  operation;
  secretName;
  constructor(message, hint, failure, operation, secretName) {
    super(message, hint);
    this.name = "VaultError";
    this.failure = failure;
    this.operation = operation;
    this.secretName = secretName;
  }
};
var NETWORK_CODES = /* @__PURE__ */ new Set([
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOENT",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
  "REQUEST_SEND_ERROR"
]);
var FORBIDDEN_KINDS = {
  ForbiddenByRbac: "forbidden-rbac",
  AccessDenied: "forbidden-policy",
  ForbiddenByPolicy: "forbidden-policy",
  ForbiddenByFirewall: "forbidden-firewall",
  ForbiddenByGovernancePolicy: "forbidden-governance",
  ForbiddenByConnection: "forbidden-firewall",
  SecretManagedByKeyVault: "managed-by-key-vault",
  SecretDisabled: "disabled"
};
var CONFLICT_KINDS = {
  ObjectIsDeletedButRecoverable: "deleted-recoverable",
  ObjectIsBeingDeleted: "being-deleted",
  ObjectIsBeingRecovered: "being-recovered"
};
function classifyVaultError(error) {
  const fields = typeof error === "object" && error !== null ? error : {};
  const status = typeof fields.statusCode === "number" ? fields.statusCode : void 0;
  const bodyError = fields.details?.error;
  const inner = bodyError?.innerError?.code ?? bodyError?.innererror?.code;
  const innerCode = typeof inner === "string" ? inner : void 0;
  const code = typeof bodyError?.code === "string" ? bodyError.code : typeof fields.code === "string" ? fields.code : void 0;
  const aborted = typeof error === "object" && error !== null && error.name === "AbortError";
  const message = describeFailure(status, code, typeof bodyError?.message === "string" ? bodyError.message : void 0, aborted);
  const kind = aborted ? "transient" : pickKind(status, code, innerCode, message);
  return { status, code, innerCode, message, kind };
}
function describeFailure(status, code, serviceMessage, aborted) {
  if (serviceMessage !== void 0 && status !== void 0 && status >= 400) return serviceMessage;
  if (aborted) return `no answer within ${REQUEST_TIMEOUT_MS / 1e3} s (request timed out)`;
  if (code === "PARSE_ERROR") return `Key Vault's answer could not be read${status === void 0 ? "" : ` (HTTP ${status})`}`;
  if (status === void 0) return code === void 0 ? "the request failed" : `the request failed (${code})`;
  return `unexpected answer (HTTP ${status}${code === void 0 ? "" : `, ${code}`})`;
}
function pickKind(status, code, innerCode, message) {
  if (status === void 0) return code !== void 0 && NETWORK_CODES.has(code) ? "transient" : "other";
  if (status === 403) {
    const known = innerCode === void 0 ? void 0 : FORBIDDEN_KINDS[innerCode];
    if (known) return known;
    if (/client address is not authorized|public network access is disabled|not allowed by NSP/i.test(message)) return "forbidden-firewall";
    if (/lifetime is managed by Key Vault/i.test(message)) return "managed-by-key-vault";
    if (/was disallowed by policy/i.test(message)) return "forbidden-governance";
    return "forbidden-other";
  }
  if (status === 409) return (innerCode === void 0 ? void 0 : CONFLICT_KINDS[innerCode]) ?? "other";
  if (status === 404) return "not-found";
  if (status === 429) return "throttled";
  if (status === 400 || status === 405) return "bad-request";
  if (status === 408 || status >= 500 && status !== 501 && status !== 505) return "transient";
  return "other";
}
var VERBS = {
  list: "list secrets",
  "list-deleted": "list deleted secrets",
  "list-versions": "list the versions of",
  get: "read",
  "get-deleted": "read the deleted",
  set: "set",
  update: "update the properties of",
  delete: "delete",
  recover: "recover"
};
var ROLE_FOR = {
  list: "Key Vault Reader",
  "list-deleted": "Key Vault Reader",
  "list-versions": "Key Vault Reader",
  get: "Key Vault Secrets User",
  "get-deleted": "Key Vault Reader",
  set: "Key Vault Secrets Officer",
  update: "Key Vault Secrets Officer",
  delete: "Key Vault Secrets Officer",
  recover: "Key Vault Secrets Officer"
};
var PERMISSION_FOR = {
  list: "list",
  "list-deleted": "list",
  "list-versions": "list",
  get: "get",
  "get-deleted": "get",
  set: "set",
  update: "set",
  delete: "delete",
  recover: "recover"
};
var HINTS = {
  "forbidden-rbac": (ctx) => `The identity lacks the '${ROLE_FOR[ctx.operation]}' role on this vault (a sync needs 'Key Vault Secrets Officer'; a dry run needs 'Key Vault Secrets User' to compare values). Grant it: az role assignment create --role "${ROLE_FOR[ctx.operation]}" --assignee ${ctx.clientId ?? "<client-id>"} --scope "$(az keyvault show --name ${ctx.vaultName} --query id -o tsv)". New role assignments can take a few minutes to apply.`,
  "forbidden-policy": (ctx) => `The vault uses access policies and the identity lacks the secret '${PERMISSION_FOR[ctx.operation]}' permission. Grant what a sync needs: az keyvault set-policy --name ${ctx.vaultName} --spn ${ctx.clientId ?? "<client-id>"} --secret-permissions get list set delete recover`,
  "forbidden-firewall": (ctx) => `The vault's network rules rejected the runner. Run the job on a self-hosted runner inside the vault's virtual network (private endpoint), or allow the runner's public IP: az keyvault network-rule add --name ${ctx.vaultName} --ip-address <runner-ip> (GitHub-hosted runner addresses change between runs).`,
  "forbidden-governance": (ctx) => explainPolicyDenial(ctx.message),
  "managed-by-key-vault": () => "This secret backs a certificate; change the certificate instead, or sync under another name.",
  disabled: (ctx) => `Enable it (az keyvault secret set-attributes --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"} --enabled true) or remove it from the sources.`,
  "deleted-recoverable": (ctx) => `The name is soft-deleted. Recover it (az keyvault secret recover --vault-name ${ctx.vaultName} --name ${ctx.secretName ?? "<name>"}) or purge it by hand; keyvault-sync never purges.`,
  "being-deleted": () => "Key Vault is still processing a delete of this name; run the sync again in a minute.",
  "being-recovered": () => "Key Vault is still processing a recovery of this name; run the sync again in a minute.",
  throttled: () => "Key Vault kept throttling after repeated backoff; lower the 'concurrency' input or spread runs that share the vault.",
  transient: () => "Key Vault or the network failed repeatedly; run the job again."
};
function summarise(failure) {
  const firstLine = failure.message.split(/\r?\n/)[0]?.trim() || failure.message;
  const codes = [failure.status, failure.innerCode ?? failure.code].filter((part) => part !== void 0 && !new RegExp(`\\b${String(part)}\\b`).test(firstLine)).join(" ");
  const action = /Action: '([^']+)'/.exec(failure.message)?.[1];
  const detail = [codes, action ? `action ${action}` : void 0].filter(Boolean).join(", ");
  return detail ? `${firstLine} (${detail})` : firstLine;
}
function createVaultError(failure, operation, context3) {
  const vaultName = readVaultName(context3.vaultUrl);
  const target = context3.secretName === void 0 ? "" : ` secret '${context3.secretName}'`;
  const message = `Failed to ${VERBS[operation]}${target} in vault '${vaultName}': ${summarise(failure)}`;
  const hint = HINTS[failure.kind]?.({
    operation,
    message: failure.message,
    vaultName,
    secretName: context3.secretName,
    clientId: context3.clientId
  });
  return new VaultError(message, hint, failure, operation, context3.secretName);
}

// src/engine/vault/retry-rules.ts
var DEFAULT_RETRY = {
  throttleRetries: 5,
  throttleBaseDelayMs: 1e3,
  throttleMaxDelayMs: 16e3,
  maxRetryAfterMs: 6e4,
  forbiddenDelaysMs: [3e3, 6e3],
  conflictDelaysMs: [500, 1e3, 2e3, 4e3, 8e3],
  recoverWaitDelaysMs: [250, 500, 1e3, 2e3, 2e3, 4e3, 4e3, 8e3, 8e3],
  transientRetries: 3,
  transientDelayMs: 1e3
};
function decideThrottleDelay(retry, retryAfterMs, random, settings) {
  if (retry >= settings.throttleRetries) return void 0;
  const nominal = Math.min(settings.throttleMaxDelayMs, settings.throttleBaseDelayMs * 2 ** retry);
  const backoff = Math.round(nominal * (0.8 + 0.4 * random));
  return retryAfterMs === void 0 ? backoff : Math.max(backoff, Math.min(retryAfterMs, settings.maxRetryAfterMs));
}
var READS = /* @__PURE__ */ new Set(["list", "list-deleted", "list-versions", "get", "get-deleted"]);
var UNSAFE_TO_REPEAT2 = /* @__PURE__ */ new Set(["set", "delete", "recover"]);
function decideVaultRetry(kind, operation, tries, memory, settings) {
  const stop = { delayMs: void 0, answerLost: false, tries: { ...tries }, memory: { ...memory } };
  if (UNSAFE_TO_REPEAT2.has(operation) && kind === "transient") {
    if (tries.lost >= settings.transientRetries) return { ...stop, answerLost: true };
    return { ...stop, delayMs: settings.transientDelayMs * 2 ** tries.lost, answerLost: true, tries: { ...tries, lost: tries.lost + 1 } };
  }
  if (mayStillBePropagating(kind)) {
    if (memory.succeededOnce && READS.has(operation)) return stop;
    const delayMs = memory.propagationWaitedOut ? void 0 : settings.forbiddenDelaysMs[tries.forbidden];
    if (delayMs === void 0) return { ...stop, memory: { ...memory, propagationWaitedOut: true } };
    return { ...stop, delayMs, tries: { ...tries, forbidden: tries.forbidden + 1 } };
  }
  const settling = kind === "being-deleted" || kind === "being-recovered" || operation === "recover" && kind === "not-found";
  if (settling) {
    const delayMs = settings.conflictDelaysMs[tries.conflict];
    if (delayMs === void 0) return stop;
    return { ...stop, delayMs, tries: { ...tries, conflict: tries.conflict + 1 } };
  }
  return stop;
}

// src/engine/limiter.ts
var sleepFor = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
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
function createConcurrencyGate(limit) {
  const bound = Math.max(1, Math.floor(limit));
  let running = 0;
  const waiting = [];
  return async (work) => {
    if (running >= bound) await new Promise((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next === void 0) running -= 1;
      else next();
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/logger/log.js



function log(message, ...args) {
  process.stderr.write(`${util.format(message, ...args)}${EOL}`);
}

// node_modules/@typespec/ts-http-runtime/dist/esm/env.js

function getEnvironmentVariable(name) {
  return process2.env[name];
}
function emitNodeWarning(warning) {
  process2.emitWarning(warning);
}
var isDeno = typeof process2.versions.deno === "string" && process2.versions.deno.length > 0;
var isBun = typeof process2.versions.bun === "string" && process2.versions.bun.length > 0;
var isNodeLike = true;

// node_modules/@typespec/ts-http-runtime/dist/esm/logger/debug.js
var debugEnvVariable = getEnvironmentVariable("DEBUG");
var enabledString;
var enabledNamespaces = [];
var skippedNamespaces = [];
var debuggers = [];
if (debugEnvVariable) {
  enable(debugEnvVariable);
}
var debugObj = Object.assign((namespace) => {
  return createDebugger(namespace);
}, {
  enable,
  enabled,
  disable,
  log
});
function enable(namespaces) {
  enabledString = namespaces;
  enabledNamespaces = [];
  skippedNamespaces = [];
  const namespaceList = namespaces.split(",").map((ns) => ns.trim());
  for (const ns of namespaceList) {
    if (ns.startsWith("-")) {
      skippedNamespaces.push(ns.substring(1));
    } else {
      enabledNamespaces.push(ns);
    }
  }
  for (const instance of debuggers) {
    instance.enabled = enabled(instance.namespace);
  }
}
function enabled(namespace) {
  if (namespace.endsWith("*")) {
    return true;
  }
  for (const skipped of skippedNamespaces) {
    if (namespaceMatches(namespace, skipped)) {
      return false;
    }
  }
  for (const enabledNamespace of enabledNamespaces) {
    if (namespaceMatches(namespace, enabledNamespace)) {
      return true;
    }
  }
  return false;
}
function namespaceMatches(namespace, patternToMatch) {
  if (patternToMatch.indexOf("*") === -1) {
    return namespace === patternToMatch;
  }
  let pattern = patternToMatch;
  if (patternToMatch.indexOf("**") !== -1) {
    const patternParts = [];
    let lastCharacter = "";
    for (const character of patternToMatch) {
      if (character === "*" && lastCharacter === "*") {
        continue;
      } else {
        lastCharacter = character;
        patternParts.push(character);
      }
    }
    pattern = patternParts.join("");
  }
  let namespaceIndex = 0;
  let patternIndex = 0;
  const patternLength = pattern.length;
  const namespaceLength = namespace.length;
  let lastWildcard = -1;
  let lastWildcardNamespace = -1;
  while (namespaceIndex < namespaceLength && patternIndex < patternLength) {
    if (pattern[patternIndex] === "*") {
      lastWildcard = patternIndex;
      patternIndex++;
      if (patternIndex === patternLength) {
        return true;
      }
      while (namespace[namespaceIndex] !== pattern[patternIndex]) {
        namespaceIndex++;
        if (namespaceIndex === namespaceLength) {
          return false;
        }
      }
      lastWildcardNamespace = namespaceIndex;
      namespaceIndex++;
      patternIndex++;
      continue;
    } else if (pattern[patternIndex] === namespace[namespaceIndex]) {
      patternIndex++;
      namespaceIndex++;
    } else if (lastWildcard >= 0) {
      patternIndex = lastWildcard + 1;
      namespaceIndex = lastWildcardNamespace + 1;
      if (namespaceIndex === namespaceLength) {
        return false;
      }
      while (namespace[namespaceIndex] !== pattern[patternIndex]) {
        namespaceIndex++;
        if (namespaceIndex === namespaceLength) {
          return false;
        }
      }
      lastWildcardNamespace = namespaceIndex;
      namespaceIndex++;
      patternIndex++;
      continue;
    } else {
      return false;
    }
  }
  const namespaceDone = namespaceIndex === namespace.length;
  const patternDone = patternIndex === pattern.length;
  const trailingWildCard = patternIndex === pattern.length - 1 && pattern[patternIndex] === "*";
  return namespaceDone && (patternDone || trailingWildCard);
}
function disable() {
  const result = enabledString || "";
  enable("");
  return result;
}
function createDebugger(namespace) {
  const newDebugger = Object.assign(debug, {
    enabled: enabled(namespace),
    destroy,
    log: debugObj.log,
    namespace,
    extend
  });
  function debug(...args) {
    if (!newDebugger.enabled) {
      return;
    }
    if (args.length > 0) {
      args[0] = `${namespace} ${args[0]}`;
    }
    newDebugger.log(...args);
  }
  debuggers.push(newDebugger);
  return newDebugger;
}
function destroy() {
  const index = debuggers.indexOf(this);
  if (index >= 0) {
    debuggers.splice(index, 1);
    return true;
  }
  return false;
}
function extend(namespace) {
  const newDebugger = createDebugger(`${this.namespace}:${namespace}`);
  newDebugger.log = this.log;
  return newDebugger;
}
var debug_default = debugObj;

// node_modules/@typespec/ts-http-runtime/dist/esm/logger/logger.js
var TYPESPEC_RUNTIME_LOG_LEVELS = ["verbose", "info", "warning", "error"];
var levelMap = {
  verbose: 400,
  info: 300,
  warning: 200,
  error: 100
};
function patchLogMethod(parent, child) {
  child.log = (...args) => {
    parent.log(...args);
  };
}
function isTypeSpecRuntimeLogLevel(level) {
  return TYPESPEC_RUNTIME_LOG_LEVELS.includes(level);
}
function createLoggerContext(options) {
  const registeredLoggers = /* @__PURE__ */ new Set();
  const logLevelFromEnv = getEnvironmentVariable(options.logLevelEnvVarName);
  let logLevel;
  const clientLogger = debug_default(options.namespace);
  clientLogger.log = (...args) => {
    debug_default.log(...args);
  };
  function contextSetLogLevel(level) {
    if (level && !isTypeSpecRuntimeLogLevel(level)) {
      throw new Error(`Unknown log level '${level}'. Acceptable values: ${TYPESPEC_RUNTIME_LOG_LEVELS.join(",")}`);
    }
    logLevel = level;
    const enabledNamespaces2 = [];
    for (const logger of registeredLoggers) {
      if (shouldEnable(logger)) {
        enabledNamespaces2.push(logger.namespace);
      }
    }
    debug_default.enable(enabledNamespaces2.join(","));
  }
  if (logLevelFromEnv) {
    if (isTypeSpecRuntimeLogLevel(logLevelFromEnv)) {
      contextSetLogLevel(logLevelFromEnv);
    } else {
      console.error(`${options.logLevelEnvVarName} set to unknown log level '${logLevelFromEnv}'; logging is not enabled. Acceptable values: ${TYPESPEC_RUNTIME_LOG_LEVELS.join(", ")}.`);
    }
  }
  function shouldEnable(logger) {
    return Boolean(logLevel && levelMap[logger.level] <= levelMap[logLevel]);
  }
  function createLogger(parent, level) {
    const logger = Object.assign(parent.extend(level), {
      level
    });
    patchLogMethod(parent, logger);
    if (shouldEnable(logger)) {
      const enabledNamespaces2 = debug_default.disable();
      debug_default.enable(enabledNamespaces2 + "," + logger.namespace);
    }
    registeredLoggers.add(logger);
    return logger;
  }
  function contextGetLogLevel() {
    return logLevel;
  }
  function contextCreateClientLogger(namespace) {
    const clientRootLogger = clientLogger.extend(namespace);
    patchLogMethod(clientLogger, clientRootLogger);
    return {
      error: createLogger(clientRootLogger, "error"),
      warning: createLogger(clientRootLogger, "warning"),
      info: createLogger(clientRootLogger, "info"),
      verbose: createLogger(clientRootLogger, "verbose")
    };
  }
  return {
    setLogLevel: contextSetLogLevel,
    getLogLevel: contextGetLogLevel,
    createClientLogger: contextCreateClientLogger,
    logger: clientLogger
  };
}
var context = createLoggerContext({
  logLevelEnvVarName: "TYPESPEC_RUNTIME_LOG_LEVEL",
  namespace: "typeSpecRuntime"
});
var TypeSpecRuntimeLogger = context.logger;
function createClientLogger(namespace) {
  return context.createClientLogger(namespace);
}

// node_modules/@azure/logger/dist/esm/index.js
var context2 = createLoggerContext({
  logLevelEnvVarName: "AZURE_LOG_LEVEL",
  namespace: "azure"
});
var AzureLogger = context2.logger;
function getLogLevel() {
  return context2.getLogLevel();
}
function createClientLogger2(namespace) {
  return context2.createClientLogger(namespace);
}

export {
  emitNodeWarning,
  isNodeLike,
  createClientLogger,
  AzureLogger,
  getLogLevel,
  createClientLogger2,
  SyncError,
  InputError,
  errorMessage,
  CLOUD_NAMES,
  CLOUDS,
  AZURE_LOGIN_CLOUD_NAMES,
  findCloudName,
  findCloudByVaultHost,
  parseVault,
  readVaultName,
  DEFAULT_RETRY,
  decideVaultRetry,
  REQUEST_TIMEOUT_MS,
  createErrorBodyPolicy,
  createTimeoutPolicy,
  createNoBlindRepeatPolicy,
  restoreErrorBody,
  createThrottlePolicy,
  isAccessDenied,
  VaultError,
  classifyVaultError,
  summarise,
  createVaultError,
  sleepFor,
  mapWithConcurrency,
  createConcurrencyGate
};
