import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);

// src/engine/tags.ts
var MANAGED_BY_TAG = "managed-by";
var MANAGED_BY_VALUE = "keyvault-sync";
var OWNER_TAG = "keyvault-sync-owner";
var PREFIX_TAG = "keyvault-sync-prefix";
var AUDIT_TAGS = {
  repository: "keyvault-sync-repository",
  run: "keyvault-sync-run",
  commit: "keyvault-sync-commit",
  ref: "keyvault-sync-ref"
};
var MAX_TAGS = 15;
var MAX_TAG_LENGTH = 256;
var RESERVED_TAGS = [MANAGED_BY_TAG, OWNER_TAG, PREFIX_TAG, ...Object.values(AUDIT_TAGS)];
var MAX_USER_TAGS = MAX_TAGS - RESERVED_TAGS.length;
function buildTags(scope, userTags, audit) {
  const tags = { ...userTags, [MANAGED_BY_TAG]: MANAGED_BY_VALUE, [OWNER_TAG]: scope.owner };
  if (scope.prefix !== "") tags[PREFIX_TAG] = scope.prefix;
  const auditValues = [
    [AUDIT_TAGS.repository, audit.repository],
    [AUDIT_TAGS.run, audit.runUrl],
    [AUDIT_TAGS.commit, audit.commit],
    [AUDIT_TAGS.ref, audit.ref]
  ];
  for (const [name, value] of auditValues) {
    if (value) tags[name] = value.slice(0, MAX_TAG_LENGTH);
  }
  return tags;
}
function readOwnership(tags, owner) {
  if (tags[MANAGED_BY_TAG] !== MANAGED_BY_VALUE) return { kind: "unmanaged" };
  const tagged = tags[OWNER_TAG];
  if (tagged === void 0 || tagged === "") return { kind: "unmanaged" };
  return tagged === owner ? { kind: "ours" } : { kind: "other-owner", owner: tagged };
}
function readPrefix(tags) {
  return tags[PREFIX_TAG] ?? "";
}
function isSamePrefix(left, right) {
  return left.toLowerCase() === right.toLowerCase();
}
function selectUserTags(tags) {
  const user = {};
  for (const [name, value] of Object.entries(tags)) {
    if (!RESERVED_TAGS.includes(name)) user[name] = value;
  }
  return user;
}

// src/engine/globs.ts
var NAME_CHAR = /^[0-9A-Za-z_.-]$/;
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

export {
  PREFIX_TAG,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  RESERVED_TAGS,
  MAX_USER_TAGS,
  buildTags,
  readOwnership,
  readPrefix,
  isSamePrefix,
  selectUserTags,
  checkGlob,
  matchesGlob,
  measureGlob
};
