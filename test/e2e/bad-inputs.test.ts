/**
 * A table of bad inputs, every input of action.yml and every dotenv quirk the action refuses,
 * each run through the bundled action against the local Azure (see bad-input-rows.ts for what
 * every row must hold). Most rows fail before the network; the last few reach the vault and fail
 * per secret. One cloud and one empty vault per row serve the whole file.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startCloud } from "../../local-azure/index.ts";
import type { Cloud } from "../../local-azure/index.ts";
import { createBadInputTable, type BadInputRow, type BadInputTable } from "./bad-input-rows.ts";
import { makeCanary } from "../../tools/leak-check.ts";

const invalid = (input: string, ...rules: string[]): string[] => [`Invalid input '${input}'`, ...rules];
const c = makeCanary;

/**
 * Base64-like text of letters and digits only, so a line of it can be read as a dotenv key; it
 * always mixes upper case, lower case and digits, as such a line does.
 */
function alnumBase64(length: number): string {
  const hex = randomBytes(length).toString("hex").slice(0, length);
  return `Qx9${Array.from(hex)
    .map((char, index) => (index % 3 === 0 ? char.toUpperCase() : char))
    .join("")}`;
}

/** An env-file row: the file app.env alone as the source. */
function envRow(name: string, content: string | Uint8Array, rules: string[], values: string[] = []): BadInputRow {
  return {
    name,
    inputs: { secrets: "", "env-file": "app.env" },
    files: { "app.env": content },
    expect: invalid("env-file", ...rules),
    values,
  };
}

const outsideDir = mkdtempSync(join(tmpdir(), "kvs-outside-"));
const outsideValue = c("outside");
const outsideFile = join(outsideDir, "secret.env");
writeFileSync(outsideFile, `OUTSIDE=${outsideValue}\n`);

const OUTSIDE_RULE = "to a file outside the workspace (GITHUB_WORKSPACE) and the runner's temporary directory (RUNNER_TEMP)";
const SPECIAL_RULE = "resolves into /proc, /sys or /dev";
const NOT_REGULAR = "is not a regular file";
const SKIPPED = "is not KEY=VALUE, a comment or a blank line; dotenv would skip it";
const PEM_OPEN = "the value opens a PEM block (-----BEGIN …-----) that it does not close";
const FRAGMENT = "looks like a piece of an unquoted multi-line value";

const pem = { first: randomBytes(48).toString("base64"), second: randomBytes(48).toString("base64"), last: alnumBase64(40) };
const pemFile = ["A=1", "TLS_KEY=-----BEGIN PRIVATE KEY-----", pem.first, pem.second, `${pem.last}==`, "-----END PRIVATE KEY-----", ""];
const v = { a: c("a"), b: c("b"), d: c("d"), e: c("e"), f: c("f"), g: c("g"), h: c("h"), k: c("k") };

const vaultRows: BadInputRow[] = [
  { name: "vault: missing", inputs: { vault: "" }, expect: invalid("vault", "is required") },
  { name: "vault: too short", inputs: { vault: "ab" }, expect: invalid("vault", "is neither a vault name nor an https URL") },
  { name: "vault: starts with a digit", inputs: { vault: "1vault" }, expect: invalid("vault", "is neither a vault name") },
  { name: "vault: double hyphen", inputs: { vault: "my--vault" }, expect: invalid("vault", 'has no "--"') },
  { name: "vault: underscore", inputs: { vault: "my_vault" }, expect: invalid("vault", "is neither a vault name") },
  { name: "vault: 25 characters", inputs: { vault: "a".repeat(25) }, expect: invalid("vault", "3 to 24 letters") },
  {
    name: "vault: a secret pasted as the name",
    inputs: { vault: v.a },
    expect: invalid("vault", "is neither a vault name"),
    values: [v.a],
  },
  { name: "vault: http URL", inputs: { vault: "http://my-vault.vault.azure.net" }, expect: invalid("vault", "must be an https URL") },
  {
    name: "vault: URL with a port",
    inputs: { vault: "https://my-vault.vault.azure.net:8443" },
    expect: invalid("vault", "must not have a port"),
  },
  {
    name: "vault: URL with a path",
    inputs: { vault: "https://my-vault.vault.azure.net/secrets" },
    expect: invalid("vault", "must not have a path"),
  },
  {
    name: "vault: URL with a query",
    inputs: { vault: "https://my-vault.vault.azure.net/?x=1" },
    expect: invalid("vault", "must not have a query or fragment"),
  },
  {
    name: "vault: URL with a password",
    inputs: { vault: `https://user:${v.b}@my-vault.vault.azure.net` },
    expect: invalid("vault", "must not contain a user name or password"),
    values: [v.b],
  },
  {
    name: "vault: URL of another host",
    inputs: { vault: "https://my-vault.example.com" },
    expect: invalid("vault", "must have a host that ends with .vault.azure.net"),
  },
  {
    name: "vault: URL of another cloud",
    inputs: { vault: "https://my-vault.vault.azure.cn" },
    expect: invalid("vault", "is a vault in the china cloud"),
  },
  { name: "vault: Managed HSM", inputs: { vault: "https://hsm1.managedhsm.azure.net" }, expect: invalid("vault", "is a Managed HSM") },
  { name: "vault: not a URL", inputs: { vault: "https://" }, expect: invalid("vault", "is not a valid URL") },
];

const secretsRows: BadInputRow[] = [
  {
    name: "secrets: not JSON",
    inputs: { secrets: `{"A": ${v.a}}` },
    expect: invalid("secrets", "is not valid JSON (line 1, column 7)"),
    values: [v.a],
  },
  {
    name: "secrets: cut off",
    inputs: { secrets: `{"A":"${v.a}` },
    expect: invalid("secrets", "is not valid JSON (it ends early)"),
    values: [v.a],
  },
  {
    name: "secrets: error on line 3",
    inputs: { secrets: `{\n  "A": "x",\n  "B": ${v.b}\n}` },
    expect: invalid("secrets", "(line 3, column 8)"),
    values: [v.b],
  },
  {
    name: "secrets: trailing text",
    inputs: { secrets: `{"A":"${v.a}"} ${v.b}` },
    expect: invalid("secrets", "is not valid JSON"),
    values: [v.a, v.b],
  },
  { name: "secrets: single quotes", inputs: { secrets: `{'A':'${v.a}'}` }, expect: invalid("secrets", "is not valid JSON"), values: [v.a] },
  { name: "secrets: an array", inputs: { secrets: `["${v.a}"]` }, expect: invalid("secrets", "not an array"), values: [v.a] },
  { name: "secrets: a string", inputs: { secrets: `"${v.a}"` }, expect: invalid("secrets", "not a string"), values: [v.a] },
  { name: "secrets: null", inputs: { secrets: "null" }, expect: invalid("secrets", "not null") },
  {
    name: "secrets: a number value",
    inputs: { secrets: '{"PORT":54321987}' },
    expect: invalid("secrets", "entry 'PORT' is a number"),
    values: ["54321987"],
  },
  {
    name: "secrets: an object value",
    inputs: { secrets: JSON.stringify({ NESTED: { x: v.a } }) },
    expect: invalid("secrets", "entry 'NESTED' is an object"),
    values: [v.a],
  },
  { name: "secrets: a null value", inputs: { secrets: '{"GONE":null}' }, expect: invalid("secrets", "entry 'GONE' is null") },
  { name: "secrets: a boolean value", inputs: { secrets: '{"FLAG":true}' }, expect: invalid("secrets", "entry 'FLAG' is a boolean") },
  {
    name: "secrets: an empty name",
    inputs: { secrets: JSON.stringify({ "": v.a }) },
    expect: invalid("secrets", "has an entry with an empty name"),
    values: [v.a],
  },
  {
    name: "secrets: a repeated key",
    inputs: { secrets: `{"A":"${v.a}","A":"${v.b}"}` },
    expect: invalid("secrets", "the 2nd key ('A') repeats the 1st"),
    values: [v.a, v.b],
  },
  {
    name: "secrets: a key repeated third",
    inputs: { secrets: `{"A":"${v.a}","B":"${v.b}","A":"${v.d}"}` },
    expect: invalid("secrets", "the 3rd key ('A') repeats the 1st"),
    values: [v.a, v.b, v.d],
  },
  { name: "secrets: no source at all", inputs: { secrets: "" }, expect: invalid("secrets", "is empty, and so is 'env-file'") },
];

const fileRows: BadInputRow[] = [
  {
    name: "env-file: missing",
    inputs: { secrets: "", "env-file": "missing.env" },
    expect: invalid("env-file", "cannot read entry 1 ('missing.env'): ENOENT"),
  },
  {
    name: "env-file: a directory",
    inputs: { secrets: "", "env-file": "conf" },
    prepare: (ws) => mkdirSync(join(ws, "conf")),
    expect: invalid("env-file", NOT_REGULAR),
  },
  {
    name: "env-file: absolute path outside",
    inputs: { secrets: "", "env-file": outsideFile },
    expect: invalid("env-file", OUTSIDE_RULE),
    values: [outsideValue],
  },
  {
    name: "env-file: ../ out of the workspace",
    inputs: { secrets: "", "env-file": "../../../../../../../../etc/passwd" },
    expect: invalid("env-file", OUTSIDE_RULE),
  },
  {
    name: "env-file: symlink pointing outside",
    inputs: { secrets: "", "env-file": "app.env" },
    prepare: (ws) => symlinkSync(outsideFile, join(ws, "app.env")),
    expect: invalid("env-file", OUTSIDE_RULE),
    values: [outsideValue],
  },
  {
    name: "env-file: /proc/self/environ",
    inputs: { secrets: "", "env-file": "/proc/self/environ" },
    expect: invalid("env-file", SPECIAL_RULE),
  },
  {
    name: "env-file: symlink to /proc/self/environ",
    inputs: { secrets: "", "env-file": "app.env" },
    prepare: (ws) => symlinkSync("/proc/self/environ", join(ws, "app.env")),
    expect: invalid("env-file", SPECIAL_RULE),
  },
  { name: "env-file: /dev/null", inputs: { secrets: "", "env-file": "/dev/null" }, expect: invalid("env-file", SPECIAL_RULE) },
  {
    name: "env-file: a named pipe",
    inputs: { secrets: "", "env-file": "pipe.env" },
    prepare: (ws) => execFileSync("mkfifo", [join(ws, "pipe.env")]),
    expect: invalid("env-file", NOT_REGULAR),
  },
  {
    name: "env-file: a path listed twice",
    inputs: { secrets: "", "env-file": "app.env\napp.env" },
    files: { "app.env": `A=${v.a}` },
    expect: invalid("env-file", "entry 2 repeats entry 1"),
    values: [v.a],
  },
  envRow(
    "env-file: a Latin-1 byte",
    new Uint8Array([...Buffer.from(`A=${v.a}\nB=caf`), 0xe9, 0x0a]),
    ["app.env line 2: is not valid UTF-8"],
    [v.a],
  ),
  envRow(
    "env-file: a sequence cut off at the end",
    new Uint8Array([...Buffer.from(`A=${v.a}\nB=`), 0xe2, 0x9c]),
    ["app.env line 2: is not valid UTF-8"],
    [v.a],
  ),
  envRow(
    "env-file: UTF-16 with a byte order mark",
    new Uint8Array([0xff, 0xfe, ...Buffer.from(`A=${v.a}\n`, "utf16le")]),
    ["app.env is UTF-16 (little endian, with a byte order mark), not UTF-8"],
    [v.a],
  ),
  envRow(
    "env-file: UTF-16 without a byte order mark",
    new Uint8Array(Buffer.from(`A=${v.a}\n`, "utf16le")),
    ["app.env is UTF-16 (little endian), not UTF-8"],
    [v.a],
  ),
  envRow(
    "env-file: big-endian UTF-16",
    new Uint8Array(Buffer.from(`A=${v.a}\n`, "utf16le").swap16()),
    ["app.env is UTF-16 (big endian), not UTF-8"],
    [v.a],
  ),
  envRow("env-file: a line that is not KEY=VALUE", `A=${v.a}\n${v.b}\n`, [`app.env line 2: ${SKIPPED}`], [v.a, v.b]),
  envRow("env-file: a key with a space", `A=${v.a}\nMY KEY=${v.b}\n`, ["app.env line 2: has a space in its key"], [v.a, v.b]),
  envRow("env-file: a key with a NUL", `A=${v.a}\nMY\u0000KEY=${v.b}\n`, ["app.env line 2: holds a NUL character"], [v.a, v.b]),
  envRow(
    "env-file: a key with a character dotenv does not read",
    `DB$PASS=${v.a}\n`,
    ["app.env line 1: has a key with a character dotenv does not read"],
    [v.a],
  ),
  envRow("env-file: __proto__", `__proto__=${v.a}\n`, ["app.env line 1: uses the key __proto__"], [v.a]),
  envRow(
    "env-file: an unquoted PEM key",
    pemFile.join("\n"),
    [`app.env line 2: ${PEM_OPEN}`, "must be quoted"],
    [pem.first, pem.second, pem.last],
  ),
  envRow("env-file: an unquoted PEM key, CRLF", pemFile.join("\r\n"), [`app.env line 2: ${PEM_OPEN}`], [pem.first, pem.second, pem.last]),
  envRow("env-file: a PEM that never ends, quoted", `CERT="-----BEGIN CERTIFICATE-----${v.a}"\n`, [`app.env line 1: ${PEM_OPEN}`], [v.a]),
  envRow("env-file: a base64 line ending in ==", `A=${v.a}\n${pem.last}==\n`, [`app.env line 2: ${FRAGMENT}`], [v.a, pem.last]),
  envRow("env-file: a base64 line ending in one =", `A=${v.a}\n${pem.last}=\n`, [`app.env line 2: ${FRAGMENT}`], [v.a, pem.last]),
  envRow("env-file: a value of only =", `A=${v.a}\nSHORT===\n`, [`app.env line 2: ${FRAGMENT}`], [v.a]),
  envRow("env-file: PEM armour as a key", `-----END=${v.a}\n`, [`app.env line 1: ${FRAGMENT}`], [v.a]),
  envRow(
    "env-file: an unclosed quote",
    `A=1\nTLS_KEY="${v.a}\n${v.b}=1\n`,
    ['app.env line 2: the value of TLS_KEY opens a " quote that never closes'],
    [v.a, v.b],
  ),
  envRow("env-file: export without a value", `export ${v.a}\n`, [`app.env line 1: ${SKIPPED}`], [v.a]),
  envRow("env-file: a colon without a space", `A:${v.a}\n`, [`app.env line 1: ${SKIPPED}`], [v.a]),
  envRow("env-file: a lone quote after a closed value", `A="${v.a}"x\nB=2\n"\n`, [`app.env line 3: ${SKIPPED}`], [v.a]),
  envRow("env-file: a bad line in a CRLF file", `A=${v.a}\r\n\r\n${v.b}\r\n`, [`app.env line 3: ${SKIPPED}`], [v.a, v.b]),
  {
    name: "env-file: the second file is bad",
    inputs: { secrets: "", "env-file": "good.env\nbad.env" },
    files: { "good.env": `GOOD=${v.a}\n`, "bad.env": `B=${v.b}\nnot an entry ${v.d}\n` },
    expect: invalid("env-file", `bad.env line 2: ${SKIPPED}`),
    values: [v.a, v.b, v.d],
  },
];

const patternRows: BadInputRow[] = [
  { name: "include: negation", inputs: { include: "!A" }, expect: invalid("include", "pattern 1 starts with '!'") },
  {
    name: "include: a space",
    inputs: { include: "DB PASS" },
    expect: invalid("include", "pattern 1 has a character that no source name can contain at column 3"),
  },
  { name: "include: an unclosed class", inputs: { include: "[A" }, expect: invalid("include", "without a closing ']'") },
  { name: "include: a stray ]", inputs: { include: "A]" }, expect: invalid("include", "has ']' without a matching '['") },
  { name: "include: an empty class", inputs: { include: "A[]" }, expect: invalid("include", "has an empty character class") },
  {
    name: "include: a range out of order",
    inputs: { include: "A[z-a]" },
    expect: invalid("include", "has a character range out of order"),
  },
  {
    name: "include: the second of two comma separated",
    inputs: { include: "A*,{x}" },
    expect: invalid("include", "pattern 2 has a character"),
  },
  {
    name: "include: selects nothing",
    inputs: { include: "DATABASE_*" },
    expect: ["Nothing to sync: the sources hold 1 entry", "include pattern 1 ('DATABASE_*') matched no source name"],
  },
  {
    name: "include: a pathological pattern over a long name",
    inputs: { include: `${"*a".repeat(40)}b`, secrets: JSON.stringify({ ["a".repeat(120)]: v.e }) },
    expect: ["Nothing to sync", "include pattern 1"],
    values: [v.e],
  },
  {
    name: "include: only github_token in the sources",
    inputs: { include: "GITHUB_*", secrets: JSON.stringify({ github_token: v.f }) },
    expect: ["Nothing to sync: the sources hold only github_token"],
    values: [v.f],
  },
  { name: "exclude: braces", inputs: { exclude: "{a,b}" }, expect: invalid("exclude", "pattern 1 has a character") },
  { name: "exclude: a slash", inputs: { exclude: "a/b" }, expect: invalid("exclude", "pattern 1 has a character") },
  { name: "exclude: negation", inputs: { exclude: "!X" }, expect: invalid("exclude", "starts with '!'") },
  {
    name: "exclude: leaves nothing",
    inputs: { exclude: "*" },
    expect: ["Nothing to sync: the sources hold 1 entry, and include/exclude selected none of them"],
  },
];

const settingRows: BadInputRow[] = [
  { name: "prefix: underscore", inputs: { prefix: "bad_" }, expect: invalid("prefix", "may contain only letters, digits and hyphens") },
  { name: "prefix: a space", inputs: { prefix: "has space" }, expect: invalid("prefix", "may contain only") },
  { name: "prefix: a dot", inputs: { prefix: "x.y" }, expect: invalid("prefix", "may contain only") },
  { name: "prefix: too long", inputs: { prefix: "p".repeat(127) }, expect: invalid("prefix", "must be at most 126 characters") },
  {
    name: "name-transform: unknown",
    inputs: { "name-transform": "underscores" },
    expect: invalid("name-transform", "must be one of hyphens, none"),
  },
  { name: "name-transform: punctuation", inputs: { "name-transform": "hyphens!" }, expect: invalid("name-transform", "must be one of") },
  { name: "tenant-id: common", inputs: { "tenant-id": "common" }, expect: invalid("tenant-id", "must name one tenant") },
  { name: "tenant-id: organizations", inputs: { "tenant-id": "organizations" }, expect: invalid("tenant-id", "must name one tenant") },
  {
    name: "tenant-id: not a tenant",
    inputs: { "tenant-id": "not a tenant!" },
    expect: invalid("tenant-id", "must be a tenant ID (a GUID) or a domain name"),
  },
  { name: "tenant-id: missing", inputs: { "tenant-id": "" }, expect: invalid("tenant-id", "is required with auth: oidc") },
  { name: "client-id: not a GUID", inputs: { "client-id": "not-a-guid" }, expect: invalid("client-id", "must be a GUID") },
  {
    name: "client-id: a GUID in braces",
    inputs: { "client-id": "{5b1f6f2e-2a53-4c1e-8f0d-6e7a9c3b1d42}" },
    expect: invalid("client-id", "must be a GUID"),
  },
  { name: "client-id: missing", inputs: { "client-id": "" }, expect: invalid("client-id", "is required with auth: oidc") },
  { name: "auth: password", inputs: { auth: "password" }, expect: invalid("auth", "must be one of oidc, azure-cli, managed-identity") },
  { name: "auth: service-principal", inputs: { auth: "service-principal" }, expect: invalid("auth", "must be one of") },
  { name: "cloud: azure", inputs: { cloud: "azure" }, expect: invalid("cloud", "must be one of public, usgovernment, china") },
  { name: "cloud: germany", inputs: { cloud: "germany" }, expect: invalid("cloud", "must be one of") },
  { name: "audience: whitespace", inputs: { audience: "api://x y" }, expect: invalid("audience", "must not contain whitespace") },
  { name: "audience: too long", inputs: { audience: "a".repeat(601) }, expect: invalid("audience", "must be at most 600 characters") },
  { name: "dry-run: maybe", inputs: { "dry-run": "maybe" }, expect: invalid("dry-run", "must be one of auto, true, false") },
  { name: "dry-run: yes", inputs: { "dry-run": "yes" }, expect: invalid("dry-run", "must be one of") },
  { name: "prune: yes", inputs: { prune: "yes" }, expect: invalid("prune", "must be true or false") },
  { name: "prune: 1", inputs: { prune: "1" }, expect: invalid("prune", "must be true or false") },
  { name: "prune: mixed case", inputs: { prune: "tRuE" }, expect: invalid("prune", "must be true or false") },
  { name: "adopt: on", inputs: { adopt: "on" }, expect: invalid("adopt", "must be true or false") },
  { name: "adopt: no", inputs: { adopt: "no" }, expect: invalid("adopt", "must be true or false") },
  { name: "owner: too long", inputs: { owner: "o".repeat(257) }, expect: invalid("owner", "must be at most 256 characters") },
  { name: "owner: missing", inputs: { owner: "" }, env: { GITHUB_REPOSITORY: undefined }, expect: invalid("owner", "is required") },
  {
    name: "content-type: too long",
    inputs: { "content-type": "t".repeat(256) },
    expect: invalid("content-type", "must be at most 255 characters"),
  },
  { name: "tags: no =", inputs: { tags: "team" }, expect: invalid("tags", "tag 1 is not key=value") },
  { name: "tags: a comma in a value", inputs: { tags: "list=a,b" }, expect: invalid("tags", "tag 2 is not key=value") },
  {
    name: "tags: nine lines",
    inputs: { tags: Array.from({ length: 9 }, (_, i) => `t${i}=v`).join("\n") },
    expect: invalid("tags", "allows at most 8 tags"),
  },
  {
    name: "tags: nine comma separated",
    inputs: { tags: Array.from({ length: 9 }, (_, i) => `t${i}=v`).join(",") },
    expect: invalid("tags", "allows at most 8 tags"),
  },
  { name: "tags: a reserved name", inputs: { tags: "managed-by=me" }, expect: invalid("tags", "tag 1 uses 'managed-by'") },
  { name: "tags: a repeated key", inputs: { tags: "a=1,A=2" }, expect: invalid("tags", "tag 2 repeats the key of tag 1") },
  { name: "tags: an empty key", inputs: { tags: "=x" }, expect: invalid("tags", "tag 1 has an empty key") },
  { name: "tags: a long key", inputs: { tags: `${"k".repeat(257)}=v` }, expect: invalid("tags", "has a key longer than 256 characters") },
  {
    name: "tags: a long value",
    inputs: { tags: `k=${"v".repeat(257)}` },
    expect: invalid("tags", "has a value longer than 256 characters"),
  },
  {
    name: "expires-in: no unit",
    inputs: { "expires-in": "90" },
    expect: invalid("expires-in", "must be a positive whole number followed by m"),
  },
  { name: "expires-in: years", inputs: { "expires-in": "1y" }, expect: invalid("expires-in", "must be a positive whole number") },
  { name: "expires-in: zero", inputs: { "expires-in": "0d" }, expect: invalid("expires-in", "must be a positive whole number") },
  { name: "expires-in: negative", inputs: { "expires-in": "-1d" }, expect: invalid("expires-in", "must be a positive whole number") },
  { name: "expires-in: upper-case unit", inputs: { "expires-in": "1M" }, expect: invalid("expires-in", "must be a positive whole number") },
  { name: "expires-in: a fraction", inputs: { "expires-in": "1.5d" }, expect: invalid("expires-in", "must be a positive whole number") },
  { name: "expires-in: over a century", inputs: { "expires-in": "36501d" }, expect: invalid("expires-in", "must be at most 100 years") },
  { name: "concurrency: zero", inputs: { concurrency: "0" }, expect: invalid("concurrency", "must be a whole number from 1 to 64") },
  { name: "concurrency: 65", inputs: { concurrency: "65" }, expect: invalid("concurrency", "must be a whole number from 1 to 64") },
  { name: "concurrency: a word", inputs: { concurrency: "abc" }, expect: invalid("concurrency", "must be a whole number") },
  { name: "concurrency: a fraction", inputs: { concurrency: "1.5" }, expect: invalid("concurrency", "must be a whole number") },
  { name: "concurrency: negative", inputs: { concurrency: "-1" }, expect: invalid("concurrency", "must be a whole number") },
  { name: "concurrency: 1000", inputs: { concurrency: "1000" }, expect: invalid("concurrency", "must be a whole number") },
];

/** Rows that pass the inputs, sign in and read the vault, and then fail per secret. */
const entryRows: BadInputRow[] = [
  {
    name: "secrets: a value over 25 KB",
    inputs: { secrets: JSON.stringify({ BIG: `${v.g}${randomBytes(13_000).toString("hex")}` }) },
    expect: ["BIG: the value is larger than Key Vault allows"],
    values: [v.g],
  },
  {
    name: "secrets: names colliding",
    inputs: { secrets: JSON.stringify({ A_B: v.a, "A-B": v.b }) },
    expect: ["collides with"],
    values: [v.a, v.b],
  },
  {
    name: "secrets: names colliding by case",
    inputs: { secrets: JSON.stringify({ Api_Key: v.a, API_KEY: v.b }) },
    expect: ["collides with"],
    values: [v.a, v.b],
  },
  {
    name: "secrets and env-file: one name from both",
    inputs: { secrets: JSON.stringify({ DB_PASS: v.a }), "env-file": "app.env" },
    files: { "app.env": `DB_PASS=${v.b}\n` },
    expect: ["collides with", "app.env line 1"],
    values: [v.a, v.b],
  },
  {
    name: "name-transform: none with an underscore",
    inputs: { "name-transform": "none", secrets: JSON.stringify({ A_B: v.h }) },
    expect: ["may contain only letters, digits and hyphens", "name-transform: hyphens"],
    values: [v.h],
  },
  {
    name: "secrets: a name over 127 characters",
    inputs: { secrets: JSON.stringify({ ["N".repeat(128)]: v.k }) },
    expect: ["Key Vault names are at most 127 characters"],
    values: [v.k],
  },
  {
    name: "prefix: pushes a name over 127 characters",
    inputs: { prefix: "p".repeat(120), secrets: JSON.stringify({ LONG_NAME: v.k }) },
    expect: ["Key Vault names are at most 127 characters"],
    values: [v.k],
  },
];

const rows: BadInputRow[] = [...vaultRows, ...secretsRows, ...fileRows, ...patternRows, ...settingRows, ...entryRows];

let cloud: Cloud;
let table: BadInputTable;

beforeAll(async () => {
  cloud = await startCloud();
  table = createBadInputTable(cloud, "bad");
  await table.createVaults(rows.length);
});
afterAll(async () => {
  await cloud?.stop();
  rmSync(outsideDir, { recursive: true, force: true });
});

describe("the bad-input table", () => {
  it("has at least 100 rows, each named once", () => {
    if (rows.length < 100) throw new Error(`only ${rows.length} rows`);
    const names = new Set(rows.map((row) => row.name));
    if (names.size !== rows.length) throw new Error("two rows share a name");
  });
});

describe.concurrent("a bad input fails the step cleanly", () => {
  it.each(rows.map((row, index) => ({ ...row, index })))("$name", async (row) => {
    await table.check(row, row.index);
  });
});
