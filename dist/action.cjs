"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/engine/json.ts
function readProperty(value, key) {
  if (typeof value !== "object" || value === null) return void 0;
  return value[key];
}
var init_json = __esm({
  "src/engine/json.ts"() {
    "use strict";
  }
});

// src/engine/auth/missing-oidc.ts
function hasOidcRequest(env) {
  return Boolean(env[REQUEST_URL]) && Boolean(env[REQUEST_TOKEN]);
}
function explainMissingOidc(env, readEventPayload = readJsonFile) {
  if (env["GITHUB_ACTIONS"] !== "true") {
    return {
      reason: "outside-github-actions",
      withheldByGitHub: false,
      message: "No GitHub OIDC token: this is not running in a GitHub Actions job.",
      hint: "Outside GitHub Actions, sign in with `auth: azure-cli` (after `az login`) or `auth: managed-identity`."
    };
  }
  let payload;
  const readPayload = () => {
    const path = env["GITHUB_EVENT_PATH"];
    payload ??= path ? readEventPayload(path) : void 0;
    return payload;
  };
  const event = env["GITHUB_EVENT_NAME"] ?? "";
  if (isDependabotRun(env, event, readPayload)) {
    return {
      reason: "dependabot",
      withheldByGitHub: true,
      message: "No GitHub OIDC token: GitHub treats runs triggered by Dependabot like fork pull requests and gives them no OIDC token by default.",
      hint: "Let Dependabot pull requests run as dry runs (`dry-run: auto` does this), or skip this step with `if: github.actor != 'dependabot[bot]'`."
    };
  }
  const fork = PULL_REQUEST_EVENTS.has(event) ? findForkHead(readPayload()) : void 0;
  if (fork !== void 0) {
    return {
      reason: "fork-pull-request",
      withheldByGitHub: true,
      message: `No GitHub OIDC token: this is a pull request from the fork ${fork}, and GitHub never grants \`id-token: write\` to pull requests from forks.`,
      hint: "Fork pull requests can only run as offline dry runs (`dry-run: auto` does this). Sync from a workflow that runs in the base repository, e.g. on push after the merge."
    };
  }
  return {
    reason: "missing-permission",
    withheldByGitHub: false,
    message: `No GitHub OIDC token: ${REQUEST_URL} and ${REQUEST_TOKEN} are not set for this job.`,
    hint: "Add `permissions: { id-token: write, contents: read }` to the workflow or to this job. A reusable workflow gets the permission only if its caller grants it as well. A dry run needs the token too: its plan is only worth something once it has read the vault."
  };
}
function isDependabotRun(env, event, readPayload) {
  const actor = env["GITHUB_ACTOR"] ?? readProperty(readProperty(readPayload(), "sender"), "login");
  if (actor !== DEPENDABOT) return false;
  if (DEPENDABOT_EVENTS.has(event)) return true;
  return event === "pull_request_target" && readProperty(readProperty(readProperty(readPayload(), "pull_request"), "user"), "login") === DEPENDABOT;
}
function findForkHead(payload) {
  const pullRequest = readProperty(payload, "pull_request");
  if (pullRequest === void 0) return void 0;
  const headRepo = readProperty(readProperty(pullRequest, "head"), "repo");
  const baseRepo = readProperty(readProperty(pullRequest, "base"), "repo");
  if (headRepo === null) return "(deleted)";
  const headName = readProperty(headRepo, "full_name");
  const isFork = compareKnown(readProperty(headRepo, "id"), readProperty(baseRepo, "id"), "number") ?? compareKnown(headName, readProperty(baseRepo, "full_name"), "string") ?? readProperty(headRepo, "fork") === true;
  if (!isFork) return void 0;
  return typeof headName === "string" ? headName : "(unknown)";
}
function compareKnown(head, base, type) {
  return typeof head === type && typeof base === type ? head !== base : void 0;
}
function readJsonFile(path) {
  try {
    return JSON.parse((0, import_node_fs3.readFileSync)(path, "utf8"));
  } catch {
    return void 0;
  }
}
var import_node_fs3, REQUEST_URL, REQUEST_TOKEN, PULL_REQUEST_EVENTS, DEPENDABOT_EVENTS, DEPENDABOT;
var init_missing_oidc = __esm({
  "src/engine/auth/missing-oidc.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    init_json();
    REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
    REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";
    PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_review", "pull_request_review_comment"]);
    DEPENDABOT_EVENTS = /* @__PURE__ */ new Set([...PULL_REQUEST_EVENTS, "push", "create", "deployment", "deployment_status"]);
    DEPENDABOT = "dependabot[bot]";
  }
});

// src/engine/errors.ts
function errorMessage(error2) {
  if (error2 instanceof Error) return error2.message;
  if (typeof error2 === "string") return error2;
  try {
    return JSON.stringify(error2) ?? String(error2);
  } catch {
    return String(error2);
  }
}
var SyncError, InputError;
var init_errors = __esm({
  "src/engine/errors.ts"() {
    "use strict";
    SyncError = class extends Error {
      hint;
      constructor(message, hint, options) {
        super(message, options);
        this.name = "SyncError";
        this.hint = hint;
      }
    };
    InputError = class extends SyncError {
      input;
      /** `label` is how the front door names the input: "input 'prefix'" (the Action), "option --prefix" (the CLI). */
      constructor(input, rule, hint, label = `input '${input}'`) {
        super(`Invalid ${label}: ${rule}`, hint);
        this.name = "InputError";
        this.input = input;
      }
    };
  }
});

// node_modules/zod/v4/core/util.js
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
function cached(getter) {
  return new Cached(getter);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function members(proto, table2) {
  for (const key in table2) {
    const desc = Object.getOwnPropertyDescriptor(table2, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}
var Cached, captureStackTrace, installing, broke, breaker;
var init_util = __esm({
  "node_modules/zod/v4/core/util.js"() {
    Cached = class {
      constructor(getter) {
        this._getter = getter;
        this._value = void 0;
      }
      get value() {
        const getter = this._getter;
        if (getter !== void 0) {
          this._value = getter();
          this._getter = void 0;
        }
        return this._value;
      }
    };
    captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
    };
    broke = false;
    breaker = {
      configurable: true,
      get() {
        broke = true;
        return void 0;
      }
    };
  }
});

// node_modules/zod/v4/core/core.js
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}
var _a, NEVER, _zodDesc, _E, $ZodAsyncError, $ZodEncodeError, globalConfig;
var init_core = __esm({
  "node_modules/zod/v4/core/core.js"() {
    init_util();
    NEVER = /* @__PURE__ */ Object.freeze({
      status: "aborted"
    });
    _zodDesc = { value: void 0, enumerable: false };
    _E = "captureStackTrace" in Error ? Error : null;
    $ZodAsyncError = class extends Error {
      constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
      }
    };
    $ZodEncodeError = class extends Error {
      constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
      }
    };
    (_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
    globalConfig = globalThis.__zod_globalConfig;
  }
});

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc, _issuesDesc, _installedToString, initializer, $ZodError, $ZodRealError;
var init_errors2 = __esm({
  "node_modules/zod/v4/core/errors.js"() {
    init_core();
    init_util();
    _messageDesc = {
      get: _getMessage,
      set: _setMessage,
      enumerable: true,
      configurable: true
    };
    _issuesDesc = { value: void 0, enumerable: false };
    _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
    initializer = (inst, def) => {
      inst.name = "$ZodError";
      _issuesDesc.value = def;
      Object.defineProperty(inst, "issues", _issuesDesc);
      _issuesDesc.value = void 0;
      Object.defineProperty(inst, "message", _messageDesc);
      const proto = Object.getPrototypeOf(inst);
      if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
          configurable: true,
          enumerable: false,
          get() {
            const value = () => this.message;
            Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            return value;
          },
          set(value) {
            Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
          }
        });
      }
    };
    $ZodError = $constructor("$ZodError", initializer);
    $ZodRealError = $constructor("$ZodError", initializer, void 0, {
      Parent: Error
    });
  }
});

// node_modules/zod/v4/core/parse.js
function failure(Err, issues, ctx) {
  let error2;
  return {
    success: false,
    get error() {
      if (!error2) {
        error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error2;
    },
    set error(e) {
      error2 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _parse, parse, _parseAsync, parseAsync, _safeParse, safeParse, _safeParseAsync, safeParseAsync;
var init_parse = __esm({
  "node_modules/zod/v4/core/parse.js"() {
    init_core();
    init_errors2();
    init_util();
    _parse = (_Err) => {
      const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
          throw new $ZodAsyncError();
        }
        if (result.issues.length) {
          const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          captureStackTrace(e, _params?.callee ?? fn);
          throw e;
        }
        return result.value;
      };
      return fn;
    };
    parse = /* @__PURE__ */ _parse($ZodRealError);
    _parseAsync = (_Err) => {
      const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
          result = await result;
        if (result.issues.length) {
          const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
          captureStackTrace(e, params?.callee ?? fn);
          throw e;
        }
        return result.value;
      };
      return fn;
    };
    parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
    _safeParse = (_Err) => (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
      const result = schema._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise) {
        throw new $ZodAsyncError();
      }
      return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
    };
    safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
    _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
      const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
      let result = schema._zod.run({ value, issues: [] }, ctx);
      if (result instanceof Promise)
        result = await result;
      return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
    };
    safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);
  }
});

// node_modules/zod/v4/core/regexes.js
var init_regexes = __esm({
  "node_modules/zod/v4/core/regexes.js"() {
  }
});

// node_modules/zod/v4/core/checks.js
var init_checks = __esm({
  "node_modules/zod/v4/core/checks.js"() {
  }
});

// node_modules/zod/v4/core/doc.js
var init_doc = __esm({
  "node_modules/zod/v4/core/doc.js"() {
  }
});

// node_modules/zod/v4/core/versions.js
var version;
var init_versions = __esm({
  "node_modules/zod/v4/core/versions.js"() {
    version = {
      major: 4,
      minor: 6,
      patch: 7
    };
  }
});

// node_modules/zod/v4/core/schemas.js
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
var $ZodType, toStandardResult, NO_SYMBOL_KEYS, $ZodObject, $ZodTransform, $ZodPipe;
var init_schemas = __esm({
  "node_modules/zod/v4/core/schemas.js"() {
    init_core();
    init_util();
    init_versions();
    init_util();
    $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
      var _a3;
      inst ?? (inst = {});
      inst._zod.def = def;
      inst._zod.bag = inst._zod.bag || {};
      inst._zod.version = version;
      const defChecks = inst._zod.def.checks;
      const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
      for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
          fn(inst);
        }
      }
      if (checks.length === 0) {
        (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
        inst._zod.deferred?.push(() => {
          inst._zod.run = inst._zod.parse;
        });
      } else {
        const runChecks2 = (payload, checks2, ctx) => {
          if (payload.memo)
            return payload;
          let isAborted = aborted(payload);
          let asyncResult;
          for (const ch of checks2) {
            if (ch._zod.def.when) {
              if (explicitlyAborted(payload))
                continue;
              const shouldRun = ch._zod.def.when(payload);
              if (!shouldRun)
                continue;
            } else if (isAborted) {
              continue;
            }
            const currLen = payload.issues.length;
            const _ = ch._zod.check(payload);
            if (_ instanceof Promise && ctx?.async === false) {
              throw new $ZodAsyncError();
            }
            if (asyncResult || _ instanceof Promise) {
              asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                await _;
                const nextLen = payload.issues.length;
                if (nextLen === currLen)
                  return;
                attachSchema(payload.issues, currLen, inst);
                if (!isAborted)
                  isAborted = aborted(payload, currLen);
              });
            } else {
              const nextLen = payload.issues.length;
              if (nextLen === currLen)
                continue;
              attachSchema(payload.issues, currLen, inst);
              if (!isAborted)
                isAborted = aborted(payload, currLen);
            }
          }
          if (asyncResult) {
            return asyncResult.then(() => {
              return payload;
            });
          }
          return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
          if (aborted(canary)) {
            canary.aborted = true;
            return canary;
          }
          const checkResult = runChecks2(payload, checks, ctx);
          if (checkResult instanceof Promise) {
            if (ctx.async === false)
              throw new $ZodAsyncError();
            return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
          }
          return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
          if (ctx.skipChecks) {
            return inst._zod.parse(payload, ctx);
          }
          if (ctx.direction === "backward") {
            const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
            if (canary instanceof Promise) {
              return canary.then((canary2) => {
                return handleCanaryResult(canary2, payload, ctx);
              });
            }
            return handleCanaryResult(canary, payload, ctx);
          }
          const result = inst._zod.parse(payload, ctx);
          if (result instanceof Promise) {
            if (ctx.async === false)
              throw new $ZodAsyncError();
            return result.then((result2) => runChecks2(result2, checks, ctx));
          }
          return runChecks2(result, checks, ctx);
        };
      }
    }, {
      // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
      get "~standard"() {
        return hide(this, "~standard", standardProps(this));
      },
      set "~standard"(value) {
        own(this, "~standard", value);
      }
    });
    toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
    NO_SYMBOL_KEYS = [];
    $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
      $ZodType.init(inst, def);
      const desc = Object.getOwnPropertyDescriptor(def, "shape");
      const sh = desc?.get ? desc.get.raw : def.shape ?? {};
      if (sh) {
        const get = () => {
          const newSh = { ...sh };
          Object.defineProperty(def, "shape", { value: newSh });
          get.raw = newSh;
          return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
      }
      const _normalized = cached(() => normalizeDef(def));
      defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
          const field = shape[key]._zod;
          if (field.values) {
            if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
              assignProp(propValues, key, /* @__PURE__ */ new Set());
            }
            for (const v of field.values)
              propValues[key].add(v);
            if (field.optin !== void 0)
              propValues[key].add(void 0);
          }
        }
        return propValues;
      });
      const isObject2 = isObject;
      const catchall = def.catchall;
      let value;
      const memo = globalConfig.memoizer;
      memo?.attach(inst);
      inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject2(input)) {
          payload.issues.push({
            expected: "object",
            code: "invalid_type",
            input,
            inst
          });
          return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
          if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
              break;
            seen = payload.issues.length;
          }
          if (key === "__proto__")
            continue;
          const el = shape[key];
          const optin = el._zod.optin;
          const optout = el._zod.optout;
          const r = el._zod.run({ value: input[key], issues: [] }, ctx);
          if (r instanceof Promise) {
            proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
          } else {
            handlePropertyResult(r, payload, key, input, optin, optout);
          }
        }
        if (!catchall) {
          return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
      };
    });
    $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
      $ZodType.init(inst, def);
      inst._zod.optin = "optional";
      globalConfig.memoizer?.guard(inst);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
          const output = _out instanceof Promise ? _out : Promise.resolve(_out);
          return output.then((output2) => {
            payload.value = output2;
            return payload;
          });
        }
        if (_out instanceof Promise) {
          throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
      };
    });
    $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
      $ZodType.init(inst, def);
      defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
      defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
      defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
      defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
      inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
          const right = def.out._zod.run(payload, ctx);
          if (right instanceof Promise) {
            return right.then((right2) => handlePipeResult(right2, def.in, ctx));
          }
          return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
          return left.then((left2) => handlePipeResult(left2, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
      };
    });
  }
});

// node_modules/zod/v4/core/memoizer.js
var init_memoizer = __esm({
  "node_modules/zod/v4/core/memoizer.js"() {
  }
});

// node_modules/zod/v4/locales/index.js
var init_locales = __esm({
  "node_modules/zod/v4/locales/index.js"() {
  }
});

// node_modules/zod/v4/core/registries.js
function registry() {
  return new $ZodRegistry();
}
var _a2, $ZodRegistry, globalRegistry;
var init_registries = __esm({
  "node_modules/zod/v4/core/registries.js"() {
    $ZodRegistry = class {
      constructor() {
        this._map = /* @__PURE__ */ new WeakMap();
        this._idmap = /* @__PURE__ */ new Map();
      }
      add(schema, ..._meta) {
        const meta2 = _meta[0];
        this._map.set(schema, meta2);
        if (meta2 && typeof meta2 === "object" && "id" in meta2) {
          this._idmap.set(meta2.id, schema);
        }
        return this;
      }
      clear() {
        this._map = /* @__PURE__ */ new WeakMap();
        this._idmap = /* @__PURE__ */ new Map();
        return this;
      }
      remove(schema) {
        const meta2 = this._map.get(schema);
        if (meta2 && typeof meta2 === "object" && "id" in meta2) {
          this._idmap.delete(meta2.id);
        }
        this._map.delete(schema);
        return this;
      }
      get(schema) {
        const p = schema._zod.parent;
        if (p) {
          const pm = { ...this.get(p) ?? {} };
          delete pm.id;
          const f = { ...pm, ...this._map.get(schema) };
          return Object.keys(f).length ? f : void 0;
        }
        return this._map.get(schema);
      }
      has(schema) {
        return this._map.has(schema);
      }
    };
    (_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
    globalRegistry = globalThis.__zod_globalRegistry;
  }
});

// node_modules/zod/v4/core/compile.js
var init_compile = __esm({
  "node_modules/zod/v4/core/compile.js"() {
  }
});

// node_modules/zod/v4/core/api.js
var init_api = __esm({
  "node_modules/zod/v4/core/api.js"() {
  }
});

// node_modules/zod/v4/core/to-json-schema.js
var init_to_json_schema = __esm({
  "node_modules/zod/v4/core/to-json-schema.js"() {
  }
});

// node_modules/zod/v4/core/json-schema.js
var init_json_schema = __esm({
  "node_modules/zod/v4/core/json-schema.js"() {
  }
});

// node_modules/zod/v4/core/index.js
var init_core2 = __esm({
  "node_modules/zod/v4/core/index.js"() {
    init_core();
    init_parse();
    init_errors2();
    init_schemas();
    init_memoizer();
    init_checks();
    init_versions();
    init_util();
    init_regexes();
    init_locales();
    init_registries();
    init_doc();
    init_compile();
    init_api();
    init_to_json_schema();
    init_json_schema();
  }
});

// node_modules/zod/v4/mini/parse.js
var init_parse2 = __esm({
  "node_modules/zod/v4/mini/parse.js"() {
    init_core2();
  }
});

// node_modules/zod/v4/mini/schemas.js
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}
var ZodMiniType, ZodMiniObject, ZodMiniTransform, ZodMiniPipe;
var init_schemas2 = __esm({
  "node_modules/zod/v4/mini/schemas.js"() {
    init_core2();
    init_util();
    init_parse2();
    ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
      if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
      $ZodType.init(inst, def);
      inst.def = def;
      inst.type = def.type;
    }, {
      // `with` is an alias for `check`: the same function object, not a wrapper.
      get with() {
        return this.check;
      },
      set with(value) {
        own(this, "with", value);
      },
      parse(data, params) {
        return parse(this, data, params, { callee: this.parse });
      },
      parseAsync(data, params) {
        return parseAsync(this, data, params, { callee: this.parseAsync });
      },
      safeParse(data, params) {
        return safeParse(this, data, params);
      },
      safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
      },
      check(...checks) {
        const def = this.def;
        return this.clone({
          ...def,
          checks: [
            ...def.checks ?? [],
            ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
          ]
        }, { parent: true });
      },
      clone(_def, params) {
        return clone(this, _def, params);
      },
      brand() {
        return this;
      },
      register(reg, meta2) {
        reg.add(this, meta2);
        return this;
      },
      apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
      }
    });
    ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
      $ZodObject.init(inst, def);
      ZodMiniType.init(inst, def);
      installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
    });
    ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
      $ZodTransform.init(inst, def);
      ZodMiniType.init(inst, def);
    });
    ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
      $ZodPipe.init(inst, def);
      ZodMiniType.init(inst, def);
    });
  }
});

// node_modules/zod/v4/mini/checks.js
var init_checks2 = __esm({
  "node_modules/zod/v4/mini/checks.js"() {
  }
});

// node_modules/zod/v4/mini/iso.js
var init_iso = __esm({
  "node_modules/zod/v4/mini/iso.js"() {
  }
});

// node_modules/zod/v4/mini/coerce.js
var init_coerce = __esm({
  "node_modules/zod/v4/mini/coerce.js"() {
  }
});

// node_modules/zod/v4/mini/external.js
var init_external = __esm({
  "node_modules/zod/v4/mini/external.js"() {
    init_core2();
    init_parse2();
    init_schemas2();
    init_checks2();
    init_core2();
    init_locales();
    init_iso();
    init_coerce();
  }
});

// node_modules/zod/mini/index.js
var init_mini = __esm({
  "node_modules/zod/mini/index.js"() {
    init_external();
  }
});

// src/engine/clouds.ts
function findCloudName(value) {
  const folded = value.toLowerCase();
  const own2 = CLOUD_NAMES.find((name) => name === folded);
  if (own2 !== void 0) return own2;
  return Object.entries(AZURE_LOGIN_CLOUD_NAMES).find(([alias]) => alias.toLowerCase() === folded)?.[1];
}
function findCloudByVaultHost(host) {
  const lower = host.toLowerCase();
  return CLOUD_NAMES.map((name) => CLOUDS[name]).find((cloud) => lower.endsWith(`.${cloud.vaultSuffix}`));
}
var CLOUD_NAMES, CLOUDS, AZURE_LOGIN_CLOUD_NAMES;
var init_clouds = __esm({
  "src/engine/clouds.ts"() {
    "use strict";
    CLOUD_NAMES = ["public", "usgovernment", "china"];
    CLOUDS = {
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
    AZURE_LOGIN_CLOUD_NAMES = {
      AzureCloud: "public",
      AzureUSGovernment: "usgovernment",
      AzureChinaCloud: "china"
    };
  }
});

// src/engine/auth/auth-mode.ts
var AUTH_MODES;
var init_auth_mode = __esm({
  "src/engine/auth/auth-mode.ts"() {
    "use strict";
    AUTH_MODES = ["oidc", "azure-cli", "managed-identity"];
  }
});

// src/engine/vault-url.ts
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
  const problem2 = findVaultUrlProblem(url, cloud);
  if (problem2 !== void 0) return { kind: "invalid", ...problem2 };
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
var VAULT_NAME, VAULT_NAME_RULE;
var init_vault_url = __esm({
  "src/engine/vault-url.ts"() {
    "use strict";
    init_clouds();
    VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;
    VAULT_NAME_RULE = 'a vault name has 3 to 24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no "--"';
  }
});

// src/engine/tags.ts
function buildTags(scope, userTags, audit) {
  const tags2 = { ...userTags, [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: scope.owner };
  if (scope.prefix !== "") tags2[PREFIX_TAG] = scope.prefix;
  const auditValues = [
    [AUDIT_TAGS.repository, audit.repository],
    [AUDIT_TAGS.run, audit.runUrl],
    [AUDIT_TAGS.commit, audit.commit],
    [AUDIT_TAGS.ref, audit.ref]
  ];
  for (const [name, value] of auditValues) {
    if (value) tags2[name] = value.slice(0, MAX_TAG_LENGTH);
  }
  return tags2;
}
function readOwnership(tags2, owner) {
  if (tags2[MANAGED_BY_TAG] !== MANAGED_BY_VALUE) return { kind: "unmanaged" };
  const tagged = tags2[OWNER_TAG];
  if (tagged === void 0 || tagged === "") return { kind: "unmanaged" };
  return tagged === owner ? { kind: "ours" } : { kind: "other-owner", owner: tagged };
}
function readPrefix(tags2) {
  return tags2[PREFIX_TAG] ?? "";
}
function isSamePrefix(left, right) {
  return left.toLowerCase() === right.toLowerCase();
}
function selectUserTags(tags2) {
  const user = {};
  for (const [name, value] of Object.entries(tags2)) {
    if (!RESERVED_TAGS.includes(name)) user[name] = value;
  }
  return user;
}
var MANAGED_BY_TAG, MANAGED_BY_VALUE, OWNER_TAG, PREFIX_TAG, AUDIT_TAGS, MAX_TAGS, MAX_TAG_LENGTH, RESERVED_TAGS, MAX_USER_TAGS;
var init_tags = __esm({
  "src/engine/tags.ts"() {
    "use strict";
    MANAGED_BY_TAG = "managed-by";
    MANAGED_BY_VALUE = "keyvault-sync";
    OWNER_TAG = "keyvault-sync-owner";
    PREFIX_TAG = "keyvault-sync-prefix";
    AUDIT_TAGS = {
      repository: "keyvault-sync-repository",
      run: "keyvault-sync-run",
      commit: "keyvault-sync-commit",
      ref: "keyvault-sync-ref"
    };
    MAX_TAGS = 15;
    MAX_TAG_LENGTH = 256;
    RESERVED_TAGS = [MANAGED_BY_TAG, OWNER_TAG, PREFIX_TAG, ...Object.values(AUDIT_TAGS)];
    MAX_USER_TAGS = MAX_TAGS - RESERVED_TAGS.length;
  }
});

// src/engine/globs.ts
function checkGlob(pattern) {
  const parsed = parseGlob(pattern);
  return parsed.ok ? void 0 : parsed.problem;
}
function matchesGlob(name, pattern) {
  return countGlobSteps(name, pattern).matched;
}
function countGlobSteps(name, pattern) {
  const parsed = parseGlob(pattern);
  if (!parsed.ok) throw new Error(`Invalid glob pattern: ${parsed.problem}`);
  return matchTokens(name, parsed.tokens);
}
function matchTokens(name, tokens) {
  let steps = 0;
  let token = 0;
  let char = 0;
  let starToken = -1;
  let starChar = 0;
  while (char < name.length) {
    steps += 1;
    const current = tokens[token];
    if (current !== void 0 && current.kind === "star") {
      starToken = token;
      starChar = char;
      token += 1;
    } else if (current !== void 0 && matchesToken(current, name[char])) {
      token += 1;
      char += 1;
    } else if (starToken !== -1) {
      token = starToken + 1;
      starChar += 1;
      char = starChar;
    } else {
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
  if (token.kind === "any") return true;
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  if (token.kind === "char") return token.char === lower || token.char === upper;
  const inClass = token.ranges.some(
    ([low, high]) => [char, lower, upper].some((variant) => variant.length === 1 && variant >= low && variant <= high)
  );
  return inClass !== token.negated;
}
function parseGlob(pattern) {
  if (pattern === "") return { ok: false, problem: "is empty" };
  if (pattern.startsWith("!")) {
    return { ok: false, problem: "starts with '!'; negation is not supported, use the exclude input instead" };
  }
  const tokens = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    const column = index + 1;
    if (char === "*") {
      if (tokens.at(-1)?.kind !== "star") tokens.push({ kind: "star" });
      index += 1;
    } else if (char === "?") {
      tokens.push({ kind: "any" });
      index += 1;
    } else if (char === "[") {
      const parsedClass = parseClass(pattern, index);
      if (!parsedClass.ok) return parsedClass;
      tokens.push(parsedClass.token);
      index = parsedClass.end;
    } else if (char === "]") {
      return { ok: false, problem: `has ']' without a matching '[' at column ${column}` };
    } else if (NAME_CHAR.test(char)) {
      tokens.push({ kind: "char", char: char.toLowerCase() });
      index += 1;
    } else {
      return {
        ok: false,
        problem: `has a character that no source name can contain at column ${column}; patterns may use letters, digits, '_', '.', '-' and the wildcards '*', '?' and '[...]'`
      };
    }
  }
  return { ok: true, tokens };
}
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
    if (pattern[index + 1] === "-" && high !== void 0 && high !== "]") {
      if (!NAME_CHAR.test(high)) {
        return { ok: false, problem: `has a character class with an unsupported character at column ${index + 3}` };
      }
      if (low > high) {
        return { ok: false, problem: `has a character range out of order at column ${index + 1}` };
      }
      ranges.push([low, high]);
      index += 3;
    } else {
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
function measureGlob(pattern) {
  const parsed = parseGlob(pattern);
  if (!parsed.ok) throw new Error(`Invalid pattern: ${parsed.problem}`);
  const literals = parsed.tokens.filter((token) => token.kind === "char").length;
  return { wildcards: parsed.tokens.length - literals, literals };
}
var NAME_CHAR;
var init_globs = __esm({
  "src/engine/globs.ts"() {
    "use strict";
    NAME_CHAR = /^[0-9A-Za-z_.-]$/;
  }
});

// src/engine/sources/source-entry.ts
function locateOrigin(origin) {
  return origin !== void 0 && "file" in origin ? { file: origin.file, line: origin.line } : void 0;
}
var init_source_entry = __esm({
  "src/engine/sources/source-entry.ts"() {
    "use strict";
  }
});

// src/engine/secret-names.ts
function compareText(left, right) {
  return left < right ? -1 : left > right ? 1 : 0;
}
function compareBySecretName(left, right) {
  const leftName = left.name ?? "";
  const rightName = right.name ?? "";
  return compareText(leftName.toLowerCase(), rightName.toLowerCase()) || compareText(leftName, rightName) || compareText(left.source ?? "", right.source ?? "");
}
var init_secret_names = __esm({
  "src/engine/secret-names.ts"() {
    "use strict";
  }
});

// src/engine/naming.ts
function nameSecrets(entries, rules) {
  const rejected = [];
  const named = [];
  for (const entry of entries) {
    if (!isSelected(entry.key, rules)) continue;
    const name = rules.prefix + (rules.nameFor?.(entry.key) ?? transformName(entry.key, rules.transform));
    const problem2 = findNameProblem(name, rules.transform);
    if (problem2 !== void 0) {
      rejected.push({ ...describe2(entry), name: name === "" ? void 0 : name, status: "failed", reason: problem2 });
    } else {
      named.push({ entry, name });
    }
  }
  const byFoldedName = /* @__PURE__ */ new Map();
  for (const item of named) {
    const folded = item.name.toLowerCase();
    const group = byFoldedName.get(folded);
    if (group) group.push(item);
    else byFoldedName.set(folded, [item]);
  }
  const desired = [];
  for (const group of byFoldedName.values()) {
    if (group.length > 1) {
      for (const item of group) {
        const others = group.filter((other) => other !== item).map((other) => describeSource(other.entry));
        rejected.push({
          ...describe2(item.entry),
          name: item.name,
          status: "failed",
          reason: `Key Vault name '${item.name}' collides with ${joinList(others)} (Key Vault names ignore case); rename or exclude all but one`
        });
      }
      continue;
    }
    const [{ entry, name }] = group;
    if (entry.value === "") {
      rejected.push({
        ...describe2(entry),
        name,
        status: "skipped",
        reason: "the value is empty; an empty value never overwrites a secret"
      });
    } else if (Buffer.byteLength(entry.value, "utf8") > MAX_VALUE_BYTES) {
      rejected.push({
        ...describe2(entry),
        name,
        status: "failed",
        reason: `the value is larger than Key Vault allows (${MAX_VALUE_BYTES} bytes of UTF-8)`
      });
    } else {
      desired.push({ source: entry.key, name, value: entry.value, origin: entry.origin });
    }
  }
  return {
    desired: desired.sort(compareBySecretName),
    rejected: rejected.sort(compareBySecretName)
  };
}
function transformName(key, transform2) {
  return transform2 === "hyphens" ? key.replace(/[^0-9A-Za-z-]/gu, "-") : key;
}
function isSelected(key, rules) {
  const folded = key.toLowerCase();
  if (folded === GITHUB_TOKEN_NAME && !rules.include.some((pattern) => pattern.toLowerCase() === GITHUB_TOKEN_NAME)) {
    return false;
  }
  if (rules.include.length > 0 && !rules.include.some((pattern) => matchesGlob(key, pattern))) return false;
  return !rules.exclude.some((pattern) => matchesGlob(key, pattern));
}
function findUnusedPatterns(keys, rules) {
  const unused = (input, patterns) => patterns.flatMap((pattern, index) => keys.some((key) => matchesGlob(key, pattern)) ? [] : [{ input, position: index + 1, pattern }]);
  return [...unused("include", rules.include), ...unused("exclude", rules.exclude)];
}
function explainEmptySelection(keys, rules) {
  const entries = keys.length === 1 ? "1 entry" : `${keys.length} entries`;
  const onlyToken = keys.every((key) => key.toLowerCase() === GITHUB_TOKEN_NAME);
  const message = onlyToken ? `Nothing to sync: the sources hold only ${GITHUB_TOKEN_NAME}, which is synced only when include names it exactly` : `Nothing to sync: the sources hold ${entries}, and include/exclude selected none of them`;
  const unused = findUnusedPatterns(keys, rules).map(
    (item) => `${item.input} pattern ${item.position} ('${item.pattern}') matched no source name.`
  );
  const advice = "Patterns match source names as written in the sources (before prefix and name transform), ignoring case.";
  return { message, hint: [...unused, advice].join("\n") };
}
function findNameProblem(name, transform2) {
  if (name === "") return "Key Vault names need at least one character";
  if (name.length > MAX_NAME_LENGTH) {
    return `Key Vault names are at most ${MAX_NAME_LENGTH} characters; '${name}' has ${name.length} (prefix included)`;
  }
  if (!SECRET_NAME.test(name)) {
    const offending = [...new Set(Array.from(name).filter((char) => !SECRET_NAME.test(char)))];
    const shown = offending.map((char) => `'${char}'`).join(", ");
    const advice = transform2 === "none" ? " (use name-transform: hyphens)" : "";
    return `Key Vault names may contain only letters, digits and hyphens; '${name}' has ${shown}${advice}`;
  }
  return void 0;
}
function describeOrigin(origin) {
  const location = locateOrigin(origin);
  return location === void 0 ? origin.kind : `${location.file} line ${location.line}`;
}
function describeSource(entry) {
  return `'${entry.key}' (${describeOrigin(entry.origin)})`;
}
function describe2(entry) {
  return { source: entry.key, origin: entry.origin };
}
function joinList(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
var MAX_NAME_LENGTH, MAX_VALUE_BYTES, GITHUB_TOKEN_NAME, SECRET_NAME;
var init_naming = __esm({
  "src/engine/naming.ts"() {
    "use strict";
    init_globs();
    init_source_entry();
    init_secret_names();
    MAX_NAME_LENGTH = 127;
    MAX_VALUE_BYTES = 25 * 1024;
    GITHUB_TOKEN_NAME = "github_token";
    SECRET_NAME = /^[0-9A-Za-z-]+$/;
  }
});

// src/action/input-fields.ts
function report(ctx, input, rule, hint) {
  ctx.issues.push({ code: "custom", path: [input], message: rule, params: hint === void 0 ? {} : { hint }, input: ctx.value });
  return NEVER;
}
function text(check) {
  return transform((value, ctx) => check(value, ctx));
}
function choice(input, options, fallback) {
  return text((value, ctx) => {
    if (value === "") return fallback;
    return findChoice(value, options) ?? report(ctx, input, `must be one of ${options.join(", ")}`);
  });
}
function findChoice(value, options) {
  const folded = value.toLowerCase();
  return options.find((option) => option === folded);
}
function flag(input) {
  return text((value, ctx) => {
    if (value === "" || FALSE_SPELLINGS.has(value)) return false;
    if (TRUE_SPELLINGS.has(value)) return true;
    return report(ctx, input, "must be true or false");
  });
}
function splitList(value, commas) {
  return value.split(commas ? /[\r\n,]+/ : /\r?\n/).map((item) => item.trim()).filter((item) => item !== "");
}
function globList(input) {
  return text((value, ctx) => {
    const patterns = splitList(value, true);
    patterns.forEach((pattern, index) => {
      const problem2 = checkGlob(pattern);
      if (problem2 !== void 0) report(ctx, input, `pattern ${index + 1} ${problem2}`);
    });
    return patterns;
  });
}
var INPUT_NAMES, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_CONTENT_TYPE_LENGTH, MAX_AUDIENCE_LENGTH, MAX_EXPIRES_IN_SECONDS, MAX_PREFIX_LENGTH, GUID, TENANT_DOMAIN, TENANT_ALIASES, TRUE_SPELLINGS, FALSE_SPELLINGS, DURATION_UNITS, envFiles, prefix, cloudChoice, audience, contentType, tags, expiresIn, CONCURRENCY_RULE, concurrency;
var init_input_fields = __esm({
  "src/action/input-fields.ts"() {
    "use strict";
    init_mini();
    init_clouds();
    init_globs();
    init_naming();
    init_tags();
    INPUT_NAMES = [
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
      "concurrency"
    ];
    DEFAULT_CONCURRENCY = 16;
    MAX_CONCURRENCY = 64;
    MAX_CONTENT_TYPE_LENGTH = 255;
    MAX_AUDIENCE_LENGTH = 600;
    MAX_EXPIRES_IN_SECONDS = 100 * 365 * 24 * 60 * 60;
    MAX_PREFIX_LENGTH = MAX_NAME_LENGTH - 1;
    GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    TENANT_DOMAIN = /^[0-9a-zA-Z.-]+$/;
    TENANT_ALIASES = /* @__PURE__ */ new Set(["common", "organizations", "consumers"]);
    TRUE_SPELLINGS = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
    FALSE_SPELLINGS = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
    DURATION_UNITS = {
      m: 60,
      h: 60 * 60,
      d: 24 * 60 * 60,
      w: 7 * 24 * 60 * 60
    };
    envFiles = text((value, ctx) => {
      const paths = splitList(value, false);
      paths.forEach((path, index) => {
        const earlier = paths.indexOf(path);
        if (earlier !== index) {
          report(ctx, "env-file", `entry ${index + 1} repeats entry ${earlier + 1}; each file may be listed once`);
        }
      });
      return paths;
    });
    prefix = text((value, ctx) => {
      const bad = value.search(/[^0-9A-Za-z-]/);
      if (bad >= 0) {
        const hint = /[_.]/.test(value) ? "Write '-' where the prefix has '_' or '.', as source names are converted (DB_PASSWORD becomes DB-PASSWORD), for example prefix: shop-, not shop_." : void 0;
        return report(
          ctx,
          "prefix",
          `may contain only letters, digits and hyphens (Key Vault secret names allow nothing else); character ${bad + 1} is none of these`,
          hint
        );
      }
      if (value.length > MAX_PREFIX_LENGTH) {
        return report(
          ctx,
          "prefix",
          `must be at most ${MAX_PREFIX_LENGTH} characters, to leave room for a name (Key Vault names are at most ${MAX_NAME_LENGTH}); it has ${value.length}`
        );
      }
      return value;
    });
    cloudChoice = text((value, ctx) => {
      if (value === "") return "public";
      const aliases = Object.keys(AZURE_LOGIN_CLOUD_NAMES).join(", ");
      return findCloudName(value) ?? report(ctx, "cloud", `must be one of ${CLOUD_NAMES.join(", ")}, or Azure/login's ${aliases}`);
    });
    audience = text((value, ctx) => {
      if (value === "") return void 0;
      if (/\s/.test(value)) return report(ctx, "audience", "must not contain whitespace");
      if (value.length > MAX_AUDIENCE_LENGTH) {
        return report(ctx, "audience", `must be at most ${MAX_AUDIENCE_LENGTH} characters (a federated credential limit)`);
      }
      return value;
    });
    contentType = text((value, ctx) => {
      if (value === "") return void 0;
      if (value.length > MAX_CONTENT_TYPE_LENGTH) {
        return report(ctx, "content-type", `must be at most ${MAX_CONTENT_TYPE_LENGTH} characters (a Key Vault limit); it has ${value.length}`);
      }
      return value;
    });
    tags = text((value, ctx) => {
      const result = {};
      const firstTagOf = /* @__PURE__ */ new Map();
      const reserved = new Map(RESERVED_TAGS.map((name) => [name.toLowerCase(), name]));
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
        } else if (key.length > MAX_TAG_LENGTH) {
          report(ctx, "tags", `${position} has a key longer than ${MAX_TAG_LENGTH} characters`);
        } else if (tagValue.length > MAX_TAG_LENGTH) {
          report(ctx, "tags", `${position} has a value longer than ${MAX_TAG_LENGTH} characters`);
        } else if (reservedName !== void 0) {
          report(ctx, "tags", `${position} uses '${reservedName}', a tag the action writes itself (reserved: ${RESERVED_TAGS.join(", ")})`);
        } else if (earlier !== void 0) {
          report(ctx, "tags", `${position} repeats the key of tag ${earlier} (tag names ignore case)`);
        } else {
          firstTagOf.set(folded, index + 1);
          result[key] = tagValue;
        }
      });
      if (items.length > MAX_USER_TAGS) {
        report(
          ctx,
          "tags",
          `allows at most ${MAX_USER_TAGS} tags (Key Vault allows ${MAX_TAGS} per secret and the action writes ${RESERVED_TAGS.length} of its own); ${items.length} given`
        );
      }
      return result;
    });
    expiresIn = text((value, ctx) => {
      if (value === "") return void 0;
      const match = /^([0-9]{1,12})([a-z])$/.exec(value);
      const unit = match ? DURATION_UNITS[match[2]] : void 0;
      const amount = match ? Number(match[1]) : 0;
      if (!match || unit === void 0 || amount === 0) {
        return report(
          ctx,
          "expires-in",
          "must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d"
        );
      }
      const seconds = amount * unit;
      if (seconds > MAX_EXPIRES_IN_SECONDS) return report(ctx, "expires-in", "must be at most 100 years (36500d)");
      return seconds;
    });
    CONCURRENCY_RULE = `must be a whole number from 1 to ${MAX_CONCURRENCY}`;
    concurrency = text((value, ctx) => {
      if (value === "") return DEFAULT_CONCURRENCY;
      const count2 = /^[0-9]{1,3}$/.test(value) ? Number(value) : Number.NaN;
      return count2 >= 1 && count2 <= MAX_CONCURRENCY ? count2 : report(ctx, "concurrency", CONCURRENCY_RULE);
    });
  }
});

// src/action/rule-inputs.ts
var optionalText, USER_ASSIGNED_IDENTITY, identity;
var init_rule_inputs = __esm({
  "src/action/rule-inputs.ts"() {
    "use strict";
    init_input_fields();
    optionalText = text((value) => value === "" ? void 0 : value);
    USER_ASSIGNED_IDENTITY = /^\/subscriptions\/[^/\s,]+\/resource[gG]roups\/[^/\s,]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/\s,]+$/i;
    identity = text((value, ctx) => {
      if (value === "" || value.toLowerCase() === "system") return "system";
      if (!USER_ASSIGNED_IDENTITY.test(value)) {
        return report(
          ctx,
          "identity",
          "must be 'system' or a user-assigned identity's resource id (/subscriptions/\u2026/resourceGroups/\u2026/providers/Microsoft.ManagedIdentity/userAssignedIdentities/NAME)"
        );
      }
      return value;
    });
  }
});

// src/action/inputs.ts
function readInputs(getInput2, env, label = ACTION_LABEL) {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput2(name).trim()]));
  const result = buildSchema(env, raw).safeParse(raw, { error: () => "is not valid" });
  if (result.success) return result.data;
  throw toInputError(result.error.issues, label);
}
function toInputError(issues, label) {
  const problems = issues.map((issue3) => ({
    input: String(issue3.path[0] ?? "inputs"),
    rule: issue3.message,
    hint: issue3.code === "custom" && typeof issue3.params?.hint === "string" ? issue3.params.hint : void 0
  }));
  const order = (input) => {
    const index = INPUT_NAMES.indexOf(input);
    return index === -1 ? INPUT_NAMES.length : index;
  };
  problems.sort((a, b) => order(a.input) - order(b.input));
  const [first, ...others] = problems;
  const hintLines = [...first.hint ? [first.hint] : [], ...others.map((other) => `Also invalid: ${label(other.input)}: ${other.rule}`)];
  return new InputError(first.input, first.rule, hintLines.length > 0 ? hintLines.join("\n") : void 0, label(first.input));
}
function buildSchema(env, raw) {
  const cloudName = raw.cloud === "" ? "public" : findCloudName(raw.cloud);
  const cloud = cloudName === void 0 ? void 0 : CLOUDS[cloudName];
  const auth = raw.auth === "" ? "oidc" : findChoice(raw.auth, AUTH_MODES);
  return pipe(
    object({
      command: choice("command", COMMANDS, "sync"),
      vault: text((value, ctx) => readVault(value, cloud, ctx)),
      secrets: text((value, ctx) => {
        if (value === "" && splitList(raw["env-file"], false).length === 0 && findChoice(raw.command, COMMANDS) !== "check") {
          report(
            ctx,
            "secrets",
            "is empty, and so is 'env-file': the action needs at least one source",
            "Set secrets: ${{ toJSON(secrets) }} to sync the workflow's secrets, or env-file to sync dotenv files."
          );
        }
        return value === "" ? void 0 : value;
      }),
      "env-file": envFiles,
      include: globList("include"),
      exclude: globList("exclude"),
      prefix,
      "name-transform": choice("name-transform", ["hyphens", "none"], "hyphens"),
      "tenant-id": text((value, ctx) => readTenantId(value, auth, env, ctx)),
      "client-id": text((value, ctx) => readClientId(value, auth, env, ctx)),
      auth: choice("auth", AUTH_MODES, "oidc"),
      cloud: cloudChoice,
      audience,
      "dry-run": choice("dry-run", ["auto", "true", "false"], "auto"),
      prune: flag("prune"),
      adopt: flag("adopt"),
      owner: text((value, ctx) => readOwner(value, env, ctx)),
      "content-type": contentType,
      tags,
      "expires-in": expiresIn,
      rules: optionalText,
      "rules-file": optionalText,
      identity,
      concurrency
    }),
    transform((fields) => {
      const chosenCloud = CLOUDS[fields.cloud];
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
        concurrency: fields.concurrency
      };
    })
  );
}
function readVault(value, cloud, ctx) {
  const invalid = { url: "", name: "" };
  if (value === "") {
    report(
      ctx,
      "vault",
      "is required: a Key Vault name or its https URL",
      "For example vault: my-vault or vault: https://my-vault.vault.azure.net"
    );
    return invalid;
  }
  if (cloud === void 0) return invalid;
  const parsed = parseVault(value, cloud);
  if (parsed.kind === "invalid") {
    report(ctx, "vault", parsed.rule, parsed.hint);
    return invalid;
  }
  return { url: parsed.url, name: parsed.name };
}
function withEnvDefault(input, env, variable) {
  if (input !== "") return { value: input, from: "" };
  const fromEnv = env[variable]?.trim();
  return { value: fromEnv === "" ? void 0 : fromEnv, from: ` (taken from ${variable})` };
}
function readTenantId(input, auth, env, ctx) {
  if (auth === void 0) return void 0;
  const tenant = withEnvDefault(input, env, "AZURE_TENANT_ID");
  if (tenant.value === void 0) {
    if (auth !== "oidc") return void 0;
    return report(
      ctx,
      "tenant-id",
      "is required with auth: oidc",
      "Set tenant-id: ${{ vars.AZURE_TENANT_ID }} (the directory of the app registration), or the AZURE_TENANT_ID environment variable."
    );
  }
  if (GUID.test(tenant.value)) return tenant.value.toLowerCase();
  if (TENANT_ALIASES.has(tenant.value.toLowerCase())) {
    return report(ctx, "tenant-id", `must name one tenant; common, organizations and consumers are not tenants${tenant.from}`);
  }
  if (TENANT_DOMAIN.test(tenant.value) && tenant.value.length <= 256) return tenant.value;
  return report(ctx, "tenant-id", `must be a tenant ID (a GUID) or a domain name such as contoso.onmicrosoft.com${tenant.from}`);
}
function readClientId(input, auth, env, ctx) {
  if (auth === void 0 || auth === "azure-cli") return void 0;
  const client = withEnvDefault(input, env, "AZURE_CLIENT_ID");
  if (client.value === void 0) {
    if (auth !== "oidc") return void 0;
    return report(
      ctx,
      "client-id",
      "is required with auth: oidc",
      "Set client-id: ${{ vars.AZURE_CLIENT_ID }} (the application (client) ID of the app registration or user-assigned managed identity that holds the federated credential), or the AZURE_CLIENT_ID environment variable."
    );
  }
  if (GUID.test(client.value)) return client.value.toLowerCase();
  return report(ctx, "client-id", `must be a GUID, the application (client) ID${client.from}`);
}
function readOwner(input, env, ctx) {
  const owner = withEnvDefault(input, env, "GITHUB_REPOSITORY");
  if (owner.value === void 0) {
    return report(
      ctx,
      "owner",
      "is required: it marks the secrets this workflow manages",
      "Set owner, or run on GitHub Actions, where it defaults to GITHUB_REPOSITORY."
    );
  }
  if (owner.value.length > MAX_TAG_LENGTH) {
    return report(ctx, "owner", `must be at most ${MAX_TAG_LENGTH} characters (it is a tag value)${owner.from}`);
  }
  return owner.value;
}
function decideDryRun(setting, env) {
  if (setting === "true") return { value: true, reason: "dry-run: true" };
  if (setting === "false") return { value: false, reason: "dry-run: false" };
  const event = env.GITHUB_EVENT_NAME?.trim() ?? "";
  if (event === "") return { value: false, reason: "dry-run: auto, no GITHUB_EVENT_NAME" };
  return { value: event.startsWith("pull_request"), reason: `dry-run: auto, ${event} event` };
}
var COMMANDS, ACTION_LABEL;
var init_inputs = __esm({
  "src/action/inputs.ts"() {
    "use strict";
    init_mini();
    init_clouds();
    init_errors();
    init_auth_mode();
    init_vault_url();
    init_tags();
    init_input_fields();
    init_rule_inputs();
    COMMANDS = ["sync", "check"];
    ACTION_LABEL = (input) => `input '${input}'`;
  }
});

// src/action/sign-in-options.ts
function readCredentialOptions(inputs, env, io) {
  return {
    auth: inputs.auth,
    tenantId: inputs.tenantId,
    clientId: inputs.clientId,
    cloud: inputs.cloud,
    audience: inputs.audience,
    env,
    log: (message) => io.info(message),
    mask: (secret) => io.setSecret(secret)
  };
}
var init_sign_in_options = __esm({
  "src/action/sign-in-options.ts"() {
    "use strict";
  }
});

// src/action/markdown.ts
function escapeMarkdown(text2) {
  if (PLAIN.test(text2)) return text2.replaceAll("_", "\\_");
  return escapeSyntax(text2);
}
function escapeSyntax(text2) {
  const oneLine = removeControls(text2).replace(/\s*(?:\r\n|\r|\n)\s*/g, " ");
  const escaped = escapeEntities(oneLine).replace(INLINE_SYNTAX, "\\$&").replace(/(www)\./gi, "$1\\.");
  return escaped.replace(/^[-+=]/, "\\$&").replace(/^(\d+)([.)])/, "$1\\$2");
}
function escapeWithCode(text2) {
  return text2.split(/(`[^`\r\n]+`)/).map((part, index) => index % 2 === 1 ? codeSpan(part.slice(1, -1)) : escapeMarkdown(part)).join("");
}
function escapeCell(text2) {
  return removeControls(text2).split(/\r\n|\r|\n/).map((line) => escapeMarkdown(line)).join("<br>");
}
function codeSpan(text2) {
  const oneLine = removeControls(text2).replace(/\r\n|\r|\n/g, " ");
  const marks = "`".repeat(longestRun(oneLine, "`") + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${marks}${pad}${oneLine}${pad}${marks}`;
}
function fence(text2, language = "text") {
  const marks = "`".repeat(Math.max(3, longestRun(text2, "`") + 1));
  return `${marks}${language}
${removeControls(text2)}
${marks}`;
}
function link(label, url) {
  return `[${label}](${url.replaceAll("(", "%28").replaceAll(")", "%29")})`;
}
function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}
function alert(kind, lines) {
  return [`> [!${kind}]`, ...lines.map((line) => line === "" ? ">" : `> ${line}`)];
}
function escapeEntities(text2) {
  return text2.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
function removeControls(text2) {
  return text2.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
function longestRun(text2, char) {
  let longest = 0;
  let current = 0;
  for (const c of text2) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
var INLINE_SYNTAX, PLAIN;
var init_markdown = __esm({
  "src/action/markdown.ts"() {
    "use strict";
    INLINE_SYNTAX = /[\\`*_[\]()#~!|{}:@]/g;
    PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_, -]*$/;
  }
});

// src/engine/vault/governance-policy.ts
function readPolicyDenial(message) {
  const match = /policyAssignment:\s*(.*)$/is.exec(message);
  if (match === null) return { assignment: void 0, definition: void 0 };
  const [assignmentPart, ...rest] = match[1].split(" / ");
  const clean = (text2) => {
    const trimmed = text2?.split(/\r?\n/)[0]?.trim().replace(/^["'“]+|["'”.]+$/g, "").trim();
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
var init_governance_policy = __esm({
  "src/engine/vault/governance-policy.ts"() {
    "use strict";
  }
});

// src/engine/vault/retry-rules.ts
function decideThrottleDelay(retry, retryAfterMs, random, settings) {
  if (retry >= settings.throttleRetries) return void 0;
  const nominal = Math.min(settings.throttleMaxDelayMs, settings.throttleBaseDelayMs * 2 ** retry);
  const backoff = Math.round(nominal * (0.8 + 0.4 * random));
  return retryAfterMs === void 0 ? backoff : Math.max(backoff, Math.min(retryAfterMs, settings.maxRetryAfterMs));
}
function decideVaultRetry(kind, operation, tries, memory, settings) {
  const stop = { delayMs: void 0, answerLost: false, tries: { ...tries }, memory: { ...memory } };
  if (UNSAFE_TO_REPEAT.has(operation) && kind === "transient") {
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
var DEFAULT_RETRY, READS, UNSAFE_TO_REPEAT;
var init_retry_rules = __esm({
  "src/engine/vault/retry-rules.ts"() {
    "use strict";
    init_vault_errors();
    DEFAULT_RETRY = {
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
    READS = /* @__PURE__ */ new Set(["list", "list-deleted", "list-versions", "get", "get-deleted"]);
    UNSAFE_TO_REPEAT = /* @__PURE__ */ new Set(["set", "delete", "recover"]);
  }
});

// src/engine/vault/vault-policies.ts
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
function isRepeatedStatus(status) {
  return status === 408 || status >= 500 && status !== 501 && status !== 505;
}
function readErrorBody(text2) {
  if (!text2) return void 0;
  try {
    const parsed = JSON.parse(text2);
    return parsed.error && typeof parsed.error === "object" ? parsed.error : void 0;
  } catch {
    return void 0;
  }
}
function createNoBlindRepeatPolicy() {
  return {
    name: "keyvaultSyncNoBlindRepeat",
    async sendRequest(request, next) {
      if (!UNSAFE_TO_REPEAT2.has(request.method)) return next(request);
      let response;
      try {
        response = await next(request);
      } catch (error2) {
        const code2 = typeof error2 === "object" && error2 !== null ? error2.code : void 0;
        if (typeof code2 === "string" && REPEATED_NETWORK_CODES.has(code2)) throw new OutcomeUnknownError(void 0, code2, void 0);
        throw error2;
      }
      if (!isRepeatedStatus(response.status)) return response;
      const body = readErrorBody(response.bodyAsText ?? void 0);
      const code = typeof body?.code === "string" ? body.code : void 0;
      throw new OutcomeUnknownError(response.status, code, body);
    }
  };
}
function restoreErrorBody(error2, bodies) {
  if (typeof error2 !== "object" || error2 === null) return error2;
  const fields = error2;
  if (fields.details?.error !== void 0 || typeof fields.request !== "object" || fields.request === null) return error2;
  const body = bodies.get(fields.request);
  if (body === void 0) return error2;
  const innerCode = body.innererror?.code;
  return {
    statusCode: fields.statusCode,
    code: fields.code,
    message: fields.message,
    details: { error: { code: body.code, message: body.message, innerError: innerCode === void 0 ? void 0 : { code: innerCode } } }
  };
}
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
var REQUEST_TIMEOUT_MS, UNSAFE_TO_REPEAT2, REPEATED_NETWORK_CODES, OutcomeUnknownError, RETRY_AFTER_MS_HEADERS;
var init_vault_policies = __esm({
  "src/engine/vault/vault-policies.ts"() {
    "use strict";
    init_retry_rules();
    REQUEST_TIMEOUT_MS = 6e4;
    UNSAFE_TO_REPEAT2 = /* @__PURE__ */ new Set(["PUT", "POST", "DELETE"]);
    REPEATED_NETWORK_CODES = /* @__PURE__ */ new Set([
      "ETIMEDOUT",
      "ESOCKETTIMEDOUT",
      "ECONNREFUSED",
      "ECONNRESET",
      "ENOENT",
      "ENOTFOUND"
    ]);
    OutcomeUnknownError = class extends Error {
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
    RETRY_AFTER_MS_HEADERS = ["retry-after-ms", "x-ms-retry-after-ms"];
  }
});

// src/engine/vault/vault-errors.ts
function isAccessDenied(kind) {
  return kind === "forbidden-rbac" || kind === "forbidden-policy" || kind === "forbidden-other";
}
function mayStillBePropagating(kind) {
  return isAccessDenied(kind) && kind !== "forbidden-other";
}
function classifyVaultError(error2) {
  const fields = typeof error2 === "object" && error2 !== null ? error2 : {};
  const status = typeof fields.statusCode === "number" ? fields.statusCode : void 0;
  const bodyError = fields.details?.error;
  const inner = bodyError?.innerError?.code ?? bodyError?.innererror?.code;
  const innerCode = typeof inner === "string" ? inner : void 0;
  const code = typeof bodyError?.code === "string" ? bodyError.code : typeof fields.code === "string" ? fields.code : void 0;
  const aborted2 = typeof error2 === "object" && error2 !== null && error2.name === "AbortError";
  const message = describeFailure(status, code, typeof bodyError?.message === "string" ? bodyError.message : void 0, aborted2);
  const kind = aborted2 ? "transient" : pickKind(status, code, innerCode, message);
  return { status, code, innerCode, message, kind };
}
function describeFailure(status, code, serviceMessage, aborted2) {
  if (serviceMessage !== void 0 && status !== void 0 && status >= 400) return serviceMessage;
  if (aborted2) return `no answer within ${REQUEST_TIMEOUT_MS / 1e3} s (request timed out)`;
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
function summarise(failure2) {
  const firstLine2 = failure2.message.split(/\r?\n/)[0]?.trim() || failure2.message;
  const codes = [failure2.status, failure2.innerCode ?? failure2.code].filter((part) => part !== void 0 && !new RegExp(`\\b${String(part)}\\b`).test(firstLine2)).join(" ");
  const action = /Action: '([^']+)'/.exec(failure2.message)?.[1];
  const detail = [codes, action ? `action ${action}` : void 0].filter(Boolean).join(", ");
  return detail ? `${firstLine2} (${detail})` : firstLine2;
}
function createVaultError(failure2, operation, context) {
  const vaultName = readVaultName(context.vaultUrl);
  const target = context.secretName === void 0 ? "" : ` secret '${context.secretName}'`;
  const message = `Failed to ${VERBS[operation]}${target} in vault '${vaultName}': ${summarise(failure2)}`;
  const hint = HINTS[failure2.kind]?.({
    operation,
    message: failure2.message,
    vaultName,
    secretName: context.secretName,
    clientId: context.clientId
  });
  return new VaultError(message, hint, failure2, operation, context.secretName);
}
var VaultError, NETWORK_CODES, FORBIDDEN_KINDS, CONFLICT_KINDS, VERBS, ROLE_FOR, PERMISSION_FOR, HINTS;
var init_vault_errors = __esm({
  "src/engine/vault/vault-errors.ts"() {
    "use strict";
    init_errors();
    init_vault_url();
    init_governance_policy();
    init_vault_policies();
    VaultError = class extends SyncError {
      failure;
      operation;
      secretName;
      constructor(message, hint, failure2, operation, secretName) {
        super(message, hint);
        this.name = "VaultError";
        this.failure = failure2;
        this.operation = operation;
        this.secretName = secretName;
      }
    };
    NETWORK_CODES = /* @__PURE__ */ new Set([
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
    FORBIDDEN_KINDS = {
      ForbiddenByRbac: "forbidden-rbac",
      AccessDenied: "forbidden-policy",
      ForbiddenByPolicy: "forbidden-policy",
      ForbiddenByFirewall: "forbidden-firewall",
      ForbiddenByGovernancePolicy: "forbidden-governance",
      ForbiddenByConnection: "forbidden-firewall",
      SecretManagedByKeyVault: "managed-by-key-vault",
      SecretDisabled: "disabled"
    };
    CONFLICT_KINDS = {
      ObjectIsDeletedButRecoverable: "deleted-recoverable",
      ObjectIsBeingDeleted: "being-deleted",
      ObjectIsBeingRecovered: "being-recovered"
    };
    VERBS = {
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
    ROLE_FOR = {
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
    PERMISSION_FOR = {
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
    HINTS = {
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
  }
});

// src/engine/rules/duration.ts
function parseDuration(text2) {
  const match = /^([0-9]{1,12})([a-z])$/.exec(text2);
  const unit = match ? UNIT_SECONDS[match[2]] : void 0;
  const amount = match ? Number(match[1]) : 0;
  if (!match || unit === void 0 || amount === 0) return { ok: false, rule: DURATION_RULE };
  const seconds = amount * unit;
  if (seconds > MAX_DURATION_SECONDS) return { ok: false, rule: "must be at most 100 years (36500d)" };
  return { ok: true, seconds };
}
function formatDuration(seconds) {
  for (const [unit, size] of Object.entries(UNIT_SECONDS).reverse()) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
var UNIT_SECONDS, MAX_DURATION_SECONDS, DURATION_RULE;
var init_duration = __esm({
  "src/engine/rules/duration.ts"() {
    "use strict";
    UNIT_SECONDS = {
      m: 60,
      h: 60 * 60,
      d: 24 * 60 * 60,
      w: 7 * 24 * 60 * 60
    };
    MAX_DURATION_SECONDS = 100 * 365 * 24 * 60 * 60;
    DURATION_RULE = "must be a positive whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 90d";
  }
});

// src/engine/limiter.ts
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
    if (running >= bound) await new Promise((resolve2) => waiting.push(resolve2));
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
var sleepFor;
var init_limiter = __esm({
  "src/engine/limiter.ts"() {
    "use strict";
    sleepFor = (ms) => new Promise((resolve2) => setTimeout(resolve2, ms));
  }
});

// src/engine/rules/rule.ts
function describeProblem(problem2) {
  const key = problem2.key === void 0 ? "" : `, key '${problem2.key}'`;
  return `${problem2.place.origin} line ${problem2.place.line}${key}: ${problem2.rule}`;
}
var RULE_KEYS;
var init_rule = __esm({
  "src/engine/rules/rule.ts"() {
    "use strict";
    RULE_KEYS = ["name", "content-type", "tags", "expires-in", "not-before", "enabled", "renew-before", "update"];
  }
});

// src/engine/rules/parse-rules.ts
var parse_rules_exports = {};
__export(parse_rules_exports, {
  parseRules: () => parseRules
});
function lineOf(reader, node) {
  const offset2 = node?.range?.[0] ?? 0;
  return reader.lines.linePos(offset2).line;
}
function problem(reader, node, key, rule) {
  reader.problems.push({ place: { origin: reader.origin, line: lineOf(reader, node) }, key, rule });
}
function readText(node) {
  if (!(0, import_yaml.isScalar)(node)) return void 0;
  const value = node.value;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : void 0;
}
function parseRules(text2, origin) {
  const lines = new import_yaml.LineCounter();
  const reader = { origin, lines, problems: [] };
  const document = (0, import_yaml.parseDocument)(text2, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error2 of document.errors) {
      reader.problems.push({
        place: { origin, line: lines.linePos(error2.pos[0]).line },
        key: void 0,
        rule: `is not valid YAML (${error2.code})`
      });
    }
    return { rules: [], problems: reader.problems };
  }
  const root = document.contents;
  if (root === null || (0, import_yaml.isScalar)(root) && (root.value === null || root.value === "")) return { rules: [], problems: [] };
  if (!(0, import_yaml.isMap)(root)) {
    problem(reader, root, void 0, "must be a mapping from source names or patterns to settings");
    return { rules: [], problems: reader.problems };
  }
  const rules = [];
  for (const pair of root.items) {
    const rule = readRule(reader, pair);
    if (rule !== void 0) rules.push(rule);
  }
  return { rules, problems: reader.problems };
}
function readRule(reader, pair) {
  const keyNode = pair.key;
  const pattern = readText(keyNode);
  if (pattern === void 0 || pattern === "") {
    problem(reader, keyNode, void 0, "each key must be a source name or pattern");
    return void 0;
  }
  const globProblem = checkGlob(pattern);
  if (globProblem !== void 0) {
    problem(reader, keyNode, void 0, `the pattern ${globProblem}`);
    return void 0;
  }
  const rule = { pattern, place: { origin: reader.origin, line: lineOf(reader, keyNode) }, lines: {} };
  const body = pair.value;
  if (!(0, import_yaml.isMap)(body)) {
    problem(reader, body ?? keyNode, void 0, `the settings of '${pattern}' must be a mapping of keys (${RULE_KEYS.join(", ")})`);
    return void 0;
  }
  for (const item of body.items) {
    const settingNode = item.key;
    const key = readText(settingNode);
    if (key === void 0 || !RULE_KEYS.includes(key)) {
      problem(reader, settingNode, key, `is not a rule key; known keys: ${RULE_KEYS.join(", ")}`);
      continue;
    }
    rule.lines[key] = lineOf(reader, settingNode);
    readSetting(reader, rule, key, item.value);
  }
  return rule;
}
function readSetting(reader, rule, key, node) {
  const fail = (text3) => problem(reader, node ?? void 0, key, text3);
  if (key === "tags") {
    rule.tags = readTags(reader, node);
    return;
  }
  if (key === "enabled") {
    if ((0, import_yaml.isScalar)(node) && typeof node.value === "boolean") rule.enabled = node.value;
    else fail("must be true or false");
    return;
  }
  const text2 = readText(node);
  if (text2 === void 0) {
    fail("must be a single value");
    return;
  }
  switch (key) {
    case "name":
      if (!VAULT_NAME_CHARS.test(text2)) fail("must be a Key Vault name: letters, digits and hyphens (the prefix is added in front)");
      else rule.name = text2;
      return;
    case "content-type":
      if (text2.length > MAX_CONTENT_TYPE_LENGTH2) fail(`must be at most ${MAX_CONTENT_TYPE_LENGTH2} characters (a Key Vault limit)`);
      else rule.contentType = text2;
      return;
    case "update":
      if (text2 === "replace" || text2 === "create-only") rule.update = text2;
      else fail("must be 'replace' or 'create-only'");
      return;
    case "expires-in":
    case "not-before":
    case "renew-before": {
      const parsed = parseDuration(text2);
      if (!parsed.ok) {
        fail(parsed.rule);
        return;
      }
      if (key === "expires-in") rule.expiresInSeconds = parsed.seconds;
      else if (key === "not-before") rule.notBeforeSeconds = parsed.seconds;
      else rule.renewBeforeSeconds = parsed.seconds;
      return;
    }
  }
}
function readTags(reader, node) {
  if (!(0, import_yaml.isMap)(node)) {
    problem(reader, node ?? void 0, "tags", "must be a mapping of tag names to values");
    return void 0;
  }
  const tags2 = {};
  const reserved = new Map(RESERVED_TAGS.map((name) => [name.toLowerCase(), name]));
  const seen = /* @__PURE__ */ new Set();
  for (const item of node.items) {
    const nameNode = item.key;
    const name = readText(nameNode);
    const value = readText(item.value);
    const at2 = (text2) => problem(reader, nameNode ?? node, "tags", text2);
    if (name === void 0 || name === "") at2("each tag needs a name");
    else if (value === void 0) at2(`tag '${name}' must have a single value`);
    else if (name.length > MAX_TAG_LENGTH || value.length > MAX_TAG_LENGTH)
      at2(`tag '${name}': names and values are at most ${MAX_TAG_LENGTH} characters`);
    else if (reserved.has(name.toLowerCase())) at2(`tag '${name}' is one the action writes itself (reserved: ${RESERVED_TAGS.join(", ")})`);
    else if (seen.has(name.toLowerCase())) at2(`tag '${name}' is given twice (tag names ignore case)`);
    else {
      seen.add(name.toLowerCase());
      tags2[name] = value;
    }
  }
  return tags2;
}
var import_yaml, MAX_CONTENT_TYPE_LENGTH2, VAULT_NAME_CHARS;
var init_parse_rules = __esm({
  "src/engine/rules/parse-rules.ts"() {
    "use strict";
    import_yaml = require("./vendor/yaml.js");
    init_globs();
    init_tags();
    init_duration();
    init_rule();
    MAX_CONTENT_TYPE_LENGTH2 = 255;
    VAULT_NAME_CHARS = /^[0-9A-Za-z-]+$/;
  }
});

// src/engine/auth/github-oidc.ts
async function fetchGitHubIdToken(audience2, env, options = {}) {
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
  const url = `${requestUrl}${requestUrl.includes("?") ? "&" : "?"}audience=${encodeURIComponent(audience2)}`;
  const headers = { Authorization: `Bearer ${requestToken}`, Accept: "application/json" };
  let lastProblem = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await sleep(FIRST_BACKOFF_MS * 2 ** (attempt - 2));
    let response;
    try {
      response = await httpGet(url, headers, timeoutMs);
    } catch (error2) {
      lastProblem = describeNetworkError(error2);
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
function describeNetworkError(error2) {
  if (error2 instanceof Error) {
    const code = readProperty(error2, "code");
    return typeof code === "string" && !error2.message.includes(code) ? `${error2.message} (${code})` : error2.message;
  }
  return String(error2);
}
function redactJwts(text2) {
  return text2.replace(JWT_PATTERN, "[token]");
}
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
var DEFAULT_ATTEMPTS, DEFAULT_TIMEOUT_MS, FIRST_BACKOFF_MS, JWT_PATTERN, getWithToolkitClient, STRING_CLAIMS;
var init_github_oidc = __esm({
  "src/engine/auth/github-oidc.ts"() {
    "use strict";
    init_errors();
    init_json();
    init_limiter();
    init_missing_oidc();
    DEFAULT_ATTEMPTS = 3;
    DEFAULT_TIMEOUT_MS = 1e4;
    FIRST_BACKOFF_MS = 1e3;
    JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
    getWithToolkitClient = async (url, headers, timeoutMs) => {
      const { HttpClient } = await Promise.resolve().then(() => __toESM(require("./vendor/actions-http-client.js"), 1));
      const client = new HttpClient("keyvault-sync", void 0, { socketTimeout: timeoutMs, allowRetries: false, keepAlive: false });
      try {
        const response = await client.get(url, { ...headers });
        const body = await response.readBody();
        return { status: response.message.statusCode ?? 0, body };
      } finally {
        client.dispose();
      }
    };
    STRING_CLAIMS = [
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
  }
});

// src/engine/auth/hints.ts
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
  const { subject, audience: audience2, clientId, claims } = input;
  const issuer = input.issuer ?? GITHUB_ISSUER;
  const spellings = spellSubject(subject, claims);
  const name = nameCredential(spellings.repositoryName, spellings.context);
  const parameters = JSON.stringify({ name, issuer, subject, audiences: [audience2] });
  const command = `az ad app federated-credential create --id ${clientId} --parameters '${parameters.replaceAll("'", "'\\''")}'`;
  return { name, issuer, subject, audience: audience2, nameBasedSubject: spellings.nameBased, idBasedSubject: spellings.idBased, command };
}
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
var GITHUB_ISSUER, ENTRA_ERROR_HINTS, REPO_SUBJECT, ID_SEGMENT, NAME_SEGMENT;
var init_hints = __esm({
  "src/engine/auth/hints.ts"() {
    "use strict";
    GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    ENTRA_ERROR_HINTS = {
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
    REPO_SUBJECT = /^repo:([^:]+)(.*)$/s;
    ID_SEGMENT = /^([^@/]+)@(\d+)\/([^@/]+)@(\d+)$/;
    NAME_SEGMENT = /^([^@/]+)\/([^@/]+)$/;
  }
});

// src/engine/auth/sign-in-errors.ts
function explainAuthError(error2, context) {
  const chain = collectCauses(error2);
  const explained = chain.find((item) => item instanceof SignInError);
  if (explained) return explained;
  const prefix2 = describeSignIn(context);
  const oidcProblem = chain.find((item) => item instanceof SyncError);
  if (oidcProblem) {
    return new SignInError(`${prefix2}: ${oidcProblem.message}`, oidcProblem.hint, { code: "oidc-unavailable", cause: error2 });
  }
  const text2 = redactJwts(chain.map(errorMessage).join("\n"));
  const code = findEntraCode(text2, chain);
  const traceId = matchFirst(text2, /Trace ID:\s*([0-9a-fA-F-]{36})/);
  const correlationId = matchFirst(text2, /Correlation ID:\s*([0-9a-fA-F-]{36})/) ?? findProperty(chain, "correlationId");
  const ids = describeIds(traceId, correlationId);
  const details = { traceId, correlationId, cause: error2 };
  const explain = code === void 0 ? void 0 : ENTRA_ERROR_HINTS[code];
  if (explain) {
    const { cause: cause2, hint } = explain(buildHintContext(context, text2));
    return new SignInError(`${prefix2}: ${cause2} (AADSTS${code}${ids ? `; ${ids}` : ""})`, hint, { ...details, code: `AADSTS${code}` });
  }
  const local = explainLocalFailure(text2, chain, context);
  if (local) return new SignInError(`${prefix2}: ${local.cause}`, local.hint, { ...details, code: local.code });
  const original = firstLine(chain.map(errorMessage).find((message) => message.trim() !== "") ?? "unknown error");
  const cause = redactJwts(original).slice(0, 1e3);
  const missingIds = ids && !cause.includes(traceId ?? correlationId ?? "") ? ` (${ids})` : "";
  return new SignInError(
    `${prefix2}: ${cause}${missingIds}`,
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
function explainLocalFailure(text2, chain, context) {
  if (/Azure CLI could not be found|az: .*not found/i.test(text2)) {
    return {
      code: "azure-cli-missing",
      cause: "the Azure CLI is not installed on this runner",
      hint: "Install the Azure CLI and run azure/login before this step, or use `auth: oidc`."
    };
  }
  if (context.auth === "azure-cli" && /az login/i.test(text2)) {
    return {
      code: "azure-cli-not-signed-in",
      cause: "the Azure CLI is not signed in",
      hint: "Run azure/login (or `az login`) earlier in the job, in the same tenant, or use `auth: oidc`."
    };
  }
  const unavailable = chain.some((item) => item instanceof Error && item.name === "CredentialUnavailableError");
  if (context.auth === "managed-identity" && (unavailable || /ManagedIdentityCredential|IMDS/i.test(text2))) {
    return {
      code: "managed-identity-unavailable",
      cause: `no managed identity is available on this runner (${firstLine(text2).slice(0, 300)})`,
      hint: "`auth: managed-identity` works on self-hosted runners that run in Azure with a managed identity assigned; for a user-assigned identity set `client-id` to its client ID. On GitHub-hosted runners use `auth: oidc`."
    };
  }
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network_error|socket hang up/i.test(text2)) {
    return {
      code: "network",
      cause: `could not reach ${context.auth === "oidc" || context.auth === void 0 ? context.cloud.authorityHost : "the sign-in endpoint"} (${firstLine(text2).slice(0, 300)})`,
      hint: "Check that the runner can reach the sign-in endpoint (firewall, proxy settings: HTTPS_PROXY, NO_PROXY) and re-run."
    };
  }
  return void 0;
}
function buildHintContext(context, text2) {
  const quoted = (label) => matchFirst(text2, label);
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
function findEntraCode(text2, chain) {
  const listed = matchFirst(text2, /Error\(s\):\s*(\d+)/);
  if (listed) return Number(listed);
  const errorNo = findProperty(chain, "errorNo");
  if (errorNo && /^\d+$/.test(errorNo)) return Number(errorNo);
  const described = matchFirst(text2, /AADSTS(\d+)/);
  return described ? Number(described) : void 0;
}
function collectCauses(error2) {
  const chain = [];
  let current = error2;
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
function matchFirst(text2, pattern) {
  return pattern.exec(text2)?.[1];
}
function firstLine(text2) {
  return text2.split(/\r?\n/)[0] ?? "";
}
var SignInError;
var init_sign_in_errors = __esm({
  "src/engine/auth/sign-in-errors.ts"() {
    "use strict";
    init_errors();
    init_github_oidc();
    init_hints();
    SignInError = class extends SyncError {
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
  }
});

// src/engine/auth/entra.ts
var entra_exports = {};
__export(entra_exports, {
  ASSERTION_REUSE_MS: () => ASSERTION_REUSE_MS,
  createAssertionSource: () => createAssertionSource,
  createCredential: () => createCredential,
  verifySignIn: () => verifySignIn,
  wrapCredential: () => wrapCredential
});
function createCredential(options) {
  const context = {
    auth: options.auth,
    tenantId: options.tenantId,
    clientId: options.clientId,
    cloud: options.cloud,
    audience: options.audience
  };
  const assertions = options.auth === "oidc" ? createAssertionSource(options) : void 0;
  let inner;
  try {
    inner = createInnerCredential(options, assertions);
  } catch (error2) {
    throw explainAuthError(error2, context);
  }
  return wrapCredential(inner, { context, mask: options.mask, readClaims: () => assertions?.claims });
}
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
      } catch (error2) {
        throw explainAuthError(error2, { ...options.context, claims: options.readClaims?.() ?? options.context.claims });
      }
    }
  };
}
function createInnerCredential(options, assertions) {
  switch (options.auth) {
    case "oidc": {
      if (!options.tenantId || !options.clientId) {
        throw new SignInError(
          "Failed to sign in to Microsoft Entra ID: `auth: oidc` needs a tenant ID and a client ID",
          "Set the `tenant-id` and `client-id` inputs, or the AZURE_TENANT_ID and AZURE_CLIENT_ID variables.",
          { code: "missing-ids" }
        );
      }
      return new import_identity.ClientAssertionCredential(options.tenantId, options.clientId, assertions.getAssertion, {
        authorityHost: options.cloud.authorityHost,
        ...options.agent === void 0 ? {} : { agent: options.agent },
        // Like the vault's: a stalled token request fails instead of hanging the job.
        additionalPolicies: [{ position: "perCall", policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) }]
      });
    }
    case "azure-cli":
      return new import_identity.AzureCliCredential(options.tenantId ? { tenantId: options.tenantId } : {});
    case "managed-identity":
      return new import_identity.ManagedIdentityCredential(options.clientId ? { clientId: options.clientId } : {});
  }
}
function createAssertionSource(options) {
  const now = options.now ?? Date.now;
  let claims;
  let fresh;
  let pending;
  const loggedSubjects = /* @__PURE__ */ new Set();
  async function fetchToken() {
    const fetchedAt = now();
    const token = await fetchGitHubIdToken(options.audience, options.env, { ...options.oidc, mask: options.mask });
    claims = readTokenClaims(token);
    fresh = { token, fetchedAt, expiresAt: claims.exp === void 0 ? fetchedAt : claims.exp * 1e3 };
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
      if (fresh !== void 0 && current - fresh.fetchedAt < ASSERTION_REUSE_MS && fresh.expiresAt - current > ASSERTION_REUSE_MS) {
        return Promise.resolve(fresh.token);
      }
      pending ??= fetchToken().finally(() => {
        pending = void 0;
      });
      return pending;
    }
  };
}
function formatClaims(claims) {
  const lines = ["Signing in to Microsoft Entra ID with the GitHub OIDC token:"];
  const shown = [
    ["iss", claims.iss],
    ["sub", claims.sub],
    ["aud", claims.aud],
    ["environment", claims.environment],
    ["job_workflow_ref", claims.job_workflow_ref]
  ];
  for (const [name, value] of shown) lines.push(`  ${name}: ${value ?? "(none)"}`);
  return lines.join("\n");
}
async function verifySignIn(credential, scope, options = {}) {
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? sleepFor;
  const delayMs = options.retryDelayMs ?? 15e3;
  for (let attempt = 1; ; attempt++) {
    try {
      const token = await credential.getToken(scope, { enableCae: true });
      if (token === null) {
        throw new SignInError("Failed to sign in to Microsoft Entra ID: the credential returned no token", void 0, { code: "no-token" });
      }
      return;
    } catch (error2) {
      const explained = error2 instanceof SignInError || options.context === void 0 ? error2 : explainAuthError(error2, options.context);
      if (explained instanceof SignInError && explained.code === PROPAGATION_CODE && attempt < attempts) {
        await sleep(delayMs * attempt);
        continue;
      }
      throw explained;
    }
  }
}
var import_identity, ASSERTION_REUSE_MS, PROPAGATION_CODE;
var init_entra = __esm({
  "src/engine/auth/entra.ts"() {
    "use strict";
    import_identity = require("./vendor/azure-identity.js");
    init_github_oidc();
    init_limiter();
    init_vault_policies();
    init_sign_in_errors();
    ASSERTION_REUSE_MS = 6e4;
    PROPAGATION_CODE = "AADSTS70021";
  }
});

// src/engine/vault/pacing.ts
function createAnsweredWindowLimiter(options) {
  const limit = Math.max(1, Math.floor(options.limit));
  const answered = [];
  let taken = 0;
  return {
    async acquire() {
      const slot = taken % limit;
      const earlier = taken >= limit ? answered[slot] : void 0;
      taken += 1;
      let markAnswered = () => {
      };
      answered[slot] = new Promise((resolve2) => markAnswered = resolve2);
      if (earlier !== void 0) {
        const wait = await earlier + options.windowMs - options.now();
        if (wait > 0) await options.sleep(wait);
      }
      let done = false;
      return () => {
        if (done) return;
        done = true;
        markAnswered(options.now());
      };
    }
  };
}
function isWrite(request) {
  return WRITE_METHODS.has(request.method) && request.headers.has("authorization");
}
function createPacingPolicy(limiters) {
  return {
    name: "keyvaultSyncPacing",
    async sendRequest(request, next) {
      const releaseWrite = isWrite(request) ? await limiters.writes?.acquire() : void 0;
      const releaseTransaction = await limiters.transactions?.acquire();
      try {
        return await next(request);
      } finally {
        releaseTransaction?.();
        releaseWrite?.();
      }
    }
  };
}
var DEFAULT_WRITE_PACING, DEFAULT_TRANSACTION_PACING, WRITE_METHODS;
var init_pacing = __esm({
  "src/engine/vault/pacing.ts"() {
    "use strict";
    DEFAULT_WRITE_PACING = { limit: 300, windowMs: 1e4 };
    DEFAULT_TRANSACTION_PACING = { limit: 4e3, windowMs: 1e4 };
    WRITE_METHODS = /* @__PURE__ */ new Set(["PUT", "PATCH", "POST", "DELETE"]);
  }
});

// src/engine/vault/vault-call.ts
function holdsWrite(latest, write) {
  const stored = latest.properties.tags;
  const keys = Object.keys(write.tags);
  return latest.value === write.value && (latest.properties.contentType ?? void 0) === (write.contentType ?? void 0) && keys.length === Object.keys(stored).length && keys.every((key) => stored[key] === write.tags[key]);
}
function createVaultCaller(options) {
  const { vaultUrl, clientId, retry, sleep, log, errorBodies } = options;
  let firstCall;
  async function afterFirstCall(call) {
    if (firstCall === void 0) {
      const result = call();
      firstCall = Promise.race([
        result.then(
          () => {
          },
          () => {
          }
        ),
        firstAnswer
      ]);
      return result;
    }
    await firstCall;
    return call();
  }
  let answered = () => {
  };
  const firstAnswer = new Promise((resolve2) => answered = resolve2);
  let memory = { propagationWaitedOut: false, succeededOnce: false };
  async function callVault(operation, secretName, write, attempt, confirm) {
    return afterFirstCall(async () => {
      let tries = { forbidden: 0, conflict: 0, lost: 0 };
      let answerLost = false;
      for (; ; ) {
        try {
          if (answerLost && confirm !== void 0) {
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
        } catch (error2) {
          if (error2 instanceof SyncError) throw error2;
          const failure2 = classifyVaultError(restoreErrorBody(error2, errorBodies));
          const decision = decideVaultRetry(failure2.kind, operation, tries, memory, retry);
          ({ tries, memory } = decision);
          const { delayMs: delay, answerLost: lost } = decision;
          if (lost) answerLost = true;
          const stated = lost && delay === void 0 ? { ...failure2, message: `${failure2.message}; whether Key Vault did it is unknown` } : failure2;
          const vaultError = createVaultError(stated, operation, { vaultUrl, secretName, clientId });
          if (delay === void 0) throw vaultError;
          const next = lost && confirm !== void 0 ? "checking what the vault holds" : "retrying";
          log(`${vaultError.message}; ${next} in ${(delay / 1e3).toFixed(1)} s`);
          await sleep(delay);
        }
      }
    });
  }
  return { callVault, afterFirstCall, answered: () => answered() };
}
var VERBS_DONE;
var init_vault_call = __esm({
  "src/engine/vault/vault-call.ts"() {
    "use strict";
    init_errors();
    init_vault_errors();
    init_retry_rules();
    init_vault_policies();
    VERBS_DONE = { set: "write", delete: "delete" };
  }
});

// src/engine/vault/request-debug-policy.ts
function createRequestDebugPolicy(debug2, now) {
  return {
    name: "keyvaultSyncRequestDebug",
    async sendRequest(request, next) {
      const started = now();
      const what = `${request.method} ${new URL(request.url).pathname}`;
      try {
        const response = await next(request);
        debug2(`Key Vault ${what} -> ${response.status} (${now() - started} ms)`);
        return response;
      } catch (error2) {
        const code = typeof error2 === "object" && error2 !== null && "code" in error2 ? String(error2.code) : "no response";
        debug2(`Key Vault ${what} -> ${code} (${now() - started} ms)`);
        throw error2;
      }
    }
  };
}
var init_request_debug_policy = __esm({
  "src/engine/vault/request-debug-policy.ts"() {
    "use strict";
  }
});

// src/engine/vault/key-vault.ts
var key_vault_exports = {};
__export(key_vault_exports, {
  DEFAULT_WRITE_PACING: () => DEFAULT_WRITE_PACING,
  createKeyVault: () => createKeyVault
});
function toSecretInfo(properties) {
  return {
    name: properties.name,
    version: properties.version,
    enabled: properties.enabled ?? true,
    managed: properties.managed === true,
    contentType: properties.contentType,
    tags: { ...properties.tags ?? {} },
    expiresOn: properties.expiresOn,
    createdOn: properties.createdOn,
    updatedOn: properties.updatedOn,
    recoverableDays: properties.recoverableDays
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
    scheduledPurgeDate: deleted.scheduledPurgeDate ?? deleted.properties.scheduledPurgeDate
  };
}
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
  for await (const item of pages) items.push(map(item));
  return items;
}
function createKeyVault(vaultUrl, credential, options = {}) {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? sleepFor;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {
  });
  const pacing = options.writePacing === void 0 ? DEFAULT_WRITE_PACING : options.writePacing;
  const transactionPacing = options.transactionPacing === void 0 ? DEFAULT_TRANSACTION_PACING : options.transactionPacing;
  const pacingPolicy = createPacingPolicy({
    writes: pacing === false ? void 0 : createAnsweredWindowLimiter({ ...pacing, now, sleep }),
    transactions: transactionPacing === false ? void 0 : createAnsweredWindowLimiter({ ...transactionPacing, now, sleep })
  });
  const errorBodies = /* @__PURE__ */ new WeakMap();
  const client = new import_keyvault_secrets.SecretClient(vaultUrl, credential, {
    additionalPolicies: [
      { position: "perCall", policy: createErrorBodyPolicy(errorBodies) },
      {
        position: "perRetry",
        policy: createThrottlePolicy({
          settings: retry,
          sleep,
          now,
          random: options.random ?? Math.random,
          log
        })
      },
      // After the SDK's retry policy, so it sees every try.
      { position: "perRetry", policy: createNoBlindRepeatPolicy() },
      // Every try waits for its place under the vault's limits (pacing.ts).
      { position: "perRetry", policy: pacingPolicy },
      // Closest to the wire, so every attempt (retries of 429s and transient errors) shows.
      ...options.debug === void 0 ? [] : [{ position: "perRetry", policy: createRequestDebugPolicy(options.debug, now) }],
      // Closest to the wire of all, so every try gets the whole time.
      { position: "perRetry", policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) }
    ],
    retryOptions: { maxRetries: retry.transientRetries, retryDelayInMs: retry.transientDelayMs },
    httpClient: options.httpClient,
    ...options.agent === void 0 ? {} : { agent: options.agent }
  });
  const { callVault, afterFirstCall, answered } = createVaultCaller({
    vaultUrl,
    clientId: options.clientId,
    retry,
    sleep,
    log,
    errorBodies
  });
  async function readLatest(name) {
    try {
      const secret = await client.getSecret(name);
      return { value: secret.value ?? "", properties: toSecretInfo(secret.properties) };
    } catch (error2) {
      if (classifyVaultError(error2).kind === "not-found") return void 0;
      throw error2;
    }
  }
  async function confirmStored(name, write) {
    const latest = await readLatest(name);
    if (latest === void 0 || !holdsWrite(latest, write)) return { done: false };
    return { done: true, result: latest.properties };
  }
  async function waitUntilReadable(name) {
    for (const delay of [...retry.recoverWaitDelaysMs, void 0]) {
      try {
        await client.getSecret(name);
        return;
      } catch (error2) {
        const failure2 = classifyVaultError(restoreErrorBody(error2, errorBodies));
        if (failure2.kind !== "not-found") {
          if (failure2.status === 403) return;
          throw createVaultError(failure2, "recover", { vaultUrl, secretName: name, clientId: options.clientId });
        }
        if (delay === void 0) {
          const waited = {
            ...failure2,
            message: `recovered, but still not readable after ${retry.recoverWaitDelaysMs.length + 1} tries: ${failure2.message}`
          };
          throw createVaultError(waited, "recover", { vaultUrl, secretName: name, clientId: options.clientId });
        }
        await sleep(delay);
      }
    }
  }
  return {
    vaultUrl,
    listSecrets: (onPage) => callVault(
      "list",
      void 0,
      false,
      () => collectPages(client.listPropertiesOfSecrets().byPage(), toSecretInfo, (page) => {
        answered();
        onPage?.(page);
      })
    ),
    listDeletedSecrets: () => callVault("list-deleted", void 0, false, () => collect(client.listDeletedSecrets(), toDeletedSecretInfo)),
    listVersions: (name) => callVault("list-versions", name, false, () => collect(client.listPropertiesOfSecretVersions(name), toSecretInfo)),
    getSecret: (name) => callVault("get", name, false, async () => {
      try {
        const secret = await client.getSecret(name);
        return { found: true, value: secret.value ?? "", properties: toSecretInfo(secret.properties) };
      } catch (error2) {
        if (classifyVaultError(error2).kind === "not-found") return { found: false };
        throw error2;
      }
    }),
    getDeletedSecret: (name) => callVault("get-deleted", name, false, async () => {
      try {
        return toDeletedSecretInfo(await client.getDeletedSecret(name));
      } catch (error2) {
        if (classifyVaultError(error2).kind === "not-found") return void 0;
        throw error2;
      }
    }),
    setSecret: (name, write) => callVault(
      "set",
      name,
      true,
      async () => {
        const secret = await client.setSecret(name, write.value, {
          contentType: write.contentType,
          tags: write.tags,
          expiresOn: write.expiresOn,
          notBefore: write.notBefore,
          enabled: write.enabled
        });
        return toSecretInfo(secret.properties);
      },
      () => confirmStored(name, write)
    ),
    updateProperties: (name, version2, update) => callVault(
      "update",
      name,
      true,
      async () => toSecretInfo(
        await client.updateSecretProperties(name, version2, {
          contentType: update.contentType,
          tags: update.tags,
          expiresOn: update.expiresOn,
          enabled: update.enabled
        })
      )
    ),
    deleteSecret: (name) => callVault(
      "delete",
      name,
      true,
      async () => {
        await client.beginDeleteSecret(name);
      },
      // A lost DELETE was done when the name no longer answers.
      async () => await readLatest(name) === void 0 ? { done: true, result: void 0 } : { done: false }
    ),
    // No confirm: the SDK's recover reads the secret first and does not recover what answers.
    recoverSecret: async (name) => {
      const poller = await callVault("recover", name, true, () => client.beginRecoverDeletedSecret(name));
      if (!poller.isDone()) await afterFirstCall(() => waitUntilReadable(name));
    }
  };
}
var import_keyvault_secrets;
var init_key_vault = __esm({
  "src/engine/vault/key-vault.ts"() {
    "use strict";
    import_keyvault_secrets = require("./vendor/azure-keyvault-secrets.js");
    init_limiter();
    init_pacing();
    init_vault_errors();
    init_retry_rules();
    init_vault_policies();
    init_vault_call();
    init_request_debug_policy();
  }
});

// src/engine/check/identity.ts
function readClaim(source, name, pattern) {
  const value = source[name];
  return typeof value === "string" && pattern.test(value) ? value : void 0;
}
function readAccessIdentity(accessToken) {
  const payload = accessToken.split(".")[1];
  let source = {};
  try {
    const decoded = payload === void 0 ? void 0 : JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof decoded === "object" && decoded !== null && !Array.isArray(decoded)) source = decoded;
  } catch {
  }
  const aud = source["aud"];
  const audience2 = Array.isArray(aud) ? aud.find((item) => typeof item === "string" && PRINTABLE.test(item)) : readClaim(source, "aud", PRINTABLE);
  const exp = source["exp"];
  return {
    objectId: readClaim(source, "oid", GUID2),
    clientId: readClaim(source, "appid", GUID2) ?? readClaim(source, "azp", GUID2),
    tenantId: readClaim(source, "tid", GUID2),
    audience: audience2,
    issuer: readClaim(source, "iss", PRINTABLE),
    expiresOn: typeof exp === "number" && Number.isFinite(exp) ? new Date(exp * 1e3) : void 0
  };
}
var GUID2, PRINTABLE;
var init_identity = __esm({
  "src/engine/check/identity.ts"() {
    "use strict";
    GUID2 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    PRINTABLE = /^[\x21-\x7e]{1,512}$/;
  }
});

// src/engine/check/azure-target.ts
function toFailure(error2, bodies) {
  return classifyVaultError(restoreErrorBody(error2, bodies));
}
function readString(value) {
  return typeof value === "string" ? value : void 0;
}
function readStrings(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}
function createAzureCheckTarget(options) {
  const { credential, vaultUrl } = options;
  const vault = createKeyVault(vaultUrl, credential, { ...options.vault, retry: { forbiddenDelaysMs: [], ...options.vault.retry } });
  const bodies = /* @__PURE__ */ new WeakMap();
  const sdkPolicies = [
    { position: "perCall", policy: createErrorBodyPolicy(bodies) },
    { position: "perCall", policy: createTimeoutPolicy(REQUEST_TIMEOUT_MS) }
  ];
  const keyClients = /* @__PURE__ */ new Map();
  const armHost = ARM_ENDPOINTS[options.cloud.name];
  const arm = (0, import_core_rest_pipeline.createPipelineFromOptions)({ retryOptions: { maxRetries: 2 } });
  arm.addPolicy((0, import_core_rest_pipeline.bearerTokenAuthenticationPolicy)({ credential, scopes: `${armHost}/.default` }));
  arm.addPolicy(createTimeoutPolicy(REQUEST_TIMEOUT_MS));
  const http = (0, import_core_rest_pipeline.createDefaultHttpClient)();
  function keyClient(keyVaultUrl) {
    let client = keyClients.get(keyVaultUrl);
    if (client === void 0) {
      client = new import_keyvault_keys.KeyClient(keyVaultUrl, credential, { additionalPolicies: sdkPolicies, retryOptions: { maxRetries: 2 } });
      keyClients.set(keyVaultUrl, client);
    }
    return client;
  }
  async function readArm(path, apiVersion) {
    if (options.resource === void 0)
      return { ok: false, reason: "subscription-id and resource-group are not set, so ARM was not asked" };
    const { subscriptionId, resourceGroup } = options.resource;
    const url = `${armHost}/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${new URL(vaultUrl).hostname.split(".")[0]}${path}?api-version=${apiVersion}`;
    try {
      const response = await arm.sendRequest(http, (0, import_core_rest_pipeline.createPipelineRequest)({ url, method: "GET" }));
      let body = {};
      try {
        body = JSON.parse(response.bodyAsText ?? "{}");
      } catch {
      }
      if (response.status === 200) return { ok: true, value: body };
      const code = readString(body.error?.code);
      const message = readString(body.error?.message);
      return {
        ok: false,
        reason: `ARM answered ${response.status}${code ? ` ${code}` : ""}${message ? `: ${message.split("\n")[0]}` : ""}`
      };
    } catch (error2) {
      if (error2 instanceof SignInError) return { ok: false, reason: `no token for ARM: ${error2.message}` };
      return { ok: false, reason: `ARM could not be reached: ${errorMessage(error2).split("\n")[0]}` };
    }
  }
  return {
    async signIn() {
      const token = await credential.getToken(options.cloud.vaultScope, { enableCae: true });
      if (token === null)
        throw new SignInError("Failed to sign in to Microsoft Entra ID: the credential returned no token", void 0, { code: "no-token" });
      return readAccessIdentity(token.token);
    },
    listSecrets: () => vault.listSecrets(),
    listVersions: (name) => vault.listVersions(name),
    async probeSecretRead() {
      try {
        await vault.getSecret(`keyvault-sync-check-${(0, import_node_crypto.randomUUID)()}`);
        return { allowed: true };
      } catch (error2) {
        if (error2 instanceof VaultError) return { allowed: false, failure: error2.failure, hint: error2.hint };
        throw error2;
      }
    },
    async readVaultResource() {
      const read = await readArm("", VAULT_API_VERSION);
      if (!read.ok) return read;
      const properties = read.value.properties ?? {};
      const policies = Array.isArray(properties["accessPolicies"]) ? properties["accessPolicies"] : [];
      const accessPolicies = policies.map((entry) => {
        const policy = entry ?? {};
        return {
          objectId: readString(policy.objectId) ?? "",
          secrets: readStrings(policy.permissions?.secrets),
          keys: readStrings(policy.permissions?.keys)
        };
      });
      return { ok: true, value: { rbac: properties["enableRbacAuthorization"] === true, accessPolicies } };
    },
    async readPermissions() {
      const read = await readArm("/providers/Microsoft.Authorization/permissions", PERMISSIONS_API_VERSION);
      if (!read.ok) return read;
      const value = read.value.value;
      const entries = Array.isArray(value) ? value : [];
      return {
        ok: true,
        value: entries.map((entry) => {
          const fields = entry ?? {};
          return {
            actions: readStrings(fields["actions"]),
            notActions: readStrings(fields["notActions"]),
            dataActions: readStrings(fields["dataActions"]),
            notDataActions: readStrings(fields["notDataActions"])
          };
        })
      };
    },
    async readKey(key) {
      try {
        const found = await keyClient(key.vaultUrl).getKey(key.name, key.version === void 0 ? {} : { version: key.version });
        const facts = {
          id: found.id ?? `${key.vaultUrl}/keys/${key.name}`,
          keyType: found.keyType,
          keyOps: found.keyOperations,
          enabled: found.properties.enabled ?? true,
          notBefore: found.properties.notBefore,
          expiresOn: found.properties.expiresOn
        };
        return { kind: "found", key: facts };
      } catch (error2) {
        if (error2 instanceof SignInError) throw error2;
        return { kind: "failed", failure: toFailure(error2, bodies) };
      }
    },
    async roundTrip(keyId) {
      const client = new import_keyvault_keys.CryptographyClient(keyId, credential, { additionalPolicies: sdkPolicies, retryOptions: { maxRetries: 2 } });
      const plain = (0, import_node_crypto.randomBytes)(ROUND_TRIP_BYTES);
      let wrapped;
      try {
        wrapped = (await client.wrapKey(ROUND_TRIP_ALGORITHM, plain)).result;
      } catch (error2) {
        if (error2 instanceof SignInError) throw error2;
        return { kind: "failed", step: "wrapKey", failure: toFailure(error2, bodies) };
      }
      try {
        const unwrapped = (await client.unwrapKey(ROUND_TRIP_ALGORITHM, wrapped)).result;
        const same = unwrapped.length === plain.length && (0, import_node_crypto.timingSafeEqual)(Buffer.from(unwrapped), plain);
        return same ? { kind: "worked", algorithm: ROUND_TRIP_ALGORITHM, bytes: ROUND_TRIP_BYTES } : { kind: "mismatch", algorithm: ROUND_TRIP_ALGORITHM };
      } catch (error2) {
        if (error2 instanceof SignInError) throw error2;
        return { kind: "failed", step: "unwrapKey", failure: toFailure(error2, bodies) };
      }
    }
  };
}
var import_node_crypto, import_core_rest_pipeline, import_keyvault_keys, ARM_ENDPOINTS, VAULT_API_VERSION, PERMISSIONS_API_VERSION, ROUND_TRIP_ALGORITHM, ROUND_TRIP_BYTES;
var init_azure_target = __esm({
  "src/engine/check/azure-target.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    import_core_rest_pipeline = require("./vendor/azure-core-rest-pipeline.js");
    import_keyvault_keys = require("./vendor/azure-keyvault-keys.js");
    init_sign_in_errors();
    init_errors();
    init_key_vault();
    init_vault_errors();
    init_vault_policies();
    init_identity();
    ARM_ENDPOINTS = {
      public: "https://management.azure.com",
      usgovernment: "https://management.usgovcloudapi.net",
      china: "https://management.chinacloudapi.cn"
    };
    VAULT_API_VERSION = "2023-07-01";
    PERMISSIONS_API_VERSION = "2022-04-01";
    ROUND_TRIP_ALGORITHM = "RSA-OAEP-256";
    ROUND_TRIP_BYTES = 32;
  }
});

// src/engine/check/byok.ts
function parseKeyId(text2, vaultSuffix) {
  let url;
  try {
    url = new URL(text2);
  } catch {
    return { ok: false, rule: "is not a URL: a key identifier looks like https://VAULT.vault.azure.net/keys/NAME[/VERSION]" };
  }
  if (url.protocol !== "https:") return { ok: false, rule: "must be an https URL" };
  if (url.username !== "" || url.password !== "" || url.port !== "" || url.search !== "" || url.hash !== "") {
    return { ok: false, rule: "must have no user, port, query or fragment" };
  }
  if (!url.hostname.endsWith(`.${vaultSuffix}`))
    return { ok: false, rule: `must have a host that ends with .${vaultSuffix} (the selected cloud's vaults)` };
  const vaultName = url.hostname.slice(0, -(vaultSuffix.length + 1));
  const [, kind, name, version2, ...rest] = url.pathname.replace(/\/+$/, "").split("/");
  if (kind !== "keys" || name === void 0 || !KEY_NAME.test(name) || rest.length > 0 || version2 !== void 0 && !KEY_VERSION.test(version2)) {
    return { ok: false, rule: "must have the path /keys/NAME or /keys/NAME/VERSION (letters, digits and hyphens)" };
  }
  return { ok: true, key: { vaultUrl: `https://${vaultName}.${vaultSuffix}`, vaultName, name, version: version2 } };
}
function subjectOf(context) {
  return `key ${context.key.vaultName}/${context.key.name}${context.key.version ? `/${context.key.version}` : ""}`;
}
function grantFix(context, permissions) {
  const assignee = context.clientId ?? "<client-id>";
  const role = `assign 'Key Vault Crypto User' on the key: az role assignment create --role "Key Vault Crypto User" --assignee ${assignee} --scope "$(az keyvault show --name ${context.key.vaultName} --query id -o tsv)/keys/${context.key.name}"`;
  const policy = `add the key permissions to its access policy: az keyvault set-policy --name ${context.key.vaultName} --spn ${assignee} --key-permissions ${permissions}`;
  if (context.rbac === true) return `Grant the identity access: ${role}.`;
  if (context.rbac === false) return `Grant the identity access: ${policy}.`;
  return `Grant the identity access. RBAC vault: ${role}. Access-policy vault: ${policy}.`;
}
function enableFix(context) {
  return `Enable the key version (az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --enabled true), or point key-id at an enabled version.`;
}
function describeOperation(operation) {
  return operation === "read" ? "read this key" : `${operation} with this key`;
}
function explainKeyFailure(failure2, operation, context) {
  const subject = subjectOf(context);
  const what = summarise(failure2);
  switch (failure2.innerCode ?? failure2.code) {
    case "ForbiddenByRbac":
      return {
        level: "error",
        code: "key-role-missing",
        subject,
        message: `The identity may not ${describeOperation(operation)}: no role grants it (Key Vault Crypto User is missing). ${what}`,
        fix: grantFix(context, "get wrapKey unwrapKey")
      };
    case "AccessDenied":
    case "ForbiddenByPolicy":
      return {
        level: "error",
        code: "key-permission-missing",
        subject,
        message: `The vault's access policies do not let the identity ${describeOperation(operation)}. ${what}`,
        fix: grantFix(context, "get wrapKey unwrapKey")
      };
    case "KeyDisabled":
      return {
        level: "error",
        code: "key-disabled",
        subject,
        message: `The key is disabled: ${operation} is refused. ${what}`,
        fix: enableFix(context)
      };
    case "KeyExpired":
    case "KeyNotYetValid":
      return {
        level: "error",
        code: "key-not-valid-now",
        subject,
        message: `The key is outside its validity period: ${operation} is refused. ${what}`,
        fix: "Rotate to a new key version, or change the key's expiry / not-before dates."
      };
    case "KeyOperationForbidden":
      return {
        level: "error",
        code: "key-operation-not-allowed",
        subject,
        message: `The key's key_ops do not allow ${operation}. ${what}`,
        fix: `Add it to the key's operations: az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --ops wrapKey unwrapKey (plus the operations the key already allows).`
      };
    case "KeyNotFound":
      return {
        level: "error",
        code: "key-not-found",
        subject,
        message: `No such key in vault '${context.key.vaultName}'. ${what}`,
        fix: "Check key-id: the vault, the key name and the version (omit the version to use the latest)."
      };
    default:
      return { level: "error", code: "key-call-failed", subject, message: `Failed to ${operation} with the key: ${what}`, fix: void 0 };
  }
}
function checkKeyProperties(read, context) {
  if (read.kind === "failed") return [explainKeyFailure(read.failure, "read", context)];
  const { key } = read;
  const subject = subjectOf(context);
  const findings = [];
  if (key.keyType === void 0 || !RSA_TYPES.has(key.keyType)) {
    findings.push({
      level: "error",
      code: "key-not-rsa",
      subject,
      message: `The key type is ${key.keyType ?? "unknown"}; BYOK wrap and unwrap need RSA or RSA-HSM.`,
      fix: "Create an RSA key (az keyvault key create --kty RSA-HSM --size 3072 \u2026) and point key-id at it."
    });
  }
  if (!key.enabled)
    findings.push({
      level: "error",
      code: "key-disabled",
      subject,
      message: "The key is disabled: every operation with it is refused.",
      fix: enableFix(context)
    });
  const now = context.now.getTime();
  if (key.expiresOn !== void 0 && key.expiresOn.getTime() <= now) {
    findings.push({
      level: "error",
      code: "key-expired",
      subject,
      message: `The key expired on ${key.expiresOn.toISOString().slice(0, 10)}: wrapping new keys is refused.`,
      fix: "Rotate to a new key version (az keyvault key rotate) and update the platform's key reference, or extend the expiry."
    });
  } else if (key.expiresOn !== void 0 && key.expiresOn.getTime() - now <= context.expiryWarningDays * DAY_MS) {
    findings.push({
      level: "warning",
      code: "key-expiring",
      subject,
      message: `The key expires on ${key.expiresOn.toISOString().slice(0, 10)}.`,
      fix: "Rotate to a new key version before then (az keyvault key rotate), or extend the expiry."
    });
  }
  if (key.notBefore !== void 0 && key.notBefore.getTime() > now) {
    findings.push({
      level: "error",
      code: "key-not-yet-valid",
      subject,
      message: `The key is not valid before ${key.notBefore.toISOString()}.`,
      fix: "Use a version that is valid now, or change its not-before date."
    });
  }
  for (const operation of ["wrapKey", "unwrapKey"]) {
    if (key.keyOps !== void 0 && !key.keyOps.includes(operation)) {
      findings.push({
        level: "error",
        code: "key-operation-not-allowed",
        subject,
        message: `The key's key_ops (${key.keyOps.join(", ") || "none"}) do not include ${operation}.`,
        fix: `Allow it: az keyvault key set-attributes --vault-name ${context.key.vaultName} --name ${context.key.name} --ops ${[.../* @__PURE__ */ new Set([...key.keyOps, "wrapKey", "unwrapKey"])].join(" ")}`
      });
    }
  }
  return findings;
}
function checkRoundTrip(roundTrip, context) {
  const subject = subjectOf(context);
  switch (roundTrip.kind) {
    case "worked":
      return {
        level: "notice",
        code: "key-round-trip",
        subject,
        message: `A wrap \u2192 unwrap round trip of ${roundTrip.bytes} random bytes with ${roundTrip.algorithm} worked at the vault with this identity.`,
        fix: void 0
      };
    case "mismatch":
      return {
        level: "error",
        code: "key-round-trip-mismatch",
        subject,
        message: `wrapKey and unwrapKey (${roundTrip.algorithm}) both answered, but unwrapping did not give back the wrapped bytes.`,
        fix: "Check that key-id names one key version and that nothing between the runner and the vault rewrites requests."
      };
    case "not-tried":
      return {
        level: "warning",
        code: "key-round-trip-not-tried",
        subject,
        message: `The wrap \u2192 unwrap round trip was not tried: ${roundTrip.reason}.`,
        fix: "Fix the findings above about this key, then run check again."
      };
    case "failed":
      return explainKeyFailure(roundTrip.failure, roundTrip.step, context);
  }
}
var KEY_NAME, KEY_VERSION, RSA_TYPES, DAY_MS;
var init_byok = __esm({
  "src/engine/check/byok.ts"() {
    "use strict";
    init_vault_errors();
    KEY_NAME = /^[0-9A-Za-z-]{1,127}$/;
    KEY_VERSION = /^[0-9A-Za-z]{1,64}$/;
    RSA_TYPES = /* @__PURE__ */ new Set(["RSA", "RSA-HSM"]);
    DAY_MS = 24 * 60 * 60 * 1e3;
  }
});

// src/engine/check/findings.ts
function reachesFailLevel(findings, failOn) {
  if (failOn === "never") return false;
  return findings.some((finding) => RANK[finding.level] >= RANK[failOn]);
}
function sortFindings(findings) {
  return [...findings].sort(
    (a, b) => RANK[b.level] - RANK[a.level] || a.subject.localeCompare(b.subject, "en") || a.code.localeCompare(b.code, "en")
  );
}
function countFindings(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.level] += 1;
  return counts;
}
var FAIL_ON_CHOICES, RANK;
var init_findings = __esm({
  "src/engine/check/findings.ts"() {
    "use strict";
    FAIL_ON_CHOICES = ["error", "warning", "notice", "never"];
    RANK = { error: 3, warning: 2, notice: 1 };
  }
});

// src/engine/check/health.ts
function isInsidePrefix(name, prefix2) {
  return prefix2 !== "" && name.toLowerCase().startsWith(prefix2.toLowerCase());
}
function isManagedSet(secret, owner, prefix2) {
  return readOwnership(secret.tags, owner).kind === "ours" && isSamePrefix(readPrefix(secret.tags), prefix2);
}
function selectForHealth(secrets, owner, prefix2) {
  return secrets.filter((secret) => !secret.managed && (isManagedSet(secret, owner, prefix2) || isInsidePrefix(secret.name, prefix2)));
}
function formatDay(date) {
  return date.toISOString().slice(0, 10);
}
function checkExpiry(secret, options) {
  const expires = secret.expiresOn;
  if (expires === void 0) return void 0;
  const left = expires.getTime() - options.now.getTime();
  const fix = `Run the sync (it writes a new version with a new expiry when 'expires-in' is set), or set a new expiry: az keyvault secret set-attributes --vault-name ${options.vaultName} --name ${secret.name} --expires <date>.`;
  if (left <= 0) {
    return {
      level: "error",
      code: "secret-expired",
      subject: secret.name,
      message: `Expired on ${formatDay(expires)}: applications reading it get an error.`,
      fix
    };
  }
  if (left <= options.expiryWarningDays * DAY_MS2) {
    const days = Math.ceil(left / DAY_MS2);
    return {
      level: "warning",
      code: "secret-expiring",
      subject: secret.name,
      message: `Expires on ${formatDay(expires)}, in ${days} ${days === 1 ? "day" : "days"} (warning from ${options.expiryWarningDays} days).`,
      fix
    };
  }
  return void 0;
}
function checkVersions(input, options) {
  const name = input.latest.name;
  if (input.versions === void 0) {
    return {
      level: "warning",
      code: "secret-versions-unknown",
      subject: name,
      message: `Its versions could not be listed, so version count and drift were not checked: ${input.versionsError ?? "unknown error"}`,
      fix: "Give the identity list permission (Key Vault Reader or Secrets User, or the access policy 'list')."
    };
  }
  const count2 = input.versions.length;
  if (count2 <= options.maxVersions) return void 0;
  const backup = count2 > BACKUP_VERSION_LIMIT ? ` Above ${BACKUP_VERSION_LIMIT} versions Key Vault's backup of this secret fails.` : ` Key Vault's backup fails above ${BACKUP_VERSION_LIMIT} versions.`;
  return {
    level: count2 > BACKUP_VERSION_LIMIT ? "error" : "warning",
    code: "secret-many-versions",
    subject: name,
    message: `Has ${count2} versions (more than ${options.maxVersions}).${backup}`,
    fix: "Find what writes it so often (keyvault-sync writes only when the value or metadata changed). Old versions cannot be deleted one by one; to start over, delete and purge the secret and sync it again."
  };
}
function checkOwnership(input, options) {
  const { latest, versions } = input;
  const ownership = readOwnership(latest.tags, options.owner);
  if (ownership.kind === "ours") return void 0;
  if (ownership.kind === "other-owner") {
    return {
      level: "warning",
      code: "secret-other-owner",
      subject: latest.name,
      message: `Inside the prefix '${options.prefix}' but managed by keyvault-sync for another owner ('${ownership.owner}'); this owner's sync fails on this name.`,
      fix: "Use different prefixes for the two workflows, or the same 'owner' input in both."
    };
  }
  const owned = (versions ?? []).filter((version2) => readOwnership(version2.tags, options.owner).kind === "ours");
  if (owned.length > 0) {
    const when = latest.createdOn ?? latest.updatedOn;
    return {
      level: "warning",
      code: "secret-drifted",
      subject: latest.name,
      message: `Drifted: the latest version${when ? ` (${when.toISOString()})` : ""} was written outside keyvault-sync after a version this owner synced; the next sync refuses to overwrite it.`,
      fix: "Find out who changed it and why. Put the change into the sources and sync with 'adopt: true' (which overwrites it), or restore the synced value."
    };
  }
  if (versions === void 0) return void 0;
  return {
    level: "notice",
    code: "secret-unmanaged",
    subject: latest.name,
    message: `Inside the prefix '${options.prefix}' but not created by keyvault-sync; a sync leaves it alone, and fails if its sources ever hold this name.`,
    fix: "Move it out of the prefix, delete it if unused, or let the sync take it over with 'adopt: true'."
  };
}
function checkEnabled(secret, options) {
  if (secret.enabled) return void 0;
  return {
    level: "warning",
    code: "secret-disabled",
    subject: secret.name,
    message: "Disabled: applications cannot read it, and the sync neither writes nor re-enables it.",
    fix: `Enable it (az keyvault secret set-attributes --vault-name ${options.vaultName} --name ${secret.name} --enabled true) or remove it from the sources.`
  };
}
function checkHealth(inputs, options) {
  const findings = [];
  for (const input of inputs) {
    const checks = isManagedSet(input.latest, options.owner, options.prefix) ? [checkEnabled(input.latest, options), checkVersions(input, options), checkExpiry(input.latest, options)] : [checkOwnership(input, options) ?? (input.versions === void 0 ? checkVersions(input, options) : void 0)];
    for (const finding of checks) if (finding !== void 0) findings.push(finding);
  }
  return findings;
}
var BACKUP_VERSION_LIMIT, DAY_MS2;
var init_health = __esm({
  "src/engine/check/health.ts"() {
    "use strict";
    init_tags();
    BACKUP_VERSION_LIMIT = 500;
    DAY_MS2 = 24 * 60 * 60 * 1e3;
  }
});

// src/engine/check/permissions.ts
function matchesAction(pattern, action) {
  const source = pattern.split("*").map((piece) => piece.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`, "i").test(action);
}
function rbacAllows(assignments, dataAction) {
  return assignments.some(
    (entry) => entry.dataActions.some((pattern) => matchesAction(pattern, dataAction)) && !entry.notDataActions.some((pattern) => matchesAction(pattern, dataAction))
  );
}
function policyAllows(policies, objectId, kind, permission) {
  const wanted = permission.toLowerCase();
  return policies.filter((policy) => policy.objectId.toLowerCase() === objectId.toLowerCase()).some((policy) => policy[kind].some((granted) => granted.toLowerCase() === wanted || granted.toLowerCase() === "all"));
}
function allowsSecret(evidence, operation) {
  if (evidence.source === "rbac") return rbacAllows(evidence.assignments, SECRET_DATA_ACTIONS[operation]);
  if (evidence.source === "access-policy")
    return policyAllows(evidence.policies, evidence.objectId, "secrets", SECRET_POLICY_PERMISSIONS[operation]);
  return void 0;
}
function allowsKey(evidence, operation) {
  if (evidence.source === "rbac") return rbacAllows(evidence.assignments, KEY_DATA_ACTIONS[operation]);
  if (evidence.source === "access-policy") return policyAllows(evidence.policies, evidence.objectId, "keys", operation);
  return void 0;
}
function listRequirements(work) {
  const requirements = [];
  if (work.sync?.dryRun === true) {
    requirements.push({
      purpose: "a dry run that compares values",
      kind: "secrets",
      operations: ["list", "get"],
      role: "Key Vault Secrets User"
    });
  } else if (work.sync !== void 0) {
    const operations = ["list", "get", "set", "update", "recover", ...work.sync.prune ? ["delete"] : []];
    requirements.push({
      purpose: work.sync.prune ? "a sync that writes and prunes" : "a sync that writes",
      kind: "secrets",
      operations,
      role: "Key Vault Secrets Officer"
    });
  }
  if (work.byok)
    requirements.push({
      purpose: "BYOK wrap and unwrap",
      kind: "keys",
      operations: ["get", "wrapKey", "unwrapKey"],
      role: "Key Vault Crypto User"
    });
  return requirements;
}
function describeSource3(evidence) {
  if (evidence.source !== "rbac") return "the vault's access policies for the identity's object id";
  const inferred = evidence.inferred === void 0 ? "" : ` (the vault resource could not be read; RBAC assumed because ${evidence.inferred})`;
  return `the identity's role assignments at the vault (ARM permissions)${inferred}`;
}
function toPolicyPermission(requirement, operation) {
  return requirement.kind === "secrets" ? SECRET_POLICY_PERMISSIONS[operation] : operation;
}
function grantCommand(requirement, evidence, context) {
  const assignee = context.clientId ?? "<client-id>";
  if (evidence.source === "access-policy") {
    const permissions = [...new Set(requirement.operations.map((operation) => toPolicyPermission(requirement, operation)))];
    return `az keyvault set-policy --name ${context.vaultName} --spn ${assignee} --${requirement.kind === "secrets" ? "secret" : "key"}-permissions ${permissions.join(" ")}`;
  }
  const vaultScope = `$(az keyvault show --name ${context.vaultName} --query id -o tsv)`;
  const scope = requirement.kind === "keys" && context.keyName !== void 0 ? `${vaultScope}/keys/${context.keyName}` : vaultScope;
  return `az role assignment create --role "${requirement.role}" --assignee ${assignee} --scope "${scope}"`;
}
function checkPermissions(evidence, requirements, context) {
  const subject = `vault ${context.vaultName}`;
  return requirements.map((requirement) => {
    const allows = (operation) => requirement.kind === "secrets" ? allowsSecret(evidence, operation) : allowsKey(evidence, operation);
    const code = requirement.kind === "secrets" ? "secret-permissions" : "key-permissions";
    if (evidence.source === "unknown") {
      return {
        level: "warning",
        code: `${code}-unknown`,
        subject,
        message: `Could not learn whether the identity may do ${requirement.purpose} (${requirement.operations.join(", ")}) without trying a write: ${evidence.reason}`,
        fix: `${requirement.role} covers it. To let check read the effective permissions, set subscription-id and resource-group, and give the identity read access to the vault resource (Key Vault Reader) if the vault uses access policies.`
      };
    }
    const missing = requirement.operations.filter((operation) => allows(operation) !== true);
    if (missing.length === 0) {
      return {
        level: "notice",
        code,
        subject,
        message: `The identity may do ${requirement.purpose} (${requirement.operations.join(", ")}), according to ${describeSource3(evidence)}.`,
        fix: void 0
      };
    }
    const granted = requirement.operations.filter((operation) => allows(operation) === true);
    const has = granted.length === 0 ? "none of them" : `only ${granted.join(", ")}`;
    const missingPermissions = [...new Set(missing.map((operation) => toPolicyPermission(requirement, operation)))];
    const needs = evidence.source === "rbac" ? `the '${requirement.role}' role` : `the ${requirement.kind === "secrets" ? "secret" : "key"} permissions ${missingPermissions.join(", ")} in its access policy`;
    return {
      level: "error",
      code: `${code}-missing`,
      subject,
      message: `The identity lacks ${missing.join(", ")} for ${requirement.purpose}: of ${requirement.operations.join(", ")} it may do ${has}, according to ${describeSource3(evidence)}.`,
      fix: `Grant ${needs}: ${grantCommand(requirement, evidence, context)}${evidence.source === "rbac" ? " (role assignments can take a few minutes to apply)" : ""}`
    };
  });
}
var SECRET_DATA_ACTIONS, KEY_DATA_ACTIONS, SECRET_POLICY_PERMISSIONS;
var init_permissions = __esm({
  "src/engine/check/permissions.ts"() {
    "use strict";
    SECRET_DATA_ACTIONS = {
      list: "Microsoft.KeyVault/vaults/secrets/readMetadata/action",
      get: "Microsoft.KeyVault/vaults/secrets/getSecret/action",
      set: "Microsoft.KeyVault/vaults/secrets/setSecret/action",
      update: "Microsoft.KeyVault/vaults/secrets/update/action",
      delete: "Microsoft.KeyVault/vaults/secrets/delete",
      recover: "Microsoft.KeyVault/vaults/secrets/recover/action"
    };
    KEY_DATA_ACTIONS = {
      get: "Microsoft.KeyVault/vaults/keys/read",
      wrapKey: "Microsoft.KeyVault/vaults/keys/wrap/action",
      unwrapKey: "Microsoft.KeyVault/vaults/keys/unwrap/action"
    };
    SECRET_POLICY_PERMISSIONS = {
      list: "list",
      get: "get",
      set: "set",
      update: "set",
      delete: "delete",
      recover: "recover"
    };
  }
});

// src/engine/check/reach.ts
function describeSignInFailure(message, hint) {
  return {
    level: "error",
    code: "sign-in-failed",
    subject: "sign-in",
    message,
    fix: hint ?? "Check tenant-id, client-id, cloud and the federated credential."
  };
}
function explainVaultFailure(failure2, hint, context) {
  const subject = `vault ${context.vaultName}`;
  const detail = summarise(failure2);
  if (failure2.kind === "forbidden-firewall") {
    const address = IPV4_OR_6.exec(failure2.message)?.[1];
    return {
      level: "error",
      code: "network-firewall",
      subject,
      message: `The vault's firewall refused this runner${address ? ` (the vault saw the address ${address})` : ""}: ${detail}`,
      fix: hint ?? `Allow the runner's address (az keyvault network-rule add --name ${context.vaultName} --ip-address <address>) or run on a runner inside the vault's network.`
    };
  }
  const code = failure2.code ?? "";
  if (failure2.status === void 0 && DNS_CODES.has(code)) {
    return {
      level: "error",
      code: "network-dns",
      subject,
      message: `The vault's host ${context.vaultHost} did not resolve (${code}): the vault name is wrong, or the vault is reached through a private endpoint whose DNS zone (privatelink.vaultcore.azure.net) this runner cannot see.`,
      fix: "Check the vault name. For a private endpoint, run on a runner in (or peered with) the vault's virtual network, with the private DNS zone linked to it."
    };
  }
  if (failure2.status === void 0 && TLS_CODE.test(code)) {
    return {
      level: "error",
      code: "network-tls",
      subject,
      message: `The TLS connection to ${context.vaultHost} failed (${code}): the certificate presented was not trusted.`,
      fix: "A TLS-inspecting proxy or firewall sits in the way: give Node its CA with NODE_EXTRA_CA_CERTS (never turn verification off), or exempt *.vault.azure.net from inspection."
    };
  }
  const bare = (failure2.status === 403 || failure2.status === 407) && failure2.code === void 0 && failure2.innerCode === void 0;
  if (bare || failure2.status === void 0 && /proxy/i.test(`${code} ${failure2.message}`)) {
    return {
      level: "error",
      code: "network-proxy",
      subject,
      message: `The connection to ${context.vaultHost} was refused before it reached Key Vault, most likely by a proxy: ${detail}${bare ? ", without Key Vault's error body" : ""}`,
      fix: "Check HTTPS_PROXY / NO_PROXY and that the proxy allows CONNECT to the vault's host on port 443."
    };
  }
  if (failure2.status === void 0 || failure2.kind === "transient") {
    return {
      level: "error",
      code: "network-unreachable",
      subject,
      message: `The vault did not answer: ${detail}`,
      fix: hint ?? "Check the runner's network path to the vault (firewall, proxy settings HTTPS_PROXY / NO_PROXY) and run again."
    };
  }
  if (isAccessDenied(failure2.kind)) {
    return { level: "error", code: "secret-list-refused", subject, message: `The identity may not list secrets: ${detail}`, fix: hint };
  }
  if (failure2.status === 401) {
    return {
      level: "error",
      code: "vault-token-refused",
      subject,
      message: `The vault refused the identity's token: ${detail}`,
      fix: "The vault belongs to another tenant or cloud than the one signed in to: check tenant-id and cloud."
    };
  }
  return { level: "error", code: "vault-call-failed", subject, message: `Failed to list secrets: ${detail}`, fix: hint };
}
var TLS_CODE, DNS_CODES, IPV4_OR_6;
var init_reach = __esm({
  "src/engine/check/reach.ts"() {
    "use strict";
    init_vault_errors();
    TLS_CODE = /^(CERT_|UNABLE_TO_(GET|VERIFY)|SELF_SIGNED|DEPTH_ZERO|ERR_TLS|ERR_SSL|EPROTO$|HOSTNAME_MISMATCH)/;
    DNS_CODES = /* @__PURE__ */ new Set(["ENOTFOUND", "EAI_AGAIN"]);
    IPV4_OR_6 = /Client address:\s*([0-9a-fA-F.:]+)/;
  }
});

// src/engine/check/run-check.ts
async function runChecks(target, options) {
  const log = options.log ?? (() => {
  });
  const findings = [];
  const report2 = (permissionSource, identity3, examined2 = 0) => ({
    identity: identity3,
    permissionSource,
    examined: examined2,
    findings: sortFindings(findings)
  });
  let identity2;
  try {
    identity2 = await target.signIn();
  } catch (error2) {
    findings.push(describeSignInFailure(errorMessage(error2), error2 instanceof SyncError ? error2.hint : void 0));
    return report2("not-checked", void 0);
  }
  findings.push(...describeIdentity(identity2, options));
  log(
    `Signed in: client ${identity2.clientId ?? "unknown"}, object ${identity2.objectId ?? "unknown"}, tenant ${identity2.tenantId ?? "unknown"}, audience ${identity2.audience ?? "unknown"}.`
  );
  const [resource, permissions] = await Promise.all([target.readVaultResource(), target.readPermissions()]);
  let listed;
  let listFailure;
  try {
    listed = await target.listSecrets();
    log(`The vault answered: ${listed.length} secrets listed.`);
  } catch (error2) {
    if (!(error2 instanceof VaultError)) throw error2;
    listFailure = error2;
    findings.push(explainVaultFailure(error2.failure, error2.hint, { vaultName: options.vaultName, vaultHost: options.vaultHost }));
  }
  const reachable = listFailure === void 0 || listFailure.failure.status !== void 0 && listFailure.failure.kind !== "forbidden-firewall";
  const evidence = gatherEvidence(resource, permissions, identity2, listFailure?.failure, listed !== void 0);
  const requirements = listRequirements({ sync: options.sync, byok: options.key !== void 0 });
  findings.push(
    ...checkPermissions(evidence, requirements, {
      vaultName: options.vaultName,
      clientId: options.clientId ?? identity2.clientId,
      keyName: options.key?.name
    })
  );
  if (evidence.source === "unknown" && listed !== void 0 && options.sync !== void 0) {
    const probe = await target.probeSecretRead();
    if (!probe.allowed) {
      findings.push({
        level: "error",
        code: "secret-get-refused",
        subject: `vault ${options.vaultName}`,
        message: `The identity may list secrets but not read their values: ${summarise(probe.failure)}`,
        fix: probe.hint
      });
    }
  }
  let examined = 0;
  if (options.health && listed !== void 0) {
    const selected = selectForHealth(listed, options.owner, options.prefix);
    examined = selected.length;
    const inputs = await mapWithConcurrency(selected, options.concurrency, async (latest) => {
      try {
        return { latest, versions: await target.listVersions(latest.name) };
      } catch (error2) {
        return { latest, versions: void 0, versionsError: errorMessage(error2) };
      }
    });
    findings.push(
      ...checkHealth(inputs, {
        owner: options.owner,
        prefix: options.prefix,
        now: options.now,
        expiryWarningDays: options.expiryWarningDays,
        maxVersions: options.maxVersions,
        vaultName: options.vaultName
      })
    );
    log(`Health: ${examined} secrets of owner '${options.owner}' or inside prefix '${options.prefix}' checked.`);
  }
  if (options.key !== void 0) {
    const sameVault = options.key.vaultName === options.vaultName;
    const context = {
      key: options.key,
      clientId: options.clientId ?? identity2.clientId,
      rbac: evidence.source === "unknown" ? void 0 : evidence.source === "rbac",
      now: options.now,
      expiryWarningDays: options.expiryWarningDays
    };
    if (sameVault && !reachable) {
      findings.push(checkRoundTrip({ kind: "not-tried", reason: "the vault did not answer (see the network finding)" }, context));
    } else {
      findings.push(...await checkKey(target, context));
    }
  }
  return report2(evidence.source, identity2, examined);
}
async function checkKey(target, context) {
  const read = await target.readKey(context.key);
  const findings = checkKeyProperties(read, context);
  if (read.kind === "failed") return findings;
  const blocking = findings.filter((finding) => finding.level === "error");
  const roundTrip = blocking.length > 0 ? { kind: "not-tried", reason: `the key's properties refuse it (${blocking.map((finding) => finding.code).join(", ")})` } : await target.roundTrip(read.key.id);
  return [...findings, checkRoundTrip(roundTrip, context)];
}
function describeIdentity(identity2, options) {
  const findings = [
    {
      level: "notice",
      code: "signed-in",
      subject: "sign-in",
      message: `Signed in as client ${identity2.clientId ?? "(unknown)"}, object ${identity2.objectId ?? "(unknown)"}, in tenant ${identity2.tenantId ?? "(unknown)"}; the token's audience is ${identity2.audience ?? "(unknown)"}.`,
      fix: void 0
    }
  ];
  const configured = options.tenantId?.toLowerCase();
  if (configured !== void 0 && /^[0-9a-f-]{36}$/.test(configured) && identity2.tenantId !== void 0 && identity2.tenantId.toLowerCase() !== configured) {
    findings.push({
      level: "error",
      code: "tenant-mismatch",
      subject: "sign-in",
      message: `The token is from tenant ${identity2.tenantId}, not the configured ${configured}.`,
      fix: "Set tenant-id to the directory that holds the vault and the app registration."
    });
  }
  return findings;
}
function gatherEvidence(resource, permissions, identity2, listFailure, listed) {
  let rbac;
  let inferred;
  if (resource.ok) rbac = resource.value.rbac;
  else if (listFailure?.innerCode === "ForbiddenByRbac") [rbac, inferred] = [true, "Key Vault refused the listing with ForbiddenByRbac"];
  else if (listFailure?.innerCode === "AccessDenied") rbac = false;
  else if (listed && permissions.ok && permissions.value.some((entry) => entry.dataActions.length > 0))
    [rbac, inferred] = [true, "the listing worked and the identity's roles grant data actions"];
  if (rbac === true) {
    return permissions.ok ? { source: "rbac", assignments: permissions.value, inferred } : { source: "unknown", reason: `the role assignments could not be read: ${permissions.reason}` };
  }
  if (rbac === false) {
    if (!resource.ok)
      return { source: "unknown", reason: `the vault uses access policies, and they could not be read: ${resource.reason}` };
    if (identity2.objectId === void 0)
      return { source: "unknown", reason: "the access token names no object id (oid) to find the identity's access policy by" };
    return { source: "access-policy", objectId: identity2.objectId, policies: resource.value.accessPolicies };
  }
  const reasons = [
    resource.ok ? void 0 : `the vault resource: ${resource.reason}`,
    permissions.ok ? void 0 : `the role assignments: ${permissions.reason}`
  ].filter(Boolean);
  return {
    source: "unknown",
    reason: reasons.length > 0 ? `could not read ${reasons.join("; ")}` : "the vault's permission model could not be learned"
  };
}
var init_run_check = __esm({
  "src/engine/check/run-check.ts"() {
    "use strict";
    init_errors();
    init_limiter();
    init_vault_errors();
    init_byok();
    init_findings();
    init_health();
    init_permissions();
    init_reach();
  }
});

// src/engine/check/check-vault.ts
async function checkVault(sync, check, credential, hooks) {
  const target = createAzureCheckTarget({
    vaultUrl: sync.vaultUrl,
    cloud: sync.cloud,
    credential,
    resource: check.resource,
    vault: { log: hooks.log, debug: hooks.debug, clientId: sync.clientId }
  });
  return runChecks(target, {
    vaultName: sync.vaultName,
    vaultHost: new URL(sync.vaultUrl).hostname,
    owner: sync.owner,
    prefix: sync.prefix,
    sync: check.parts.has("sync") ? { dryRun: sync.dryRun, prune: sync.prune } : void 0,
    health: check.parts.has("health"),
    key: check.parts.has("key") ? check.key : void 0,
    tenantId: sync.tenantId,
    clientId: sync.clientId,
    expiryWarningDays: check.expiryWarningDays,
    maxVersions: check.maxVersions,
    concurrency: sync.concurrency,
    now: hooks.now(),
    log: hooks.log
  });
}
var CHECK_PARTS;
var init_check_vault = __esm({
  "src/engine/check/check-vault.ts"() {
    "use strict";
    init_azure_target();
    init_run_check();
    CHECK_PARTS = ["sync", "health", "key"];
  }
});

// src/action/check-inputs.ts
function readWholeNumber(raw, fallback, min, max, input, problems) {
  if (raw === "") return fallback;
  if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(new InputError(input, `must be a whole number from ${min} to ${max}`));
    return fallback;
  }
  return Number(raw);
}
function readCheckInputs(getInput2, env, cloud) {
  const raw = Object.fromEntries(CHECK_INPUT_NAMES.map((name) => [name, getInput2(name).trim()]));
  const problems = [];
  let key;
  if (raw["key-id"] !== "") {
    const parsed = parseKeyId(raw["key-id"], cloud.vaultSuffix);
    if (parsed.ok) key = parsed.key;
    else problems.push(new InputError("key-id", parsed.rule));
  }
  const parts = /* @__PURE__ */ new Set();
  const listed = splitList(raw.checks, true);
  if (listed.length === 0) {
    parts.add("sync").add("health");
    if (key !== void 0) parts.add("key");
  }
  listed.forEach((item, index) => {
    const part = CHECK_PARTS.find((candidate) => candidate === item.toLowerCase());
    if (part === void 0) problems.push(new InputError("checks", `item ${index + 1} is not one of ${CHECK_PARTS.join(", ")}`));
    else parts.add(part);
  });
  if (parts.has("key") && key === void 0 && raw["key-id"] === "")
    problems.push(new InputError("checks", "names 'key', which needs the key-id input"));
  const expiryWarningDays = readWholeNumber(
    raw["expiry-warning-days"],
    DEFAULT_EXPIRY_WARNING_DAYS,
    0,
    3650,
    "expiry-warning-days",
    problems
  );
  const maxVersions = readWholeNumber(raw["max-versions"], DEFAULT_MAX_VERSIONS, 1, 1e5, "max-versions", problems);
  let failOn = DEFAULT_FAIL_ON;
  if (raw["fail-on"] !== "") {
    const chosen = FAIL_ON_CHOICES.find((choice2) => choice2 === raw["fail-on"].toLowerCase());
    if (chosen === void 0) problems.push(new InputError("fail-on", `must be one of ${FAIL_ON_CHOICES.join(", ")}`));
    else failOn = chosen;
  }
  const subscriptionId = raw["subscription-id"] || env["AZURE_SUBSCRIPTION_ID"]?.trim() || "";
  const resourceGroup = raw["resource-group"];
  if (subscriptionId !== "" && !GUID3.test(subscriptionId))
    problems.push(
      new InputError("subscription-id", `must be a GUID${raw["subscription-id"] === "" ? " (taken from AZURE_SUBSCRIPTION_ID)" : ""}`)
    );
  if (resourceGroup !== "" && !RESOURCE_GROUP.test(resourceGroup))
    problems.push(new InputError("resource-group", "must be 1 to 90 letters, digits, '-', '_', '.', '(' or ')'"));
  if (resourceGroup !== "" && subscriptionId === "")
    problems.push(new InputError("subscription-id", "is required with resource-group (or set AZURE_SUBSCRIPTION_ID)"));
  const [first, ...others] = problems;
  if (first !== void 0) {
    const hint = [first.hint, ...others.map((other) => `Also: ${other.message}`)].filter(Boolean).join("\n");
    throw new InputError(first.input, first.message.replace(/^Invalid input '[^']*': /, ""), hint === "" ? void 0 : hint);
  }
  const resource = subscriptionId !== "" && resourceGroup !== "" ? { subscriptionId: subscriptionId.toLowerCase(), resourceGroup } : void 0;
  return { parts, key, expiryWarningDays, maxVersions, failOn, resource };
}
var CHECK_INPUT_NAMES, DEFAULT_EXPIRY_WARNING_DAYS, DEFAULT_MAX_VERSIONS, DEFAULT_FAIL_ON, GUID3, RESOURCE_GROUP;
var init_check_inputs = __esm({
  "src/action/check-inputs.ts"() {
    "use strict";
    init_errors();
    init_byok();
    init_check_vault();
    init_findings();
    init_input_fields();
    CHECK_INPUT_NAMES = [
      "checks",
      "key-id",
      "expiry-warning-days",
      "max-versions",
      "fail-on",
      "subscription-id",
      "resource-group"
    ];
    DEFAULT_EXPIRY_WARNING_DAYS = 30;
    DEFAULT_MAX_VERSIONS = 100;
    DEFAULT_FAIL_ON = "warning";
    GUID3 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    RESOURCE_GROUP = /^[-\w._()]{1,90}$/;
  }
});

// src/action/check-summary.ts
function renderCheckSummary(report2, context) {
  const counts = countFindings(report2.findings);
  const verdict = context.failed ? `Failed: ${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices (fail-on: ${context.failOn}).` : `Passed: ${counts.error} errors, ${counts.warning} warnings, ${counts.notice} notices (fail-on: ${context.failOn}).`;
  const lines = [
    "## Key Vault Sync check",
    "",
    ...alert(context.failed ? "CAUTION" : "NOTE", [
      escapeMarkdown(verdict),
      "",
      "Nothing was written: check only reads, and wraps and unwraps random bytes when a key is checked."
    ]),
    "",
    `- Vault: ${escapeMarkdown(context.vaultUrl)}`,
    `- Owner: ${escapeMarkdown(context.owner)}; prefix: ${context.prefix === "" ? "(none)" : escapeMarkdown(context.prefix)}`
  ];
  const identity2 = report2.identity;
  if (identity2 !== void 0) {
    lines.push(
      `- Identity: client ${escapeMarkdown(identity2.clientId ?? "unknown")}, object ${escapeMarkdown(identity2.objectId ?? "unknown")}, tenant ${escapeMarkdown(identity2.tenantId ?? "unknown")}, token audience ${escapeMarkdown(identity2.audience ?? "unknown")}`
    );
  }
  const source = {
    rbac: "role assignments (ARM permissions)",
    "access-policy": "the vault's access policies",
    unknown: "could not be learned",
    "not-checked": "not checked"
  }[report2.permissionSource];
  lines.push(`- Effective permissions from: ${source}`, `- Secrets examined for health: ${report2.examined}`, "");
  if (report2.findings.length === 0) {
    lines.push("No findings.");
  } else {
    lines.push(
      ...table(
        ["Level", "Subject", "Finding", "Fix"],
        report2.findings.map((finding) => [
          LEVEL_LABELS[finding.level],
          escapeCell(finding.subject),
          `${escapeCell(finding.message)} (${escapeMarkdown(finding.code)})`,
          escapeCell(finding.fix ?? "")
        ])
      )
    );
  }
  return `${lines.join("\n")}
`;
}
function renderCheckFailure(message, hint) {
  const lines = ["## Key Vault Sync check", "", ...alert("CAUTION", [`The check could not run: ${escapeWithCode(message)}`]), ""];
  if (hint) lines.push("### How to fix it", "", fence(hint), "");
  return lines.join("\n");
}
var LEVEL_LABELS;
var init_check_summary = __esm({
  "src/action/check-summary.ts"() {
    "use strict";
    init_findings();
    init_markdown();
    LEVEL_LABELS = { error: "\u274C error", warning: "\u26A0\uFE0F warning", notice: "\u2139\uFE0F notice" };
  }
});

// src/action/check-command.ts
var check_command_exports = {};
__export(check_command_exports, {
  runCheckCommand: () => runCheckCommand
});
async function runCheckCommand(deps) {
  const { io, env } = deps;
  try {
    const inputs = readInputs((name) => io.getInput(name), env);
    const check = readCheckInputs((name) => io.getInput(name), env, inputs.cloud);
    if (inputs.auth === "oidc" && !hasOidcRequest(env)) {
      const missing = explainMissingOidc(env);
      throw new SyncError(missing.message, missing.hint);
    }
    const credential = await deps.createCredential(readCredentialOptions(inputs, env, io));
    io.info(
      `Checking vault ${inputs.vaultUrl} (${inputs.cloud.name} cloud) for owner '${inputs.owner}', prefix '${inputs.prefix}': ${[...check.parts].join(", ")}. Nothing is written.`
    );
    const report2 = await checkVault(inputs, check, credential, {
      log: (message) => io.info(message),
      debug: (message) => io.debug(message),
      now: () => deps.now()
    });
    const failed = reachesFailLevel(report2.findings, check.failOn);
    annotate(report2, deps);
    io.summary.addRaw(
      renderCheckSummary(report2, { vaultUrl: inputs.vaultUrl, owner: inputs.owner, prefix: inputs.prefix, failOn: check.failOn, failed }),
      true
    );
    await io.summary.write();
    if (failed) io.setFailed(describeFailure2(report2, check.failOn));
    else io.info(`Check passed (fail-on: ${check.failOn}).`);
  } catch (error2) {
    const hint = error2 instanceof SyncError ? error2.hint : void 0;
    io.summary.addRaw(renderCheckFailure(errorMessage(error2), hint), true);
    await io.summary.write().catch((summaryError) => io.warning(`Failed to write the job summary: ${errorMessage(summaryError)}`));
    io.setFailed(`${errorMessage(error2)}${hint ? `
${hint}` : ""}`);
  }
}
function annotate(report2, deps) {
  for (const finding of report2.findings) {
    const text2 = `${finding.subject}: ${finding.message}${finding.fix ? `
Fix: ${finding.fix}` : ""}`;
    const properties = { title: `check: ${finding.code}` };
    if (finding.level === "error") deps.io.error(text2, properties);
    else if (finding.level === "warning") deps.io.warning(text2, properties);
    else deps.io.notice(text2, properties);
  }
}
function describeFailure2(report2, failOn) {
  const counted = (level) => report2.findings.filter((finding) => finding.level === level).length;
  return `Check failed: ${counted("error")} errors, ${counted("warning")} warnings (fail-on: ${failOn}); each finding is annotated and listed in the job summary.`;
}
var init_check_command = __esm({
  "src/action/check-command.ts"() {
    "use strict";
    init_check_vault();
    init_findings();
    init_check_inputs();
    init_check_summary();
    init_missing_oidc();
    init_errors();
    init_inputs();
    init_sign_in_options();
  }
});

// src/action/main.ts
var main_exports = {};
__export(main_exports, {
  createDefaultDeps: () => createDefaultDeps,
  readAuditContext: () => readAuditContext,
  run: () => run
});
module.exports = __toCommonJS(main_exports);

// node_modules/@actions/core/lib/command.js
var os = __toESM(require("os"));

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// scripts/stubs/toolkit-crypto.ts
var import_node_fs = require("node:fs");
var UUID_BYTES = 16;
function randomUUID(device = "/dev/urandom") {
  const bytes = Buffer.alloc(UUID_BYTES);
  let descriptor;
  try {
    descriptor = (0, import_node_fs.openSync)(device, "r");
  } catch {
    return process.getBuiltinModule("node:crypto").randomUUID();
  }
  try {
    for (let filled = 0; filled < UUID_BYTES; ) {
      const read = (0, import_node_fs.readSync)(descriptor, bytes, filled, UUID_BYTES - filled, null);
      if (read === 0) throw new Error(`${device} ended before ${String(UUID_BYTES)} bytes`);
      filled += read;
    }
  } finally {
    (0, import_node_fs.closeSync)(descriptor);
  }
  bytes[6] = (bytes[6] ?? 0) & 15 | 64;
  bytes[8] = (bytes[8] ?? 0) & 63 | 128;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// node_modules/@actions/core/lib/file-command.js
var fs = __toESM(require("fs"));
var os2 = __toESM(require("os"));
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
var os3 = __toESM(require("os"), 1);
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os3.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function isDebug() {
  return process.env["RUNNER_DEBUG"] === "1";
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os3.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}

// src/action/action-io.ts
var import_node_util = require("node:util");

// src/action/job-summary.ts
var import_node_fs2 = require("node:fs");
var import_node_os = require("node:os");
var SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";
function createJobSummary(env = process.env) {
  let buffer = "";
  const summary = {
    addRaw(text2, addEOL = false) {
      buffer += addEOL ? `${text2}${import_node_os.EOL}` : text2;
      return summary;
    },
    // A throw in the executor rejects the promise, as the toolkit's async write does.
    write() {
      return new Promise((resolve2) => {
        appendTo(env[SUMMARY_VARIABLE], buffer);
        buffer = "";
        resolve2(summary);
      });
    }
  };
  return summary;
}
function appendTo(path, text2) {
  if (!path)
    throw new Error(
      `Unable to find environment variable for $${SUMMARY_VARIABLE}. Check if your runtime environment supports job summaries.`
    );
  try {
    (0, import_node_fs2.accessSync)(path, import_node_fs2.constants.R_OK | import_node_fs2.constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
  }
  (0, import_node_fs2.appendFileSync)(path, text2, { encoding: "utf8" });
}

// src/action/print-batches.ts
var flushedAtExit = /* @__PURE__ */ new WeakSet();
var MOST_HELD = 64 * 1024;
function holdUntilTurnEnds(stream) {
  if (!flushedAtExit.has(stream)) {
    flushedAtExit.add(stream);
    process.once("exit", () => {
      while (stream.writableCorked > 0) stream.uncork();
    });
  }
  if (stream.writableCorked > 0) {
    if (stream.writableLength >= MOST_HELD) {
      stream.uncork();
      stream.cork();
    }
    return;
  }
  stream.cork();
  process.nextTick(() => {
    stream.uncork();
  });
}

// src/action/action-io.ts
var LINE_BREAK = /\r\n|\r|\n/;
var INVISIBLE = /(?!\t)[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;
var LEADING_COMMAND = /^(\s*)::/;
function neutraliseLine(line) {
  return escapeAnywhere(line).replace(LEADING_COMMAND, "$1\\::");
}
function escapeAnywhere(text2) {
  return text2.replace(INVISIBLE, escapeCodePoint).replaceAll("##[", "##\\[");
}
function neutraliseCommands(text2) {
  return text2.split(LINE_BREAK).map(neutraliseLine).join("\n");
}
function escapeCodePoint(character) {
  const code = character.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 65535 ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}
function listMaskForms(value) {
  const forms = [value];
  for (const line of value.split(LINE_BREAK)) {
    for (const neutral of [escapeAnywhere(line), neutraliseLine(line)]) {
      if (neutral !== line && neutral.trim() !== "" && !forms.includes(neutral)) forms.push(neutral);
    }
  }
  return forms;
}
function neutraliseIO(toolkit) {
  return {
    getInput: (name) => toolkit.getInput(name),
    setSecret: (secret) => {
      for (const form of listMaskForms(secret)) toolkit.setSecret(form);
    },
    setOutput: (name, value) => toolkit.setOutput(name, value),
    setFailed: (message) => toolkit.setFailed(neutraliseCommands(message)),
    isDebug: () => toolkit.isDebug(),
    // The runner drops debug lines unless step debug logging is on: without it, none is made.
    debug: (message) => {
      if (toolkit.isDebug()) toolkit.debug(neutraliseCommands(message));
    },
    info: (message) => toolkit.info(neutraliseCommands(message)),
    warning: (message, properties) => toolkit.warning(neutraliseCommands(message), properties),
    error: (message, properties) => toolkit.error(neutraliseCommands(message), properties),
    notice: (message, properties) => toolkit.notice(neutraliseCommands(message), properties),
    startGroup: (title) => toolkit.startGroup(neutraliseCommands(title)),
    endGroup: () => toolkit.endGroup(),
    summary: toolkit.summary
  };
}
function batched(print) {
  return (...args) => {
    holdUntilTurnEnds(process.stdout);
    print(...args);
  };
}
async function neutraliseSdkLog() {
  const { AzureLogger } = await Promise.resolve().then(() => __toESM(require("./vendor/azure-logger.js"), 1));
  AzureLogger.log = (...args) => {
    process.stderr.write(`${neutraliseCommands((0, import_node_util.format)(...args))}
`);
  };
}
function createActionIO() {
  const toolkit = {
    getInput,
    setSecret: batched(setSecret),
    setOutput,
    setFailed: batched(setFailed),
    isDebug,
    debug: batched(debug),
    info: batched(info),
    warning: batched(warning),
    error: batched(error),
    notice: batched(notice),
    startGroup: batched(startGroup),
    endGroup: batched(endGroup),
    summary: createJobSummary()
  };
  return neutraliseIO(toolkit);
}

// src/action/main.ts
init_missing_oidc();
init_errors();
init_inputs();

// src/engine/connections.ts
function supportsAgentProxyEnv(nodeVersion) {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, "").split(".").map(Number);
  return major > 24 || major === 24 && minor >= 5;
}
function readVariable(env, name) {
  return env[name] || env[name.toLowerCase()] || void 0;
}
function readProxyEnv(env) {
  const proxy = readVariable(env, "HTTPS_PROXY") ?? readVariable(env, "ALL_PROXY") ?? readVariable(env, "HTTP_PROXY");
  const noProxy = readVariable(env, "NO_PROXY");
  return { ...proxy === void 0 ? {} : { HTTPS_PROXY: proxy }, ...noProxy === void 0 ? {} : { NO_PROXY: noProxy } };
}
async function createConnectionAgent(env, nodeVersion = process.version) {
  if (!supportsAgentProxyEnv(nodeVersion)) return void 0;
  const { Agent } = await Promise.resolve().then(() => __toESM(require("node:https"), 1));
  return new Agent({ keepAlive: true, scheduling: "lifo", proxyEnv: readProxyEnv(env) });
}

// src/engine/heap-size.ts
function keepHeapSmall() {
  const { setFlagsFromString } = process.getBuiltinModule("node:v8");
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--memory-saver-mode");
}

// src/action/references-output.ts
var import_node_fs4 = require("node:fs");
var import_node_path = require("node:path");
init_errors();

// src/engine/references.ts
var SYNCED = /* @__PURE__ */ new Set(["created", "updated", "unchanged", "recovered"]);
var MAX_CONTAINER_APP_SECRET_NAME = 253;
var CONTAINER_APP_SECRET_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
function buildSecretUri(vaultUrl, name) {
  return `${vaultUrl.replace(/\/+$/, "")}/secrets/${name}`;
}
function toContainerAppSecretName(vaultName) {
  const name = vaultName.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "");
  return name.length <= MAX_CONTAINER_APP_SECRET_NAME && CONTAINER_APP_SECRET_NAME.test(name) ? name : void 0;
}
function buildReferences(results, vaultUrl, identity2) {
  const synced = results.filter((result) => result.source !== void 0 && SYNCED.has(result.status)).sort((a, b) => a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
  const secretUris = {};
  const appSettings = [];
  const containerApp = { secrets: [], envVars: [] };
  const problems = [];
  const claimed = /* @__PURE__ */ new Map();
  for (const result of synced) {
    const uri = buildSecretUri(vaultUrl, result.name);
    secretUris[result.source] = uri;
    appSettings.push({ name: result.source, value: `@Microsoft.KeyVault(SecretUri=${uri})`, slotSetting: false });
    const secretName = toContainerAppSecretName(result.name);
    const taken = secretName === void 0 ? void 0 : claimed.get(secretName);
    if (secretName === void 0) {
      problems.push(
        `'${result.source}': no Container Apps secret name can be formed from '${result.name}' (lower-case letters, digits and '-', at most ${MAX_CONTAINER_APP_SECRET_NAME})`
      );
    } else if (taken !== void 0) {
      problems.push(`'${result.source}': its Container Apps secret name '${secretName}' is already used for '${taken}'`);
    } else {
      claimed.set(secretName, result.source);
      containerApp.secrets.push(`${secretName}=keyvaultref:${uri},identityref:${identity2}`);
      containerApp.envVars.push(`${result.source}=secretref:${secretName}`);
    }
  }
  return { secretUris, appSettings, containerApp, problems };
}

// src/action/references-output.ts
function writeReferenceOutputs(results, settings, io) {
  const references = buildReferences(settings.dryRun ? [] : results, settings.vaultUrl, settings.identity);
  const containerApp = { secrets: references.containerApp.secrets, envVars: references.containerApp.envVars };
  const json = {
    "secret-uris": JSON.stringify(references.secretUris),
    "app-settings": JSON.stringify(references.appSettings),
    "containerapp-secrets": JSON.stringify(containerApp)
  };
  for (const [name, text2] of Object.entries(json)) io.setOutput(name, text2);
  for (const problem2 of references.problems) io.warning(`Left out of containerapp-secrets: ${problem2}.`, { title: "containerapp-secrets" });
  if (settings.tempDir === void 0 || settings.dryRun) {
    io.setOutput("references-file", "");
    return;
  }
  try {
    const directory = (0, import_node_fs4.mkdtempSync)((0, import_node_path.join)(settings.tempDir, "keyvault-sync-"));
    const path = (0, import_node_path.join)(directory, "references.json");
    const members2 = Object.entries(json).map(([name, text2]) => `  ${JSON.stringify(name)}: ${text2}`);
    (0, import_node_fs4.writeFileSync)(path, `{
${members2.join(",\n")}
}
`, { mode: 384 });
    io.setOutput("references-file", path);
  } catch (error2) {
    io.setOutput("references-file", "");
    io.warning(`Failed to write the references file under RUNNER_TEMP: ${errorMessage(error2)}`, { title: "references-file" });
  }
}

// src/action/main.ts
init_sign_in_options();

// src/action/report.ts
init_errors();

// src/action/summary.ts
init_clouds();

// src/action/fix-commands.ts
var COMMAND_START = /(?<=^|[\s(:])az (?=[a-z])/g;
function splitHint(hint) {
  const parts = [];
  let text2 = "";
  const flushText = () => {
    if (text2 !== "") parts.push({ kind: "text", text: text2 });
    text2 = "";
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
    text2 += hint.charAt(index);
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
    if (char === "\n") return index;
    if (quote !== void 0) {
      if (char === "\\" && quote === '"') index += 1;
      else if (char === quote) quote = void 0;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === "$" && next === "(") {
      depth += 1;
      index += 1;
    } else if (char === ")") {
      if (depth > 0) depth -= 1;
      else if (openedByParen) return index;
    } else if (depth === 0 && char === "(" && hint[index - 1] === " ") return index - 1;
    else if (depth === 0 && char === "`") return index;
    else if (depth === 0 && char === "." && (next === void 0 || /\s/.test(next))) return index;
  }
  return hint.length;
}
function wrapCommand(command, width = 80) {
  if (command.length <= width) return command;
  const groups = [];
  for (const word of splitWords(command).map(spreadJsonWord)) {
    if (word.startsWith("--") || groups.length === 0) groups.push(word);
    else groups[groups.length - 1] = `${groups.at(-1) ?? ""} ${word}`;
  }
  return groups.join(" \\\n  ");
}
function spreadJsonWord(word) {
  const json = /^'([[{].*[\]}])'$/s.exec(word)?.[1];
  if (json === void 0 || word.length <= 60 || json.includes("'")) return word;
  try {
    return `'${JSON.stringify(JSON.parse(json), null, 2).replaceAll("\n", "\n    ")}'`;
  } catch {
    return word;
  }
}
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
    if (quote !== void 0) {
      if (char === quote) quote = void 0;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "$" && command[index + 1] === "(") depth += 1;
    else if (char === ")" && depth > 0) depth -= 1;
    else if (char === " " && depth === 0) {
      if (word !== "") words.push(word);
      word = "";
      continue;
    }
    word += char;
  }
  if (word !== "") words.push(word);
  return words;
}

// src/action/summary.ts
init_markdown();

// src/action/summary-links.ts
var import_node_path2 = require("node:path");
function readRepositoryLinks(env, cwd) {
  const repository = env["GITHUB_REPOSITORY"];
  const sha = env["GITHUB_SHA"];
  if (!repository || !sha || !/^[0-9a-f]{7,64}$/i.test(sha) || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return void 0;
  const serverUrl = (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/+$/, "");
  return { serverUrl, repository, sha, workspace: env["GITHUB_WORKSPACE"] || cwd, cwd };
}
function linkCommit(links) {
  return `${links.serverUrl}/${links.repository}/commit/${links.sha}`;
}
function linkFileLine(links, file, line) {
  const fileUrl = linkFile(links, file);
  return fileUrl === void 0 ? void 0 : `${fileUrl}#L${line}`;
}
var fileLinks = /* @__PURE__ */ new WeakMap();
function linkFile(links, file) {
  const known = fileLinks.get(links) ?? /* @__PURE__ */ new Map();
  fileLinks.set(links, known);
  if (known.has(file)) return known.get(file);
  const inRepository = (0, import_node_path2.relative)((0, import_node_path2.resolve)(links.workspace), (0, import_node_path2.resolve)(links.cwd, file));
  const outside = inRepository === "" || inRepository === ".." || inRepository.startsWith(`..${import_node_path2.sep}`) || (0, import_node_path2.isAbsolute)(inRepository);
  const url = outside ? void 0 : `${links.serverUrl}/${links.repository}/blob/${links.sha}/${inRepository.split(import_node_path2.sep).map(encodeURIComponent).join("/")}`;
  known.set(file, url);
  return url;
}
var PORTAL_HOSTS = {
  public: "https://portal.azure.com",
  usgovernment: "https://portal.azure.us",
  china: "https://portal.azure.cn"
};
function linkVaultInPortal(cloud, vaultName) {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(vaultName)) return `${PORTAL_HOSTS[cloud]}/#browse/Microsoft.KeyVault%2Fvaults`;
  const query = `Resources
| where type =~ 'microsoft.keyvault/vaults' and name =~ '${vaultName}'
| project name, resourceGroup, subscriptionId, location`;
  return `${PORTAL_HOSTS[cloud]}/#blade/HubsExtension/ArgQueryBlade/query/${encodeURIComponent(query)}`;
}

// src/action/summary.ts
init_vault_url();
init_source_entry();
var ATTENTION_ORDER = ["failed", "deleted", "created", "updated", "recovered", "unchanged", "skipped"];
var CHANGES = ["created", "updated", "recovered"];
var FOLDED = ["unchanged", "skipped"];
var NAMES_IN_TEXT = 20;
var MAX_TABLE_ROWS = 500;
var MAX_FIXES = 20;
var DRY_RUN_STATUS = {
  created: "would create",
  updated: "would update",
  recovered: "would recover",
  deleted: "would delete"
};
function describeStatus(status, dryRun) {
  return (dryRun ? DRY_RUN_STATUS[status] : void 0) ?? status;
}
function renderSummary(sorted, counts, context) {
  const dryRun = context.dryRun ?? false;
  const lines = [renderHeading(context), "", renderOutcome(counts, dryRun), "", ...renderContext(context), ""];
  for (const note of context.notes) lines.push(...alert("NOTE", [escapeWithCode(note)]), "");
  if (sorted.length === 0) return [...lines, "No secrets in the sources.", ""].join("\n");
  lines.push(
    ...renderFailures(
      sorted.filter((result) => result.status === "failed"),
      context
    )
  );
  lines.push(
    ...renderDeletes(
      sorted.filter((result) => result.status === "deleted"),
      context
    )
  );
  const changed = CHANGES.flatMap((status) => sorted.filter((result) => result.status === status));
  if (changed.length > 0) {
    lines.push(`### ${dryRun ? "Would change" : "Changed"} (${changed.length})`, "");
    lines.push(...limitedTable(["Key Vault name", "Source", "Result", "Reason"], changed, (result) => renderRow(result, context)), "");
  }
  const folded = FOLDED.flatMap((status) => sorted.filter((result) => result.status === status));
  if (folded.length > 0) {
    const label = FOLDED.filter((status) => counts[status] > 0).map((status) => `${status} (${counts[status]})`).join(", ");
    lines.push("<details>", `<summary>${capitalise(label)}</summary>`, "");
    lines.push(
      ...limitedTable(["Key Vault name", "Source", "Result", "Reason"], folded, (result) => renderRow(result, context)),
      "",
      "</details>",
      ""
    );
  }
  return lines.join("\n");
}
function renderFailureSummary(message, hint, context) {
  const lines = [renderHeading(context), ""];
  lines.push(...alert("CAUTION", [`**No secret was synced.** ${escapeWithCode(message)}`]), "");
  lines.push(...renderContext(context), "");
  for (const note of context.notes) lines.push(...alert("NOTE", [escapeWithCode(note)]), "");
  if (hint) lines.push("### How to fix it", "", ...renderFix(hint));
  return lines.join("\n");
}
function renderHeading(context) {
  if (context.vaultUrl === void 0) return "## Key Vault Sync";
  const prefix2 = context.settings?.prefix ? `, prefix ${codeSpan(context.settings.prefix)}` : "";
  return `## Key Vault Sync: ${codeSpan(readVaultName(context.vaultUrl))}${prefix2}${context.dryRun ? " (dry run)" : ""}`;
}
function renderOutcome(counts, dryRun) {
  const parts = ATTENTION_ORDER.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} ${describeStatus(status, dryRun)}`
  );
  if (parts.length === 0) return "**Nothing to sync.**";
  const [first = "", ...rest] = parts;
  return [counts.failed > 0 ? `**${first}**` : first, ...rest].join(" \xB7 ");
}
function renderContext(context) {
  const lines = [];
  if (context.vaultUrl !== void 0) {
    const name = readVaultName(context.vaultUrl);
    const cloud = findCloudByVaultHost(new URL(context.vaultUrl).hostname)?.name ?? "public";
    lines.push(
      `- **Vault:** ${link(escapeMarkdown(name), linkVaultInPortal(cloud, name))} in the Azure portal \xB7 ${codeSpan(context.vaultUrl)}`
    );
  }
  if (context.dryRun !== void 0) {
    const why = context.dryRunReason ? ` (${escapeMarkdown(context.dryRunReason)})` : "";
    lines.push(context.dryRun ? `- **Dry run:** nothing was written to the vault${why}` : `- **Mode:** sync, writing to the vault${why}`);
  }
  const settings = context.settings;
  if (settings !== void 0) {
    const prefix2 = settings.prefix ? codeSpan(settings.prefix) : "none";
    const onOff = (on) => on ? "on" : "off";
    lines.push(
      `- **Scope:** owner ${codeSpan(settings.owner)} \xB7 prefix ${prefix2} \xB7 prune ${onOff(settings.prune)} \xB7 adopt ${onOff(settings.adopt)}`
    );
  }
  const links = context.links;
  if (links !== void 0)
    lines.push(`- **Commit:** ${link(codeSpan(links.sha.slice(0, 7)), linkCommit(links))} in ${escapeMarkdown(links.repository)}`);
  return lines;
}
function renderFailures(failed, context) {
  if (failed.length === 0) return [];
  const fixes = /* @__PURE__ */ new Map();
  for (const result of failed) if (result.hint) fixes.set(result.hint, [...fixes.get(result.hint) ?? [], result]);
  const fixNumber = new Map([...fixes.keys()].map((hint, index) => [hint, index + 1]));
  const header = ["Key Vault name", "Source", "Reason", ...fixes.size > 0 ? ["Fix"] : []];
  const renderFailed = (result) => {
    const fix = fixes.size > 0 ? [result.hint ? String(fixNumber.get(result.hint)) : "\u2013"] : [];
    return [escapeCell(result.name), renderSource(result, context), escapeCell(result.reason), ...fix];
  };
  const lines = [`### Failed (${failed.length})`, "", ...limitedTable(header, failed, renderFailed), ""];
  if (fixes.size === 0) return lines;
  lines.push(`### How to fix ${fixes.size === 1 ? "it" : "them"}`, "");
  for (const [hint, results] of [...fixes].slice(0, MAX_FIXES)) {
    const names = formatNames(results.map((result) => result.name));
    lines.push(
      `**Fix ${fixNumber.get(hint)}**, for ${results.length === 1 ? "" : `${results.length} secrets: `}${names}`,
      "",
      ...renderFix(hint)
    );
  }
  if (fixes.size > MAX_FIXES)
    lines.push(`${fixes.size - MAX_FIXES} more fixes not shown here; the log lists each failure with its fix.`, "");
  return lines;
}
function renderDeletes(deleted, context) {
  if (deleted.length === 0) return [];
  const vault = context.vaultUrl === void 0 ? "the vault" : codeSpan(readVaultName(context.vaultUrl));
  const secrets = deleted.length === 1 ? "1 secret" : `${deleted.length} secrets`;
  const names = formatNames(deleted.map((result) => result.name));
  const callout = context.dryRun ? [`**This plan deletes ${secrets}** from ${vault}: ${names}.`, "", "A sync with these sources and settings would delete them (prune)."] : [
    `**Deleted ${secrets}** from ${vault}: ${names}.`,
    "",
    "On a vault with soft delete (the default), they can be recovered until they are purged."
  ];
  return [
    `### ${context.dryRun ? "Would delete" : "Deleted"} (${deleted.length})`,
    "",
    ...alert("WARNING", callout),
    "",
    ...limitedTable(["Key Vault name", "Reason"], deleted, (result) => [escapeCell(result.name), escapeCell(result.reason)]),
    ""
  ];
}
function renderRow(result, context) {
  return [
    escapeCell(result.name),
    renderSource(result, context),
    describeStatus(result.status, context.dryRun ?? false),
    escapeCell(result.reason)
  ];
}
function renderSource(result, context) {
  if (result.source === void 0) return "\u2013";
  const source = escapeCell(result.source);
  const location = locateOrigin(result.origin);
  if (location === void 0) return source;
  const { file, line } = location;
  const label = escapeCell(`${file}:${line}`);
  const url = context.links === void 0 ? void 0 : linkFileLine(context.links, file, line);
  return url === void 0 ? `${source} (${label})` : `${source} (${link(label, url)})`;
}
function renderFix(hint) {
  const parts = splitHint(hint);
  const commandCount = parts.filter((part) => part.kind === "command").length;
  const lines = [];
  let paragraph = [];
  let commands = [];
  let counted = 0;
  const endParagraph = () => {
    const text2 = paragraph.join("").trim();
    if (text2 !== "" && !/^[.,;:)]$/.test(text2)) lines.push(text2, "");
    for (const command of commands) lines.push(fence(wrapCommand(command), "sh"), "");
    paragraph = [];
    commands = [];
  };
  for (const part of parts) {
    if (part.kind === "code") paragraph.push(codeSpan(part.text));
    else if (part.kind === "command") {
      counted += 1;
      commands.push(part.text);
      if (paragraph.join("").trim() !== "") paragraph.push(commandCount === 1 ? "the command below" : `command ${counted} below`);
    } else {
      part.text.split("\n").forEach((line, index) => {
        if (index > 0) endParagraph();
        paragraph.push(escapeMarkdown(paragraph.length === 0 ? line.trimStart() : line));
      });
    }
  }
  endParagraph();
  return lines;
}
function limitedTable(header, items, render) {
  const rows = items.slice(0, MAX_TABLE_ROWS).map(render);
  if (items.length <= MAX_TABLE_ROWS) return table(header, rows);
  const rest = items.length - MAX_TABLE_ROWS;
  return [
    ...table(header, rows),
    "",
    `${rest} more not shown here (a job summary is limited in size); the log and the \`plan\` output list every secret.`
  ];
}
function formatNames(names) {
  const shown = names.slice(0, NAMES_IN_TEXT).map(escapeMarkdown).join(", ");
  return names.length > NAMES_IN_TEXT ? `${shown} and ${names.length - NAMES_IN_TEXT} more` : shown;
}
function capitalise(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}

// src/action/report.ts
init_secret_names();
init_source_entry();
var STATUSES = ["created", "updated", "unchanged", "recovered", "deleted", "skipped", "failed"];
var CHANGING = /* @__PURE__ */ new Set(["created", "updated", "recovered", "deleted"]);
var MAX_ANNOTATIONS = 10;
function countResults(results) {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0]));
  for (const result of results) counts[result.status] += 1;
  return counts;
}
async function writeReport(results, context, io) {
  const sorted = [...results].sort(compareBySecretName);
  const counts = countResults(sorted);
  writeOutputs(sorted, counts, context, io);
  logResults(sorted, counts, context, io);
  const failed = sorted.filter((result) => result.status === "failed");
  const skipped = sorted.filter((result) => result.status === "skipped" && !result.offline);
  const offline = sorted.filter((result) => result.status === "skipped" && result.offline);
  annotateResults(failed, "failed", (message, properties) => io.error(message, properties), context.dryRun);
  annotateResults(skipped, "skipped", (message, properties) => io.warning(message, properties), context.dryRun);
  if (context.dryRun)
    io.notice(`Dry run: nothing was written to ${context.vaultUrl}.${context.dryRunReason ? ` ${context.dryRunReason}` : ""}`);
  for (const note of context.notes) io.notice(note);
  if (offline.length > 0) noticeOffline(offline, io);
  const summary = renderSummary(sorted, counts, {
    vaultUrl: context.vaultUrl,
    dryRun: context.dryRun,
    dryRunReason: context.dryRunReason,
    notes: context.notes,
    settings: context.settings,
    links: context.links
  });
  await writeSummary(summary, io);
}
function noticeOffline(offline, io) {
  const secrets = offline.length === 1 ? "1 secret" : `${offline.length} secrets`;
  io.notice(
    `${secrets} validated offline only: ${offline.map((result) => result.name).join(", ")}. Names and values are valid; nothing was compared with the vault, which this run cannot read. The job summary lists every secret.`,
    { title: `${secrets} validated offline only` }
  );
}
function writeOutputs(sorted, counts, context, io) {
  for (const status of STATUSES) io.setOutput(status, String(counts[status]));
  const failedNames = sorted.filter((result) => result.status === "failed").map((result) => result.source ?? result.name);
  io.setOutput("failed-names", JSON.stringify(failedNames));
  const changed = !context.dryRun && sorted.some((result) => CHANGING.has(result.status));
  io.setOutput("changed", String(changed));
  const plan = sorted.map((result) => ({ source: result.source ?? null, name: result.name, action: result.action, reason: result.reason }));
  io.setOutput("plan", JSON.stringify(plan));
}
function logResults(sorted, counts, context, io) {
  for (const result of sorted) {
    const source = result.source === void 0 || result.source === result.name ? "" : ` (from ${result.source})`;
    io.info(`${describeStatus(result.status, context.dryRun).padEnd(13)} ${result.name}${source}: ${result.reason}`);
    if (result.status === "failed" && result.hint) io.info(`${"".padEnd(13)} how to fix: ${result.hint}`);
  }
  io.info(STATUSES.map((status) => `${counts[status]} ${describeStatus(status, context.dryRun)}`).join(", "));
}
function annotateResults(matching, status, annotate2, dryRun) {
  const shown = matching.length > MAX_ANNOTATIONS ? matching.slice(0, MAX_ANNOTATIONS - 1) : matching;
  for (const result of shown) {
    annotate2(`${result.name}: ${result.reason}${result.hint ? `
${result.hint}` : ""}`, {
      title: status === "failed" ? `Failed to ${dryRun ? "plan" : "sync"} ${describeSource2(result)}` : `Skipped ${describeSource2(result)}`,
      ...locate(result)
    });
  }
  const rest = matching.slice(shown.length);
  if (rest.length > 0) {
    const verb = status === "failed" ? "failed" : "were skipped";
    annotate2(
      `${rest.length} more secrets ${verb}: ${rest.map((result) => result.name).join(", ")}. The job summary lists every secret with its reason.`,
      {
        title: `${rest.length} more secrets ${verb}`
      }
    );
  }
}
function describeSource2(result) {
  return result.source === void 0 ? result.name : result.source;
}
function locate(result) {
  const location = locateOrigin(result.origin);
  return location === void 0 ? {} : { file: location.file, startLine: location.line };
}
async function writeFailureSummary(error2, context, io) {
  const hint = error2 instanceof SyncError ? error2.hint : void 0;
  const summary = renderFailureSummary(errorMessage(error2), hint, {
    vaultUrl: context.vaultUrl,
    dryRun: context.dryRun,
    dryRunReason: context.dryRunReason,
    notes: context.notes ?? [],
    settings: context.settings,
    links: context.links
  });
  await writeSummary(summary, io);
}
async function writeSummary(markdown, io) {
  try {
    io.summary.addRaw(markdown, true);
    await io.summary.write();
  } catch (error2) {
    try {
      io.warning(`Could not write the job summary: ${errorMessage(error2)}`);
    } catch {
    }
  }
}

// src/engine/sources/env-file-access.ts
var import_node_fs5 = require("node:fs");
var import_node_path3 = require("node:path");
var FileRefusedError = class extends Error {
  rule;
  constructor(rule) {
    super(rule);
    this.name = "FileRefusedError";
    this.rule = rule;
  }
};
var SPECIAL_ROOTS = ["/proc", "/sys", "/dev"];
function listFileRoots(env, cwd) {
  const workspace = env["GITHUB_WORKSPACE"]?.trim();
  const temp = env["RUNNER_TEMP"]?.trim();
  return { workspace: workspace === void 0 || workspace === "" ? cwd : workspace, temp: temp === "" ? void 0 : temp };
}
function readEnvFile(path, roots) {
  return new Promise((resolve2) => {
    resolve2(readConfined(path, roots));
  });
}
function readConfined(path, roots) {
  const real = import_node_fs5.realpathSync.native(path);
  if (SPECIAL_ROOTS.some((root) => isInside(real, root))) {
    throw new FileRefusedError("resolves into /proc, /sys or /dev; env-file reads only regular files in the workspace or RUNNER_TEMP");
  }
  const allowed = resolveRoots(roots);
  if (!allowed.some((root) => isInside(real, root))) {
    const where = roots.described ?? "the workspace (GITHUB_WORKSPACE) and the runner's temporary directory (RUNNER_TEMP)";
    throw new FileRefusedError(`resolves (after following symlinks) to a file outside ${where}; env-file reads only files inside them`);
  }
  const fd = (0, import_node_fs5.openSync)(real, import_node_fs5.constants.O_RDONLY | import_node_fs5.constants.O_NOFOLLOW | import_node_fs5.constants.O_NONBLOCK);
  try {
    if (!(0, import_node_fs5.fstatSync)(fd).isFile())
      throw new FileRefusedError("is not a regular file (a directory, device, pipe or socket); env-file reads only regular files");
    return new Uint8Array((0, import_node_fs5.readFileSync)(fd));
  } finally {
    (0, import_node_fs5.closeSync)(fd);
  }
}
function resolveRoots(roots) {
  const candidates = [roots.workspace, roots.temp].filter((root) => root !== void 0);
  const resolved = candidates.map((root) => {
    try {
      return import_node_fs5.realpathSync.native(root);
    } catch {
      return void 0;
    }
  });
  return resolved.filter((root) => root !== void 0 && !SPECIAL_ROOTS.some((special) => isInside(root, special)));
}
function isInside(path, root) {
  const rel = (0, import_node_path3.relative)(root, path);
  return rel === "" || !(0, import_node_path3.isAbsolute)(rel) && rel !== ".." && !rel.startsWith(`..${import_node_path3.sep}`);
}

// src/engine/apply.ts
init_vault_errors();

// src/engine/compare-secret.ts
init_tags();
function sameTags(left, right) {
  const leftNames = Object.keys(left);
  return leftNames.length === Object.keys(right).length && leftNames.every((name) => right[name] === left[name]);
}
function compareSecret(value, current, scope, metadata) {
  if (current.value !== value) return { kind: "value" };
  const changed = [];
  if (readOwnership(current.tags, scope.owner).kind !== "ours") changed.push("ownership tags");
  if (current.tags[PREFIX_TAG] !== (scope.prefix === "" ? void 0 : scope.prefix)) changed.push("prefix tag");
  if (!sameTags(selectUserTags(current.tags), metadata.tags)) changed.push("tags");
  const wanted = metadata.contentType || void 0;
  const stored = current.contentType || void 0;
  const contentTypeRemoved = wanted === void 0 && stored !== void 0;
  if (stored !== wanted) changed.push(contentTypeRemoved ? "content type removed" : "content type");
  if (metadata.expiresInSeconds !== void 0 && current.expiresOn === void 0) changed.push("expiry");
  if (metadata.enabled === false && current.enabled !== false) changed.push("disabled");
  return changed.length === 0 ? { kind: "same" } : { kind: "metadata", changed, newVersion: contentTypeRemoved };
}

// src/engine/ownership.ts
init_tags();
function decideWrite(tags2, owner, adopt) {
  const ownership = readOwnership(tags2, owner);
  if (ownership.kind === "ours") return { kind: "allowed", adopting: false };
  if (ownership.kind === "other-owner") return { kind: "refused", reason: "other-owner", owner: ownership.owner };
  return adopt ? { kind: "allowed", adopting: true } : { kind: "refused", reason: "not-adopted" };
}
function mayPrune(tags2, owner, prefix2) {
  return readOwnership(tags2, owner).kind === "ours" && isSamePrefix(readPrefix(tags2), prefix2);
}

// src/engine/plan-secret.ts
init_tags();
init_vault_errors();

// src/engine/rules/renewal.ts
init_duration();
function formatDate(date) {
  return date.toISOString().slice(0, 10);
}
function findRenewal(expiresOn, settings, now) {
  const window = settings.renewBeforeSeconds;
  if (window === void 0 || settings.expiresInSeconds === void 0 || expiresOn === void 0) return void 0;
  if (expiresOn.getTime() - now.getTime() > window * 1e3) return void 0;
  const when = expiresOn.getTime() <= now.getTime() ? "expired on" : "expires on";
  return `${when} ${formatDate(expiresOn)}, within renew-before (${formatDuration(window)})`;
}

// src/engine/plan-secret.ts
function hideValue(secret) {
  const copy = { source: secret.source, name: secret.name, origin: secret.origin };
  if (secret.metadata !== void 0) copy.metadata = secret.metadata;
  Object.defineProperty(copy, "value", { value: secret.value, enumerable: false });
  return copy;
}
function formatDate2(date) {
  return date === void 0 ? "an unknown date" : date.toISOString().slice(0, 10);
}
function baseFor(secret, reason) {
  return { source: secret.source, name: secret.name, reason, origin: secret.origin };
}
function itemFor(secret, action, reason, extra = {}) {
  return { ...baseFor(secret, reason), action, ...extra };
}
function describeOtherPrefix(tags2, prefix2) {
  const stored = readPrefix(tags2);
  if (isSamePrefix(stored, prefix2)) return "";
  return stored === "" ? "; was synced without a prefix" : `; was synced under prefix '${stored}'`;
}
function planExisting(secret, existing, context) {
  const { owner, prefix: prefix2, adopt } = context.options;
  const metadata = secret.metadata ?? context.options.metadata;
  const stored = existing.name === secret.name ? "" : ` (stored as '${existing.name}'; Key Vault names are case-insensitive)`;
  if (existing.managed) {
    return itemFor(
      secret,
      "skip",
      `certificate-backed secret: its lifetime is managed by Key Vault, so keyvault-sync never writes it${stored}`
    );
  }
  if (metadata.update === "create-only") return itemFor(secret, "unchanged", `create-only: left as it is${stored}`);
  const rule = decideWrite(existing.tags, owner, adopt);
  if (rule.kind === "refused" && rule.reason === "other-owner") {
    return itemFor(
      secret,
      "fail",
      `managed by keyvault-sync for another owner ('${rule.owner}'); this run's owner is '${owner}'${stored}`,
      {
        hint: "Another owner's secrets are never changed, not even with 'adopt'. Use the same 'owner' input in both workflows, or sync under different names (e.g. with 'prefix')."
      }
    );
  }
  let adopting = "";
  if (rule.kind === "refused" || rule.adopting) {
    const drifted = existing.history?.kind === "owned-before";
    const why = drifted ? `drifted: the latest version was written outside keyvault-sync on ${formatDate2(existing.createdOn ?? existing.updatedOn)}; an older version was written by this owner` : "exists in the vault but was not created by keyvault-sync";
    if (rule.kind === "refused") {
      return itemFor(secret, "fail", `${why}${stored}`, {
        hint: drifted ? "Check who changed it. Set 'adopt: true' to overwrite it with the value from the sources, or remove it from the sources." : "Set 'adopt: true' to take it over (its versions then carry this owner's tags), or remove it from the sources."
      });
    }
    adopting = drifted ? `adopting a drifted secret (${why}): ` : "adopting a secret not created by keyvault-sync: ";
  }
  const written = `${adopting === "" ? describeOtherPrefix(existing.tags, prefix2) : ""}${stored}`;
  if (!existing.enabled && metadata.enabled === false) {
    const why = "the value of a disabled secret cannot be read, so it was not compared";
    return itemFor(secret, "unchanged", `disabled, as its rule asks (${why})${stored}`);
  }
  if (!existing.enabled) {
    return itemFor(secret, "fail", `disabled in the vault; keyvault-sync does not write or re-enable disabled secrets${stored}`, {
      hint: `Enable it (az keyvault secret set-attributes --vault-name ${context.vaultName} --name ${existing.name} --enabled true) or remove it from the sources.`
    });
  }
  const hidden = hideValue(secret);
  const setNewVersion = { kind: "set", secret: hidden };
  if (existing.value.kind === "failed") {
    const failure2 = existing.value.failure;
    if (isAccessDenied(failure2.kind)) {
      return {
        ...baseFor(secret, `${adopting}value not compared (${failure2.message}): new version${written}`),
        action: "update",
        change: setNewVersion
      };
    }
    return itemFor(secret, "fail", `${adopting}could not read the current value: ${failure2.message}${stored}`, { hint: failure2.hint });
  }
  if (existing.value.kind === "not-read") {
    return {
      ...baseFor(secret, `${adopting}value not compared (not read): new version${written}`),
      action: "update",
      change: setNewVersion
    };
  }
  const comparison = compareSecret(secret.value, { ...existing, value: existing.value.value }, { owner, prefix: prefix2 }, metadata);
  const renewal = findRenewal(existing.expiresOn, metadata, context.options.now);
  if (renewal !== void 0 && comparison.kind !== "value") {
    const reason = `${adopting}${renewal}: new version with the same value and a fresh expiry${written}`;
    return { ...baseFor(secret, reason), action: "update", change: setNewVersion };
  }
  if (comparison.kind === "same") return itemFor(secret, "unchanged", `value and metadata match${stored}`);
  if (comparison.kind === "value")
    return { ...baseFor(secret, `${adopting}value changed: new version${written}`), action: "update", change: setNewVersion };
  const what = comparison.changed.join(", ");
  if (comparison.newVersion || existing.version === void 0) {
    return {
      ...baseFor(secret, `${adopting}metadata only (${what}): new version with the same value${written}`),
      action: "update",
      change: setNewVersion
    };
  }
  return {
    ...baseFor(secret, `${adopting}metadata only (${what}): properties updated, no new version${written}`),
    action: "update",
    change: { kind: "patch", secret: hidden, storedName: existing.name, version: existing.version, currentExpiresOn: existing.expiresOn }
  };
}
function planSoftDeleted(secret, deleted, rules) {
  const { owner, adopt } = rules;
  const when = formatDate2(deleted.deletedOn);
  const manualHint = `Recover it (az keyvault secret recover --vault-name ${rules.vaultName} --name ${deleted.name}) or purge it by hand; keyvault-sync never purges.`;
  if (deleted.managed) {
    return itemFor(
      secret,
      "fail",
      `soft-deleted certificate-backed secret (deleted ${when}); keyvault-sync never writes certificate-backed secrets`,
      {
        hint: "Recover the certificate, or sync under another name."
      }
    );
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
      change: recover
    };
  }
  if (rule.kind === "allowed") {
    return {
      ...baseFor(
        secret,
        `adopting a soft-deleted secret not created by keyvault-sync (deleted ${when}): will be recovered, then brought up to date`
      ),
      action: "recover",
      change: recover
    };
  }
  if (rule.reason === "other-owner") {
    return itemFor(secret, "fail", `soft-deleted on ${when}; it was managed by keyvault-sync for another owner ('${rule.owner}')`, {
      hint: `${manualHint} Another owner's secrets are never recovered or adopted.`
    });
  }
  return itemFor(
    secret,
    "fail",
    `soft-deleted on ${when} and not created by keyvault-sync; its name cannot be reused until it is recovered or purged`,
    {
      hint: `${manualHint} Or set 'adopt: true' to recover it and take it over.`
    }
  );
}

// src/engine/apply.ts
init_errors();
init_limiter();
init_tags();
init_vault_url();
function resultFromItem(item, status, reason = item.reason) {
  const result = { source: item.source, name: item.name, action: item.action, status, reason, origin: item.origin };
  if (item.hint !== void 0 && status === "failed") result.hint = item.hint;
  if (item.offline && status === "skipped") result.offline = true;
  return result;
}
var PREDICTED_STATUS = {
  create: "created",
  update: "updated",
  unchanged: "unchanged",
  recover: "recovered",
  delete: "deleted",
  skip: "skipped",
  fail: "failed"
};
function settingsOf(secret, context) {
  return secret.metadata ?? context.metadata;
}
function offset(now, seconds) {
  return seconds === void 0 ? void 0 : new Date(now.getTime() + seconds * 1e3);
}
function buildWrite(secret, context) {
  const metadata = settingsOf(secret, context);
  const write = {
    value: secret.value,
    contentType: metadata.contentType || void 0,
    tags: buildTags(context.scope, metadata.tags, context.audit),
    expiresOn: offset(context.now, metadata.expiresInSeconds)
  };
  if (metadata.notBeforeSeconds !== void 0) write.notBefore = offset(context.now, metadata.notBeforeSeconds);
  if (metadata.enabled === false) write.enabled = false;
  return write;
}
function buildUpdate(secret, currentExpiry, context) {
  const metadata = settingsOf(secret, context);
  const update = {
    contentType: metadata.contentType || void 0,
    tags: buildTags(context.scope, metadata.tags, context.audit),
    expiresOn: currentExpiry === void 0 ? offset(context.now, metadata.expiresInSeconds) : void 0
  };
  if (metadata.enabled === false) update.enabled = false;
  return update;
}
function failedResult(item, error2, prefix2 = "") {
  const result = resultFromItem(item, "failed", `${prefix2}${errorMessage(error2)}`);
  if (error2 instanceof SyncError && error2.hint !== void 0) result.hint = error2.hint;
  return result;
}
function findForeignRecovery(tags2, change, owner) {
  const rule = decideWrite(tags2, owner, change.adopt);
  if (rule.kind === "allowed") return void 0;
  const whose = rule.reason === "other-owner" ? `managed by keyvault-sync for another owner ('${rule.owner}')` : "written outside keyvault-sync";
  return `recovered by someone else since the plan; its latest version is not ours (${whose}), so nothing was written`;
}
async function recoverThenWrite(item, change, vault, context) {
  await vault.recoverSecret(change.storedName);
  try {
    const current = await vault.getSecret(change.storedName);
    if (!current.found) {
      await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
      return resultFromItem(item, "recovered", "recovered; a new version was written");
    }
    const foreign = findForeignRecovery(current.properties.tags, change, context.scope.owner);
    if (foreign !== void 0) {
      const result = resultFromItem(item, "failed", foreign);
      result.hint = `Check who recovered '${current.properties.name}' and why, then run the sync again: the next plan compares against what it holds now.`;
      return result;
    }
    const comparison = compareSecret(
      change.secret.value,
      { ...current.properties, value: current.value },
      context.scope,
      settingsOf(change.secret, context)
    );
    if (comparison.kind === "same") return resultFromItem(item, "recovered", "recovered; value and metadata already match");
    if (comparison.kind === "metadata" && !comparison.newVersion && current.properties.version !== void 0) {
      await vault.updateProperties(
        current.properties.name,
        current.properties.version,
        buildUpdate(change.secret, current.properties.expiresOn, context)
      );
      return resultFromItem(item, "recovered", `recovered; metadata updated (${comparison.changed.join(", ")})`);
    }
    await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
    const what = comparison.kind === "value" ? "value changed" : `metadata changed (${comparison.changed.join(", ")})`;
    return resultFromItem(item, "recovered", `recovered; ${what}: a new version was written`);
  } catch (error2) {
    return failedResult(item, error2, `recovered '${change.storedName}', but bringing it up to date failed: `);
  }
}
async function recoverInsteadOfCreate(item, change, rules, vault, context, refused) {
  const deleted = await vault.getDeletedSecret(change.secret.name);
  if (deleted === void 0) throw refused;
  const decision = planSoftDeleted(change.secret, deleted, { ...rules, vaultName: readVaultName(vault.vaultUrl) });
  const found = "found soft-deleted at write time";
  if (decision.action !== "recover") {
    const result2 = resultFromItem(item, "failed", `${found}: ${decision.reason}`);
    if (decision.hint !== void 0) result2.hint = decision.hint;
    return result2;
  }
  const result = await recoverThenWrite(item, decision.change, vault, context);
  return { ...result, reason: `${found}; ${result.reason}` };
}
async function checkCreateRace(item, name, vault, owner) {
  let versions;
  try {
    versions = await vault.listVersions(name);
  } catch (error2) {
    return failedResult(item, error2, `created, but could not confirm that no other writer created '${name}' at the same time: `);
  }
  const others = versions.map((version2) => decideWrite(version2.tags, owner, false)).filter((rule) => rule.kind === "refused");
  if (others.length === 0) return void 0;
  const owners = [
    ...new Set(others.map((rule) => rule.reason === "other-owner" ? `owner '${rule.owner}'` : "a writer outside keyvault-sync"))
  ];
  const result = resultFromItem(
    item,
    "failed",
    `conflict: created, but ${owners.join(" and ")} created '${name}' at the same time; it now holds ${others.length} ${others.length === 1 ? "version" : "versions"} besides this owner's (Key Vault has no conditional create)`
  );
  result.hint = `Two writers sync '${name}' into one vault: give each its own prefix or vault, then check which value '${name}' should hold and run the sync again.`;
  return result;
}
async function applyChange(item, change, vault, context) {
  switch (change.kind) {
    case "set":
      try {
        await vault.setSecret(change.secret.name, buildWrite(change.secret, context));
      } catch (error2) {
        const softDeleted = error2 instanceof VaultError && error2.failure.kind === "deleted-recoverable";
        if (softDeleted && change.whenSoftDeleted !== void 0)
          return recoverInsteadOfCreate(item, change, change.whenSoftDeleted, vault, context, error2);
        throw error2;
      }
      if (item.action === "create")
        return await checkCreateRace(item, change.secret.name, vault, context.scope.owner) ?? resultFromItem(item, "created");
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
  if (item.change === void 0) return resultFromItem(item, PREDICTED_STATUS[item.action]);
  try {
    return await applyChange(item, item.change, vault, context);
  } catch (error2) {
    return failedResult(item, error2);
  }
}
function predictResults(plan) {
  return plan.items.map((item) => resultFromItem(item, PREDICTED_STATUS[item.action]));
}
async function applyPlan(plan, vault, options) {
  const context = { scope: plan.scope, metadata: plan.metadata, audit: options.audit, now: options.now };
  return mapWithConcurrency(plan.items, options.concurrency, async (item) => {
    const result = await applyItem(item, vault, context);
    options.onResult?.(result);
    return result;
  });
}

// src/engine/sync.ts
init_errors();
init_naming();

// src/engine/plan.ts
init_secret_names();
init_vault_url();

// src/engine/plan-prune.ts
function planPrune(input, state) {
  const { owner, prefix: prefix2 } = input.options;
  const targeted = new Set(input.desired.map((secret) => secret.name.toLowerCase()));
  const heldBack = /* @__PURE__ */ new Map();
  for (const rejection of input.rejected) {
    if (rejection.name !== void 0) heldBack.set(rejection.name.toLowerCase(), rejection);
  }
  const failedEntries = input.rejected.filter((rejection) => rejection.status === "failed").length;
  const items = [];
  for (const existing of state.secrets) {
    const key = existing.name.toLowerCase();
    const candidate = !existing.managed && mayPrune(existing.tags, owner, prefix2) && key.startsWith(prefix2.toLowerCase()) && !targeted.has(key);
    if (!candidate) continue;
    const rejection = heldBack.get(key);
    const base = { source: void 0, name: existing.name, origin: void 0 };
    if (rejection !== void 0) {
      const outcome = rejection.status === "failed" ? "failed" : "was skipped";
      items.push({
        ...base,
        source: rejection.source,
        origin: rejection.origin,
        action: "skip",
        reason: `not pruned: source entry '${rejection.source}' still maps to this name but ${outcome} this run`
      });
    } else if (failedEntries > 0) {
      items.push({
        ...base,
        action: "skip",
        reason: `not pruned: ${failedEntries} source ${failedEntries === 1 ? "entry" : "entries"} failed this run, and pruning waits for a clean run so an input mistake never deletes secrets`
      });
    } else if (input.desired.length === 0) {
      items.push({
        ...base,
        action: "skip",
        reason: "not pruned: the sources produced no secrets this run, and keyvault-sync refuses to delete every secret it manages"
      });
    } else {
      const days = existing.recoverableDays === void 0 ? "" : ` for ${existing.recoverableDays} days`;
      items.push({
        ...base,
        action: "delete",
        reason: `no longer in the sources: soft delete (recoverable${days})`,
        change: { kind: "delete", storedName: existing.name }
      });
    }
  }
  return items;
}

// src/engine/plan.ts
function itemFromRejection(rejection) {
  return {
    source: rejection.source,
    // A name that could not be formed is shown under the source key instead.
    name: rejection.name ?? rejection.source,
    action: rejection.status === "failed" ? "fail" : "skip",
    reason: rejection.reason,
    origin: rejection.origin
  };
}
function decidedAgainst(options) {
  return { scope: { owner: options.owner, prefix: options.prefix }, metadata: options.metadata };
}
function planChanges(input) {
  const items = input.rejected.map(itemFromRejection);
  const state = input.state;
  if (state === void 0) {
    for (const secret of input.desired) {
      items.push(
        itemFor(secret, "skip", "validated offline only: not compared with the vault, which this run cannot read", { offline: true })
      );
    }
    return { items: items.sort(compareBySecretName), offline: true, ...decidedAgainst(input.options) };
  }
  const context = { options: input.options, vaultName: readVaultName(state.vaultUrl) };
  const existingByName = new Map(state.secrets.map((secret) => [secret.name.toLowerCase(), secret]));
  const deletedByName = new Map(state.deleted.map((secret) => [secret.name.toLowerCase(), secret]));
  const createReason = state.deletedUnavailable === void 0 ? "new secret" : `new secret (soft-deleted names could not be checked: ${state.deletedUnavailable.message})`;
  for (const secret of input.desired) {
    const key = secret.name.toLowerCase();
    const existing = existingByName.get(key);
    const deleted = deletedByName.get(key);
    if (existing !== void 0) items.push(planExisting(secret, existing, context));
    else if (deleted !== void 0)
      items.push(
        planSoftDeleted(secret, deleted, { owner: input.options.owner, adopt: input.options.adopt, vaultName: context.vaultName })
      );
    else {
      const whenSoftDeleted = { owner: input.options.owner, adopt: input.options.adopt };
      items.push({
        ...baseFor(secret, createReason),
        action: "create",
        change: { kind: "set", secret: hideValue(secret), whenSoftDeleted }
      });
    }
  }
  if (input.options.prune) items.push(...planPrune(input, state));
  return { items: items.sort(compareBySecretName), offline: false, ...decidedAgainst(input.options) };
}

// src/engine/progress.ts
var PROGRESS_INTERVAL_MS = 5e3;
var numberFormat;
function count(value) {
  numberFormat ??= new Intl.NumberFormat("en-US");
  return numberFormat.format(value);
}
function createApplyProgress(options) {
  const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  let lastLine = options.now();
  let done = 0;
  let failed = 0;
  return (result) => {
    done += 1;
    if (result.status === "failed") failed += 1;
    const now = options.now();
    if (done >= options.total || now - lastLine < interval) return;
    lastLine = now;
    options.log(`Applied ${count(done)} of ${count(options.total)} (${count(failed)} failed) \u2026`);
  };
}

// src/engine/rules/load-rules.ts
init_errors();
init_naming();
init_rule();

// src/engine/rules/resolve-rules.ts
init_globs();
init_tags();
init_duration();
function measureSpecificity(pattern) {
  const { wildcards, literals } = measureGlob(pattern);
  return { exact: wildcards === 0, wildcards, literals };
}
function compareSpecificity(a, b) {
  if (a.exact !== b.exact) return a.exact ? 1 : -1;
  if (a.wildcards !== b.wildcards) return b.wildcards - a.wildcards;
  return a.literals - b.literals;
}
function findMatchingRules(source, rules) {
  return rules.filter((rule) => matchesGlob(source, rule.pattern)).sort((a, b) => compareSpecificity(measureSpecificity(a.pattern), measureSpecificity(b.pattern)));
}
function findRuleName(source, rules) {
  return findMatchingRules(source, rules).findLast((rule) => rule.name !== void 0)?.name;
}
function resolveSettings(source, rules, defaults) {
  const settings = { ...defaults, tags: { ...defaults.tags } };
  for (const rule of findMatchingRules(source, rules)) {
    if (rule.contentType !== void 0) settings.contentType = rule.contentType;
    if (rule.tags !== void 0) settings.tags = mergeTags(settings.tags, rule.tags);
    if (rule.expiresInSeconds !== void 0) settings.expiresInSeconds = rule.expiresInSeconds;
    if (rule.notBeforeSeconds !== void 0) settings.notBeforeSeconds = rule.notBeforeSeconds;
    if (rule.enabled !== void 0) settings.enabled = rule.enabled;
    if (rule.renewBeforeSeconds !== void 0) settings.renewBeforeSeconds = rule.renewBeforeSeconds;
    if (rule.update !== void 0) settings.update = rule.update;
  }
  return settings;
}
function mergeTags(base, over) {
  const folded = new Set(Object.keys(over).map((name) => name.toLowerCase()));
  const kept = Object.entries(base).filter(([name]) => !folded.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...over };
}
function at(rule, key, text2) {
  const line = key === void 0 ? rule.place.line : rule.lines[key] ?? rule.place.line;
  return { place: { origin: rule.place.origin, line }, key, rule: text2 };
}
function describeRule(rule) {
  return `'${rule.pattern}' (${rule.place.origin} line ${rule.place.line})`;
}
function checkRules(rules, sources, defaults) {
  const problems = [];
  const reported = /* @__PURE__ */ new Set();
  const once = (id, problem2) => {
    if (reported.has(id)) return;
    reported.add(id);
    problems.push(problem2);
  };
  const used = /* @__PURE__ */ new Set();
  rules.forEach((rule, index) => {
    const first = rules.findIndex((other) => other.pattern.toLowerCase() === rule.pattern.toLowerCase());
    if (first !== index) {
      once(
        `dup:${index}`,
        at(rule, void 0, `the pattern is also given at ${describeRule(rules[first])}; give each source name or pattern once`)
      );
    }
  });
  for (const source of sources) {
    const matching = findMatchingRules(source, rules);
    for (const rule of matching) used.add(rule);
    for (let index = 1; index < matching.length; index += 1) {
      const [less, more] = [matching[index - 1], matching[index]];
      if (compareSpecificity(measureSpecificity(less.pattern), measureSpecificity(more.pattern)) === 0 && less.pattern.toLowerCase() !== more.pattern.toLowerCase()) {
        once(
          `tie:${less.pattern}:${more.pattern}`,
          at(
            more,
            void 0,
            `ties with ${describeRule(less)}: both match source '${source}' and neither is more specific (exact name > fewer wildcards > more literal characters); make one of them more specific`
          )
        );
      }
    }
    const naming = matching.filter((rule) => rule.name !== void 0);
    const names = new Set(naming.map((rule) => rule.name?.toLowerCase()));
    if (names.size > 1) {
      const [first, ...others] = naming;
      for (const other of others) {
        once(
          `name:${source}:${other.pattern}`,
          at(other, "name", `gives source '${source}' a different name than ${describeRule(first)}; one secret can have only one name`)
        );
      }
    }
    const settings = resolveSettings(source, matching, defaults);
    const tagged = matching.findLast((rule) => rule.tags !== void 0);
    if (tagged !== void 0 && Object.keys(settings.tags).length > MAX_USER_TAGS) {
      once(
        `tags:${tagged.pattern}`,
        at(
          tagged,
          "tags",
          `gives source '${source}' ${Object.keys(settings.tags).length} tags with the 'tags' input; at most ${MAX_USER_TAGS} are allowed (Key Vault allows 15 and the action writes its own)`
        )
      );
    }
    const renewing = matching.findLast((rule) => rule.renewBeforeSeconds !== void 0);
    if (renewing !== void 0 && settings.renewBeforeSeconds !== void 0) {
      if (settings.expiresInSeconds === void 0) {
        once(
          `renew:${renewing.pattern}`,
          at(renewing, "renew-before", `applies to source '${source}', which has no expiry: set expires-in (in a rule or the input)`)
        );
      } else if (settings.renewBeforeSeconds >= settings.expiresInSeconds) {
        once(
          `renew:${renewing.pattern}`,
          at(
            renewing,
            "renew-before",
            `must be shorter than the expiry of source '${source}' (${formatDuration(settings.expiresInSeconds)}), or every run would write a new version`
          )
        );
      }
    }
  }
  for (const rule of rules) {
    if (!used.has(rule))
      once(
        `unused:${rule.place.line}:${rule.pattern}`,
        at(
          rule,
          void 0,
          `'${rule.pattern}' matches no source name (rules match source names as written, before prefix and name transform, ignoring case)`
        )
      );
  }
  return problems.sort((a, b) => a.place.origin.localeCompare(b.place.origin) || a.place.line - b.place.line);
}

// src/engine/rules/load-rules.ts
async function readRules(sources, readFile) {
  const problems = [];
  const rules = [];
  if (sources.text === void 0 && sources.file === void 0) return rules;
  const { parseRules: parseRules2 } = await Promise.resolve().then(() => (init_parse_rules(), parse_rules_exports));
  if (sources.text !== void 0) {
    const parsed = parseRules2(sources.text, "input 'rules'");
    rules.push(...parsed.rules);
    problems.push(...parsed.problems);
  }
  if (sources.file !== void 0) {
    const text2 = await readRulesFile(sources.file, readFile);
    const parsed = parseRules2(text2, `rules-file '${sources.file}'`);
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
  } catch (error2) {
    const code = error2.code;
    const why = error2 instanceof FileRefusedError ? error2.rule.replaceAll("env-file", "rules-file") : code === "ENOENT" ? "no such file" : errorMessage(error2);
    throw new SyncError(
      `Failed to read rules-file '${path}': ${why}`,
      "rules-file is a path relative to the workspace; check it out first (actions/checkout)."
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SyncError(`Failed to read rules-file '${path}': it is not UTF-8 text`);
  }
}
function throwProblems(problems) {
  if (problems.length === 0) return;
  const count2 = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  throw new SyncError(
    `Invalid per-secret rules (${count2}):
${problems.map((problem2) => `- ${describeProblem(problem2)}`).join("\n")}`,
    "Rules map source names or patterns to settings; see the README section 'Per-secret rules'."
  );
}
function assertRules(rules, sources, defaults) {
  throwProblems(checkRules(rules, sources, defaults));
}
function attachSettings(desired, rules, defaults) {
  if (rules.length === 0) return [...desired];
  return desired.map((secret) => ({ ...secret, metadata: resolveSettings(secret.source, rules, defaults) }));
}
function nameSecretsWithRules(entries, naming, rules, defaults) {
  if (rules.length === 0) return nameSecrets(entries, naming);
  const selected = entries.map((entry) => entry.key).filter((key) => isSelected(key, naming));
  assertRules(rules, selected, defaults);
  const named = nameSecrets(entries, { ...naming, nameFor: (key) => findRuleName(key, rules) });
  return { desired: attachSettings(named.desired, rules, defaults), rejected: named.rejected };
}

// src/engine/sources/env-file-source.ts
init_errors();

// src/engine/sources/decode-utf8.ts
init_errors();
function decodeUtf8File(bytes, file) {
  const utf16 = detectUtf16(bytes);
  if (utf16 !== void 0) {
    throw new InputError("env-file", `${file} is ${utf16}, not UTF-8`, "Save the file as UTF-8 (without a byte order mark is best).");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      "env-file",
      `${file} line ${findInvalidLine(bytes)}: is not valid UTF-8`,
      "Save the file as UTF-8; a byte from another encoding (such as Latin-1 \xE9) would otherwise be stored as a replacement character."
    );
  }
}
function detectUtf16(bytes) {
  const [first, second] = bytes;
  if (first === 255 && second === 254) return "UTF-16 (little endian, with a byte order mark)";
  if (first === 254 && second === 255) return "UTF-16 (big endian, with a byte order mark)";
  if (first === void 0 || second === void 0) return void 0;
  if (first !== 0 && second === 0) return "UTF-16 (little endian)";
  if (first === 0 && second !== 0) return "UTF-16 (big endian)";
  return void 0;
}
function findInvalidLine(bytes) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    line += 1;
    start = end + 1;
  }
  return line;
}

// src/engine/sources/dotenv-file.ts
init_errors();

// src/engine/sources/dotenv-lines.ts
init_errors();
var QUOTE_HINT = 'A value that spans lines must be quoted: KEY="-----BEGIN PRIVATE KEY-----" on the first line, the other lines as they are, and the closing quote after -----END PRIVATE KEY-----. Or write it on one line with \\n between the lines inside double quotes.';
var SKIPPED_HINT = "dotenv would skip this line without a word. If it continues a multi-line value from a line above, quote that value; otherwise fix the line or make it a comment (# at its start).";
function checkDotenvLines(src, entries, lineOf2, file) {
  const problems = [...findSkippedLines(src, entries, lineOf2), ...entries.flatMap(findEntryProblem)];
  if (problems.length === 0) return;
  problems.sort((a, b) => a.line - b.line);
  const [first, ...others] = problems;
  const otherLines = [...new Set(others.map((problem2) => problem2.line).filter((line) => line !== first.line))];
  const also = otherLines.length === 0 ? "" : `
Lines with other problems: ${formatLines(otherLines)}.`;
  throw new InputError("env-file", `${file} line ${first.line}: ${first.rule}`, `${first.hint}${also}`);
}
function formatLines(lines) {
  const shown = lines.slice(0, 10).join(", ");
  return lines.length > 10 ? `${shown} and ${lines.length - 10} more` : shown;
}
function findSkippedLines(src, entries, lineOf2) {
  const problems = [];
  let next = 0;
  let start = 0;
  while (start <= src.length) {
    LINE_BREAK2.lastIndex = start;
    const end = LINE_BREAK2.exec(src)?.index ?? src.length;
    while (next < entries.length && entries[next].end < start) next += 1;
    const entry = entries[next];
    const covered = entry !== void 0 && entry.start <= start;
    const text2 = src.slice(start, end).trim();
    if (!covered && text2 !== "" && !text2.startsWith("#")) {
      problems.push({ line: lineOf2(start), rule: describeSkippedLine(text2), hint: SKIPPED_HINT });
    }
    start = end + 1;
  }
  return problems;
}
var LINE_BREAK2 = /[\n\u2028\u2029]/g;
function describeSkippedLine(text2) {
  if (text2.includes("\0")) return "holds a NUL character; dotenv would skip the line";
  const withoutExport = text2.replace(/^export\s+/, "");
  const equals = withoutExport.indexOf("=");
  const key = equals === -1 ? "" : withoutExport.slice(0, equals).trim();
  if (/\s/.test(key)) return "has a space in its key; dotenv would skip the line";
  if (key !== "" && !/^[\w.-]+$/.test(key)) {
    return "has a key with a character dotenv does not read (keys use letters, digits, '_', '.' and '-'); dotenv would skip the line";
  }
  return "is not KEY=VALUE, a comment or a blank line; dotenv would skip it";
}
var PEM_BEGIN = /-----BEGIN [^\n]*?-----/g;
var PEM_END = "-----END ";
var BASE64_LIKE = /^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{16,}$/;
function findEntryProblem(entry) {
  if (entry.key === "__proto__") {
    return [{ line: entry.line, rule: "uses the key __proto__, which dotenv ignores", hint: "Rename the key." }];
  }
  if (opensPemWithoutEnd(entry.value)) {
    return [
      {
        line: entry.line,
        rule: "the value opens a PEM block (-----BEGIN \u2026-----) that it does not close; an unquoted multi-line value falls apart into separate lines",
        hint: QUOTE_HINT
      }
    ];
  }
  const fragment = /^=+$/.test(entry.value) || entry.key.startsWith("-----");
  const emptyBase64Key = entry.value === "" && BASE64_LIKE.test(entry.key);
  if (fragment || emptyBase64Key) {
    return [
      {
        line: entry.line,
        rule: "looks like a piece of an unquoted multi-line value (a line of base64 text or PEM armour read as KEY=VALUE)",
        hint: emptyBase64Key ? `${QUOTE_HINT} If the line is a real entry, its value is empty and it is never synced: remove the line.` : QUOTE_HINT
      }
    ];
  }
  return [];
}
function opensPemWithoutEnd(value) {
  const begins = [...value.matchAll(PEM_BEGIN)].map((match) => match.index);
  return begins.some((begin, index) => {
    const end = value.indexOf(PEM_END, begin);
    return end === -1 || end > (begins[index + 1] ?? Infinity);
  });
}

// src/engine/sources/dotenv-file.ts
function parseDotenv(text2, file) {
  const src = text2.replace(/\r\n?/g, "\n");
  const lines = new LineCounter2(src);
  const found = /* @__PURE__ */ new Map();
  const read = [];
  let position = 0;
  while (position <= src.length) {
    const lineStart = findLineStart(src, position);
    if (lineStart === void 0) break;
    const attempt = readEntryAt(src, lineStart);
    if (attempt.ok && attempt.unclosedQuote !== void 0) {
      throw unclosedQuoteError(file, lines.lineOf(attempt.keyStart), attempt.key, attempt.unclosedQuote);
    }
    if (attempt.ok) {
      read.push({ key: attempt.key, value: attempt.value, line: lines.lineOf(attempt.keyStart), start: lineStart, end: attempt.end });
      if (attempt.key !== "__proto__") {
        const entry = {
          key: attempt.key,
          value: attempt.value,
          origin: { kind: "dotenv", file, line: lines.lineOf(attempt.keyStart) }
        };
        const earlier = found.get(attempt.key);
        if (earlier) Object.assign(earlier, entry);
        else found.set(attempt.key, entry);
      }
      position = Math.max(attempt.end, lineStart + 1);
    } else {
      position = attempt.retryFrom;
    }
  }
  checkDotenvLines(src, read, (offset2) => lines.lineOf(offset2), file);
  return [...found.values()];
}
function unclosedQuoteError(file, line, key, quote) {
  return new InputError(
    "env-file",
    `${file} line ${line}: the value of ${key} opens a ${quote} quote that never closes; dotenv would read the lines after it as separate entries`,
    "Close the value with the same quote. A multi-line value may close on a later line, with nothing but spaces or a # comment after the closing quote."
  );
}
var KEY_RUN = /[\w.-]*/y;
var SPACE_RUN = /\s*/y;
var UNQUOTED_VALUE_END = /[#\n\r]/g;
var QUOTES = /* @__PURE__ */ new Set(["'", '"', "`"]);
function isSpace(char) {
  return char !== void 0 && /^\s$/.test(char);
}
function isLineTerminator(char) {
  return char === "\n" || char === "\r" || char === "\u2028" || char === "\u2029";
}
function endOfRun(pattern, src, from) {
  pattern.lastIndex = from;
  return from + (pattern.exec(src)?.[0].length ?? 0);
}
function skipSpaces(src, from) {
  return endOfRun(SPACE_RUN, src, from);
}
function findLineStart(src, from) {
  for (let index = from; index <= src.length; index += 1) {
    if (index === 0 || isLineTerminator(src[index - 1])) return index;
  }
  return void 0;
}
function readEntryAt(src, lineStart) {
  const start = skipSpaces(src, lineStart);
  const failure2 = { ok: false, retryFrom: start + 1 };
  if (src.startsWith("export", start) && isSpace(src[start + 6])) {
    const afterExport = readKeyAndValue(src, skipSpaces(src, start + 6));
    if (afterExport) return afterExport;
  }
  return readKeyAndValue(src, start) ?? failure2;
}
function readKeyAndValue(src, keyStart) {
  const keyEnd = endOfRun(KEY_RUN, src, keyStart);
  if (keyEnd === keyStart) return void 0;
  let valueStart;
  const equals = skipSpaces(src, keyEnd);
  if (src[equals] === "=") valueStart = equals + 1;
  else if (src[keyEnd] === ":" && isSpace(src[keyEnd + 1])) valueStart = keyEnd + 2;
  else return void 0;
  const { raw, end, unclosedQuote } = readRawValue(src, valueStart);
  return { ok: true, key: src.slice(keyStart, keyEnd), keyStart, value: cleanValue(raw), end, unclosedQuote };
}
function readRawValue(src, valueStart) {
  const open = skipSpaces(src, valueStart);
  const quote = src[open];
  let unclosedQuote;
  if (quote !== void 0 && QUOTES.has(quote)) {
    for (const close of listClosingQuotes(src, open, quote)) {
      if (endsEntry(src, close + 1)) return { raw: src.slice(valueStart, close + 1), end: close + 1, unclosedQuote: void 0 };
    }
    if (!hasUnescapedQuoteOnLine(src, open, quote)) unclosedQuote = quote;
  }
  UNQUOTED_VALUE_END.lastIndex = valueStart;
  const end = UNQUOTED_VALUE_END.exec(src)?.index ?? src.length;
  return { raw: src.slice(valueStart, end), end, unclosedQuote };
}
function hasUnescapedQuoteOnLine(src, open, quote) {
  for (let index = open + 1; index < src.length && src[index] !== "\n"; index += 1) {
    if (src[index] === quote && src[index - 1] !== "\\") return true;
  }
  return false;
}
function listClosingQuotes(src, open, quote) {
  const escaped = [];
  let index = open + 1;
  while (index < src.length) {
    if (src[index] === "\\" && src[index + 1] === quote) {
      escaped.push(index + 1);
      index += 2;
    } else if (src[index] !== quote) {
      index += 1;
    } else {
      return [index, ...escaped.reverse()];
    }
  }
  return escaped.reverse();
}
function endsEntry(src, from) {
  let index = from;
  while (isSpace(src[index])) {
    if (isLineTerminator(src[index])) return true;
    index += 1;
  }
  return index === src.length || src[index] === "#";
}
var SURROUNDING_QUOTES = /^(['"`])([\s\S]*)\1$/gm;
function cleanValue(raw) {
  const trimmed = raw.trim();
  const unquoted = trimmed.replace(SURROUNDING_QUOTES, "$2");
  if (trimmed[0] !== '"') return unquoted;
  return unquoted.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
}
var LineCounter2 = class {
  starts = [0];
  constructor(src) {
    for (let index = src.indexOf("\n"); index !== -1; index = src.indexOf("\n", index + 1)) this.starts.push(index + 1);
  }
  lineOf(offset2) {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.starts[mid] <= offset2) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
};

// src/engine/sources/env-file-source.ts
async function* readEnvFileSource(spec, io) {
  for (const [index, path] of spec.envFiles.entries()) {
    let bytes;
    try {
      bytes = await io.readFile(path);
    } catch (error2) {
      throw toReadError(error2, path, index);
    }
    const entries = parseDotenv(decodeUtf8File(bytes, path), path);
    if (entries.length === 0) {
      io.warn(`env-file entry ${index + 1} ('${path}') holds no entries: it is empty or has only comments and blank lines.`);
    }
    yield entries;
  }
}
function toReadError(error2, path, index) {
  if (error2 instanceof FileRefusedError) {
    return new InputError(
      "env-file",
      `entry ${index + 1} ('${path}') ${error2.rule}`,
      "Keep the dotenv file in the repository, or have an earlier step write it to $RUNNER_TEMP."
    );
  }
  const code = readErrorCode(error2);
  const hint = code === "ENOENT" ? "Paths are relative to the job's working directory (usually the repository root); check the path and that the job checks out the repository (actions/checkout)." : void 0;
  return new InputError("env-file", `cannot read entry ${index + 1} ('${path}'): ${code}`, hint);
}
function readErrorCode(error2) {
  if (error2 !== null && typeof error2 === "object" && "code" in error2 && typeof error2.code === "string") {
    return error2.code;
  }
  return "unknown error";
}

// src/engine/sources/secrets-json.ts
init_errors();
var INPUT = "secrets";
var HINT = "Pass a JSON object of name to string value, usually secrets: ${{ toJSON(secrets) }}";
function* readSecretsSource(spec) {
  if (spec.secretsJson !== void 0) yield parseSecretsJson(spec.secretsJson);
}
function parseSecretsJson(text2) {
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch {
    throw new InputError(INPUT, `is not valid JSON ${describeJsonErrorPosition(text2)}`, HINT);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InputError(INPUT, `must be a JSON object of name to string value, not ${describeJsonType(parsed)}`, HINT);
  }
  const duplicate = findDuplicateKey(text2);
  if (duplicate !== void 0) {
    const name = SECRET_NAME_SHAPE.test(duplicate.key) ? ` ('${duplicate.key}')` : "";
    throw new InputError(
      INPUT,
      `has a repeated key: the ${ordinal(duplicate.position)} key${name} repeats the ${ordinal(duplicate.firstPosition)}; each name may appear once`,
      "Remove one of the two entries; JSON would otherwise keep the later value without a word."
    );
  }
  const entries = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key === "") throw new InputError(INPUT, "has an entry with an empty name", HINT);
    if (typeof value !== "string") {
      throw new InputError(INPUT, `entry '${key}' is ${describeJsonType(value)}; every value must be a string`, HINT);
    }
    entries.push({ key, value, origin: { kind: "secrets" } });
  }
  return entries;
}
var SECRET_NAME_SHAPE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
function ordinal(position) {
  const tens = position % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][position % 10] ?? "th";
  return `${position}${suffix}`;
}
function findDuplicateKey(text2) {
  const checker = new JsonChecker(text2);
  try {
    checker.skipSpace();
    checker.value(0);
  } catch {
    return void 0;
  }
  const firstPositionOf = /* @__PURE__ */ new Map();
  for (const [index, [start, end]] of checker.topLevelKeys.entries()) {
    const key = JSON.parse(text2.slice(start, end));
    const earlier = firstPositionOf.get(key);
    if (earlier !== void 0) return { key, position: index + 1, firstPosition: earlier };
    firstPositionOf.set(key, index + 1);
  }
  return void 0;
}
function describeJsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
function describeJsonErrorPosition(text2) {
  const offset2 = findJsonErrorOffset(text2);
  if (offset2 === void 0) return "(position unknown)";
  if (offset2 >= text2.length) return "(it ends early)";
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset2; index += 1) {
    if (text2[index] === "\n") {
      line += 1;
      lineStart = index + 1;
    }
  }
  return `(line ${line}, column ${offset2 - lineStart + 1})`;
}
function findJsonErrorOffset(text2) {
  const checker = new JsonChecker(text2);
  try {
    checker.skipSpace();
    checker.value(0);
    checker.skipSpace();
    if (checker.index < text2.length) return checker.index;
    return void 0;
  } catch (error2) {
    if (error2 instanceof JsonSyntaxAt) return error2.offset;
    if (error2 instanceof JsonTooDeep) return void 0;
    throw error2;
  }
}
var JsonSyntaxAt = class extends Error {
  offset;
  constructor(offset2) {
    super(`JSON syntax error at offset ${offset2}`);
    this.offset = offset2;
  }
};
var JsonTooDeep = class extends Error {
};
var MAX_DEPTH = 512;
var JsonChecker = class {
  text;
  index = 0;
  /** Start and end offsets of the keys of the outermost object, quotes included. */
  topLevelKeys = [];
  constructor(text2) {
    this.text = text2;
  }
  fail() {
    throw new JsonSyntaxAt(this.index);
  }
  skipSpace() {
    while (this.index < this.text.length && " 	\n\r".includes(this.text[this.index])) this.index += 1;
  }
  expect(char) {
    if (this.text[this.index] !== char) this.fail();
    this.index += 1;
  }
  value(depth) {
    if (depth > MAX_DEPTH) throw new JsonTooDeep("JSON nesting too deep to locate the error");
    const char = this.text[this.index];
    if (char === "{") this.object(depth);
    else if (char === "[") this.array(depth);
    else if (char === '"') this.string();
    else if (char === "-" || char !== void 0 && char >= "0" && char <= "9") this.number();
    else if (!["true", "false", "null"].some((word) => this.literal(word))) this.fail();
  }
  literal(word) {
    for (let offset2 = 0; offset2 < word.length; offset2 += 1) {
      if (this.text[this.index + offset2] !== word[offset2]) {
        if (offset2 === 0) return false;
        this.index += offset2;
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
    for (; ; ) {
      this.skipSpace();
      const keyStart = this.index;
      this.string();
      if (depth === 0) this.topLevelKeys.push([keyStart, this.index]);
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
    for (; ; ) {
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
    for (; ; ) {
      const char = this.text[this.index];
      if (char === void 0 || char < " ") this.fail();
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
        } else if (escape !== void 0 && '"\\/bfnrt'.includes(escape)) {
          this.index += 2;
        } else {
          this.index += 1;
          this.fail();
        }
      } else {
        this.index += 1;
      }
    }
  }
  number() {
    if (this.text[this.index] === "-") this.index += 1;
    if (this.text[this.index] === "0") this.index += 1;
    else this.digits();
    if (this.text[this.index] === ".") {
      this.index += 1;
      this.digits();
    }
    if (this.text[this.index] === "e" || this.text[this.index] === "E") {
      this.index += 1;
      if (this.text[this.index] === "+" || this.text[this.index] === "-") this.index += 1;
      this.digits();
    }
  }
  digits() {
    const start = this.index;
    while (/^[0-9]$/.test(this.text[this.index] ?? "")) this.index += 1;
    if (this.index === start) this.fail();
  }
};

// src/engine/sources/read-sources.ts
var SOURCE_KINDS = [readSecretsSource, readEnvFileSource];
async function readSources(spec, io) {
  const entries = [];
  for (const readKind of SOURCE_KINDS) {
    for await (const batch of readKind(spec, io)) entries.push(...maskEntries(batch, io));
  }
  return entries;
}
function maskEntries(entries, io) {
  for (const entry of entries) {
    for (const fragment of listMaskFragments(entry.value)) io.mask(fragment);
  }
  return entries;
}
function listMaskFragments(value) {
  if (value === "") return [];
  const fragments = [value];
  if (/[\r\n]/.test(value)) {
    for (const line of value.split(/\r\n|\r|\n/)) {
      if (line !== "" && !fragments.includes(line)) fragments.push(line);
    }
  }
  return fragments;
}

// src/engine/sync-by-name.ts
init_limiter();
init_secret_names();
init_vault_errors();

// src/engine/vault-state.ts
init_vault_errors();
init_errors();
init_limiter();
init_tags();
function toReadFailure(error2) {
  if (error2 instanceof VaultError) return { kind: error2.failure.kind, message: error2.message, hint: error2.hint };
  return { kind: "other", message: errorMessage(error2), hint: void 0 };
}
function toListingError(error2) {
  if (error2 instanceof SyncError) return error2;
  return new SyncError(`Failed to read the vault: ${errorMessage(error2)}`);
}
function needsValue(secret, owner, adopt) {
  if (secret.managed || !secret.enabled) return false;
  return decideWrite(secret.tags, owner, adopt ?? true).kind === "allowed";
}
function needsHistory(secret, owner) {
  return !secret.managed && readOwnership(secret.tags, owner).kind === "unmanaged";
}
async function readHistory(vault, name, owner) {
  try {
    const versions = await vault.listVersions(name);
    const owned = versions.filter((version2) => readOwnership(version2.tags, owner).kind === "ours");
    if (owned.length === 0) return { kind: "never-owned" };
    const dates = owned.map((version2) => version2.createdOn?.getTime()).filter((time) => time !== void 0);
    return { kind: "owned-before", lastOwnedOn: dates.length > 0 ? new Date(Math.max(...dates)) : void 0 };
  } catch (error2) {
    return { kind: "failed", failure: toReadFailure(error2) };
  }
}
async function readExisting(vault, listed, options) {
  const history = needsHistory(listed, options.owner) ? await readHistory(vault, listed.name, options.owner) : void 0;
  if (!needsValue(listed, options.owner, options.adopt)) return { ...listed, value: { kind: "not-read" }, history };
  try {
    const read = await vault.getSecret(listed.name);
    if (!read.found) {
      const failure2 = {
        kind: "not-found",
        message: `'${listed.name}' disappeared while the vault was being read`,
        hint: "Run the sync again."
      };
      return { ...listed, value: { kind: "failed", failure: failure2 }, history };
    }
    for (const fragment of listMaskFragments(read.value)) options.mask?.(fragment);
    return { ...read.properties, value: { kind: "read", value: read.value }, history };
  } catch (error2) {
    return { ...listed, value: { kind: "failed", failure: toReadFailure(error2) }, history };
  }
}
async function readVaultState(vault, desired, options) {
  if (options.listAll === false) {
    const reader = createNameReader(vault, options);
    const parts = await mapWithConcurrency(desired, options.concurrency, (secret) => reader.read(secret.name));
    return mergeStates(vault.vaultUrl, parts);
  }
  const wanted = new Set(desired.map((secret) => secret.name.toLowerCase()));
  const gate = createConcurrencyGate(options.concurrency);
  const reads = /* @__PURE__ */ new Map();
  const startReads = (page) => {
    for (const secret of page) {
      const key = secret.name.toLowerCase();
      if (wanted.has(key) && !reads.has(key))
        reads.set(
          key,
          gate(() => readExisting(vault, secret, options))
        );
    }
  };
  let listed;
  try {
    listed = await vault.listSecrets(startReads);
  } catch (error2) {
    throw toListingError(error2);
  }
  const deletedListing = gate(async () => {
    try {
      return { deleted: await vault.listDeletedSecrets(), deletedUnavailable: void 0 };
    } catch (error2) {
      return { deleted: [], deletedUnavailable: toReadFailure(error2) };
    }
  });
  const readByName = /* @__PURE__ */ new Map();
  for (const [key, read] of reads) readByName.set(key, await read);
  const secrets = listed.map(
    (secret) => readByName.get(secret.name.toLowerCase()) ?? { ...secret, value: { kind: "not-read" }, history: void 0 }
  );
  return { vaultUrl: vault.vaultUrl, secrets, ...await deletedListing };
}
function createNameReader(vault, options) {
  let listing;
  const findListed = async (name) => {
    listing ??= vault.listSecrets().then(
      (listed) => new Map(listed.map((secret) => [secret.name.toLowerCase(), secret])),
      (error2) => Promise.reject(toListingError(error2))
    );
    return (await listing).get(name.toLowerCase());
  };
  async function readDeleted(name) {
    try {
      return { existing: void 0, deleted: await vault.getDeletedSecret(name), deletedUnavailable: void 0 };
    } catch (error2) {
      return { existing: void 0, deleted: void 0, deletedUnavailable: toReadFailure(error2) };
    }
  }
  return {
    async read(name) {
      let read;
      try {
        read = await vault.getSecret(name);
      } catch (error2) {
        const listed = await findListed(name);
        if (listed === void 0) return readDeleted(name);
        const history2 = needsHistory(listed, options.owner) ? await readHistory(vault, listed.name, options.owner) : void 0;
        const value2 = needsValue(listed, options.owner, options.adopt) ? { kind: "failed", failure: toReadFailure(error2) } : { kind: "not-read" };
        return { existing: { ...listed, value: value2, history: history2 }, deleted: void 0, deletedUnavailable: void 0 };
      }
      if (!read.found) return readDeleted(name);
      const properties = read.properties;
      for (const fragment of listMaskFragments(read.value)) options.mask?.(fragment);
      const history = needsHistory(properties, options.owner) ? await readHistory(vault, properties.name, options.owner) : void 0;
      const value = needsValue(properties, options.owner, options.adopt) ? { kind: "read", value: read.value } : { kind: "not-read" };
      return { existing: { ...properties, value, history }, deleted: void 0, deletedUnavailable: void 0 };
    }
  };
}
function mergeStates(vaultUrl, parts) {
  const state = { vaultUrl, secrets: [], deleted: [], deletedUnavailable: void 0 };
  for (const part of parts) {
    if (part.existing !== void 0) state.secrets.push(part.existing);
    if (part.deleted !== void 0) state.deleted.push(part.deleted);
    state.deletedUnavailable ??= part.deletedUnavailable;
  }
  return state;
}

// src/engine/sync-by-name.ts
async function syncByName(vault, input, options) {
  const planOptions = { ...options.plan, prune: false };
  const reader = createNameReader(vault, options.read);
  const settle = async (plan) => {
    if (!options.dryRun) return applyPlan(plan, vault, { ...options.apply, concurrency: 1 });
    const predicted = predictResults(plan);
    for (const result of predicted) options.apply.onResult?.(result);
    return predicted;
  };
  let refusedValues = 0;
  const done = await mapWithConcurrency(
    input.desired,
    options.apply.concurrency,
    async (secret) => {
      const found = await reader.read(secret.name);
      const value = found.existing?.value;
      if (value?.kind === "failed" && isAccessDenied(value.failure.kind)) refusedValues += 1;
      const plan = planChanges({ desired: [secret], rejected: [], state: mergeStates(vault.vaultUrl, [found]), options: planOptions });
      const [result] = await settle(plan);
      return { item: plan.items[0], result };
    }
  );
  const rejectedPlan = planChanges({ desired: [], rejected: input.rejected, state: mergeStates(vault.vaultUrl, []), options: planOptions });
  const rejectedResults = await settle(rejectedPlan);
  const rejected = rejectedPlan.items.map((item, index) => ({ item, result: rejectedResults[index] }));
  const ordered = [...rejected, ...done].sort((left, right) => compareBySecretName(left.item, right.item));
  return { results: ordered.map((entry) => entry.result), refusedValues };
}

// src/engine/sync.ts
init_vault_errors();
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
      }
    };
  };
  if (connection && !inputs.prune) {
    const title = inputs.dryRun ? "Read and plan each secret (dry run: nothing is written)" : "Read, plan and apply each secret";
    return edges.stage(title, async () => {
      const apply = applyOptions(connection.claims, desired.length + rejected.length);
      const synced = await syncByName(connection.vault, { desired, rejected }, { read, plan: planOptions, apply, dryRun: inputs.dryRun });
      if (synced.refusedValues > 0) edges.noteRefusedValues(synced.refusedValues);
      edges.trace?.info(`Plan: ${describeActions(synced.results.map((result) => result.action))}.`);
      return synced.results;
    });
  }
  const state = connection ? await edges.stage("Read the vault", async () => {
    const state2 = await readVaultState(connection.vault, desired, read);
    const unread = state2.secrets.filter((secret) => secret.value.kind === "failed").length;
    edges.trace?.debug(
      `Vault state: ${state2.secrets.length} secrets, ${state2.deleted.length} soft-deleted, ${unread} values not readable${state2.deletedUnavailable ? ", deleted secrets not listed" : ""}`
    );
    return state2;
  }) : void 0;
  const refused = (state?.secrets ?? []).filter(
    (secret) => secret.value.kind === "failed" && isAccessDenied(secret.value.failure.kind)
  ).length;
  if (refused > 0) edges.noteRefusedValues(refused);
  const plan = await edges.stage("Plan", () => {
    const plan2 = planChanges({ desired, rejected, state, options: planOptions });
    edges.trace?.info(`Plan: ${describeActions(plan2.items.map((item) => item.action))}.`);
    return plan2;
  });
  if (inputs.dryRun) return edges.stage("Apply (dry run: nothing is written)", () => predictResults(plan));
  if (connection === void 0) throw new SyncError("Failed to apply the plan: no vault client, and this is not a dry run");
  return edges.stage("Apply", () => applyPlan(plan, connection.vault, applyOptions(connection.claims, plan.items.length)));
}
function readDefaults(inputs) {
  return { contentType: inputs.contentType, tags: inputs.tags, expiresInSeconds: inputs.expiresInSeconds };
}
async function nameSources(inputs, edges) {
  const entries = await readSources(
    { secretsJson: inputs.secretsJson, envFiles: inputs.envFiles },
    { readFile: (path) => edges.readFile(path), mask: (value) => edges.mask(value), warn: (message) => edges.warning(message, "env-file") }
  );
  const rules = await readRules({ text: inputs.rules, file: inputs.rulesFile }, (path) => edges.readFile(path));
  const naming = { include: inputs.include, exclude: inputs.exclude, prefix: inputs.prefix, transform: inputs.nameTransform };
  const { desired, rejected } = nameSecretsWithRules(entries, naming, rules, readDefaults(inputs));
  const keys = entries.map((entry) => entry.key);
  for (const unused of findUnusedPatterns(keys, inputs)) edges.unusedPattern(unused);
  if (keys.length > 0 && desired.length + rejected.length === 0) {
    const { message, hint } = explainEmptySelection(keys, inputs);
    throw new SyncError(message, hint);
  }
  const skipped = rejected.filter((rejection) => rejection.status === "skipped").length;
  const excluded = entries.length - desired.length - rejected.length;
  edges.trace?.info(
    `Read ${entries.length} source entries: ${desired.length} to sync, ${skipped} empty (skipped), ${rejected.length - skipped} failing the naming rules, ${excluded} left out (include/exclude, github_token).`
  );
  return { inputs, desired, rejected };
}
function describeActions(actions) {
  const counts = /* @__PURE__ */ new Map();
  for (const action of actions) counts.set(action, (counts.get(action) ?? 0) + 1);
  return counts.size === 0 ? "nothing to do" : [...counts].map(([action, count2]) => `${count2} ${action}`).join(", ");
}

// src/action/main.ts
function createDefaultDeps() {
  return {
    io: createActionIO(),
    env: process.env,
    readFile: (path) => readEnvFile(path, listFileRoots(process.env, process.cwd())),
    now: () => /* @__PURE__ */ new Date(),
    cwd: () => process.cwd(),
    // The Azure SDK is loaded only when a run signs in: an offline dry run never compiles it.
    // Every SDK client is made after the credential, so its log is neutralised from the start.
    createCredential: async (options) => {
      await neutraliseSdkLog();
      return (await Promise.resolve().then(() => (init_entra(), entra_exports))).createCredential(options);
    },
    createKeyVault: async (vaultUrl, credential, options) => (await Promise.resolve().then(() => (init_key_vault(), key_vault_exports))).createKeyVault(vaultUrl, credential, options),
    setExitCode: (code) => {
      process.exitCode = code;
    }
  };
}
async function run(deps = createDefaultDeps()) {
  if (deps.io.getInput("command").trim().toLowerCase() === "check") return (await Promise.resolve().then(() => (init_check_command(), check_command_exports))).runCheckCommand(deps);
  const context = { inputs: void 0, notes: [], results: void 0 };
  try {
    await runAndReport(deps, context);
  } finally {
    context.agent?.destroy();
  }
}
async function runAndReport(deps, context) {
  const links = readRepositoryLinks(deps.env, deps.cwd());
  try {
    const results = await syncSecrets2(deps, context);
    context.results = results;
    const inputs = context.inputs;
    const report2 = { ...describeRun(inputs), notes: context.notes, links };
    await writeReport(results, report2, deps.io);
    writeReferenceOutputs(results, { ...inputs, tempDir: deps.env["RUNNER_TEMP"] || void 0 }, deps.io);
    failOnFailedResults(results, deps);
  } catch (error2) {
    if (context.results !== void 0) {
      const counts = countResults(context.results);
      const done = Object.entries(counts).map(([status, count2]) => `${count2} ${status}`).join(", ");
      deps.io.setFailed(`The sync finished (${done}) but reporting it failed: ${describeFatal(error2)}`);
      return;
    }
    const settings = context.inputs === void 0 ? {} : describeRun(context.inputs);
    await writeFailureSummary(error2, { ...settings, notes: context.notes, links }, deps.io).catch(
      (summaryError) => deps.io.warning(`Failed to write the job summary: ${errorMessage(summaryError)}`)
    );
    deps.io.setFailed(describeFatal(error2));
  }
}
function describeRun(inputs) {
  const { vaultUrl, dryRun, dryRunReason, prefix: prefix2, owner, prune, adopt } = inputs;
  return { vaultUrl, dryRun, dryRunReason, settings: { prefix: prefix2, owner, prune, adopt } };
}
async function inStage(deps, title, work) {
  const started = deps.now().getTime();
  deps.io.startGroup(title);
  try {
    return await work();
  } finally {
    deps.io.endGroup();
    deps.io.debug(`${title}: ${deps.now().getTime() - started} ms`);
  }
}
async function syncSecrets2(deps, context) {
  const { io, env } = deps;
  return syncSecrets(() => readAndDescribeInputs(deps, context), {
    readFile: (path) => deps.readFile(path),
    now: () => deps.now(),
    mask: (value) => io.setSecret(value),
    stage: (title, work) => inStage(deps, title, work),
    trace: { info: (message) => io.info(message), debug: (message) => io.debug(message) },
    warning: (message, title) => io.warning(message, { title }),
    unusedPattern: (unused) => io.warning(`${unused.input} pattern ${unused.position} ('${unused.pattern}') matched no source name.`, {
      title: `Unused ${unused.input} pattern`
    }),
    progress: (message) => io.info(message),
    connect: (inputs) => connect(inputs, deps, context),
    audit: (claims) => readAuditContext(env, claims),
    noteRefusedValues: (refused) => context.notes.push(
      `${refused} existing ${refused === 1 ? "value" : "values"} could not be read: the identity may list secrets but not read them (Key Vault Reader, or an access policy without 'get'), so their items say 'value not compared'. Key Vault Secrets User is enough for a dry run that compares values.`
    )
  });
}
function readAndDescribeInputs(deps, context) {
  const { io } = deps;
  const inputs = readInputs((name) => io.getInput(name), deps.env);
  context.inputs = inputs;
  io.info(`Vault: ${inputs.vaultUrl} (${inputs.cloud.name} cloud); ${inputs.dryRun ? "dry run" : "writing"} \u2014 ${inputs.dryRunReason}`);
  io.debug(
    `Settings: auth ${inputs.auth}, prefix '${inputs.prefix}', owner '${inputs.owner}', prune ${inputs.prune}, adopt ${inputs.adopt}, concurrency ${inputs.concurrency}, ${inputs.envFiles.length} env files, ${inputs.include.length} include and ${inputs.exclude.length} exclude patterns`
  );
  return inputs;
}
async function connect(inputs, deps, context) {
  const { io, env } = deps;
  if (inputs.auth === "oidc" && !hasOidcRequest(env)) {
    const missing = explainMissingOidc(env);
    if (!inputs.dryRun || !missing.withheldByGitHub) throw new SyncError(missing.message, missing.hint);
    context.notes.push(`Validated offline, without reading the vault. ${missing.message}`);
    return void 0;
  }
  deps.beforeFlagsChange?.();
  keepHeapSmall();
  const agent = await createConnectionAgent(env);
  context.agent = agent;
  const credential = await deps.createCredential({ ...readCredentialOptions(inputs, env, io), agent });
  const { verifySignIn: verifySignIn2 } = await Promise.resolve().then(() => (init_entra(), entra_exports));
  await verifySignIn2(credential, inputs.cloud.vaultScope);
  io.info(`Signed in to Microsoft Entra ID${inputs.clientId ? ` as ${inputs.clientId}` : ""}.`);
  const vault = await deps.createKeyVault(inputs.vaultUrl, credential, {
    log: (message) => io.info(message),
    // A line per request is work on every request; without step debug the runner drops it unread.
    debug: io.isDebug() ? (message) => io.debug(message) : void 0,
    clientId: inputs.clientId,
    agent
  });
  return { vault, claims: credential.presentedClaims };
}
function readAuditContext(env, claims) {
  const repository = env["GITHUB_REPOSITORY"];
  const runId = env["GITHUB_RUN_ID"];
  const serverUrl = env["GITHUB_SERVER_URL"] ?? "https://github.com";
  const attempt = env["GITHUB_RUN_ATTEMPT"];
  const runUrl = repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}` : void 0;
  return {
    repository,
    runUrl,
    commit: env["GITHUB_SHA"],
    ref: claims?.environment ? `environment:${claims.environment}` : env["GITHUB_REF"]
  };
}
function failOnFailedResults(results, deps) {
  const failed = countResults(results).failed;
  if (failed > 0) {
    deps.io.info(`${failed} of ${results.length} secrets could not be synced; each failure is annotated and listed in the job summary.`);
    deps.setExitCode(1);
  }
}
function describeFatal(error2) {
  const hint = error2 instanceof SyncError && error2.hint ? `
${error2.hint}` : "";
  return `${errorMessage(error2)}${hint}`;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createDefaultDeps,
  readAuditContext,
  run
});
