/**
 * Azure Policy (effect Deny) on a vault's secrets, as governed tenants assign it: the built-in
 * definitions for content type, expiry and maximum validity. Key Vault evaluates them itself
 * (policy mode Microsoft.KeyVault.Data) and refuses a non-compliant write with 403
 * ForbiddenByGovernancePolicy naming the assignment. Facts and open questions: ../POLICY-FACTS.md.
 */
import type { GovernancePolicyConfig } from "../types.ts";
import { fail, type Outcome } from "./outcome.ts";

/** Display names of the built-in definitions, as the denial message quotes them. */
export const POLICY_DEFINITIONS = {
  contentType: "Secrets should have content type set",
  expiry: "Key Vault secrets should have an expiration date",
  maxValidity: "Secrets should have the specified maximum validity period",
} as const;

export const DEFAULT_POLICY_ASSIGNMENT = "Enforce-GR-KeyVault";

/** The secret version as it would be stored after the write. */
export interface PolicySubject {
  contentType?: string;
  exp?: number;
  /** IntDate the version was (or would be) created. */
  created: number;
}

/** Which definition, if any, denies the write; the first failing one in the order above. */
export function findViolation(policy: GovernancePolicyConfig, subject: PolicySubject): string | undefined {
  if (policy.requireContentType && (subject.contentType === undefined || subject.contentType === "")) return POLICY_DEFINITIONS.contentType;
  if (policy.requireExpiry && subject.exp === undefined) return POLICY_DEFINITIONS.expiry;
  if (policy.maxValidityDays !== null) {
    // The built-in rule treats a secret without an expiry as exceeding any maximum.
    if (subject.exp === undefined || subject.exp > subject.created + policy.maxValidityDays * 86_400) return POLICY_DEFINITIONS.maxValidity;
  }
  return undefined;
}

export function failGovernancePolicy(policy: GovernancePolicyConfig, secretName: string, definition: string): Outcome {
  return fail(
    403,
    "Forbidden",
    `Secret '${secretName}' was disallowed by policy. policyAssignment: ${policy.assignmentName} / "${definition}"`,
    "ForbiddenByGovernancePolicy",
  );
}

/** undefined when the write may go ahead. */
export function checkGovernancePolicy(
  policy: GovernancePolicyConfig | null | undefined,
  secretName: string,
  subject: PolicySubject,
): Outcome | undefined {
  if (policy === null || policy === undefined) return undefined;
  const violation = findViolation(policy, subject);
  return violation === undefined ? undefined : failGovernancePolicy(policy, secretName, violation);
}

export function createPolicyTemplate(): GovernancePolicyConfig {
  return {
    assignmentName: DEFAULT_POLICY_ASSIGNMENT,
    requireContentType: false,
    requireExpiry: false,
    maxValidityDays: null,
    evaluateUpdates: true,
  };
}
