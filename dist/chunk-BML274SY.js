import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
import {
  MAX_TAGS,
  MAX_TAG_LENGTH,
  MAX_USER_TAGS,
  RESERVED_TAGS,
  checkGlob,
  matchesGlob
} from "./chunk-MWWY7IYR.js";
import {
  AZURE_LOGIN_CLOUD_NAMES,
  CLOUDS,
  CLOUD_NAMES,
  InputError,
  findCloudName,
  parseVault
} from "./chunk-Y7B54HM5.js";

// node_modules/zod/v4/core/util.js
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
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
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
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
    var _a2;
    (_a2 = iss).path ?? (_a2.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function attachSchema(issues, start, inst) {
  var _a2;
  for (let i = start; i < issues.length; i++) {
    (_a2 = issues[i]).schema ?? (_a2.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a2;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a2 = iss).schema ?? (_a2.schema = iss.inst);
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
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
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

// node_modules/zod/v4/core/core.js
var _a;
var NEVER = /* @__PURE__ */ Object.freeze({
  status: "aborted"
});
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
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
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
var $ZodEncodeError = class extends Error {
  constructor(name) {
    super(`Encountered unidirectional transform during encode: ${name}`);
    this.name = "ZodEncodeError";
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
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
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
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
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
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
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error;
  return {
    success: false,
    get error() {
      if (!error) {
        error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error;
    },
    set error(e) {
      error = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a2;
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
    (_a2 = inst._zod).deferred ?? (_a2.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
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
      const checkResult = runChecks(payload, checks, ctx);
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
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
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
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
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
var NO_SYMBOL_KEYS = [];
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
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
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
var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
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
var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
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
function handlePipeResult(left, next, ctx) {
  if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
    left.aborted = true;
    return left;
  }
  return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
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
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
var ZodMiniTransform = /* @__PURE__ */ $constructor("ZodMiniTransform", (inst, def) => {
  $ZodTransform.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function transform(fn) {
  return new ZodMiniTransform({
    type: "transform",
    transform: fn
  });
}
var ZodMiniPipe = /* @__PURE__ */ $constructor("ZodMiniPipe", (inst, def) => {
  $ZodPipe.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function pipe(in_, out) {
  return new ZodMiniPipe({
    type: "pipe",
    in: in_,
    out
  });
}

// src/engine/auth/auth-mode.ts
var AUTH_MODES = ["oidc", "azure-cli", "managed-identity"];

// src/engine/sources/source-entry.ts
function locateOrigin(origin) {
  return origin !== void 0 && "file" in origin ? { file: origin.file, line: origin.line } : void 0;
}

// src/engine/secret-names.ts
function compareText(left, right) {
  return left < right ? -1 : left > right ? 1 : 0;
}
function compareBySecretName(left, right) {
  const leftName = left.name ?? "";
  const rightName = right.name ?? "";
  return compareText(leftName.toLowerCase(), rightName.toLowerCase()) || compareText(leftName, rightName) || compareText(left.source ?? "", right.source ?? "");
}

// src/engine/naming.ts
var MAX_NAME_LENGTH = 127;
var MAX_VALUE_BYTES = 25 * 1024;
var GITHUB_TOKEN_NAME = "github_token";
var SECRET_NAME = /^[0-9A-Za-z-]+$/;
function nameSecrets(entries, rules) {
  const rejected = [];
  const named = [];
  for (const entry of entries) {
    if (!isSelected(entry.key, rules)) continue;
    const name = rules.prefix + (rules.nameFor?.(entry.key) ?? transformName(entry.key, rules.transform));
    const problem = findNameProblem(name, rules.transform);
    if (problem !== void 0) {
      rejected.push({ ...describe2(entry), name: name === "" ? void 0 : name, status: "failed", reason: problem });
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

// src/action/input-fields.ts
var INPUT_NAMES = [
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
var DEFAULT_CONCURRENCY = 16;
var MAX_CONCURRENCY = 64;
var MAX_CONTENT_TYPE_LENGTH = 255;
var MAX_AUDIENCE_LENGTH = 600;
var MAX_EXPIRES_IN_SECONDS = 100 * 365 * 24 * 60 * 60;
var MAX_PREFIX_LENGTH = MAX_NAME_LENGTH - 1;
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var TENANT_DOMAIN = /^[0-9a-zA-Z.-]+$/;
var TENANT_ALIASES = /* @__PURE__ */ new Set(["common", "organizations", "consumers"]);
var TRUE_SPELLINGS = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE_SPELLINGS = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
var DURATION_UNITS = {
  m: 60,
  h: 60 * 60,
  d: 24 * 60 * 60,
  w: 7 * 24 * 60 * 60
};
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
      const problem = checkGlob(pattern);
      if (problem !== void 0) report(ctx, input, `pattern ${index + 1} ${problem}`);
    });
    return patterns;
  });
}
var envFiles = text((value, ctx) => {
  const paths = splitList(value, false);
  paths.forEach((path, index) => {
    const earlier = paths.indexOf(path);
    if (earlier !== index) {
      report(ctx, "env-file", `entry ${index + 1} repeats entry ${earlier + 1}; each file may be listed once`);
    }
  });
  return paths;
});
var prefix = text((value, ctx) => {
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
var cloudChoice = text((value, ctx) => {
  if (value === "") return "public";
  const aliases = Object.keys(AZURE_LOGIN_CLOUD_NAMES).join(", ");
  return findCloudName(value) ?? report(ctx, "cloud", `must be one of ${CLOUD_NAMES.join(", ")}, or Azure/login's ${aliases}`);
});
var audience = text((value, ctx) => {
  if (value === "") return void 0;
  if (/\s/.test(value)) return report(ctx, "audience", "must not contain whitespace");
  if (value.length > MAX_AUDIENCE_LENGTH) {
    return report(ctx, "audience", `must be at most ${MAX_AUDIENCE_LENGTH} characters (a federated credential limit)`);
  }
  return value;
});
var contentType = text((value, ctx) => {
  if (value === "") return void 0;
  if (value.length > MAX_CONTENT_TYPE_LENGTH) {
    return report(ctx, "content-type", `must be at most ${MAX_CONTENT_TYPE_LENGTH} characters (a Key Vault limit); it has ${value.length}`);
  }
  return value;
});
var tags = text((value, ctx) => {
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
var expiresIn = text((value, ctx) => {
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
var CONCURRENCY_RULE = `must be a whole number from 1 to ${MAX_CONCURRENCY}`;
var concurrency = text((value, ctx) => {
  if (value === "") return DEFAULT_CONCURRENCY;
  const count = /^[0-9]{1,3}$/.test(value) ? Number(value) : Number.NaN;
  return count >= 1 && count <= MAX_CONCURRENCY ? count : report(ctx, "concurrency", CONCURRENCY_RULE);
});

// src/action/rule-inputs.ts
var optionalText = text((value) => value === "" ? void 0 : value);
var USER_ASSIGNED_IDENTITY = /^\/subscriptions\/[^/\s,]+\/resource[gG]roups\/[^/\s,]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/\s,]+$/i;
var identity = text((value, ctx) => {
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

// src/action/inputs.ts
var COMMANDS = ["sync", "check"];
var ACTION_LABEL = (input) => `input '${input}'`;
function readInputs(getInput, env, label = ACTION_LABEL) {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name).trim()]));
  const result = buildSchema(env, raw).safeParse(raw, { error: () => "is not valid" });
  if (result.success) return result.data;
  throw toInputError(result.error.issues, label);
}
function toInputError(issues, label) {
  const problems = issues.map((issue2) => ({
    input: String(issue2.path[0] ?? "inputs"),
    rule: issue2.message,
    hint: issue2.code === "custom" && typeof issue2.params?.hint === "string" ? issue2.params.hint : void 0
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

// src/action/markdown.ts
var INLINE_SYNTAX = /[\\`*_[\]()#~!|{}:@]/g;
function escapeMarkdown(text2) {
  if (PLAIN.test(text2)) return text2.replaceAll("_", "\\_");
  return escapeSyntax(text2);
}
var PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_, -]*$/;
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

export {
  locateOrigin,
  compareBySecretName,
  nameSecrets,
  isSelected,
  findUnusedPatterns,
  explainEmptySelection,
  splitList,
  readInputs,
  readCredentialOptions,
  escapeMarkdown,
  escapeWithCode,
  escapeCell,
  codeSpan,
  fence,
  link,
  table,
  alert
};
