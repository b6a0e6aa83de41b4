/**
 * The inputs only `check` reads, checked before anything touches the network. Like inputs.ts,
 * errors name the input and the rule, never the value.
 */
import type { CloudEndpoints } from "../engine/clouds.ts";
import { InputError } from "../engine/errors.ts";
import { parseKeyId } from "../engine/check/byok.ts";
import type { KeyId } from "../engine/check/byok.ts";
import { CHECK_PARTS } from "../engine/check/check-vault.ts";
import type { CheckPart, CheckSettings } from "../engine/check/check-vault.ts";
import { FAIL_ON_CHOICES } from "../engine/check/findings.ts";
import type { FailOn } from "../engine/check/findings.ts";
import type { Env } from "../engine/env.ts";
import { splitList } from "./input-fields.ts";

export const CHECK_INPUT_NAMES = [
  "checks",
  "key-id",
  "expiry-warning-days",
  "max-versions",
  "fail-on",
  "subscription-id",
  "resource-group",
] as const;

export const DEFAULT_EXPIRY_WARNING_DAYS = 30;
export const DEFAULT_MAX_VERSIONS = 100;
export const DEFAULT_FAIL_ON: FailOn = "warning";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_GROUP = /^[-\w._()]{1,90}$/;

function readWholeNumber(raw: string, fallback: number, min: number, max: number, input: string, problems: InputError[]): number {
  if (raw === "") return fallback;
  if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(new InputError(input, `must be a whole number from ${min} to ${max}`));
    return fallback;
  }
  return Number(raw);
}

export function readCheckInputs(getInput: (name: string) => string, env: Env, cloud: CloudEndpoints): CheckSettings {
  const raw = Object.fromEntries(CHECK_INPUT_NAMES.map((name) => [name, getInput(name).trim()])) as Record<
    (typeof CHECK_INPUT_NAMES)[number],
    string
  >;
  const problems: InputError[] = [];

  let key: KeyId | undefined;
  if (raw["key-id"] !== "") {
    const parsed = parseKeyId(raw["key-id"], cloud.vaultSuffix);
    if (parsed.ok) key = parsed.key;
    else problems.push(new InputError("key-id", parsed.rule));
  }

  const parts = new Set<CheckPart>();
  const listed = splitList(raw.checks, true);
  if (listed.length === 0) {
    parts.add("sync").add("health");
    if (key !== undefined) parts.add("key");
  }
  listed.forEach((item, index) => {
    const part = CHECK_PARTS.find((candidate) => candidate === item.toLowerCase());
    if (part === undefined) problems.push(new InputError("checks", `item ${index + 1} is not one of ${CHECK_PARTS.join(", ")}`));
    else parts.add(part);
  });
  if (parts.has("key") && key === undefined && raw["key-id"] === "")
    problems.push(new InputError("checks", "names 'key', which needs the key-id input"));

  const expiryWarningDays = readWholeNumber(
    raw["expiry-warning-days"],
    DEFAULT_EXPIRY_WARNING_DAYS,
    0,
    3650,
    "expiry-warning-days",
    problems,
  );
  const maxVersions = readWholeNumber(raw["max-versions"], DEFAULT_MAX_VERSIONS, 1, 100_000, "max-versions", problems);

  let failOn = DEFAULT_FAIL_ON;
  if (raw["fail-on"] !== "") {
    const chosen = FAIL_ON_CHOICES.find((choice) => choice === raw["fail-on"].toLowerCase());
    if (chosen === undefined) problems.push(new InputError("fail-on", `must be one of ${FAIL_ON_CHOICES.join(", ")}`));
    else failOn = chosen;
  }

  const subscriptionId = raw["subscription-id"] || env["AZURE_SUBSCRIPTION_ID"]?.trim() || "";
  const resourceGroup = raw["resource-group"];
  if (subscriptionId !== "" && !GUID.test(subscriptionId))
    problems.push(
      new InputError("subscription-id", `must be a GUID${raw["subscription-id"] === "" ? " (taken from AZURE_SUBSCRIPTION_ID)" : ""}`),
    );
  if (resourceGroup !== "" && !RESOURCE_GROUP.test(resourceGroup))
    problems.push(new InputError("resource-group", "must be 1 to 90 letters, digits, '-', '_', '.', '(' or ')'"));
  if (resourceGroup !== "" && subscriptionId === "")
    problems.push(new InputError("subscription-id", "is required with resource-group (or set AZURE_SUBSCRIPTION_ID)"));

  const [first, ...others] = problems;
  if (first !== undefined) {
    const hint = [first.hint, ...others.map((other) => `Also: ${other.message}`)].filter(Boolean).join("\n");
    throw new InputError(first.input, first.message.replace(/^Invalid input '[^']*': /, ""), hint === "" ? undefined : hint);
  }
  const resource =
    subscriptionId !== "" && resourceGroup !== "" ? { subscriptionId: subscriptionId.toLowerCase(), resourceGroup } : undefined;
  return { parts, key, expiryWarningDays, maxVersions, failOn, resource };
}
