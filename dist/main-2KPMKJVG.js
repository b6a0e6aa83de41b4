import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
const os = globalThis.process.getBuiltinModule("os");
const { closeSync, openSync, readSync } = globalThis.process.getBuiltinModule("node:fs");
const fs = globalThis.process.getBuiltinModule("fs");
const os2 = globalThis.process.getBuiltinModule("os");
const os3 = globalThis.process.getBuiltinModule("os");
const { format } = globalThis.process.getBuiltinModule("node:util");
const { accessSync, appendFileSync: appendFileSync2, constants } = globalThis.process.getBuiltinModule("node:fs");
const { EOL: EOL4 } = globalThis.process.getBuiltinModule("node:os");
const { mkdtempSync, writeFileSync } = globalThis.process.getBuiltinModule("node:fs");
const { join } = globalThis.process.getBuiltinModule("node:path");
const { isAbsolute, relative, resolve, sep } = globalThis.process.getBuiltinModule("node:path");
const { closeSync: closeSync2, constants: constants2, fstatSync, openSync: openSync2, readFileSync, realpathSync } = globalThis.process.getBuiltinModule("node:fs");
const { isAbsolute: isAbsolute2, relative: relative2, sep: sep2 } = globalThis.process.getBuiltinModule("node:path");
import {
  describeProblem,
  formatDuration
} from "./chunk-2YVSZXRU.js";
import {
  alert,
  codeSpan,
  compareBySecretName,
  escapeCell,
  escapeMarkdown,
  escapeWithCode,
  explainEmptySelection,
  fence,
  findUnusedPatterns,
  isSelected,
  link,
  locateOrigin,
  nameSecrets,
  readCredentialOptions,
  readInputs,
  table
} from "./chunk-BML274SY.js";
import {
  MAX_USER_TAGS,
  PREFIX_TAG,
  buildTags,
  isSamePrefix,
  matchesGlob,
  measureGlob,
  readOwnership,
  readPrefix,
  selectUserTags
} from "./chunk-MWWY7IYR.js";
import {
  explainMissingOidc,
  hasOidcRequest
} from "./chunk-SSMYZM6H.js";
import {
  AzureLogger,
  InputError,
  SyncError,
  VaultError,
  createConcurrencyGate,
  errorMessage,
  findCloudByVaultHost,
  isAccessDenied,
  mapWithConcurrency,
  readVaultName
} from "./chunk-Y7B54HM5.js";
import "./chunk-SPM4MOY7.js";

// node_modules/@actions/core/lib/command.js


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

var UUID_BYTES = 16;
function randomUUID(device = "/dev/urandom") {
  const bytes = Buffer.alloc(UUID_BYTES);
  let descriptor;
  try {
    descriptor = openSync(device, "r");
  } catch {
    return process.getBuiltinModule("node:crypto").randomUUID();
  }
  try {
    for (let filled = 0; filled < UUID_BYTES; ) {
      const read = readSync(descriptor, bytes, filled, UUID_BYTES - filled, null);
      if (read === 0) throw new Error(`${device} ended before ${String(UUID_BYTES)} bytes`);
      filled += read;
    }
  } finally {
    closeSync(descriptor);
  }
  bytes[6] = (bytes[6] ?? 0) & 15 | 64;
  bytes[8] = (bytes[8] ?? 0) & 63 | 128;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// node_modules/@actions/core/lib/file-command.js


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


// src/action/job-summary.ts


var SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";
function createJobSummary(env = process.env) {
  let buffer = "";
  const summary = {
    addRaw(text, addEOL = false) {
      buffer += addEOL ? `${text}${EOL4}` : text;
      return summary;
    },
    write() {
      try {
        appendTo(env[SUMMARY_VARIABLE], buffer);
      } catch (error2) {
        return Promise.reject(error2 instanceof Error ? error2 : new Error(String(error2)));
      }
      buffer = "";
      return Promise.resolve(summary);
    }
  };
  return summary;
}
function appendTo(path, text) {
  if (!path)
    throw new Error(
      `Unable to find environment variable for $${SUMMARY_VARIABLE}. Check if your runtime environment supports job summaries.`
    );
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
  }
  appendFileSync2(path, text, { encoding: "utf8" });
}

// src/action/print-batches.ts
var flushedAtExit = /* @__PURE__ */ new WeakSet();
function holdUntilTurnEnds(stream) {
  if (stream.writableCorked > 0) return;
  if (!flushedAtExit.has(stream)) {
    flushedAtExit.add(stream);
    process.once("exit", () => {
      while (stream.writableCorked > 0) stream.uncork();
    });
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
function escapeAnywhere(text) {
  return text.replace(INVISIBLE, escapeCodePoint).replaceAll("##[", "##\\[");
}
function neutraliseCommands(text) {
  return text.split(LINE_BREAK).map(neutraliseLine).join("\n");
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
function createActionIO() {
  AzureLogger.log = (...args) => {
    process.stderr.write(`${neutraliseCommands(format(...args))}
`);
  };
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
  const { Agent } = await import("node:https");
  return new Agent({ keepAlive: true, scheduling: "lifo", proxyEnv: readProxyEnv(env) });
}

// src/engine/heap-size.ts
function keepHeapSmall() {
  const { setFlagsFromString } = process.getBuiltinModule("node:v8");
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--memory-saver-mode");
}

// src/action/references-output.ts



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
function buildReferences(results, vaultUrl, identity) {
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
      containerApp.secrets.push(`${secretName}=keyvaultref:${uri},identityref:${identity}`);
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
  for (const [name, text] of Object.entries(json)) io.setOutput(name, text);
  for (const problem of references.problems) io.warning(`Left out of containerapp-secrets: ${problem}.`, { title: "containerapp-secrets" });
  if (settings.tempDir === void 0 || settings.dryRun) {
    io.setOutput("references-file", "");
    return;
  }
  try {
    const directory = mkdtempSync(join(settings.tempDir, "keyvault-sync-"));
    const path = join(directory, "references.json");
    const members = Object.entries(json).map(([name, text]) => `  ${JSON.stringify(name)}: ${text}`);
    writeFileSync(path, `{
${members.join(",\n")}
}
`, { mode: 384 });
    io.setOutput("references-file", path);
  } catch (error2) {
    io.setOutput("references-file", "");
    io.warning(`Failed to write the references file under RUNNER_TEMP: ${errorMessage(error2)}`, { title: "references-file" });
  }
}

// src/action/fix-commands.ts
var COMMAND_START = /(?<=^|[\s(:])az (?=[a-z])/g;
function splitHint(hint) {
  const parts = [];
  let text = "";
  const flushText = () => {
    if (text !== "") parts.push({ kind: "text", text });
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

// src/action/summary-links.ts

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
  const inRepository = relative(resolve(links.workspace), resolve(links.cwd, file));
  if (inRepository === "" || inRepository === ".." || inRepository.startsWith(`..${sep}`) || isAbsolute(inRepository)) return void 0;
  const path = inRepository.split(sep).map(encodeURIComponent).join("/");
  return `${links.serverUrl}/${links.repository}/blob/${links.sha}/${path}#L${line}`;
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
  const prefix = context.settings?.prefix ? `, prefix ${codeSpan(context.settings.prefix)}` : "";
  return `## Key Vault Sync: ${codeSpan(readVaultName(context.vaultUrl))}${prefix}${context.dryRun ? " (dry run)" : ""}`;
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
    const prefix = settings.prefix ? codeSpan(settings.prefix) : "none";
    const onOff = (on) => on ? "on" : "off";
    lines.push(
      `- **Scope:** owner ${codeSpan(settings.owner)} \xB7 prefix ${prefix} \xB7 prune ${onOff(settings.prune)} \xB7 adopt ${onOff(settings.adopt)}`
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
    const text = paragraph.join("").trim();
    if (text !== "" && !/^[.,;:)]$/.test(text)) lines.push(text, "");
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
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/action/report.ts
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
function annotateResults(matching, status, annotate, dryRun) {
  const shown = matching.length > MAX_ANNOTATIONS ? matching.slice(0, MAX_ANNOTATIONS - 1) : matching;
  for (const result of shown) {
    annotate(`${result.name}: ${result.reason}${result.hint ? `
${result.hint}` : ""}`, {
      title: status === "failed" ? `Failed to ${dryRun ? "plan" : "sync"} ${describeSource(result)}` : `Skipped ${describeSource(result)}`,
      ...locate(result)
    });
  }
  const rest = matching.slice(shown.length);
  if (rest.length > 0) {
    const verb = status === "failed" ? "failed" : "were skipped";
    annotate(
      `${rest.length} more secrets ${verb}: ${rest.map((result) => result.name).join(", ")}. The job summary lists every secret with its reason.`,
      {
        title: `${rest.length} more secrets ${verb}`
      }
    );
  }
}
function describeSource(result) {
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
  const real = realpathSync.native(path);
  if (SPECIAL_ROOTS.some((root) => isInside(real, root))) {
    throw new FileRefusedError("resolves into /proc, /sys or /dev; env-file reads only regular files in the workspace or RUNNER_TEMP");
  }
  const allowed = resolveRoots(roots);
  if (!allowed.some((root) => isInside(real, root))) {
    const where = roots.described ?? "the workspace (GITHUB_WORKSPACE) and the runner's temporary directory (RUNNER_TEMP)";
    throw new FileRefusedError(`resolves (after following symlinks) to a file outside ${where}; env-file reads only files inside them`);
  }
  const fd = openSync2(real, constants2.O_RDONLY | constants2.O_NOFOLLOW | constants2.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile())
      throw new FileRefusedError("is not a regular file (a directory, device, pipe or socket); env-file reads only regular files");
    return new Uint8Array(readFileSync(fd));
  } finally {
    closeSync2(fd);
  }
}
function resolveRoots(roots) {
  const candidates = [roots.workspace, roots.temp].filter((root) => root !== void 0);
  const resolved = candidates.map((root) => {
    try {
      return realpathSync.native(root);
    } catch {
      return void 0;
    }
  });
  return resolved.filter((root) => root !== void 0 && !SPECIAL_ROOTS.some((special) => isInside(root, special)));
}
function isInside(path, root) {
  const rel = relative2(root, path);
  return rel === "" || !isAbsolute2(rel) && rel !== ".." && !rel.startsWith(`..${sep2}`);
}

// src/engine/compare-secret.ts
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
function decideWrite(tags, owner, adopt) {
  const ownership = readOwnership(tags, owner);
  if (ownership.kind === "ours") return { kind: "allowed", adopting: false };
  if (ownership.kind === "other-owner") return { kind: "refused", reason: "other-owner", owner: ownership.owner };
  return adopt ? { kind: "allowed", adopting: true } : { kind: "refused", reason: "not-adopted" };
}
function mayPrune(tags, owner, prefix) {
  return readOwnership(tags, owner).kind === "ours" && isSamePrefix(readPrefix(tags), prefix);
}

// src/engine/rules/renewal.ts
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
function describeOtherPrefix(tags, prefix) {
  const stored = readPrefix(tags);
  if (isSamePrefix(stored, prefix)) return "";
  return stored === "" ? "; was synced without a prefix" : `; was synced under prefix '${stored}'`;
}
function planExisting(secret, existing, context) {
  const { owner, prefix, adopt } = context.options;
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
  const written = `${adopting === "" ? describeOtherPrefix(existing.tags, prefix) : ""}${stored}`;
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
    const failure = existing.value.failure;
    if (isAccessDenied(failure.kind)) {
      return {
        ...baseFor(secret, `${adopting}value not compared (${failure.message}): new version${written}`),
        action: "update",
        change: setNewVersion
      };
    }
    return itemFor(secret, "fail", `${adopting}could not read the current value: ${failure.message}${stored}`, { hint: failure.hint });
  }
  if (existing.value.kind === "not-read") {
    return {
      ...baseFor(secret, `${adopting}value not compared (not read): new version${written}`),
      action: "update",
      change: setNewVersion
    };
  }
  const comparison = compareSecret(secret.value, { ...existing, value: existing.value.value }, { owner, prefix }, metadata);
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
function failedResult(item, error2, prefix = "") {
  const result = resultFromItem(item, "failed", `${prefix}${errorMessage(error2)}`);
  if (error2 instanceof SyncError && error2.hint !== void 0) result.hint = error2.hint;
  return result;
}
function findForeignRecovery(tags, change, owner) {
  const rule = decideWrite(tags, owner, change.adopt);
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
  const others = versions.map((version) => decideWrite(version.tags, owner, false)).filter((rule) => rule.kind === "refused");
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

// src/engine/plan-prune.ts
function planPrune(input, state) {
  const { owner, prefix } = input.options;
  const targeted = new Set(input.desired.map((secret) => secret.name.toLowerCase()));
  const heldBack = /* @__PURE__ */ new Map();
  for (const rejection of input.rejected) {
    if (rejection.name !== void 0) heldBack.set(rejection.name.toLowerCase(), rejection);
  }
  const failedEntries = input.rejected.filter((rejection) => rejection.status === "failed").length;
  const items = [];
  for (const existing of state.secrets) {
    const key = existing.name.toLowerCase();
    const candidate = !existing.managed && mayPrune(existing.tags, owner, prefix) && key.startsWith(prefix.toLowerCase()) && !targeted.has(key);
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

// src/engine/rules/resolve-rules.ts
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
function at(rule, key, text) {
  const line = key === void 0 ? rule.place.line : rule.lines[key] ?? rule.place.line;
  return { place: { origin: rule.place.origin, line }, key, rule: text };
}
function describeRule(rule) {
  return `'${rule.pattern}' (${rule.place.origin} line ${rule.place.line})`;
}
function checkRules(rules, sources, defaults) {
  const problems = [];
  const reported = /* @__PURE__ */ new Set();
  const once = (id, problem) => {
    if (reported.has(id)) return;
    reported.add(id);
    problems.push(problem);
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
  const { parseRules } = await import("./parse-rules-GNZMK5QU.js");
  if (sources.text !== void 0) {
    const parsed = parseRules(sources.text, "input 'rules'");
    rules.push(...parsed.rules);
    problems.push(...parsed.problems);
  }
  if (sources.file !== void 0) {
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
${problems.map((problem) => `- ${describeProblem(problem)}`).join("\n")}`,
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

// src/engine/sources/decode-utf8.ts
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

// src/engine/sources/dotenv-lines.ts
var QUOTE_HINT = 'A value that spans lines must be quoted: KEY="-----BEGIN PRIVATE KEY-----" on the first line, the other lines as they are, and the closing quote after -----END PRIVATE KEY-----. Or write it on one line with \\n between the lines inside double quotes.';
var SKIPPED_HINT = "dotenv would skip this line without a word. If it continues a multi-line value from a line above, quote that value; otherwise fix the line or make it a comment (# at its start).";
function checkDotenvLines(src, entries, lineOf, file) {
  const problems = [...findSkippedLines(src, entries, lineOf), ...entries.flatMap(findEntryProblem)];
  if (problems.length === 0) return;
  problems.sort((a, b) => a.line - b.line);
  const [first, ...others] = problems;
  const otherLines = [...new Set(others.map((problem) => problem.line).filter((line) => line !== first.line))];
  const also = otherLines.length === 0 ? "" : `
Lines with other problems: ${formatLines(otherLines)}.`;
  throw new InputError("env-file", `${file} line ${first.line}: ${first.rule}`, `${first.hint}${also}`);
}
function formatLines(lines) {
  const shown = lines.slice(0, 10).join(", ");
  return lines.length > 10 ? `${shown} and ${lines.length - 10} more` : shown;
}
function findSkippedLines(src, entries, lineOf) {
  const problems = [];
  let next = 0;
  let start = 0;
  while (start <= src.length) {
    LINE_BREAK2.lastIndex = start;
    const end = LINE_BREAK2.exec(src)?.index ?? src.length;
    while (next < entries.length && entries[next].end < start) next += 1;
    const entry = entries[next];
    const covered = entry !== void 0 && entry.start <= start;
    const text = src.slice(start, end).trim();
    if (!covered && text !== "" && !text.startsWith("#")) {
      problems.push({ line: lineOf(start), rule: describeSkippedLine(text), hint: SKIPPED_HINT });
    }
    start = end + 1;
  }
  return problems;
}
var LINE_BREAK2 = /[\n\u2028\u2029]/g;
function describeSkippedLine(text) {
  if (text.includes("\0")) return "holds a NUL character; dotenv would skip the line";
  const withoutExport = text.replace(/^export\s+/, "");
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
function parseDotenv(text, file) {
  const src = text.replace(/\r\n?/g, "\n");
  const lines = new LineCounter(src);
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
  const failure = { ok: false, retryFrom: start + 1 };
  if (src.startsWith("export", start) && isSpace(src[start + 6])) {
    const afterExport = readKeyAndValue(src, skipSpaces(src, start + 6));
    if (afterExport) return afterExport;
  }
  return readKeyAndValue(src, start) ?? failure;
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
var LineCounter = class {
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
var INPUT = "secrets";
var HINT = "Pass a JSON object of name to string value, usually secrets: ${{ toJSON(secrets) }}";
function* readSecretsSource(spec) {
  if (spec.secretsJson !== void 0) yield parseSecretsJson(spec.secretsJson);
}
function parseSecretsJson(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(INPUT, `is not valid JSON ${describeJsonErrorPosition(text)}`, HINT);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InputError(INPUT, `must be a JSON object of name to string value, not ${describeJsonType(parsed)}`, HINT);
  }
  const duplicate = findDuplicateKey(text);
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
function findDuplicateKey(text) {
  const checker = new JsonChecker(text);
  try {
    checker.skipSpace();
    checker.value(0);
  } catch {
    return void 0;
  }
  const firstPositionOf = /* @__PURE__ */ new Map();
  for (const [index, [start, end]] of checker.topLevelKeys.entries()) {
    const key = JSON.parse(text.slice(start, end));
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
function describeJsonErrorPosition(text) {
  const offset2 = findJsonErrorOffset(text);
  if (offset2 === void 0) return "(position unknown)";
  if (offset2 >= text.length) return "(it ends early)";
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset2; index += 1) {
    if (text[index] === "\n") {
      line += 1;
      lineStart = index + 1;
    }
  }
  return `(line ${line}, column ${offset2 - lineStart + 1})`;
}
function findJsonErrorOffset(text) {
  const checker = new JsonChecker(text);
  try {
    checker.skipSpace();
    checker.value(0);
    checker.skipSpace();
    if (checker.index < text.length) return checker.index;
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
  constructor(text) {
    this.text = text;
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

// src/engine/vault-state.ts
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
    const owned = versions.filter((version) => readOwnership(version.tags, owner).kind === "ours");
    if (owned.length === 0) return { kind: "never-owned" };
    const dates = owned.map((version) => version.createdOn?.getTime()).filter((time) => time !== void 0);
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
      const failure = {
        kind: "not-found",
        message: `'${listed.name}' disappeared while the vault was being read`,
        hint: "Run the sync again."
      };
      return { ...listed, value: { kind: "failed", failure }, history };
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
    createCredential: async (options) => (await import("./entra-5BCBBY2Q.js")).createCredential(options),
    createKeyVault: async (vaultUrl, credential, options) => (await import("./key-vault-P3BMJSG4.js")).createKeyVault(vaultUrl, credential, options),
    setExitCode: (code) => {
      process.exitCode = code;
    }
  };
}
async function run(deps = createDefaultDeps()) {
  if (deps.io.getInput("command").trim().toLowerCase() === "check") return (await import("./check-command-W4TRCWRT.js")).runCheckCommand(deps);
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
    const report = { ...describeRun(inputs), notes: context.notes, links };
    await writeReport(results, report, deps.io);
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
  const { vaultUrl, dryRun, dryRunReason, prefix, owner, prune, adopt } = inputs;
  return { vaultUrl, dryRun, dryRunReason, settings: { prefix, owner, prune, adopt } };
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
  keepHeapSmall();
  const agent = await createConnectionAgent(env);
  context.agent = agent;
  const credential = await deps.createCredential({ ...readCredentialOptions(inputs, env, io), agent });
  const { verifySignIn } = await import("./entra-5BCBBY2Q.js");
  await verifySignIn(credential, inputs.cloud.vaultScope);
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
export {
  createDefaultDeps,
  readAuditContext,
  run
};
