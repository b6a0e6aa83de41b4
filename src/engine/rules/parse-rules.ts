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
import { LineCounter, isMap, isScalar, parseDocument } from "yaml";
import type { Node, Pair } from "yaml";
import { checkGlob } from "../globs.ts";
import { MAX_TAG_LENGTH, RESERVED_TAGS } from "../tags.ts";
import { parseDuration } from "./duration.ts";
import { RULE_KEYS } from "./rule.ts";
import type { Rule, RuleKey, RuleProblem } from "./rule.ts";

const MAX_CONTENT_TYPE_LENGTH = 255;
const VAULT_NAME_CHARS = /^[0-9A-Za-z-]+$/;

interface Reader {
  origin: string;
  lines: LineCounter;
  problems: RuleProblem[];
}

function lineOf(reader: Reader, node: Node | null | undefined): number {
  const offset = node?.range?.[0] ?? 0;
  return reader.lines.linePos(offset).line;
}

function problem(reader: Reader, node: Node | null | undefined, key: string | undefined, rule: string): void {
  reader.problems.push({ place: { origin: reader.origin, line: lineOf(reader, node) }, key, rule });
}

/** A scalar's text; numbers and booleans are accepted where text is expected (`team: 42`). */
function readText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

/** Parses one YAML text. `origin` names it in problems: "input 'rules'" or "rules-file 'x.yml'". */
export function parseRules(text: string, origin: string): { rules: Rule[]; problems: RuleProblem[] } {
  const lines = new LineCounter();
  const reader: Reader = { origin, lines, problems: [] };
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
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
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) return { rules: [], problems: [] };
  if (!isMap(root)) {
    problem(reader, root, undefined, "must be a mapping from source names or patterns to settings");
    return { rules: [], problems: reader.problems };
  }
  const rules: Rule[] = [];
  for (const pair of root.items) {
    const rule = readRule(reader, pair);
    if (rule !== undefined) rules.push(rule);
  }
  return { rules, problems: reader.problems };
}

function readRule(reader: Reader, pair: Pair): Rule | undefined {
  const keyNode = pair.key as Node | null;
  const pattern = readText(keyNode);
  if (pattern === undefined || pattern === "") {
    problem(reader, keyNode, undefined, "each key must be a source name or pattern");
    return undefined;
  }
  const globProblem = checkGlob(pattern);
  if (globProblem !== undefined) {
    problem(reader, keyNode, undefined, `the pattern ${globProblem}`);
    return undefined;
  }
  const rule: Rule = { pattern, place: { origin: reader.origin, line: lineOf(reader, keyNode) }, lines: {} };
  const body = pair.value as Node | null;
  if (!isMap(body)) {
    problem(reader, body ?? keyNode, undefined, `the settings of '${pattern}' must be a mapping of keys (${RULE_KEYS.join(", ")})`);
    return undefined;
  }
  for (const item of body.items) {
    const settingNode = item.key as Node | null;
    const key = readText(settingNode);
    if (key === undefined || !(RULE_KEYS as readonly string[]).includes(key)) {
      problem(reader, settingNode, key, `is not a rule key; known keys: ${RULE_KEYS.join(", ")}`);
      continue;
    }
    rule.lines[key as RuleKey] = lineOf(reader, settingNode);
    readSetting(reader, rule, key as RuleKey, item.value as Node | null);
  }
  return rule;
}

function readSetting(reader: Reader, rule: Rule, key: RuleKey, node: Node | null): void {
  const fail = (text: string): void => problem(reader, node ?? undefined, key, text);
  if (key === "tags") {
    rule.tags = readTags(reader, node);
    return;
  }
  if (key === "enabled") {
    if (isScalar(node) && typeof node.value === "boolean") rule.enabled = node.value;
    else fail("must be true or false");
    return;
  }
  const text = readText(node);
  if (text === undefined) {
    fail("must be a single value");
    return;
  }
  switch (key) {
    case "name":
      if (!VAULT_NAME_CHARS.test(text)) fail("must be a Key Vault name: letters, digits and hyphens (the prefix is added in front)");
      else rule.name = text;
      return;
    case "content-type":
      if (text.length > MAX_CONTENT_TYPE_LENGTH) fail(`must be at most ${MAX_CONTENT_TYPE_LENGTH} characters (a Key Vault limit)`);
      else rule.contentType = text;
      return;
    case "update":
      if (text === "replace" || text === "create-only") rule.update = text;
      else fail("must be 'replace' or 'create-only'");
      return;
    case "expires-in":
    case "not-before":
    case "renew-before": {
      const parsed = parseDuration(text);
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

function readTags(reader: Reader, node: Node | null): Record<string, string> | undefined {
  if (!isMap(node)) {
    problem(reader, node ?? undefined, "tags", "must be a mapping of tag names to values");
    return undefined;
  }
  const tags: Record<string, string> = {};
  const reserved = new Map(RESERVED_TAGS.map((name) => [name.toLowerCase(), name]));
  const seen = new Set<string>();
  for (const item of node.items) {
    const nameNode = item.key as Node | null;
    const name = readText(nameNode);
    const value = readText(item.value);
    const at = (text: string): void => problem(reader, nameNode ?? node, "tags", text);
    if (name === undefined || name === "") at("each tag needs a name");
    else if (value === undefined) at(`tag '${name}' must have a single value`);
    else if (name.length > MAX_TAG_LENGTH || value.length > MAX_TAG_LENGTH)
      at(`tag '${name}': names and values are at most ${MAX_TAG_LENGTH} characters`);
    else if (reserved.has(name.toLowerCase())) at(`tag '${name}' is one the action writes itself (reserved: ${RESERVED_TAGS.join(", ")})`);
    else if (seen.has(name.toLowerCase())) at(`tag '${name}' is given twice (tag names ignore case)`);
    else {
      seen.add(name.toLowerCase());
      tags[name] = value;
    }
  }
  return tags;
}
